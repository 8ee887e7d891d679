"""``cryo:mapaccuracy``: confusion matrix, overall accuracy and Cohen's kappa of a classified raster."""
from __future__ import annotations

from typing import List, Optional, Tuple

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureSink, QgsFields, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterMapLayer, QgsProcessingParameterRasterLayer,
                       QgsProcessingParameterString, QgsRasterLayer)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...compat import (SOURCE_RASTER, SOURCE_VECTOR_ANY, SOURCE_VECTOR_POINT, SOURCE_VECTOR_POLYGON, WKB_NO_GEOMETRY,
                       WKT_PREFERRED_GDAL, double_field, parameter_as_strings, string_field)
from ...core.errors import Cancelled
from ...core.io.crs_checks import LayerGeometries
from ...core.stats import accuracy
from ...qgis_io.cells import as_value
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, logs_results, translated
from ..guard import staged_sink
from ..stack_parameters import is_given
from ..parameters import with_help


def _reference_features(layer, field: str, name: str,
                        feedback) -> Tuple[LayerGeometries, List[Optional[int]], str]:
    """WKB (named ``name``, with the feature ids), integer class (None for NULL) and CRS of a vector reference
    (a layer or a feature source), as plain values."""
    index = layer.fields().lookupField(field)
    if index < 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The reference layer has no field {!r} (fields: {}); set FIELD").format(
            field, ", ".join(layer.fields().names())))
    wkb, classes, ids = [], [], []
    for row, feature in enumerate(layer.getFeatures(), start=1):
        if row % 1000 == 0 and feedback is not None and feedback.isCanceled():
            raise Cancelled()
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
        ids.append(feature.id())
    return LayerGeometries(wkb, name, ids), classes, layer.sourceCrs().toWkt(WKT_PREFERRED_GDAL)


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
    fields.append(string_field("map_class"))
    for c in classes:
        fields.append(double_field("ref_{}".format(c)))
    fields.append(double_field("total"))
    fields.append(double_field("users_accuracy"))
    return fields


class MapAccuracy(CryoAlgorithm):
    GROUP = "validation"
    INPUT = "INPUT"
    REFERENCE = "REFERENCE"
    REFERENCE_VECTOR = "REFERENCE_VECTOR"
    FIELD = "FIELD"
    CLASSES = "CLASSES"
    REFERENCE_CLASSES = "REFERENCE_CLASSES"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OVERALL_ACCURACY = "OVERALL_ACCURACY"
    KAPPA = "KAPPA"
    N = "N"
    N_EXCLUDED = "N_EXCLUDED"

    def name(self) -> str:
        return "mapaccuracy"

    def displayName(self) -> str:
        return self.tr("Map accuracy (confusion matrix, overall accuracy, kappa)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Compares a classified raster (INPUT) with a reference: a raster (REFERENCE, resampled onto INPUT's "
            "grid by nearest neighbour when needed), or polygons or points (REFERENCE_VECTOR with the class field "
            "FIELD: cell centres inside a polygon take its class, a point is compared with the INPUT cell it falls "
            "in), in any CRS. Give one of REFERENCE and REFERENCE_VECTOR. Cells with nodata on either side are left "
            "out and counted in the log.</p>"
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

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Classified map")),
            self.tr("Raster of integer classes to assess, e.g. OUTPUT_CLASSES of TTOP permafrost model. The "
                    "comparison is made on its grid; its nodata cells are left out.")))
        self.addParameter(with_help(
            QgsProcessingParameterMapLayer(
                self.REFERENCE, self.tr("Reference raster"), types=[SOURCE_RASTER], optional=True),
            self.tr("Reference classes as a raster in any CRS, resampled onto INPUT by nearest neighbour when "
                    "needed. For polygons or points use REFERENCE_VECTOR instead (scripts may still give a vector "
                    "file here, with FIELD).")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.REFERENCE_VECTOR, self.tr("Reference polygons or points"),
                [SOURCE_VECTOR_POLYGON, SOURCE_VECTOR_POINT], optional=True),
            self.tr("Reference classes as polygons (the cells whose centre lies inside take the polygon's class) "
                    "or points (each compared with the INPUT cell it falls in), in any CRS, with their class in "
                    "FIELD. Give this or REFERENCE, not both.")))
        self.addParameter(with_help(
            QgsProcessingParameterField(
                self.FIELD, self.tr("Reference class field (vector reference)"),
                parentLayerParameterName=self.REFERENCE_VECTOR, optional=True),
            self.tr("Field with the integer class of each polygon or point; needed for a vector reference, not "
                    "used for a raster. Empty (NULL) values count as reference nodata.")))
        self.addParameter(with_help(
            QgsProcessingParameterString(
                self.CLASSES, self.tr("Class grouping, e.g. 1:1;2,3:0 (empty: compare classes as they are)"),
                optional=True),
            self.tr("Groups separated by semicolons, each the classes (comma separated) before a colon and their "
                    "new class after it: 1:1;2,3:0 compares class 1 with classes 2 and 3 merged into 0. Classes it "
                    "does not list are left out.")))
        self.addParameter(with_help(
            QgsProcessingParameterString(
                self.REFERENCE_CLASSES, self.tr("Reference class grouping (empty: the same as CLASSES)"),
                optional=True),
            self.tr("A grouping written like CLASSES, for a reference whose codes differ from the map's, e.g. "
                    "10,11:1;20,30:0. Empty: CLASSES applies to the reference too.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, self.tr("Confusion matrix"), SOURCE_VECTOR_ANY),
            self.tr("Table without geometry: one row per map class with the counts per reference class (ref_1, "
                    "ref_2, ...), the row total and the user's accuracy, then the rows total, producers_accuracy, "
                    "overall_accuracy and kappa.")))
        for name, description in ((self.OVERALL_ACCURACY, self.tr("Overall accuracy")),
                                  (self.KAPPA, self.tr("Cohen's kappa")),
                                  (self.N, self.tr("Cells (or points) compared")),
                                  (self.N_EXCLUDED, self.tr("Cells left out"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            message = self._reference_problem(parameters)
        return (False, message) if message else (ok, message)

    def _reference_problem(self, parameters) -> str:
        """Why the reference parameters cannot be used ('' when exactly one reference is given)."""
        given = [name for name in (self.REFERENCE, self.REFERENCE_VECTOR) if is_given(parameters.get(name))]
        if len(given) == 1:
            return ""
        return self.tr("Give one reference: REFERENCE (a raster) or REFERENCE_VECTOR (polygons or points, with "
                       "their class in FIELD); {}").format(
            self.tr("both are given, leave one empty") if given else self.tr("none is given"))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        map_path = self.parameterAsRasterLayer(parameters, self.INPUT, context).source()
        grouping = accuracy.parse_grouping(self.parameterAsString(parameters, self.CLASSES, context))
        reference_text = self.parameterAsString(parameters, self.REFERENCE_CLASSES, context).strip()
        reference_grouping = accuracy.parse_grouping(reference_text) if reference_text else grouping
        result = self._compare(parameters, context, map_path, grouping, reference_grouping, feedback)
        for reason, count in result.excluded.items():
            if count:
                reason_text = translated(EXCLUSION_REASONS[reason]) if reason in EXCLUSION_REASONS else \
                    reason.replace("_", " ")
                feedback.pushInfo(self.tr("Left out: {} ({})").format(count, reason_text))
        feedback.pushInfo(self.tr("N = {}, overall accuracy {:.4f}, kappa {:.4f}").format(result.n, result.overall,
                                                                                          result.kappa))
        fields = _table_fields(result.classes)
        sink, table = staged_sink(self, parameters, self.OUTPUT_TABLE, context, fields, WKB_NO_GEOMETRY)
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
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_TABLE: table, self.OVERALL_ACCURACY: result.overall, self.KAPPA: result.kappa,
                self.N: result.n, self.N_EXCLUDED: int(sum(result.excluded.values()))}

    def _compare(self, parameters, context, map_path: str, grouping, reference_grouping,
                 feedback) -> accuracy.Accuracy:
        problem = self._reference_problem(parameters)
        if problem:
            raise QgsProcessingException(problem)
        run = run_for(feedback)
        if is_given(parameters.get(self.REFERENCE_VECTOR)):
            layer, name = self.parameterAsSource(parameters, self.REFERENCE_VECTOR, context), self.REFERENCE_VECTOR
        else:
            layer, name = self.parameterAsLayer(parameters, self.REFERENCE, context), self.REFERENCE
        if layer is None:
            raise QgsProcessingException(self.tr("{} is not a readable raster or vector layer").format(name))
        if isinstance(layer, QgsRasterLayer):
            reference_path = layer.source()
            del layer
            return accuracy.accuracy_against_raster(map_path, reference_path, grouping, reference_grouping,
                                                    run=run)
        field = (parameter_as_strings(self, parameters, self.FIELD, context) or [""])[0]
        if not field:
            raise QgsProcessingException(self.tr("A vector reference needs FIELD: the field holding its classes"))
        features = _reference_features(layer, field, name, feedback)
        del layer
        return accuracy.accuracy_against_features(map_path, *features, grouping, reference_grouping, run=run)
