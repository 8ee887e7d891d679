"""Lake polygons with their ids, from a QGIS feature source, as the core takes them."""
from __future__ import annotations

from typing import List, Tuple

from qgis.core import QgsFeatureSource, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import WKT_PREFERRED_GDAL
from ..core.io.rasterize import Polygons


def lake_polygons(source: QgsFeatureSource, lake_field: str, parameter: str = "LAKES") -> Tuple[Polygons, List[str]]:
    """The non-empty polygons of ``source`` (WKB, with the layer's CRS as WKT) and the text of their
    ``lake_field``, in feature order."""
    if source.fields().lookupField(lake_field) < 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no field {!r} (fields: {})").format(
            parameter, lake_field, ", ".join(source.fields().names())))
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no CRS; set its CRS first").format(parameter))
    features = [f for f in source.getFeatures() if not f.geometry().isEmpty()]
    shapes = Polygons([bytes(f.geometry().asWkb()) for f in features], source.sourceCrs().toWkt(WKT_PREFERRED_GDAL))
    return shapes, [str(f[lake_field]) for f in features]
