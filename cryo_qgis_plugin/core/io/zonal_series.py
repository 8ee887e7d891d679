"""A region's series through every band of a raster stack: the mean of the valid cells inside a polygon per date
(with their count), or for a class-code stack the share of each class among them.

The polygons (WKB in their own CRS) are brought into the raster's CRS (:func:`.crs_checks.geometries_in_crs`) and
burnt into a mask over their bounding window only, with GDAL's default rule: a cell belongs to the region when its
centre is inside (as :mod:`.rasterize`). That window is then read in strips of rows and blocks of bands of at most
:data:`BLOCK_BYTES`, so memory stays bounded for long stacks and large regions; nodata cells (and NaN) are left out
of each date's mean and fractions.
"""
from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from ..codes import ClassTable
from ..errors import Cancelled, CryoInputError
from .crs_checks import geometries_in_crs
from .dates import date_from_description
from .geotiff import DATE_KEY
from .grid import spatial_reference
from .pixel_series import class_table_of, readable_units

BLOCK_BYTES = 32 * 1024 * 1024  # float64 values read at once


@dataclass
class ZonalSeries:
    """Per band of ``path``: ``counts`` of valid cells (not nodata) among the ``cells`` whose centre is inside
    the region, their ``means`` (NaN where none is valid), and for a raster recording a class table, ``fractions``
    (bands x classes, in the order of the table) of the valid cells in each class."""

    path: str
    dates: Optional[List[dt.date]]  # per band; None when a band has no date
    cells: int
    counts: np.ndarray
    means: np.ndarray
    class_table: Optional[ClassTable] = None
    fractions: Optional[np.ndarray] = None
    units: str = ""


Window = Tuple[int, int, int, int]  # column, row, width, height


def zonal_series(path: str, wkb: Sequence[bytes], crs_wkt: str, progress: Optional[Callable[[float], None]] = None,
                 cancelled: Optional[Callable[[], bool]] = None, block_bytes: int = BLOCK_BYTES) -> ZonalSeries:
    """The :class:`ZonalSeries` of the polygons ``wkb`` (their union; CRS ``crs_wkt``) over the raster ``path``.

    ``progress`` gets the fraction done (0-1); ``cancelled`` is asked between reads and stops the work with
    :class:`~..errors.Cancelled`. Raises :class:`~..errors.CryoInputError` when the polygons miss the raster or
    hold no cell centre."""
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise CryoInputError("{} cannot be opened as a raster ({})".format(path, exc)) from None
    if ds is None or ds.RasterCount == 0:
        raise CryoInputError("{} cannot be opened as a raster".format(path))
    geotransform = ds.GetGeoTransform()
    if geotransform[2] or geotransform[4]:
        raise CryoInputError("{} has a rotated geotransform; warp it to a north-up grid first (e.g. gdalwarp) to "
                             "read its cells".format(path))
    raster_wkt = ds.GetProjection() or crs_wkt  # a raster without CRS is taken to be in the polygons' CRS
    geometries = [g for g in geometries_in_crs(list(wkb), crs_wkt, raster_wkt) if g is not None and not g.IsEmpty()]
    window = polygon_window(ds, geometries, path)
    mask = window_mask(geometries, raster_wkt, geotransform, window)
    cells = int(np.count_nonzero(mask))
    if cells == 0:
        raise CryoInputError("The polygon holds no cell centre of {} (cells of {:.6g} x {:.6g} in the raster's "
                             "CRS): draw a larger polygon".format(os.path.basename(path), abs(geotransform[1]),
                                                                  abs(geotransform[5])))
    table = class_table_of(ds)
    dates, nodata = _band_dates(ds), np.array([_nodata(ds.GetRasterBand(b)) for b in range(1, ds.RasterCount + 1)])
    counts, sums, per_class = _accumulate(ds, window, mask, nodata, table, progress, cancelled, block_bytes)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        fractions = None if per_class is None else np.where(counts[:, None] > 0,
                                                            per_class / np.maximum(counts, 1)[:, None], np.nan)
    band = ds.GetRasterBand(1)
    units = readable_units(band.GetMetadataItem("UNITS") or band.GetUnitType() or ds.GetMetadataItem("UNITS"))
    return ZonalSeries(path, dates, cells, counts, means, table, fractions, units)


def polygon_window(ds: gdal.Dataset, geometries: Sequence[ogr.Geometry], path: str) -> Window:
    """The raster's cells under the polygons' bounding box (clipped to the raster); raises when there are none."""
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    width, height = ds.RasterXSize, ds.RasterYSize
    if geometries:
        envelopes = np.array([g.GetEnvelope() for g in geometries])  # xmin, xmax, ymin, ymax
        xmin, xmax = envelopes[:, 0].min(), envelopes[:, 1].max()
        ymin, ymax = envelopes[:, 2].min(), envelopes[:, 3].max()
        columns = sorted(((xmin - x0) / dx, (xmax - x0) / dx))
        rows = sorted(((ymin - y0) / dy, (ymax - y0) / dy))
        c0, c1 = max(0, math.floor(columns[0])), min(width, math.ceil(columns[1]))
        r0, r1 = max(0, math.floor(rows[0])), min(height, math.ceil(rows[1]))
        if c1 > c0 and r1 > r0:
            return c0, r0, c1 - c0, r1 - r0
    x1, y1 = x0 + dx * width, y0 + dy * height
    raise CryoInputError("The polygon does not overlap {}, whose extent is x {:.10g} .. {:.10g}, y {:.10g} .. "
                         "{:.10g} (in the raster's CRS): draw or select a polygon on the raster".format(
                             os.path.basename(path), min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)))


def window_mask(geometries: Sequence[ogr.Geometry], crs_wkt: str, geotransform, window: Window) -> np.ndarray:
    """True for the cells of ``window`` whose centre is inside one of the polygons (already in ``crs_wkt``, the
    raster's CRS)."""
    column, row, width, height = window
    x0, dx, _, y0, _, dy = geotransform
    vector = ogr.GetDriverByName("Memory").CreateDataSource("region")
    layer = vector.CreateLayer("region", spatial_reference(crs_wkt), ogr.wkbUnknown)
    for geometry in geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    target = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    target.SetGeoTransform((x0 + column * dx, dx, 0.0, y0 + row * dy, 0.0, dy))
    target.SetProjection(crs_wkt)
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    return target.ReadAsArray().astype(bool)


def _accumulate(ds: gdal.Dataset, window: Window, mask: np.ndarray, nodata: np.ndarray,
                table: Optional[ClassTable], progress, cancelled, block_bytes: int):
    """Valid-cell counts and sums per band (and per class), reading strips of rows of the window in blocks of
    bands of at most ``block_bytes``."""
    column, row, width, height = window
    count = ds.RasterCount
    strip = max(1, min(height, block_bytes // (8 * width)))
    per_read = max(1, min(count, block_bytes // (8 * width * strip)))
    strips = [(r, min(height, r + strip)) for r in range(0, height, strip) if mask[r:r + strip].any()]
    counts, sums = np.zeros(count, np.int64), np.zeros(count)
    per_class = None if table is None else np.zeros((count, len(table.codes)), np.int64)
    codes = None if table is None else np.array(table.values, float)
    starts = range(0, count, per_read)
    done, total = 0, len(starts) * len(strips)
    for first in starts:
        bands = list(range(first + 1, min(count, first + per_read) + 1))
        for r0, r1 in strips:
            if cancelled is not None and cancelled():
                raise Cancelled()
            raw = ds.ReadRaster(column, row + r0, width, r1 - r0, band_list=bands, buf_type=gdal.GDT_Float64)
            values = np.frombuffer(raw, np.float64).reshape(len(bands), r1 - r0, width)[:, mask[r0:r1]]
            valid = np.isfinite(values) & (values != nodata[first:first + len(bands), None])
            counts[first:first + len(bands)] += valid.sum(axis=1)
            sums[first:first + len(bands)] += np.where(valid, values, 0.0).sum(axis=1)
            if codes is not None:
                hits = (values[:, :, None] == codes) & valid[:, :, None]  # bands x cells x classes
                per_class[first:first + len(bands)] += hits.sum(axis=1)
            done += 1
            if progress is not None:
                progress(done / total)
    return counts, sums, per_class


def _band_dates(ds: gdal.Dataset) -> Optional[List[dt.date]]:
    dates = []
    for b in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(b)
        dates.append(date_from_description(band.GetMetadataItem(DATE_KEY) or band.GetDescription()))
    return None if None in dates else dates


def _nodata(band: gdal.Band) -> float:
    """The band's nodata value as its float64 values read (NaN when it has none)."""
    value = band.GetNoDataValue()
    if value is None:
        return np.nan
    return float(np.float32(value)) if band.DataType == gdal.GDT_Float32 else value
