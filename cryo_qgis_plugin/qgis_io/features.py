"""Polygon layers handed to the core: WKB geometries in the layer's CRS (the core reprojects them)."""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeatureRequest, QgsFeatureSource, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import WKT_PREFERRED_GDAL
from ..core.io.crs_checks import LayerGeometries
from ..core.io.rasterize import Polygons


def polygons_of(source: Optional[QgsFeatureSource], parameter: str) -> Optional[Polygons]:
    """The non-empty geometries of ``source`` (None when the optional parameter is not set), named after
    ``parameter`` with their feature ids for the core's messages."""
    if source is None:
        return None
    wkb, ids = [], []
    for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        if not feature.geometry().isEmpty():
            wkb.append(bytes(feature.geometry().asWkb()))
            ids.append(feature.id())
    if not wkb:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no polygon; choose a layer with polygons or leave it empty").format(
            parameter))
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no CRS; set its CRS first").format(parameter))
    return Polygons(LayerGeometries(wkb, parameter, ids), source.sourceCrs().toWkt(WKT_PREFERRED_GDAL))
