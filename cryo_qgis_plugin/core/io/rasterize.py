"""Burn polygons into a grid (cell centres inside, as GDAL's default rasterisation)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

import numpy as np
from osgeo import gdal, ogr

from .crs_checks import geometries_in_crs
from .grid import Grid, spatial_reference


@dataclass(frozen=True)
class Polygons:
    """Polygons as WKB geometries in the CRS ``crs_wkt`` (``wkb`` may be a :class:`.crs_checks.LayerGeometries`
    that names the layer and the features in messages)."""

    wkb: Sequence[bytes]
    crs_wkt: str


def polygon_labels(grid: Grid, wkb_geometries: Sequence[bytes], crs_wkt: Optional[str] = None) -> np.ndarray:
    """Cells whose centre lies in polygon ``i`` get ``i + 1`` (0 outside every polygon; where polygons overlap
    the later one wins; uint16, or uint32 for 65,535 polygons or more). Geometries are WKB in ``crs_wkt``
    (default: the grid's CRS); a layer whose coordinates do not fit its CRS is refused (:mod:`.crs_checks`)."""
    grid_srs = spatial_reference(grid.crs_wkt)
    geometries = geometries_in_crs(wkb_geometries, crs_wkt, grid.crs_wkt)
    vector = ogr.GetDriverByName("Memory").CreateDataSource("polygons")
    layer = vector.CreateLayer("polygons", grid_srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger64))
    for i, geometry in enumerate(geometries):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        feature.SetField("label", i + 1)
        layer.CreateFeature(feature)
    kind = gdal.GDT_UInt16 if len(wkb_geometries) < 65535 else gdal.GDT_UInt32
    target = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, kind)
    target.SetGeoTransform(grid.geotransform)
    target.SetProjection(grid.crs_wkt)
    gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=label"])
    return target.ReadAsArray()


def polygon_mask(grid: Grid, wkb_geometries: Iterable[bytes], crs_wkt: Optional[str] = None) -> np.ndarray:
    """True where a cell centre falls inside one of the polygons (WKB in ``crs_wkt``, default the grid's)."""
    if not isinstance(wkb_geometries, Sequence):
        wkb_geometries = list(wkb_geometries)
    return polygon_labels(grid, wkb_geometries, crs_wkt) > 0


def polygons_area_m2(wkb_geometries: Sequence[bytes], crs_wkt: str, grid: Grid) -> float:
    """Planar area of the union of the polygons in the grid's CRS (m² for a metric projected CRS)."""
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for geometry in geometries_in_crs(wkb_geometries, crs_wkt, grid.crs_wkt):
        union = union.Union(geometry)
    return union.GetArea()
