"""SCALE, OFFSET and UNITS: how the algorithms that read temperatures turn stored values into °C."""
from __future__ import annotations

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingParameterEnum,
                       QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.io.temperature import UNITS, Packing
from .base import core_errors

PACKING_HELP = QT_TRANSLATE_NOOP(  # in a help text: translated(PACKING_HELP)
    "CryoAlgorithm",
    "<p>Stored values become °C as value × SCALE + OFFSET, minus 273.15 when UNITS = kelvin (MODIS LST: SCALE "
    "0.02, UNITS kelvin; its 0 = no retrieval is the band's nodata). Nodata and NaN are missing days.</p>")


def add_packing_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterNumber(
        "SCALE", QCoreApplication.translate("CryoAlgorithm", "Scale factor of stored values"),
        QgsProcessingParameterNumber.Double, defaultValue=1.0))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "OFFSET", QCoreApplication.translate("CryoAlgorithm", "Offset added after scaling"),
        QgsProcessingParameterNumber.Double, defaultValue=0.0))
    algorithm.addParameter(QgsProcessingParameterEnum(
        "UNITS", QCoreApplication.translate("CryoAlgorithm", "Temperature units (after scale and offset)"),
        list(UNITS), defaultValue="celsius", usesStaticStrings=True))


def packing_from(algorithm: QgsProcessingAlgorithm, parameters, context: QgsProcessingContext) -> Packing:
    with core_errors():
        return Packing(algorithm.parameterAsDouble(parameters, "SCALE", context),
                       algorithm.parameterAsDouble(parameters, "OFFSET", context),
                       algorithm.parameterAsEnumString(parameters, "UNITS", context))
