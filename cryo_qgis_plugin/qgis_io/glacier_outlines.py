"""Glacier ids from a QGIS feature source, in the order of the outlines handed to the core."""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from qgis.core import QgsFeatureRequest, QgsFeatureSource, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import REQUEST_NO_GEOMETRY


def plain(value) -> object:
    """A field value as a plain Python value (None for NULL)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def glacier_ids(source: QgsFeatureSource, field: Optional[str], feature_ids: Sequence[int],
                parameter: str = "GLACIERS") -> List[object]:
    """The value of ``field`` for each of ``feature_ids`` (in that order; None for NULL), or the feature ids
    themselves when no field is given."""
    if not field:
        return list(feature_ids)
    if source.fields().lookupField(field) < 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no field {!r} (fields: {})").format(
            parameter, field, ", ".join(source.fields().names())))
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([field], source.fields())
    values: Dict[int, object] = {f.id(): plain(f[field]) for f in source.getFeatures(request)}
    return [values.get(fid) for fid in feature_ids]
