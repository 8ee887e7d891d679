"""Heteroscedastic elevation errors: σ_dh as a function of slope and maximum curvature (Hugonnet et al. 2022,
*IEEE JSTARS* 15, 6456-6472, section III-B; ``xdem.spatialstats.infer_heteroscedasticity_from_stable``).

* **Terrain attributes** of the reference DEM, evaluated only at the cells asked for (a gather of the 3 × 3
  neighbourhood, so a 10⁸-cell grid never needs a full slope or curvature grid): the slope in degrees (Horn 1981
  gradient) and the maximum absolute curvature ``max(|profile|, |planform|)`` of Zevenbergen & Thorne (1987,
  *Earth Surf. Process. Landf.* 12, 47-56), in 10⁻² m⁻¹ as xdem gives it.
* **Binning**: a random sample of stable cells (at most :data:`BINNING_SAMPLES`) is split into 2-D bins at the
  quantiles of slope and of curvature (:data:`SLOPE_BINS` × :data:`CURVATURE_BINS`); each bin with at least
  :data:`MIN_BIN_COUNT` cells gets the NMAD of its dh, emptier bins take the value of the nearest filled bin.
* **σ at any cell**: bilinear between bin centres, constant beyond the outer centres (the nearest bin).
* **Standardisation** (xdem's ``two_step_standardization``): ``z = dh / σ(slope, curvature)``, then σ is scaled
  by the NMAD of the stable ``z`` (those within 7 NMAD) so that the standardised errors have unit NMAD.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from ..optional import require
from ..stats.robust import median_and_nmad

BINNING_SAMPLES = 2_000_000
SLOPE_BINS = 10
CURVATURE_BINS = 10
MIN_BIN_COUNT = 100
GATHER_CHUNK = 2_000_000


def random_cells(mask: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """Flat indices of up to ``count`` distinct random cells where ``mask`` is true, without listing all of them
    (uniform draws over the grid, kept where the mask holds)."""
    size = mask.size
    step = max(1, int(np.sqrt(size / 1_000_000)))
    fraction = float(np.count_nonzero(mask[::step, ::step])) / max(mask[::step, ::step].size, 1)
    if fraction == 0:
        fraction = float(np.count_nonzero(mask)) / size
        if fraction == 0:
            return np.empty(0, dtype=np.int64)
    if count >= fraction * size * 0.5:  # most of the mask anyway: list it
        cells = np.flatnonzero(mask)
        return np.sort(rng.choice(cells, min(count, cells.size), replace=False))
    chosen = np.empty(0, dtype=np.int64)
    for _ in range(8):
        draw = rng.integers(0, size, int((count - chosen.size) / fraction * 1.3) + 16)
        chosen = np.union1d(chosen, draw[mask.ravel()[draw]])
        if chosen.size >= count:
            break
    if chosen.size > count:
        chosen = np.sort(rng.choice(chosen, count, replace=False))
    return chosen


def terrain_at(elevation: np.ndarray, rows: np.ndarray, cols: np.ndarray,
               pixel: Tuple[float, float]) -> Tuple[np.ndarray, np.ndarray]:
    """Slope (degrees) and maximum absolute curvature (10⁻² m⁻¹) at the given cells (module docstring); NaN on
    the edge of the grid or next to a void."""
    slope = np.empty(rows.size, dtype=np.float32)
    curvature = np.empty(rows.size, dtype=np.float32)
    for start in range(0, rows.size, GATHER_CHUNK):
        part = slice(start, start + GATHER_CHUNK)
        slope[part], curvature[part] = _terrain_chunk(elevation, rows[part], cols[part], pixel)
    return slope, curvature


def _terrain_chunk(elevation: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                   pixel: Tuple[float, float]) -> Tuple[np.ndarray, np.ndarray]:
    height, width = elevation.shape
    inside = (rows >= 1) & (rows < height - 1) & (cols >= 1) & (cols < width - 1)
    r, c = np.clip(rows, 1, height - 2), np.clip(cols, 1, width - 2)

    def z(dr: int, dc: int) -> np.ndarray:
        return elevation[r + dr, c + dc].astype(np.float64)

    z1, z2, z3, z4, z5, z6, z7, z8, z9 = (z(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))
    dx, dy = pixel
    gx = ((z3 + 2 * z6 + z9) - (z1 + 2 * z4 + z7)) / (8 * dx)  # Horn (1981)
    gy = ((z1 + 2 * z2 + z3) - (z7 + 2 * z8 + z9)) / (8 * dy)
    slope = np.degrees(np.arctan(np.hypot(gx, gy)))
    d = ((z4 + z6) / 2 - z5) / (dx * dx)  # Zevenbergen & Thorne (1987)
    e = ((z2 + z8) / 2 - z5) / (dy * dy)
    f = (-z1 + z3 + z7 - z9) / (4 * dx * dy)
    g = (z6 - z4) / (2 * dx)
    h = (z2 - z8) / (2 * dy)
    gradient2 = g * g + h * h
    flat = gradient2 < 1e-12
    with np.errstate(invalid="ignore", divide="ignore"):
        profile = np.where(flat, 0.0, 2 * (d * g * g + e * h * h + f * g * h) / gradient2)
        planform = np.where(flat, 0.0, -2 * (d * h * h + e * g * g - f * g * h) / gradient2)
    curvature = 100 * np.maximum(np.abs(profile), np.abs(planform))
    slope[~inside] = np.nan
    curvature[~inside | ~np.isfinite(slope)] = np.nan
    return slope, curvature


@dataclass(frozen=True)
class SigmaTable:
    """NMAD of stable dh in 2-D bins of slope and curvature (module docstring), already scaled so that the
    standardised stable dh has unit NMAD (``scale`` is that factor)."""

    slope_edges: np.ndarray      # degrees
    curvature_edges: np.ndarray  # 10⁻² m⁻¹
    nmad: np.ndarray             # m, (slope bins, curvature bins), NaN for bins under MIN_BIN_COUNT
    counts: np.ndarray
    filled: np.ndarray           # m, nmad with empty bins taken from the nearest filled one
    scale: float
    fallback: float              # m: σ where the attributes are unknown (NMAD of all stable dh)

    def sigma(self, slope: np.ndarray, curvature: np.ndarray) -> np.ndarray:
        """σ_dh (m) at cells with these attributes: bilinear between bin centres, nearest bin beyond."""
        s = np.asarray(slope, dtype=np.float64)
        k = np.asarray(curvature, dtype=np.float64)
        si, sw = _position(s, _centres(self.slope_edges))
        ki, kw = _position(k, _centres(self.curvature_edges))
        table = self.filled
        sn, kn = np.minimum(si + 1, table.shape[0] - 1), np.minimum(ki + 1, table.shape[1] - 1)
        value = ((1 - sw) * (1 - kw) * table[si, ki] + sw * (1 - kw) * table[sn, ki]
                 + (1 - sw) * kw * table[si, kn] + sw * kw * table[sn, kn])
        known = np.isfinite(s) & np.isfinite(k)
        return np.where(known, value * self.scale, self.fallback)

    def by_slope(self) -> Tuple[np.ndarray, np.ndarray]:
        """Slope bin centres and the count-weighted σ per slope bin (m), for the report."""
        weights = np.where(np.isfinite(self.nmad), self.counts, 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            sigma = np.nansum(np.nan_to_num(self.nmad) * weights, axis=1) / weights.sum(axis=1)
        return _centres(self.slope_edges), sigma * self.scale


def _centres(edges: np.ndarray) -> np.ndarray:
    return (edges[:-1] + edges[1:]) / 2


def _position(values: np.ndarray, centres: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Index of the bin centre at or below each value (0..n-2) and the linear weight of the next one, 0..1."""
    if centres.size == 1:
        return np.zeros(values.shape, dtype=np.intp), np.zeros(values.shape)
    clipped = np.clip(np.nan_to_num(values, nan=centres[0]), centres[0], centres[-1])
    index = np.clip(np.searchsorted(centres, clipped, side="right") - 1, 0, centres.size - 2)
    weight = (clipped - centres[index]) / (centres[index + 1] - centres[index])
    return index, weight


def _edges(values: np.ndarray, bins: int) -> np.ndarray:
    edges = np.unique(np.quantile(values, np.linspace(0, 1, bins + 1)))
    if edges.size < 2:
        edges = np.array([edges[0] - 0.5, edges[0] + 0.5])
    return edges


def _nearest_fill(table: np.ndarray) -> np.ndarray:
    empty = ~np.isfinite(table)
    if not empty.any():
        return table
    ndimage = require("scipy.ndimage")
    index = ndimage.distance_transform_edt(empty, return_distances=False, return_indices=True)
    return table[tuple(index)]


def sigma_table(dh: np.ndarray, slope: np.ndarray, curvature: np.ndarray,
                min_count: int = MIN_BIN_COUNT) -> Optional[SigmaTable]:
    """:class:`SigmaTable` from stable samples of dh, slope and curvature; None with under ``min_count`` samples."""
    known = np.isfinite(dh) & np.isfinite(slope) & np.isfinite(curvature)
    dh, slope, curvature = dh[known], slope[known], curvature[known]
    if dh.size < min_count:
        return None
    slope_edges, curvature_edges = _edges(slope, SLOPE_BINS), _edges(curvature, CURVATURE_BINS)
    si = np.clip(np.searchsorted(slope_edges, slope, side="right") - 1, 0, slope_edges.size - 2)
    ki = np.clip(np.searchsorted(curvature_edges, curvature, side="right") - 1, 0, curvature_edges.size - 2)
    shape = (slope_edges.size - 1, curvature_edges.size - 1)
    flat = si * shape[1] + ki
    order = np.argsort(flat, kind="stable")
    counts = np.bincount(flat, minlength=shape[0] * shape[1])
    nmad = np.full(counts.size, np.nan)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    ordered = dh[order]
    for b in np.flatnonzero(counts >= min_count):
        nmad[b] = median_and_nmad(ordered[starts[b]:starts[b] + counts[b]])[1]
    nmad = nmad.reshape(shape)
    counts = counts.reshape(shape)
    fallback = median_and_nmad(dh.copy())[1]
    if not np.isfinite(nmad).any():
        nmad[:] = fallback
    filled = _nearest_fill(nmad)
    table = SigmaTable(slope_edges, curvature_edges, nmad, counts, filled, 1.0, fallback)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = dh / table.sigma(slope, curvature)
    z = z[np.isfinite(z)]
    scale = median_and_nmad(z.copy())[1]
    if np.isfinite(scale) and scale > 0:  # xdem's two-step standardisation: |z| > 7 NMAD left out, NMAD again
        scale = median_and_nmad(z[np.abs(z) <= 7 * scale])[1]
    scale = scale if np.isfinite(scale) and scale > 0 else 1.0
    return SigmaTable(slope_edges, curvature_edges, nmad, counts, filled, scale, fallback)
