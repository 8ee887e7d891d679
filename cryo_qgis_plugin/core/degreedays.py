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

from dataclasses import dataclass
from typing import Callable, Dict, List, Tuple

import numpy as np

from .dates import complete_seasons, season_bounds
from .errors import CryoInputError
from .geotiff import GeoTiffWriter
from .stack import Stack, blocks
from .style import pseudocolor_qml
from .temperature import Packing

NODATA = -9999.0
DEFAULT_BUDGET = 160 * 1024 * 1024
# Bytes of state a pixel costs: two open seasons (two float64 sums and a flag each), last value and day,
# and the day's temporaries.
STATE_BYTES_PER_PIXEL = 2 * 17 + 8 + 16


@dataclass
class DegreeDayResult:
    years: List[int]
    partial_years: List[int]
    nodata_pixels: Dict[int, int]  # season year -> pixels left nodata (long gaps or no data)


class _Season:
    """Sums of one season year over a row block: DDT and the signed sum of T (DDF = DDT - sum T)."""

    def __init__(self, year: int, start: int, stop: int, n_pixels: int):
        self.year, self.start, self.stop = year, start, stop
        self.ddt = np.zeros(n_pixels, np.float64)
        self.sum_t = np.zeros(n_pixels, np.float64)
        self.bad = np.zeros(n_pixels, bool)

    def add(self, pixels: np.ndarray, days: np.ndarray, values: np.ndarray) -> None:
        """Add ``values`` of the pixels ``pixels`` (unique) on ``days`` that fall inside this season."""
        inside = (days >= self.start) & (days < self.stop)
        if inside.any():
            p, v = pixels[inside], values[inside]
            self.ddt[p] += np.maximum(v, 0.0)
            self.sum_t[p] += v

    def indices(self) -> Tuple[np.ndarray, np.ndarray]:
        """float32 DDF and DDT, nodata where the season had a gap longer than ``max_gap``."""
        ddf = np.maximum(self.ddt - self.sum_t, 0.0).astype(np.float32)
        ddt = self.ddt.astype(np.float32)
        ddf[self.bad] = NODATA
        ddt[self.bad] = NODATA
        return ddf, ddt


class DegreeDayState:
    """Per-pixel streaming state over a row block: see the module docstring."""

    def __init__(self, n_pixels: int, max_gap: int, seasons: List[Tuple[int, int, int]]):
        self.n = n_pixels
        self.max_gap = max_gap
        self.pending = list(seasons)  # (year, first day index, stop day index), not opened yet
        self.open: List[_Season] = []
        self.last_value = np.zeros(n_pixels, np.float32)
        self.last_day = np.full(n_pixels, -1, np.int32)
        self._positive = np.empty(n_pixels, np.float32)

    def advance_to(self, day: int) -> List[_Season]:
        """Open the seasons that have started by ``day``; return (and close) those no gap can reach now."""
        while self.pending and self.pending[0][1] <= day:
            self.open.append(_Season(*self.pending.pop(0), self.n))
        done = [s for s in self.open if day > s.stop + self.max_gap]
        for season in done:
            # A gap still open covers the season's last day and is already longer than max_gap.
            season.bad |= self.last_day < season.stop - 1
            self.open.remove(season)
        return done

    def add_day(self, day: int, celsius: np.ndarray) -> None:
        """Add day ``day`` (index from the record's first date); ``celsius`` is NaN where missing."""
        valid = ~np.isnan(celsius)
        closing = np.flatnonzero(valid & (self.last_day < day - 1))
        if closing.size:
            self._fill(closing, day, celsius[closing])
        np.copyto(self.last_value, celsius, where=valid)
        np.copyto(self.last_day, day, where=valid)
        values = np.nan_to_num(celsius, copy=False, nan=0.0)
        np.maximum(values, 0.0, out=self._positive)
        for season in self.open:
            if season.start <= day < season.stop:
                season.ddt += self._positive
                season.sum_t += values

    def _fill(self, pixels: np.ndarray, day: int, value: np.ndarray) -> None:
        """Fill the missing days before ``day`` of ``pixels`` (whose value on ``day`` is ``value``)."""
        before = self.last_day[pixels]
        first_value = np.where(before < 0, value, self.last_value[pixels])  # record start: nearest value
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
        span = (after - before).astype(np.float32)
        for k in range(1, self.max_gap + 1):
            todo = k <= run
            if not todo.any():
                break
            value = a[todo] + (b[todo] - a[todo]) * (k / span[todo])
            days = before[todo] + k
            for season in self.open:
                season.add(pixels[todo], days, value)

    def finish(self, n_days: int) -> List[_Season]:
        """End of the record (``n_days`` calendar days): fill trailing runs with the last value, close all."""
        self.advance_to(n_days - 1)
        trailing = np.flatnonzero(self.last_day < n_days - 1)
        if trailing.size:
            before = self.last_day[trailing]
            value = self.last_value[trailing]
            never = before < 0  # no valid day at all
            for season in self.open:
                season.bad[trailing[never]] = True
            keep = ~never
            self._fill_runs(trailing[keep], before[keep], n_days, value[keep], value[keep])
            self.last_day[trailing[keep]] = n_days - 1
        done, self.open = self.open, []
        return done


def _style(limit: float, colour: str) -> str:
    limit = max(float(limit), 1.0)
    return pseudocolor_qml([(0.0, "#f7f7f7", "0"), (limit, colour, "{:.0f} °C·d".format(limit))])


def degree_days(stack: Stack, ddf_path: str, ddt_path: str, packing: Packing = Packing(),
                year_start: Tuple[int, int] = (7, 1), max_gap: int = 5, budget_bytes: int = DEFAULT_BUDGET,
                progress: Callable[[float], None] = lambda fraction: None,
                log: Callable[[str], None] = lambda message: None) -> DegreeDayResult:
    """Write DDF and DDT GeoTIFFs (float32, one band per complete season year named ``ddf_<year>`` /
    ``ddt_<year>``, nodata -9999) from a daily temperature stack (see the module docstring)."""
    if max_gap < 0:
        raise CryoInputError("MAX_GAP must be 0 or more days, got {}".format(max_gap))
    if stack.dtype.kind not in "uif":
        raise CryoInputError("{} holds {} values, not temperatures".format(stack.source, stack.dtype))
    years, partial = complete_seasons(stack.dates, year_start)
    if not years:
        raise CryoInputError(
            "{} ({} .. {}) does not hold one complete season starting {:02d}-{:02d}; degree days need at least "
            "one whole season year: add dates or change YEAR_START".format(
                stack.source, stack.dates[0], stack.dates[-1], *year_start))
    if partial:
        log("Season years covered only in part, left out: {}".format(", ".join(map(str, partial))))
    first = stack.dates[0]
    day_of = [(day - first).days for day in stack.dates]
    n_days = day_of[-1] + 1
    if len(day_of) < n_days:
        log("{} of the {} dates from {} to {} are absent from the stack; they are filled like missing days".format(
            n_days - len(day_of), n_days, first, stack.dates[-1]))
    seasons = []
    for year in years:
        start, stop = season_bounds(year, year_start)
        seasons.append((year, (start - first).days, (stop - first).days))
    grid = stack.grid
    row_blocks = blocks(grid.height, grid.width * STATE_BYTES_PER_PIXEL, budget_bytes // 2, align=256)
    band = {year: i + 1 for i, year in enumerate(years)}
    nodata_pixels = {year: 0 for year in years}
    peaks = [0.0, 0.0]
    metadata = {"CRYO_PRODUCT": "degree_days", "UNITS": "degC days", "YEAR_START": "{:02d}-{:02d}".format(*year_start),
                "MAX_GAP": str(max_gap), "SOURCE": stack.source}
    with GeoTiffWriter(ddf_path, grid, ["ddf_{}".format(y) for y in years], np.float32, NODATA,
                       metadata=metadata) as out_ddf, \
            GeoTiffWriter(ddt_path, grid, ["ddt_{}".format(y) for y in years], np.float32, NODATA,
                          metadata=metadata) as out_ddt:

        def write(r0: int, rows: int, done: List[_Season]) -> None:
            for season in done:
                ddf, ddt = season.indices()
                nodata_pixels[season.year] += int(np.count_nonzero(season.bad))
                for i, (writer, values) in enumerate(((out_ddf, ddf), (out_ddt, ddt))):
                    writer.write_band(band[season.year], r0, values.reshape(rows, grid.width))
                    if (~season.bad).any():
                        peaks[i] = max(peaks[i], float(values[~season.bad].max()))

        for b, (r0, r1) in enumerate(row_blocks):
            rows = r1 - r0
            state = DegreeDayState(rows * grid.width, max_gap, seasons)
            slabs = blocks(len(day_of), rows * grid.width * stack.dtype.itemsize, budget_bytes // 4, stack.time_chunk)
            for t0, t1 in slabs:
                progress((b + t0 / len(day_of)) / len(row_blocks))
                slab = stack.read(slice(r0, r1), slice(t0, t1))
                for k in range(t1 - t0):
                    day = day_of[t0 + k]
                    write(r0, rows, state.advance_to(day))
                    state.add_day(day, packing.celsius(slab[k].reshape(-1), stack.nodata))
                del slab
            write(r0, rows, state.finish(n_days))
            del state
            out_ddf.flush()
            out_ddt.flush()
        out_ddf.style_qml = _style(peaks[0], "#2166ac")
        out_ddt.style_qml = _style(peaks[1], "#b2182b")
        progress(1.0)
    for year, count in nodata_pixels.items():
        if count:
            log("Season {}: {} pixel(s) have a run of more than {} missing days (or no data) and are nodata".format(
                year, count, max_gap))
    return DegreeDayResult(years, partial, nodata_pixels)
