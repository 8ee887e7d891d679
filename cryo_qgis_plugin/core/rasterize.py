"""Burn polygons into a boolean mask of a grid (cell centres inside, as GDAL's default rasterisation)."""
from __future__ import annotations

from typing import Iterable

import numpy as np
from osgeo import gdal, ogr, osr

from .grid import Grid

gdal.UseExceptions()


def polygon_mask(grid: Grid, wkb_geometries: Iterable[bytes]) -> np.ndarray:
    """True where a cell centre falls inside one of the polygons (given as WKB in the grid's CRS)."""
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.crs_wkt)
    vector = ogr.GetDriverByName("Memory").CreateDataSource("mask")
    layer = vector.CreateLayer("mask", srs, ogr.wkbUnknown)
    for wkb in wkb_geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
        layer.CreateFeature(feature)
    target = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Byte)
    target.SetGeoTransform(grid.geotransform)
    target.SetProjection(grid.crs_wkt)
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    return target.ReadAsArray().astype(bool)
