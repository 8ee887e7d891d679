"""Step 4 of the snow cover sequence: the regional snow line and land line of each day, from a DEM (Parajka &
Blöschl 2008, J. Hydrol. 358, 240-258, and the regional snow-line method of Parajka et al. 2010, J. Hydrol. 381,
203-212; Gafurov & Bárdossy 2009, Hydrol. Earth Syst. Sci. 13, 1361-1373, step 4).

The lines come from the clear cells of the whole grid on that day (after steps 1-3), so they need a first pass over
the grid: per day, a histogram of the elevations of its snow cells, of its no-snow cells and of its cloud cells
(:data:`BINS` equal bins between the DEM's lowest and highest value, none narrower than :data:`MIN_BIN_WIDTH`).
With the tolerance q (a fraction, default 0.02):

* ``a`` = the q-quantile of the elevations of the snow cells (only a fraction q of the snow lies lower);
* ``b`` = the (1 - q)-quantile of the elevations of the no-snow cells (only a fraction q of the bare land lies
  higher);
* land line = min(a, b): a cloud cell below it becomes no snow; snow line = max(a, b): a cloud cell above it
  becomes snow; between the two lines it stays cloud. With q = 0 this is Gafurov & Bárdossy's rule: above the
  highest no-snow cell snow, below the lowest snow cell no snow. A day without snow cells has only a land line (b),
  a day without no-snow cells only a snow line (a).

A day gets lines only when its clear cells (with an elevation) are at least ``min_clear`` (a fraction, default
0.05) of its land cells with an elevation (clear and cloud). "Below" and "above" are judged by bin: a cell in the
bin of a line keeps its cloud.
"""
from __future__ import annotations

from typing import Optional, Tuple

import numpy as np

from ..codes import CLOUD, NO_SNOW, SNOW
from ..errors import CryoInputError

BINS = 1024
MIN_BIN_WIDTH = 10.0  # m: finer bins would only cost memory (the histograms of a season take days x bins x 24 bytes)
NO_BIN = -1  # cells without an elevation


class ElevationBins:
    """Equal elevation bins between the DEM's lowest and highest values: ``bins`` of them, or fewer when they would
    be narrower than ``min_width`` metres."""

    def __init__(self, low: float, high: float, bins: int = BINS, min_width: float = MIN_BIN_WIDTH):
        self.low = float(low)
        span = float(high) - self.low
        self.bins = int(min(bins, max(1, np.ceil(span / min_width))))
        self.width = max(span / self.bins, 1e-3)

    def of(self, dem: np.ndarray) -> np.ndarray:
        """int32 bin of each cell of ``dem`` (metres, NaN = none): :data:`NO_BIN` without an elevation."""
        index = np.full(dem.shape, NO_BIN, np.int32)
        valid = np.isfinite(dem)
        index[valid] = np.clip(((dem[valid] - self.low) / self.width).astype(np.int64), 0, self.bins - 1)
        return index

    def lower_edge(self, index: np.ndarray) -> np.ndarray:
        return self.low + index * self.width


class DailyHistograms:
    """Per day, the elevation histograms of the no-snow, snow and cloud cells, added block by block."""

    def __init__(self, days: int, elevation: ElevationBins):
        self.elevation = elevation
        self.counts = np.zeros((days, elevation.bins, 3), np.int64)  # [day, bin, (no snow, snow, cloud)]

    @staticmethod
    def nbytes(days: int, elevation: ElevationBins) -> int:
        return days * elevation.bins * 3 * 8

    def add(self, states: np.ndarray, bins: np.ndarray) -> None:
        """Add ``states`` ``(days, rows, cols)`` of this histogram's days, with the ``bins`` of their cells."""
        size = self.elevation.bins
        keys = np.where(bins == NO_BIN, size, bins).astype(np.int32) * 4  # cells without elevation: a dump bin
        state = np.empty(bins.shape, np.uint8)
        key = np.empty(bins.shape, np.int32)
        for day in range(states.shape[0]):
            np.minimum(states[day], 3, out=state)  # 0 no snow, 1 snow, 2 cloud, 3 water or nodata
            np.add(keys, state, out=key)
            self.counts[day] += np.bincount(key.ravel(), minlength=4 * (size + 1)).reshape(-1, 4)[:size, :3]

    def lines(self, tolerance: float, min_clear: float) -> Tuple[np.ndarray, np.ndarray]:
        """``(land, snow)`` bin of each day's lines: a cloud cell whose bin is below ``land`` becomes no snow,
        above ``snow`` snow. Days without a line hold -1 (land) and :attr:`ElevationBins.bins` (snow)."""
        no_snow, snow, cloud = (self.counts[:, :, i] for i in range(3))
        n_snow, n_no = snow.sum(axis=1), no_snow.sum(axis=1)
        clear = n_snow + n_no
        usable = (clear > 0) & (clear >= min_clear * (clear + cloud.sum(axis=1)))
        a = np.argmax(np.cumsum(snow, axis=1) > tolerance * n_snow[:, None], axis=1)
        b = np.argmax(np.cumsum(no_snow, axis=1) >= (1.0 - tolerance) * n_no[:, None] - 1e-9, axis=1)
        land = np.where(n_snow > 0, np.minimum(a, b), b)
        high = np.where(n_no > 0, np.maximum(a, b), a)
        land = np.where(usable & (n_no > 0), land, -1)
        high = np.where(usable & (n_snow > 0), high, self.elevation.bins)
        return land, high

    def line_metres(self, land: np.ndarray, high: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Elevations (m) of the lines: the land line at the lower edge of its bin, the snow line at the upper
        edge of its bin; NaN on days without the line."""
        land_m = np.where(land >= 0, self.elevation.lower_edge(land), np.nan)
        snow_m = np.where(high < self.elevation.bins, self.elevation.lower_edge(high + 1), np.nan)
        return land_m, snow_m


def apply_snow_line(states: np.ndarray, bins: np.ndarray, land: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Step 4 on ``states`` ``(days, rows, cols)`` with the day's lines ``land``/``high`` (bins, per day) and the
    cells' ``bins``. Returns the mask of the changed cells. Days whose lines no cell lies beyond are passed over."""
    valid = bins != NO_BIN
    if not valid.any():
        return np.zeros(states.shape, bool)
    below_of = np.where(valid, bins, np.iinfo(np.int16).max).astype(np.int16)
    above_of = bins.astype(np.int16)
    lowest, highest = int(bins[valid].min()), int(bins.max())
    filled = np.zeros(states.shape, bool)
    cloud = np.empty(bins.shape, bool)
    change = np.empty(bins.shape, bool)
    for day in range(states.shape[0]):
        lower, upper = land[day] > lowest, high[day] < highest
        if not (lower or upper):
            continue
        today = states[day]
        np.equal(today, CLOUD, out=cloud)
        if lower:
            np.less(below_of, land[day], out=change)
            change &= cloud
            today[change] = NO_SNOW
            filled[day] |= change
        if upper:
            np.greater(above_of, high[day], out=change)
            change &= cloud
            today[change] = SNOW
            filled[day] |= change
    return filled


def check_snow_line_options(tolerance: float, min_clear: float, dem_range: Optional[Tuple[float, float]]) -> None:
    if not 0.0 <= tolerance < 0.5:
        raise CryoInputError("SNOWLINE_TOLERANCE must be from 0 to 49 percent (of the snow and of the no-snow cells "
                             "allowed beyond the lines), got {:g} %".format(100 * tolerance))
    if not 0.0 <= min_clear <= 1.0:
        raise CryoInputError("SNOWLINE_MIN_CLEAR must be from 0 to 100 percent of the land cells, got {:g} %".format(
            100 * min_clear))
    if dem_range is not None and not dem_range[1] > dem_range[0]:
        raise CryoInputError("The DEM is flat (every cell {:g} m): a snow line needs elevations that differ; leave "
                             "the DEM out or switch SNOWLINE off".format(dem_range[0]))
