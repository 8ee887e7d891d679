"""The season windows and the work on one block of rows of the snow cover sequence (:mod:`.snow_cover`).

A window is one season's dates on a calendar of consecutive days, with ``N`` days more on each side for the temporal
filter (a date absent from the stacks is a day without observation). A block is some rows of every day of a window
and one row above and below for the spatial filter. :class:`BlockWork` computes a block without touching anything
shared: it returns the block's states and counts, which the caller adds in row order, so blocks may run in worker
threads (reads of one stack or of the DEM are serialised: a GDAL dataset serves one thread at a time) and give the
same numbers in any order.
"""
from __future__ import annotations

import collections
import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

import numpy as np

from ..codes import CLOUD, SNOW_COVER, SNOW_NODATA, ClassTable
from ..freezethaw.decoding import class_areas
from ..io.dates import season_bounds
from .cloud_filters import combine_terra_aqua, nearest_filter, seasonal_filter, spatial_filter, temporal_filter
from .modis_codes import decode
from .snow_line import ElevationBins, apply_snow_line
from .snow_seasons import season_indicators

STEPS = ("terra_aqua", "temporal", "spatial", "snow_line", "seasonal", "nearest")


@dataclass
class Window:
    """One season's dates ``positions`` (in the run's dates) on a calendar starting ``margin`` days before the
    season's first computed day, with ``core`` computed days and ``margin`` days after them."""

    year: int
    start: dt.date  # first calendar day (margin included)
    margin: int
    core: int
    positions: List[int]
    complete: bool

    @property
    def days(self) -> int:
        return 2 * self.margin + self.core

    def slot(self, day: dt.date) -> int:
        return (day - self.start).days

    def present(self, dates: List[dt.date]):
        """Indices of the window's dates among its core days: a slice when every core day is a date."""
        days = [self.slot(dates[p]) - self.margin for p in self.positions]
        return slice(None) if days == list(range(self.core)) else days


def season_of(day: dt.date, year_start: Tuple[int, int]) -> int:
    return day.year if day >= dt.date(day.year, *year_start) else day.year - 1


def season_windows(dates: List[dt.date], year_start: Tuple[int, int], margin: int,
                   complete: List[int]) -> List[Window]:
    """One window per season the dates touch: a complete season spans all its days, one covered in part only the
    days from its first to its last date."""
    by_season: Dict[int, List[int]] = {}
    for i, day in enumerate(dates):
        by_season.setdefault(season_of(day, year_start), []).append(i)
    out = []
    for year, positions in sorted(by_season.items()):
        first, stop = season_bounds(year, year_start)
        if year not in complete:
            first, stop = dates[positions[0]], dates[positions[-1]] + dt.timedelta(days=1)
        out.append(Window(year, first - dt.timedelta(days=margin), margin, (stop - first).days, positions,
                          year in complete))
    return out


@dataclass
class BlockCounts:
    """What one block adds to the run's totals (pixel-days; areas and cloud in km² per date of the window)."""

    changed: Dict[str, int] = field(default_factory=lambda: dict.fromkeys(STEPS, 0))
    cloud_before: int = 0
    land_before: int = 0
    cloud_after: int = 0
    land_after: int = 0
    cloud_input_km2: Optional[np.ndarray] = None
    areas_km2: Optional[np.ndarray] = None


@dataclass(frozen=True)
class _Classes:
    """What the freeze/thaw class-area code needs of a product: its class table."""

    table: ClassTable


class BlockWork:
    """The steps on one block, for any thread. ``options`` is a :class:`.snow_cover.SnowOptions`."""

    def __init__(self, terra, aqua, lut: np.ndarray, options, dem, elevation: Optional[ElevationBins],
                 row_areas: np.ndarray, dates: List[dt.date]):
        self.terra, self.aqua, self.lut, self.options, self.dem = terra, aqua, lut, options, dem
        self.elevation, self.row_areas, self.dates = elevation, row_areas, dates
        self._locks = {id(s): threading.Lock() for s in (terra, aqua, dem) if s is not None}

    def _read(self, stack, window: Window, ra: int, rb: int, pad: Tuple[int, int]) -> np.ndarray:
        """Classes of ``stack`` on the window's calendar, rows ``ra:rb`` plus ``pad`` nodata rows above/below."""
        out = np.full((window.days, rb - ra + sum(pad), stack.grid.width), SNOW_NODATA, np.uint8)
        end = window.start + dt.timedelta(days=window.days)
        positions = [i for i, day in enumerate(stack.dates) if window.start <= day < end]
        for chunk in range(0, len(positions), 32):
            part = positions[chunk:chunk + 32]
            with self._locks[id(stack)]:
                values = stack.read(slice(ra, rb), part)
            classes = decode(values, self.lut, stack.source)
            for k, p in enumerate(part):
                out[window.slot(stack.dates[p]), pad[0]:pad[0] + rb - ra] = classes[k]
        return out

    def bins(self, r0: int, r1: int) -> np.ndarray:
        with self._locks[id(self.dem)]:
            return self.elevation.of(self.dem.read(r0, r1))

    def steps_1_to_3(self, window: Window, r0: int, r1: int) -> Tuple[np.ndarray, BlockCounts]:
        """Rows ``r0 - 1 .. r1`` (one more on each side) of the window's core days after steps 1-3, counted."""
        height = self.terra.grid.height
        ra, rb = max(r0 - 1, 0), min(r1 + 1, height)
        pad = (1 if r0 == 0 else 0, 1 if r1 == height else 0)
        core = slice(window.margin, window.margin + window.core)
        inner = (slice(None), slice(1, 1 + r1 - r0))
        counts = BlockCounts()
        states = self._read(self.terra, window, ra, rb, pad)
        terra_core = states[core][inner]
        cloud = terra_core == CLOUD
        counts.cloud_before = int(np.count_nonzero(cloud))
        counts.land_before = int(np.count_nonzero(terra_core <= CLOUD))
        counts.cloud_input_km2 = cloud[window.present(self.dates)].sum(axis=2) @ self.row_areas[r0:r1]
        del cloud, terra_core
        if self.aqua is not None:
            filled = combine_terra_aqua(states, self._read(self.aqua, window, ra, rb, pad))
            counts.changed["terra_aqua"] = int(np.count_nonzero(filled[core][inner]))
            del filled
        if self.options.temporal:
            filled = temporal_filter(states, core.start, core.stop, self.options.temporal_days)
            counts.changed["temporal"] = int(np.count_nonzero(filled[inner]))
            del filled
        states = np.ascontiguousarray(states[core])
        if self.options.spatial:
            filled = spatial_filter(states, self.options.spatial_min_clear)
            counts.changed["spatial"] = int(np.count_nonzero(filled))
            del filled
        return states, counts

    def first_pass(self, window: Window, r0: int, r1: int) -> Tuple[np.ndarray, BlockCounts]:
        """Steps 1-3 of the block: its states (rows ``r0:r1``) and counts."""
        states, counts = self.steps_1_to_3(window, r0, r1)
        return states[:, 1:-1], counts

    def second_pass(self, window: Window, r0: int, r1: int, states: Optional[np.ndarray], lines,
                    indicators: bool) -> Tuple[np.ndarray, Optional[np.ndarray], BlockCounts]:
        """Rows ``r0:r1`` of the window's core days after every step (``states`` after step 3 from the first pass,
        or None to compute them), the season indicators when asked, and the counts and areas."""
        counts = BlockCounts()
        if states is None:
            states, counts = self.steps_1_to_3(window, r0, r1)
            states = states[:, 1:-1]
        if lines is not None:
            filled = apply_snow_line(states, self.bins(r0, r1), *lines)
            counts.changed["snow_line"] = int(np.count_nonzero(filled))
            del filled
        if self.options.seasonal:
            filled = seasonal_filter(states)
            counts.changed["seasonal"] = int(np.count_nonzero(filled))
            del filled
        if self.options.nearest:
            filled = nearest_filter(states, self.options.nearest_days)
            counts.changed["nearest"] = int(np.count_nonzero(filled))
            del filled
        present = states[window.present(self.dates)]
        counts.areas_km2 = class_areas(present, self.row_areas[r0:r1], None, _Classes(SNOW_COVER))[0][:, :-1]
        counts.cloud_after = int(np.count_nonzero(present == CLOUD))
        counts.land_after = int(np.count_nonzero(present <= CLOUD))
        return states, season_indicators(states) if indicators else None, counts


def in_order(submit: Callable, calls: Iterable[Tuple[Callable, tuple]], ahead: int) -> Iterator:
    """The results of ``calls`` (``(function, arguments)``, drawn lazily in this thread) run by ``submit`` (an
    executor's), in order, with at most ``ahead`` of them submitted and not yet returned."""
    pending: Deque = collections.deque()
    for function, arguments in calls:
        pending.append(submit(function, *arguments))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
