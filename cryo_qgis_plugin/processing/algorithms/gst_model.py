"""``cryo:gstmodel``: fit GST = b0 + Σ bi·LSTi by ridge regression on a station table, k-fold cross-validated."""
from __future__ import annotations

from typing import List, Sequence, Tuple

import numpy as np
from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import NUMBER_INTEGER, SOURCE_VECTOR_ANY, parameter_as_strings
from ...core.errors import Cancelled
from ...core.io.temperature import KELVIN_AT_ZERO_CELSIUS, UNITS, Packing, check_plausible_celsius
from ...core.permafrost import gst
from ...qgis_io.cells import as_value
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, logs_results
from ..parameters import with_help, with_option_labels
from ..temperature_parameters import TEMPERATURE_UNIT_LABELS


def table_rows(algorithm, parameters, context, fields: Sequence[str], feedback) -> List[Tuple]:
    """The values of ``fields`` in every feature of INPUT, as plain Python values (no layer outlives this call,
    so an error raised while parsing them cannot keep one alive past QGIS's exit). A field the table does not
    have is refused with the list of those it has; a cancel is noticed every 10,000 rows."""
    source = algorithm.parameterAsSource(parameters, algorithm.INPUT, context)
    if source is None:
        raise QgsProcessingException(
            QCoreApplication.translate("CryoAlgorithm", "INPUT is not a readable table"))
    names = source.fields().names()
    absent = [name for name in fields if name not in names]
    if absent:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "INPUT has no field {}: its fields are {}; choose GST_FIELD and LST_FIELDS among "
            "them").format(", ".join(absent), ", ".join(names)))
    rows = []
    for number, feature in enumerate(source.getFeatures()):
        if number % 10000 == 0 and feedback.isCanceled():
            raise Cancelled()
        rows.append(tuple(feature[name] for name in fields))
    return rows


class GstModelAlgorithm(CryoAlgorithm):
    GROUP = "permafrost"
    INPUT = "INPUT"
    GST_FIELD = "GST_FIELD"
    LST_FIELDS = "LST_FIELDS"
    UNITS = "UNITS"
    FOLDS = "FOLDS"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    R2 = "R2"
    RMSE = "RMSE"
    MAE = "MAE"
    PENALTY = "PENALTY"
    N_ROWS = "N_ROWS"
    N_DROPPED = "N_DROPPED"
    COEFFICIENTS = "COEFFICIENTS"

    def name(self) -> str:
        return "gstmodel"

    def displayName(self) -> str:
        return self.tr("Fit ground-surface temperature model (GST from LST)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Fits GST = b0 + Σ b<sub>i</sub>·LST<sub>i</sub> (°C) on a station table by ridge regression, as the "
            "Tarim Basin permafrost map did with the four daily MODIS/TRIMS overpasses (Terra/Aqua, day/night). "
            "Predictors are standardised; the penalty α of (1/n)‖y − ȳ − Zβ‖² + α‖β‖² is chosen among 33 values "
            "from 10⁻⁶ to 10² by FOLDS-fold cross-validation (rows shuffled with a fixed seed, so runs repeat). "
            "R2, RMSE and MAE are the cross-validated scores (°C) of the out-of-fold predictions; the coefficients "
            "are then refitted on all rows and written in original units (Hoerl &amp; Kennard 1970; Hastie et al. "
            "2009, eq. 3.44).</p>"
            "<p><b>INPUT</b>: one row per station and day (CSV, GeoPackage, any table or layer) with the measured "
            "GST and 1-4 LST fields. Rows with an empty or NULL value in any of these fields are dropped and "
            "counted in the log; inf and nan are errors. <b>UNITS</b> applies to all of them; the model is in °C. "
            "Temperatures outside −100..100 °C after UNITS are refused (e.g. Kelvin read as °C).</p>"
            "<p><b>OUTPUT_MODEL</b>: JSON with predictors (the LST field names, in order), coefficients, intercept, "
            "penalty, folds, n, r2, rmse, mae. Use it with <i>Apply GST model to LST stacks</i>.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Station table (one row per station and day)"), [SOURCE_VECTOR_ANY]),
            self.tr("Table or layer (CSV, GeoPackage, ...) with one row per station and day: the measured GST "
                    "and the LST of each overpass for that station's pixel and day. Geometries are not used.")))
        self.addParameter(with_help(
            QgsProcessingParameterField(
                self.GST_FIELD, self.tr("Measured ground-surface temperature field"),
                parentLayerParameterName=self.INPUT),
            self.tr("Field with the daily mean ground-surface temperature measured at the station (e.g. by a "
                    "logger just below the surface), in UNITS: the response of the regression.")))
        self.addParameter(with_help(
            QgsProcessingParameterField(
                self.LST_FIELDS, self.tr("LST fields (1-4 predictors, in the order of the LST stacks)"),
                parentLayerParameterName=self.INPUT, allowMultiple=True),
            self.tr("1-4 fields with the land-surface temperatures, in UNITS, e.g. Terra day, Terra night, Aqua "
                    "day, Aqua night. Their order is the model's: give the LST stacks to Apply GST model in the "
                    "same order.")))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.UNITS, self.tr("Temperature units of the table"), list(UNITS), defaultValue="celsius",
                usesStaticStrings=True), TEMPERATURE_UNIT_LABELS),
            self.tr("celsius (°C, default) or kelvin (K): the units of GST_FIELD and LST_FIELDS. Kelvin values "
                    "are converted to °C (−273.15) before the fit, so the model is always in °C.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.FOLDS, self.tr("Cross-validation folds"), NUMBER_INTEGER, defaultValue=10, minValue=2,
                maxValue=100),
            self.tr("Number k of folds (2-100, default 10) of the k-fold cross-validation that chooses the ridge "
                    "penalty and gives R², RMSE and MAE; at most the number of rows.")))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_MODEL, self.tr("GST model"), fileFilter=self.tr("JSON files (*.json)")),
            self.tr("JSON file with the predictors (LST field names, in order), coefficients, intercept, penalty "
                    "and cross-validated scores: the MODEL input of Apply GST model to LST stacks.")))
        for name, description in ((self.R2, self.tr("Cross-validated R²")),
                                  (self.RMSE, self.tr("Cross-validated RMSE (°C)")),
                                  (self.MAE, self.tr("Cross-validated MAE (°C)")),
                                  (self.PENALTY, self.tr("Chosen ridge penalty α")),
                                  (self.N_ROWS, self.tr("Rows used")),
                                  (self.N_DROPPED, self.tr("Rows dropped (missing values)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))
        self.addOutput(QgsProcessingOutputString(self.COEFFICIENTS,
                                                 self.tr("Coefficients (field=value, °C per °C)")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        target = parameter_as_strings(self, parameters, self.GST_FIELD, context)[0]
        predictors = parameter_as_strings(self, parameters, self.LST_FIELDS, context)
        if not 1 <= len(predictors) <= gst.MAX_PREDICTORS:
            raise QgsProcessingException(self.tr("Choose 1 to 4 LST fields, got {}").format(len(predictors)))
        if target in predictors:
            raise QgsProcessingException(self.tr("GST_FIELD {} is also one of the LST fields").format(target))
        fields = [target] + predictors
        rows = table_rows(self, parameters, context, fields, feedback)
        values = np.array([[as_value(v, row, name) for v, name in zip(cells, fields)]
                           for row, cells in enumerate(rows, start=1)], float).reshape(-1, len(fields))
        complete = ~np.isnan(values).any(axis=1)
        dropped = int(np.count_nonzero(~complete))
        feedback.pushInfo(self.tr("{} rows, {} dropped for missing values, {} used").format(
            len(values), dropped, int(complete.sum())))
        values = values[complete]
        units = self.parameterAsEnumString(parameters, self.UNITS, context)
        if units == "kelvin":
            values -= KELVIN_AT_ZERO_CELSIUS
        folds = self.parameterAsInt(parameters, self.FOLDS, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context)
        for i, name in enumerate(fields):
            check_plausible_celsius(values[:, i], None, "Field {} of INPUT".format(name), Packing(units=units),
                                    packed=False)
        model = gst.fit_gst_model(values[:, 0], {name: values[:, i + 1] for i, name in enumerate(predictors)},
                                  folds, run=run_for(feedback))
        gst.write_model(model, output)
        coefficients = ", ".join("{}={:.4f}".format(p, c) for p, c in zip(model.predictors, model.coefficients))
        feedback.pushInfo(self.tr("GST = {:.4f} + {}; penalty {:g}; cross-validated R² {:.3f}, RMSE {:.3f} °C, "
                                  "MAE {:.3f} °C").format(model.intercept, coefficients, model.penalty, model.r2,
                                                          model.rmse, model.mae))
        return {self.OUTPUT_MODEL: output, self.R2: model.r2, self.RMSE: model.rmse, self.MAE: model.mae,
                self.PENALTY: model.penalty, self.N_ROWS: model.n, self.N_DROPPED: dropped,
                self.COEFFICIENTS: coefficients}
