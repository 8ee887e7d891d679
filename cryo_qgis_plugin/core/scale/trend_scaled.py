"""Per-pixel trends on dask: :func:`~..stats.trend.trend_statistics` (Sen, Mann-Kendall, OLS) on each tile of a
``(year, y, x)`` DataArray. Every statistic is a reduction over the years of one pixel, so tiles in space give the
one-process numbers exactly."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..optional import require
from ..stats.trend import TREND_BANDS, trend_statistics


def _trend_kernel(values: np.ndarray, years: Sequence[float], min_years: int) -> np.ndarray:
    """``(..., year)`` -> float64 ``(..., statistic)`` in the order of :data:`TREND_BANDS`."""
    space = values.shape[:-1]
    # (years, pixels) C-contiguous as the one-process path hands it over: numpy then sums over the years in the
    # same order for every pixel (a transposed view would be summed pairwise, in another order)
    stats = trend_statistics(np.ascontiguousarray(values.reshape(-1, values.shape[-1]).T), years, min_years)
    return np.stack([stats[key] for key in TREND_BANDS], axis=-1).reshape(space + (len(TREND_BANDS),))


def trend(values, years: Sequence[float], min_years: int = 5):
    """Sen slope, Mann-Kendall p, OLS slope and n of ``values`` ``(year, y, x)`` (NaN = missing): float64
    DataArray ``(statistic, y, x)``, nodata :data:`~..stats.trend.TREND_NODATA` where fewer than ``min_years``."""
    xr = require("xarray")
    if values.chunks is not None:
        values = values.chunk({"year": -1})
    result = xr.apply_ufunc(_trend_kernel, values, input_core_dims=[["year"]], output_core_dims=[["statistic"]],
                            kwargs={"years": list(years), "min_years": min_years}, dask="parallelized",
                            output_dtypes=[np.float64],
                            dask_gufunc_kwargs={"output_sizes": {"statistic": len(TREND_BANDS)}})
    return result.assign_coords(statistic=list(TREND_BANDS)).transpose("statistic", "y", "x")
