"""Opening georeferenced rasters with clear errors, and reading a band on another grid."""
from __future__ import annotations

from typing import Optional, Tuple

import numpy as np
from osgeo import gdal

from ..errors import CryoInputError
from .grid import Grid


def open_raster(path: str, role: str) -> gdal.Dataset:
    """Open ``path`` (the ``role`` names it in errors): a north-up raster with a CRS."""
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise CryoInputError("The {} {} cannot be opened as a raster ({})".format(role, path, exc)) from None
    if not ds.GetProjection():
        raise CryoInputError("The {} {} has no CRS; assign one (e.g. with gdal_edit.py -a_srs) first".format(
            role, path))
    if ds.GetGeoTransform()[2] or ds.GetGeoTransform()[4]:
        raise CryoInputError("The {} {} is rotated; warp it to a north-up grid first".format(role, path))
    return ds


def read_whole_band(band: gdal.Band) -> np.ndarray:
    """The whole ``band`` as an array, its blocks read and decoded on all cores (GDAL_NUM_THREADS, set for this
    thread only; GDAL 3.6+ GeoTIFF: a 10,000 x 10,000 float32 DEM in 0.1 s instead of 0.3-0.7 s here)."""
    previous = gdal.GetThreadLocalConfigOption("GDAL_NUM_THREADS", None)
    gdal.SetThreadLocalConfigOption("GDAL_NUM_THREADS", "ALL_CPUS")
    try:
        return band.ReadAsArray()
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_NUM_THREADS", previous)


def grid_of(ds: gdal.Dataset) -> Grid:
    return Grid(ds.RasterXSize, ds.RasterYSize, tuple(ds.GetGeoTransform()), ds.GetProjection())


def band_on_grid(ds: gdal.Dataset, grid: Grid, resample: str, band: int = 1) -> Tuple[np.ndarray, Optional[float]]:
    """Band ``band`` of ``ds`` on ``grid`` (read as is when the grids match, else warped with ``resample``,
    e.g. ``near`` or ``mode`` for classes), and its nodata value."""
    nodata = ds.GetRasterBand(band).GetNoDataValue()
    if grid_of(ds).matches(grid):
        return read_whole_band(ds.GetRasterBand(band)), nodata
    xmin, ymin, xmax, ymax = grid.extent
    options = dict(format="MEM", dstSRS=grid.crs_wkt, outputBounds=(xmin, ymin, xmax, ymax), width=grid.width,
                   height=grid.height, resampleAlg=resample)
    if nodata is None:  # cells outside the source must still be recognisable
        kind = ds.GetRasterBand(band).DataType
        nodata = 0.0 if kind in (gdal.GDT_Byte, gdal.GDT_UInt16, gdal.GDT_UInt32) else -9999.0
        options["dstNodata"] = nodata
    if ds.RasterCount > 1:
        ds = gdal.Translate("", ds, format="VRT", bandList=[band])
    warped = gdal.Warp("", ds, **options)
    return warped.GetRasterBand(1).ReadAsArray(), nodata
