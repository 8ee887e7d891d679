"""Per-pixel least squares of the deformation model, vectorised over pixels, and the output bands.

The masked normal equations XᵀWX b = XᵀWd (W: the pixel's valid dates) are formed for a whole block with einsum
on equilibrated columns, solved as a batch and refined with the residual (iterative refinement), which makes them
equal to ``numpy.linalg.lstsq`` to rounding. X is one matrix (dates, k) for every pixel (one temperature series)
or one per pixel (dates, pixels, k) (a temperature stack): the same batched solve, no loop over pixels.
Standard errors: s² = RSS/(n − k), se = s·sqrt(diag((XᵀX)⁻¹)); R² = 1 − RSS/TSS; rmse = sqrt(RSS/n). A pixel with
fewer than k + 1 valid dates, or whose design is singular (e.g. no thaw day between its valid dates), is nodata.

Seasonal amplitude δ = e·sqrt(max A_T) (mm; max over the days from the first to the last date). Active-layer
thickness, an estimate for a uniform porosity P and saturation S (Liu et al. 2012, J. Geophys. Res. 117, F01005,
eq. 5)::

    ALT = |δ|·ρ_i / (P·S·(ρ_w − ρ_i)),    ρ_i = 917, ρ_w = 1000 kg m⁻³
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

import numpy as np

from ..errors import CryoInputError
from .thaw_index import BlockDesign

RHO_ICE = 917.0  # kg m-3
RHO_WATER = 1000.0  # kg m-3


@dataclass
class Fit:
    """Per-pixel solution of a (dates, pixels) block: NaN where not solved."""

    coefficients: np.ndarray  # (k, pixels)
    standard_errors: np.ndarray  # (k, pixels)
    r2: np.ndarray
    rmse: np.ndarray
    n_dates: np.ndarray  # valid dates per pixel
    unsolved: np.ndarray  # bool: pixels with some data but too few dates or a singular design


def apply(design: np.ndarray, coefficients: np.ndarray) -> np.ndarray:
    """X·b for every pixel: (dates, pixels) from a design (dates, k) or (dates, pixels, k) and b (k, pixels)."""
    if design.ndim == 2:
        return design @ coefficients
    return np.einsum("dpk,kp->dp", design, coefficients)


def _transposed_apply(design: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Xᵀ·r for every pixel: (k, pixels) from values (dates, pixels)."""
    if design.ndim == 2:
        return design.T @ values
    return np.einsum("dpk,dp->kp", design, values)


def fit_block(design: np.ndarray, displacement: np.ndarray) -> Fit:
    """Least squares of every column of ``displacement`` (dates, pixels; NaN = missing) on ``design``
    (dates, k) or (dates, pixels, k), vectorised over pixels (masked normal equations on equilibrated columns,
    refined twice)."""
    k = design.shape[-1]
    valid = np.isfinite(displacement) & (np.isfinite(design).all(axis=-1) if design.ndim == 3 else True)
    weights = valid.astype(float)
    d = np.where(valid, displacement, 0.0)
    n = valid.sum(axis=0)
    axes = tuple(range(design.ndim - 1))
    scale = np.sqrt(np.nanmean(design ** 2, axis=axes))
    scale[~(scale > 0)] = 1.0
    x = design / scale
    if x.ndim == 3:
        x = np.where(valid[:, :, None], x, 0.0)
        normal = np.einsum("dpk,dpl->pkl", x, x)
    else:
        outer = (x[:, :, None] * x[:, None, :]).reshape(x.shape[0], k * k)
        normal = (weights.T @ outer).reshape(-1, k, k)
    eig = np.linalg.eigvalsh(normal)
    singular = eig[:, 0] <= 1e-10 * np.maximum(eig[:, -1], 1e-300)
    solvable = (n >= k + 1) & ~singular
    normal[~solvable] = np.eye(k)
    inverse = np.linalg.inv(normal)
    b = np.einsum("pkl,lp->kp", inverse, _transposed_apply(x, d))
    for _ in range(2):  # iterative refinement with the residual
        residual = (d - apply(x, b)) * weights
        b += np.einsum("pkl,lp->kp", inverse, _transposed_apply(x, residual))
    residual = (d - apply(x, b)) * weights
    rss = np.sum(residual ** 2, axis=0)
    dof = np.maximum(n - k, 1)
    se = np.sqrt(np.einsum("pkk->kp", inverse) * (rss / dof)) / scale[:, None]
    mean = np.sum(d, axis=0) / np.maximum(n, 1)
    tss = np.sum(((d - mean) * weights) ** 2, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        r2 = np.where(tss > 0, 1.0 - rss / tss, np.nan)
        rmse = np.sqrt(rss / np.maximum(n, 1))
    coefficients = b / scale[:, None]
    for array in (coefficients, se):
        array[:, ~solvable] = np.nan
    r2[~solvable] = np.nan
    rmse[~solvable] = np.nan
    return Fit(coefficients, se, r2, rmse, n, (n > 0) & ~solvable)


def band_names(frost_heave: bool, alt: bool) -> List[str]:
    """The bands of the output raster (and fields of the output points), in order. ``offset_mm`` (d0, the fitted
    displacement at the first date without its seasonal part) comes last so that the documented order of the
    others stays."""
    names = ["velocity_mm_yr", "velocity_se", "seasonal_coef", "seasonal_coef_se", "seasonal_amplitude_mm"]
    names += ["frost_heave_coef"] if frost_heave else []
    return names + ["r2", "rmse_mm", "n_dates"] + (["alt_m"] if alt else []) + ["offset_mm"]


def active_layer_thickness(amplitude_mm: np.ndarray, porosity: float, saturation: float) -> np.ndarray:
    """ALT (m) from the seasonal subsidence (mm), uniform porosity and saturation (Liu et al. 2012)."""
    if not (0 < porosity <= 1 and 0 < saturation <= 1):
        raise CryoInputError("POROSITY and SATURATION must be in (0, 1], got {} and {}".format(porosity, saturation))
    return np.abs(amplitude_mm) / 1000.0 * RHO_ICE / (porosity * saturation * (RHO_WATER - RHO_ICE))


def fit_bands(design: BlockDesign, fit: Fit, frost_heave: bool, porosity: Optional[float],
              saturation: Optional[float]) -> np.ndarray:
    """The output bands (bands, pixels) of a fitted block, NaN where not solved."""
    c, s = fit.coefficients, fit.standard_errors
    amplitude = c[2] * np.sqrt(design.max_thaw_index)
    bands = [c[1], s[1], c[2], s[2], amplitude] + ([c[3]] if frost_heave else [])
    n_dates = np.where(np.isfinite(fit.rmse), fit.n_dates, np.nan)
    bands += [fit.r2, fit.rmse, n_dates]
    if porosity is not None and saturation is not None:
        bands.append(active_layer_thickness(amplitude, porosity, saturation))
    bands.append(c[0])
    return np.array(bands)
