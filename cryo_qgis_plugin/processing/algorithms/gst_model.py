"""``cryo:gstmodel``: fit GST = b0 + Σ bi·LSTi by ridge regression on a station table, k-fold cross-validated."""
from __future__ import annotations

from typing import List, Sequence, Tuple

import numpy as np
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.permafrost import gst
from ...core.io.temperature import KELVIN_AT_ZERO_CELSIUS, UNITS
from ..base import CryoAlgorithm, core_errors, logs_results
from ...qgis_io.cells import as_value


def table_rows(algorithm, parameters, context, fields: Sequence[str]) -> List[Tuple]:
    """The values of ``fields`` in every feature of INPUT, as plain Python values (no layer outlives this call,
    so an error raised while parsing them cannot keep one alive past QGIS's exit)."""
    source = algorithm.parameterAsSource(parameters, "INPUT", context)
    if source is None:
        raise QgsProcessingException(
            QCoreApplication.translate("CryoAlgorithm", "INPUT is not a readable table"))
    return [tuple(feature[name] for name in fields) for feature in source.getFeatures()]


class GstModelAlgorithm(CryoAlgorithm):
    GROUP = "permafrost"

    def name(self) -> str:
        return "gstmodel"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Fit ground-surface temperature model (GST from LST)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
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
            "counted in the log. <b>UNITS</b> applies to all of them; the model is in °C.</p>"
            "<p><b>OUTPUT_MODEL</b>: JSON with predictors (the LST field names, in order), coefficients, intercept, "
            "penalty, folds, n, r2, rmse, mae. Use it with <i>Apply GST model to LST stacks</i>.</p>")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Station table (one row per station and day)"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterField(
            "GST_FIELD", self.tr("Measured ground-surface temperature field"), parentLayerParameterName="INPUT"))
        self.addParameter(QgsProcessingParameterField(
            "LST_FIELDS", self.tr("LST fields (1-4 predictors, in the order of the LST stacks)"),
            parentLayerParameterName="INPUT", allowMultiple=True))
        self.addParameter(QgsProcessingParameterEnum(
            "UNITS", self.tr("Temperature units of the table"), list(UNITS), defaultValue="celsius",
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterNumber(
            "FOLDS", self.tr("Cross-validation folds"), QgsProcessingParameterNumber.Integer, defaultValue=10,
            minValue=2, maxValue=100))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_MODEL", self.tr("GST model"), fileFilter=self.tr("JSON files (*.json)")))
        for name, description in (("R2", self.tr("Cross-validated R²")),
                                  ("RMSE", self.tr("Cross-validated RMSE (°C)")),
                                  ("MAE", self.tr("Cross-validated MAE (°C)")),
                                  ("PENALTY", self.tr("Chosen ridge penalty α")), ("N_ROWS", self.tr("Rows used")),
                                  ("N_DROPPED", self.tr("Rows dropped (missing values)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))
        self.addOutput(QgsProcessingOutputString("COEFFICIENTS", self.tr("Coefficients (field=value, °C per °C)")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        target = self.parameterAsFields(parameters, "GST_FIELD", context)[0]
        predictors = self.parameterAsFields(parameters, "LST_FIELDS", context)
        if not 1 <= len(predictors) <= gst.MAX_PREDICTORS:
            raise QgsProcessingException(self.tr("Choose 1 to 4 LST fields, got {}").format(len(predictors)))
        if target in predictors:
            raise QgsProcessingException(self.tr("GST_FIELD {} is also one of the LST fields").format(target))
        fields = [target] + predictors
        values = np.array([[as_value(v, row, name) for v, name in zip(cells, fields)]
                           for row, cells in enumerate(table_rows(self, parameters, context, fields), start=1)], float).reshape(-1, len(fields))
        complete = ~np.isnan(values).any(axis=1)
        dropped = int(np.count_nonzero(~complete))
        feedback.pushInfo(self.tr("{} rows, {} dropped for missing values, {} used").format(
            len(values), dropped, int(complete.sum())))
        values = values[complete]
        if self.parameterAsEnumString(parameters, "UNITS", context) == "kelvin":
            values -= KELVIN_AT_ZERO_CELSIUS
        folds = self.parameterAsInt(parameters, "FOLDS", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT_MODEL", context)
        with core_errors():
            model = gst.fit_gst_model(values[:, 0], {name: values[:, i + 1] for i, name in enumerate(predictors)},
                                      folds)
            gst.write_model(model, output)
        coefficients = ", ".join("{}={:.4f}".format(p, c) for p, c in zip(model.predictors, model.coefficients))
        feedback.pushInfo(self.tr("GST = {:.4f} + {}; penalty {:g}; cross-validated R² {:.3f}, RMSE {:.3f} °C, "
                                  "MAE {:.3f} °C").format(model.intercept, coefficients, model.penalty, model.r2,
                                                          model.rmse, model.mae))
        return {"OUTPUT_MODEL": output, "R2": model.r2, "RMSE": model.rmse, "MAE": model.mae,
                "PENALTY": model.penalty, "N_ROWS": model.n, "N_DROPPED": dropped, "COEFFICIENTS": coefficients}
