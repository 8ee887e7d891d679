"""Thaw and freezing indices at InSAR acquisition dates, and the design matrix of the deformation model.

Thaw index (stated precisely): A_T(t) = Σ max(T, 0) over the days from the thaw onset of t's season year to t
(both included), with T the daily mean temperature (°C); the thaw onset is the first day on or after
``YEAR_START`` (default 01-01) with T > 0, so A_T is 0 before it and is reset on every YEAR_START. Since
max(T, 0) is 0 on every day before the onset, this equals Σ max(T, 0) from YEAR_START, which is how it is
computed. Freezing index: A_F(t) = Σ max(−T, 0) from ``FREEZE_START`` (default 07-01), likewise reset each year
(Liu, Zhang & Wahr 2010, J. Geophys. Res. 115, F03023, eq. 4-5). Gaps of at most :data:`MAX_GAP` days in the
daily series are filled by linear interpolation; an InSAR date whose accumulation needs a day still missing is
refused, naming that date.

The design of :mod:`the deformation model <.deformation>` has the columns 1, t − t0 (years of 365.25 days from
the first date), sqrt(A_T)[, sqrt(A_F)]. A design gives the matrix of a block of pixels through ``block``: one
matrix (dates, k) shared by all pixels for one temperature series (:class:`Design`), or one per pixel
(dates, pixels, k) for a temperature stack.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple, Union

import numpy as np

from ..errors import CryoInputError
from ..io.temperature import Packing, check_plausible_celsius

MAX_GAP = 5  # days of missing temperature filled by linear interpolation
DAYS_PER_YEAR = 365.25


@dataclass
class BlockDesign:
    """The design of a block of pixels (or points)."""

    matrix: np.ndarray  # (dates, k) shared by every pixel, or (dates, pixels, k)
    max_thaw_index: Union[float, np.ndarray]  # max A_T between the first and last date (°C·day), or per pixel
    uncovered: Optional[np.ndarray] = None  # bool (pixels,): temperature missing for some date (then nodata)


@dataclass
class Design:
    """The design matrix of the acquisition dates from one temperature series, shared by every pixel: columns
    1, t − t0 (years), sqrt(A_T)[, sqrt(A_F)]."""

    matrix: np.ndarray
    thaw_index: np.ndarray  # A_T at each date (°C·day)
    freeze_index: Optional[np.ndarray]
    max_thaw_index: float  # max A_T over the days from the first to the last date

    @property
    def unknowns(self) -> int:
        return self.matrix.shape[1]

    @property
    def bytes_per_pixel(self) -> int:
        """Memory a pixel's design takes beyond the displacements: none, the matrix is shared."""
        return 0

    def block(self, rows: slice, width: int) -> BlockDesign:
        """The same matrix for every pixel of ``rows``."""
        return BlockDesign(self.matrix, self.max_thaw_index)

    def at_points(self, xs: np.ndarray, ys: np.ndarray) -> BlockDesign:
        """The same matrix for every point."""
        return BlockDesign(self.matrix, self.max_thaw_index)

    def check_solvable(self, dates: Sequence[dt.date]) -> None:
        """Refuse a design whose thaw (or freeze) index does not vary independently of time at ``dates``."""
        if np.linalg.matrix_rank(self.matrix) < self.unknowns:
            raise CryoInputError(
                "The model cannot be fitted: the thaw (or freeze) index does not vary independently of time "
                "between the InSAR dates {} .. {} (sqrt(A_T) from {:g} to {:g}): no thaw season is covered; "
                "check TEMPERATURE and YEAR_START".format(
                    dates[0], dates[-1], self.matrix[:, 2].min(), self.matrix[:, 2].max()))


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
    columns = [np.ones(len(insar_dates)), years_since_first(insar_dates)] + [np.sqrt(a) for a in at_dates]
    span = slice((insar_dates[0] - first).days, (insar_dates[-1] - first).days + 1)
    max_thaw = float(np.nanmax(indices[0][span])) if indices[0][span].size else 0.0
    return Design(np.column_stack(columns), at_dates[0], at_dates[1] if frost_heave else None, max_thaw)


def years_since_first(dates: Sequence[dt.date]) -> np.ndarray:
    """t − t0 in years of 365.25 days from the first date."""
    return np.array([(d - dates[0]).days for d in dates], float) / DAYS_PER_YEAR
