"""``cryo:altimetrydifference``: repeat altimetry points of two epochs -> gridded elevation-change rate."""
from __future__ import annotations

import os

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterCrs, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination)
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import (FIELD_ANY, FIELD_NUMERIC, FILE_BEHAVIOR_FILE, FILE_BEHAVIOR_FOLDER, NUMBER_DOUBLE,
                       SOURCE_VECTOR_POINT, WKT_PREFERRED_GDAL)
from ...core.errors import Cancelled
from ...core.glaciers import altimetry, altimetry_granules
from ...qgis_io.cells import as_date, is_null
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, SidecarStyle, logs_results
from ..parameters import with_help
from ..stack_parameters import is_given


def _field_index(source, field: str, parameter: str, hint: str) -> int:
    """Index of ``field`` in ``source``, or an error naming the layer ``parameter`` and the field, with ``hint``
    (how to choose it)."""
    index = source.fields().lookupField(field)
    if index < 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no field {!r}: {}").format(parameter, field, hint))
    return index


def date_field_of(sources) -> str:
    """The name of a date or date-time field that every layer of ``sources`` has ("" when there is none)."""
    names = [[f.name() for f in source.fields() if f.isDateOrTime()] for source in sources]
    common = [name for name in names[0] if all(name in others for others in names[1:])]
    return common[0] if common else ""


def read_points(source, field: str, parameter: str, feedback, date_field: str = "") -> altimetry.Points:
    """Coordinates (in the layer's CRS), elevations and, with ``date_field``, acquisition days of every point of
    ``source`` (multipoints: each part); the elevation is ``field``, or the geometry's Z when ``field`` is empty."""
    request = QgsFeatureRequest()
    index = _field_index(source, field, parameter, QCoreApplication.translate(
        "CryoAlgorithm", "choose the elevation field of both epochs, or leave ELEVATION_FIELD empty to use the "
        "points' Z")) if field else -1
    date_index = _field_index(source, date_field, parameter, QCoreApplication.translate(
        "CryoAlgorithm", "choose a date field of both epochs as DATE_FIELD, or give YEARS")) if date_field else -1
    attributes = [i for i in (index, date_index) if i >= 0]
    if attributes:
        request.setSubsetOfAttributes(attributes)
    else:
        request.setNoAttributes()
    xs, ys, zs, days = [], [], [], []
    skipped = 0
    for number, feature in enumerate(source.getFeatures(request)):
        if number % 10000 == 0 and feedback.isCanceled():
            raise Cancelled()
        value = feature.attributes()[index] if field else None
        day = float("nan")
        if date_field and not is_null(feature.attributes()[date_index]):
            day = float(as_date(feature.attributes()[date_index], number + 1, date_field).toordinal())
        for vertex in feature.geometry().vertices():
            elevation = value if field else vertex.z()
            try:
                zs.append(float(elevation))
            except (TypeError, ValueError):
                skipped += 1
                continue
            xs.append(vertex.x())
            ys.append(vertex.y())
            days.append(day)
    if skipped:
        feedback.pushWarning(QCoreApplication.translate(
            "CryoAlgorithm", "{}: {} point(s) without a numeric elevation were skipped").format(parameter, skipped))
    if not zs:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no point with an elevation").format(parameter))
    crs = source.sourceCrs().toWkt(WKT_PREFERRED_GDAL)
    return altimetry.Points(np.array(xs), np.array(ys), np.array(zs), crs, np.array(days) if date_field else None)


GRANULE_FILTER = "ICESat/ICESat-2 granules (*.h5 *.H5 *.hdf5 *.he5);;All files (*)"


class AltimetryDifference(CryoAlgorithm):
    GROUP = "glaciers"
    EPOCH1 = "EPOCH1"
    EPOCH2 = "EPOCH2"
    EPOCH1_FILES = "EPOCH1_FILES"
    EPOCH2_FILES = "EPOCH2_FILES"
    EPOCH1_FOLDER = "EPOCH1_FOLDER"
    EPOCH2_FOLDER = "EPOCH2_FOLDER"
    ELEVATION_FIELD = "ELEVATION_FIELD"
    CELL_SIZE = "CELL_SIZE"
    CRS = "CRS"
    YEARS = "YEARS"
    DATE_FIELD = "DATE_FIELD"
    OUTLIER_NMAD = "OUTLIER_NMAD"
    OUTPUT = "OUTPUT"
    MEAN_RATE = "MEAN_RATE"
    N_CELLS = "N_CELLS"
    # the three ways to give each epoch: a point layer, granule file(s) (a folder from scripts), a folder picked
    SOURCES = {EPOCH1: (EPOCH1, EPOCH1_FILES, EPOCH1_FOLDER), EPOCH2: (EPOCH2, EPOCH2_FILES, EPOCH2_FOLDER)}
    REQUIRES_FOR_SOME_INPUTS = ("h5py",)  # granules (HDF5); point layers need nothing more

    def name(self) -> str:
        return "altimetrydifference"

    def displayName(self) -> str:
        return self.tr("Altimetry points to gridded elevation change")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Grids the elevation change between two epochs of repeat altimetry points (ICESat, ICESat-2, "
            "CryoSat-2 POCA, airborne lidar): in each cell of CELL_SIZE metres of a projected CRS, <b>rate = (median "
            "of the EPOCH2 elevations − median of the EPOCH1 elevations) / YEARS</b>, for cells with points of both "
            "epochs (cell-median gridding as in Sørensen et al. 2011, The Cryosphere 5, 173-186). OUTPUT has two "
            "bands: the rate in m per year (nodata −9999) and the number of points used (both epochs).</p>"
            "<p>Each epoch is a point layer (EPOCH1, EPOCH2) or granules as NSIDC delivers them: an ICESat-2 ATL06 "
            "or ATL11 or ICESat GLAH12 HDF5 file (EPOCH1_FILES, EPOCH2_FILES; scripts may give a granule or a "
            "folder as EPOCH1/EPOCH2 too) or a folder of them (EPOCH1_FOLDER, EPOCH2_FOLDER). From granules only "
            "measurements with quality flag 0 (atl06_quality_summary, quality_summary, elev_use_flg) and no fill "
            "value are used, heights above the WGS84 ellipsoid (GLAH12 moved from TOPEX/Poseidon), dated by their "
            "delta_time.</p>"
            "<p>Elevations of layers come from ELEVATION_FIELD, or from the points' Z when it is empty; points are "
            "reprojected to CRS (default: the EPOCH1 layer's CRS, which must then be projected; for granules in "
            "EPOCH1: EPSG:3413 north of 60°N, EPSG:3031 south of 60°S, else the UTM zone of the points' centre, "
            "named in the log). With OUTLIER_NMAD k &gt; 0, points farther than k NMAD from the median of their "
            "cell and epoch are dropped before the medians (cells with at least 3 points; removes cloud returns). "
            "The grid is aligned on multiples of CELL_SIZE. Results: MEAN_RATE (mean over the cells with a rate) and "
            "N_CELLS.</p>"
            "<p>YEARS is the time between the epochs; left empty, it is the difference of the mean acquisition dates "
            "of the two epochs' points (granules: their times; layers: DATE_FIELD, or a date field both layers "
            "have). Elevations that are fill values (−9999, 3.4e38, ...) or outside −500..9,000 m are left out and "
            "counted in the log.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.EPOCH1, self.tr("Epoch 1 points (earlier)"), [SOURCE_VECTOR_POINT], optional=True),
            self.tr("Altimetry points of the earlier epoch (e.g. ICESat footprints), in any CRS; multipoints count "
                    "each part. Its CRS is the grid's when CRS is empty. Or give granules as EPOCH1_FILES or "
                    "EPOCH1_FOLDER (scripts may give a granule or a folder of granules here).")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.EPOCH2, self.tr("Epoch 2 points (later)"), [SOURCE_VECTOR_POINT], optional=True),
            self.tr("Altimetry points of the later epoch (e.g. ICESat-2 ATL06), in any CRS, with the elevation in "
                    "the same field (or Z) and vertical datum as EPOCH1. Or give granules as EPOCH2_FILES or "
                    "EPOCH2_FOLDER.")))
        for files, folder, epoch in ((self.EPOCH1_FILES, self.EPOCH1_FOLDER, self.tr("Epoch 1")),
                                     (self.EPOCH2_FILES, self.EPOCH2_FOLDER, self.tr("Epoch 2"))):
            self.addParameter(with_help(
                QgsProcessingParameterFile(
                    files, self.tr("{}: …or an ICESat-2 ATL06/ATL11 or ICESat GLAH12 granule").format(epoch),
                    FILE_BEHAVIOR_FILE, optional=True, fileFilter=GRANULE_FILTER),
                self.tr("An HDF5 granule as downloaded from NSIDC (ICESat-2 ATL06 or ATL11, ICESat GLAH12), instead "
                        "of a point layer; scripts may give a folder of granules here too. Measurements with "
                        "quality flag 0 and no fill value are used, with their dates.")))
            self.addParameter(with_help(
                QgsProcessingParameterFile(
                    folder, self.tr("{}: …or a folder of granules").format(epoch), FILE_BEHAVIOR_FOLDER,
                    optional=True),
                self.tr("A folder of ICESat-2 ATL06/ATL11 or ICESat GLAH12 granules (.h5, subfolders included), "
                        "instead of a point layer or one granule.")))
        self.addParameter(with_help(
            QgsProcessingParameterField(
                self.ELEVATION_FIELD, self.tr("Elevation field, in both layers (empty: the points' Z)"),
                parentLayerParameterName=self.EPOCH1, type=FIELD_NUMERIC, optional=True),
            self.tr("Numeric field with the elevation in metres, present under this name in both layers; points "
                    "without a numeric value are skipped. Empty: the Z coordinate of the points.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.CELL_SIZE, self.tr("Cell size (m)"), NUMBER_DOUBLE, defaultValue=500.0, minValue=1.0),
            self.tr("Side of the square grid cells in metres (≥ 1, default 500); the grid is aligned on multiples "
                    "of it. Larger cells hold more points of both epochs but blur the pattern of change.")))
        self.addParameter(with_help(
            QgsProcessingParameterCrs(
                self.CRS, self.tr("Projected CRS of the output grid (empty: the EPOCH1 layer's CRS)"),
                optional=True),
            self.tr("Projected CRS in metres for the grid, e.g. EPSG:3413 (Greenland) or EPSG:3031 (Antarctica); "
                    "both epochs are reprojected to it. Empty: the CRS of EPOCH1, which must then be projected; "
                    "with granules as epoch 1: EPSG:3413 north of 60°N, EPSG:3031 south of 60°S, else the UTM "
                    "zone of the points' centre.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.YEARS, self.tr("Years between the epochs (empty: from the dates)"), NUMBER_DOUBLE,
                optional=True, minValue=0.0),
            self.tr("Time between the two epochs in years (> 0, decimal), e.g. 2019.5 − 2005.0 = 14.5; the "
                    "difference of the medians is divided by it to give m/yr. Empty: the difference of the mean "
                    "dates of the two epochs' points (granules' times, layers' DATE_FIELD).")))
        self.addParameter(with_help(
            QgsProcessingParameterField(
                self.DATE_FIELD, self.tr("Acquisition date field, in both layers (for YEARS)"),
                parentLayerParameterName=self.EPOCH1, type=FIELD_ANY, optional=True),
            self.tr("Field with each point's acquisition date (date, date-time or YYYY-MM-DD text), present under "
                    "this name in both layers: when YEARS is empty, YEARS = (mean date of EPOCH2 − mean date of "
                    "EPOCH1) / 365.25 days. Empty: a date or date-time field both layers have, if any.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.OUTLIER_NMAD, self.tr("Outlier threshold in NMAD within a cell (0 = no filtering)"),
                NUMBER_DOUBLE, defaultValue=3.0, minValue=0.0),
            self.tr("k ≥ 0, default 3: in each cell and epoch with at least 3 points, points farther than k NMAD "
                    "from the median are dropped before the medians (removes cloud returns). 0: no filtering.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Elevation change rate (m/yr)")),
            self.tr("Float32 GeoTIFF with two bands: the elevation change rate in m/yr and the number of points "
                    "used (both epochs); cells without points of both epochs are nodata (−9999).")))
        self.addOutput(QgsProcessingOutputNumber(
            self.MEAN_RATE, self.tr("Mean rate over the cells with a rate (m/yr)")))
        self.addOutput(QgsProcessingOutputNumber(self.N_CELLS, self.tr("Cells with points of both epochs")))

    # ---------------------------------------------------------------------- which source each epoch comes from

    def effective_parameters(self, parameters):
        """A granule or folder of granules given as EPOCH1/EPOCH2 (scripts) moves to EPOCH1_FILES/EPOCH2_FILES, and
        a folder of EPOCHn_FOLDER too (that parameter accepts a folder), when they are free."""
        parameters = dict(parameters)
        for layer, files, folder in self.SOURCES.values():
            value = parameters.get(layer)
            if isinstance(value, str) and value.strip() and altimetry_granules.is_granule_path(value.strip()) \
                    and not is_given(parameters.get(files)) and not is_given(parameters.get(folder)):
                parameters[files], parameters[layer] = value.strip(), None
            if is_given(parameters.get(folder)) and not is_given(parameters.get(files)) \
                    and not is_given(parameters.get(layer)):
                parameters[files], parameters[folder] = parameters[folder], None
        return parameters

    def required_modules(self, parameters, context):
        """h5py when an epoch is given as granules."""
        parameters = self.effective_parameters(parameters)
        granules = [n for _, files, folder in self.SOURCES.values() for n in (files, folder)
                    if is_given(parameters.get(n))]
        return self.REQUIRES + (("h5py",) if granules else ())

    def source_problem(self, parameters) -> str:
        """Why the epochs' sources cannot be used ('' when each epoch has exactly one)."""
        for epoch, names in self.SOURCES.items():
            given = [name for name in names if is_given(parameters.get(name))]
            if len(given) > 1:
                return self.tr("{} is given more than once ({}): give each epoch once, as a point layer, a granule "
                               "or a folder of granules, and leave the others empty").format(epoch, ", ".join(given))
            if not given:
                return self.tr("No {0} points: give a point layer ({1}), an ICESat-2 ATL06/ATL11 or ICESat GLAH12 "
                               "granule ({2}) or a folder of granules ({3})").format(epoch, *names)
        return ""

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """Exactly one source per epoch; a granule or folder given as EPOCH1/EPOCH2 is checked as a granule (QGIS
        would try to load it as a layer), a folder as EPOCHn_FILES by its first granule."""
        parameters = self.effective_parameters(parameters)
        problem = self.source_problem(parameters)
        if problem:
            return False, problem
        for _, files, _ in self.SOURCES.values():
            path = parameters.get(files)
            if isinstance(path, str) and os.path.isdir(path):
                if not altimetry_granules.is_granule_path(path):
                    return False, self.tr("The folder {} ({}) holds no HDF5 granule (.h5)").format(path, files)
                parameters[files] = altimetry_granules.granule_files(path)[0]
        return super().checkParameterValues(parameters, context)

    def layers(self, parameters, context):
        """``{epoch: feature source}`` of the epochs given as point layers."""
        layers = {}
        for epoch in self.SOURCES:
            if is_given(parameters.get(epoch)):
                layers[epoch] = self.parameterAsSource(parameters, epoch, context)
                if layers[epoch] is None:
                    raise QgsProcessingException(self.invalidSourceError(parameters, epoch))
        return layers

    def epoch_points(self, parameters, context, feedback, layers, field: str, date_field: str, run):
        """``{epoch: Points}`` from the epochs' layers or granules."""
        points = {}
        for epoch, (_, files, _) in self.SOURCES.items():
            if epoch in layers:
                points[epoch] = read_points(layers[epoch], field, epoch, feedback, date_field)
            else:
                points[epoch] = altimetry_granules.read_granules(
                    self.parameterAsFile(parameters, files, context), epoch, run)
        return points

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        problem = self.source_problem(parameters)
        if problem:
            raise QgsProcessingException(problem)
        field = self.parameterAsString(parameters, self.ELEVATION_FIELD, context)
        layers = self.layers(parameters, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid() and self.EPOCH1 in layers:
            crs = layers[self.EPOCH1].sourceCrs()
            if crs.isGeographic():
                raise QgsProcessingException(self.tr(
                    "EPOCH1 is in geographic coordinates ({}): choose a projected CRS for the grid (e.g. EPSG:3413 "
                    "for Greenland)").format(crs.authid()))
        years = self.parameterAsDouble(parameters, self.YEARS, context) \
            if parameters.get(self.YEARS) not in (None, "") else None
        date_field = self.parameterAsString(parameters, self.DATE_FIELD, context)
        if date_field and years:
            feedback.pushWarning(self.tr("Both YEARS and DATE_FIELD are given: the dates are used"))
            years = None
        if (date_field or field) and not layers:
            feedback.pushWarning(self.tr("ELEVATION_FIELD and DATE_FIELD are not used: both epochs are granules, "
                                         "with their own heights and times"))
        if not years and not date_field and layers:
            date_field = date_field_of(layers.values())
            if not date_field:
                raise QgsProcessingException(self.tr(
                    "YEARS is not set and the layers have no date field: give YEARS (the time between the epochs, in "
                    "years) or a date field (DATE_FIELD) present in both layers"))
            feedback.pushInfo(self.tr("YEARS from the mean dates of field {}").format(date_field))
        run = run_for(feedback)
        points = self.epoch_points(parameters, context, feedback, layers, field, date_field, run)
        if not crs.isValid():
            authid, label = altimetry_granules.grid_crs_for([p for epoch, p in points.items() if epoch not in layers])
            crs = QgsCoordinateReferenceSystem(authid)
            feedback.pushInfo(self.tr("CRS is empty: the grid is in {} ({}), chosen from the centre of the granules' "
                                      "points").format(authid, label))
        feedback.pushInfo(self.tr("Points: {} in epoch 1, {} in epoch 2").format(points[self.EPOCH1].z.size,
                                                                                 points[self.EPOCH2].z.size))
        feedback.setProgress(50)
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if feedback.isCanceled():
            raise Cancelled()
        result = altimetry.altimetry_rate(points[self.EPOCH1], points[self.EPOCH2], cell_size,
                                          crs.toWkt(WKT_PREFERRED_GDAL), years or None,
                                          self.parameterAsDouble(parameters, self.OUTLIER_NMAD, context), run=run)
        altimetry.write_rate(output, result, result.years)
        feedback.pushInfo(self.tr("{} cells with a rate; mean {:.3f} m/yr").format(result.cells, result.mean_rate))
        SidecarStyle.attach(context, output)
        return {self.OUTPUT: output, self.MEAN_RATE: result.mean_rate, self.N_CELLS: result.cells}
