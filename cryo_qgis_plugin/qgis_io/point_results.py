"""The per-point results of ``cryo:insardeformation`` (EGMS CSV or point-layer input) as point features."""
from __future__ import annotations

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsFields, QgsGeometry, QgsPointXY

from ..compat import double_field, string_field
from ..core.permafrost.deformation_points import PointResult
from ..core.run import Run

ID_FIELD = "pid"


def crs_from_text(text: str) -> QgsCoordinateReferenceSystem:
    """The CRS of a ``PointSeries``: an authority id (``EPSG:3035``) or WKT."""
    crs = QgsCoordinateReferenceSystem(text)
    return crs if crs.isValid() else QgsCoordinateReferenceSystem.fromWkt(text)


def point_result_fields(band_names) -> QgsFields:
    """``pid`` (the point's id in the input) and one double field per band (``velocity_mm_yr``, ...)."""
    fields = QgsFields()
    fields.append(string_field(ID_FIELD))
    for name in band_names:
        fields.append(double_field(name))
    return fields


def add_point_results(sink, result: PointResult, run: Run = Run()) -> int:
    """Add one point per input point, at its input coordinates, with its bands (NULL where not solved); the
    number added."""
    fields = point_result_fields(result.bands)
    values = result.values
    for i in range(len(result.ids)):
        if i % 10000 == 0:
            run.report(i / max(len(result.ids), 1))
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(result.xs[i]), float(result.ys[i]))))
        feature.setAttributes([str(result.ids[i])] + [float(v) if np.isfinite(v) else None for v in values[:, i]])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
    return len(result.ids)
