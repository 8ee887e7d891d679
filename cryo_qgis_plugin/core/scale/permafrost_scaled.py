"""Permafrost on dask: freezing and thawing degree days of a daily temperature DataArray ``(time, y, x)``.

Each tile holds the whole record in time and runs :class:`~..permafrost.degreedays.DegreeDayState` day by day, as
the one-process :func:`~..permafrost.degreedays.degree_days` does for a row block: every pixel's sums depend on its
own values only (gaps filled per pixel), so the indices are the one-process numbers bit for bit whatever the tiles.
"""
from __future__ import annotations

from typing import Tuple

import numpy as np

from ..io.dates import season_bounds, whole_seasons
from ..io.temperature import Packing
from ..optional import require
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
