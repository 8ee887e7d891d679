"""SCALE, OFFSET and UNITS: how the algorithms that read temperatures turn stored values into °C.

SCALE and OFFSET left empty take the input's own packing (``scale_factor``/``add_offset`` of the dataset, e.g.
0.02 of MODIS LST in its HDF4 files), else 1 and 0; given values are used as they are."""
from __future__ import annotations

import os
from typing import List, Optional, Sequence, Tuple

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingParameterEnum, QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..compat import NUMBER_DOUBLE
from ..core.io.stack import Stack, stored_packing
from ..core.io.temperature import UNITS as UNIT_OPTIONS, Packing
from .parameters import with_help, with_option_labels
from .stack_parameters import DATASET, INPUT, is_given, with_input_folder

PACKING_HELP = QT_TRANSLATE_NOOP(  # in a help text: translated(PACKING_HELP)
    "CryoAlgorithm",
    "<p>Stored values become °C as value × SCALE + OFFSET, minus 273.15 when UNITS = kelvin (MODIS LST: SCALE "
    "0.02, UNITS kelvin; its 0 = no retrieval is the band's nodata). SCALE and OFFSET left empty take the file's "
    "own scale_factor and add_offset (MODIS HDF4 files say 0.02), else 1 and 0. Nodata and NaN are missing days. "
    "Temperatures outside −100..100 °C after this conversion are refused with the likely cause (Kelvin read as "
    "°C, a missing SCALE).</p>")


# names of the shared parameters (interfaces: tests/contract); algorithms use them as class attributes
SCALE = "SCALE"
OFFSET = "OFFSET"
UNITS = "UNITS"

TEMPERATURE_UNIT_LABELS = {  # also of the other temperature-unit choices (gstmodel, lakeicethickness, insar)
    "celsius": QT_TRANSLATE_NOOP("CryoAlgorithm", "Degrees Celsius (°C)"),
    "kelvin": QT_TRANSLATE_NOOP("CryoAlgorithm", "Kelvin (K)"),
}


def add_packing_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    """SCALE, OFFSET, UNITS."""
    algorithm.addParameter(with_help(
        QgsProcessingParameterNumber(SCALE, QCoreApplication.translate(
            "CryoAlgorithm", "Scale factor of stored values (empty: the file's own, else 1)"), NUMBER_DOUBLE,
            defaultValue=None, optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Factor the stored values are multiplied by before OFFSET is added. Empty (default): the scale_factor "
            "the file gives for the dataset (MODIS LST HDF4 files: 0.02), else 1 (values stored as "
            "temperatures). MODIS LST (MOD11/MYD11): 0.02, with UNITS = kelvin.")))
    algorithm.addParameter(with_help(
        QgsProcessingParameterNumber(OFFSET, QCoreApplication.translate(
            "CryoAlgorithm", "Offset added after scaling (empty: the file's own, else 0)"), NUMBER_DOUBLE,
            defaultValue=None, optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Added to the scaled values, in the units of UNITS. Empty (default): the add_offset the file gives, "
            "else 0. Use it for products packed as value × scale + offset; the 273.15 of kelvin is subtracted by "
            "UNITS, not here.")))
    algorithm.addParameter(with_help(with_option_labels(
        QgsProcessingParameterEnum(UNITS, QCoreApplication.translate(
            "CryoAlgorithm", "Temperature units (after scale and offset)"), list(UNIT_OPTIONS),
            defaultValue="celsius", usesStaticStrings=True), TEMPERATURE_UNIT_LABELS),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Units of value × SCALE + OFFSET: celsius (°C, default) or kelvin (K; 273.15 is subtracted to get "
            "°C). The algorithms compute in °C.")))


def packing_from(algorithm: QgsProcessingAlgorithm, parameters, context: QgsProcessingContext,
                 stacks: Optional[Sequence[Stack]] = None) -> Packing:
    """The packing of SCALE, OFFSET and UNITS; SCALE or OFFSET left empty take the inputs' own (of ``stacks``
    when given, else read from the INPUT files), else 1 and 0. Logs which values are used."""
    scale = _given(algorithm, parameters, SCALE, context)
    offset = _given(algorithm, parameters, OFFSET, context)
    units = algorithm.parameterAsEnumString(parameters, UNITS, context)
    if scale is not None and offset is not None:
        own = []
    elif stacks is not None:
        own = [(s.scale, s.offset) for s in stacks]
    else:
        own = _input_packings(algorithm, parameters, context)
    if len(set(own)) > 1:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The inputs are packed differently ({}): give SCALE and OFFSET").format(
                ", ".join("scale {}, offset {}".format(*p) for p in own)))
    file_scale, file_offset = own[0] if own else (None, None)
    used = Packing(scale if scale is not None else (file_scale if file_scale is not None else 1.0),
                   offset if offset is not None else (file_offset if file_offset is not None else 0.0), units)
    feedback = context.feedback()
    if feedback is not None:
        feedback.pushInfo(QCoreApplication.translate(
            "CryoAlgorithm", "Stored values read as value × {:g} + {:g} ({}; {})").format(
                used.scale, used.offset, "SCALE given" if scale is not None else (
                    "SCALE from the file" if file_scale is not None else "SCALE default 1"),
                "OFFSET given" if offset is not None else (
                    "OFFSET from the file" if file_offset is not None else "OFFSET default 0")))
    return used


def _given(algorithm: QgsProcessingAlgorithm, parameters, name: str,
           context: QgsProcessingContext) -> Optional[float]:
    if not is_given(parameters.get(name)):
        return None
    return algorithm.parameterAsDouble(parameters, name, context)


def _input_packings(algorithm: QgsProcessingAlgorithm, parameters,
                    context: QgsProcessingContext) -> List[Tuple[Optional[float], Optional[float]]]:
    """The ``(scale, offset)`` each INPUT (a file or folder, or a list of them) stores its values with."""
    definition = algorithm.parameterDefinition(INPUT)
    if definition is None:
        return []
    if definition.type() == "multilayer":
        paths = algorithm.parameterAsFileList(parameters, INPUT, context)
    else:
        paths = [algorithm.parameterAsFile(with_input_folder(parameters), INPUT, context)]
    dataset = algorithm.parameterAsString(parameters, DATASET, context).strip() or None
    return [stored_packing(path, dataset) for path in paths if path and os.path.exists(path)]
