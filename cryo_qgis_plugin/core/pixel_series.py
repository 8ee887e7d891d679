"""One pixel's values through every band of a raster stack: what the time-series dock plots on a map click.

A pick opens the raster, reads the pixel of every band in one GDAL request and turns each band's nodata into
NaN. What stays the same between picks of one file (band dates and labels, nodata values, class table) is read
once and kept per (path, modification time, size), because the dock reads many pixels of the same stack.

How fast a pick is depends on the file's layout: with 256 x 256 tiles GDAL decompresses one 64 KB tile per band
to get one value, about a second on an 18-year daily stack; decoded freeze/thaw stacks are therefore written
with small tiles (see :data:`.freezethaw.DECODED_TILE` and ``scripts/bench_pick.py``).
"""
from __future__ import annotations

import datetime as dt
import os
from collections import OrderedDict
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
from osgeo import gdal

from .codes import FREEZE_THAW, TABLES, ClassTable
from .dates import date_from_description
from .errors import CryoInputError
from .geotiff import CLASS_TABLE_KEY, DATE_KEY

gdal.UseExceptions()

_CACHE_SIZE = 8  # band information of this many files is kept


@dataclass
class PixelSeries:
    """The values of one pixel in every band of a raster, with what is needed to plot them."""

    path: str
    column: int
    row: int
    x: float  # the requested point, in the raster's CRS
    y: float
    dates: Optional[List[dt.date]]  # per band; None when a band has no date
    labels: List[str]  # band descriptions, "band N" for a band without one
    values: np.ndarray  # float64, one per band, NaN where the band's nodata value
    class_table: Optional[ClassTable]  # the plugin class table of the raster's values, else None


class OutsideRaster(CryoInputError):
    """The requested point is not on the raster."""


@dataclass(frozen=True)
class _BandInfo:
    dates: Optional[Tuple[dt.date, ...]]
    labels: Tuple[str, ...]
    nodata: np.ndarray  # float64 per band, NaN for a band without nodata
    class_table: Optional[ClassTable]


_cache: "OrderedDict[Tuple[str, int, int], _BandInfo]" = OrderedDict()


def read_pixel_series(path: str, x: float, y: float) -> PixelSeries:
    """The values of every band of ``path`` at the point ``(x, y)``, given in the raster's CRS.

    Raises :class:`OutsideRaster` when the point is not on the raster (the right and bottom edges are outside).
    """
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise CryoInputError("{} cannot be opened as a raster ({})".format(path, exc)) from None
    column, row = _pixel(ds, path, x, y)
    info = _band_info(ds, path)
    raw = ds.ReadRaster(column, row, 1, 1, buf_type=gdal.GDT_Float64)  # every band in one request
    values = np.frombuffer(raw, np.float64).copy()
    values[values == info.nodata] = np.nan
    return PixelSeries(path, column, row, x, y, list(info.dates) if info.dates is not None else None,
                       list(info.labels), values, info.class_table)


def class_table_of(ds: gdal.Dataset) -> Optional[ClassTable]:
    """The class table recorded in ``ds`` (metadata item ``CRYO_CLASS_TABLE``), else None.

    Freeze/thaw stacks decoded before the table was recorded are recognised by ``CRYO_PRODUCT``.
    """
    name = ds.GetMetadataItem(CLASS_TABLE_KEY)
    if name is None and ds.GetMetadataItem("CRYO_PRODUCT") == "freeze_thaw_codes":
        name = FREEZE_THAW.name
    return TABLES.get(name)


def _pixel(ds: gdal.Dataset, path: str, x: float, y: float) -> Tuple[int, int]:
    """Column and row of the cell holding ``(x, y)``."""
    x0, dx, rx, y0, ry, dy = ds.GetGeoTransform()
    if rx or ry:
        raise CryoInputError("{} has a rotated geotransform; warp it to a north-up grid first (e.g. gdalwarp) to "
                             "read its pixels".format(path))
    column, row = (x - x0) / dx, (y - y0) / dy
    if not (0 <= column < ds.RasterXSize and 0 <= row < ds.RasterYSize):  # also false for NaN
        x1, y1 = x0 + dx * ds.RasterXSize, y0 + dy * ds.RasterYSize
        raise OutsideRaster("The point ({:.10g}, {:.10g}) is outside {}, whose extent is x {:.10g} .. {:.10g}, "
                            "y {:.10g} .. {:.10g} (in the raster's CRS); pick a point on the raster".format(
                                x, y, path, min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)))
    return int(column), int(row)


def _band_info(ds: gdal.Dataset, path: str) -> _BandInfo:
    """The band information of ``ds``, from the cache when ``path`` has not changed since it was read."""
    try:
        stat = os.stat(path)
    except OSError:  # not a plain file (e.g. a /vsi path): read every time
        return _read_band_info(ds)
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    info = _cache.get(key) or _read_band_info(ds)
    _cache[key] = info
    _cache.move_to_end(key)
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return info


def _read_band_info(ds: gdal.Dataset) -> _BandInfo:
    dates, labels, nodata = [], [], []
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        description = band.GetDescription()
        labels.append(description or "band {}".format(i))
        dates.append(date_from_description(band.GetMetadataItem(DATE_KEY) or description))
        nodata.append(_nodata(band))
    return _BandInfo(None if None in dates else tuple(dates), tuple(labels), np.array(nodata, np.float64),
                     class_table_of(ds))


def _nodata(band: gdal.Band) -> float:
    """The band's nodata value as its float64 values read (NaN when it has none)."""
    value = band.GetNoDataValue()
    if value is None:
        return np.nan
    if band.DataType == gdal.GDT_Float32:  # a float32 value read as float64 equals the float32-rounded nodata
        return float(np.float32(value))
    return value
