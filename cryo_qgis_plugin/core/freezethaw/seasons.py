"""Per-pixel freeze/thaw season indicators, streamed by row blocks (definitions in the package docstring)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from ..errors import CryoInputError
from ..io.dates import season_bounds, whole_seasons
from ..io.geotiff import GeoTiffWriter
from ..io.stack import Stack
from ..run import Run, blocks
from ..style import pseudocolor_qml
from .decoding import check_codes_dtype
from .products import DEFAULT, FROZEN, PRECIPITATION, THAWED, TRANSITIONAL, UNKNOWN, FreezeThawProduct

INDICATORS = ("freeze_onset", "thaw_onset", "freeze_end", "frozen_season_length",
              "frozen_days", "thawed_days", "valid_days")
INDICATOR_NODATA = -32768
# Day-of-season ramp (viridis, late = dark) for the first band, freeze_onset.
ONSET_STYLE = pseudocolor_qml([(1, "#fde725", "day 1"), (92, "#5ec962", "day 92"), (183, "#21918c", "day 183"),
                               (274, "#3b528b", "day 274"), (366, "#440154", "day 366")])


class SeasonState:
    """Per-pixel state of the indicator definitions, advanced one day at a time over one season.

    Streaming over days keeps memory at a few grids whatever the season length and reads every day once.
    A freeze run counts consecutive frozen days; a thaw run counts consecutive thawed days after the freeze
    onset was found (such a run starts after the onset, since the onset's own days are frozen). A run that
    reaches ``min_run`` dates the onset to its first day. Codes are read through the product's roles
    (:mod:`.products`).
    """

    def __init__(self, n_pixels: int, min_run: int, precipitation_as_thawed: bool = True,
                 product: FreezeThawProduct = DEFAULT):
        self.min_run = min_run
        self.precipitation_as_thawed = precipitation_as_thawed
        self.roles = product.role_lut()
        shape = (n_pixels,)
        self.freeze_run = np.zeros(shape, np.int16)
        self.thaw_run = np.zeros(shape, np.int16)
        self.freeze_onset = np.full(shape, -1, np.int16)
        self.thaw_onset = np.full(shape, -1, np.int16)
        self.last_frozen = np.full(shape, -1, np.int16)
        self.has_freeze = np.zeros(shape, bool)
        self.no_thaw = np.ones(shape, bool)
        self.counts = np.zeros((3,) + shape, np.int16)  # frozen, thawed, valid days
        self.unknown_days = np.zeros(shape, np.int16)  # days with a code the product does not know
        # a day's working arrays, allocated once: a temporary per operation and day costs a page-faulting mmap and
        # munmap when malloc hands large blocks back to the system (dask workers set MALLOC_TRIM_THRESHOLD_, which
        # made the kernel 3 times slower there)
        self._index, self._roles = np.empty(shape, np.intp), np.empty(shape, self.roles.dtype)
        self._frozen, self._thawed, self._precipitation, self._valid, self._other, self._scratch = (
            np.empty(shape, bool) for _ in range(6))

    def add_day(self, day: int, codes: Optional[np.ndarray]) -> None:
        """Advance by season day ``day`` (0-based); ``codes`` None means the date is absent (missing)."""
        if codes is None:
            self.freeze_run[:] = 0
            self.thaw_run[:] = 0
            return
        np.copyto(self._index, codes)  # the index type np.take would otherwise allocate for every call
        roles = np.take(self.roles, self._index, out=self._roles, mode="wrap")  # int16 -1 -> 65535, as indexing
        frozen = np.equal(roles, FROZEN, out=self._frozen)
        thawed = np.equal(roles, THAWED, out=self._thawed)
        precipitation = np.equal(roles, PRECIPITATION, out=self._precipitation)
        if self.precipitation_as_thawed:
            thawed |= precipitation
        valid = np.equal(roles, TRANSITIONAL, out=self._valid)
        for mask in (frozen, thawed, precipitation):
            valid |= mask
        other = np.equal(roles, UNKNOWN, out=self._other)
        np.add(self.unknown_days, other, out=self.unknown_days, casting="unsafe")
        for i, mask in enumerate((frozen, thawed, valid)):
            np.add(self.counts[i], mask, out=self.counts[i], casting="unsafe")
        np.putmask(self.last_frozen, np.logical_and(frozen, self.no_thaw, out=self._scratch), day)
        self._advance(self.freeze_run, frozen, self.freeze_onset, day)
        np.logical_or(self.has_freeze, np.greater_equal(self.freeze_onset, 0, out=other), out=self.has_freeze)
        self._advance(self.thaw_run, np.logical_and(thawed, self.has_freeze, out=thawed), self.thaw_onset, day)
        np.less(self.thaw_onset, 0, out=self.no_thaw)

    def _advance(self, run: np.ndarray, today: np.ndarray, onset: np.ndarray, day: int) -> None:
        np.add(run, 1, out=run)
        np.multiply(run, today, out=run)
        reached = np.equal(run, self.min_run, out=self._scratch)
        np.logical_and(reached, np.less(onset, 0, out=self._other), out=reached)
        np.putmask(onset, reached, day - self.min_run + 1)

    def result(self) -> np.ndarray:
        """int16 ``(len(INDICATORS), pixels)``: day numbers 1-based, nodata where undefined."""
        out = np.full((len(INDICATORS),) + self.freeze_onset.shape, INDICATOR_NODATA, np.int16)
        has_thaw = ~self.no_thaw
        out[0] = np.where(self.has_freeze, self.freeze_onset + 1, INDICATOR_NODATA)
        out[1] = np.where(has_thaw, self.thaw_onset + 1, INDICATOR_NODATA)
        out[2] = np.where(has_thaw, self.last_frozen + 1, INDICATOR_NODATA)
        out[3] = np.where(has_thaw, self.thaw_onset - self.freeze_onset, INDICATOR_NODATA)
        out[4:7] = self.counts
        out[:, self.counts[2] == 0] = INDICATOR_NODATA
        return out


def season_indicators(codes: np.ndarray, min_run: int, precipitation_as_thawed: bool = True,
                      product: FreezeThawProduct = DEFAULT) -> np.ndarray:
    """Indicators of one season for a ``(days, pixels)`` code array: int16 ``(len(INDICATORS), pixels)``.

    ``codes[d]`` is day d+1 of the season (a missing code of the product for a missing day).
    """
    state = SeasonState(codes.shape[1], min_run, precipitation_as_thawed, product)
    for day in range(codes.shape[0]):
        state.add_day(day, codes[day])
    return state.result()


@dataclass
class IndicatorResult:
    years: List[int]
    band_names: List[str]
    skipped_years: List[int]
    unknown_pixel_days: int


def indicators(stack: Stack, output_path: str, year_start: Tuple[int, int] = (8, 1), min_run: int = 5,
               precipitation_as_thawed: bool = True, product: FreezeThawProduct = DEFAULT,
               run: Run = Run()) -> IndicatorResult:
    """Write the season indicators of every complete season year: int16 GeoTIFF, one band per
    indicator and year named ``<indicator>_<year>``, day numbers counted from the season's first day.

    Streams season by season and day by day (:class:`SeasonState`), in row blocks only when the grid's
    state exceeds the budget, so memory depends on the budget, not on how many seasons the stack holds.
    """
    check_indicator_inputs(stack, min_run)
    years, partial = whole_seasons(stack.dates, year_start, stack.source, "indicators", run)
    grid = stack.grid
    # Half the budget for the per-pixel state (about 24 bytes a pixel), half for the slabs of days read.
    row_blocks = blocks(grid.height, grid.width * 24, run.budget_bytes // 2)
    unknown = 0
    steps, done = len(years) * len(row_blocks), 0
    with indicator_writer(output_path, grid, years, year_start, min_run, precipitation_as_thawed, product) as out:
        for y, year in enumerate(years):
            positions = season_positions(stack.dates, year, year_start, run)
            for r0, r1 in row_blocks:
                run.report(done / steps)
                done += 1
                state = SeasonState((r1 - r0) * grid.width, min_run, precipitation_as_thawed, product)
                slabs = blocks(len(positions), (r1 - r0) * grid.width * 4, run.budget_bytes // 2, stack.time_chunk)
                for d0, d1 in slabs:
                    present = [p for p in positions[d0:d1] if p is not None]
                    slab = stack.read(slice(r0, r1), present).reshape(len(present), -1)
                    k = 0
                    for day in range(d0, d1):
                        if positions[day] is None:
                            state.add_day(day, None)
                        else:
                            state.add_day(day, slab[k])
                            k += 1
                values = state.result()
                unknown += int(state.unknown_days.sum(dtype=np.int64))
                del state, slab  # release before the next block allocates its own
                for i in range(len(INDICATORS)):
                    out.write_band(y * len(INDICATORS) + i + 1, r0, values[i].reshape(r1 - r0, grid.width))
                del values
                out.flush()
        run.report(1.0)
    if unknown:
        run.warning("{} pixel-days held unknown codes and were treated as missing days".format(unknown))
    return IndicatorResult(years, indicator_names(years), partial, unknown)


def check_indicator_inputs(stack: Stack, min_run: int) -> None:
    """Refuse a stack of other values than class codes, and a MIN_RUN under one day (whichever engine computes)."""
    check_codes_dtype(stack)
    if min_run < 1:
        raise CryoInputError("MIN_RUN must be at least 1 day, got {}".format(min_run))


def indicator_names(years: List[int]) -> List[str]:
    """Band names of the indicators output: ``<indicator>_<year>``, indicator by indicator within each year."""
    return ["{}_{}".format(name, year) for year in years for name in INDICATORS]


def indicator_writer(output_path: str, grid, years: List[int], year_start: Tuple[int, int], min_run: int,
                     precipitation_as_thawed: bool, product: FreezeThawProduct) -> GeoTiffWriter:
    """The writer of the indicators GeoTIFF (bands, nodata, style and run metadata), whichever engine computes."""
    return GeoTiffWriter(output_path, grid, indicator_names(years), np.int16, nodata=INDICATOR_NODATA,
                         style_qml=ONSET_STYLE,
                         metadata={"CRYO_PRODUCT": "freeze_thaw_indicators",
                                   "YEAR_START": "{:02d}-{:02d}".format(*year_start),
                                   "MIN_RUN": str(min_run),
                                   "PRECIPITATION": "thawed" if precipitation_as_thawed else "missing",
                                   "CRYO_FREEZE_THAW_PRODUCT": product.name}, units="day")


def season_positions(dates: List[dt.date], year: int, year_start: Tuple[int, int],
                     run: Run = Run()) -> List[Optional[int]]:
    """For each day of the season year ``year``, the position of its grid in ``dates`` (None: absent, a missing
    day; the absent days are logged)."""
    index = {day: i for i, day in enumerate(dates)}
    start, stop = season_bounds(year, year_start)
    positions = [index.get(start + dt.timedelta(days=d)) for d in range((stop - start).days)]
    absent = positions.count(None)
    if absent:
        run.warning("Season {}: {} date(s) absent from the stack, counted as missing days".format(year, absent))
    return positions
