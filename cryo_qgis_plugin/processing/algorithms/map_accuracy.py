"""``cryo:mapaccuracy``: confusion matrix, overall accuracy and Cohen's kappa of a classified raster."""
from __future__ import annotations

from typing import List, Optional, Tuple

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsMapLayerType,
                       QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterField, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QVariant

from ...core.stats import accuracy
from ..base import CryoAlgorithm, core_errors, logs_results, translated
from ...qgis_io.cells import as_value


def _reference_features(layer, field: str) -> Tuple[List[bytes], List[Optional[int]], str]:
    """WKB, integer class (None for NULL) and CRS of a vector reference, as plain values."""
    index = layer.fields().lookupField(field)
    if index < 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The reference layer has no field {!r} (fields: {}); set FIELD").format(
            field, ", ".join(layer.fields().names())))
    wkb, classes = [], []
    for row, feature in enumerate(layer.getFeatures(), start=1):
        if feature.geometry().isEmpty():
            continue
        number = as_value(feature[index], row, field)
        if np.isnan(number):
            classes.append(None)
        elif number != int(number):
            raise QgsProcessingException(QCoreApplication.translate(
                "CryoAlgorithm", "Row {}: the reference class {} in field {} is not an integer").format(
                row, number, field))
        else:
            classes.append(int(number))
        wkb.append(bytes(feature.geometry().asWkb()))
    return wkb, classes, layer.crs().toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)


# why cells were left out (keys of core.accuracy's Accuracy.excluded), for the log
EXCLUSION_REASONS = {
    "map_nodata": QT_TRANSLATE_NOOP("CryoAlgorithm", "map nodata"),
    "reference_nodata": QT_TRANSLATE_NOOP("CryoAlgorithm", "reference nodata"),
    "not_in_classes": QT_TRANSLATE_NOOP("CryoAlgorithm", "not in CLASSES"),
    "outside_map": QT_TRANSLATE_NOOP("CryoAlgorithm", "outside the map"),
}


def _cell(value):
    """A plain Python value for a table cell: numpy numbers refuse to go into a sink, NaN becomes NULL."""
    if value is None or isinstance(value, str):
        return value
    value = float(value)
    return None if np.isnan(value) else value


def _table_fields(classes: List[int]) -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("map_class", QVariant.String))
    for c in classes:
        fields.append(QgsField("ref_{}".format(c), QVariant.Double))
    fields.append(QgsField("total", QVariant.Double))
    fields.append(QgsField("users_accuracy", QVariant.Double))
    return fields


class MapAccuracy(CryoAlgorithm):
    GROUP = "validation"

    def name(self) -> str:
        return "mapaccuracy"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Map accuracy (confusion matrix, overall accuracy, kappa)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>Compares a classified raster (INPUT) with a reference: a raster (resampled onto INPUT's grid by "
            "nearest neighbour when needed), polygons (cell centres inside take the polygon's FIELD value) or "
            "points (each compared with the INPUT cell it falls in), in any CRS. Cells with nodata on either "
            "side are left out and counted in the log.</p>"
            "<p>With the confusion matrix m (rows: map classes, columns: reference classes) and N = Σm: overall "
            "accuracy OA = Σ m<sub>ii</sub> / N; Cohen's kappa = (OA − p<sub>e</sub>) / (1 − p<sub>e</sub>) with "
            "p<sub>e</sub> = Σ row<sub>i</sub>·column<sub>i</sub> / N² (Cohen 1960; Congalton &amp; Green 2009); "
            "user's accuracy of a class = m<sub>ii</sub> / row total, producer's accuracy = m<sub>ii</sub> / "
            "column total.</p>"
            "<p><b>CLASSES</b> merges classes before comparing, e.g. <tt>1:1;2,3:0</tt> compares permafrost (1) "
            "against everything else of the TTOP classes; classes it does not list are left out. It applies to the "
            "reference too unless REFERENCE_CLASSES is given (for a reference coded differently).</p>"
            "<p>OUTPUT_TABLE: one row per map class with the counts per reference class, the row total and the "
            "user's accuracy, then a row of column totals, a row of producer's accuracies, and the overall accuracy "
            "and kappa (in the total column).</p>")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", self.tr("Classified map")))
        self.addParameter(QgsProcessingParameterMapLayer(
            "REFERENCE", self.tr("Reference (raster, polygons or points)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            "FIELD", self.tr("Reference class field (vector reference)"), parentLayerParameterName="REFERENCE",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CLASSES", self.tr("Class grouping, e.g. 1:1;2,3:0 (empty: compare classes as they are)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "REFERENCE_CLASSES", self.tr("Reference class grouping (empty: the same as CLASSES)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_TABLE", self.tr("Confusion matrix"), QgsProcessing.TypeVector))
        for name, description in (("OVERALL_ACCURACY", self.tr("Overall accuracy")),
                                  ("KAPPA", self.tr("Cohen's kappa")),
                                  ("N", self.tr("Cells (or points) compared")),
                                  ("N_EXCLUDED", self.tr("Cells left out"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        map_path = self.parameterAsRasterLayer(parameters, "INPUT", context).source()
        with core_errors():
            grouping = accuracy.parse_grouping(self.parameterAsString(parameters, "CLASSES", context))
            reference_text = self.parameterAsString(parameters, "REFERENCE_CLASSES", context).strip()
            reference_grouping = accuracy.parse_grouping(reference_text) if reference_text else grouping
        result = self._compare(parameters, context, map_path, grouping, reference_grouping)
        for reason, count in result.excluded.items():
            if count:
                reason_text = translated(EXCLUSION_REASONS[reason]) if reason in EXCLUSION_REASONS else \
                    reason.replace("_", " ")
                feedback.pushInfo(self.tr("Left out: {} ({})").format(count, reason_text))
        feedback.pushInfo(self.tr("N = {}, overall accuracy {:.4f}, kappa {:.4f}").format(result.n, result.overall,
                                                                                          result.kappa))
        fields = _table_fields(result.classes)
        sink, table = self.parameterAsSink(parameters, "OUTPUT_TABLE", context, fields, QgsWkbTypes.NoGeometry)
        users, producers = result.users, result.producers
        rows = [[str(c)] + result.matrix[i].tolist() + [int(result.matrix[i].sum()), users[i]]
                for i, c in enumerate(result.classes)]
        rows.append(["total"] + result.matrix.sum(axis=0).tolist() + [result.n, None])
        rows.append(["producers_accuracy"] + producers.tolist() + [None, None])
        blank = [None] * len(result.classes)
        rows.append(["overall_accuracy"] + blank + [result.overall, None])
        rows.append(["kappa"] + blank + [result.kappa, None])
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([_cell(v) for v in row])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return {"OUTPUT_TABLE": table, "OVERALL_ACCURACY": result.overall, "KAPPA": result.kappa, "N": result.n,
                "N_EXCLUDED": int(sum(result.excluded.values()))}

    def _compare(self, parameters, context, map_path: str, grouping, reference_grouping) -> accuracy.Accuracy:
        layer = self.parameterAsLayer(parameters, "REFERENCE", context)
        if layer is None:
            raise QgsProcessingException(self.tr("REFERENCE is not a readable raster or vector layer"))
        if layer.type() == QgsMapLayerType.RasterLayer:
            reference_path = layer.source()
            del layer
            with core_errors():
                return accuracy.accuracy_against_raster(map_path, reference_path, grouping, reference_grouping)
        field = (self.parameterAsFields(parameters, "FIELD", context) or [""])[0]
        if not field:
            raise QgsProcessingException(self.tr("A vector REFERENCE needs FIELD: the field holding its classes"))
        features = _reference_features(layer, field)
        del layer
        with core_errors():
            return accuracy.accuracy_against_features(map_path, *features, grouping, reference_grouping)
