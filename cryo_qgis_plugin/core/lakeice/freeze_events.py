"""Lake-ice phenology: freeze-up and break-up dates per lake and season from daily ice series.

Definitions (on the gap-filled, smoothed series in percent ice; a "run" is MIN_RUN consecutive days):

* FUS, freeze-up start: first day that starts a run of values ≥ LOW;
* FUE, freeze-up end: first day after FUS that starts a run of values ≥ HIGH;
* BUS, break-up start: first day after FUE that starts a run of values < HIGH;
* BUE, break-up end: first day after FUS (and after BUS when there is one) that starts a run of values < LOW;
* durations ICD = BUE − FUS (ice cover), CFD = BUS − FUE (complete freezing), FD = FUE − FUS (freeze-up),
  BD = BUE − BUS (break-up), in days. An event that never reaches HIGH is a partial freeze (FUS and BUE only).
  A lake may freeze more than once in a season: one event each, the longest flagged ``main``.

These are the definitions of MODIS and passive-microwave lake-ice records (e.g. Kropáček et al. 2013,
*The Cryosphere* 7, 287-301, 10/90 % thresholds; Du et al. 2017, *The Cryosphere* 11, 47-63). A crossing is
dated only when the day before it has data (after gap filling): at the start of the record or after a gap
longer than MAX_GAP the date is left empty instead of guessed, and so are the dates an event has not reached
when its season (or the record) ends. Seasons are named by the year they start in (YEAR_START, e.g. 08-01).

Brightness temperature (``brightness_temperature``): lake ice raises the emissivity of a lake at 18.7 and
36.5 GHz H-pol well above that of open water (Kang et al. 2012, *The Cryosphere* 6, 235-254; Du et al. 2017).
Per lake and season the open-water level is the 5th and the full-ice level the 95th percentile of TB, and the
ice index is ``100 · (TB − open) / (ice − open)`` clipped to 0-100; a season with less than
:data:`MIN_TB_CONTRAST` K between the two levels has no ice signal and gets no dates.

Series come from a long table (:func:`series_from_records`; per-lake CSV/.xlsx files: :mod:`.tables`) or from a
daily raster stack and lake polygons (:func:`.lake_means.zonal_series`: the mean of the cells whose centre lies in
the polygon shrunk by a shore buffer, streamed by date). Everything is vectorised across lakes: one pass over the
days of each season updates every lake.
"""
from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..io.dates import season_bounds
from ..errors import CryoInputError
from ..run import Run

VALUE_TYPES = ("ice_percent", "ice_fraction", "brightness_temperature")
VALUE_RANGES = {"ice_percent": (0.0, 100.0), "ice_fraction": (0.0, 1.0), "brightness_temperature": (50.0, 350.0)}
MIN_TB_CONTRAST = 10.0  # K
EMPTY = -1  # day index of a date that is not known
DATE_COLUMNS = ("fus", "fue", "bus", "bue")
COLUMNS = ("lake", "season") + DATE_COLUMNS + ("icd", "cfd", "fd", "bd", "main", "valid_days")


@dataclass(frozen=True)
class PhenologyOptions:
    value_type: str = "ice_percent"
    low: float = 10.0
    high: float = 90.0
    min_run: int = 5
    smoothing: int = 0
    max_gap: int = 5
    year_start: Tuple[int, int] = (8, 1)


@dataclass
class Series:
    """Daily values of several lakes on one calendar: ``values[lake, day]``, NaN where there is none."""

    lakes: List[str]
    first: dt.date
    values: np.ndarray

    def date(self, index: int) -> dt.date:
        return self.first + dt.timedelta(days=int(index))


@dataclass
class Event:
    lake: str
    season: int
    fus: Optional[dt.date]
    fue: Optional[dt.date]
    bus: Optional[dt.date]
    bue: Optional[dt.date]
    main: bool
    valid_days: int

    @staticmethod
    def _days(end: Optional[dt.date], start: Optional[dt.date]) -> Optional[int]:
        return (end - start).days if end is not None and start is not None else None

    @property
    def icd(self) -> Optional[int]:
        return self._days(self.bue, self.fus)

    @property
    def cfd(self) -> Optional[int]:
        return self._days(self.bus, self.fue)

    @property
    def fd(self) -> Optional[int]:
        return self._days(self.fue, self.fus)

    @property
    def bd(self) -> Optional[int]:
        return self._days(self.bue, self.bus)

    def row(self) -> Dict[str, object]:
        """The output columns (:data:`COLUMNS`): dates as ISO text, ``main`` as 0/1, missing values None."""
        values = {name: getattr(self, name) for name in COLUMNS}
        values.update({name: values[name].isoformat() for name in DATE_COLUMNS if values[name] is not None})
        values["main"] = int(self.main)
        return values


def series_from_records(lakes: Sequence[str], dates: Sequence[dt.date], values: Sequence[float],
                        value_type: str) -> Series:
    """A :class:`Series` from long-form records (one row per lake and date); refuses duplicate lake/date
    pairs and values outside the range of ``value_type`` (messages name the 1-based row)."""
    if not len(lakes):
        raise CryoInputError("The table has no rows")
    names, lake_index = np.unique(np.asarray([str(lake) for lake in lakes]), return_inverse=True)
    ordinals = np.array([d.toordinal() for d in dates])
    day = ordinals - ordinals.min()
    data = np.asarray(values, dtype=np.float64)
    low, high = VALUE_RANGES[value_type]
    outside = np.flatnonzero(np.isfinite(data) & ((data < low) | (data > high)))
    if outside.size:
        row = int(outside[0])
        raise CryoInputError("Row {} (lake {}, {}): the value {} is outside {}..{} expected for VALUE_TYPE {}; "
                             "check the value field and VALUE_TYPE ({} such rows)".format(
                                 row + 1, lakes[row], dates[row], data[row], low, high, value_type, outside.size))
    key = lake_index * (day.max() + 1) + day
    order = np.argsort(key, kind="stable")
    repeated = np.flatnonzero(key[order][1:] == key[order][:-1])
    if repeated.size:
        first, second = sorted((int(order[repeated[0]]), int(order[repeated[0] + 1])))
        raise CryoInputError("Rows {} and {} both give lake {} on {}; keep one value per lake and date".format(
            first + 1, second + 1, lakes[first], dates[first]))
    matrix = np.full((names.size, int(day.max()) + 1), np.nan)
    matrix[lake_index, day] = data
    return Series([str(n) for n in names], dt.date.fromordinal(int(ordinals.min())), matrix)


def fill_gaps(values: np.ndarray, max_gap: int) -> np.ndarray:
    """Linear interpolation in time across gaps of at most ``max_gap`` days (per row, vectorised)."""
    days = np.arange(values.shape[1])
    valid = np.isfinite(values)
    previous = np.maximum.accumulate(np.where(valid, days, -1), axis=1)
    following = np.minimum.accumulate(np.where(valid, days, values.shape[1])[:, ::-1], axis=1)[:, ::-1]
    gap = following - previous - 1
    fill = ~valid & (previous >= 0) & (following < values.shape[1]) & (gap <= max_gap)
    rows, cols = np.nonzero(fill)
    before, after = previous[rows, cols], following[rows, cols]
    weight = (cols - before) / (after - before)
    out = values.copy()
    out[rows, cols] = values[rows, before] * (1 - weight) + values[rows, after] * weight
    return out


def smooth(values: np.ndarray, window: int) -> np.ndarray:
    """Centred moving mean over ``window`` days of the values present (NaN stays NaN; 0 or 1 = none)."""
    if window <= 1:
        return values
    valid = np.isfinite(values)
    pad = ((0, 0), (window // 2 + 1, window // 2 + 1))
    sums = np.cumsum(np.pad(np.where(valid, values, 0.0), pad), axis=1)
    counts = np.cumsum(np.pad(valid.astype(np.int64), pad), axis=1)
    lo = np.arange(values.shape[1]) + pad[1][0] - (window - 1) // 2 - 1
    hi = lo + window
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (sums[:, hi] - sums[:, lo]) / (counts[:, hi] - counts[:, lo])
    return np.where(valid, mean, np.nan)


def ice_index_from_tb(values: np.ndarray, run: Run, lakes: Sequence[str],
                      season: int) -> np.ndarray:
    """Percent-ice index of one season's TB (module docstring); rows without contrast become NaN."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # lakes without any value in the season
        open_water = np.nanpercentile(values, 5, axis=1)[:, None]
        full_ice = np.nanpercentile(values, 95, axis=1)[:, None]
        contrast = full_ice - open_water
        index = np.clip(100.0 * (values - open_water) / contrast, 0.0, 100.0)
    flat = (contrast[:, 0] < MIN_TB_CONTRAST) & np.isfinite(values).any(axis=1)
    for i in np.flatnonzero(flat):
        run.info("Lake {}, season {}: the brightness temperature varies by only {:.1f} K (under {} K), so no ice "
                 "signal: no dates".format(lakes[i], season, contrast[i, 0], MIN_TB_CONTRAST))
    index[flat | ~np.isfinite(contrast[:, 0])] = np.nan
    return index


def run_starts(condition: np.ndarray, run: int) -> np.ndarray:
    """True where ``condition`` holds on that day and the ``run − 1`` following days (within the array)."""
    lakes, days = condition.shape
    total = np.zeros((lakes, days + 1), dtype=np.int32)
    np.cumsum(condition, axis=1, out=total[:, 1:])
    starts = np.zeros(condition.shape, dtype=bool)
    if days >= run:
        starts[:, :days - run + 1] = (total[:, run:] - total[:, :days - run + 1]) == run
    return starts


@dataclass
class _Events:
    """Events found so far, as parallel arrays (one entry per event)."""

    lake: List[np.ndarray] = field(default_factory=list)
    dates: List[np.ndarray] = field(default_factory=list)   # (n, 4) day indices in the season, EMPTY unknown
    span: List[np.ndarray] = field(default_factory=list)    # (n, 2) first and last day of the event
    reached_high: List[np.ndarray] = field(default_factory=list)
    open_at_end: List[np.ndarray] = field(default_factory=list)

    def add(self, lakes: np.ndarray, dates: np.ndarray, span: np.ndarray, reached_high: np.ndarray,
            open_at_end: bool) -> None:
        if lakes.size:
            self.lake.append(lakes)
            self.dates.append(dates)
            self.span.append(span)
            self.reached_high.append(reached_high)
            self.open_at_end.append(np.full(lakes.size, open_at_end))

    def merged(self) -> Tuple[np.ndarray, ...]:
        return tuple(np.concatenate(part) for part in (self.lake, self.dates, self.span, self.reached_high,
                                                       self.open_at_end))


def season_events(values: np.ndarray, options: PhenologyOptions) -> _Events:
    """The events of one season for every lake (``values`` lakes × days, percent ice, NaN = no data)."""
    valid = np.isfinite(values)
    with np.errstate(invalid="ignore"):  # day-major copies: the loop below reads one day of every lake
        ge_low = run_starts(valid & (values >= options.low), options.min_run).T.copy()
        ge_high = run_starts(valid & (values >= options.high), options.min_run).T.copy()
        lt_high = run_starts(valid & (values < options.high), options.min_run).T.copy()
        lt_low = run_starts(valid & (values < options.low), options.min_run).T.copy()
    evidence = np.zeros(valid.shape[::-1], dtype=bool)
    evidence[1:] = valid[:, :-1].T  # a crossing is dated only if the day before has data
    lakes, days = values.shape
    state = np.zeros(lakes, dtype=np.int8)  # 0 open, 1 freezing (after FUS), 2 frozen (after FUE), 3 breaking up
    dates = np.full((lakes, 4), EMPTY, dtype=np.int64)
    start = np.zeros(lakes, dtype=np.int64)
    reached_high = np.zeros(lakes, dtype=bool)
    events = _Events()
    for d in range(days):
        dated = np.where(evidence[d], d, EMPTY)
        for source, target, condition, column in ((0, 1, ge_low, 0), (1, 2, ge_high, 1), (1, 0, lt_low, 3),
                                                  (2, 3, lt_high, 2), (3, 0, lt_low, 3)):
            hit = np.flatnonzero((state == source) & condition[d])
            if not hit.size:
                continue
            if source == 0:
                dates[hit] = EMPTY
                start[hit] = d
                reached_high[hit] = False
            dates[hit, column] = dated[hit]
            state[hit] = target
            reached_high[hit] |= target == 2
            if target == 0:
                events.add(hit, dates[hit].copy(), np.column_stack([start[hit], np.full(hit.size, d)]),
                           reached_high[hit].copy(), False)
    still = np.flatnonzero(state != 0)
    events.add(still, dates[still].copy(), np.column_stack([start[still], np.full(still.size, days - 1)]),
               reached_high[still].copy(), True)
    return events


def phenology(series: Series, options: PhenologyOptions = PhenologyOptions(),
              run: Run = Run()) -> List[Event]:
    """Every freeze event of every lake and season (module docstring), sorted by lake, season and date."""
    _check_options(options)
    observed = np.isfinite(series.values)
    values = series.values
    if options.value_type == "ice_fraction":
        values = values * 100.0
    last = series.date(values.shape[1] - 1)
    first_season = series.first.year - (1 if series.first < dt.date(series.first.year, *options.year_start) else 0)
    seasons = range(first_season, last.year + 1)
    found: List[Event] = []
    unknown = 0
    for k, season in enumerate(seasons):
        run.report(k / len(seasons))
        begin, end = season_bounds(season, options.year_start)
        lo = max((begin - series.first).days, 0)
        hi = min((end - series.first).days, values.shape[1])
        if hi <= lo:
            continue
        part = values[:, lo:hi]
        if options.value_type == "brightness_temperature":
            part = ice_index_from_tb(part, run, series.lakes, season)
        part = smooth(fill_gaps(part, options.max_gap), options.smoothing)
        events = season_events(part, options)
        if not events.lake:
            continue
        lake, dates, span, reached_high, open_at_end = events.merged()
        main = _longest_per_lake(lake, span)
        valid_days = observed[:, lo:hi].sum(axis=1)
        calendar = [series.date(lo + day) for day in range(hi - lo)]
        for i in range(lake.size):
            columns = [None if day == EMPTY else calendar[day] for day in dates[i]]
            event = Event(series.lakes[lake[i]], season, *columns, main=bool(main[i]),
                          valid_days=int(valid_days[lake[i]]))
            reason = _why_empty(dates[i], bool(reached_high[i]), bool(open_at_end[i]))
            if reason:
                unknown += 1
                if unknown <= 20:
                    run.info("Lake {}, season {}: {}".format(event.lake, season, reason))
            found.append(event)
    if unknown > 20:
        run.info("... and {} more events with dates left empty".format(unknown - 20))
    run.report(1.0)
    return sorted(found, key=lambda e: (e.lake, e.season, e.fus or e.fue or e.bus or e.bue or dt.date.min))


def _check_options(options: PhenologyOptions) -> None:
    if options.value_type not in VALUE_TYPES:
        raise CryoInputError("Unknown VALUE_TYPE {!r}: use one of {}".format(
            options.value_type, ", ".join(VALUE_TYPES)))
    if not 0 < options.low < options.high <= 100:
        raise CryoInputError("The thresholds must satisfy 0 < THRESHOLD_LOW < THRESHOLD_HIGH <= 100 (percent ice), "
                             "got {} and {}".format(options.low, options.high))
    if options.min_run < 1 or options.max_gap < 0 or options.smoothing < 0:
        raise CryoInputError("MIN_RUN must be at least 1, MAX_GAP and SMOOTHING at least 0")


def _longest_per_lake(lake: np.ndarray, span: np.ndarray) -> np.ndarray:
    """True for the event with the longest span of each lake (the earliest one on ties)."""
    length = span[:, 1] - span[:, 0]
    order = np.lexsort((span[:, 0], -length, lake))
    first = np.r_[True, lake[order][1:] != lake[order][:-1]]
    main = np.zeros(lake.size, dtype=bool)
    main[order[first]] = True
    return main


def _why_empty(dates: np.ndarray, reached_high: bool, open_at_end: bool) -> str:
    """Why some dates of an event are empty ('' when none is, or only FUE/BUS of a partial freeze)."""
    names = ("freeze-up start", "freeze-up end", "break-up start", "break-up end")
    reasons = []
    if dates[0] == EMPTY:
        reasons.append("freeze-up start left empty: no data the day before the lake crossed the low threshold "
                       "(start of the record or a gap longer than MAX_GAP)")
    expected = (1, 2, 3) if reached_high else (3,)
    if open_at_end:
        pending = names[2] if reached_high and dates[2] == EMPTY else names[3]
        reasons.append("the season or the record ends before the {}".format(pending))
    else:
        gaps = [names[i] for i in expected if dates[i] == EMPTY]
        if gaps:
            reasons.append("{} left empty: no data the day before the crossing".format(", ".join(gaps)))
    return "; ".join(reasons)
