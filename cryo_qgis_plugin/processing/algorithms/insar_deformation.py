"""``cryo:insardeformation``: InSAR displacement time series -> long-term velocity and seasonal (Stefan) component."""
from __future__ import annotations

import datetime as dt

import numpy as np
from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterString)

from ...compat import NUMBER_DOUBLE, SOURCE_VECTOR_ANY, SOURCE_VECTOR_POINT, WKB_POINT
from ...core.errors import Cancelled
from ...core.io.egms import is_point_table, read_point_csv
from ...core.io.incidence import Incidence
from ...core.io.mintpy import is_mintpy, open_displacement
from ...core.io.stack import open_stack
from ...core.io.temperature import UNITS as TEMPERATURE_UNITS
from ...core.io.temperature import Packing
from ...core.permafrost import deformation, thaw_index
from ...core.permafrost.deformation_points import deformation_points
from ...core.permafrost.temperature_stack_design import StackDesign
from ...qgis_io.cells import as_date, as_value
from ...qgis_io.point_results import add_point_results, crs_from_text, point_result_fields
from ...qgis_io.point_series import point_series_from_source
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, SidecarStyle, logs_results, refuse_overwriting_inputs
from ..guard import staged_sink
from ..option_labels import DISPLACEMENT_UNIT_LABELS, LOS_LABELS
from ..output_loading import style_signed_points_on_load
from ..parameters import with_calendar, with_help, with_month_day_calendar, with_option_labels
from ..stack_parameters import hdf5_needs
from ..temperature_parameters import TEMPERATURE_UNIT_LABELS


class InsarDeformation(CryoAlgorithm):
    GROUP = "permafrost"
    REQUIRES_FOR_SOME_INPUTS = ("h5py",)  # MintPy HDF5 inputs; GeoTIFF stacks are read through GDAL
    INPUT = "INPUT"
    INPUT_POINTS = "INPUT_POINTS"
    ID_FIELD = "ID_FIELD"
    UNITS = "UNITS"
    REFERENCE_DATE = "REFERENCE_DATE"
    TEMPERATURE = "TEMPERATURE"
    TEMPERATURE_STACK = "TEMPERATURE_STACK"
    DATE_FIELD = "DATE_FIELD"
    TEMPERATURE_FIELD = "TEMPERATURE_FIELD"
    UNITS_TEMPERATURE = "UNITS_TEMPERATURE"
    YEAR_START = "YEAR_START"
    FROST_HEAVE = "FROST_HEAVE"
    POROSITY = "POROSITY"
    SATURATION = "SATURATION"
    LOS_TO_VERTICAL = "LOS_TO_VERTICAL"
    INCIDENCE_ANGLE = "INCIDENCE_ANGLE"
    INCIDENCE_RASTER = "INCIDENCE_RASTER"
    OUTPUT = "OUTPUT"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    OUTPUT_POINTS = "OUTPUT_POINTS"
    MEDIAN_VELOCITY = "MEDIAN_VELOCITY"
    N_PIXELS = "N_PIXELS"
    MEDIAN_R2 = "MEDIAN_R2"
    DISPLACEMENT_UNITS = ("auto", "m", "mm")
    LOS_OPTIONS = ("none", "incidence_angle", "incidence_raster", "points_incidence_angle")

    def name(self) -> str:
        return "insardeformation"

    def displayName(self) -> str:
        return self.tr("InSAR ground deformation: seasonal (Stefan) and long-term components")

    def required_modules(self, parameters, context):
        """h5py when INPUT is an HDF5 (MintPy) file."""
        return self.REQUIRES + hdf5_needs([parameters.get(self.INPUT), parameters.get(self.TEMPERATURE_STACK)])

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Separates, per pixel, the seasonal deformation of the active layer from the long-term deformation "
            "of permafrost by linear least squares on the InSAR displacement time series d(t): "
            "d(t) = d0 + v·(t − t0) + e·√A<sub>T</sub>(t) [+ f·√A<sub>F</sub>(t)], with v the long-term velocity "
            "(mm/yr, t − t0 in years from the first date), e the seasonal coefficient (mm per √(°C·day)) of the "
            "Stefan solution, f the optional frost-heave coefficient (Liu, Zhang &amp; Wahr 2010, J. Geophys. Res. "
            "115, F03023; Liu et al. 2012, J. Geophys. Res. 117, F01005).</p>"
            "<p><b>Thaw index</b> A<sub>T</sub>(t): the thawing degree days Σ max(T, 0) accumulated from that "
            "year's thaw onset (the first day on or after YEAR_START, default 01-01, with a daily mean T &gt; 0 °C) "
            "to t, 0 before the onset, reset every YEAR_START. Freezing index A<sub>F</sub>: Σ max(−T, 0) from 07-01. "
            "Gaps of up to 5 days in the temperature series are filled linearly; the series must cover every "
            "InSAR date from its season's start.</p>"
            "<p><b>Outputs</b>: float32 GeoTIFF, nodata −9999, bands velocity_mm_yr, velocity_se, seasonal_coef, "
            "seasonal_coef_se, seasonal_amplitude_mm (e·√max A<sub>T</sub>), frost_heave_coef (with FROST_HEAVE), "
            "r2, rmse_mm, n_dates and alt_m with POROSITY and SATURATION: the active-layer thickness estimate "
            "ALT = |δ|·ρ<sub>i</sub>/(P·S·(ρ<sub>w</sub> − ρ<sub>i</sub>)), ρ<sub>i</sub> = 917, ρ<sub>w</sub> = "
            "1000 kg m⁻³ (Liu et al. 2012), valid only under a uniform porosity and saturation. Standard errors "
            "from the residual variance and (XᵀX)⁻¹. A pixel with fewer valid dates than unknowns + 1, or a "
            "singular design (no thaw between its dates), is nodata and counted in the log. The last band, "
            "offset_mm, is d0.</p>"
            "<p><b>Line of sight</b>: with LOS_TO_VERTICAL the displacements become vertical, d<sub>v</sub> = "
            "d<sub>los</sub> / cos θ, before the fit (the ground is assumed to move vertically only, as thaw "
            "settlement and frost heave do on gentle slopes), θ from INCIDENCE_ANGLE or INCIDENCE_RASTER.</p>"
            "<p><b>OUTPUT_MODEL</b> (optional): the fitted model at every acquisition date (mm, after the "
            "re-referencing and vertical conversion), a dated stack that the Cryo time-series dock overlays on the "
            "displacements with its long-term line and seasonal part.</p>"
            "<p><b>Points</b>: an EGMS CSV (L2a/L2b/L3 as downloaded, also zipped; dates as columns YYYYMMDD, mm) "
            "as INPUT, or a point layer whose fields are dates as INPUT_POINTS, gives the same fit per point in "
            "OUTPUT_POINTS. <b>Temperature</b>: one daily series (TEMPERATURE table) shared by every pixel, or a "
            "daily temperature stack (TEMPERATURE_STACK, e.g. the GST of cryo:lsttogst, in the CRS of INPUT) "
            "sampled at each pixel's or point's location.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.INPUT, self.tr("Displacement time series (MintPy HDF5, dated "
                                                           "GeoTIFF or EGMS CSV)"), optional=True),
            self.tr("MintPy timeseries.h5 / geo_timeseries.h5 (geocoded: X_FIRST, Y_FIRST, X_STEP, Y_STEP, EPSG or "
                    "UTM_ZONE attributes), a multi-band GeoTIFF whose band descriptions are ISO dates, or an EGMS "
                    "CSV (or its zip) with one column per date (then the results are points). Give INPUT or "
                    "INPUT_POINTS.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(self.INPUT_POINTS, self.tr("…or a point layer with one field per "
                                                                           "date"),
                                                [SOURCE_VECTOR_POINT], optional=True),
            self.tr("Points whose fields named YYYYMMDD or YYYY-MM-DD (a letter prefix such as d_20180106 is "
                    "allowed) hold the displacements; the results go to OUTPUT_POINTS.")))
        self.addParameter(with_help(
            QgsProcessingParameterField(self.ID_FIELD, self.tr("Point id field"), optional=True,
                                        parentLayerParameterName=self.INPUT_POINTS),
            self.tr("The field that names each point of INPUT_POINTS in OUTPUT_POINTS (pid); empty: the feature "
                    "id.")))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.UNITS, self.tr("Displacement units"), list(self.DISPLACEMENT_UNITS), defaultValue="auto",
                usesStaticStrings=True), DISPLACEMENT_UNIT_LABELS),
            self.tr("auto (default): MintPy's UNIT attribute (metres), mm for EGMS CSVs and point layers, m for "
                    "GeoTIFF stacks; or m or mm. Displacements beyond 10 m are refused as a units mix-up.")))
        self.addParameter(with_help(
            with_calendar(QgsProcessingParameterString(
                self.REFERENCE_DATE, self.tr("Reference date (YYYY-MM-DD)"), optional=True)),
            self.tr("Optional acquisition date to which the displacements are re-referenced (its displacement is "
                    "subtracted from every date); empty: as stored.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(self.TEMPERATURE, self.tr("Daily temperature table"),
                                                [SOURCE_VECTOR_ANY], optional=True),
            self.tr("Table (CSV, GeoPackage, ...) with one row per day: a station's or an area's daily mean "
                    "(air or ground-surface) temperature. Give TEMPERATURE or TEMPERATURE_STACK.")))
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.TEMPERATURE_STACK, self.tr("…or a daily temperature stack"),
                                       optional=True),
            self.tr("A daily temperature stack (GeoTIFF with ISO-dated bands, e.g. the GST of cryo:lsttogst, or any "
                    "stack the plugin reads) in the CRS of INPUT; each InSAR pixel takes the cell it falls in. Its "
                    "own scale factor and offset apply, then UNITS_TEMPERATURE.")))
        self.addParameter(with_help(
            QgsProcessingParameterField(self.DATE_FIELD, self.tr("Date field"), defaultValue="date",
                                        parentLayerParameterName=self.TEMPERATURE, optional=True),
            self.tr("Field with the day (a date, or text YYYY-MM-DD).")))
        self.addParameter(with_help(
            QgsProcessingParameterField(self.TEMPERATURE_FIELD, self.tr("Temperature field"), optional=True,
                                        defaultValue="temperature", parentLayerParameterName=self.TEMPERATURE),
            self.tr("Field with the daily mean temperature, in UNITS_TEMPERATURE; empty cells are missing days.")))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.UNITS_TEMPERATURE, self.tr("Temperature units"), list(TEMPERATURE_UNITS),
                defaultValue="celsius", usesStaticStrings=True), TEMPERATURE_UNIT_LABELS),
            self.tr("celsius (default) or kelvin; temperatures outside −100..100 °C after conversion are "
                    "refused.")))
        self.addParameter(with_help(
            with_month_day_calendar(QgsProcessingParameterString(
                self.YEAR_START, self.tr("Thaw season year starts on (MM-DD)"), defaultValue="01-01")),
            self.tr("The day (MM-DD) on which the thaw index is reset to 0 each year; default 01-01 (northern "
                    "hemisphere).")))
        self.addParameter(with_help(
            QgsProcessingParameterBoolean(self.FROST_HEAVE, self.tr("Fit a frost-heave term f·√A_F"),
                                          defaultValue=False),
            self.tr("Adds the freezing index column √A_F (freezing degree days from 07-01) to the model and the "
                    "frost_heave_coef band to the output.")))
        for name, label in ((self.POROSITY, self.tr("Porosity (0-1, for the active-layer thickness)")),
                            (self.SATURATION, self.tr("Saturation (0-1, for the active-layer thickness)"))):
            self.addParameter(with_help(
                QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, optional=True, minValue=0.0,
                                             maxValue=1.0),
                self.tr("Optional; with both POROSITY and SATURATION the output has the alt_m band (an estimate "
                        "for a uniform soil).")))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.LOS_TO_VERTICAL, self.tr("Line of sight to vertical"), list(self.LOS_OPTIONS),
                defaultValue="none", usesStaticStrings=True), LOS_LABELS),
            self.tr("none (default): fit the displacements as given (line of sight or already vertical); "
                    "incidence_angle: d_v = d_los / cos θ with INCIDENCE_ANGLE for the whole scene; "
                    "incidence_raster: θ of every pixel from INCIDENCE_RASTER; points_incidence_angle: θ of every "
                    "point from the incidence_angle column of an EGMS CSV. Assumes the ground moves vertically "
                    "only.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(self.INCIDENCE_ANGLE, self.tr("Incidence angle (degrees)"), NUMBER_DOUBLE,
                                         optional=True, minValue=0.0, maxValue=89.0),
            self.tr("The radar incidence angle θ of the scene, for LOS_TO_VERTICAL = incidence_angle "
                    "(Sentinel-1 IW: 29-46°; the scene centre's value).")))
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.INCIDENCE_RASTER, self.tr("Incidence angle raster (GeoTIFF or MintPy "
                                                                      "geometryGeo.h5)"), optional=True),
            self.tr("θ of every pixel in degrees, on the grid of INPUT: a GeoTIFF or MintPy's geometryGeo.h5 "
                    "(dataset incidenceAngle), for LOS_TO_VERTICAL = incidence_raster. Pixels without an angle "
                    "are nodata.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Deformation components"), optional=True),
            self.tr("Multi-band float32 GeoTIFF on the grid of INPUT, nodata −9999 (bands in the help); a "
                    "temporary file when left empty. Not written for point inputs (see OUTPUT_POINTS).")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT_MODEL, self.tr("Fitted model at every date"),
                                                    optional=True, createByDefault=False),
            self.tr("Optional: the fitted model d0 + v(t − t0) + e√A_T [+ f√A_F] (mm) at every acquisition date, "
                    "a stack with the dates of INPUT; the time-series dock overlays it on the data.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT_POINTS, self.tr("Deformation components per point"),
                                              SOURCE_VECTOR_POINT, optional=True),
            self.tr("For an EGMS CSV or INPUT_POINTS: the points with pid and the bands of OUTPUT as fields "
                    "(empty where not solved).")))
        self.addOutput(QgsProcessingOutputNumber(self.MEDIAN_VELOCITY, self.tr("Median velocity (mm/yr)")))
        self.addOutput(QgsProcessingOutputNumber(self.N_PIXELS, self.tr("Pixels fitted")))
        self.addOutput(QgsProcessingOutputNumber(self.MEDIAN_R2, self.tr("Median R²")))

    def _optional_number(self, parameters, name, context):
        value = parameters.get(name)
        if value is None or str(value).strip() in ("", "NULL", "None"):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def _temperature_series(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.TEMPERATURE, context)
        if source is None:
            raise QgsProcessingException(self.tr("TEMPERATURE is not a readable table"))
        date_field = self.parameterAsString(parameters, self.DATE_FIELD, context) or "date"
        value_field = self.parameterAsString(parameters, self.TEMPERATURE_FIELD, context) or "temperature"
        names = source.fields().names()
        absent = [n for n in (date_field, value_field) if n not in names]
        if absent:
            raise QgsProcessingException(self.tr("TEMPERATURE has no field {}: its fields are {}").format(
                ", ".join(absent), ", ".join(names)))
        dates, values = [], []
        for row, feature in enumerate(source.getFeatures(), start=1):
            if row % 10000 == 0 and feedback.isCanceled():
                raise Cancelled()
            value = as_value(feature[value_field], row, value_field)
            if not np.isnan(value):
                dates.append(as_date(feature[date_field], row, date_field))
                values.append(value)
        return dates, values

    def _incidence(self, parameters, context, grid):
        """The line of sight to vertical conversion LOS_TO_VERTICAL asks for, or None."""
        how = self.parameterAsEnumString(parameters, self.LOS_TO_VERTICAL, context) or "none"
        if how == "none":
            return None
        if how == "incidence_angle":
            angle = self._optional_number(parameters, self.INCIDENCE_ANGLE, context)
            if angle is None:
                raise QgsProcessingException(self.tr("LOS_TO_VERTICAL = incidence_angle needs INCIDENCE_ANGLE (the "
                                                     "scene's incidence angle in degrees)"))
            return Incidence(degrees=angle)
        if how == "points_incidence_angle":
            raise QgsProcessingException(self.tr("LOS_TO_VERTICAL = points_incidence_angle reads the incidence_angle "
                                                 "column of an EGMS CSV; for a raster INPUT use incidence_angle or "
                                                 "incidence_raster"))
        raster = self.parameterAsFile(parameters, self.INCIDENCE_RASTER, context)
        if not raster:
            raise QgsProcessingException(self.tr("LOS_TO_VERTICAL = incidence_raster needs INCIDENCE_RASTER (a "
                                                 "GeoTIFF of angles in degrees or MintPy's geometryGeo.h5)"))
        return Incidence(path=raster, grid=grid)

    def _design(self, parameters, context, feedback, dates, grid, packing, year_start, frost_heave):
        """The design from TEMPERATURE (one series) or TEMPERATURE_STACK (per pixel), and the stack to close."""
        stack_path = self.parameterAsFile(parameters, self.TEMPERATURE_STACK, context)
        given_table = parameters.get(self.TEMPERATURE) not in (None, "")
        if stack_path and given_table:
            raise QgsProcessingException(self.tr("Give TEMPERATURE (a daily table) or TEMPERATURE_STACK (a daily "
                                                 "stack), not both"))
        if not stack_path and not given_table:
            raise QgsProcessingException(self.tr("Give the temperature: TEMPERATURE (a daily table) or "
                                                 "TEMPERATURE_STACK (a daily stack)"))
        if not stack_path:
            days, values = self._temperature_series(parameters, context, feedback)
            feedback.pushInfo(self.tr("{} daily temperatures").format(len(values)))
            return thaw_index.design_matrix(dates, days, values, packing, year_start, frost_heave), None
        temperature = open_stack(stack_path)
        try:
            feedback.pushInfo(temperature.describe())
            stack_packing = Packing(temperature.scale or 1.0, temperature.offset or 0.0, packing.units)
            design = StackDesign(temperature, grid or temperature.grid, dates, stack_packing, year_start,
                                 frost_heave, run=run_for(feedback))
        except BaseException:
            temperature.close()
            raise
        feedback.pushInfo(design.describe())
        return design, temperature

    def _options(self, parameters, context, feedback) -> dict:
        """The fit options shared by rasters and points."""
        reference_text = (self.parameterAsString(parameters, self.REFERENCE_DATE, context) or "").strip()
        try:
            reference = dt.date.fromisoformat(reference_text) if reference_text else None
        except ValueError:
            raise QgsProcessingException(self.tr("REFERENCE_DATE must be YYYY-MM-DD, got {!r}").format(
                reference_text)) from None
        porosity = self._optional_number(parameters, self.POROSITY, context)
        saturation = self._optional_number(parameters, self.SATURATION, context)
        if (porosity is None) != (saturation is None):
            feedback.pushWarning(self.tr("Give both POROSITY and SATURATION for the active-layer thickness; "
                                         "alt_m is left out"))
            porosity = saturation = None
        return dict(reference_date=reference, frost_heave=self.parameterAsBool(parameters, self.FROST_HEAVE, context),
                    porosity=porosity, saturation=saturation)

    def _units(self, parameters, context, feedback, kind: str, stack=None) -> str:
        """UNITS, with auto resolved for the input ``kind`` (mintpy, raster, points) and logged."""
        units = self.parameterAsEnumString(parameters, self.UNITS, context) or "auto"
        if units != "auto":
            return units
        attributes = getattr(stack, "attributes", {}) or {}
        units = {"mintpy": "mm" if attributes.get("UNIT", "m").strip().lower() == "mm" else "m",
                 "points": "mm"}.get(kind, "m")
        feedback.pushInfo(self.tr("UNITS auto: {} ({}); set UNITS if this is wrong").format(units, kind))
        return units

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        points_layer = parameters.get(self.INPUT_POINTS) not in (None, "")
        if path and points_layer:
            raise QgsProcessingException(self.tr("Give INPUT (a MintPy file, a dated GeoTIFF or an EGMS CSV) or "
                                                 "INPUT_POINTS (a point layer), not both"))
        if not path and not points_layer:
            raise QgsProcessingException(self.tr("Give the displacements: INPUT (a MintPy file, a dated GeoTIFF or "
                                                 "an EGMS CSV) or INPUT_POINTS (a point layer)"))
        packing = Packing(units=self.parameterAsEnumString(parameters, self.UNITS_TEMPERATURE, context))
        year_start = self.parameterAsString(parameters, self.YEAR_START, context) or "01-01"
        options = self._options(parameters, context, feedback)
        if points_layer or is_point_table(path):
            return self._points(parameters, context, feedback, path, packing, year_start, options)
        if parameters.get(self.OUTPUT) in (None, ""):
            parameters = dict(parameters, **{self.OUTPUT: "TEMPORARY_OUTPUT"})
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        model = self.parameterAsOutputLayer(parameters, self.OUTPUT_MODEL, context) or None
        with open_displacement(path) as stack:
            feedback.pushInfo(stack.describe())
            refuse_overwriting_inputs([output] + ([model] if model else []), stack.files)
            units = self._units(parameters, context, feedback, "mintpy" if is_mintpy(path) else "raster", stack)
            design, temperature = self._design(parameters, context, feedback, stack.dates, stack.grid, packing,
                                               year_start, options["frost_heave"])
            try:
                result = deformation.deformation_raster(
                    stack, design, output, units=units, incidence=self._incidence(parameters, context, stack.grid),
                    model_path=model, run=run_for(feedback), **options)
            finally:
                if temperature is not None:
                    temperature.close()
        if result.n_unsolved:
            feedback.pushInfo(self.tr("{} pixels left nodata (too few dates or a singular design)").format(
                result.n_unsolved))
        SidecarStyle.attach(context, output)
        if model:
            SidecarStyle.attach(context, model)
        return {self.OUTPUT: output, self.OUTPUT_MODEL: model, self.MEDIAN_VELOCITY: result.median_velocity,
                self.N_PIXELS: result.n_pixels, self.MEDIAN_R2: result.median_r2}

    def _points(self, parameters, context, feedback, path, packing, year_start, options):
        """An EGMS CSV or a point layer: the fit per point, written to OUTPUT_POINTS."""
        run = run_for(feedback)
        if path:
            points = read_point_csv(path, run=run.part(0.0, 0.3))
        else:
            source = self.parameterAsSource(parameters, self.INPUT_POINTS, context)
            points = point_series_from_source(source, self.parameterAsString(parameters, self.ID_FIELD, context),
                                              self.INPUT_POINTS, run.part(0.0, 0.3))
        feedback.pushInfo(self.tr("{} points, {} dates {} .. {}").format(len(points), len(points.dates),
                                                                         points.dates[0], points.dates[-1]))
        if parameters.get(self.OUTPUT_MODEL) not in (None, ""):
            feedback.pushWarning(self.tr("OUTPUT_MODEL is written for raster inputs only"))
        units = self._units(parameters, context, feedback, "points")
        design, temperature = self._design(parameters, context, feedback, points.dates, None, packing, year_start,
                                           options["frost_heave"])
        try:
            raster_crs = temperature.grid.crs_wkt if temperature is not None else None
            if self.parameterAsEnumString(parameters, self.LOS_TO_VERTICAL, context) == "points_incidence_angle":
                incidence = points.incidence_cosines()
            else:
                incidence = self._incidence(parameters, context, None)
                if incidence is not None and incidence.path:
                    if raster_crs is not None and raster_crs != incidence.grid.crs_wkt:
                        raise QgsProcessingException(self.tr("TEMPERATURE_STACK and INCIDENCE_RASTER must share a "
                                                             "CRS for points"))
                    raster_crs = incidence.grid.crs_wkt
            result = deformation_points(points, design, units=units, incidence=incidence, raster_crs=raster_crs,
                                        with_model=False, run=run.part(0.3, 0.9), **options)
        finally:
            if temperature is not None:
                temperature.close()
        sink, output = staged_sink(self, parameters, self.OUTPUT_POINTS, context, point_result_fields(result.bands),
                                   WKB_POINT, crs_from_text(points.crs))
        if sink is None:
            raise QgsProcessingException(self.tr("Points need OUTPUT_POINTS (a file or a temporary layer)"))
        add_point_results(sink, result, run.part(0.9, 1.0))
        style_signed_points_on_load(context, output, "velocity_mm_yr")
        return {self.OUTPUT_POINTS: output, self.MEDIAN_VELOCITY: result.median_velocity,
                self.N_PIXELS: result.n_pixels, self.MEDIAN_R2: result.median_r2}
