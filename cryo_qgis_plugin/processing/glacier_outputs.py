"""``OUTPUT_GLACIERS`` of ``cryo:demdifference``: the glacier outlines with their per-glacier results, staged with
the run's other outputs (:func:`.guard.staged_sink`) and styled by mass balance (a ``.qml`` written beside a file
output, so the layer opens styled anywhere, and applied when Processing loads the layer)."""
from __future__ import annotations

import os
from typing import Optional, Sequence

from qgis.core import (QgsFeature, QgsFeatureSink, QgsFeatureSource, QgsField, QgsFields, QgsProcessingUtils)

from ..compat import double_field, integer_field, string_field
from ..core.glaciers.outline_style import outline_qml
from ..core.glaciers.per_glacier import COLUMNS, GlacierTable
from .base import SidecarStyle
from .guard import CheckedSink, staged_sink


def output_fields(source: QgsFeatureSource, id_field: Optional[str]) -> QgsFields:
    """The id (the GLACIER_ID_FIELD as it is in the source, else ``id`` = feature id) and the :data:`COLUMNS`."""
    fields = QgsFields()
    if id_field:
        field = QgsField(source.fields().field(id_field))
        if field.name() in COLUMNS[1:]:
            field.setName("id")
        fields.append(field)
    else:
        fields.append(integer_field("id"))
    for name in COLUMNS[1:-1]:
        fields.append(double_field(name))
    fields.append(string_field(COLUMNS[-1]))
    return fields


def write_glacier_outlines(algorithm, parameters, name: str, context, source: QgsFeatureSource,
                           id_field: Optional[str], feature_ids: Sequence[int], table: GlacierTable) -> str:
    """Write the outlines of ``feature_ids`` (the features the core got, in its order) with ``table``'s rows;
    returns the destination."""
    fields = output_fields(source, id_field)
    sink, destination = staged_sink(algorithm, parameters, name, context, fields, source.wkbType(),
                                    source.sourceCrs())
    rows = table.rows()
    by_feature = dict(zip(feature_ids, rows))
    for feature in source.getFeatures():
        row = by_feature.get(feature.id())
        if row is None:
            continue
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        out.setAttributes([feature[id_field] if id_field else feature.id()] + [row[c] for c in COLUMNS[1:]])
        sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
    _style(context, sink, destination, outline_qml(rows))
    return destination


def _style(context, sink, destination: str, qml: str) -> None:
    """The style beside a file output (as a sibling of its staged file, so it is put in place with it) and on the
    layer Processing loads."""
    if isinstance(sink, CheckedSink):
        with open(os.path.splitext(sink.path)[0] + ".qml", "w", encoding="utf-8") as fh:
            fh.write(qml)
    if context.willLoadLayerOnCompletion(destination):
        path = QgsProcessingUtils.generateTempFilename("glaciers_style.qml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(qml)
        processor = SidecarStyle(path)
        SidecarStyle._alive.append(processor)
        context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)
