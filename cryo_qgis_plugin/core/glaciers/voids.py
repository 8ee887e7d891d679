"""Glacier elevation-change outliers and void filling.

Outliers: within each elevation band of a glacier (bands of :data:`BAND_WIDTH` m of the reference elevation),
a value farther than k NMAD from the band median is removed, after Pieczonka & Bolch (2015), *Global and
Planetary Change* 128, 1-13, who filter dh per altitude band because thinning depends on elevation.

Void filling, compared by McNabb, Nuth, Kääb & Girod (2019), *The Cryosphere* 13, 895-910:

- ``local_hypsometric``: the void takes the value of its own glacier's hypsometric curve (median dh in each
  50 m band, placed at the band's median elevation, linear between bands, constant beyond the ends) at its
  elevation. Glaciers with fewer than :data:`MIN_LOCAL_CELLS` valid cells use the curve of all glaciers
  together ("global hypsometric"). McNabb et al. found local hypsometric filling the least biased method.
- ``linear``: linear interpolation over a Delaunay triangulation of the valid cells that border the voids
  (voids outside their convex hull stay void).

The elevation of a void is the reference DEM's, or the aligned DEM's where the reference has none; voids
with neither take the glacier's (or all glaciers') mean dh.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Optional

import numpy as np

from ..optional import require
from ..run import Run
from ..stats.robust import group_medians, group_outliers

BAND_WIDTH = 50.0
MIN_LOCAL_CELLS = 20


def elevation_bands(elevation: np.ndarray) -> np.ndarray:
    return np.floor(elevation / BAND_WIDTH).astype(np.int64)


def band_outliers(dh: np.ndarray, elevation: np.ndarray, k: float) -> np.ndarray:
    """True for finite ``dh`` farther than ``k`` NMAD from the median of its elevation band (1-D arrays)."""
    flagged = np.zeros(dh.shape, dtype=bool)
    usable = np.flatnonzero(np.isfinite(dh) & np.isfinite(elevation))
    if k > 0 and usable.size:
        flagged[usable] = group_outliers(elevation_bands(elevation[usable]), dh[usable], k)
    return flagged


@dataclass(frozen=True)
class HypsometricCurve:
    """Median dh (m) at the median elevation (m) of each 50 m band."""

    elevation: np.ndarray
    dh: np.ndarray
    mean_dh: float

    def __call__(self, elevation: np.ndarray) -> np.ndarray:
        values = np.interp(elevation, self.elevation, self.dh)
        return np.where(np.isfinite(elevation), values, self.mean_dh)


def hypsometric_curve(dh: np.ndarray, elevation: np.ndarray) -> Optional[HypsometricCurve]:
    """The hypsometric curve of finite (dh, elevation) pairs; None when there are none."""
    usable = np.isfinite(dh) & np.isfinite(elevation)
    if not usable.any():
        return None
    bands = elevation_bands(elevation[usable])
    _, band_dh, _ = group_medians(bands, dh[usable])
    _, band_z, _ = group_medians(bands, elevation[usable])
    return HypsometricCurve(band_z, band_dh, float(np.mean(dh[usable])))


def fill_local_hypsometric(dh: np.ndarray, elevation: np.ndarray, glacier: np.ndarray,
                           run: Run = Run()) -> np.ndarray:
    """Fill NaN in ``dh`` (1-D, glacier cells) from the hypsometric curve of each cell's glacier label."""
    filled = dh.copy()
    voids = ~np.isfinite(dh)
    if not voids.any():
        return filled
    regional = hypsometric_curve(dh, elevation)
    if regional is None:
        return filled
    order = np.argsort(glacier, kind="stable")
    _, starts = np.unique(glacier[order], return_index=True)
    ends = np.r_[starts[1:], order.size]
    local = regional_only = 0
    for start, end in zip(starts, ends):
        cells = order[start:end]
        void_cells = cells[voids[cells]]
        if not void_cells.size:
            continue
        curve = None
        if cells.size - void_cells.size >= MIN_LOCAL_CELLS:
            curve = hypsometric_curve(dh[cells], elevation[cells])
        if curve is None:
            curve, regional_only = regional, regional_only + 1
        else:
            local += 1
        filled[void_cells] = curve(elevation[void_cells])
    run.info("Hypsometric void filling: {} void cells in {} glaciers filled from their own curve, {} from the "
             "curve of all glaciers".format(int(voids.sum()), local, regional_only))
    return filled


def fill_linear(dh: np.ndarray, fill: np.ndarray) -> np.ndarray:
    """Linear (Delaunay) interpolation of the 2-D ``dh`` into the cells where ``fill`` is True and dh is NaN."""
    voids = fill & ~np.isfinite(dh)
    out = dh.copy()
    if not voids.any():
        return out
    ndimage, interpolation = require("scipy.ndimage"), require("scipy.interpolate")  # imported here only
    border = ndimage.binary_dilation(voids, iterations=2) & np.isfinite(dh)
    if np.count_nonzero(border) < 3:
        return out
    points = np.column_stack(np.nonzero(border))
    interpolate = interpolation.LinearNDInterpolator(points, dh[border].astype(np.float64))
    out[voids] = interpolate(np.column_stack(np.nonzero(voids)))
    return out


def _fill_nothing(values: np.ndarray, elevation: np.ndarray, labels: np.ndarray, cells: np.ndarray,
                  dh: np.ndarray, run: Run) -> np.ndarray:
    return values


def _fill_local_hypsometric(values: np.ndarray, elevation: np.ndarray, labels: np.ndarray, cells: np.ndarray,
                            dh: np.ndarray, run: Run) -> np.ndarray:
    return fill_local_hypsometric(values, elevation, labels.ravel()[cells], run)


def _fill_linear(values: np.ndarray, elevation: np.ndarray, labels: np.ndarray, cells: np.ndarray,
                 dh: np.ndarray, run: Run) -> np.ndarray:
    dh.ravel()[cells] = values
    return fill_linear(dh, labels > 0).ravel()[cells]


# FILL_VOIDS option -> method(values of the glacier cells, their elevation, 2-D glacier labels, flat indices of the
# glacier cells, 2-D dh, run) -> the values with their voids filled (McNabb et al. 2019 compare these methods)
FILL_METHODS: Dict[str, Callable[..., np.ndarray]] = {
    "none": _fill_nothing,
    "linear": _fill_linear,
    "local_hypsometric": _fill_local_hypsometric,
}
