"""``cryo:lakeicethickness``: daily lake-ice thickness from daily air temperature per lake (a table, or a temperature
stack averaged over lake polygons; Stefan's degree-day law, snow insulation, degree-day melt), with freeze-up and
break-up from the temperature or a phenology table."""
from __future__ import annotations

import datetime as dt
import math
from typing import Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureRequest, QgsFeatureSink, QgsFields, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)

from ...compat import FIELD_ANY, FILE_BEHAVIOR_FILE, NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR_ANY, \
    SOURCE_VECTOR_POLYGON, WKB_NO_GEOMETRY, double_field, integer_field, string_field
from ...core.errors import Cancelled
from ...core.io.dates import parse_month_day
from ...core.io.temperature import UNITS as TEMPERATURE_UNITS, Packing
from ...core.lakeice import ice_thickness as model
from ...core.lakeice.lake_means import zonal_temperature
from ...qgis_io.cells import as_date, as_value, date_or_none, is_null
from ...qgis_io.lake_polygons import lake_polygons
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, logs_results, refuse_overwriting_inputs
from ..guard import staged_sink
from ..parameters import advanced, field_name, with_help, with_month_day_calendar, with_option_labels
from ..stack_parameters import DATASET, START_DATE, add_stack_options, hdf5_needs, is_given, open_stack_at
from ..temperature_parameters import OFFSET, SCALE, TEMPERATURE_UNIT_LABELS, packing_from

DATE_COLUMNS = ("freeze_up", "break_up", "date_max")


def daily_fields() -> QgsFields:
    fields = QgsFields()
    for field in (string_field("lake"), string_field("date"), double_field("h_cm")):
        fields.append(field)
    return fields


def season_fields() -> QgsFields:
    """The columns of :data:`model.SEASON_COLUMNS`: dates as ISO text, numbers as numbers."""
    fields = QgsFields()
    for name in model.SEASON_COLUMNS:
        if name in ("season", "ice_days"):
            fields.append(integer_field(name))
        elif name in ("max_thickness_cm", "afdd"):
            fields.append(double_field(name))
        else:
            field = string_field(name)
            if name in DATE_COLUMNS:
                field.setLength(10)
            fields.append(field)
    return fields


class LakeIceThickness(CryoAlgorithm):
    GROUP = "lakeice"
    REQUIRES_FOR_SOME_INPUTS = ("h5py",)  # an HDF5 TEMPERATURE_STACK
    INPUT = "INPUT"
    TEMPERATURE_STACK = "TEMPERATURE_STACK"
    LAKES = "LAKES"
    DATASET = DATASET
    START_DATE = START_DATE
    SCALE = SCALE
    OFFSET = OFFSET
    LAKE_FIELD = "LAKE_FIELD"
    DATE_FIELD = "DATE_FIELD"
    TEMPERATURE_FIELD = "TEMPERATURE_FIELD"
    SNOW_FIELD = "SNOW_FIELD"
    UNITS = "UNITS"
    PHENOLOGY = "PHENOLOGY"
    FREEZE_UP_FIELD = "FREEZE_UP_FIELD"
    BREAK_UP_FIELD = "BREAK_UP_FIELD"
    FREEZE_RUN = "FREEZE_RUN"
    THAW_RUN = "THAW_RUN"
    YEAR_START = "YEAR_START"
    H0 = "H0"
    ALPHA = "ALPHA"
    SNOW_CONDUCTIVITY = "SNOW_CONDUCTIVITY"
    MELT_COEFFICIENT = "MELT_COEFFICIENT"
    MAX_GAP = "MAX_GAP"
    OUTPUT = "OUTPUT"
    OUTPUT_SEASONS = "OUTPUT_SEASONS"
    N_LAKES = "N_LAKES"
    N_SEASONS = "N_SEASONS"
    N_NO_FREEZE_UP = "N_NO_FREEZE_UP"
    ALPHA_USED = "ALPHA_USED"

    def name(self) -> str:
        return "lakeicethickness"

    def displayName(self) -> str:
        return self.tr("Lake-ice thickness from air temperature (Stefan degree-day law)")

    def required_modules(self, parameters, context):
        """h5py when TEMPERATURE_STACK is an HDF5 file."""
        return self.REQUIRES + hdf5_needs([parameters.get(self.TEMPERATURE_STACK)])

    def input_problem(self, parameters) -> str:
        """Why the temperature inputs cannot be used ('' when INPUT alone, or TEMPERATURE_STACK with LAKES, is
        given)."""
        table, stack, lakes = (is_given(parameters.get(n)) for n in (self.INPUT, self.TEMPERATURE_STACK, self.LAKES))
        if table and stack:
            return self.tr("Both INPUT and TEMPERATURE_STACK are given. Give the daily temperatures once: as a table "
                           "per lake (INPUT), or as a stack with lake polygons (TEMPERATURE_STACK and LAKES).")
        if not table and not stack:
            return self.tr("No temperatures are given. Give a table of daily air temperature per lake (INPUT), or a "
                           "daily temperature stack (TEMPERATURE_STACK) with lake polygons (LAKES).")
        if stack and not lakes:
            return self.tr("TEMPERATURE_STACK needs LAKES. Give the lake polygons over which the daily mean "
                           "temperature of each lake is taken.")
        if table and lakes:
            return self.tr("LAKES is used only with TEMPERATURE_STACK. Leave LAKES empty when INPUT is a table.")
        if stack and is_given(parameters.get(self.SNOW_FIELD)) and str(parameters[self.SNOW_FIELD]).strip():
            return self.tr("SNOW_FIELD is a field of the INPUT table. Leave it empty with TEMPERATURE_STACK (the ice "
                           "is then bare).")
        return ""

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        problem = self.input_problem(parameters)
        return (False, problem) if problem else super().checkParameterValues(parameters, context)

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Daily lake-ice thickness per lake from its daily mean air temperature T (°C).</p>"
            "<p><b>Growth</b> by Stefan's law (Leppäranta 1993, Atmosphere-Ocean 31, 123-138; Ashton 1989, Water "
            "Resour. Res. 25, 564-566): h(t) = sqrt(h0² + α² · AFDD(t)), AFDD the freezing degree-days Σ max(−T, 0) "
            "since freeze-up (°C·day), α = sqrt(2 k_i / (ρ_i L_f)). With k_i = 2.24 W m⁻¹ K⁻¹, ρ_i = 917 kg m⁻³ "
            "and L_f = 333.4 kJ kg⁻¹, α = 3.558 cm (°C·day)^-½ for bare ice (the default; ALPHA overrides it: "
            "empirical coefficients under snow are lower, about 2.0-2.7).</p>"
            "<p><b>Snow</b> (SNOW_FIELD: snow depth h_s on the ice, cm): the snow adds its thermal resistance "
            "h_s/k_s to that of the ice, ρ_i L_f dh/dt = k_i (0 − T) / (h + (k_i/k_s) h_s), integrated day by day "
            "exactly for a day's constant T and h_s: h1 = sqrt((h0 + r)² + α²·FDD) − r with r = (k_i/k_s)·h_s. "
            "SNOW_CONDUCTIVITY k_s defaults to 0.31 W m⁻¹ K⁻¹ (Maykut &amp; Untersteiner 1971); empty snow cells "
            "count as no snow.</p>"
            "<p><b>Melt</b>: from the melt onset, the first day of the first run of THAW_RUN consecutive days "
            "above 0 °C after freeze-up (that is, after the last freezing day before that run), each day with "
            "T &gt; 0 °C thins the ice by MELT_COEFFICIENT × T (default 0.5 cm per °C·day): without later frost "
            "h = h_last − M · ATDD, the degree-day decay of Bilello 1980 (CRREL Report 80-6) and Ashton 1983 "
            "(CRREL SR 83-19); a later freezing day still grows the ice. Before the melt onset, thaw days (short "
            "mid-winter thaws) neither grow nor melt the ice.</p>"
            "<p><b>Freeze-up and break-up</b>: with PHENOLOGY (the output of cryo:lakeicephenology: columns "
            "lake, season, FREEZE_UP_FIELD, BREAK_UP_FIELD, main) the ice grows from its freeze-up date and is "
            "gone on its break-up date (empty break-up: from the model); a lake and season without a row has no "
            "freeze-up. Without it, freeze-up is the first day of the first run of FREEZE_RUN consecutive days "
            "below 0 °C in the season whose day before has a temperature (a season that starts frozen is not "
            "dated), and break-up the first day the melting ice reaches 0 cm; ice that melts out early forms again at "
            "the next such run, and the season's row gives the longest ice period (its note says how many). A "
            "season without freeze-up is reported with empty values and a log message, not an error.</p>"
            "<p><b>INPUT</b>: a table (CSV, GeoPackage, ...) with one row per lake and day: LAKE_FIELD, DATE_FIELD "
            "(YYYY-MM-DD) and TEMPERATURE_FIELD in UNITS (temperatures outside −100..100 °C after conversion are "
            "refused, e.g. Kelvin read as °C). Gaps of up to MAX_GAP days are filled linearly; a longer gap in the "
            "ice season leaves that lake's thickness unknown from there. Seasons start on YEAR_START (default "
            "08-01) and are named by the year they start in.</p>"
            "<p><b>TEMPERATURE_STACK</b> + <b>LAKES</b>, instead of INPUT: a daily air-temperature stack (e.g. "
            "ERA5-Land 2 m temperature as a GeoTIFF/netCDF with dated bands or netCDF time, or an HDF5 file) and "
            "lake polygons in any CRS (reprojected onto the stack's grid), named by LAKE_FIELD. "
            "A lake's daily temperature is the mean of the cells whose centre lies inside its polygon (a day counts "
            "when at least half of them have a value); a lake that covers no cell centre takes the cell under its "
            "centroid. Stored values become °C as value × SCALE + OFFSET (empty: the file's own scale_factor and "
            "add_offset, else 1 and 0), minus 273.15 with UNITS = kelvin (ERA5-Land t2m is in K); cells outside "
            "−100..100 °C after this are refused. The stack is read in blocks of dates over the lakes' rows only. "
            "The ice is bare (snow needs INPUT with SNOW_FIELD). A file without georeferencing (HDF5, or a netCDF "
            "without a CRS) is placed by EXTENT and CRS; DATASET names its variable (ERA5-Land: t2m).</p>"
            "<p><b>Outputs</b>: OUTPUT, one row per lake and day: lake, date, h_cm (empty where unknown); "
            "OUTPUT_SEASONS, one row per lake and season: lake, season, freeze_up, break_up, max_thickness_cm, "
            "date_max, ice_days, afdd (°C·day of growth), source (temperature or phenology), note.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Daily air temperature per lake (table)"),
                                                [SOURCE_VECTOR_ANY], optional=True),
            self.tr("Table with one row per lake and day: lake id, date and daily mean air temperature (and "
                    "optionally the snow depth on the ice). Give INPUT, or TEMPERATURE_STACK with LAKES.")))
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.TEMPERATURE_STACK, self.tr("…or a daily air-temperature stack"),
                                       FILE_BEHAVIOR_FILE, optional=True),
            self.tr("Instead of INPUT: daily mean air temperature as a dated multi-band GeoTIFF/netCDF (e.g. "
                    "ERA5-Land 2 m temperature) or an HDF5 file; with LAKES.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(self.LAKES, self.tr("Lake polygons (with the stack)"),
                                                [SOURCE_VECTOR_POLYGON], optional=True),
            self.tr("With TEMPERATURE_STACK: one polygon per lake, in any CRS, named by LAKE_FIELD. A lake's "
                    "temperature is the mean of the cells whose centre lies inside it, or the cell under its "
                    "centroid for a lake smaller than a cell.")))
        self.addParameter(with_help(
            QgsProcessingParameterString(self.LAKE_FIELD, self.tr("Lake id field"), defaultValue="lake"),
            self.tr("Field of INPUT, or of LAKES with TEMPERATURE_STACK, identifying the lake.")))
        for name, label, default, help_text in (  # fields of INPUT, picked from its fields in the dialog
                (self.DATE_FIELD, self.tr("Date field"), "date", self.tr("Field of INPUT with the day (a date or "
                                                                         "YYYY-MM-DD text).")),
                (self.TEMPERATURE_FIELD, self.tr("Temperature field"), "temperature",
                 self.tr("Field of INPUT with the daily mean air temperature in UNITS; empty cells are missing "
                         "days.")),
                (self.SNOW_FIELD, self.tr("Snow depth on the ice field, cm (optional)"), None,
                 self.tr("Field of INPUT with the snow depth on the ice in cm (empty cells: no snow); empty: bare "
                         "ice."))):
            self.addParameter(with_help(QgsProcessingParameterField(
                name, label, defaultValue=default, parentLayerParameterName=self.INPUT, type=FIELD_ANY,
                optional=True), help_text))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.UNITS, self.tr("Temperature units"), list(TEMPERATURE_UNITS), defaultValue="celsius",
                usesStaticStrings=True), TEMPERATURE_UNIT_LABELS),
            self.tr("celsius (default) or kelvin, of INPUT's temperatures or of TEMPERATURE_STACK's values × SCALE "
                    "+ OFFSET.")))
        for name, label, help_text in (
                (self.SCALE, self.tr("Scale factor of the stack's stored values (empty: the file's own, else 1)"),
                 self.tr("TEMPERATURE_STACK values are multiplied by it before OFFSET is added. Empty (default): "
                         "the file's scale_factor, else 1.")),
                (self.OFFSET, self.tr("Offset added after scaling (empty: the file's own, else 0)"),
                 self.tr("Added to the scaled TEMPERATURE_STACK values, in UNITS. Empty (default): the file's "
                         "add_offset, else 0; the 273.15 of kelvin is subtracted by UNITS."))):
            self.addParameter(advanced(with_help(QgsProcessingParameterNumber(
                name, label, NUMBER_DOUBLE, defaultValue=None, optional=True), help_text)))
        add_stack_options(self)  # how to read TEMPERATURE_STACK: DATASET, START_DATE, EXTENT, CRS, PASS (advanced)
        for name in (self.DATASET, self.START_DATE):
            advanced(self.parameterDefinition(name))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.PHENOLOGY, self.tr("Freeze-up and break-up (cryo:lakeicephenology output, optional)"),
                [SOURCE_VECTOR_ANY], optional=True),
            self.tr("The table cryo:lakeicephenology writes (lake, season, fus, fue, bus, bue, main): the ice grows "
                    "from FREEZE_UP_FIELD and is gone on BREAK_UP_FIELD. Empty: both from the temperature.")))
        for name, label, default in ((self.FREEZE_UP_FIELD, self.tr("Freeze-up column of PHENOLOGY"), "fue"),
                                     (self.BREAK_UP_FIELD, self.tr("Break-up column of PHENOLOGY"), "bue")):
            self.addParameter(advanced(with_help(
                QgsProcessingParameterField(name, label, defaultValue=default, parentLayerParameterName=self.PHENOLOGY,
                                            type=FIELD_ANY, optional=True),
                self.tr("Column of PHENOLOGY with the date (default fue = freeze-up end, the lake ice-covered; bue "
                        "= break-up end, the ice gone)."))))
        for name, label, kind, default, low, high, help_text in (
                (self.FREEZE_RUN, self.tr("Freeze-up: days in a row below 0 °C"), NUMBER_INTEGER, 5, 1, 60,
                 self.tr("Without PHENOLOGY, freeze-up is the first day of the first run of this many consecutive "
                         "days below 0 °C (default 5).")),
                (self.THAW_RUN, self.tr("Melt onset: days in a row above 0 °C"), NUMBER_INTEGER, 5, 1, 60,
                 self.tr("The ice melts from the first day of the first run of this many consecutive days above "
                         "0 °C after freeze-up (default 5).")),
                (self.H0, self.tr("Ice thickness on the freeze-up day (cm)"), NUMBER_DOUBLE, 0.0, 0.0, 500.0,
                 self.tr("h0 of h = sqrt(h0² + α²·AFDD), before the freeze-up day's growth (default 0).")),
                (self.SNOW_CONDUCTIVITY, self.tr("Snow thermal conductivity k_s (W m⁻¹ K⁻¹)"), NUMBER_DOUBLE,
                 model.K_SNOW, 0.01, 2.0, self.tr("Of the snow on the ice (default 0.31, Maykut & Untersteiner "
                                                  "1971); used with SNOW_FIELD.")),
                (self.MELT_COEFFICIENT, self.tr("Melt coefficient (cm per °C·day)"), NUMBER_DOUBLE,
                 model.MELT_COEFFICIENT, 0.0, 10.0,
                 self.tr("Ice lost per thawing degree-day from the melt onset (default 0.5).")),
                (self.MAX_GAP, self.tr("Longest gap filled by interpolation (days)"), NUMBER_INTEGER, 5, 0, 60,
                 self.tr("Gaps of up to this many days are filled linearly (default 5).")),):
            self.addParameter(with_help(
                QgsProcessingParameterNumber(name, label, kind, defaultValue=default, minValue=low, maxValue=high),
                help_text))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(self.ALPHA, self.tr("Stefan coefficient α (cm (°C·day)^-½; empty: 3.558)"),
                                         NUMBER_DOUBLE, defaultValue=None, optional=True, minValue=0.1, maxValue=10.0),
            self.tr("Overrides α = sqrt(2 k_i / (ρ_i L_f)) = 3.558 cm (°C·day)^-½ of bare ice; empirical values under "
                    "snow are about 2.0-2.7.")))
        self.addParameter(with_help(
            with_month_day_calendar(QgsProcessingParameterString(
                self.YEAR_START, self.tr("Season starts on (MM-DD)"), defaultValue="08-01")),
            self.tr("Month and day (MM-DD, default 08-01) on which each ice season begins: a time of open water.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Daily ice thickness"), SOURCE_VECTOR_ANY),
            self.tr("Table: lake, date (YYYY-MM-DD), h_cm (empty where unknown).")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SEASONS, self.tr("Ice seasons per lake"), SOURCE_VECTOR_ANY),
            self.tr("Table: lake, season, freeze_up, break_up, max_thickness_cm, date_max, ice_days, afdd, source, "
                    "note; empty values for a season without freeze-up.")))
        for name, label in ((self.N_LAKES, self.tr("Lakes")), (self.N_SEASONS, self.tr("Lake-seasons with ice")),
                            (self.N_NO_FREEZE_UP, self.tr("Lake-seasons without freeze-up")),
                            (self.ALPHA_USED, self.tr("Stefan coefficient used, cm (°C·day)^-½"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _fields(self, source, names: List[str], what: str) -> None:
        present = source.fields().names()
        absent = [n for n in names if n not in present]
        if absent:
            raise QgsProcessingException(self.tr("{} has no field {} (its fields: {}); set {}").format(
                what, ", ".join(repr(n) for n in absent), ", ".join(present),
                "LAKE_FIELD, DATE_FIELD, TEMPERATURE_FIELD and SNOW_FIELD" if what == "INPUT"
                else "FREEZE_UP_FIELD and BREAK_UP_FIELD"))

    def _stack_forcing(self, parameters, context, feedback) -> model.LakeDays:
        """The daily mean temperature of each LAKES polygon from TEMPERATURE_STACK, lakes in name order (as from a
        table)."""
        shapes, ids = lake_polygons(self.parameterAsSource(parameters, self.LAKES, context),
                                    self.parameterAsString(parameters, self.LAKE_FIELD, context).strip())
        path = self.parameterAsFile(parameters, self.TEMPERATURE_STACK, context)
        with open_stack_at(self, path, parameters, context) as stack:  # with DATASET, START_DATE, EXTENT, CRS
            refuse_overwriting_inputs([self.parameterAsOutputLayer(parameters, name, context)
                                       for name in (self.OUTPUT, self.OUTPUT_SEASONS)], stack.files)
            feedback.pushInfo(stack.describe())
            packing = packing_from(self, parameters, context, [stack])
            series = zonal_temperature(stack, shapes, ids, packing, run=run_for(feedback).part(0.0, 0.3))
        order = np.argsort(series.lakes, kind="stable")
        return model.LakeDays([series.lakes[i] for i in order], series.first, series.values[order])

    def _forcing(self, parameters, context, feedback) -> model.LakeDays:
        problem = self.input_problem(parameters)
        if problem:
            raise QgsProcessingException(problem)
        if is_given(parameters.get(self.TEMPERATURE_STACK)):
            return self._stack_forcing(parameters, context, feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.tr("INPUT is not a readable table"))
        names = [self.parameterAsString(parameters, self.LAKE_FIELD, context).strip()] + [
            field_name(self, parameters, name, context, default) for name, default in (
                (self.DATE_FIELD, "date"), (self.TEMPERATURE_FIELD, "temperature"), (self.SNOW_FIELD, ""))]
        wanted = [n for n in names if n]
        self._fields(source, wanted, "INPUT")
        request = QgsFeatureRequest().setSubsetOfAttributes(wanted, source.fields())
        lakes, dates, values, snow = [], [], [], []
        for row, feature in enumerate(source.getFeatures(request), start=1):
            if row % 10000 == 0 and feedback.isCanceled():
                raise Cancelled()
            if is_null(feature[names[0]]):
                raise QgsProcessingException(self.tr("Row {}: the lake field {} is empty; give every row its "
                                                     "lake").format(row, names[0]))
            lakes.append(str(feature[names[0]]).strip())
            dates.append(as_date(feature[names[1]], row, names[1]))
            values.append(as_value(feature[names[2]], row, names[2]))
            if names[3]:
                snow.append(as_value(feature[names[3]], row, names[3]))
        packing = Packing(units=self.parameterAsEnumString(parameters, self.UNITS, context) or "celsius")
        return model.lake_days(lakes, dates, values, packing, snow if names[3] else None)

    def _phenology(self, parameters, context) -> Optional[Dict[Tuple[str, int], model.Phenology]]:
        source = self.parameterAsSource(parameters, self.PHENOLOGY, context)
        if source is None:
            return None
        columns = [field_name(self, parameters, self.FREEZE_UP_FIELD, context, "fue"),
                   field_name(self, parameters, self.BREAK_UP_FIELD, context, "bue")]
        self._fields(source, ["lake", "season"] + columns, "PHENOLOGY")
        has_main = "main" in source.fields().names()
        found: Dict[Tuple[str, int], model.Phenology] = {}
        for row, feature in enumerate(source.getFeatures(), start=1):
            if has_main and not is_null(feature["main"]) and int(feature["main"]) != 1:
                continue
            key = (str(feature["lake"]).strip(), int(as_value(feature["season"], row, "season")))
            if key in found:
                raise QgsProcessingException(self.tr(
                    "PHENOLOGY has several rows for lake {} and season {} (row {}); keep the main event (main = 1) "
                    "only").format(key[0], key[1], row))
            dates = []
            for column in columns:
                value = feature[column]
                day = None if is_null(value) else date_or_none(value)
                if day is None and not is_null(value):
                    raise QgsProcessingException(self.tr("PHENOLOGY row {}: cannot read the date {!r} in {}").format(
                        row, value, column))
                dates.append(day)
            found[key] = model.Phenology(*dates)
        return found

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context) if is_given(parameters.get(self.ALPHA)) \
            else model.ALPHA
        options = model.ThicknessOptions(
            alpha=alpha, h0=self.parameterAsDouble(parameters, self.H0, context),
            k_snow=self.parameterAsDouble(parameters, self.SNOW_CONDUCTIVITY, context),
            melt=self.parameterAsDouble(parameters, self.MELT_COEFFICIENT, context),
            freeze_run=self.parameterAsInt(parameters, self.FREEZE_RUN, context),
            thaw_run=self.parameterAsInt(parameters, self.THAW_RUN, context),
            max_gap=self.parameterAsInt(parameters, self.MAX_GAP, context),
            year_start=parse_month_day(self.parameterAsString(parameters, self.YEAR_START, context)))
        days = self._forcing(parameters, context, feedback)
        phenology = self._phenology(parameters, context)
        feedback.pushInfo(self.tr("{} lakes, {} .. {}; α = {:.4g} cm (°C·day)^-½").format(
            len(days.lakes), days.first, days.date(days.temperature.shape[1] - 1), alpha))
        feedback.pushInfo(self.tr("Freeze-up and break-up from PHENOLOGY") if phenology is not None
                          else self.tr("Freeze-up and break-up from the temperature"))
        run = run_for(feedback)
        result = model.ice_thickness(days, options, phenology, run=run.part(0.3, 0.6))
        seasons_sink, seasons_out = staged_sink(self, parameters, self.OUTPUT_SEASONS, context, season_fields(),
                                                WKB_NO_GEOMETRY)
        for row in result.seasons:
            feature = QgsFeature(season_fields())
            values = row.row()
            feature.setAttributes([values[name] if values[name] != "" else None for name in model.SEASON_COLUMNS])
            seasons_sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        sink, output = staged_sink(self, parameters, self.OUTPUT, context, daily_fields(), WKB_NO_GEOMETRY)
        n_days = result.thickness.shape[1]
        dates = [(result.first + dt.timedelta(days=d)).isoformat() for d in range(n_days)]
        for k, (lake, values) in enumerate(zip(result.lakes, result.thickness)):
            run.report(0.6 + 0.4 * k / len(result.lakes))
            for d in range(n_days):
                feature = QgsFeature(daily_fields())
                value = float(values[d])
                feature.setAttributes([lake, dates[d], None if math.isnan(value) else round(value, 4)])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        with_ice = [r for r in result.seasons if r.freeze_up is not None]
        for row in with_ice:
            if row.note:
                feedback.pushInfo("{} {}: {}".format(row.lake, row.season, row.note))
        return {self.OUTPUT: output, self.OUTPUT_SEASONS: seasons_out, self.N_LAKES: len(result.lakes),
                self.N_SEASONS: len(with_ice), self.N_NO_FREEZE_UP: len(result.seasons) - len(with_ice),
                self.ALPHA_USED: round(alpha, 4)}
