"""Spatial correlation of standardised elevation errors: an empirical variogram sampled in rings, a sum of two
spherical models, and its integration over a disk (Hugonnet et al. 2022, *IEEE JSTARS* 15, 6456-6472; Rolstad,
Haug & Denby 2009, *J. Glaciol.* 55(192), 666-680).

* **Sampling** (after xdem's ``cdist_equidistant`` "random points in rings", skgstat's
  ``RasterEquidistantMetricSpace``): :data:`CENTRES` random stable cells; around each, :data:`RING_POINTS` random
  points in each of the log-spaced rings between one cell and the maximum lag (half the grid's diagonal), uniform
  in area inside the ring. Each centre-point pair whose both cells are stable counts at its own distance. The cost
  is bounded (``CENTRES × rings × RING_POINTS`` pairs, vectorised) whatever the grid size, and short lags get as
  many pairs as long ones.
* **Estimator**: Dowd's (1984) robust ``γ(h) = 2.198 · median(|z_i − z_j|)² / 2`` per lag bin, as xdem's default.
* **Model**: ``γ(h) = c0 + c1 · Sph(h, a1) + c2 · Sph(h, a2)``, ``a1 ≤ a2``, fitted by weighted least squares
  (``scipy.optimize.curve_fit`` with bounds, weights ∝ √pairs) from several starting ranges, the best kept.
* **Error of the mean over an area A** (Rolstad et al. 2009, eq. 8, generalised to a sum of models by Hugonnet
  et al. 2022 and xdem's ``neff_circular_approx_numerical``): with ``R = √(A/π)`` and the sill ``σ² = c0 + c1 +
  c2``, ``σ²_mean / σ² = Σ_k (c_k/σ²) f(R, a_k) + (c0/σ²) · a_cell/A``, where ``f = (2/R²) ∫₀ᴿ h ρ_k(h) dh`` is in
  closed form for the spherical correlation ``ρ_k``: ``a²/(5R²)`` for ``R ≥ a`` and ``1 − R/a + R³/(5a³)`` below.
  xdem integrates the same expression numerically; the nugget (white noise at the cell scale, which xdem's
  models do not have) averages out like independent cells.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Tuple

import numpy as np

from ..optional import require

DOWD_FACTOR = 2.198
CENTRES = 2000
RING_POINTS = 12
RINGS = 30
MIN_PAIRS = 30


@dataclass(frozen=True)
class EmpiricalVariogram:
    lags: np.ndarray   # m, mean pair distance of each bin
    gamma: np.ndarray  # semivariance of the standardised errors
    pairs: np.ndarray
    max_lag: float     # m


@dataclass(frozen=True)
class SphericalSum:
    """``c0 + Σ c_k Sph(h, a_k)`` with the ranges in increasing order."""

    nugget: float
    sills: Tuple[float, ...]   # partial sills
    ranges: Tuple[float, ...]  # m

    @property
    def sill(self) -> float:
        return self.nugget + float(sum(self.sills))

    def __call__(self, h: np.ndarray) -> np.ndarray:
        h = np.asarray(h, dtype=float)
        value = np.full(h.shape, self.nugget, dtype=float)
        for c, a in zip(self.sills, self.ranges):
            value += spherical(h, c, a)
        return np.where(h > 0, value, 0.0)

    def mean_variance_fraction(self, area_m2: float, cell_area_m2: float) -> float:
        """``σ²_mean / σ²`` over a disk of area ``area_m2`` (module docstring)."""
        sill = self.sill
        if sill <= 0:
            return 0.0
        uncorrelated = min(1.0, cell_area_m2 / area_m2)
        fraction = self.nugget / sill * uncorrelated
        fraction += sum(c / sill * disk_fraction(area_m2, a) for c, a in zip(self.sills, self.ranges))
        return float(min(1.0, max(fraction, uncorrelated)))


def spherical(h: np.ndarray, partial_sill: float, range_: float) -> np.ndarray:
    r = np.minimum(np.asarray(h, dtype=float) / range_, 1.0)
    return partial_sill * (1.5 * r - 0.5 * r ** 3)


def disk_fraction(area_m2: float, range_: float) -> float:
    """``(2/R²) ∫₀ᴿ h ρ(h) dh`` for the spherical correlation of range ``range_`` and ``R = √(area/π)``."""
    radius = np.sqrt(area_m2 / np.pi)
    if radius >= range_:
        return float(range_ * range_ / (5 * radius * radius))
    return float(1 - radius / range_ + radius ** 3 / (5 * range_ ** 3))


def ring_variogram(value_at: Callable[[np.ndarray, np.ndarray], np.ndarray], centres: np.ndarray,
                   shape: Tuple[int, int], pixel: Tuple[float, float], rng: np.random.Generator,
                   max_lag: Optional[float] = None, rings: int = RINGS,
                   ring_points: int = RING_POINTS) -> EmpiricalVariogram:
    """Dowd's variogram sampled in rings around ``centres`` (flat cell indices, stable). ``value_at(rows, cols)``
    gives the standardised error at cells (NaN where not stable or unknown)."""
    height, width = shape
    step = min(pixel)
    if max_lag is None:
        max_lag = 0.5 * float(np.hypot(height * pixel[1], width * pixel[0]))
    edges = np.concatenate([[0.5 * step], np.geomspace(1.5 * step, max(max_lag, 3 * step), rings)])
    c_rows, c_cols = np.divmod(centres.astype(np.int64), width)
    centre_values = value_at(c_rows, c_cols)
    keep = np.isfinite(centre_values)
    c_rows, c_cols, centre_values = c_rows[keep], c_cols[keep], centre_values[keep]
    n = c_rows.size
    draws = (n, edges.size - 1, ring_points)
    inner = np.broadcast_to(edges[:-1][None, :, None], draws)
    outer = np.broadcast_to(edges[1:][None, :, None], draws)
    radius = np.sqrt(rng.uniform(inner ** 2, outer ** 2))  # uniform in area inside the ring
    angle = rng.uniform(0, 2 * np.pi, draws)
    rows = (c_rows[:, None, None] + np.rint(radius * np.sin(angle) / pixel[1])).astype(np.int64).ravel()
    cols = (c_cols[:, None, None] + np.rint(radius * np.cos(angle) / pixel[0])).astype(np.int64).ravel()
    first = np.repeat(np.arange(n), draws[1] * draws[2])
    inside = (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
    rows, cols, first = rows[inside], cols[inside], first[inside]
    distance = np.hypot((rows - c_rows[first]) * pixel[1], (cols - c_cols[first]) * pixel[0])
    difference = np.abs(value_at(rows, cols) - centre_values[first])
    ok = np.isfinite(difference) & (distance > 0)
    distance, difference = distance[ok], difference[ok]
    bins = np.searchsorted(edges, distance, side="right") - 1
    valid = (bins >= 0) & (bins < edges.size - 1)
    bins, distance, difference = bins[valid], distance[valid], difference[valid]
    order = np.argsort(bins, kind="stable")
    bins, distance, difference = bins[order], distance[order], difference[order]
    counts = np.bincount(bins, minlength=edges.size - 1)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    lags, gamma, pairs = [], [], []
    for b in np.flatnonzero(counts >= MIN_PAIRS):
        part = slice(starts[b], starts[b] + counts[b])
        lags.append(float(distance[part].mean()))
        gamma.append(DOWD_FACTOR * float(np.median(difference[part])) ** 2 / 2.0)
        pairs.append(int(counts[b]))
    return EmpiricalVariogram(np.array(lags), np.array(gamma), np.array(pairs), float(max_lag))


def _model(h: np.ndarray, c0: float, c1: float, a1: float, c2: float, a2: float) -> np.ndarray:
    return c0 + spherical(h, c1, a1) + spherical(h, c2, a2)


def fit_two_spherical(variogram: EmpiricalVariogram, pixel: float) -> Optional[SphericalSum]:
    """The sum of a nugget and two spherical models (short and long range) fitted to ``variogram``; None with
    under 5 lags or when no fit converges."""
    lags, gamma = variogram.lags, variogram.gamma
    if lags.size < 5:
        return None
    top = float(np.max(gamma))
    if top <= 0:
        return SphericalSum(0.0, (0.0, 0.0), (pixel, pixel))
    curve_fit = require("scipy.optimize").curve_fit
    longest = float(variogram.max_lag)
    low = [0.0, 0.0, pixel, 0.0, pixel]
    high = [2 * top, 2 * top, longest, 2 * top, 2 * longest]
    weights = 1 / np.sqrt(variogram.pairs)
    best, best_cost = None, np.inf
    nugget0 = min(float(gamma[0]) / 2, top)
    for short in (2 * pixel, 5 * pixel, 20 * pixel):
        for share, long_ in ((0.8, longest / 10), (0.5, longest / 4), (0.9, longest / 30), (0.95, longest)):
            p0 = np.clip([nugget0, share * top, short, (1 - share) * top, max(long_, 2 * short)], low, high)
            try:
                params, _ = curve_fit(_model, lags, gamma, p0=p0, sigma=weights, bounds=(low, high), maxfev=20000)
            except (RuntimeError, ValueError):
                continue
            cost = float(np.sum(((_model(lags, *params) - gamma) / weights) ** 2))
            if cost < best_cost:
                best, best_cost = params, cost
    if best is None:
        return None
    c0, c1, a1, c2, a2 = (float(v) for v in best)
    if a1 > a2:
        c1, a1, c2, a2 = c2, a2, c1, a1
    return SphericalSum(c0, (c1, c2), (a1, a2))
