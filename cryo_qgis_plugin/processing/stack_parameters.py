"""Parameters shared by the algorithms that read a daily stack, and their translation to a core Stack."""
from __future__ import annotations

import os
from typing import Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingParameterCrs, QgsProcessingParameterEnum,
                       QgsProcessingParameterExtent, QgsProcessingParameterFile, QgsProcessingParameterString)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QVariant

from ..compat import FILE_BEHAVIOR_FILE, FILE_BEHAVIOR_FOLDER
from ..core.io.dates import parse_iso_date
from ..core.io.grid import Georeference
from ..core.io.passes import PASS_CHOICES
from ..core.io.stack import Stack, is_hdf5_source, open_stack
from .base import CryoAlgorithm
from .parameters import advanced, with_calendar, with_help, with_option_labels

STACK_HELP = QT_TRANSLATE_NOOP(  # in a help text: translated(STACK_HELP)
    "CryoAlgorithm",
    "<p><b>Input</b>: one HDF5 file (a 3-D dataset time x row x column, or a 2-D grid for one day), a folder "
    "of daily HDF5 or GeoTIFF files whose names carry the date as YYYYMMDD or YYYYDDD "
    "(e.g. AMSR_20070125_FT_25.h5), or a multi-band GeoTIFF/netCDF whose band descriptions are ISO dates "
    "(as this plugin writes them), or a netCDF/HDF4 variable (MODIS .hdf files; folders of them are dated by "
    "AYYYYDDD in their names). HDF5 files carry no georeferencing: they are placed on the global 0.25° "
    "EPSG:4326 grid (1440 x 720, row 0 at 90°N) unless an extent and CRS are given; SMAP granules on the "
    "EASE-Grid 2.0 (EPSG:6933 global, EPSG:6931 north, 36 or 9 km) and NSIDC-0477 on the EASE-Grid 1.0 are "
    "recognised by their shape and name.</p>")


# names of the shared parameters (interfaces: tests/contract); algorithms use them as class attributes
INPUT = "INPUT"
INPUT_FOLDER = "INPUT_FOLDER"
DATASET = "DATASET"
START_DATE = "START_DATE"
EXTENT = "EXTENT"
CRS = "CRS"
PASS = "PASS"

PASS_LABELS = {
    "auto": QT_TRANSLATE_NOOP("CryoAlgorithm", "Automatic (combined for granules with AM and PM)"),
    "am": QT_TRANSLATE_NOOP("CryoAlgorithm", "AM: descending pass, about 6 am local time"),
    "pm": QT_TRANSLATE_NOOP("CryoAlgorithm", "PM: ascending pass, about 6 pm local time"),
    "combined": QT_TRANSLATE_NOOP("CryoAlgorithm", "Combined: AM where valid, else PM"),
}


def add_stack_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    """INPUT, INPUT_FOLDER, DATASET, START_DATE, EXTENT, CRS.

    INPUT (a file; a folder path is accepted too, as scripts give it) and INPUT_FOLDER (a folder, chosen with the
    dialog's folder picker) are both optional for the widgets; :class:`StackAlgorithm` requires exactly one."""
    algorithm.addParameter(with_help(
        QgsProcessingParameterFile(INPUT, QCoreApplication.translate(
            "CryoAlgorithm", "Daily grids in one file (HDF5, or multi-band GeoTIFF/netCDF)"),
            FILE_BEHAVIOR_FILE, optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "A file holding the daily grids; for a folder of daily files use INPUT_FOLDER (scripts may give the "
            "folder here too). Give INPUT or INPUT_FOLDER. Dates come from the file names (YYYYMMDD or YYYYDDD), "
            "the band descriptions, netCDF time, or START_DATE.")))
    algorithm.addParameter(with_help(
        QgsProcessingParameterFile(INPUT_FOLDER, QCoreApplication.translate(
            "CryoAlgorithm", "…or a folder of daily files (HDF5 or GeoTIFF)"), FILE_BEHAVIOR_FOLDER, optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "A folder of daily HDF5 or GeoTIFF files whose names carry the date as YYYYMMDD or YYYYDDD, instead "
            "of INPUT. Give INPUT or INPUT_FOLDER.")))
    add_stack_options(algorithm)


def is_given(value) -> bool:
    """Whether an optional parameter has a value (the dialog gives an empty one as None, "" or a NULL QVariant)."""
    return value is not None and value != "" and not (isinstance(value, QVariant) and value.isNull())


def stack_input_problem(parameters) -> str:
    """Why INPUT / INPUT_FOLDER cannot be used ('' when exactly one of them is given)."""
    given = [name for name in (INPUT, INPUT_FOLDER) if is_given(parameters.get(name))]
    if len(given) == 1:
        return ""
    if given:
        return QCoreApplication.translate(
            "CryoAlgorithm", "INPUT and INPUT_FOLDER are both given: give the daily grids once, as a file (INPUT) "
            "or as a folder (INPUT_FOLDER), and leave the other empty")
    return QCoreApplication.translate(
        "CryoAlgorithm", "No input: give the daily grids as a file (INPUT: HDF5, multi-band GeoTIFF/netCDF) or "
        "as a folder of daily files (INPUT_FOLDER)")


def with_input_folder(parameters):
    """``parameters`` with INPUT_FOLDER, when given, moved into INPUT (which accepts a folder)."""
    if not is_given(parameters.get(INPUT_FOLDER)):
        return parameters
    if is_given(parameters.get(INPUT)):
        raise QgsProcessingException(stack_input_problem(parameters))
    return dict(parameters, **{INPUT: parameters[INPUT_FOLDER], INPUT_FOLDER: None})


def add_stack_options(algorithm: QgsProcessingAlgorithm) -> None:
    """DATASET, START_DATE, EXTENT, CRS, PASS: how to read stacks whose files do not say it themselves."""
    algorithm.addParameter(with_help(
        QgsProcessingParameterString(DATASET, QCoreApplication.translate(
            "CryoAlgorithm", "HDF5 dataset or netCDF variable (empty: the only grid in the file)"), optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Name of the grid to read in every file: an HDF5 dataset path such as /Geophysical_Data/ft (the "
            "leading / may be left out), a netCDF variable (inside netCDF-4 groups: "
            "/Freeze_Thaw_Retrieval_Data_Global/transition_direction) or an HDF4 subdataset (MODIS: LST_Day_1km). "
            "The last part of the path alone (transition_direction) is enough when only one group has it. Needed "
            "only when a file holds more than one 2-D or 3-D grid; not used for GeoTIFF.")))
    algorithm.addParameter(with_help(with_calendar(
        QgsProcessingParameterString(START_DATE, QCoreApplication.translate(
            "CryoAlgorithm", "Date of the first grid, YYYY-MM-DD (only for files whose grids carry no date)"),
            optional=True)),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Date (YYYY-MM-DD) of the first grid of a 3-D HDF5 dataset or of a multi-band raster whose bands carry "
            "no dates; the grids that follow are taken as consecutive days. Leave empty when the file names, band "
            "descriptions or netCDF time give the dates.")))
    algorithm.addParameter(advanced(with_help(
        QgsProcessingParameterExtent(EXTENT, QCoreApplication.translate(
            "CryoAlgorithm", "Extent of grids stored without georeferencing (empty: global 0.25° grid)"),
            optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Outer bounds (xmin, xmax, ymin, ymax, in the units of CRS) of grids that carry no georeferencing, "
            "such as HDF5: the rectangle is divided evenly into the grid's cells, row 0 at the top. Empty: the "
            "global 0.25° EPSG:4326 grid (1440 x 720 cells). Files with their own georeferencing keep it."))))
    algorithm.addParameter(advanced(with_help(
        QgsProcessingParameterCrs(CRS, QCoreApplication.translate(
            "CryoAlgorithm", "CRS of grids stored without georeferencing"), defaultValue="EPSG:4326",
            optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Coordinate reference system of EXTENT and of the grids without georeferencing (default EPSG:4326, "
            "longitude/latitude in degrees). A CRS other than EPSG:4326 needs EXTENT as well."))))
    algorithm.addParameter(advanced(with_help(with_option_labels(
        QgsProcessingParameterEnum(PASS, QCoreApplication.translate(
            "CryoAlgorithm", "Satellite pass of granules holding AM and PM (SMAP)"), list(PASS_CHOICES),
            defaultValue="auto", usesStaticStrings=True, optional=True), PASS_LABELS),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "SMAP L3 granules (freeze/thaw SPL3FTP, soil moisture) store one day as two passes of one array: am = "
            "the descending pass at about 6 am local solar time, pm = the ascending pass at about 6 pm, combined = "
            "AM where AM has a valid value, else PM. auto = combined for files with an AM/PM pass dimension, "
            "ignored for other files. Either way such a granule is ONE date (from its name, e.g. "
            "SMAP_L3_FT_P_20180616_R16020_001.h5, or START_DATE), never two consecutive days."))))


class StackAlgorithm(CryoAlgorithm):
    """An algorithm whose INPUT is a daily stack: a file, or a folder of daily files (INPUT or INPUT_FOLDER).
    Its ``processAlgorithm`` sees the folder of INPUT_FOLDER as INPUT."""

    INPUT = INPUT
    INPUT_FOLDER = INPUT_FOLDER
    DATASET = DATASET
    START_DATE = START_DATE
    EXTENT = EXTENT
    CRS = CRS
    PASS = PASS
    REQUIRES_FOR_SOME_INPUTS = ("h5py",)  # HDF5 inputs; GeoTIFF, netCDF and HDF4 are read through GDAL

    def required_modules(self, parameters, context):
        """h5py when the input (file or folder) is read as HDF5."""
        return self.REQUIRES + hdf5_needs([parameters.get(self.INPUT), parameters.get(self.INPUT_FOLDER)])

    def effective_parameters(self, parameters):
        """INPUT_FOLDER, when given, as INPUT (which accepts a folder)."""
        return with_input_folder(parameters)

    def checkParameterValues(self, parameters, context):
        """Exactly one of INPUT / INPUT_FOLDER; a folder for INPUT too: QGIS's file parameter takes files only,
        so the folder's first file stands in for it during the generic checks (the stack reader checks every
        file later)."""
        problem = stack_input_problem(parameters)
        if problem:
            return False, problem
        name = self.INPUT if is_given(parameters.get(self.INPUT)) else self.INPUT_FOLDER
        folder = parameters.get(name)
        if isinstance(folder, str) and os.path.isdir(folder):
            entries = sorted(os.listdir(folder))
            if not entries:
                if name == self.INPUT:
                    return False, self.tr("The INPUT folder {} is empty").format(folder)
                return False, self.tr("The INPUT_FOLDER folder {} is empty").format(folder)
            if name == self.INPUT:
                parameters = dict(parameters, **{self.INPUT: os.path.join(folder, entries[0])})
        elif name == self.INPUT_FOLDER and isinstance(folder, str):
            return False, self.tr("INPUT_FOLDER {} is not a folder; give a folder of daily files, or the file as "
                                  "INPUT").format(folder)
        return super().checkParameterValues(parameters, context)


def hdf5_needs(paths) -> tuple:
    """``("h5py",)`` when one of ``paths`` (files or folders; other values are passed over) is read as HDF5."""
    found = [p for p in paths if isinstance(p, str) and p.strip() and is_hdf5_source(p.strip())]
    return ("h5py",) if found else ()


def optional_date(algorithm: QgsProcessingAlgorithm, parameters, name: str,
                  context: QgsProcessingContext):
    text = algorithm.parameterAsString(parameters, name, context).strip()
    if not text:
        return None
    return parse_iso_date(text, name)


def open_stack_from_parameters(algorithm: QgsProcessingAlgorithm, parameters,
                               context: QgsProcessingContext) -> Stack:
    path = algorithm.parameterAsFile(with_input_folder(parameters), INPUT, context)
    if not path:
        raise QgsProcessingException(stack_input_problem(parameters))
    return open_stack_at(algorithm, path, parameters, context)


def open_stack_at(algorithm: QgsProcessingAlgorithm, path: str, parameters, context: QgsProcessingContext) -> Stack:
    """The stack at ``path``, read with the DATASET, START_DATE, EXTENT, CRS and PASS parameters."""
    dataset = algorithm.parameterAsString(parameters, DATASET, context).strip() or None
    start = optional_date(algorithm, parameters, START_DATE, context)
    crs: QgsCoordinateReferenceSystem = algorithm.parameterAsCrs(parameters, CRS, context)
    georef: Optional[Georeference] = None
    if parameters.get(EXTENT):
        extent = algorithm.parameterAsExtent(parameters, EXTENT, context, crs)
        if extent.isNull() or extent.isEmpty():
            raise QgsProcessingException(QCoreApplication.translate(
                "CryoAlgorithm", "EXTENT is empty; give xmin,xmax,ymin,ymax of the grid"))
        georef = Georeference((extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                              crs.toWkt())
    elif crs.isValid() and crs.authid() != "EPSG:4326":
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "A CRS other than EPSG:4326 needs an EXTENT too (the grid's bounds in that CRS)"))
    return open_stack(path, dataset, start, georef, pass_choice(algorithm, parameters, context))


def pass_choice(algorithm: QgsProcessingAlgorithm, parameters, context: QgsProcessingContext) -> str:
    """The PASS parameter ('auto' for algorithms without it)."""
    if algorithm.parameterDefinition(PASS) is None:
        return "auto"
    return algorithm.parameterAsEnumString(parameters, PASS, context) or "auto"
