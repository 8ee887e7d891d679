"""Per-pixel monotonic trends of yearly series: Sen's slope, Mann-Kendall test, ordinary least squares.

* Sen's slope (Sen 1968, JASA 63:1379): the median of ``(x_j - x_i) / (t_j - t_i)`` over all pairs i < j.
* Mann-Kendall (Mann 1945, Econometrica 13:245; Kendall 1975, *Rank Correlation Methods*):
  ``S = sum_{i<j} sign(x_j - x_i)``, with the tie-corrected variance
  ``Var(S) = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18`` over groups of ``t_g`` equal values,
  ``Z = (S - sign(S)) / sqrt(Var(S))`` (continuity correction) and the two-sided ``p = erfc(|Z| / sqrt 2)``.
* OLS slope: ``sum (t - mean t)(x - mean x) / sum (t - mean t)^2``.

Missing values (NaN) are left out pixel by pixel; a pixel with fewer than ``min_years`` values is nodata
in every band.
Everything is vectorised over pixels. The pairs make the work grow as years²: :func:`trend_raster` hands the
kernel chunks of pixels of about :data:`PAIR_VALUES_PER_CHUNK` pair values (a fraction of a second each) and
checks for a cancel between them.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

import numpy as np
from osgeo import gdal

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.grid import Grid
from ..io.raster import grid_of
from ..optional import require
from ..run import Run, blocks
from ..style import diverging_qml

TREND_BANDS = ("sen_slope", "mk_p", "ols_slope", "n")
TREND_NODATA = -9999.0
PAIR_VALUES_PER_CHUNK = 1 << 20  # pairs x pixels per kernel call: about 0.1 s, so a cancel is honoured quickly


def trend_statistics(values: np.ndarray, years: Sequence[float], min_years: int = 5) -> Dict[str, np.ndarray]:
    """Trend statistics of ``values`` ``(years, pixels)`` (NaN = missing): float arrays per :data:`TREND_BANDS`."""
    x = np.asarray(values, dtype=np.float64)
    t = np.asarray(years, dtype=np.float64)
    valid = ~np.isnan(x)
    n = valid.sum(axis=0)
    i, j = np.triu_indices(len(t), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        dx = x[j] - x[i]  # NaN where either value is missing
        sen = _nanmedian(dx / (t[j] - t[i])[:, np.newaxis])
        s = (dx > 0).sum(axis=0) - (dx < 0).sum(axis=0)  # NaN compares False: missing pairs count 0
        equal = (x[:, np.newaxis, :] == x[np.newaxis, :, :]).sum(axis=1)  # size of each value's tie group
        ties = np.where(valid, (equal - 1) * (2 * equal + 5), 0).sum(axis=0)
        var = (n * (n - 1) * (2 * n + 5) - ties) / 18.0
        z = np.where(var > 0, (s - np.sign(s)) / np.sqrt(var), 0.0)
        p = require("scipy.special").erfc(np.abs(z) / np.sqrt(2.0))  # scipy imported here only
        x0 = np.where(valid, x, 0.0)
        t_dev = np.where(valid, t[:, np.newaxis] - (valid * t[:, np.newaxis]).sum(axis=0) / n, 0.0)
        ols = (t_dev * (x0 - x0.sum(axis=0) / n)).sum(axis=0) / (t_dev ** 2).sum(axis=0)
    enough = n >= max(min_years, 2)
    out = {"sen_slope": sen, "mk_p": p, "ols_slope": ols, "n": n.astype(np.float64)}
    return {key: np.where(enough, value, TREND_NODATA) for key, value in out.items()}


def _nanmedian(pairs: np.ndarray) -> np.ndarray:
    """Median over axis 0 ignoring NaN (NaN where a column has none), without numpy's all-NaN warnings.

    The columns are taken pixel by pixel (contiguous) and partitioned, not sorted, around the middle of their
    valid values; columns with the same number of valid values share one partition."""
    by_column = np.ascontiguousarray(pairs.T)  # NaN order last in a partition as in a sort
    count = (~np.isnan(by_column)).sum(axis=1)
    median = np.full(by_column.shape[0], np.nan)
    for c in np.unique(count):
        if c == 0:
            continue
        columns = np.flatnonzero(count == c)
        lo, hi = (c - 1) // 2, c // 2
        middle = np.partition(by_column[columns], [lo, hi], axis=1)
        median[columns] = (middle[:, lo] + middle[:, hi]) / 2.0
    return median


@dataclass(frozen=True)
class YearlyBand:
    path: str
    band: int
    year: int


_YEAR_AT_END = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)$")
_YEAR_ANYWHERE = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


def yearly_bands(paths: Sequence[str], band_prefix: str = "") -> List[YearlyBand]:
    """The bands that make the yearly series, with their years, in time order.

    With ``band_prefix`` (e.g. ``frozen_days_``) every band whose description starts with it is taken and
    the year is the rest of the description; without it each raster must have one band, whose year is at the
    end of its description or else in its file name.
    """
    found: List[YearlyBand] = []
    for path in paths:
        try:
            ds = gdal.Open(path)
        except RuntimeError as exc:
            raise CryoInputError("{} cannot be opened as a raster ({})".format(path, exc)) from None
        descriptions = [ds.GetRasterBand(b).GetDescription() for b in range(1, ds.RasterCount + 1)]
        if band_prefix:
            for b, text in enumerate(descriptions, start=1):
                if text.startswith(band_prefix):
                    match = _YEAR_AT_END.search(text)
                    if not match:
                        raise CryoInputError("{} band {} ({!r}) has no year after the prefix {!r}".format(
                            path, b, text, band_prefix))
                    found.append(YearlyBand(path, b, int(match.group(1))))
            continue
        if len(descriptions) != 1:
            raise CryoInputError("{} has {} bands; give BAND_PREFIX (e.g. frozen_days_) to choose the yearly bands "
                                 "of a multi-band raster".format(path, len(descriptions)))
        match = _YEAR_AT_END.search(descriptions[0]) or _YEAR_ANYWHERE.search(os.path.basename(path))
        if not match:
            raise CryoInputError("Cannot tell the year of {}: put it at the end of the band description or in "
                                 "the file name".format(path))
        found.append(YearlyBand(path, 1, int(match.group(1))))
    if not found:
        raise CryoInputError("No band description starts with {!r} in {}".format(band_prefix, ", ".join(paths)))
    years = [item.year for item in found]
    duplicates = sorted({y for y in years if years.count(y) > 1})
    if duplicates:
        raise CryoInputError("The year(s) {} occur more than once in the input; give one value per year".format(
            ", ".join(map(str, duplicates))))
    return sorted(found, key=lambda item: item.year)


def trend_raster(bands: Sequence[YearlyBand], output_path: str, min_years: int = 5, run: Run = Run()) -> Grid:
    """Write Sen slope, Mann-Kendall p, OLS slope and n of the yearly series to a 4-band float32 GeoTIFF."""
    datasets, grid = checked_series(bands, min_years)
    years = [b.year for b in bands]
    n = len(bands)
    pairs = n * (n - 1) // 2
    per_pixel = 8 * (n * n + 4 * pairs + 4 * n)  # bytes the kernel holds per pixel
    row_blocks = blocks(grid.height, grid.width * (per_pixel + 8 * n), run.budget_bytes, align=256)
    chunk = int(max(1, min(run.budget_bytes // per_pixel, PAIR_VALUES_PER_CHUNK // max(1, pairs))))
    with trend_writer(output_path, grid, years) as out:
        largest_slope = 0.0
        for r0, r1 in row_blocks:
            run.report(r0 / grid.height)
            values = np.empty((n, r1 - r0, grid.width))
            for i, item in enumerate(bands):
                run.check()
                band = datasets[item.path].GetRasterBand(item.band)
                data = band.ReadAsArray(0, r0, grid.width, r1 - r0).astype(np.float64)
                nodata = band.GetNoDataValue()
                if nodata is not None:
                    data[data == nodata] = np.nan
                values[i] = data
            values = values.reshape(n, -1)
            stats = {key: np.empty(values.shape[1]) for key in TREND_BANDS}
            for c0 in range(0, values.shape[1], chunk):
                run.report((r0 + (r1 - r0) * c0 / values.shape[1]) / grid.height)
                for key, value in trend_statistics(values[:, c0:c0 + chunk], years, min_years).items():
                    stats[key][c0:c0 + chunk] = value
            for b, key in enumerate(TREND_BANDS, start=1):
                out.write_band(b, r0, stats[key].reshape(r1 - r0, grid.width))
            slopes = stats["sen_slope"][stats["sen_slope"] != TREND_NODATA]
            largest_slope = max(largest_slope, float(np.abs(slopes).max()) if slopes.size else 0.0)
        run.check()
        out.style_qml = trend_style(largest_slope)
    return grid


def checked_series(bands: Sequence[YearlyBand], min_years: int) -> Tuple[Dict[str, gdal.Dataset], Grid]:
    """The open rasters of ``bands`` and their one grid; refuses MIN_YEARS under 3, rasters on different grids
    and fewer years than MIN_YEARS (whichever engine computes)."""
    if min_years < 3:
        raise CryoInputError("MIN_YEARS must be at least 3, got {}".format(min_years))
    datasets = {path: gdal.Open(path) for path in {b.path for b in bands}}
    grid = grid_of(datasets[bands[0].path])
    for path, ds in datasets.items():
        if not grid_of(ds).matches(grid):
            raise CryoInputError("{} is on another grid than {}; every yearly raster must share one grid".format(
                path, bands[0].path))
    if len(bands) < min_years:
        raise CryoInputError("The series has {} year(s) ({}) but MIN_YEARS is {}: add years or lower MIN_YEARS"
                             .format(len(bands), ", ".join(str(b.year) for b in bands), min_years))
    return datasets, grid


def trend_writer(output_path: str, grid: Grid, years: Sequence[int]) -> GeoTiffWriter:
    """The writer of the trend GeoTIFF (:data:`TREND_BANDS`, float32, the years in the metadata); its style is set
    once the largest slope is known (:func:`trend_style`)."""
    return GeoTiffWriter(output_path, grid, TREND_BANDS, np.float32, nodata=TREND_NODATA,
                         metadata={"YEARS": ",".join(map(str, years))})


def trend_style(largest_slope: float) -> str:
    """The diverging style of the Sen slope band, symmetric about 0 up to the largest slope."""
    return diverging_qml(largest_slope or 1.0)
