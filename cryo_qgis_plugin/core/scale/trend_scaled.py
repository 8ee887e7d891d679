"""Per-pixel trends on dask: :func:`~..stats.trend.trend_statistics` (Sen, Mann-Kendall, OLS) on each tile of a
``(year, y, x)`` DataArray. Every statistic is a reduction over the years of one pixel, so tiles in space give the
one-process numbers exactly."""
from __future__ import annotations

from typing import Sequence, Tuple

import numpy as np

from ..io.grid import Grid
from ..optional import require
from ..run import Run
from ..stats.trend import (TREND_BANDS, TREND_NODATA, YearlyBand, checked_series, trend_statistics, trend_style,
                           trend_writer)


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


def _read_band(path: str, band: int, rows: Tuple[int, int], cols: Tuple[int, int]) -> np.ndarray:
    """Rows and columns of one yearly band as float64, NaN where nodata (as :func:`~..stats.trend.trend_raster`)."""
    from osgeo import gdal

    ds = gdal.Open(path)
    source = ds.GetRasterBand(band)
    data = source.ReadAsArray(cols[0], rows[0], cols[1] - cols[0], rows[1] - rows[0]).astype(np.float64)
    nodata = source.GetNoDataValue()
    if nodata is not None:
        data[data == nodata] = np.nan
    return data


def lazy_yearly_bands(bands: Sequence[YearlyBand], grid: Grid, chunk: int = 512):
    """The yearly bands as a lazy float64 DataArray ``(year, y, x)`` read by the workers in ``chunk`` tiles."""
    da = require("dask.array")
    xr = require("xarray")
    read = require("dask").delayed(_read_band, pure=True)
    rows = [(r, min(r + chunk, grid.height)) for r in range(0, grid.height, chunk)]
    cols = [(c, min(c + chunk, grid.width)) for c in range(0, grid.width, chunk)]
    tiles = [[[da.from_delayed(read(b.path, b.band, r, c), (r[1] - r[0], c[1] - c[0]), np.float64)
               for c in cols] for r in rows] for b in bands]
    return xr.DataArray(da.stack([da.block(year) for year in tiles]), dims=("year", "y", "x"),
                        coords={"year": [b.year for b in bands]})


def trend_with_dask(bands: Sequence[YearlyBand], output_path: str, min_years: int = 5, client=None,
                    run: Run = Run(), chunk: int = 512) -> Grid:
    """:func:`~..stats.trend.trend_raster` computed by dask (on ``client``'s cluster, or dask's threads when None):
    the same GeoTIFF, bands and style."""
    from .cluster import fetched, persisted

    grid = checked_series(bands, min_years)[1]
    years = [b.year for b in bands]
    result = trend(lazy_yearly_bands(bands, grid, chunk), years, min_years)
    result = persisted(client, result, run, 0.0, 0.9)
    with trend_writer(output_path, grid, years) as out:
        largest = 0.0
        for b, key in enumerate(TREND_BANDS, start=1):
            run.report(0.9 + 0.1 * b / len(TREND_BANDS))
            band = result.sel(statistic=key)
            values = np.asarray(fetched(client, band).values)
            out.write_band(b, 0, values)
            if key == "sen_slope":
                slopes = values[values != TREND_NODATA]
                largest = float(np.abs(slopes).max()) if slopes.size else 0.0
        out.style_qml = trend_style(largest)
    return grid
