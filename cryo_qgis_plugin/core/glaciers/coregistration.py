"""DEM co-registration after Nuth & Kääb (2011), and the bilinear resampling that applies a shift.

Nuth, C. & Kääb, A. (2011): Co-registration and bias corrections of satellite elevation data sets for
quantifying glacier thickness change, *The Cryosphere* 5, 271-290, doi:10.5194/tc-5-271-2011.

A DEM ``z`` misplaced by the horizontal vector ``s`` relative to a reference (``ref(p) = z(p − s) + s_z``)
shows, on stable terrain, elevation differences ``dh = ref − z ≈ −s·∇z + s_z``. Divided by the slope
tangent ``tan α = |∇z|`` and written with the aspect ``ψ`` (azimuth of the downslope direction, clockwise
from north) this is Nuth & Kääb's eq. 3:

    dh / tan α = a · cos(b − ψ) + c,    s_east = a · sin b,   s_north = a · cos b.

As in their paper the fit is made on the median of ``dh / tan α`` in aspect bins, the vertical bias is removed
first, and the estimate is iterated: the DEM is resampled with the shift found so far and the residual shift is
fitted again, until it is below :data:`TOLERANCE_PIXELS` of a cell. Only near-flat cells (slope under
:data:`MIN_SLOPE_DEGREES`, where the ratio has no aspect signal and explodes) are left out; the bin medians are
robust to what remains. xdem's ``NuthKaab`` leaves out only zero slopes. A 5° threshold, as some implementations use,
left out the gently sloping stable ground that carries the signal on the real Longyearbyen pair (NMAD after
1.263 m against 1.250 m with 1°) and changed nothing on its synthetic stand-in (shift within 0.03 m either way).
The cosine is fitted as ``A sin ψ + B cos ψ + c`` by linear least squares, which gives ``s_east = A`` and
``s_north = B`` directly. The shift reported is the translation applied to the DEM (x east, y north, z up), the
convention of xdem's ``NuthKaab``.

The standard errors of ``A`` and ``B`` in the last fit (``s² (XᵀX)⁻¹`` with ``s²`` the residual variance of the
bin medians about the cosine, bins taken as independent) are kept as ``sigma_x``/``sigma_y``: the precision of
the horizontal shift, from which :mod:`.accuracy` gives CE90.

After the last horizontal step the vertical shift is estimated again, as the median of ``reference − DEM``
(horizontally shifted) over all stable cells, not only the sloping ones the fit uses, after leaving out those
farther than ``outlier_nmad`` NMAD from the median (:func:`stable_vertical_median`): the same cells and the same
filter as the stable statistics after co-registration, whose median is then 0 (on flat stable terrain the
median of the sloping cells alone can differ by centimetres: −0.05 m on the real Longyearbyen pair).

To stay fast on large DEMs the fit uses stable cells on a regular sub-grid (at most ``max_samples``);
slopes come from central differences of the reference at those cells, and the shifted DEM is interpolated
there only. The full grid is resampled once, by :func:`shifted_rows`, when the shift is known.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np

from ..run import Run
from ..errors import CryoInputError
from ..stats.robust import median, nmad

MIN_SLOPE_DEGREES = 1.0
ASPECT_BINS = 72  # 5° bins, as in Nuth & Kääb (2011) fig. 3
MIN_PER_BIN = 20
MIN_BINS = 10
TOLERANCE_PIXELS = 5e-5  # stop when the residual shift is below this fraction of a cell (1 mm at 20 m)


@dataclass(frozen=True)
class Shift:
    """Translation applied to the DEM, metres: x east, y north, z up."""

    x: float = 0.0
    y: float = 0.0
    z: float = 0.0


@dataclass
class Coregistration:
    shift: Shift
    iterations: int = 0
    samples: int = 0
    history: List[Tuple[float, float, float]] = field(default_factory=list)  # (x, y, nmad) per iteration
    sigma_x: Optional[float] = None  # standard error of shift.x from the last fit (m); None: not fitted
    sigma_y: Optional[float] = None


@dataclass(frozen=True)
class StableSamples:
    """Stable cells used for the fit, ordered by aspect bin: grid positions, reference elevation, slope,
    and where each 5° aspect bin starts."""

    rows: np.ndarray
    cols: np.ndarray
    reference: np.ndarray
    tan_slope: np.ndarray
    bin_starts: np.ndarray  # ASPECT_BINS + 1 offsets


def aspect_bins(aspect: np.ndarray) -> np.ndarray:
    """Index of the 5° bin of each aspect (radians in [-π, π])."""
    return np.minimum(((aspect + np.pi) / (2 * np.pi) * ASPECT_BINS).astype(np.int64), ASPECT_BINS - 1)


def stable_samples(reference: np.ndarray, stable: np.ndarray, pixel: Tuple[float, float],
                   max_samples: int) -> StableSamples:
    """Stable cells (on a regular sub-grid when there are more than ``max_samples``) with a slope over
    :data:`MIN_SLOPE_DEGREES`.

    ``pixel`` is ``(dx, dy)`` in metres (both positive). Slopes are central differences of ``reference``.
    """
    stride = max(1, int(np.sqrt(np.count_nonzero(stable) / max_samples)))
    rows, cols = np.nonzero(stable[1:-1:stride, 1:-1:stride])
    rows = rows * stride + 1
    cols = cols * stride + 1
    dx, dy = pixel
    east = (reference[rows, cols + 1] - reference[rows, cols - 1]) / (2 * dx)
    north = (reference[rows - 1, cols] - reference[rows + 1, cols]) / (2 * dy)
    tan_slope = np.hypot(east, north)
    keep = np.flatnonzero(np.isfinite(tan_slope) & (tan_slope >= np.tan(np.radians(MIN_SLOPE_DEGREES))))
    bins = aspect_bins(np.arctan2(-east[keep], -north[keep]))  # downslope azimuth, clockwise from north
    order = keep[np.argsort(bins, kind="stable")]
    starts = np.searchsorted(np.sort(bins), np.arange(ASPECT_BINS + 1))
    return StableSamples(rows[order], cols[order], reference[rows[order], cols[order]].astype(np.float64),
                         tan_slope[order], starts)


def bilinear_at(array: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Bilinear interpolation of ``array`` at fractional (row, col) positions; NaN outside or next to NaN."""
    r0 = np.floor(rows).astype(np.int64)
    c0 = np.floor(cols).astype(np.int64)
    fr = rows - r0
    fc = cols - c0
    inside = (r0 >= 0) & (c0 >= 0) & (r0 + 1 < array.shape[0]) & (c0 + 1 < array.shape[1])
    r0 = np.where(inside, r0, 0)
    c0 = np.where(inside, c0, 0)
    value = ((1 - fr) * ((1 - fc) * array[r0, c0] + fc * array[r0, c0 + 1])
             + fr * ((1 - fc) * array[r0 + 1, c0] + fc * array[r0 + 1, c0 + 1]))
    return np.where(inside, value, np.nan)


def _window(array: np.ndarray, r0: int, r1: int, dr: int, dc: int) -> np.ndarray:
    """``array[r + dr, c + dc]`` for rows ``r0 <= r < r1`` and every column, NaN where that is outside."""
    height, width = array.shape
    out = np.full((r1 - r0, width), np.nan, dtype=np.float32)
    src_r0, src_r1 = max(r0 + dr, 0), min(r1 + dr, height)
    src_c0, src_c1 = max(dc, 0), min(width + dc, width)
    if src_r0 < src_r1 and src_c0 < src_c1:
        out[src_r0 - r0 - dr:src_r1 - r0 - dr, src_c0 - dc:src_c1 - dc] = array[src_r0:src_r1, src_c0:src_c1]
    return out


def shifted_rows(array: np.ndarray, shift: Shift, pixel: Tuple[float, float], r0: int, r1: int) -> np.ndarray:
    """Rows ``r0:r1`` of ``array`` translated by ``shift`` (bilinear; ``z`` added; NaN where undefined).

    The translated DEM at a cell is the original DEM at ``cell − shift``: ``shift.x / dx`` columns to the
    left and ``shift.y / dy`` rows down (rows grow southward).
    """
    col = -shift.x / pixel[0]
    row = shift.y / pixel[1]
    k, m = int(np.floor(row)), int(np.floor(col))
    fr, fc = row - k, col - m
    out = (1 - fr) * (1 - fc) * _window(array, r0, r1, k, m)
    for weight, dr, dc in ((fc * (1 - fr), 0, 1), (fr * (1 - fc), 1, 0), (fr * fc, 1, 1)):
        if weight > 0:  # a zero weight must not spread a neighbour's NaN
            out += np.float32(weight) * _window(array, r0, r1, k + dr, m + dc)
    if shift.z:
        out += np.float32(shift.z)
    return out


def _fit_aspect_cosine(ratio: np.ndarray, bin_starts: np.ndarray, min_per_bin: int = MIN_PER_BIN,
                       samples: str = "stable cells", remedy: str = "Use COREGISTER 'vertical', or a larger area "
                       "with more stable terrain") -> Tuple[float, float, float, float]:
    """Least-squares fit of ``A sin ψ + B cos ψ + c`` to the median of ``ratio`` (NaN = unused) in each
    5° aspect bin with at least ``min_per_bin`` values; ``ratio`` is ordered by bin as the samples are (``samples``
    and ``remedy`` word the error). ``(A, B, σ_A, σ_B)``."""
    centres, medians = [], []
    for b in range(ASPECT_BINS):
        values = ratio[bin_starts[b]:bin_starts[b + 1]]
        values = values[np.isfinite(values)]
        if values.size >= min_per_bin:
            centres.append(-np.pi + (b + 0.5) * (2 * np.pi / ASPECT_BINS))
            medians.append(np.median(values))
    if len(centres) < MIN_BINS:
        raise CryoInputError(
            "Too little sloping stable terrain for Nuth & Kääb co-registration: only {} of the 72 aspect bins have "
            "{} or more {} with a slope over {}°. {}".format(len(centres), min_per_bin, samples, MIN_SLOPE_DEGREES,
                                                             remedy))
    centres = np.array(centres)
    design = np.column_stack([np.sin(centres), np.cos(centres), np.ones_like(centres)])
    medians = np.array(medians)
    (east, north, offset), *_ = np.linalg.lstsq(design, medians, rcond=None)
    residual = medians - design @ np.array([east, north, offset])
    variance = float(residual @ residual) / (centres.size - 3)
    sigma_east, sigma_north = np.sqrt(variance * np.diag(np.linalg.inv(design.T @ design))[:2])
    return float(east), float(north), float(sigma_east), float(sigma_north)


def nuth_kaab(reference: np.ndarray, dem: np.ndarray, stable: np.ndarray, pixel: Tuple[float, float],
              max_iterations: int = 10, outlier_nmad: float = 3.0, max_samples: int = 1_000_000,
              run: Run = Run()) -> Coregistration:
    """Horizontal and vertical shift that aligns ``dem`` onto ``reference`` (same grid, NaN = nodata).

    ``stable`` marks stable terrain; ``outlier_nmad`` > 0 leaves out, at each iteration, stable cells whose
    residual is more than that many NMAD from the median.
    """
    samples = stable_samples(reference, stable, pixel, max_samples)
    shift = np.zeros(2)
    result = Coregistration(Shift(), samples=samples.rows.size)
    tolerance = TOLERANCE_PIXELS * min(pixel)
    for iteration in range(1, max_iterations + 1):
        run.report((iteration - 1) / max_iterations)
        residual, usable = _residuals(samples, dem, shift, pixel, outlier_nmad)
        ratio = np.where(usable, residual / samples.tan_slope, np.nan)
        east, north, result.sigma_x, result.sigma_y = _fit_aspect_cosine(ratio, samples.bin_starts)
        shift += (east, north)
        result.iterations = iteration
        result.history.append((float(shift[0]), float(shift[1]), nmad(residual[usable])))
        run.info("Nuth & Kääb iteration {}: shift x {:+.4f} m, y {:+.4f} m (step {:.4f} m, NMAD {:.3f} m)".format(
            iteration, shift[0], shift[1], np.hypot(east, north), result.history[-1][2]))
        if np.hypot(east, north) < tolerance:
            break
    residual, usable = _residuals(samples, dem, shift, pixel, outlier_nmad, remove_bias=False)
    vertical, cells = stable_vertical_median(reference, dem, stable, pixel, (shift[0], shift[1]), outlier_nmad,
                                             2 * max_samples)
    run.info("Vertical shift estimated again after the last horizontal step: {:+.4f} m, the median stable dh of "
             "{} cells (the sloping samples alone give {:+.4f} m)".format(vertical, cells, median(residual[usable])))
    result.shift = Shift(float(shift[0]), float(shift[1]), vertical)
    return result


def stable_vertical_median(reference: np.ndarray, dem: np.ndarray, stable: np.ndarray, pixel: Tuple[float, float],
                           horizontal: Tuple[float, float] = (0.0, 0.0), outlier_nmad: float = 3.0,
                           max_samples: int = 2_000_000) -> Tuple[float, int]:
    """Median of ``reference − dem`` (``dem`` translated by ``horizontal`` = (x, y) m, bilinear) over the stable
    cells, on a regular sub-grid of at most about ``max_samples`` cells, after leaving out those farther than
    ``outlier_nmad`` NMAD from the median (none when 0); and how many cells that median is of."""
    stride = max(1, int(np.sqrt(np.count_nonzero(stable) / max_samples)))
    rows, cols = np.nonzero(stable[::stride, ::stride])
    rows, cols = rows * stride, cols * stride
    if horizontal[0] or horizontal[1]:
        moved = bilinear_at(dem, rows + horizontal[1] / pixel[1], cols - horizontal[0] / pixel[0])
    else:
        moved = dem[rows, cols]
    dh = reference[rows, cols].astype(np.float64) - moved
    dh = dh[np.isfinite(dh)]
    if outlier_nmad > 0 and dh.size:
        centre = median(dh)
        dh = dh[np.abs(dh - centre) <= outlier_nmad * nmad(dh, centre)]
    return median(dh), int(dh.size)


def vertical_shift(reference: np.ndarray, dem: np.ndarray, stable: np.ndarray, outlier_nmad: float = 3.0,
                   max_samples: int = 1_000_000) -> Coregistration:
    """Only the vertical bias: the median of ``reference − dem`` on stable terrain (outliers left out)."""
    z, cells = stable_vertical_median(reference, dem, stable, (1.0, 1.0), (0.0, 0.0), outlier_nmad, max_samples)
    return Coregistration(Shift(z=z), samples=cells)


def _residuals(samples: StableSamples, dem: np.ndarray, shift: np.ndarray, pixel: Tuple[float, float],
               outlier_nmad: float, remove_bias: bool = True) -> Tuple[np.ndarray, np.ndarray]:
    """``reference − shifted dem`` at the samples (minus its median when ``remove_bias``), and the usable mask."""
    aligned = bilinear_at(dem, samples.rows + shift[1] / pixel[1], samples.cols - shift[0] / pixel[0])
    dh = samples.reference - aligned
    usable = np.isfinite(dh)
    if np.count_nonzero(usable) < MIN_BINS * MIN_PER_BIN:
        raise CryoInputError("The DEM has values at only {} stable sample cells after shifting it by ({:.1f}, "
                             "{:.1f}) m: check that the DEMs overlap on stable terrain".format(
                                 np.count_nonzero(usable), shift[0], shift[1]))
    centre = median(dh[usable])
    if remove_bias:
        dh = dh - centre
        centre = 0.0
    if outlier_nmad > 0:
        spread = nmad(dh[usable], centre)
        usable &= np.abs(dh - centre) <= outlier_nmad * spread
    return dh, usable


def no_shift(reference: np.ndarray, dem: np.ndarray, stable: np.ndarray, outlier_nmad: float = 3.0) -> Coregistration:
    """The DEM as it is (no co-registration)."""
    return Coregistration(Shift())


# COREGISTER option -> method(reference, dem, stable, pixel, max_iterations, outlier_nmad, run)
METHODS: Dict[str, Callable[..., Coregistration]] = {
    "nuth_kaab": lambda reference, dem, stable, pixel, max_iterations, outlier_nmad, run: nuth_kaab(
        reference, dem, stable, pixel, max_iterations, outlier_nmad, run=run),
    "vertical": lambda reference, dem, stable, pixel, max_iterations, outlier_nmad, run: vertical_shift(
        reference, dem, stable, outlier_nmad),
    "none": lambda reference, dem, stable, pixel, max_iterations, outlier_nmad, run: no_shift(
        reference, dem, stable, outlier_nmad),
}


fit_aspect_cosine = _fit_aspect_cosine  # the same fit on reference points (:mod:`.point_coregistration`)
