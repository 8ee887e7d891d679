"""Freeze/thaw on dask: season indicators and daily class areas of a ``(time, y, x)`` code DataArray.

Both run the one-process kernels on each chunk, so the numbers do not depend on the chunking or on where the
chunks are computed:

* :func:`season_indicators`: :class:`~..freezethaw.seasons.SeasonState` over the days of each complete season
  (the season is one chunk in time, tiles in space), missing days as in :func:`~..freezethaw.seasons.indicators`;
* :func:`daily_class_areas`: integer counts of each class code per date and grid row in every tile (exact in
  any order), summed, then multiplied once by the true cell area of each row as
  :func:`~..freezethaw.decoding.class_areas` does.
"""
from __future__ import annotations

from typing import Sequence, Tuple

import numpy as np

from ..freezethaw.decoding import area_columns
from ..freezethaw.products import DEFAULT, FreezeThawProduct
from ..freezethaw.seasons import INDICATORS, SeasonState, season_positions
from ..io.dates import whole_seasons
from ..optional import require
from ..run import Run
from .lazy_stack import dates_of


UNKNOWN_DAYS = "unknown_days"


def _season_kernel(codes: np.ndarray, day_index: Tuple[int, ...], min_run: int, precipitation_as_thawed: bool,
                   product: FreezeThawProduct) -> np.ndarray:
    """Indicators of one season for a block ``(t, ...)`` of its present grids, then each cell's days with an unknown
    code: int16 ``(indicator + 1, ...)``; ``day_index[d]`` is the position along ``t`` of season day ``d``, −1 when
    that date is absent. The block keeps the stack's layout (each day's grid contiguous, as the one-process slabs):
    no copy on the way in or out."""
    space = codes.shape[1:]
    days = np.ascontiguousarray(codes.reshape(codes.shape[0], -1))
    state = SeasonState(days.shape[1], min_run, precipitation_as_thawed, product)
    for day, k in enumerate(day_index):
        state.add_day(day, None if k < 0 else days[k])
    out = np.concatenate([state.result(), state.unknown_days[np.newaxis]])
    return out.reshape((len(INDICATORS) + 1,) + space)


def _present_grids(codes, present: Sequence[int]):
    """The grids at ``present`` (increasing positions): a slice, which keeps dask's chunks as they are, when no
    date is missing in between; else a selection (a copy)."""
    if present[-1] - present[0] + 1 == len(present):
        return codes.isel(time=slice(present[0], present[-1] + 1))
    return codes.isel(time=list(present))


def season_indicators(codes, year_start: Tuple[int, int] = (8, 1), min_run: int = 5,
                      precipitation_as_thawed: bool = True, product: FreezeThawProduct = DEFAULT,
                      run: Run = Run(), with_unknown_days: bool = False):
    """Indicators of every complete season: int16 DataArray ``(year, indicator, y, x)`` (lazy when ``codes`` is
    dask-backed), the bands of :func:`~..freezethaw.seasons.indicators` in the same order; ``with_unknown_days``
    adds a last "indicator", :data:`UNKNOWN_DAYS`, each cell's days with a code the product does not know.
    ``codes`` has the dimensions ``(time, y, x)`` in this order; each season is one chunk in time."""
    xr = require("xarray")
    dates = dates_of(codes)
    years, _ = whole_seasons(dates, year_start, str(codes.attrs.get("source", "the stack")), "indicators", run)
    names = list(INDICATORS) + [UNKNOWN_DAYS]
    space = {name: codes.coords[name] for name in ("y", "x") if name in codes.coords}
    seasons = []
    for year in years:
        positions = season_positions(dates, year, year_start, run)
        present = [p for p in positions if p is not None]
        local = {p: i for i, p in enumerate(present)}
        kwargs = {"day_index": tuple(-1 if p is None else local[p] for p in positions), "min_run": min_run,
                  "precipitation_as_thawed": precipitation_as_thawed, "product": product}
        data = _present_grids(codes, present).data
        if hasattr(data, "map_blocks"):  # dask: the season whole in time, the kernel on each spatial tile
            data = data.rechunk({0: -1})
            values = data.map_blocks(_season_kernel, dtype=np.int16, chunks=((len(names),),) + data.chunks[1:],
                                     **kwargs)
        else:
            values = _season_kernel(np.asarray(data), **kwargs)
        seasons.append(xr.DataArray(values, dims=("indicator", "y", "x"), coords=dict(space, indicator=names)))
    result = xr.concat(seasons, dim="year").assign_coords(year=years)
    return result if with_unknown_days else result.sel(indicator=list(INDICATORS))


def _row_counts(block: np.ndarray, values: Tuple[int, ...]) -> np.ndarray:
    """int64 ``(t, rows, 1, classes + 1)``: cells of each code per date and row of a ``(t, rows, cols)`` tile,
    the last column the cells of any other code."""
    counts = np.empty(block.shape[:2] + (1, len(values) + 1), np.int64)
    for i, value in enumerate(values):
        counts[:, :, 0, i] = (block == value).sum(axis=2, dtype=np.int64)
    counts[:, :, 0, -1] = block.shape[2] - counts[:, :, 0, :-1].sum(axis=2)
    return counts


def _areas(counts: np.ndarray, row_areas_km2: np.ndarray) -> np.ndarray:
    """``(t, rows, classes)`` counts times the row areas, summed over the rows in row order (the same sequence of
    additions for every date, whatever the time chunk)."""
    return (counts * row_areas_km2[np.newaxis, :, np.newaxis]).sum(axis=1)


def daily_class_areas(codes, row_areas_km2: np.ndarray, product: FreezeThawProduct = DEFAULT):
    """Area (km²) of every class of ``product`` and of unknown codes per date: float64 DataArray ``(time,
    class)`` named as the columns of :func:`~..freezethaw.decoding.area_columns`."""
    xr = require("xarray")
    values = tuple(code.value for code in product.table)
    data = codes.data
    row_areas_km2 = np.asarray(row_areas_km2, dtype=np.float64)
    if hasattr(data, "map_blocks"):  # dask: per-tile counts, summed over the tiles of each row (exact integers)
        tiles = data.map_blocks(_row_counts, values, dtype=np.int64, new_axis=3,
                                chunks=data.chunks[:2] + ((1,) * len(data.chunks[2]), (len(values) + 1,)))
        counts = tiles.sum(axis=2).rechunk({1: -1})
        areas = counts.map_blocks(_areas, row_areas_km2, dtype=np.float64, drop_axis=1)
    else:
        areas = _areas(_row_counts(np.asarray(data), values)[:, :, 0, :], row_areas_km2)
    names = list(area_columns(product))
    return xr.DataArray(areas, dims=("time", "class"), coords={"time": codes["time"].values, "class": names})


def indicators_with_dask(opener, output_path: str, year_start: Tuple[int, int] = (8, 1), min_run: int = 5,
                         precipitation_as_thawed: bool = True, product: FreezeThawProduct = DEFAULT,
                         client=None, run: Run = Run(), row_chunk: int = 256):
    """:func:`~..freezethaw.seasons.indicators` computed by dask: on ``client``'s cluster (a
    ``distributed.Client``), or in this process with dask's threads when None. Writes the same GeoTIFF (bands,
    metadata, style) and returns the same :class:`~..freezethaw.seasons.IndicatorResult`."""
    from ..freezethaw.seasons import IndicatorResult, check_indicator_inputs, indicator_names, indicator_writer
    from .cluster import fetched, persisted
    from .lazy_stack import close_chunk_stacks, lazy_stack

    with opener.open() as stack:
        check_indicator_inputs(stack, min_run)
        years, partial = whole_seasons(stack.dates, year_start, stack.source, "indicators", Run())
        starts = sorted({min(p for p in season_positions(stack.dates, year, year_start) if p is not None)
                         for year in years})
        grid = stack.grid
    codes = lazy_stack(opener, row_chunk=row_chunk, time_starts=starts)  # a chunk per season: no concatenation
    result = season_indicators(codes, year_start, min_run, precipitation_as_thawed, product, run, True)
    try:
        result = persisted(client, result, run, 0.0, 0.9)
        unknown = result.sel(indicator=UNKNOWN_DAYS).sum(dtype=np.int64)
        unknown = int(fetched(client, unknown))
        with indicator_writer(output_path, grid, years, year_start, min_run, precipitation_as_thawed,
                              product) as out:
            for y in range(len(years)):
                run.report(0.9 + 0.1 * y / len(years))
                season = result.isel(year=y)  # one season at a time in this process's memory
                values = np.asarray(fetched(client, season).values)
                for i in range(len(INDICATORS)):
                    out.write_band(y * len(INDICATORS) + i + 1, 0, values[i])
    finally:
        close_chunk_stacks()  # the chunks this process read itself (no cluster)
    if unknown:
        run.warning("{} pixel-days held unknown codes and were treated as missing days".format(unknown))
    run.report(1.0)
    return IndicatorResult(years, indicator_names(years), partial, unknown)
