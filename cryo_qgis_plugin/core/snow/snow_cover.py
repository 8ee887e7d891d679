"""Daily snow cover with clouds removed, from MODIS MOD10A1/MYD10A1 v061 ``NDSI_Snow_Cover`` stacks: the classic
sequence of Parajka & Blöschl (2008, J. Hydrol. 358, 240-258) and Gafurov & Bárdossy (2009, Hydrol. Earth Syst. Sci.
13, 1361-1373), each step switchable and counted; the codes as the MODIS Snow Products Collection 6.1 User Guide
(Riggs, Hall & Román; Hall & Riggs 2007) gives them (:mod:`.modis_codes`).

Steps (exact rules in :mod:`.cloud_filters` and :mod:`.snow_line`): (1) Terra/Aqua combination of the same day,
(2) temporal filter ±N days, (3) spatial filter (8 neighbours, majority of the clear ones when at least K are
clear), (4) regional snow line and land line per day from a DEM, (5) seasonal filter (cloud between two snow
observations of the same season -> snow), then, only when asked (off by default), (6) the nearest clear day: a
cloud cell still left takes the state of the nearest clear day of the same cell within ``nearest_days`` days in the
same season (the temporal gap filling of the MODIS cloud-gap-filled products MOD10A1F/MYD10A1F, Hall et al. 2010,
2019, on both sides).

Streaming: the stack is processed season by season (a window of the season's days plus N days on each side for the
temporal filter) and, inside a season, by row blocks holding every day of the window, one row above and below for
the spatial filter (:mod:`.snow_blocks`); blocks are sized by ``run.budget_bytes`` and computed on as many threads as
there are cores (up to :data:`MAX_WORKERS`, each with its share of the budget), their results added in row order.
The snow line needs each day's statistics over the whole grid, so with step 4 a first pass (steps 1-3) gathers the
elevation histograms and keeps its states (:class:`.snow_outputs.Spill`), the second applies steps 4 to 6 and
writes. Outputs: the daily class stack (:data:`~..codes.SNOW_COVER`, one dated band per
date, styled), a daily CSV of the area of each class (km², true cell areas, :meth:`~..io.grid.Grid.row_cell_areas_km2`
through the freeze/thaw class-area code) and the per-season indicators (:mod:`.snow_seasons`).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np

from ..codes import SNOW_COVER, SNOW_NODATA
from ..errors import CryoInputError
from ..io.dates import complete_seasons
from ..io.geotiff import GeoTiffWriter
from ..io.grid import spatial_reference
from ..run import Run, blocks
from .cloud_filters import MAX_NEAREST_DAYS
from .modis_codes import DEFAULT_NDSI_THRESHOLD, check_threshold, class_lut
from .snow_blocks import STEPS, BlockCounts, BlockWork, Window, in_order, season_windows
from .snow_inputs import Dem, SnowInputs
from .snow_line import DailyHistograms, ElevationBins, check_snow_line_options
from .snow_outputs import Spill, TileRows, log_steps, write_snow_table
from .snow_seasons import DURATION_STYLE, INDICATOR_NODATA, INDICATORS

MAX_WORKERS = 4
BYTES_PER_CELL = 4  # peak working memory per cell-day of a block in flight (classes, the other satellite, masks)
TILES = (96, 64, 48, 32, 16)  # tile sizes of the outputs (96 as decoded stacks: fast picks, fast to compress)
EQUAL_AREA = ("sinusoidal", "equal_area", "equal area", "mollweide", "eckert_iv", "eckert_vi")


@dataclass(frozen=True)
class SnowOptions:
    """The switches and numbers of the sequence (defaults as the Processing algorithm's)."""

    ndsi_threshold: int = DEFAULT_NDSI_THRESHOLD
    terra_aqua: bool = True
    temporal: bool = True
    temporal_days: int = 3
    spatial: bool = True
    spatial_min_clear: int = 4
    snow_line: bool = True
    snow_line_tolerance: float = 0.02
    snow_line_min_clear: float = 0.05
    seasonal: bool = True
    nearest: bool = False  # step 6, a last resort after the classic sequence
    nearest_days: int = 7
    year_start: Tuple[int, int] = (8, 1)

    def check(self, dem: Optional[Dem]) -> None:
        check_threshold(self.ndsi_threshold)
        if self.temporal and not 1 <= self.temporal_days <= 3:
            raise CryoInputError("TEMPORAL_DAYS must be 1, 2 or 3 days, got {}".format(self.temporal_days))
        if self.spatial and not 1 <= self.spatial_min_clear <= 8:
            raise CryoInputError("SPATIAL_MIN_CLEAR must be from 1 to 8 neighbours, got {}".format(
                self.spatial_min_clear))
        if self.nearest and not 1 <= self.nearest_days <= MAX_NEAREST_DAYS:
            raise CryoInputError("NEAREST_DAYS must be from 1 to {} days, got {}".format(
                MAX_NEAREST_DAYS, self.nearest_days))
        check_snow_line_options(self.snow_line_tolerance, self.snow_line_min_clear,
                                dem.range if dem is not None and self.snow_line else None)

    def describe(self) -> str:
        on = {"terra_aqua": self.terra_aqua, "temporal": self.temporal, "spatial": self.spatial,
              "snow_line": self.snow_line, "seasonal": self.seasonal, "nearest": self.nearest}
        return "NDSI_THRESHOLD {}; steps: {}{}".format(self.ndsi_threshold, ", ".join(
            "{} {}".format(step, "on" if on[step] else "off") for step in STEPS),
            " (within {} days)".format(self.nearest_days) if self.nearest else "")


@dataclass
class SnowCoverResult:
    dates: List[dt.date]
    areas_km2: np.ndarray  # (dates, classes of SNOW_COVER)
    cloud_input_km2: np.ndarray  # (dates,) cloud in INPUT (Terra) before any step
    land_line_m: np.ndarray  # (dates,) NaN without a line
    snow_line_m: np.ndarray
    changed: Dict[str, int] = field(default_factory=lambda: dict.fromkeys(STEPS, 0))  # pixel-days per step
    cloud_before: int = 0  # pixel-days: cloud in INPUT, and its land pixel-days (snow, no snow, cloud)
    land_before: int = 0
    cloud_after: int = 0  # after every step, and the land pixel-days of the output
    land_after: int = 0
    seasons: List[int] = field(default_factory=list)

    @property
    def cloud_fraction_before(self) -> float:
        return self.cloud_before / self.land_before if self.land_before else 0.0

    @property
    def cloud_fraction_after(self) -> float:
        return self.cloud_after / self.land_after if self.land_after else 0.0


def _tile_and_rows(width: int, height: int, days: int, budget: int,
                   workers: int = 1) -> Tuple[int, List[Tuple[int, int]]]:
    """The outputs' tile size and the row blocks: a row of output tiles of every date of a season is gathered
    before it is written (:class:`.snow_outputs.TileRows`: each tile compressed once); the rest of the budget holds
    ``workers + 1`` blocks of rows of every day of a window with their two halo rows (one computing per thread and
    one being written)."""
    fitting = [t for t in TILES if t * width * days <= budget // 4]
    tile = 96 if 96 * width * days <= budget // 2 else max([16] + fitting)
    per_row = width * days * BYTES_PER_CELL
    rest = (budget - tile * width * days) // (workers + 1)
    return tile, blocks(height, per_row, max(per_row, rest - 2 * per_row))


def workers_for(height: int) -> int:
    """Threads for the blocks: the machine's cores, at most :data:`MAX_WORKERS`, one for small grids."""
    return 1 if height < 64 else max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def snow_cover(inputs: SnowInputs, output_path: str, table_path: Optional[str] = None,
               indicators_path: Optional[str] = None, dem: Optional[Dem] = None,
               options: SnowOptions = SnowOptions(), run: Run = Run()) -> SnowCoverResult:
    """Write the daily classes with clouds removed (uint8 GeoTIFF, one band per date of either stack described by
    its ISO date, nodata 255, styled), the daily area table (``table_path``, CSV) and the season indicators
    (``indicators_path``: int16, one band per indicator and complete season named ``<indicator>_<year>``)."""
    options.check(dem)
    lut = class_lut(options.ndsi_threshold)
    aqua = inputs.aqua if options.terra_aqua else None
    if inputs.aqua is not None and aqua is None:
        run.warning("TERRA_AQUA is off: the Aqua stack {} is not used".format(inputs.aqua.source))
    elif options.terra_aqua and inputs.aqua is None:
        run.info("Step 1 (Terra/Aqua) skipped: one satellite given (INPUT only)")
    if options.snow_line and dem is None:
        run.warning("Step 4 (snow line) skipped: no DEM given")
    use_line = options.snow_line and dem is not None
    stacks = [inputs.terra] + ([aqua] if aqua is not None else [])
    dates = sorted(set().union(*(s.dates for s in stacks)))
    grid = inputs.terra.grid
    years = complete_seasons(dates, options.year_start)[0]
    if indicators_path and not years:
        raise CryoInputError(
            "The input ({} .. {}) does not hold one complete season starting {:02d}-{:02d}, so there are no season "
            "indicators to write: leave OUTPUT_INDICATORS empty (skip it), add dates or change YEAR_START".format(
                dates[0], dates[-1], *options.year_start))
    windows = season_windows(dates, options.year_start, options.temporal_days if options.temporal else 0, years)
    elevation = ElevationBins(*dem.range) if use_line else None
    workers = workers_for(grid.height)
    reserved = DailyHistograms.nbytes(max(w.core for w in windows), elevation) if use_line else 0
    tile, row_blocks = _tile_and_rows(grid.width, grid.height, max(w.days for w in windows),
                                      run.budget_bytes - reserved, workers)
    if not grid.is_geographic and not any(k in spatial_reference(grid.crs_wkt).ExportToWkt().lower()
                                          for k in EQUAL_AREA):
        run.warning("Projected grid that is not equal-area: areas use the pixel area, the true area only on an "
                    "equal-area projection (MODIS sinusoidal, EASE-Grid 2.0)")
    result = SnowCoverResult(dates, np.zeros((len(dates), len(SNOW_COVER.codes))), np.zeros(len(dates)),
                             np.full(len(dates), np.nan), np.full(len(dates), np.nan))
    result.seasons = list(years)
    run.info("{}; {} season window(s), blocks of {} rows on {} thread(s)".format(
        options.describe(), len(windows), row_blocks[0][1] - row_blocks[0][0], workers))
    iso = [d.isoformat() for d in dates]
    metadata = {"CRYO_PRODUCT": "snow_cover", "NDSI_THRESHOLD": str(options.ndsi_threshold),
                "YEAR_START": "{:02d}-{:02d}".format(*options.year_start), "STEPS": options.describe()}
    names = ["{}_{}".format(name, year) for year in years for name in INDICATORS]
    work = BlockWork(inputs.terra, aqua, lut, options, dem, elevation, grid.row_cell_areas_km2(), dates)
    steps, done = len(windows) * len(row_blocks) * (2 if use_line else 1), 0
    with contextlib.ExitStack() as outputs:
        daily = outputs.enter_context(GeoTiffWriter(output_path, grid, iso, np.uint8, nodata=SNOW_NODATA,
                                                    class_table=SNOW_COVER, band_dates=iso, metadata=metadata,
                                                    tile=tile, units="class"))
        seasonal = outputs.enter_context(GeoTiffWriter(
            indicators_path, grid, names, np.int16, nodata=INDICATOR_NODATA, style_qml=DURATION_STYLE,
            metadata=dict(metadata, CRYO_PRODUCT="snow_cover_indicators"), tile=tile,
            units="day")) if indicators_path else None
        executor = ThreadPoolExecutor(workers, thread_name_prefix="cryo-snow")
        outputs.callback(executor.shutdown, wait=True, cancel_futures=True)  # first out: no block runs on
        for window in windows:
            spill, lines = None, None
            if use_line:
                spill = outputs.enter_context(Spill(output_path, len(row_blocks)))
                histograms = DailyHistograms(window.core, elevation)
                calls = ((work.first_pass, (window, r0, r1)) for r0, r1 in row_blocks)
                for (r0, r1), (interior, counts) in zip(row_blocks, in_order(executor.submit, calls, workers + 1)):
                    run.report(done / steps)
                    done += 1
                    spill.put(interior)
                    histograms.add(interior, work.bins(r0, r1))
                    _add(result, window, counts)
                lines = histograms.lines(options.snow_line_tolerance, options.snow_line_min_clear)
                _set_lines(result, window, histograms.line_metres(*lines))
            daily_rows = TileRows(daily, [p + 1 for p in window.positions], tile, grid.height, grid.width, np.uint8)
            season_rows = None
            if seasonal is not None and window.complete:
                first = years.index(window.year) * len(INDICATORS)
                season_rows = TileRows(seasonal, list(range(first + 1, first + len(INDICATORS) + 1)), tile,
                                       grid.height, grid.width, np.int16)
            calls = ((work.second_pass, (window, r0, r1, spill.get((window.core, r1 - r0, grid.width)) if spill
                                         else None, lines, season_rows is not None)) for r0, r1 in row_blocks)
            present = window.present(dates)
            for (r0, _), (states, indicators, counts) in zip(row_blocks, in_order(executor.submit, calls, workers + 1)):
                run.report(done / steps)
                done += 1
                _add(result, window, counts)
                daily_rows.add(r0, states[present])
                if season_rows is not None:
                    season_rows.add(r0, indicators)
                del states, indicators
            del daily_rows, season_rows
            if spill is not None:
                spill.close()
        run.report(1.0)
    log_steps(result, run)
    if table_path:
        write_snow_table(table_path, result)
    return result


def _add(result: SnowCoverResult, window: Window, counts: BlockCounts) -> None:
    """A block's counts and areas into the run's totals."""
    for step, changed in counts.changed.items():
        result.changed[step] += changed
    result.cloud_before += counts.cloud_before
    result.land_before += counts.land_before
    result.cloud_after += counts.cloud_after
    result.land_after += counts.land_after
    if counts.cloud_input_km2 is not None:
        result.cloud_input_km2[window.positions] += counts.cloud_input_km2
    if counts.areas_km2 is not None:
        result.areas_km2[window.positions] += counts.areas_km2


def _set_lines(result: SnowCoverResult, window: Window, metres: Tuple[np.ndarray, np.ndarray]) -> None:
    present = window.present(result.dates)
    result.land_line_m[window.positions] = metres[0][present]
    result.snow_line_m[window.positions] = metres[1][present]
