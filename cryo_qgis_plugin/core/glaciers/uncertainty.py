"""Uncertainty of glacier volume and mass change from spatially correlated elevation errors.

1. The empirical variogram of stable-terrain dh (after co-registration) at lags of whole cells along rows
   and columns, with Dowd's (1984) robust estimator ``2γ(h) = 2.198 · median(|dh(p) − dh(p + h)|)²``
   (Dowd, P.A., *The variogram and kriging: robust and resistant estimators*, NATO ASI 122, 91-106).
2. A spherical model with nugget fitted to it: ``γ(h) = c0 + c1 (3h/2a − h³/2a³)`` for ``h < a``, ``c0 + c1``
   beyond the range ``a``.
3. The variance of the mean dh over a glacier area ``A``, approximating ``A`` by a disk of radius
   ``R = √(A/π)`` (Rolstad, Haug & Denby 2009, *J. Glaciol.* 55(192), 666-680, eq. 8; generalised by
   Hugonnet et al. 2022, *IEEE JSTARS* 15, 6456-6472, eq. 18):

       σ²_mean / σ²_dh = c0/σ² · a_cell/A + c1/σ² · f(R, a),
       f = a² / (5 R²)                      for R ≥ a,
       f = 1 − R/a + R³ / (5 a³)             for R < a,

   which is ``(2/R²) ∫₀ᴿ h ρ(h) dh`` for the spherical correlation ``ρ``. The number of effective samples is
   ``N_eff = σ²_dh / σ²_mean`` and the standard error of the mean dh is ``σ_dh / √N_eff``, with ``σ_dh`` the
   NMAD of stable-terrain dh.
4. Volume and geodetic mass balance (Huss 2013, *The Cryosphere* 7, 877-887: density 850 ± 60 kg m⁻³):
   ``ΔV = mean_dh · A``, ``σ_ΔV = σ_mean · A``; ``B = ΔV ρ / (A Δt ρ_w)`` in m w.e. a⁻¹ with
   ``ρ_w = 1000 kg m⁻³`` and ``σ_B = √((σ_ΔV ρ)² + (ΔV σ_ρ)²) / (A Δt ρ_w)``.
   The area is taken as exact (no outline uncertainty).
5. Per glacier and in total (:class:`ErrorModel`): each glacier's mean-dh error is the model above for its own
   area; the regional total's error is the same model for the total glacier area, as if the glaciers formed one
   region. Errors of neighbouring glaciers are correlated (the variogram range reaches kilometres), so the
   root-sum-square of independent glacier errors would understate the total's error and their plain sum (full
   correlation) overstate it; both are given as bounds (:func:`volume_error_bounds`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

import numpy as np

from ..optional import require

WATER_DENSITY = 1000.0
DOWD_FACTOR = 2.198
MAX_PAIRS_PER_LAG = 1_000_000


@dataclass(frozen=True)
class Variogram:
    lags: np.ndarray   # m
    gamma: np.ndarray  # m²
    pairs: np.ndarray


@dataclass(frozen=True)
class SphericalModel:
    nugget: float
    partial_sill: float
    range: float  # m

    @property
    def sill(self) -> float:
        return self.nugget + self.partial_sill

    def __call__(self, h: np.ndarray) -> np.ndarray:
        return spherical(np.asarray(h, dtype=float), self.nugget, self.partial_sill, self.range)


def spherical(h: np.ndarray, nugget: float, partial_sill: float, range_: float) -> np.ndarray:
    r = np.minimum(h / range_, 1.0)
    return nugget + partial_sill * (1.5 * r - 0.5 * r ** 3)


def empirical_variogram(dh: np.ndarray, cells: np.ndarray, pixel: float, lags_count: int = 24) -> Variogram:
    """Dowd's variogram of a 2-D field over the ``cells`` mask, at log-spaced lags of whole cells along rows
    and columns, up to half the shorter side; each lag uses at most :data:`MAX_PAIRS_PER_LAG` pairs per
    direction (every n-th row or column)."""
    height, width = dh.shape
    largest = max(1, min(height, width) // 2)
    steps = np.unique(np.round(np.geomspace(1, largest, lags_count)).astype(int))
    lags, gamma, pairs = [], [], []
    for k in steps:
        stride_rows = max(1, int(height * (width - k) / MAX_PAIRS_PER_LAG))
        stride_cols = max(1, int(width * (height - k) / MAX_PAIRS_PER_LAG))
        along_rows = (dh[::stride_rows, k:] - dh[::stride_rows, :-k])[
            cells[::stride_rows, k:] & cells[::stride_rows, :-k]]
        along_cols = (dh[k:, ::stride_cols] - dh[:-k, ::stride_cols])[
            cells[k:, ::stride_cols] & cells[:-k, ::stride_cols]]
        differences = np.abs(np.concatenate([along_rows, along_cols]))
        differences = differences[np.isfinite(differences)]
        if differences.size < 30:
            continue
        lags.append(k * pixel)
        gamma.append(DOWD_FACTOR * float(np.median(differences)) ** 2 / 2.0)
        pairs.append(differences.size)
    return Variogram(np.array(lags), np.array(gamma), np.array(pairs))


def fit_spherical(variogram: Variogram) -> Optional[SphericalModel]:
    """Weighted least-squares spherical model with nugget (weights ∝ √pairs); None with under 3 lags."""
    lags, gamma = variogram.lags, variogram.gamma
    if lags.size < 3:
        return None
    top = float(gamma.max())
    if top <= 0:  # identical DEMs on stable terrain: no error to model
        return SphericalModel(0.0, 0.0, float(lags[0]))
    reach = float(lags[np.argmax(gamma >= 0.95 * top)])
    initial = (float(gamma[0]) / 2, max(top - float(gamma[0]) / 2, 1e-6), reach)
    bounds = ([0.0, 0.0, float(lags[0]) / 10], [top * 2, top * 2, float(lags[-1]) * 2])
    curve_fit = require("scipy.optimize").curve_fit  # scipy imported here only (MissingPackage without it)
    try:
        (c0, c1, a), _ = curve_fit(spherical, lags, gamma, p0=np.clip(initial, bounds[0], bounds[1]),
                                   sigma=1 / np.sqrt(variogram.pairs), bounds=bounds, maxfev=10000)
    except (RuntimeError, ValueError):
        return None
    return SphericalModel(float(c0), float(c1), float(a))


def mean_variance_fraction(model: SphericalModel, area_m2: float, cell_area_m2: float) -> float:
    """``σ²_mean / σ²`` of the mean over a disk of area ``area_m2`` (module docstring, item 3)."""
    radius = np.sqrt(area_m2 / np.pi)
    a = model.range
    if radius >= a:
        correlated = a * a / (5 * radius * radius)
    else:
        correlated = 1 - radius / a + radius ** 3 / (5 * a ** 3)
    uncorrelated = min(1.0, cell_area_m2 / area_m2)
    sill = model.sill or 1.0
    return max(model.nugget / sill * uncorrelated + model.partial_sill / sill * correlated, uncorrelated)


def effective_samples(model: SphericalModel, area_m2: float, cell_area_m2: float) -> float:
    return 1.0 / mean_variance_fraction(model, area_m2, cell_area_m2)


@dataclass(frozen=True)
class MassBalance:
    volume_m3: float
    volume_error_m3: float
    rate_mwe: Optional[float]        # m w.e. per year
    rate_error_mwe: Optional[float]


def mass_balance(mean_dh: float, mean_dh_error: float, area_m2: float, years: Optional[float],
                 density: float = 850.0, density_error: float = 60.0) -> MassBalance:
    """Volume change, its error, and the geodetic mass balance rate (module docstring, item 4)."""
    volume = mean_dh * area_m2
    volume_error = mean_dh_error * area_m2
    if not years:
        return MassBalance(volume, volume_error, None, None)
    scale = area_m2 * years * WATER_DENSITY  # arrays of glaciers work too (a zero area gives NaN)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = volume * density / scale
        rate_error = np.hypot(volume_error * density, volume * density_error) / np.abs(scale)
    return MassBalance(volume, volume_error, rate, rate_error)


def standard_error(sigma_dh: float, model: SphericalModel, area_m2: float,
                   cell_area_m2: float) -> Tuple[float, float]:
    """``(σ_mean, N_eff)`` of the mean dh over ``area_m2`` for stable-terrain NMAD ``sigma_dh``."""
    n_eff = effective_samples(model, area_m2, cell_area_m2)
    return float(sigma_dh / np.sqrt(n_eff)), float(n_eff)


class ErrorModel:
    """The standard error of the mean dh over a glacier, or over all glaciers together. Callers ask only this,
    so a model that integrates a variogram over each glacier's own shape or weighs its slopes can replace the
    disk model without changing them. ``label`` is the glacier's value in the label image (1..n, in the order of
    the outlines), 0 for all glaciers together."""

    def mean_dh_error(self, area_m2: float, label: int = 0) -> Tuple[float, float]:
        """``(σ_mean dh in m, effective number of samples)``."""
        raise NotImplementedError

    def mean_dh_errors(self, areas_m2: Sequence[float], labels: Sequence[int]) -> Tuple[np.ndarray, np.ndarray]:
        """:meth:`mean_dh_error` of many glaciers: arrays of σ (NaN for an empty glacier) and N_eff."""
        pairs = [self.mean_dh_error(float(a), int(k)) if a > 0 else (float("nan"), float("nan"))
                 for a, k in zip(areas_m2, labels)]
        errors = np.array([p[0] for p in pairs], dtype=np.float64)
        return errors, np.array([p[1] for p in pairs], dtype=np.float64)


@dataclass(frozen=True)
class DiskErrorModel(ErrorModel):
    """Rolstad et al. (2009): the stable-terrain NMAD and a spherical variogram integrated over a disk of the
    glacier's area (module docstring, items 3 and 5)."""

    sigma_dh: float
    model: SphericalModel
    cell_area_m2: float

    def mean_dh_error(self, area_m2: float, label: int = 0) -> Tuple[float, float]:
        return standard_error(self.sigma_dh, self.model, area_m2, self.cell_area_m2)


def volume_error_bounds(volume_errors_m3: np.ndarray) -> Tuple[float, float]:
    """``(independent, fully correlated)`` error of a sum of glacier volume changes: the root-sum-square and the
    plain sum of their errors (NaN entries left out)."""
    errors = np.asarray(volume_errors_m3, dtype=np.float64)
    errors = errors[np.isfinite(errors)]
    return float(np.sqrt(np.sum(errors ** 2))), float(np.sum(errors))
