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
from ..permafrost.degreedays import DegreeDayState, _add_day
from ..run import Run
from .lazy_stack import dates_of


def _degree_day_kernel(temperatures: np.ndarray, day_of: Tuple[int, ...], n_days: int,
                       seasons: Tuple[Tuple[int, int, int], ...], max_gap: int, packing: Packing, nodata,
                       source: str) -> np.ndarray:
    """``(..., t)`` stored values -> float32 ``(..., index, season)``: DDF then DDT of each season."""
    space = temperatures.shape[:-1]
    flat = temperatures.reshape(-1, temperatures.shape[-1])
    state = DegreeDayState(flat.shape[0], max_gap, list(seasons))
    order = [year for year, _, _ in seasons]
    out = np.empty((flat.shape[0], 2, len(seasons)), np.float32)

    def keep(done) -> None:
        for season in done:
            ddf, ddt = season.indices()
            out[:, 0, order.index(season.year)] = ddf
            out[:, 1, order.index(season.year)] = ddt

    for k, day in enumerate(day_of):
        keep(state.advance_to(day))
        _add_day(state, day, np.ascontiguousarray(flat[:, k]), packing, nodata, "INPUT " + source)
    keep(state.finish(n_days))
    return out.reshape(space + (2, len(seasons)))


def degree_days(temperatures, packing: Packing = Packing(), year_start: Tuple[int, int] = (7, 1), max_gap: int = 5,
                run: Run = Run()):
    """DDF and DDT (°C·days, nodata −9999) of every complete season: float32 DataArray ``(index, year, y, x)``
    with ``index`` = ddf, ddt (lazy when ``temperatures`` is dask-backed)."""
    xr = require("xarray")
    dates = dates_of(temperatures)
    years, _ = whole_seasons(dates, year_start, str(temperatures.attrs.get("source", "the stack")), "degree days",
                             run)
    first = dates[0]
    day_of = tuple((day - first).days for day in dates)
    seasons = tuple((year, (season_bounds(year, year_start)[0] - first).days,
                     (season_bounds(year, year_start)[1] - first).days) for year in years)
    if temperatures.chunks is not None:
        temperatures = temperatures.chunk({"time": -1})
    result = xr.apply_ufunc(
        _degree_day_kernel, temperatures, input_core_dims=[["time"]], output_core_dims=[["index", "year"]],
        kwargs={"day_of": day_of, "n_days": day_of[-1] + 1, "seasons": seasons, "max_gap": max_gap,
                "packing": packing, "nodata": temperatures.attrs.get("nodata"),
                "source": str(temperatures.attrs.get("source", ""))},
        dask="parallelized", output_dtypes=[np.float32],
        dask_gufunc_kwargs={"output_sizes": {"index": 2, "year": len(years)}})
    return result.assign_coords(index=["ddf", "ddt"], year=list(years)).transpose("index", "year", "y", "x")


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
