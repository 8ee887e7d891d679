"""Daily soil freeze/thaw products: decoding to GeoTIFF with class areas, and per-pixel season indicators.

Codes (:data:`~.codes.FREEZE_THAW`): 0 water body or missing, 1 frozen, 2 thawed, 3 precipitation,
15 perennial snow/ice. Any other value is *unknown*: kept unchanged in the decoded stack, counted in the
area table and in the log, and treated as a missing day by the indicators.

Season indicators follow the definitions used with the freeze/thaw Earth System Data Records (Kim et al.
2011, IEEE TGRS 49(3); Kim et al. 2017, ESSD 9) and the AMSR-E/AMSR2 freeze/thaw product papers: within a
season year starting on ``year_start`` (named by the calendar year it starts in; day 1 = its first day),

* ``freeze_onset``: first day d such that d ... d+min_run-1 are all frozen (code 1);
* ``thaw_onset``: first day d > freeze_onset such that d ... d+min_run-1 are all thawed (code 2, and 3
  when precipitation counts as thawed);
* ``freeze_end``: last frozen day before thaw_onset; ``frozen_season_length`` = thaw_onset - freeze_onset;
* ``frozen_days``, ``thawed_days``, ``valid_days`` (codes 1, 2, 3) in the season.

A missing day (code 0, 15, an unknown code, or a date absent from the stack) breaks runs and counts
nowhere. An onset that does not occur is nodata, and so is every indicator of a pixel with no valid day
(water, ice sheet). Seasons the stack covers only in part are left out.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np

from .codes import FREEZE_THAW, FROZEN, PRECIPITATION, SNOW_ICE, THAWED
from .dates import season_bounds, whole_seasons
from .errors import CryoInputError
from .geotiff import GeoTiffWriter, atomic_path
from .stack import Stack, blocks
from .style import pseudocolor_qml

Progress = Callable[[float], None]
Log = Callable[[str], None]

DEFAULT_BUDGET = 256 * 1024 * 1024
OUTPUT_NODATA = 255  # never a freeze/thaw code
INDICATORS = ("freeze_onset", "thaw_onset", "freeze_end", "frozen_season_length",
              "frozen_days", "thawed_days", "valid_days")
INDICATOR_NODATA = -32768
# Day-of-season ramp (viridis, late = dark) for the first band, freeze_onset.
ONSET_STYLE = pseudocolor_qml([(1, "#fde725", "day 1"), (92, "#5ec962", "day 92"), (183, "#21918c", "day 183"),
                               (274, "#3b528b", "day 274"), (366, "#440154", "day 366")])
AREA_COLUMNS = tuple("{}_km2".format(code.key) for code in FREEZE_THAW) + ("unknown_km2",)
# Decoded stacks are band-interleaved in 96 x 96 tiles (the writer's default is 256 x 256). The time-series dock
# reads one pixel of every day, which decompresses one tile per band: on an 18-year global stack (6,570 days of
# 1440 x 720, scripts/bench_pick.py) a pick takes 0.13-0.18 s with 96 x 96 tiles against 0.16-0.21 s with 128,
# 0.15-0.22 s with 64 (a 20 % larger file, 40 % slower decoding) and 0.23-0.41 s with 256, while one day still reads
# in 4 ms and the file is 121 MB (117 MB with 256). Pixel interleave picks in 0.06-0.09 s but makes a one-day map
# take 1.3-2.0 s.
DECODED_TILE = 96


def _no_progress(_fraction: float) -> None:
    pass


def _no_log(_message: str) -> None:
    pass


def _check_codes_dtype(stack: Stack) -> None:
    if stack.dtype.kind not in "ui" or stack.dtype.itemsize > 2:
        raise CryoInputError("{} holds {} values, not freeze/thaw class codes (unsigned 8-bit integers); check "
                             "INPUT and DATASET".format(stack.source, stack.dtype))


def period_positions(stack: Stack, start: Optional[dt.date], end: Optional[dt.date]) -> List[int]:
    """Positions of the stack's dates inside ``[start, end]`` (either may be None)."""
    positions = [i for i, day in enumerate(stack.dates)
                 if (start is None or day >= start) and (end is None or day <= end)]
    if not positions:
        raise CryoInputError("No date of {} ({} .. {}) falls in the period {} .. {}; widen PERIOD_START/"
                             "PERIOD_END".format(stack.source, stack.dates[0], stack.dates[-1],
                                                 start or "start", end or "end"))
    return positions


# ------------------------------------------------------------------------------------------- decoding

@dataclass
class DecodeResult:
    dates: List[dt.date]
    areas_km2: np.ndarray  # (dates, len(AREA_COLUMNS))
    unknown_values: Dict[int, int] = field(default_factory=dict)  # code -> pixel-days

    @property
    def frozen_fraction(self) -> np.ndarray:
        frozen, thawed, precip = (self.areas_km2[:, i] for i in (1, 2, 3))
        wet = frozen + thawed + precip
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(wet > 0, frozen / wet, np.nan)


def class_areas(block: np.ndarray, row_areas_km2: np.ndarray,
                mask: Optional[np.ndarray]) -> Tuple[np.ndarray, int]:
    """Area (km²) of each class of :data:`AREA_COLUMNS` per date of a ``(dates, rows, cols)`` code block,
    and the number of pixel-days with unknown codes.

    ``row_areas_km2`` is the cell area of each row; ``mask`` (rows, cols) limits the statistics.
    """
    inside = np.full(block.shape[1], block.shape[2], np.int64) if mask is None else mask.sum(axis=1)
    areas = np.empty((block.shape[0], len(AREA_COLUMNS)))
    known = np.zeros(block.shape[:2], np.int64)
    for i, code in enumerate(FREEZE_THAW):
        hit = block == code.value
        if mask is not None:
            hit &= mask
        counts = hit.view(np.uint8).sum(axis=2, dtype=np.int64)  # (dates, rows)
        known += counts
        areas[:, i] = counts @ row_areas_km2
    unknown = inside - known
    areas[:, -1] = unknown @ row_areas_km2
    return areas, int(unknown.sum())


def _unknown_values(block: np.ndarray, mask: Optional[np.ndarray]) -> Dict[int, int]:
    """Pixel-days of each unknown code (only called when there are some)."""
    unknown = ~np.isin(block, FREEZE_THAW.values)
    if mask is not None:
        unknown &= mask
    values, counts = np.unique(block[unknown], return_counts=True)
    return {int(v): int(c) for v, c in zip(values, counts)}


def decode(stack: Stack, output_path: Optional[str], table_path: Optional[str],
           period: Tuple[Optional[dt.date], Optional[dt.date]] = (None, None),
           mask: Optional[np.ndarray] = None, budget_bytes: int = DEFAULT_BUDGET,
           progress: Progress = _no_progress, log: Log = _no_log) -> DecodeResult:
    """Write the codes of ``stack`` as a dated, styled uint8 GeoTIFF and the daily class-area table.

    One pass over the stack by slabs of dates (whole grids), so every date is read and written once. The GeoTIFF
    is band-interleaved in :data:`DECODED_TILE` tiles, so one day's map and one pixel's series both read fast.
    Areas use the true cell areas of the grid (:meth:`~.grid.Grid.row_cell_areas_km2`); ``mask`` (bool,
    grid shape) restricts the statistics (not the GeoTIFF) to a region.
    """
    _check_codes_dtype(stack)
    positions = period_positions(stack, *period)
    dates = [stack.dates[i] for i in positions]
    grid = stack.grid
    if mask is not None and not mask.any():
        raise CryoInputError("The MASK polygons cover no cell centre of the grid ({}); check their extent and "
                             "CRS".format(grid.describe()))
    if not grid.is_geographic:
        log("Projected grid: areas use the pixel area, which is the true area only on an equal-area "
            "projection (e.g. EASE-Grid 2.0).")
    row_areas = grid.row_cell_areas_km2()
    areas = np.zeros((len(dates), len(AREA_COLUMNS)))
    unknown: Dict[int, int] = {}
    iso = [d.isoformat() for d in dates]
    slabs = blocks(len(dates), grid.width * grid.height * 3, budget_bytes, align=stack.time_chunk)
    writer = GeoTiffWriter(output_path, grid, iso, np.uint8, nodata=OUTPUT_NODATA, class_table=FREEZE_THAW,
                           band_dates=iso, metadata={"CRYO_PRODUCT": "freeze_thaw_codes"}, tile=DECODED_TILE) \
        if output_path else contextlib.nullcontext()
    with writer:
        for k, (t0, t1) in enumerate(slabs):
            progress(k / len(slabs))
            slab = stack.read(slice(None), positions[t0:t1])
            slab_areas, unknown_count = class_areas(slab, row_areas, mask)
            areas[t0:t1] = slab_areas
            if unknown_count:
                for value, count in _unknown_values(slab, mask).items():
                    unknown[value] = unknown.get(value, 0) + count
                if slab.max() > 254:
                    raise CryoInputError("{} holds codes above 254, which do not fit the 8-bit output; it is not "
                                         "a freeze/thaw code product".format(stack.source))
            if output_path:
                for i in range(slab.shape[0]):
                    writer.write_band(t0 + i + 1, 0, slab[i])
                writer.flush()
        progress(1.0)
    result = DecodeResult(dates, areas, unknown)
    if unknown:
        log("Unknown codes (kept unchanged, counted as unknown_km2): " + ", ".join(
            "{}: {} pixel-days".format(v, c) for v, c in sorted(unknown.items())))
    if table_path:
        write_area_table(table_path, result)
    return result


def write_area_table(path: str, result: DecodeResult) -> None:
    """CSV: date, the area of each class in km², frozen_fraction = frozen / (frozen + thawed + precip)."""
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(("date",) + AREA_COLUMNS + ("frozen_fraction",))
        for day, row, fraction in zip(result.dates, result.areas_km2, result.frozen_fraction):
            out.writerow([day.isoformat()] + ["{:.3f}".format(v) for v in row]
                         + ["" if np.isnan(fraction) else "{:.6f}".format(fraction)])


# ----------------------------------------------------------------------------------- season indicators

class SeasonState:
    """Per-pixel state of the indicator definitions, advanced one day at a time over one season.

    Streaming over days keeps memory at a few grids whatever the season length and reads every day once.
    A freeze run counts consecutive frozen days; a thaw run counts consecutive thawed days after the freeze
    onset was found (such a run starts after the onset, since the onset's own days are frozen). A run that
    reaches ``min_run`` dates the onset to its first day.
    """

    def __init__(self, n_pixels: int, min_run: int, precipitation_as_thawed: bool = True):
        self.min_run = min_run
        self.precipitation_as_thawed = precipitation_as_thawed
        shape = (n_pixels,)
        self.freeze_run = np.zeros(shape, np.int16)
        self.thaw_run = np.zeros(shape, np.int16)
        self.freeze_onset = np.full(shape, -1, np.int16)
        self.thaw_onset = np.full(shape, -1, np.int16)
        self.last_frozen = np.full(shape, -1, np.int16)
        self.has_freeze = np.zeros(shape, bool)
        self.no_thaw = np.ones(shape, bool)
        self.counts = np.zeros((3,) + shape, np.int16)  # frozen, thawed, valid days
        self._scratch = np.empty(shape, bool)

    def add_day(self, day: int, codes: Optional[np.ndarray]) -> None:
        """Advance by season day ``day`` (0-based); ``codes`` None means the date is absent (missing)."""
        if codes is None:
            self.freeze_run[:] = 0
            self.thaw_run[:] = 0
            return
        frozen = codes == FROZEN
        if self.precipitation_as_thawed:
            thawed = (codes | 1) == PRECIPITATION  # codes 2 and 3
            valid = frozen | thawed
        else:
            thawed = codes == THAWED
            valid = frozen | thawed | (codes == PRECIPITATION)
        for i, mask in enumerate((frozen, thawed, valid)):
            np.add(self.counts[i], mask, out=self.counts[i], casting="unsafe")
        np.putmask(self.last_frozen, np.logical_and(frozen, self.no_thaw, out=self._scratch), day)
        self._advance(self.freeze_run, frozen, self.freeze_onset, day)
        np.logical_or(self.has_freeze, self.freeze_onset >= 0, out=self.has_freeze)
        self._advance(self.thaw_run, np.logical_and(thawed, self.has_freeze, out=thawed), self.thaw_onset, day)
        np.less(self.thaw_onset, 0, out=self.no_thaw)

    def _advance(self, run: np.ndarray, today: np.ndarray, onset: np.ndarray, day: int) -> None:
        np.add(run, 1, out=run)
        np.multiply(run, today, out=run)
        reached = np.equal(run, self.min_run, out=self._scratch)
        np.logical_and(reached, onset < 0, out=reached)
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


def season_indicators(codes: np.ndarray, min_run: int, precipitation_as_thawed: bool = True) -> np.ndarray:
    """Indicators of one season for a ``(days, pixels)`` code array: int16 ``(len(INDICATORS), pixels)``.

    ``codes[d]`` is day d+1 of the season (0 for a missing day).
    """
    state = SeasonState(codes.shape[1], min_run, precipitation_as_thawed)
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
               precipitation_as_thawed: bool = True, budget_bytes: int = DEFAULT_BUDGET,
               progress: Progress = _no_progress, log: Log = _no_log) -> IndicatorResult:
    """Write the season indicators of every complete season year: int16 GeoTIFF, one band per
    indicator and year named ``<indicator>_<year>``, day numbers counted from the season's first day.

    Streams season by season and day by day (:class:`SeasonState`), in row blocks only when the grid's
    state exceeds the budget, so memory depends on the budget, not on how many seasons the stack holds.
    """
    _check_codes_dtype(stack)
    if min_run < 1:
        raise CryoInputError("MIN_RUN must be at least 1 day, got {}".format(min_run))
    years, partial = whole_seasons(stack.dates, year_start, stack.source, "indicators", log)
    index = {day: i for i, day in enumerate(stack.dates)}
    grid = stack.grid
    names = ["{}_{}".format(name, year) for year in years for name in INDICATORS]
    # Half the budget for the per-pixel state (about 24 bytes a pixel), half for the slabs of days read.
    row_blocks = blocks(grid.height, grid.width * 24, budget_bytes // 2)
    unknown = 0
    steps, done = len(years) * len(row_blocks), 0
    with GeoTiffWriter(output_path, grid, names, np.int16, nodata=INDICATOR_NODATA, style_qml=ONSET_STYLE,
                       metadata={"CRYO_PRODUCT": "freeze_thaw_indicators",
                                 "YEAR_START": "{:02d}-{:02d}".format(*year_start),
                                 "MIN_RUN": str(min_run),
                                 "PRECIPITATION": "thawed" if precipitation_as_thawed else "missing"}) as out:
        for y, year in enumerate(years):
            start, stop = season_bounds(year, year_start)
            calendar = [start + dt.timedelta(days=d) for d in range((stop - start).days)]
            positions = [index.get(day) for day in calendar]
            absent = positions.count(None)
            if absent:
                log("Season {}: {} date(s) absent from the stack, counted as missing days".format(year, absent))
            for r0, r1 in row_blocks:
                progress(done / steps)
                done += 1
                state = SeasonState((r1 - r0) * grid.width, min_run, precipitation_as_thawed)
                slabs = blocks(len(calendar), (r1 - r0) * grid.width * 4, budget_bytes // 2, stack.time_chunk)
                for d0, d1 in slabs:
                    present = [p for p in positions[d0:d1] if p is not None]
                    slab = stack.read(slice(r0, r1), present).reshape(len(present), -1)
                    unknown += int(np.count_nonzero(slab > PRECIPITATION)) - int(np.count_nonzero(slab == SNOW_ICE))
                    k = 0
                    for day in range(d0, d1):
                        if positions[day] is None:
                            state.add_day(day, None)
                        else:
                            state.add_day(day, slab[k])
                            k += 1
                values = state.result()
                del state, slab  # release before the next block allocates its own
                for i in range(len(INDICATORS)):
                    out.write_band(y * len(INDICATORS) + i + 1, r0, values[i].reshape(r1 - r0, grid.width))
                del values
                out.flush()
        progress(1.0)
    if unknown:
        log("{} pixel-days held unknown codes and were treated as missing days".format(unknown))
    return IndicatorResult(years, names, partial, unknown)
