"""Permafrost on dask: freezing and thawing degree days of a daily temperature DataArray ``(time, y, x)``, and the
TTOP model with its ensemble.

For degree days each tile holds the whole record in time and runs
:class:`~..permafrost.degreedays.DegreeDayState` day by day, as the one-process
:func:`~..permafrost.degreedays.degree_days` does for a row block: every pixel's sums depend on its own values only
(gaps filled per pixel), so the indices are the one-process numbers bit for bit whatever the tiles.
"""
from __future__ import annotations

from typing import Tuple

import numpy as np

from ..codes import UNFROZEN
from ..io.dates import season_bounds, whole_seasons
from ..io.temperature import Packing
from ..optional import require
from ..permafrost import ttop_model
from ..permafrost.degreedays import DegreeDayState, _add_day, day_offsets
from ..run import Run
from .lazy_stack import dates_of


def _degree_day_kernel(temperatures: np.ndarray, day_of: Tuple[int, ...], n_days: int,
                       seasons: Tuple[Tuple[int, int, int], ...], max_gap: int, packing: Packing, nodata,
                       source: str) -> np.ndarray:
    """``(t, ...)`` stored values -> float32 ``(index, season, ...)``: DDF then DDT of each season. The block keeps
    the stack's layout (each day's grid contiguous, as the one-process slabs): no transposing copy."""
    space = temperatures.shape[1:]
    days = np.ascontiguousarray(temperatures.reshape(temperatures.shape[0], -1))  # (t, pixels)
    state = DegreeDayState(days.shape[1], max_gap, list(seasons))
    order = [year for year, _, _ in seasons]
    out = np.empty((2, len(seasons), days.shape[1]), np.float32)

    def keep(done) -> None:
        for season in done:
            ddf, ddt = season.indices()
            out[0, order.index(season.year)] = ddf
            out[1, order.index(season.year)] = ddt

    for k, day in enumerate(day_of):
        keep(state.advance_to(day))
        _add_day(state, day, days[k].copy(), packing, nodata, "INPUT " + source)  # add_day may write in it
    keep(state.finish(n_days))
    return out.reshape((2, len(seasons)) + space)


def degree_days(temperatures, packing: Packing = Packing(), year_start: Tuple[int, int] = (7, 1), max_gap: int = 5,
                run: Run = Run()):
    """DDF and DDT (°C·days, nodata −9999) of every complete season: float32 DataArray ``(index, year, y, x)``
    with ``index`` = ddf, ddt (lazy when ``temperatures`` is dask-backed). ``temperatures`` has the dimensions
    ``(time, y, x)`` in this order."""
    xr = require("xarray")
    dates = dates_of(temperatures)
    years, _ = whole_seasons(dates, year_start, str(temperatures.attrs.get("source", "the stack")), "degree days",
                             run)
    first = dates[0]
    day_of = tuple(day_offsets(dates, run))
    seasons = tuple((year, (season_bounds(year, year_start)[0] - first).days,
                     (season_bounds(year, year_start)[1] - first).days) for year in years)
    kwargs = {"day_of": day_of, "n_days": day_of[-1] + 1, "seasons": seasons, "max_gap": max_gap,
              "packing": packing, "nodata": temperatures.attrs.get("nodata"),
              "source": str(temperatures.attrs.get("source", ""))}
    data = temperatures.data
    if hasattr(data, "map_blocks"):  # dask: the whole record in time, the kernel on each spatial tile
        data = data.rechunk({0: -1})
        values = data.map_blocks(_degree_day_kernel, dtype=np.float32, new_axis=0,
                                 chunks=((2,), (len(years),)) + data.chunks[1:], **kwargs)
    else:
        values = _degree_day_kernel(np.asarray(data), **kwargs)
    space = {name: temperatures.coords[name] for name in ("y", "x") if name in temperatures.coords}
    return xr.DataArray(values, dims=("index", "year", "y", "x"),
                        coords=dict(space, index=["ddf", "ddt"], year=list(years)))


def _ttop_kernel(ddf: np.ndarray, ddt: np.ndarray, index: np.ndarray, fixed: dict, draws: dict, period: float,
                 ensemble: bool) -> np.ndarray:
    """TTOP, class and permafrost probability of a tile, as :func:`~..permafrost.ttop_model.ttop_map` computes a
    row block: float32 ``(..., 3)`` (the class as a float, probability NaN off the ground cells)."""
    valid = ~np.isnan(ddf) & ~np.isnan(ddt) & (index >= 0)
    safe = np.where(valid, index, 0)
    with np.errstate(invalid="ignore"):
        t = ttop_model.ttop(ddf, ddt, fixed["nf"][safe], fixed["nt"][safe], fixed["rk"][safe], period)
    classes = ttop_model.classify(t, ddf, valid)
    out = np.empty(ddf.shape + (3,), np.float32)
    out[..., 0] = np.where(valid, t, ttop_model.NODATA)
    out[..., 1] = classes
    out[..., 2] = np.nan
    if ensemble:
        ground = valid & (classes <= UNFROZEN)
        p = ttop_model._probability(ddf, ddt, safe, ground, draws, Run(), 0, 1)
        out[..., 2] = np.where(ground, p, np.nan)
    return out


def ttop_ensemble(ddf, ddt, index, parameters, options=None):
    """TTOP (°C), ground thermal class and, with ``options.members`` > 0, the permafrost probability of every
    cell: float32 DataArray ``(output, y, x)`` with ``output`` = ttop, classes, probability.

    ``ddf``/``ddt`` are the indices averaged over the years (°C·days, NaN = none), ``index`` the position of each
    cell's land-cover class in ``parameters`` (−1: none), all ``(y, x)`` on one grid. The ensemble's draws are
    made once per member and land-cover class from ``options.seed`` (Obu et al. 2019), never per chunk, so the
    probability is the same whatever the tiles."""
    xr = require("xarray")
    options = options or ttop_model.TtopOptions()
    apply_nfactors = options.indices_from == "air"
    fixed = {name: np.array([p.get(name).value if (apply_nfactors or name == "rk") else 1.0 for p in parameters])
             for name in ttop_model.PARAMETERS}
    ensemble = options.members > 0
    draws = ttop_model._draws(parameters, options) if ensemble else {}
    result = xr.apply_ufunc(_ttop_kernel, ddf, ddt, index, output_core_dims=[["output"]],
                            kwargs={"fixed": fixed, "draws": draws, "period": options.period, "ensemble": ensemble},
                            dask="parallelized", output_dtypes=[np.float32],
                            dask_gufunc_kwargs={"output_sizes": {"output": 3}})
    return result.assign_coords(output=["ttop", "classes", "probability"]).transpose("output", "y", "x")


def degree_days_with_dask(opener, ddf_path: str, ddt_path: str, packing: Packing = Packing(),
                          year_start: Tuple[int, int] = (7, 1), max_gap: int = 5, client=None, run: Run = Run(),
                          row_chunk: int = 128):
    """:func:`~..permafrost.degreedays.degree_days` computed by dask (on ``client``'s cluster, or dask's threads
    when None): the same two GeoTIFFs and :class:`~..permafrost.degreedays.DegreeDayResult`."""
    from ..permafrost.degreedays import (NODATA, DegreeDayResult, check_degree_day_inputs, index_style,
                                         index_writer, warn_long_gaps)
    from .cluster import fetched, persisted
    from .lazy_stack import close_chunk_stacks, lazy_stack

    with opener.open() as stack:
        check_degree_day_inputs(stack, max_gap)
        partial = whole_seasons(stack.dates, year_start, stack.source, "degree days", Run())[1]
        grid, source = stack.grid, stack.source
    temperatures = lazy_stack(opener, time_chunk=366, row_chunk=row_chunk)
    result = degree_days(temperatures, packing, year_start, max_gap, run)
    years = [int(y) for y in result["year"].values]
    nodata_pixels = {}
    try:
        result = persisted(client, result, run, 0.0, 0.9)
        with index_writer(ddf_path, "ddf", grid, years, year_start, max_gap, source) as out_ddf, \
                index_writer(ddt_path, "ddt", grid, years, year_start, max_gap, source) as out_ddt:
            for name, writer in (("ddf", out_ddf), ("ddt", out_ddt)):
                peak = 0.0
                for b, year in enumerate(years, start=1):
                    run.report(0.9 + 0.05 * b / len(years) + (0.05 if name == "ddt" else 0.0))
                    band = result.sel(index=name, year=year)
                    values = np.asarray(fetched(client, band).values)
                    writer.write_band(b, 0, values)
                    valid = values != NODATA
                    nodata_pixels[year] = int(np.count_nonzero(~valid))
                    peak = max(peak, float(values[valid].max()) if valid.any() else 0.0)
                writer.style_qml = index_style(name, peak)
    finally:
        close_chunk_stacks()  # the chunks this process read itself (no cluster)
    warn_long_gaps(nodata_pixels, max_gap, run)
    run.report(1.0)
    return DegreeDayResult(years, partial, nodata_pixels)
