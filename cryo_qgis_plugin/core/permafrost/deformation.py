"""Permafrost ground deformation from an InSAR time series: long-term trend and seasonal (Stefan) component.

Per pixel, for the displacement d(t) (mm, line of sight or vertical) at the acquisition dates t::

    d(t) = d0 + v·(t − t0) + e·sqrt(A_T(t)) [+ f·sqrt(A_F(t))]

(Liu, Zhang & Wahr 2010, J. Geophys. Res. 115, F03023, eq. 4-5: the seasonal subsidence of the active layer
follows the Stefan solution, proportional to the square root of the accumulated degree days of thawing since
the thaw starts each year; Liu et al. 2012, J. Geophys. Res. 117, F01005, eq. 1-3, with the same basis). ``v`` is
the long-term velocity (mm/yr, t − t0 in years of 365.25 days from the first date), ``e`` the seasonal
coefficient (mm per sqrt(°C·day)), ``f`` the optional frost-heave coefficient.

Thaw index (stated precisely): A_T(t) = Σ max(T, 0) over the days from the thaw onset of t's season year to t
(both included), with T the daily mean temperature (°C); the thaw onset is the first day on or after
``YEAR_START`` (default 01-01) with T > 0, so A_T is 0 before it and is reset on every YEAR_START. Since
max(T, 0) is 0 on every day before the onset, this equals Σ max(T, 0) from YEAR_START, which is how it is
computed. Freezing index: A_F(t) = Σ max(−T, 0) from ``FREEZE_START`` (default 07-01), likewise reset each year.
Gaps of at most :data:`MAX_GAP` days in the daily series are filled by linear interpolation; an InSAR date
whose accumulation needs a day still missing is refused, naming that date.

Least squares per pixel (no loop over pixels): the masked normal equations XᵀWX b = XᵀWd (W: the pixel's valid
dates) are formed for a whole block with einsum on equilibrated columns, solved as a batch and refined once with
the residual (iterative refinement), which makes them equal to ``numpy.linalg.lstsq`` to rounding. Standard
errors: s² = RSS/(n − k), se = s·sqrt(diag((XᵀX)⁻¹)); R² = 1 − RSS/TSS; rmse = sqrt(RSS/n). A pixel with fewer
than k + 1 valid dates, or whose design is singular (e.g. no thaw day between its valid dates), is nodata.

Seasonal amplitude δ = e·sqrt(max A_T) (mm; max over the days from the first to the last date). Active-layer
thickness, an estimate for a uniform porosity P and saturation S (Liu et al. 2012, eq. 5)::

    ALT = |δ|·ρ_i / (P·S·(ρ_w − ρ_i)),    ρ_i = 917, ρ_w = 1000 kg m⁻³
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.stack_base import Stack
from ..io.temperature import Packing, check_plausible_celsius
from ..style import pseudocolor_qml
from ..run import Run, blocks

RHO_ICE = 917.0  # kg m-3
RHO_WATER = 1000.0  # kg m-3
MAX_GAP = 5  # days of missing temperature filled by linear interpolation
MAX_DISPLACEMENT_MM = 10000.0  # |d| above 10 m: units mixed up
NODATA = -9999.0
# band 1 (velocity) opens on a diverging ramp: subsidence (thaw settlement, degradation) red, uplift blue
VELOCITY_STYLE = pseudocolor_qml([(-20.0, "#b2182b", "-20 mm/yr (subsidence)"), (0.0, "#f7f7f7", "0 mm/yr"),
                                  (20.0, "#2166ac", "+20 mm/yr (uplift)")])
DAYS_PER_YEAR = 365.25


@dataclass
class Design:
    """The design matrix of the acquisition dates: columns 1, t − t0 (years), sqrt(A_T)[, sqrt(A_F)]."""

    matrix: np.ndarray
    thaw_index: np.ndarray  # A_T at each date (°C·day)
    freeze_index: Optional[np.ndarray]
    max_thaw_index: float  # max A_T over the days from the first to the last date

    @property
    def unknowns(self) -> int:
        return self.matrix.shape[1]


def _month_day(text: str, what: str) -> Tuple[int, int]:
    try:
        month, day = (int(p) for p in text.split("-"))
        dt.date(2001, month, day)
    except ValueError:
        raise CryoInputError("{} must be MM-DD (e.g. 01-01), got {!r}".format(what, text)) from None
    return month, day


def daily_series(dates: Sequence[dt.date], temperatures: Sequence[float]) -> Tuple[dt.date, np.ndarray]:
    """The first day and the temperature of every day from it to the last (NaN where missing after filling gaps
    of at most :data:`MAX_GAP` days linearly). Repeated dates are refused."""
    if len(dates) == 0:
        raise CryoInputError("TEMPERATURE holds no dated value")
    values = np.asarray(temperatures, float)
    first = min(dates)
    days = np.array([(d - first).days for d in dates])
    if len(np.unique(days)) != len(days):
        seen = set()
        repeated = next(d for d in sorted(dates) if d in seen or seen.add(d))
        raise CryoInputError("TEMPERATURE: the date {} occurs twice; give one daily mean per day".format(repeated))
    series = np.full(days.max() + 1, np.nan)
    series[days] = values
    known = np.flatnonzero(np.isfinite(series))
    if known.size >= 2:
        run_lengths = np.diff(known) - 1
        for start, gap in zip(known[:-1], run_lengths):
            if 0 < gap <= MAX_GAP:
                series[start + 1:start + gap + 1] = np.interp(np.arange(start + 1, start + gap + 1),
                                                              [start, start + gap + 1],
                                                              [series[start], series[start + gap + 1]])
    return first, series


def accumulated_index(first: dt.date, series: np.ndarray, season_start: Tuple[int, int],
                      thawing: bool) -> np.ndarray:
    """Σ max(T, 0) (thawing) or Σ max(−T, 0) (freezing) from each season's start day to every day (NaN from a
    missing day to the end of its season)."""
    part = np.maximum(series, 0.0) if thawing else np.maximum(-series, 0.0)
    part = np.where(np.isnan(series), np.nan, part)
    days = [first + dt.timedelta(days=int(i)) for i in range(len(series))]
    starts = np.array([d.month == season_start[0] and d.day == season_start[1] for d in days])
    starts[0] = True
    season = np.cumsum(starts) - 1
    out = np.empty_like(part)
    for s in range(season[-1] + 1):
        idx = np.flatnonzero(season == s)
        out[idx] = np.cumsum(part[idx])  # NaN propagates to the season's end
    return out


def season_start_of(day: dt.date, start: Tuple[int, int]) -> dt.date:
    this_year = dt.date(day.year, *start)
    return this_year if this_year <= day else dt.date(day.year - 1, *start)


def design_matrix(insar_dates: Sequence[dt.date], temperature_dates: Sequence[dt.date],
                  temperatures: Sequence[float], packing: Packing = Packing(), year_start: str = "01-01",
                  frost_heave: bool = False, freeze_start: str = "07-01") -> Design:
    """The design of :mod:`this model <.deformation>` at ``insar_dates`` from a daily temperature series
    (stored values, turned into °C by ``packing`` and checked for plausibility)."""
    celsius = np.asarray(temperatures, float) * packing.scale + packing.celsius_offset
    check_plausible_celsius(celsius, None, "TEMPERATURE", packing, packed=False)
    first, series = daily_series(list(temperature_dates), celsius)
    starts = [_month_day(year_start, "YEAR_START")]
    if frost_heave:
        starts.append(_month_day(freeze_start, "FREEZE_START"))
    indices = [accumulated_index(first, series, s, thawing=(i == 0)) for i, s in enumerate(starts)]
    at_dates = []
    for start, index in zip(starts, indices):
        values = []
        for day in insar_dates:
            position = (day - first).days
            needed_from = season_start_of(day, start)
            if needed_from < first or position >= len(series) or not np.isfinite(index[position]):
                gaps = [i for i in range(max(0, (needed_from - first).days), min(position + 1, len(series)))
                        if np.isnan(series[i])] + [len(series)]
                missing = needed_from if needed_from < first else first + dt.timedelta(days=gaps[0])
                raise CryoInputError(
                    "TEMPERATURE does not cover the InSAR date {}: its index accumulates the daily temperatures "
                    "from {} and the day {} is missing (series {} .. {}, gaps of at most {} days are filled); "
                    "give a longer temperature series or leave that date out".format(
                        day, needed_from, missing, first, first + dt.timedelta(days=len(series) - 1), MAX_GAP))
            values.append(index[position])
        at_dates.append(np.array(values))
    t0 = insar_dates[0]
    years = np.array([(d - t0).days for d in insar_dates], float) / DAYS_PER_YEAR
    columns = [np.ones(len(insar_dates)), years] + [np.sqrt(a) for a in at_dates]
    span = slice((insar_dates[0] - first).days, (insar_dates[-1] - first).days + 1)
    max_thaw = float(np.nanmax(indices[0][span])) if indices[0][span].size else 0.0
    return Design(np.column_stack(columns), at_dates[0], at_dates[1] if frost_heave else None, max_thaw)


@dataclass
class Fit:
    """Per-pixel solution of a (dates, pixels) block: NaN where not solved."""

    coefficients: np.ndarray  # (k, pixels)
    standard_errors: np.ndarray  # (k, pixels)
    r2: np.ndarray
    rmse: np.ndarray
    n_dates: np.ndarray  # valid dates per pixel
    unsolved: np.ndarray  # bool: pixels with some data but too few dates or a singular design


def fit_block(design: np.ndarray, displacement: np.ndarray) -> Fit:
    """Least squares of every column of ``displacement`` (dates, pixels; NaN = missing) on ``design``
    (dates, k), vectorised over pixels (masked normal equations on equilibrated columns, refined once)."""
    n_dates, k = design.shape
    valid = np.isfinite(displacement)
    weights = valid.astype(float)
    d = np.where(valid, displacement, 0.0)
    n = valid.sum(axis=0)
    scale = np.sqrt(np.mean(design ** 2, axis=0))
    scale[scale == 0] = 1.0
    x = design / scale
    outer = (x[:, :, None] * x[:, None, :]).reshape(n_dates, k * k)
    normal = (weights.T @ outer).reshape(-1, k, k)
    eig = np.linalg.eigvalsh(normal)
    singular = eig[:, 0] <= 1e-10 * np.maximum(eig[:, -1], 1e-300)
    solvable = (n >= k + 1) & ~singular
    normal[~solvable] = np.eye(k)
    inverse = np.linalg.inv(normal)
    b = np.einsum("pkl,lp->kp", inverse, x.T @ d)
    for _ in range(2):  # iterative refinement with the residual
        residual = (d - x @ b) * weights
        b += np.einsum("pkl,lp->kp", inverse, x.T @ residual)
    residual = (d - x @ b) * weights
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
    names = ["velocity_mm_yr", "velocity_se", "seasonal_coef", "seasonal_coef_se", "seasonal_amplitude_mm"]
    names += ["frost_heave_coef"] if frost_heave else []
    return names + ["r2", "rmse_mm", "n_dates"] + (["alt_m"] if alt else [])


def active_layer_thickness(amplitude_mm: np.ndarray, porosity: float, saturation: float) -> np.ndarray:
    """ALT (m) from the seasonal subsidence (mm), uniform porosity and saturation (Liu et al. 2012)."""
    if not (0 < porosity <= 1 and 0 < saturation <= 1):
        raise CryoInputError("POROSITY and SATURATION must be in (0, 1], got {} and {}".format(porosity, saturation))
    return np.abs(amplitude_mm) / 1000.0 * RHO_ICE / (porosity * saturation * (RHO_WATER - RHO_ICE))


def fit_bands(design: Design, fit: Fit, frost_heave: bool, porosity: Optional[float],
              saturation: Optional[float]) -> np.ndarray:
    """The output bands (bands, pixels) of a fitted block, NaN where not solved."""
    c, s = fit.coefficients, fit.standard_errors
    amplitude = c[2] * np.sqrt(design.max_thaw_index)
    bands = [c[1], s[1], c[2], s[2], amplitude] + ([c[3]] if frost_heave else [])
    n_dates = np.where(np.isfinite(fit.rmse), fit.n_dates, np.nan)
    bands += [fit.r2, fit.rmse, n_dates]
    if porosity is not None and saturation is not None:
        bands.append(active_layer_thickness(amplitude, porosity, saturation))
    return np.array(bands)


@dataclass
class DeformationResult:
    bands: List[str]
    n_pixels: int  # pixels solved
    n_unsolved: int  # pixels with data but too few dates or a singular design
    median_velocity: float
    median_r2: float


def deformation_raster(stack: Stack, temperature_dates: Sequence[dt.date], temperatures: Sequence[float],
                       output_path: str, units: str = "m", reference_date: Optional[dt.date] = None,
                       packing: Packing = Packing(), frost_heave: bool = False, porosity: Optional[float] = None,
                       saturation: Optional[float] = None, year_start: str = "01-01", freeze_start: str = "07-01",
                       run: Run = Run()) -> DeformationResult:
    """Fit the model to every pixel of a displacement ``stack`` (``units`` m or mm) streamed by row blocks and
    write a float32 GeoTIFF (bands :func:`band_names`, nodata −9999). ``reference_date``: displacements
    re-referenced to that acquisition date."""
    if units not in ("m", "mm"):
        raise CryoInputError("UNITS must be m or mm, got {!r}".format(units))
    dates = list(stack.dates)
    design = design_matrix(dates, temperature_dates, temperatures, packing, year_start, frost_heave, freeze_start)
    k = design.unknowns
    if len(dates) < k + 1:
        raise CryoInputError("{} InSAR dates, fewer than the {} the model needs ({} unknowns + 1): give a longer "
                             "time series".format(len(dates), k + 1, k))
    ref = None
    if reference_date is not None:
        if reference_date not in dates:
            raise CryoInputError("REFERENCE_DATE {} is not an acquisition date of INPUT ({} .. {})".format(
                reference_date, dates[0], dates[-1]))
        ref = dates.index(reference_date)
    if np.linalg.matrix_rank(design.matrix) < k:
        raise CryoInputError("The model cannot be fitted: the thaw (or freeze) index does not vary independently "
                             "of time between the InSAR dates {} .. {} (sqrt(A_T) from {:g} to {:g}): no thaw "
                             "season is covered; check TEMPERATURE and YEAR_START".format(
                                 dates[0], dates[-1], design.matrix[:, 2].min(), design.matrix[:, 2].max()))
    factor = 1000.0 if units == "m" else 1.0
    with_alt = porosity is not None and saturation is not None
    names = band_names(frost_heave, with_alt)
    height, width = stack.grid.shape
    row_bytes = width * 8 * (6 * len(dates) + 3 * k * k + 4 * len(names))
    solved = unsolved = 0
    velocities, r2s = [], []
    with GeoTiffWriter(output_path, stack.grid, names, np.float32, nodata=NODATA, style_qml=VELOCITY_STYLE) as writer:
        parts = blocks(height, row_bytes, run.budget_bytes)
        for i, (r0, r1) in enumerate(parts):
            run.check()
            raw = stack.read(slice(r0, r1)).astype(float)
            if stack.nodata is not None and not np.isnan(stack.nodata):
                raw[raw == stack.nodata] = np.nan
            raw = raw * (stack.scale or 1.0) + (stack.offset or 0.0)
            block = raw.reshape(len(dates), -1) * factor
            biggest = np.nanmax(np.abs(block), initial=0.0)
            if biggest > MAX_DISPLACEMENT_MM:
                raise CryoInputError(
                    "INPUT: a displacement of {:,.1f} m (rows {}-{}) read with UNITS={}: no ground moves more than "
                    "10 m between acquisitions; units mixed up? set UNITS (m or mm)".format(
                        biggest / 1000.0, r0, r1 - 1, units))
            if ref is not None:
                block = block - block[ref]
            fit = fit_block(design.matrix, block)
            bands = fit_bands(design, fit, frost_heave, porosity, saturation)
            ok = np.isfinite(fit.coefficients[1])
            solved += int(ok.sum())
            unsolved += int(fit.unsolved.sum())
            velocities.append(fit.coefficients[1][ok])
            r2s.append(fit.r2[ok & np.isfinite(fit.r2)])
            out = np.where(np.isfinite(bands), bands, NODATA).reshape(len(names), r1 - r0, width)
            writer.write(r0, out)
            run.report((i + 1) / len(parts))
    if unsolved:
        run.warning("{} pixels with data have fewer than {} valid dates or a singular design (no thaw between "
                    "their dates): nodata".format(unsolved, k + 1))
    velocity = np.concatenate(velocities) if velocities else np.empty(0)
    r2 = np.concatenate(r2s) if r2s else np.empty(0)
    run.info("{} pixels fitted; median velocity {:.2f} mm/yr; max thaw index {:.0f} °C·day".format(
        solved, float(np.median(velocity)) if velocity.size else float("nan"), design.max_thaw_index))
    return DeformationResult(names, solved, unsolved, float(np.median(velocity)) if velocity.size else float("nan"),
                             float(np.median(r2)) if r2.size else float("nan"))
