"""Freezing and thawing degree-day indices from a daily temperature stack, in one streamed pass.

For every season year (from ``year_start``, named by the calendar year it starts in) and pixel::

    DDF = sum over the season's days of max(-T, 0)        freezing index, °C·days, positive
    DDT = sum over the season's days of max(T, 0)         thawing index, °C·days, positive

with T the daily mean temperature in °C (e.g. Smith & Riseborough 1996, Permafrost Periglac. Process. 7;
Obu et al. 2019, Earth-Sci. Rev. 193, eq. 1). Days without a value (nodata, clouds, dates absent from
the stack) are filled by linear interpolation in time between the valid days around them when the run
of missing days is at most ``max_gap`` long; a run at the very start or end of the record (no valid day
on one side) of at most ``max_gap`` days takes the nearest valid value. A season that has a longer
run of missing days is nodata for that pixel, and so is a season the stack covers only in part.

The stack is read once, date by date, in row blocks sized to a memory budget. Each pixel keeps its last
valid value and day; a run of missing days is filled when the next valid day arrives, so the state is a
few grids whatever the length of the record. A season is written once every gap that could reach into
it has closed (``max_gap`` days after its end), so at most two seasons are open at a time.
"""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Dict, List, Tuple

import numpy as np

from ..io.dates import season_bounds, whole_seasons
from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.stack import Stack
from ..run import Run, blocks
from ..style import pseudocolor_qml
from ..io.temperature import Packing

NODATA = -9999.0
# Bytes of state a pixel costs: up to two open seasons (float64 sums, float32 partial sums, a flag), the gap
# bookkeeping, yesterday's value and the day's temporaries.
STATE_BYTES_PER_PIXEL = 2 * 25 + 13 + 9
HALVES = 2  # row block parts summed in parallel
FLUSH_DAYS = 32  # float32 partial sums go into the float64 sums every FLUSH_DAYS days


@dataclass
class DegreeDayResult:
    years: List[int]
    partial_years: List[int]
    nodata_pixels: Dict[int, int]  # season year -> pixels left nodata (long gaps or no data)


class _Season:
    """Sums of one season year over a row block: DDT and the signed sum of T (DDF = DDT - sum T).

    Daily values go into float32 partial sums, added to float64 sums every :data:`FLUSH_DAYS` days: float32
    keeps the daily work cheap, float64 keeps a year's sum exact to well below 0.01 °C·days.
    """

    def __init__(self, year: int, start: int, stop: int, n_pixels: int):
        self.year, self.start, self.stop = year, start, stop
        self.ddt = np.zeros(n_pixels, np.float64)
        self.sum_t = np.zeros(n_pixels, np.float64)
        self.ddt_part = np.zeros(n_pixels, np.float32)
        self.sum_part = np.zeros(n_pixels, np.float32)
        self.bad = np.zeros(n_pixels, bool)
        self._days = 0

    def add_day(self, positive: np.ndarray, values: np.ndarray) -> None:
        self.ddt_part += positive
        self.sum_part += values
        self._days += 1
        if self._days % FLUSH_DAYS == 0:
            self._flush()

    def _flush(self) -> None:
        self.ddt += self.ddt_part
        self.sum_t += self.sum_part
        self.ddt_part[:] = 0
        self.sum_part[:] = 0

    def add(self, pixels: np.ndarray, days: np.ndarray, values: np.ndarray) -> None:
        """Add ``values`` of the pixels ``pixels`` (unique) on ``days`` that fall inside this season."""
        if days.size == 0:
            return
        if days.min() < self.start or days.max() >= self.stop:
            inside = (days >= self.start) & (days < self.stop)
            pixels, values = pixels[inside], values[inside]
        self.ddt_part[pixels] += np.maximum(values, 0.0)
        self.sum_part[pixels] += values

    def add_sums(self, pixels: np.ndarray, positive: np.ndarray, signed: np.ndarray) -> None:
        """Add sums over several days of the pixels ``pixels`` (unique), all inside this season."""
        self.ddt_part[pixels] += positive
        self.sum_part[pixels] += signed

    def indices(self) -> Tuple[np.ndarray, np.ndarray]:
        """float32 DDF and DDT, nodata where the season had a gap longer than ``max_gap``."""
        self._flush()
        ddf = np.maximum(self.ddt - self.sum_t, 0.0).astype(np.float32)
        ddt = np.maximum(self.ddt, 0.0).astype(np.float32)  # a sum of max(T, 0): rounding cannot make it negative
        ddf[self.bad] = NODATA
        ddt[self.bad] = NODATA
        return ddf, ddt


def gap_sums(a: np.ndarray, b: np.ndarray, run: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Σ v_k and Σ max(v_k, 0) over the ``run`` days of a gap filled linearly between ``a`` (the day before)
    and ``b`` (the day after): v_k = a + d·k, d = (b − a)/(run + 1), k = 1 .. run.

    The values are an arithmetic sequence, so both sums are closed forms: the signed sum is run·(a + b)/2;
    the positive terms are those with k in [lo, hi] (k > −a/d when d > 0, k < −a/d when d < 0), which sum
    to m·a + d·m·(lo + hi)/2 with m = hi − lo + 1.
    """
    signed = (a + b) * (run * 0.5).astype(a.dtype)
    positive = np.where((a >= 0) & (b >= 0), signed, 0.0)
    crossing = np.flatnonzero((a < 0) != (b < 0))  # the sign changes inside the gap: few pixels
    if crossing.size:
        a, b, n = a[crossing], b[crossing], run[crossing].astype(a.dtype)
        d = (b - a) / (n + 1)
        edge = -a / d
        lo = np.where(d > 0, np.floor(edge) + 1, 1.0).clip(1, None)
        hi = np.minimum(np.where(d < 0, np.ceil(edge) - 1, n), n)
        m = np.maximum(hi - lo + 1, 0)
        positive[crossing] = m * a + d * m * (lo + hi) / 2
    return signed, positive


class DegreeDayState:
    """Per-pixel streaming state over a row block (see the module docstring).

    Only the days a pixel's state changes cost per-pixel work: when a run of missing days opens, its first
    missing day's predecessor (day and value) is kept; when it closes, its days are filled. Every other
    day is a few whole-grid operations.
    """

    def __init__(self, n_pixels: int, max_gap: int, seasons: List[Tuple[int, int, int]]):
        self.n = n_pixels
        self.max_gap = max_gap
        self.pending = list(seasons)  # (year, first day index, stop day index), not opened yet
        self.open: List[_Season] = []
        self.missing = np.ones(n_pixels, bool)  # before the record every pixel is "in a gap" ...
        self.gap_after = np.full(n_pixels, -1, np.int32)  # ... that follows day -1 (no value: nearest fill)
        self.gap_value = np.zeros(n_pixels, np.float32)
        self.values = np.zeros(n_pixels, np.float32)  # the last day's values (0 where missing)
        self.day = -1  # the last day added
        self._positive = np.empty(n_pixels, np.float32)

    def advance_to(self, day: int) -> List[_Season]:
        """Open the seasons that have started by ``day``; return (and close) those no gap can reach now."""
        while self.pending and self.pending[0][1] <= day:
            self.open.append(_Season(*self.pending.pop(0), self.n))
        done = [s for s in self.open if day > s.stop + self.max_gap]
        for season in done:
            # A gap still open covers the season's last day and is already longer than max_gap.
            season.bad |= self.missing & (self.gap_after < season.stop - 1)
            self.open.remove(season)
        return done

    def add_day(self, day: int, values: np.ndarray, missing: np.ndarray) -> None:
        """Add day ``day`` (index from the record's first date): float32 °C ``values`` (any value where
        ``missing``). Dates absent between the previous day and this one count as missing days."""
        if day > self.day + 1 and self.day >= 0:  # absent dates: every pixel with a value opens a gap
            self._open_gaps(np.flatnonzero(~self.missing))
            self.missing = np.ones(self.n, bool)
        changed = np.flatnonzero(np.not_equal(missing, self.missing))
        now_missing = missing[changed]
        self._open_gaps(changed[now_missing])
        closing = changed[~now_missing]
        if closing.size:
            self._close_gaps(closing, day, values[closing])
        np.multiply(values, ~missing, out=values)  # 0 where missing (a multiply is faster than a masked write)
        np.maximum(values, 0.0, out=self._positive)
        for season in self.open:
            if season.start <= day < season.stop:
                season.add_day(self._positive, values)
        self.values, self.missing, self.day = values, missing, day

    def _open_gaps(self, pixels: np.ndarray) -> None:
        """``pixels`` had a value on the last day added and have none after it."""
        self.gap_after[pixels] = self.day
        self.gap_value[pixels] = self.values[pixels]

    def _close_gaps(self, pixels: np.ndarray, day: int, value: np.ndarray) -> None:
        """Fill the missing days before ``day`` of ``pixels`` (whose value on ``day`` is ``value``)."""
        before = self.gap_after[pixels]
        first_value = np.where(before < 0, value, self.gap_value[pixels])  # record start: nearest value
        self._fill_runs(pixels, before, day, first_value, value)

    def _fill_runs(self, pixels: np.ndarray, before: np.ndarray, after: int, a: np.ndarray,
                   b: np.ndarray) -> None:
        """Days ``before+1 .. after-1`` of ``pixels``: linear from ``a`` (day ``before``) to ``b`` (day
        ``after``) when the run is at most ``max_gap`` days, else the seasons it touches become nodata."""
        run = after - before - 1
        long = run > self.max_gap
        if long.any():
            for season in self.open:
                touched = long & (before + 1 < season.stop) & (after - 1 >= season.start)
                season.bad[pixels[touched]] = True
            short = ~long
            pixels, before, a, b, run = pixels[short], before[short], a[short], b[short], run[short]
        if pixels.size == 0:
            return
        summed = np.zeros(pixels.size, bool)
        for season in self.open:  # runs inside one season: closed-form sums
            inside = (before + 1 >= season.start) & (after - 1 < season.stop)
            if inside.any():
                signed, positive = gap_sums(a[inside], b[inside], run[inside])
                season.add_sums(pixels[inside], positive, signed)
                summed |= inside
        if summed.all():
            return
        if summed.any():  # the rest straddle seasons (or fall outside them): day by day
            keep = ~summed
            pixels, before, a, b, run = pixels[keep], before[keep], a[keep], b[keep], run[keep]
        # each pixel takes one of the two ways by its own run only, so its sums do not depend on which other
        # pixels share its block (the dask backend's tiles give the one-process numbers bit for bit)
        slope = (b - a) / (after - before).astype(np.float32)
        for k in range(1, self.max_gap + 1):
            longer = run >= k  # most runs are a day or two: keep only those at least k days long
            if not longer.all():
                pixels, before, a, slope, run = pixels[longer], before[longer], a[longer], slope[longer], run[longer]
            if pixels.size == 0:
                break
            for season in self.open:
                season.add(pixels, before + k, a + slope * k)

    def finish(self, n_days: int) -> List[_Season]:
        """End of the record (``n_days`` calendar days): fill trailing runs with the last value, close all."""
        self.advance_to(n_days - 1)
        if self.day < n_days - 1:  # the last dates are absent
            self._open_gaps(np.flatnonzero(~self.missing))
            self.missing[:] = True
        trailing = np.flatnonzero(self.missing)
        if trailing.size:
            before = self.gap_after[trailing]
            value = self.gap_value[trailing]
            never = before < 0  # no valid day at all
            for season in self.open:
                season.bad[trailing[never]] = True
            keep = ~never
            self._fill_runs(trailing[keep], before[keep], n_days, value[keep], value[keep])
        done, self.open = self.open, []
        return done


def _split(r0: int, r1: int, parts: int) -> List[Tuple[int, int]]:
    """Rows r0..r1 in up to ``parts`` contiguous, non-empty parts."""
    edges = np.linspace(r0, r1, parts + 1).round().astype(int)
    return [(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:]) if b > a]


def _add_day(state: DegreeDayState, day: int, stored: np.ndarray, packing: Packing, nodata, what: str) -> None:
    """Convert one day of ``stored`` values to °C (refusing implausible ones, named ``what``) and add it."""
    state.add_day(day, *packing.celsius_and_missing(stored, nodata, what))


def _style(limit: float, colour: str) -> str:
    limit = max(float(limit), 1.0)
    return pseudocolor_qml([(0.0, "#f7f7f7", "0"), (limit, colour, "{:.0f} °C·d".format(limit))])


def degree_days(stack: Stack, ddf_path: str, ddt_path: str, packing: Packing = Packing(),
                year_start: Tuple[int, int] = (7, 1), max_gap: int = 5, run: Run = Run()) -> DegreeDayResult:
    """Write DDF and DDT GeoTIFFs (float32, one band per complete season year named ``ddf_<year>`` /
    ``ddt_<year>``, nodata -9999) from a daily temperature stack (see the module docstring)."""
    check_degree_day_inputs(stack, max_gap)
    years, partial = whole_seasons(stack.dates, year_start, stack.source, "degree days", run)
    first = stack.dates[0]
    day_of = day_offsets(stack.dates, run)
    n_days = day_of[-1] + 1
    seasons = []
    for year in years:
        start, stop = season_bounds(year, year_start)
        seasons.append((year, (start - first).days, (stop - first).days))
    grid = stack.grid
    row_blocks = blocks(grid.height, grid.width * STATE_BYTES_PER_PIXEL, run.budget_bytes // 2, align=256)
    band = {year: i + 1 for i, year in enumerate(years)}
    nodata_pixels = {year: 0 for year in years}
    peaks = [0.0, 0.0]
    with index_writer(ddf_path, "ddf", grid, years, year_start, max_gap, stack.source) as out_ddf, \
            index_writer(ddt_path, "ddt", grid, years, year_start, max_gap, stack.source) as out_ddt:

        def write(r0: int, rows: int, done: List[_Season]) -> None:
            for season in done:
                ddf, ddt = season.indices()
                nodata_pixels[season.year] += int(np.count_nonzero(season.bad))
                for i, (writer, values) in enumerate(((out_ddf, ddf), (out_ddt, ddt))):
                    writer.write_band(band[season.year], r0, values.reshape(rows, grid.width))
                    if (~season.bad).any():
                        peaks[i] = max(peaks[i], float(values[~season.bad].max()))

        # One thread reads the next slab while two others sum the two halves of the current one (numpy and
        # GDAL release the GIL, so the reading and both halves run on separate cores).
        with ThreadPoolExecutor(max_workers=1) as reader, ThreadPoolExecutor(max_workers=HALVES) as summers:
            for b, (r0, r1) in enumerate(row_blocks):
                halves = [(h0, h1) for h0, h1 in _split(r0, r1, HALVES)]
                states = [DegreeDayState((h1 - h0) * grid.width, max_gap, seasons) for h0, h1 in halves]
                slabs = blocks(len(day_of), (r1 - r0) * grid.width * stack.dtype.itemsize, run.budget_bytes // 8,
                               stack.time_chunk)
                upcoming = reader.submit(stack.read, slice(r0, r1), slice(*slabs[0]))
                for i, (t0, t1) in enumerate(slabs):
                    run.report((b + t0 / len(day_of)) / len(row_blocks))
                    slab = upcoming.result()
                    if i + 1 < len(slabs):
                        upcoming = reader.submit(stack.read, slice(r0, r1), slice(*slabs[i + 1]))
                    for k in range(t1 - t0):
                        day = day_of[t0 + k]
                        for (h0, h1), state in zip(halves, states):
                            write(h0, h1 - h0, state.advance_to(day))
                        running = [summers.submit(_add_day, state, day, slab[k, h0 - r0:h1 - r0].reshape(-1),
                                                  packing, stack.nodata, "INPUT " + stack.source)
                                   for (h0, h1), state in zip(halves, states)]
                        for future in running:
                            future.result()
                    del slab
                for (h0, h1), state in zip(halves, states):
                    write(h0, h1 - h0, state.finish(n_days))
                del states
                out_ddf.flush()
                out_ddt.flush()
        out_ddf.style_qml = index_style("ddf", peaks[0])
        out_ddt.style_qml = index_style("ddt", peaks[1])
        run.report(1.0)
    warn_long_gaps(nodata_pixels, max_gap, run)
    return DegreeDayResult(years, partial, nodata_pixels)


def check_degree_day_inputs(stack: Stack, max_gap: int) -> None:
    """Refuse a negative MAX_GAP and a stack of other values than numbers (whichever engine computes)."""
    if max_gap < 0:
        raise CryoInputError("MAX_GAP must be 0 or more days, got {}".format(max_gap))
    if stack.dtype.kind not in "uif":
        raise CryoInputError("{} holds {} values, not temperatures".format(stack.source, stack.dtype))


def day_offsets(dates: List[dt.date], run: Run) -> List[int]:
    """Each date's day from the first; the dates absent in between (filled like missing days) are logged."""
    day_of = [(day - dates[0]).days for day in dates]
    if len(day_of) < day_of[-1] + 1:
        run.warning("{} of the {} dates from {} to {} are absent from the stack; they are filled like missing "
                    "days".format(day_of[-1] + 1 - len(day_of), day_of[-1] + 1, dates[0], dates[-1]))
    return day_of


def index_writer(path: str, index: str, grid, years: List[int], year_start: Tuple[int, int], max_gap: int,
                 source: str) -> GeoTiffWriter:
    """The writer of the DDF or DDT GeoTIFF (``index`` "ddf" or "ddt"): one float32 band per season year named
    ``<index>_<year>``, °C·days, with the run's metadata; whichever engine computes the sums."""
    metadata = {"CRYO_PRODUCT": "degree_days", "UNITS": "degC days", "YEAR_START": "{:02d}-{:02d}".format(*year_start),
                "MAX_GAP": str(max_gap), "SOURCE": source}
    return GeoTiffWriter(path, grid, ["{}_{}".format(index, y) for y in years], np.float32, NODATA,
                         metadata=metadata, units="degC days")


def index_style(index: str, peak: float) -> str:
    """The ramp of the DDF (blue) or DDT (red) output, from 0 to the largest value written."""
    return _style(peak, {"ddf": "#2166ac", "ddt": "#b2182b"}[index])


def warn_long_gaps(nodata_pixels: Dict[int, int], max_gap: int, run: Run) -> None:
    for year, count in nodata_pixels.items():
        if count:
            run.warning("Season {}: {} pixel(s) have a run of more than {} missing days (or no data) and are "
                        "nodata".format(year, count, max_gap))
