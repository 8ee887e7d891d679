"""Daily lake-ice thickness from daily air temperature: Stefan's degree-day growth law, snow insulation and
degree-day melt, for many lakes at once (one pass over the days of each season updates every lake).

Growth (Stefan's law; Leppäranta 1993, Atmosphere-Ocean 31, 123-138; Ashton 1989, Water Resour. Res. 25,
564-566): with the ice bottom at the freezing point T_f = 0 °C and the top at the air temperature T_a, the heat
conducted through the ice freezes water at its base,

    ρ_i L_f dh/dt = k_i (T_f − T_a) / h        ⇒        h(t) = sqrt(h0² + α² · AFDD(t)),

AFDD the freezing degree-days accumulated since freeze-up (°C·day) and α = sqrt(2 k_i / (ρ_i L_f)). With
k_i = 2.24 W m⁻¹ K⁻¹, ρ_i = 917 kg m⁻³ and L_f = 333.4 kJ kg⁻¹: α = 3.558 cm (°C·day)^-½ (α² = 12.66 cm² per
°C·day) for bare ice; empirical coefficients under snow are lower (about 2.0-2.7).

Snow of depth h_s and conductivity k_s on the ice adds a thermal resistance h_s/k_s in series with h/k_i:

    ρ_i L_f dh/dt = k_i (T_f − T_a) / (h + (k_i/k_s) h_s).

Over one day with constant T_a and h_s this integrates exactly: (h1 + r)² = (h0 + r)² + α²·FDD, r = (k_i/k_s)·h_s,
so each day's step is ``h1 = sqrt((h0 + r)² + α²·FDD) − r`` (without snow, r = 0, this is Stefan's law itself).

Melt: from the melt onset, the first day of the first run of ``thaw_run`` consecutive days above 0 °C after
freeze-up (so after the last freezing day before that run), each day with T_a > 0 °C thins the ice by the melt
coefficient × T_a: without later frost, h = h_last − M·ATDD, the degree-day decay of Bilello 1980 (CRREL Report
80-6) and Ashton 1983 (CRREL SR 83-19); a later freezing day still grows the ice. Before the melt onset, thaw
days (short mid-winter thaws) neither grow nor melt the ice.

Freeze-up and break-up: from a ``cryo:lakeicephenology`` table (ice grows from its freeze-up date, and is gone
on its break-up date; an empty break-up is taken from the model), or from the temperature: freeze-up is the
first day of the first run of ``freeze_run`` consecutive days below 0 °C in the season whose day before has a
temperature (a season that starts frozen, or a run right after a long gap, is not dated), and break-up is the
first day on which the melting ice reaches 0 cm; ice that melts out early forms again at the next such run, and
the season's row gives the longest ice period (its note says how many there were). A season without freeze-up
is reported with empty values.
Gaps of up to ``max_gap`` days are filled linearly; a longer gap inside the ice season stops that lake's
season (thickness unknown from there on). Seasons start on ``year_start`` and are named by their first year.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import CryoInputError
from ..io.dates import season_bounds
from ..io.temperature import Packing, check_plausible_celsius
from ..run import Run
from .freeze_events import fill_gaps, run_starts

K_ICE = 2.24  # W m-1 K-1, thermal conductivity of fresh-water ice near 0 °C
RHO_ICE = 917.0  # kg m-3
LATENT_HEAT = 333.4e3  # J kg-1, latent heat of fusion
K_SNOW = 0.31  # W m-1 K-1, snow on ice (Maykut & Untersteiner 1971, J. Geophys. Res. 76, 1550-1575)
MELT_COEFFICIENT = 0.5  # cm of ice per °C·day above 0 °C
SECONDS_PER_DAY = 86400.0
SEASON_COLUMNS = ("lake", "season", "freeze_up", "break_up", "max_thickness_cm", "date_max", "ice_days", "afdd",
                  "source", "note")


def stefan_alpha(k_ice: float = K_ICE, rho_ice: float = RHO_ICE, latent_heat: float = LATENT_HEAT) -> float:
    """α = sqrt(2 k_i / (ρ_i L_f)) in cm (°C·day)^-½ (SI inputs)."""
    return 100.0 * math.sqrt(2.0 * k_ice / (rho_ice * latent_heat) * SECONDS_PER_DAY)


ALPHA = stefan_alpha()  # 3.558 cm (°C·day)^-½


def stefan_thickness(afdd, h0: float = 0.0, alpha: float = ALPHA):
    """Stefan's law h = sqrt(h0² + α²·AFDD) (cm)."""
    return np.sqrt(h0 ** 2 + alpha ** 2 * np.asarray(afdd, dtype=float))


@dataclass(frozen=True)
class ThicknessOptions:
    alpha: float = ALPHA  # cm (°C·day)^-½
    h0: float = 0.0  # cm, thickness on the freeze-up day before that day's growth
    k_ice: float = K_ICE
    k_snow: float = K_SNOW
    melt: float = MELT_COEFFICIENT  # cm per °C·day
    freeze_run: int = 5
    thaw_run: int = 5
    max_gap: int = 5
    year_start: Tuple[int, int] = (8, 1)

    def check(self) -> None:
        for name, value, low, high in (("ALPHA", self.alpha, 0.1, 10.0), ("H0", self.h0, 0.0, 500.0),
                                       ("SNOW_CONDUCTIVITY", self.k_snow, 0.01, 2.0),
                                       ("MELT_COEFFICIENT", self.melt, 0.0, 10.0),
                                       ("FREEZE_RUN", self.freeze_run, 1, 60), ("THAW_RUN", self.thaw_run, 1, 60),
                                       ("MAX_GAP", self.max_gap, 0, 60)):
            if not (np.isfinite(value) and low <= value <= high):
                raise CryoInputError("{} must be between {:g} and {:g}, got {}".format(name, low, high, value))


@dataclass
class LakeDays:
    """Daily forcing of several lakes on one calendar: ``temperature[lake, day]`` in °C and ``snow`` depth on the
    ice in cm (None: no snow), NaN where there is no value."""

    lakes: List[str]
    first: dt.date
    temperature: np.ndarray
    snow: Optional[np.ndarray] = None

    def date(self, index: int) -> dt.date:
        return self.first + dt.timedelta(days=int(index))


def lake_days(lakes: Sequence[str], dates: Sequence[dt.date], temperatures: Sequence[float],
              packing: Packing = Packing(), snow: Optional[Sequence[float]] = None) -> LakeDays:
    """:class:`LakeDays` from long-form rows (one per lake and date; empty values are NaN). Temperatures are
    converted with ``packing`` (its UNITS) and refused outside −100..100 °C; a lake/date given twice, negative
    or implausible snow depths are refused naming the row (1-based)."""
    if not len(lakes):
        raise CryoInputError("The temperature table has no rows")
    names, lake_index = np.unique(np.asarray([str(lake) for lake in lakes]), return_inverse=True)
    ordinals = np.array([d.toordinal() for d in dates])
    day = ordinals - ordinals.min()
    celsius = np.asarray(temperatures, dtype=np.float64) + packing.celsius_offset
    check_plausible_celsius(celsius, None, "TEMPERATURE_FIELD", packing, packed=False)
    key = lake_index * (day.max() + 1) + day
    order = np.argsort(key, kind="stable")
    repeated = np.flatnonzero(key[order][1:] == key[order][:-1])
    if repeated.size:
        first, second = sorted((int(order[repeated[0]]), int(order[repeated[0] + 1])))
        raise CryoInputError("Rows {} and {} both give lake {} on {}; keep one temperature per lake and date".format(
            first + 1, second + 1, lakes[first], dates[first]))
    shape = (names.size, int(day.max()) + 1)
    matrix = np.full(shape, np.nan)
    matrix[lake_index, day] = celsius
    depth = None
    if snow is not None:
        values = np.asarray(snow, dtype=np.float64)
        bad = np.flatnonzero(np.isfinite(values) & ((values < 0) | (values > 2000)))
        if bad.size:
            row = int(bad[0])
            raise CryoInputError("Row {} (lake {}, {}): the snow depth {} is not a depth in cm (0-2000); check "
                                 "SNOW_FIELD and that it holds cm".format(row + 1, lakes[row], dates[row], values[row]))
        depth = np.full(shape, np.nan)
        depth[lake_index, day] = values
    return LakeDays([str(n) for n in names], dt.date.fromordinal(int(ordinals.min())), matrix, depth)


@dataclass(frozen=True)
class Phenology:
    """Observed freeze-up and break-up of one lake and season (None: not dated)."""

    freeze_up: Optional[dt.date]
    break_up: Optional[dt.date]


@dataclass
class SeasonRow:
    lake: str
    season: int
    freeze_up: Optional[dt.date] = None
    break_up: Optional[dt.date] = None
    max_thickness_cm: Optional[float] = None
    date_max: Optional[dt.date] = None
    ice_days: Optional[int] = None
    afdd: Optional[float] = None
    source: str = "temperature"
    note: str = ""

    def row(self) -> Dict[str, object]:
        values = {name: getattr(self, name) for name in SEASON_COLUMNS}
        for name in ("freeze_up", "break_up", "date_max"):
            values[name] = values[name].isoformat() if values[name] else None
        return values


@dataclass
class ThicknessResult:
    lakes: List[str]
    first: dt.date
    thickness: np.ndarray  # cm [lake, day], NaN where unknown
    seasons: List[SeasonRow] = field(default_factory=list)

    def date(self, index: int) -> dt.date:
        return self.first + dt.timedelta(days=int(index))


def _first(mask: np.ndarray, missing: int) -> np.ndarray:
    """Index of the first True of each row, ``missing`` where there is none."""
    return np.where(mask.any(axis=1), mask.argmax(axis=1), missing)


def ice_thickness(days: LakeDays, options: ThicknessOptions = ThicknessOptions(),
                  phenology: Optional[Dict[Tuple[str, int], Phenology]] = None, run: Run = Run()) -> ThicknessResult:
    """Daily thickness of every lake and one :class:`SeasonRow` per lake and season (see the module docstring).
    ``phenology`` (keyed by lake and season): observed dates instead of the temperature rule; a lake and season
    without an entry has no freeze-up."""
    options.check()
    n_lakes, n_days = days.temperature.shape
    temperature = fill_gaps(days.temperature, options.max_gap)
    snow = np.zeros_like(temperature) if days.snow is None else np.nan_to_num(fill_gaps(days.snow, options.max_gap))
    resistance = snow * (options.k_ice / options.k_snow)  # cm of ice with the thermal resistance of the snow
    thickness = np.full((n_lakes, n_days), np.nan)
    rows: List[SeasonRow] = []
    last = days.date(n_days - 1)
    first_season = days.first.year - (1 if (days.first.month, days.first.day) < options.year_start else 0)
    seasons = list(range(first_season, last.year + 1))
    for k, season in enumerate(seasons):
        start, stop = season_bounds(season, options.year_start)
        d0, d1 = max((start - days.first).days, 0), min((stop - days.first).days, n_days)
        if d1 <= d0:
            continue
        run.report(k / len(seasons))
        whole = start >= days.first and stop - dt.timedelta(days=1) <= last
        rows += _season(days, temperature, resistance, thickness, season, d0, d1, whole, options, phenology)
    run.report(1.0)
    no_freeze = [r for r in rows if r.freeze_up is None]
    if no_freeze:
        run.warning("{} lake-season(s) without a modelled ice season (no freeze-up, or not datable): {}".format(
            len(no_freeze), "; ".join("{} {}: {}".format(r.lake, r.season, r.note) for r in no_freeze[:10])
            + (" ..." if len(no_freeze) > 10 else "")))
    return ThicknessResult(days.lakes, days.first, thickness, rows)


def _dates_of(days: LakeDays, phenology, season: int, d0: int, d1: int
              ) -> Tuple[np.ndarray, np.ndarray, np.ndarray, List[str]]:
    """Freeze-up and break-up day indices per lake from ``phenology`` (−1 / ``d1``: none), which lakes have an
    unknown ice season (thickness not known), and notes."""
    n = len(days.lakes)
    freeze, breakup, unknown, notes = np.full(n, -1), np.full(n, d1), np.zeros(n, bool), [""] * n
    for i, lake in enumerate(days.lakes):
        entry = phenology.get((lake, season))
        if entry is None:
            notes[i] = "no freeze-up in PHENOLOGY for this season"
            continue
        unknown[i] = True
        if entry.freeze_up is None:
            notes[i] = "PHENOLOGY gives no freeze-up date"
            continue
        fu = (entry.freeze_up - days.first).days
        if not d0 <= fu < d1:
            notes[i] = "the freeze-up {} of PHENOLOGY is outside the temperature record".format(entry.freeze_up)
            continue
        freeze[i], unknown[i] = fu, False
        if entry.break_up is not None:
            breakup[i] = min(max((entry.break_up - days.first).days, fu + 1), d1)
    return freeze, breakup, unknown, notes


def _freeze_from_temperature(temperature: np.ndarray, d0: int, d1: int, run_length: int
                             ) -> Tuple[np.ndarray, np.ndarray, List[str]]:
    """Freeze-up day index per lake by the temperature rule (−1: none), which lakes have an ice season that
    cannot be dated (thickness not known), and notes on the lakes without freeze-up."""
    with np.errstate(invalid="ignore"):
        starts = run_starts(temperature[:, d0:d1] < 0, run_length)
    index = _first(starts, -1)
    freeze = np.where(index >= 0, index + d0, -1)
    unknown = np.zeros(len(freeze), bool)
    notes = ["" if i >= 0 else "no run of {} days below 0 °C: no freeze-up".format(run_length) for i in index]
    for i in np.flatnonzero(freeze >= 0):
        before = freeze[i] - 1
        if before < 0 or not np.isfinite(temperature[i, before]):
            notes[i] = ("the first run of {} freezing days starts at the beginning of the record or after a gap "
                        "longer than MAX_GAP: freeze-up not datable".format(run_length))
        elif temperature[i, before] < 0:
            notes[i] = "the season starts frozen: freeze-up not datable (choose a YEAR_START in open water)"
        else:
            continue
        freeze[i], unknown[i] = -1, True
    return freeze, unknown, notes


class _Periods:
    """The ice periods of every lake in one season: the current one's start, the longest so far, how many."""

    def __init__(self, n: int, d1: int):
        self.start = np.full(n, -1)
        self.best = np.full(n, -1)  # start of the longest period
        self.best_end = np.full(n, -1)  # its end (the day the ice was gone; ``d1``: still there at the end)
        self.count = np.zeros(n, int)
        self.d1 = d1

    def begin(self, lakes: np.ndarray, d: int) -> None:
        self.start[lakes] = d
        self.count[lakes] += 1

    def end(self, lakes: np.ndarray, d: int) -> None:
        """The periods of ``lakes`` (boolean) end on day ``d`` (the first day without ice)."""
        longer = lakes & (self.start >= 0) & ((d - self.start) > (self.best_end - self.best))
        self.best[longer], self.best_end[longer] = self.start[longer], d
        self.start[lakes] = -1


def _season(days: LakeDays, temperature: np.ndarray, resistance: np.ndarray, thickness: np.ndarray, season: int,
            d0: int, d1: int, whole: bool, options: ThicknessOptions, phenology) -> List[SeasonRow]:
    """Model one season of every lake (vectorised across lakes, day by day); its rows."""
    n = len(days.lakes)
    if phenology is not None:
        freeze, breakup, unknown, notes = _dates_of(days, phenology, season, d0, d1)
    else:
        freeze, unknown, notes = _freeze_from_temperature(temperature, d0, d1, options.freeze_run)
        breakup = np.full(n, d1)
    with np.errstate(invalid="ignore"):
        freeze_runs = run_starts(temperature[:, d0:d1] < 0, options.freeze_run)
        thaw_runs = run_starts(temperature[:, d0:d1] > 0, options.thaw_run)
    alpha2 = options.alpha ** 2
    h, afdd = np.zeros(n), np.zeros(n)
    active, melting = np.zeros(n, bool), np.zeros(n, bool)
    periods = _Periods(n, d1)
    broken = np.full(n, -1)  # the day a long gap stopped the model
    melted_early = np.full(n, -1)  # phenology: the day the modelled ice was gone before the observed break-up
    for d in range(d0, d1):
        if phenology is None:  # freeze-up, and again after the ice melted out: a run of FREEZE_RUN days below 0
            previous = temperature[:, d - 1] if d > 0 else np.full(n, np.nan)
            starting = ~active & (broken < 0) & (freeze >= 0) & (d >= freeze) & freeze_runs[:, d - d0] \
                & np.isfinite(previous)
        else:
            starting = freeze == d
        h[starting] = options.h0
        active |= starting
        melting &= ~starting
        periods.begin(starting, d)
        at_breakup = active & (breakup == d)
        h[at_breakup] = 0.0
        periods.end(at_breakup, d)
        active &= ~at_breakup
        t = temperature[:, d]
        gap = active & np.isnan(t)
        broken[gap] = d
        periods.end(gap, d)
        active &= ~gap
        melting |= active & thaw_runs[:, d - d0]
        with np.errstate(invalid="ignore"):
            grow = active & (t < 0)
            melt = active & (t > 0) & melting
        r = resistance[grow, d]
        h[grow] = np.sqrt((h[grow] + r) ** 2 + alpha2 * -t[grow]) - r
        afdd[grow] -= t[grow]
        h[melt] = np.maximum(h[melt] - options.melt * t[melt], 0.0)
        gone = melt & (h <= 0)
        observed = gone & (breakup < d1)  # the lake stays ice-covered until its observed break-up: ice may regrow
        melted_early[observed & (melted_early < 0)] = d
        gone &= ~observed  # the ice is gone: break-up (from the temperature: a later run of freezing days refreezes)
        periods.end(gone, d)
        active &= ~gone
        column = np.where(active, h, 0.0)
        column[(broken >= 0) | unknown] = np.nan
        thickness[:, d] = column
    periods.end(active, d1)
    return [_row(days, thickness, season, i, d0, d1, whole, phenology, freeze, notes, unknown, periods, broken,
                 melted_early, afdd) for i in range(n)
            if freeze[i] >= 0 or whole or unknown[i] or phenology is not None]


def _row(days: LakeDays, thickness: np.ndarray, season: int, i: int, d0: int, d1: int, whole: bool, phenology,
         freeze: np.ndarray, notes: List[str], unknown: np.ndarray, periods: _Periods, broken: np.ndarray,
         melted_early: np.ndarray, afdd: np.ndarray) -> SeasonRow:
    """The season row of lake ``i``: its longest ice period's freeze-up and break-up, the season's maximum
    thickness, ice days and growth degree-days (a season the record covers in part without ice in that part is
    left out by the caller)."""
    row = SeasonRow(days.lakes[i], season, source="phenology" if phenology is not None else "temperature",
                    note=notes[i])
    if freeze[i] < 0 or periods.best[i] < 0:
        return row
    row.freeze_up = days.date(periods.best[i])
    if periods.best_end[i] < d1:
        row.break_up = days.date(periods.best_end[i])
    notes = []
    if periods.count[i] > 1:
        notes.append("{} ice periods (the ice melted out and formed again): the longest is reported".format(
            periods.count[i]))
    if melted_early[i] >= 0:
        notes.append("the modelled ice melted on {}, before the observed break-up".format(days.date(melted_early[i])))
    if broken[i] >= 0:
        notes.append("a gap longer than MAX_GAP days on {}: thickness unknown from then on".format(
            days.date(broken[i])))
    elif row.break_up is None:
        notes.append("ice remains at the end of the {}".format("season" if d1 < thickness.shape[1] else "record"))
    row.note = "; ".join(notes)
    series = thickness[i, d0:d1]
    valid = np.isfinite(series)
    if valid.any():
        peak = int(np.argmax(np.where(valid, series, -1.0)))
        row.max_thickness_cm = round(float(series[peak]), 3)
        row.date_max = days.date(d0 + peak)
        row.ice_days = int(np.count_nonzero(series[valid] > 0))
    row.afdd = round(float(afdd[i]), 3)
    return row
