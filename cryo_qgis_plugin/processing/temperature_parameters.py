"""SCALE, OFFSET and UNITS: how the algorithms that read temperatures turn stored values into °C."""
from __future__ import annotations

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingParameterEnum,
                       QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..compat import NUMBER_DOUBLE
from ..core.io.temperature import UNITS as UNIT_OPTIONS, Packing
from .parameters import with_help

PACKING_HELP = QT_TRANSLATE_NOOP(  # in a help text: translated(PACKING_HELP)
    "CryoAlgorithm",
    "<p>Stored values become °C as value × SCALE + OFFSET, minus 273.15 when UNITS = kelvin (MODIS LST: SCALE "
    "0.02, UNITS kelvin; its 0 = no retrieval is the band's nodata). Nodata and NaN are missing days. "
    "Temperatures outside −100..100 °C after this conversion are refused with the likely cause (Kelvin read as "
    "°C, a missing SCALE).</p>")


# names of the shared parameters (interfaces: tests/contract); algorithms use them as class attributes
SCALE = "SCALE"
OFFSET = "OFFSET"
UNITS = "UNITS"


def add_packing_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    """SCALE, OFFSET, UNITS."""
    algorithm.addParameter(with_help(
        QgsProcessingParameterNumber(SCALE, QCoreApplication.translate(
            "CryoAlgorithm", "Scale factor of stored values"), NUMBER_DOUBLE, defaultValue=1.0),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Factor the stored values are multiplied by before OFFSET is added (default 1: values are stored as "
            "temperatures). MODIS LST (MOD11/MYD11): 0.02, with UNITS = kelvin.")))
    algorithm.addParameter(with_help(
        QgsProcessingParameterNumber(OFFSET, QCoreApplication.translate(
            "CryoAlgorithm", "Offset added after scaling"), NUMBER_DOUBLE, defaultValue=0.0),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Added to the scaled values, in the units of UNITS (default 0). Use it for products packed as "
            "value × scale + offset; the 273.15 of kelvin is subtracted by UNITS, not here.")))
    algorithm.addParameter(with_help(
        QgsProcessingParameterEnum(UNITS, QCoreApplication.translate(
            "CryoAlgorithm", "Temperature units (after scale and offset)"), list(UNIT_OPTIONS),
            defaultValue="celsius", usesStaticStrings=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Units of value × SCALE + OFFSET: celsius (°C, default) or kelvin (K; 273.15 is subtracted to get "
            "°C). The algorithms compute in °C.")))


def packing_from(algorithm: QgsProcessingAlgorithm, parameters, context: QgsProcessingContext) -> Packing:
    return Packing(algorithm.parameterAsDouble(parameters, SCALE, context),
                   algorithm.parameterAsDouble(parameters, OFFSET, context),
                   algorithm.parameterAsEnumString(parameters, UNITS, context))
