"""Per-pixel least squares of the deformation model, vectorised over pixels, and the output bands.

X is one matrix (dates, k) for every pixel (one temperature series) or one per pixel (dates, pixels, k) (a
temperature stack). With one matrix, the pixels that have every date share one solution: X = QR once, b = R⁻¹Qᵀd
as one matrix product for all of them. The other pixels (some dates missing), and every pixel of a per-pixel
design, solve their masked normal equations XᵀWX b = XᵀWd (W: the pixel's valid dates) as a batch: formed column
by column on equilibrated columns (a per-pixel design is stored (k, dates, pixels), so every product is
contiguous), inverted by a Gauss-Jordan vectorised over pixels, and refined twice with the residual (iterative
refinement). Both are equal to ``numpy.linalg.lstsq`` to rounding; no loop over pixels.
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


def _apply_columns(x: np.ndarray, b: np.ndarray) -> np.ndarray:
    """X·b for a design stored by column: x (k, dates, pixels) or (dates, k) shared."""
    if x.ndim == 2:
        return x @ b
    return np.einsum("kdp,kp->dp", x, b)


def _transposed_columns(x: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Xᵀ·r (k, pixels) for x (k, dates, pixels) or (dates, k) shared."""
    if x.ndim == 2:
        return x.T @ values
    return np.einsum("kdp,dp->kp", x, values)


def _inverse_spd(a: np.ndarray) -> np.ndarray:
    """The inverses of symmetric positive definite (pixels, k, k) matrices: Gauss-Jordan vectorised over pixels
    (a loop over the k pivots; no pivoting is needed for positive definite matrices)."""
    k = a.shape[-1]
    m = np.concatenate([a, np.broadcast_to(np.eye(k), a.shape)], axis=2)
    for i in range(k):
        m[:, i] /= m[:, i, i, None]
        for j in range(k):
            if j != i:
                m[:, j] -= m[:, j, i, None] * m[:, i]
    return m[:, :, k:]


def fit_block(design: np.ndarray, displacement: np.ndarray) -> Fit:
    """Least squares of every column of ``displacement`` (dates, pixels; NaN = missing) on ``design``
    (dates, k) or (dates, pixels, k), vectorised over pixels. With a shared design, the pixels that have every
    date share one solution (QR of the design once, then matrix products); the others, and every pixel of a
    per-pixel design, solve their masked normal equations on equilibrated columns as a batch, refined twice."""
    k = design.shape[-1]
    pixels = displacement.shape[1]
    valid = np.isfinite(displacement)
    if design.ndim == 3:
        for c in range(k):
            valid &= np.isfinite(design[:, :, c])
    n = valid.sum(axis=0)
    fit = Fit(np.full((k, pixels), np.nan), np.full((k, pixels), np.nan), np.full(pixels, np.nan),
              np.full(pixels, np.nan), n, np.zeros(pixels, bool))
    rest = np.ones(pixels, bool)
    if design.ndim == 2 and design.shape[0] >= k + 1:
        complete = n == design.shape[0]
        if complete.any() and _well_posed(design / _scale(design)):
            _store(fit, complete, _fit_complete(design, displacement if complete.all() else
                                                displacement[:, complete]))
            rest = ~complete
    if rest.all():
        _store(fit, slice(None), _fit_masked(design, displacement, valid))
    elif rest.any():
        part = design if design.ndim == 2 else design[:, rest]
        _store(fit, rest, _fit_masked(part, displacement[:, rest], valid[:, rest]))
    fit.unsolved = (n > 0) & np.isnan(fit.coefficients[0])
    return fit


def _store(fit: Fit, where, values) -> None:
    fit.coefficients[:, where], fit.standard_errors[:, where], fit.r2[where], fit.rmse[where] = values


def _scale(design: np.ndarray) -> np.ndarray:
    """Column norms (RMS) that equilibrate the design; a sample of pixels for a per-pixel design."""
    if design.ndim == 3:
        design = design[:, ::max(1, design.shape[1] // 1024)]
    scale = np.sqrt(np.nanmean(design ** 2, axis=tuple(range(design.ndim - 1))))
    scale[~(scale > 0)] = 1.0
    return scale


def _singular(normal: np.ndarray) -> np.ndarray:
    eig = np.linalg.eigvalsh(normal)
    return eig[..., 0] <= 1e-10 * np.maximum(eig[..., -1], 1e-300)


def _well_posed(x: np.ndarray) -> bool:
    return not bool(_singular(x.T @ x))


def _statistics(d: np.ndarray, rss: np.ndarray, n: np.ndarray, k: int, inverse_diagonal: np.ndarray):
    """Standard errors (of the equilibrated coefficients), R² and RMSE of displacements ``d`` (0 where invalid)
    from their residual sum of squares; TSS = Σd² − (Σd)²/n, no centred copy of the block."""
    se = np.sqrt(inverse_diagonal * (rss / np.maximum(n - k, 1)))
    tss = np.einsum("dp,dp->p", d, d) - np.sum(d, axis=0) ** 2 / np.maximum(n, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        r2 = np.where(tss > 0, 1.0 - rss / tss, np.nan)
        rmse = np.sqrt(rss / np.maximum(n, 1))
    return se, r2, rmse


def _fit_complete(design: np.ndarray, d: np.ndarray):
    """Pixels with every date on one design (dates, k): QR once, then matrix products."""
    scale = _scale(design)
    x = design / scale
    q, r = np.linalg.qr(x)
    projected = q.T @ d
    b = np.linalg.solve(r, projected)
    r_inverse = np.linalg.inv(r)
    # Q is orthonormal: RSS = |d|² − |Qᵀd|², without forming the (dates, pixels) residual
    rss = np.maximum(np.einsum("dp,dp->p", d, d) - np.einsum("kp,kp->p", projected, projected), 0.0)
    n = np.full(d.shape[1], d.shape[0])
    se, r2, rmse = _statistics(d, rss, n, x.shape[1], np.sum(r_inverse ** 2, axis=1)[:, None])
    return b / scale[:, None], se / scale[:, None], r2, rmse


def _fit_masked(design: np.ndarray, displacement: np.ndarray, valid: np.ndarray):
    """The masked normal equations of every pixel as a batch, refined twice with the residual."""
    k = design.shape[-1]
    dates, pixels = displacement.shape
    invalid = ~valid
    n = valid.sum(axis=0)
    d = np.where(valid, displacement, 0.0)
    scale = _scale(design)
    if design.ndim == 3:  # stored by column (k, dates, pixels): every product below is contiguous
        x = np.empty((k, dates, pixels))
        for c in range(k):
            np.divide(design[:, :, c], scale[c], out=x[c])
            np.copyto(x[c], 0.0, where=invalid)
        normal = np.empty((pixels, k, k))
        for i in range(k):
            for j in range(i, k):
                normal[:, i, j] = normal[:, j, i] = np.einsum("dp,dp->p", x[i], x[j])
    else:
        x = design / scale
        outer = (x[:, :, None] * x[:, None, :]).reshape(dates, k * k)
        normal = (valid.T.astype(float) @ outer).reshape(-1, k, k)
    solvable = (n >= k + 1) & ~_singular(normal)
    normal[~solvable] = np.eye(k)
    inverse = _inverse_spd(normal)

    def residual_of(b):
        r = d - _apply_columns(x, b)
        np.copyto(r, 0.0, where=invalid)
        return r

    b = np.einsum("pkl,lp->kp", inverse, _transposed_columns(x, d))
    for _ in range(2):  # iterative refinement with the residual
        b += np.einsum("pkl,lp->kp", inverse, _transposed_columns(x, residual_of(b)))
    residual = residual_of(b)
    se, r2, rmse = _statistics(d, np.einsum("dp,dp->p", residual, residual), n, k, np.einsum("pkk->kp", inverse))
    coefficients, se = b / scale[:, None], se / scale[:, None]
    for array in (coefficients, se):
        array[:, ~solvable] = np.nan
    r2[~solvable] = np.nan
    rmse[~solvable] = np.nan
    return coefficients, se, r2, rmse


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
