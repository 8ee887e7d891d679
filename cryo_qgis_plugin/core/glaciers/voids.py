"""Glacier elevation-change outliers and void filling.

Outliers: within each elevation band (bands of :data:`BAND_WIDTH` m of the reference elevation), a value farther
than k NMAD from the band median is removed, after Pieczonka & Bolch (2015), *Global and Planetary Change* 128,
1-13, who filter dh per altitude band because thinning depends on elevation. The band is the glacier's own when it
holds at least :data:`MIN_OUTLIER_CELLS` values (neighbouring glaciers may thin at very different rates), else the
band of all glaciers together.

Void filling, compared by McNabb, Nuth, Kääb & Girod (2019), *The Cryosphere* 13, 895-910:

- ``local_hypsometric``: a glacier with at least :data:`MIN_LOCAL_FRACTION` (30 %) of its cells measured fills
  its voids from its own hypsometric curve: the median dh of each of its 50 m bands that holds at least
  :data:`MIN_BAND_CELLS` measured cells, placed at the band's median elevation, linear between those bands and
  constant beyond the lowest and highest; it is taken at the void's elevation. Any other glacier (less measured,
  or no band with enough cells) is filled from the regional curve, the same curve of all glaciers' measured cells
  together (every band). The method is recorded per glacier. McNabb et al. found local hypsometric filling the
  least biased method.
- ``linear``: linear interpolation over a Delaunay triangulation of the valid cells that border the voids
  (voids outside their convex hull stay void).

The elevation of a void is the reference DEM's, or the aligned DEM's where the reference has none; voids
with neither take the glacier's (or all glaciers') mean dh.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Optional, Tuple

import numpy as np

from ..optional import require
from ..run import Run
from ..stats.robust import NMAD_FACTOR, group_medians, group_outliers

BAND_WIDTH = 50.0
MIN_LOCAL_FRACTION = 0.30
MIN_BAND_CELLS = 10
MIN_OUTLIER_CELLS = 20


def elevation_bands(elevation: np.ndarray) -> np.ndarray:
    return np.floor(elevation / BAND_WIDTH).astype(np.int64)


def glacier_band_keys(glacier: np.ndarray, bands: np.ndarray) -> Tuple[np.ndarray, int, int]:
    """One int64 key per (glacier, band) pair, ordered by glacier then band; and the band offset and span that
    decode it (``band = key % span + offset``, ``glacier = key // span``)."""
    offset = int(bands.min()) if bands.size else 0
    span = int(bands.max()) - offset + 1 if bands.size else 1
    return glacier.astype(np.int64) * span + (bands - offset), offset, span


def medians_by_key(keys: np.ndarray, values: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(keys present, median, count)`` of finite ``values`` per integer key, from one sort of a single float64
    key (the group's rank times the values' span, plus the value): fast for the many (glacier, band) groups of
    thousands of glaciers (a two-key lexsort is several times slower)."""
    if not keys.size:
        return keys, np.array([], dtype=np.float64), np.array([], dtype=np.int64)
    found, rank, counts = _ranks(keys)
    values = values.astype(np.float64)
    low = float(values.min())
    span = float(values.max()) - low + 1.0
    order = np.argsort(rank * span + (values - low))
    sorted_values = values[order]
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    middle = (sorted_values[starts + (counts - 1) // 2] + sorted_values[starts + counts // 2]) / 2.0
    return found, middle, counts


def _ranks(keys: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``np.unique(keys, return_inverse=True, return_counts=True)``, by counting (no sort) when the keys span a
    range not much larger than their number, as (glacier, band) keys do."""
    low, high = int(keys.min()), int(keys.max())
    if high - low > 4 * keys.size + 1_000_000:
        return np.unique(keys, return_inverse=True, return_counts=True)
    counts = np.bincount(keys - low)
    found = np.flatnonzero(counts)
    lookup = np.zeros(counts.size, dtype=np.int64)
    lookup[found] = np.arange(found.size)
    return found + low, lookup[keys - low], counts[found]


def _outliers_by_key(keys: np.ndarray, values: np.ndarray, k: float) -> np.ndarray:
    """True for values farther than ``k`` NMAD from the median of their key's group (an NMAD of 0 flags none)."""
    found, medians, _ = medians_by_key(keys, values)
    index = np.searchsorted(found, keys)
    deviation = np.abs(values - medians[index])
    _, spread, _ = medians_by_key(keys, deviation)
    spread = NMAD_FACTOR * spread[index]
    return (spread > 0) & (deviation > k * spread)


def band_outliers(dh: np.ndarray, elevation: np.ndarray, k: float,
                  glacier: Optional[np.ndarray] = None) -> np.ndarray:
    """True for finite ``dh`` farther than ``k`` NMAD from the median of its elevation band (1-D arrays): the
    band of its ``glacier`` when that holds :data:`MIN_OUTLIER_CELLS` values or more, else of all cells."""
    flagged = np.zeros(dh.shape, dtype=bool)
    usable = np.flatnonzero(np.isfinite(dh) & np.isfinite(elevation))
    if k <= 0 or not usable.size:
        return flagged
    bands = elevation_bands(elevation[usable])
    values = dh[usable]
    own = np.zeros(values.shape, dtype=bool)
    outliers = np.zeros(values.shape, dtype=bool)
    if glacier is not None:
        keys = glacier_band_keys(glacier[usable], bands)[0]
        _, inverse, counts = _ranks(keys)
        own = counts[inverse] >= MIN_OUTLIER_CELLS
        if own.any():
            outliers[own] = _outliers_by_key(keys[own], values[own], k)
    if not own.all():  # the band's median and NMAD over all glaciers' cells
        outliers[~own] = group_outliers(bands, values, k)[~own]
    flagged[usable] = outliers
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
    """Fill NaN in ``dh`` (1-D, glacier cells) by the rule of the module docstring; the filled values."""
    return fill_hypsometric_by_glacier(dh, elevation, glacier, run)[0]


def fill_hypsometric_by_glacier(dh: np.ndarray, elevation: np.ndarray, glacier: np.ndarray,
                                run: Run = Run()) -> Tuple[np.ndarray, np.ndarray]:
    """Fill NaN in ``dh`` (1-D glacier cells, ``glacier`` their labels ≥ 1) from each glacier's own curve or the
    regional one (module docstring), vectorised over glaciers; ``(filled, own)`` where ``own[label]`` is True for
    the glaciers that may use their own curve."""
    filled = dh.copy()
    labels = glacier.astype(np.int64)
    size = int(labels.max()) + 1 if labels.size else 1
    measured = np.isfinite(dh)
    cells = np.bincount(labels, minlength=size)
    valid = np.bincount(labels[measured], minlength=size)
    sums = np.bincount(labels[measured], weights=dh[measured].astype(np.float64), minlength=size)
    points = _glacier_band_points(dh, elevation, labels)
    own = (valid >= MIN_LOCAL_FRACTION * cells) & (cells > 0) & (np.bincount(points[0], minlength=size) > 0)
    voids = np.flatnonzero(~measured)
    regional = hypsometric_curve(dh, elevation)
    if not voids.size or regional is None:
        return filled, own
    local = own[labels[voids]]
    filled[voids[~local]] = regional(elevation[voids[~local]])
    chosen = voids[local]
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / valid
    filled[chosen] = _interpolate_per_glacier(points, labels[chosen], elevation[chosen], means)
    with_voids = np.bincount(labels[voids], minlength=size) > 0
    run.info("Hypsometric void filling: {} void cells; {} glaciers filled from their own curve, {} from the curve "
             "of all glaciers".format(voids.size, int(np.count_nonzero(with_voids & own)),
                                      int(np.count_nonzero(with_voids & ~own))))
    return filled, own


def _glacier_band_points(dh: np.ndarray, elevation: np.ndarray,
                         labels: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The points of every glacier's own curve, ordered by glacier then elevation: (label, median elevation,
    median dh) of each glacier band with at least :data:`MIN_BAND_CELLS` measured cells."""
    usable = np.isfinite(dh) & np.isfinite(elevation)
    bands = elevation_bands(elevation[usable])
    keys, _, span = glacier_band_keys(labels[usable], bands)
    found, band_dh, counts = medians_by_key(keys, dh[usable])
    _, band_z, _ = medians_by_key(keys, elevation[usable])
    keep = counts >= MIN_BAND_CELLS
    return found[keep] // span, band_z[keep], band_dh[keep]


def _interpolate_per_glacier(points: Tuple[np.ndarray, np.ndarray, np.ndarray], labels: np.ndarray,
                             elevation: np.ndarray, means: np.ndarray) -> np.ndarray:
    """Each cell's value on its glacier's curve (``np.interp`` per glacier, all at once): linear between the
    glacier's points, constant beyond its ends; its glacier's mean where the elevation is unknown. Every label
    must have a point."""
    point_label, point_z, point_dh = points
    known = np.isfinite(elevation)
    z = np.where(known, elevation, point_z.min() if point_z.size else 0.0)
    low = min(float(point_z.min()), float(z.min())) if z.size else 0.0
    span = max(float(point_z.max()), float(z.max())) - low + 1.0 if z.size else 1.0
    position = np.searchsorted(point_label * span + (point_z - low), labels * span + (z - low))
    first = np.searchsorted(point_label, labels, side="left")
    last = np.searchsorted(point_label, labels, side="right") - 1
    right = np.clip(position, first, last)
    left = np.clip(position - 1, first, last)
    gap = point_z[right] - point_z[left]
    weight = np.where(gap > 0, (z - point_z[left]) / np.where(gap > 0, gap, 1.0), 0.0)
    values = point_dh[left] + np.clip(weight, 0.0, 1.0) * (point_dh[right] - point_dh[left])
    return np.where(known, values, means[labels])


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
                  dh: np.ndarray, run: Run) -> Tuple[np.ndarray, Optional[np.ndarray]]:
    return values, None


def _fill_local_hypsometric(values: np.ndarray, elevation: np.ndarray, labels: np.ndarray, cells: np.ndarray,
                            dh: np.ndarray, run: Run) -> Tuple[np.ndarray, Optional[np.ndarray]]:
    return fill_hypsometric_by_glacier(values, elevation, labels.ravel()[cells], run)


def _fill_linear(values: np.ndarray, elevation: np.ndarray, labels: np.ndarray, cells: np.ndarray,
                 dh: np.ndarray, run: Run) -> Tuple[np.ndarray, Optional[np.ndarray]]:
    dh.ravel()[cells] = values
    return fill_linear(dh, labels > 0).ravel()[cells], None


# FILL_VOIDS option -> method(values of the glacier cells, their elevation, 2-D glacier labels, flat indices of the
# glacier cells, 2-D dh, run) -> (the values with their voids filled, per label whether the glacier used its own
# hypsometric curve or None) (McNabb et al. 2019 compare these methods)
FILL_METHODS: Dict[str, Callable[..., Tuple[np.ndarray, Optional[np.ndarray]]]] = {
    "none": _fill_nothing,
    "linear": _fill_linear,
    "local_hypsometric": _fill_local_hypsometric,
}
