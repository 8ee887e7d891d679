"""One pixel's values through every band of a raster stack: what the time-series dock plots on a map click.

A pick reads the pixel of every band in one GDAL request and turns each band's nodata into NaN. The dock reads
many pixels of the same stacks, so a raster stays open between picks with what does not change (band dates and
labels, nodata values, class table), as long as the file is unchanged (same modification time and size).

How fast a pick is depends on the file's layout: GDAL decompresses one tile per band to get one value, 64 KB
with 256 x 256 tiles, which makes a pick through an 18-year daily stack (6,570 bands) take 0.2-0.4 s;
decoded freeze/thaw stacks are therefore written with 96 x 96 tiles (:data:`.freezethaw.DECODED_TILE`,
figures in ``scripts/bench_pick.py``).
"""
from __future__ import annotations

import atexit
import datetime as dt
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
from osgeo import gdal

from ..codes import FREEZE_THAW, TABLES, ClassTable
from .dates import date_from_description
from ..errors import CryoInputError
from .geotiff import CLASS_TABLE_KEY, DATE_KEY, UNITS_KEY

_KEPT_OPEN = 4  # rasters kept open between picks
# units as files record them (UDUNITS/CF spellings, lower case) -> as a person reads them on a plot axis
READABLE_UNITS = {"degc": "°C", "deg c": "°C", "degree_celsius": "°C", "degrees_celsius": "°C", "celsius": "°C",
                  "degc days": "°C·d", "degc day": "°C·d", "degc d": "°C·d", "degc.d": "°C·d", "kelvin": "K",
                  "percent": "%", "days": "day", "d": "day", "metre": "m", "meter": "m", "metres": "m",
                  "meters": "m", "mm yr-1": "mm/yr", "m yr-1": "m/yr", "km2": "km²", "1": ""}


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
    units: str = ""  # the unit of the values as a person reads it (:func:`readable_units`), "" when unknown


class OutsideRaster(CryoInputError):
    """The requested point is not on the raster."""


@dataclass(frozen=True)
class _BandInfo:
    dates: Optional[Tuple[dt.date, ...]]
    labels: Tuple[str, ...]
    nodata: np.ndarray  # float64 per band, NaN for a band without nodata
    class_table: Optional[ClassTable]
    units: str


class _OpenRaster:
    """A raster kept open between picks, with its band information. It is opened :data:`_READERS` times, and a
    pick reads a share of the bands through each in its own thread (GDAL releases the GIL: on 2 cores a 6,570-band
    pick takes 80 ms instead of 115). ``lock`` serialises picks: a GDAL dataset must not be used by two threads at
    once, and the dock reads in background tasks."""

    def __init__(self, path: str) -> None:
        try:
            self.datasets = list(_POOL.map(lambda _: gdal.Open(path), range(_READERS)))
        except RuntimeError as exc:
            raise CryoInputError("{} cannot be opened as a raster ({})".format(path, exc)) from None
        self.ds = self.datasets[0]
        self.info = _read_band_info(self.ds)
        self.lock = threading.Lock()

    def read(self, column: int, row: int) -> np.ndarray:
        """Every band's value at the cell, as float64."""
        count = self.ds.RasterCount
        bounds = np.linspace(1, count + 1, min(len(self.datasets), count) + 1).astype(int)
        parts = _POOL.map(lambda k: self.datasets[k].ReadRaster(
            column, row, 1, 1, band_list=list(range(bounds[k], bounds[k + 1])), buf_type=gdal.GDT_Float64),
            range(len(bounds) - 1))
        return np.frombuffer(b"".join(parts), np.float64).copy()


_READERS = 2
_POOL = ThreadPoolExecutor(_READERS, thread_name_prefix="pixel-series")
_open: "OrderedDict[Tuple[str, int, int], _OpenRaster]" = OrderedDict()
_open_lock = threading.Lock()


def close_all() -> None:
    """Close the rasters kept open: the plugin's unload, a test session's end, and at exit."""
    with _open_lock:
        _open.clear()


def read_pixel_series(path: str, x: float, y: float) -> PixelSeries:
    """The values of every band of ``path`` at the point ``(x, y)``, given in the raster's CRS.

    Raises :class:`OutsideRaster` when the point is not on the raster (the right and bottom edges are outside).
    """
    raster = _opened(path)
    with raster.lock:
        column, row = _pixel(raster.ds, path, x, y)
        values = raster.read(column, row)
    info = raster.info
    values[values == info.nodata] = np.nan
    return PixelSeries(path, column, row, x, y, list(info.dates) if info.dates is not None else None,
                       list(info.labels), values, info.class_table, info.units)


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


def _opened(path: str) -> _OpenRaster:
    """``path`` open, reused while the file is unchanged (same modification time and size): opening a
    6,570-band GeoTIFF twice and reading its band dates costs 100-200 ms, a pick on an open one about 50 ms. The
    :data:`_KEPT_OPEN` most recently picked files stay open."""
    try:
        stat = os.stat(path)
    except OSError:  # not a plain file (e.g. a /vsi path): opened for this pick only
        return _OpenRaster(path)
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    with _open_lock:
        raster = _open.get(key)
    if raster is None:
        raster = _OpenRaster(path)
        # Exit handlers run last registered first: (re-)registering here puts closing these datasets before the
        # clean-up of a GDAL user that started earlier (QgsApplication.exitQgis in scripts and tests), which
        # would otherwise free GDAL first and corrupt the heap when the datasets are closed.
        atexit.unregister(close_all)
        atexit.register(close_all)
    with _open_lock:
        for stale in [k for k in _open if k[0] == key[0] and k != key]:  # the file was rewritten
            del _open[stale]
        _open[key] = raster
        _open.move_to_end(key)
        while len(_open) > _KEPT_OPEN:
            _open.popitem(last=False)
    return raster


def readable_units(text: Optional[str]) -> str:
    """A recorded unit as a person reads it on an axis: "degC" -> "°C", "degC days" -> "°C·d"; others as given."""
    text = (text or "").strip()
    return READABLE_UNITS.get(text.lower(), text)


def _read_band_info(ds: gdal.Dataset) -> _BandInfo:
    dates, labels, nodata, units = [], [], [], set()
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        description = band.GetDescription()
        labels.append(description or "band {}".format(i))
        dates.append(date_from_description(band.GetMetadataItem(DATE_KEY) or description))
        nodata.append(_nodata(band))
        units.add(band.GetMetadataItem(UNITS_KEY) or band.GetUnitType() or "")
    return _BandInfo(None if None in dates else tuple(dates), tuple(labels), np.array(nodata, np.float64),
                     class_table_of(ds), _units(ds, units))


def _units(ds: gdal.Dataset, band_units: set) -> str:
    """The unit of every band: the bands' own (metadata item ``UNITS``, else the unit type) when they agree, ""
    when they differ (e.g. a velocity band in mm/yr beside a count); the dataset's ``UNITS`` item when no band
    has one (rasters written before band units were set)."""
    known = band_units - {""}
    if known:
        return readable_units(known.pop()) if band_units == known and len(known) == 1 else ""
    return readable_units(ds.GetMetadataItem(UNITS_KEY))


def _nodata(band: gdal.Band) -> float:
    """The band's nodata value as its float64 values read (NaN when it has none)."""
    value = band.GetNoDataValue()
    if value is None:
        return np.nan
    if band.DataType == gdal.GDT_Float32:  # a float32 value read as float64 equals the float32-rounded nodata
        return float(np.float32(value))
    return value
