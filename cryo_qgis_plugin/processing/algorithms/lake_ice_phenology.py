"""``cryo:lakeicephenology``: freeze-up and break-up dates per lake and season, from a table or a stack."""
from __future__ import annotations

import dataclasses
import os
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import (NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR_ANY, SOURCE_VECTOR_POLYGON, WKB_NO_GEOMETRY,
                       integer_field, string_field)
from ...core import lakeice
from ...core.lakeice import tables
from ...core.io.dates import parse_month_day
from ...qgis_io.cells import as_date, as_value
from ...qgis_io.run import run_for
from ..base import logs_results, translated
from ..guard import check_destinations, destination_paths, staged_sink
from ..option_labels import VALUE_TYPE_LABELS
from ..output_loading import style_lakes_on_load
from ..parameters import advanced, with_help, with_month_day_calendar, with_option_labels
from ..stack_parameters import STACK_HELP, StackAlgorithm, add_stack_parameters
from .lake_ice_series import daily_lake_means

TABLE_EXTENSIONS = (".csv", ".txt", ".gpkg", ".shp", ".dbf", ".xlsx", ".ods", ".geojson", ".json", ".sqlite")
LAKE_COLUMNS = lakeice.DATE_COLUMNS + ("icd", "cfd")  # per season in OUTPUT_LAKES


def _table_rows(path: str, fields: Sequence[str]) -> Tuple[Optional[List[str]], List[tuple]]:
    """The table's field names and the values of those of ``fields`` it has in every row (None for the others;
    plain values: no layer outlives this call, so an error raised while parsing them cannot keep a layer alive past
    QGIS's exit)."""
    layer = QgsVectorLayer(path, "table", "ogr")
    if not layer.isValid():
        return None, []
    names = layer.fields().names()
    present = [name if name in names else None for name in fields]
    return names, [tuple(feature[name] if name else None for name in present) for feature in layer.getFeatures()]


def read_table(path: str, columns: tables.TableColumns, value_type: str, feedback=None) -> lakeice.Series:
    """A table read through QGIS (CSV, GeoPackage, ...): long form with the lake column, or one lake's series
    without it (named after the file, as in a folder of per-lake tables)."""
    wanted = [columns.lake, columns.date, columns.value] + [name for name in (columns.water, columns.cloud) if name]
    names, rows = _table_rows(path, wanted)
    if names is None:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "{} cannot be opened as a table").format(path))
    for field in wanted[1:]:
        if field not in names:
            hint = QCoreApplication.translate(
                "CryoAlgorithm", "; for percent ice = 100 × ice / (ice + water) set VALUE_FIELD to ice and WATER_FIELD "
                "to water") if field == columns.value and {"ice", "water"} <= set(names) else ""
            raise QgsProcessingException(QCoreApplication.translate(
                "CryoAlgorithm", "The table {} has no field {!r} (fields: {}); set LAKE_FIELD, DATE_FIELD and "
                "VALUE_FIELD").format(path, field, ", ".join(names)) + hint)
    if columns.lake in names:
        lakes = [str(row[0]) for row in rows]
    else:
        lake = tables.lake_name(path.split("|")[0], columns.lake_pattern)
        if feedback is not None:
            feedback.pushInfo(QCoreApplication.translate(
                "CryoAlgorithm", "{}: no field {!r}, read as the series of lake {} (named after the file)").format(
                os.path.basename(path.split("|")[0]), columns.lake, lake))
        lakes = [lake] * len(rows)
    dates = [as_date(row[1], number, columns.date) for number, row in enumerate(rows, start=1)]
    values = [as_value(row[2], number, columns.value) for number, row in enumerate(rows, start=1)]
    if columns.water:
        if value_type != "ice_percent":
            raise QgsProcessingException(QCoreApplication.translate(
                "CryoAlgorithm", "WATER_FIELD gives percent ice (100 × ice / (ice + water)): set VALUE_TYPE to "
                "ice_percent, or leave WATER_FIELD empty"))
        values = [tables.ice_percent(
            value, as_value(row[3], number, columns.water),
            as_value(row[4], number, columns.cloud) if columns.cloud else float("nan"), "Row {}".format(number))
            for number, (value, row) in enumerate(zip(values, rows), start=1)]
    return lakeice.series_from_records(lakes, dates, values, value_type)


def is_table_file(path: str) -> bool:
    """A file of one of the table formats that opens as a table (a GeoPackage of rasters is a stack)."""
    return path.lower().endswith(TABLE_EXTENSIONS) and (
        not path.lower().endswith((".gpkg", ".sqlite")) or QgsVectorLayer(path, "table", "ogr").isValid())


def table_lake_column(path: str, lake_field: str) -> str:
    """The lake column of a table given with LAKES: LAKE_FIELD when the table has it, else ``lake`` (the column
    cryo:lakeiceseries writes, whatever the polygons' field is called)."""
    layer = QgsVectorLayer(path, "table", "ogr") if not os.path.isdir(path) else None
    names = layer.fields().names() if layer is not None and layer.isValid() else []
    return "lake" if lake_field not in names and "lake" in names else lake_field


def check_lake_ids(lakes: Sequence[str], polygons, lake_field: str, feedback) -> None:
    """The table's lakes against the LAKES polygons' ``lake_field`` values: none in common stops the run (the
    lakes output would be empty); lakes on one side only are logged."""
    if lake_field not in polygons.fields().names():
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "LAKES has no field {!r} (fields: {}): set LAKE_FIELD to the field of the lake "
            "ids").format(lake_field, ", ".join(polygons.fields().names())))
    ids = {str(feature[lake_field]) for feature in polygons.getFeatures()}
    common = ids.intersection(lakes)
    if not common:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "None of the table's lakes ({}) is a {} of the LAKES polygons ({}): the table's lake "
            "column must hold the polygons' LAKE_FIELD values").format(
            ", ".join(sorted(lakes)[:5]), lake_field, ", ".join(sorted(ids)[:5])))
    for side, names in ((QCoreApplication.translate("CryoAlgorithm", "Lakes of the table without a polygon: {}"),
                         sorted(set(lakes) - ids)),
                        (QCoreApplication.translate("CryoAlgorithm", "Polygons without a series in the table: {}"),
                         sorted(ids - set(lakes)))):
        if names:
            feedback.reportError(side.format(", ".join(names[:10]) + (" …" if len(names) > 10 else "")), False)


def _field(name: str) -> QgsField:
    """Dates as ISO text (QGIS writes Date fields to CSV as YYYY/MM/DD), the lake id as text, the rest integers."""
    if name.split("_")[0] in lakeice.DATE_COLUMNS:
        field = string_field(name)
        field.setLength(10)
        return field
    return string_field(name) if name == "lake" else integer_field(name)


def output_fields() -> QgsFields:
    fields = QgsFields()
    for name in lakeice.COLUMNS:
        fields.append(_field(name))
    return fields


class LakeIcePhenology(StackAlgorithm):
    GROUP = "lakeice"
    # INPUT, DATASET, START_DATE, EXTENT, CRS: StackAlgorithm
    LAKES = "LAKES"
    LAKE_FIELD = "LAKE_FIELD"
    DATE_FIELD = "DATE_FIELD"
    VALUE_FIELD = "VALUE_FIELD"
    VALUE_TYPE = "VALUE_TYPE"
    LAKE_NAME_PATTERN = "LAKE_NAME_PATTERN"
    SHEET = "SHEET"
    WATER_FIELD = "WATER_FIELD"
    CLOUD_FIELD = "CLOUD_FIELD"
    THRESHOLD_LOW = "THRESHOLD_LOW"
    THRESHOLD_HIGH = "THRESHOLD_HIGH"
    MIN_RUN = "MIN_RUN"
    SMOOTHING = "SMOOTHING"
    MAX_GAP = "MAX_GAP"
    YEAR_START = "YEAR_START"
    SHORE_BUFFER = "SHORE_BUFFER"
    OUTPUT = "OUTPUT"
    OUTPUT_LAKES = "OUTPUT_LAKES"
    N_LAKES = "N_LAKES"
    N_EVENTS = "N_EVENTS"

    def name(self) -> str:
        return "lakeicephenology"

    def displayName(self) -> str:
        return self.tr("Lake-ice phenology (freeze-up and break-up dates)")

    def shortHelpString(self) -> str:
        series_help = self.tr(
            "<p>Freeze-up start/end and break-up start/end per lake and season from daily series of lake ice, "
            "with ice-cover duration ICD = BUE − FUS, complete-freezing duration CFD = BUS − FUE, FD = FUE − FUS "
            "and BD = BUE − BUS (days).</p>"
            "<p><b>INPUT</b> is either a table (CSV, Excel .xlsx, GeoPackage, ...) in long form with LAKE_FIELD, "
            "DATE_FIELD (YYYY-MM-DD) and VALUE_FIELD, or a daily raster stack together with LAKES polygons: the "
            "daily value of a lake is then the mean of the cells whose centre lies in its polygon shrunk by "
            "SHORE_BUFFER metres (a day counts when at least half of them have a value).</p>"
            "<p><b>Per-lake tables</b>: INPUT (or INPUT_FOLDER) may be a folder of .csv/.xlsx files, one per lake "
            "as many lake products ship them (e.g. Nam_Co.csv with date,value): a table without LAKE_FIELD is one "
            "lake's series named after its file (the name without extension, or the first group of "
            "LAKE_NAME_PATTERN). Excel: the first sheet (or SHEET), its first row the column names, dates as Excel "
            "dates or YYYY-MM-DD (needs python3-openpyxl). Tables of areas (TPDC: ice, water, cloud): VALUE_FIELD "
            "ice and WATER_FIELD water give percent ice = 100 × ice / (ice + water); with CLOUD_FIELD, a day on "
            "which cloud covers more than ice and water together is missing.</p>")
        return series_help + translated(STACK_HELP) + self.tr(
            "<p><b>Definitions</b> on the series after filling gaps of up to MAX_GAP days linearly and a centred "
            "SMOOTHING-day moving mean, in percent ice (a run is MIN_RUN consecutive days): FUS = first day "
            "starting a run ≥ THRESHOLD_LOW; FUE = first day after FUS starting a run ≥ THRESHOLD_HIGH; BUS = first "
            "day after FUE starting a run &lt; THRESHOLD_HIGH; BUE = first day after FUS (and BUS) starting a run "
            "&lt; THRESHOLD_LOW. An event that never reaches THRESHOLD_HIGH is a partial freeze (FUS and BUE only); "
            "several events in a season give several rows, the longest with main = 1. 10/90 % are usual with "
            "MODIS ice fraction (Kropáček et al. 2013), 30/70 % in webcam and Sentinel studies. A crossing is "
            "dated only when the day before it has data: at the start of the record, after a longer gap or when "
            "the season ends first, the date is left empty and the log says why. Seasons start on YEAR_START and "
            "are named by the year they start in.</p>"
            "<p><b>VALUE_TYPE</b>: ice_percent (0-100), ice_fraction (0-1) or brightness_temperature (K, e.g. "
            "18.7 or 36.5 GHz H-pol): per lake and season the 5th and 95th percentiles are taken as the open-water "
            "and full-ice levels and TB is scaled between them to percent ice (Kang et al. 2012; Du et al. 2017, "
            "The Cryosphere 11, 47-63).</p>"
            "<p>OUTPUT: lake, season, fus, fue, bus, bue, icd, cfd, fd, bd, main, valid_days. OUTPUT_LAKES (with "
            "LAKES, for a stack or a table): the polygons with the main event's dates and durations of each season "
            "as columns; a table's lakes are matched to the polygons on LAKE_FIELD (the table's column lake, as "
            "cryo:lakeiceseries writes it, when it has no LAKE_FIELD).</p>")

    def initAlgorithm(self, config=None) -> None:
        add_stack_parameters(self)
        stack = self.parameterDefinition(self.INPUT)
        stack.setDescription(self.tr(
            "Daily lake ice: a table (CSV, Excel .xlsx, GeoPackage, ...) or a raster stack (with LAKES)"))
        stack.setHelp(self.tr(
            "Either a table in long form (CSV, Excel .xlsx, GeoPackage, ...: one row per lake and day with "
            "LAKE_FIELD, DATE_FIELD and VALUE_FIELD; without LAKE_FIELD, one lake named after the file), a folder "
            "of such tables (e.g. one .csv or .xlsx per lake), or a daily raster stack (HDF5 file, folder of daily "
            "files, dated multi-band GeoTIFF/netCDF) together with LAKES."))
        folder = self.parameterDefinition(self.INPUT_FOLDER)
        folder.setDescription(self.tr("…or a folder of per-lake tables (.csv, .xlsx) or of daily grids"))
        folder.setHelp(self.tr(
            "A folder of tables (.csv, .xlsx: one per lake, or several long tables), or of daily HDF5 or GeoTIFF "
            "files whose names carry the date as YYYYMMDD or YYYYDDD (with LAKES), instead of INPUT. Give INPUT or "
            "INPUT_FOLDER."))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.LAKES, self.tr("Lake polygons (with a raster stack; with a table, for the lakes output)"),
                [SOURCE_VECTOR_POLYGON], optional=True),
            self.tr("Lake polygons in any CRS, one per lake, identified by LAKE_FIELD: with a raster stack a "
                    "lake's daily value is the mean of the stack cells whose centre lies inside its polygon shrunk "
                    "by SHORE_BUFFER. With a table (e.g. the output of cryo:lakeiceseries) the series come from the "
                    "table and the polygons carry the dates in OUTPUT_LAKES, matched on LAKE_FIELD: the table's lake "
                    "column is LAKE_FIELD, or lake when the table has no LAKE_FIELD. Optional with a table.")))
        for name, description, default, help_text in (
                (self.LAKE_FIELD, self.tr("Lake id field"), "lake",
                 self.tr("Field with the lake identifier: a column of the table, or the field of LAKES (one id per "
                         "polygon) that a raster stack's series are named by and a table's lakes are matched on. "
                         "Default: lake.")),
                (self.DATE_FIELD, self.tr("Date field (tables)"), "date",
                 self.tr("Table column with the day of each row, as a date or YYYY-MM-DD text. Default: date; not "
                         "used with a raster stack.")),
                (self.VALUE_FIELD, self.tr("Value field (tables)"), "value",
                 self.tr("Table column with the daily ice value, in the units of VALUE_TYPE; empty cells are missing "
                         "days. Default: value; not used with a raster stack."))):
            self.addParameter(with_help(QgsProcessingParameterString(name, description, defaultValue=default),
                                        help_text))
        for name, description, help_text in (
                (self.LAKE_NAME_PATTERN, self.tr("Lake name from the file name (regular expression, tables)"),
                 self.tr("For tables without LAKE_FIELD (one lake per file): a regular expression searched in the "
                         "file name without extension, whose first group is the lake name (e.g. ^(.+)_ice$ names "
                         "Nam_Co_ice.csv Nam_Co). Empty (default): the whole name.")),
                (self.SHEET, self.tr("Excel sheet (empty: the first)"),
                 self.tr("Name of the sheet to read in .xlsx workbooks; empty (default): the first sheet. Its first "
                         "row must hold the column names.")),
                (self.WATER_FIELD, self.tr("Water field: percent ice = 100 × VALUE / (VALUE + WATER) (tables)"),
                 self.tr("For tables of ice and water areas or percentages (TPDC: date, water, ice, cloud): the "
                         "column of open water. VALUE_FIELD then names the ice column and the daily value is 100 × "
                         "ice / (ice + water) (VALUE_TYPE ice_percent); a day with neither is missing. Empty "
                         "(default): VALUE_FIELD is the ice cover itself.")),
                (self.CLOUD_FIELD, self.tr("Cloud field: days mostly under cloud are missing (with WATER_FIELD)"),
                 self.tr("With WATER_FIELD: the column of cloud cover (same units as ice and water); a day on which "
                         "cloud covers more than ice and water together is a missing day. Empty (default): not "
                         "used."))):
            self.addParameter(advanced(with_help(
                QgsProcessingParameterString(name, description, defaultValue="", optional=True), help_text)))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.VALUE_TYPE, self.tr("Values are"), list(lakeice.VALUE_TYPES), defaultValue="ice_percent",
                usesStaticStrings=True), VALUE_TYPE_LABELS),
            self.tr("ice_percent: ice cover 0-100 % (default); ice_fraction: 0-1; brightness_temperature: "
                    "passive-microwave TB in K, scaled per lake and season to percent ice between its 5th "
                    "(open water) and 95th (full ice) percentiles.")))
        for name, description, default, help_text in (
                (self.THRESHOLD_LOW, self.tr("Low threshold (% ice)"), 10.0,
                 self.tr("Ice cover in % (0-100, default 10) whose upward crossing starts freeze-up (FUS) and "
                         "whose downward crossing ends break-up (BUE). Below THRESHOLD_HIGH.")),
                (self.THRESHOLD_HIGH, self.tr("High threshold (% ice)"), 90.0,
                 self.tr("Ice cover in % (0-100, default 90) whose upward crossing ends freeze-up (FUE) and whose "
                         "downward crossing starts break-up (BUS). Above THRESHOLD_LOW."))):
            self.addParameter(with_help(
                QgsProcessingParameterNumber(name, description, NUMBER_DOUBLE, defaultValue=default, minValue=0.0,
                                             maxValue=100.0),
                help_text))
        for name, description, default, low, help_text in (
                (self.MIN_RUN, self.tr("Days a crossing must persist (MIN_RUN)"), 5, 1,
                 self.tr("Number of consecutive days (1-365, default 5) the series must stay beyond a threshold for "
                         "its crossing to count; shorter excursions are ignored.")),
                (self.SMOOTHING, self.tr("Moving-mean window in days (0 = none)"), 0, 0,
                 self.tr("Width in days (0-365, default 0 = no smoothing) of the centred moving mean applied to "
                         "each series after gap filling, before the thresholds.")),
                (self.MAX_GAP, self.tr("Longest gap filled by interpolation (days)"), 5, 0,
                 self.tr("Gaps of up to this many days (0-365, default 5) are filled by linear interpolation; a "
                         "crossing right after a longer gap is not dated."))):
            self.addParameter(with_help(
                QgsProcessingParameterNumber(name, description, NUMBER_INTEGER, defaultValue=default, minValue=low,
                                             maxValue=365),
                help_text))
        self.addParameter(with_help(
            with_month_day_calendar(QgsProcessingParameterString(
                self.YEAR_START, self.tr("Season starts on (MM-DD)"), defaultValue="08-01")),
            self.tr("Month and day (MM-DD, default 08-01) on which each ice season begins: choose a time of open "
                    "water. A season is named by the year it starts in.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.SHORE_BUFFER, self.tr("Shore buffer (m, inwards; raster stack only)"), NUMBER_DOUBLE,
                defaultValue=0.0, minValue=0.0),
            self.tr("Distance in metres (≥ 0, default 0) by which each lake polygon is shrunk before averaging, to "
                    "leave out cells that mix water and land. Raster stack only.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Lake-ice phenology"), SOURCE_VECTOR_ANY),
            self.tr("Table without geometry, one row per lake, season and freeze event: lake, season, fus, fue, "
                    "bus, bue (YYYY-MM-DD), icd, cfd, fd, bd (days), main (1 for the longest event) and "
                    "valid_days.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_LAKES, self.tr("Lakes with the main event per season"), SOURCE_VECTOR_POLYGON,
                optional=True, createByDefault=False),
            self.tr("The LAKES polygons with their fields and, for every season, the main event's dates and "
                    "durations as columns (e.g. fus_2019, icd_2019). Only with LAKES; not written unless a "
                    "destination is given.")))
        self.addOutput(QgsProcessingOutputNumber(self.N_LAKES, self.tr("Lakes with a series")))
        self.addOutput(QgsProcessingOutputNumber(self.N_EVENTS, self.tr("Freeze events found")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        lake_field = self.parameterAsString(parameters, self.LAKE_FIELD, context)
        value_type = self.parameterAsEnumString(parameters, self.VALUE_TYPE, context)
        options = lakeice.PhenologyOptions(
            value_type=value_type, low=self.parameterAsDouble(parameters, self.THRESHOLD_LOW, context),
            high=self.parameterAsDouble(parameters, self.THRESHOLD_HIGH, context),
            min_run=self.parameterAsInt(parameters, self.MIN_RUN, context),
            smoothing=self.parameterAsInt(parameters, self.SMOOTHING, context),
            max_gap=self.parameterAsInt(parameters, self.MAX_GAP, context),
            year_start=parse_month_day(self.parameterAsString(parameters, self.YEAR_START, context)))
        lakes_source = self.parameterAsSource(parameters, self.LAKES, context)
        columns = tables.TableColumns(*(self.parameterAsString(parameters, name, context).strip() for name in (
            self.LAKE_FIELD, self.DATE_FIELD, self.VALUE_FIELD, self.WATER_FIELD, self.CLOUD_FIELD,
            self.LAKE_NAME_PATTERN, self.SHEET)))
        tabular = path.lower().endswith(".xlsx") or tables.is_table_folder(path)
        if tabular or is_table_file(path):
            if lakes_source is not None:  # the table's series, mapped onto the polygons by their ids
                columns = dataclasses.replace(columns, lake=table_lake_column(path, columns.lake))
            series = (self._read_tables(path, columns, value_type, parameters, feedback) if tabular
                      else read_table(path, columns, value_type, feedback))
            feedback.pushInfo(self.tr("{} lakes, {} .. {}").format(len(series.lakes), series.first,
                                                                   series.date(series.values.shape[1] - 1)))
            if lakes_source is not None:
                check_lake_ids(series.lakes, lakes_source, lake_field, feedback)
        elif lakes_source is None:
            raise QgsProcessingException(self.tr(
                "INPUT {} is not a table: give LAKES polygons to extract lake series from a raster stack").format(
                os.path.basename(path)))
        else:
            series = daily_lake_means(self, parameters, context, feedback, lakes_source, lake_field, value_type,
                                      self.parameterAsDouble(parameters, self.SHORE_BUFFER, context),
                                      [self.parameterAsOutputLayer(parameters, name, context)
                                       for name in (self.OUTPUT, self.OUTPUT_LAKES) if parameters.get(name)])
        events = lakeice.phenology(series, options, run=run_for(feedback))
        sink, output = staged_sink(self, parameters, self.OUTPUT, context, output_fields(), WKB_NO_GEOMETRY)
        for event in events:
            feature = QgsFeature(output_fields())
            row = event.row()
            feature.setAttributes([row[name] for name in lakeice.COLUMNS])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        results = {self.OUTPUT: output, self.N_LAKES: len(series.lakes), self.N_EVENTS: len(events)}
        if lakes_source is not None and parameters.get(self.OUTPUT_LAKES):
            results[self.OUTPUT_LAKES] = self._lakes_output(parameters, context, lakes_source, lake_field, events)
            style_lakes_on_load(context, results[self.OUTPUT_LAKES])
        return results

    def _read_tables(self, path: str, columns: tables.TableColumns, value_type: str, parameters,
                     feedback) -> lakeice.Series:
        """A folder of tables or an .xlsx workbook (read through GDAL when openpyxl is missing, as before)."""
        run = run_for(feedback)
        if os.path.isdir(path):
            check_destinations(destination_paths(self, parameters),
                               [(self.INPUT, file) for file in tables.table_files(path)])
            return tables.read_table_folder(path, columns, value_type, run)
        try:
            return tables.read_tables([path], columns, value_type, run)
        except tables.OpenpyxlMissing:
            layer_path = path + ("|layername=" + columns.sheet if columns.sheet else "")
            if not QgsVectorLayer(layer_path, "table", "ogr").isValid():
                raise
            feedback.pushInfo(self.tr("openpyxl is not installed: {} is read through GDAL").format(
                os.path.basename(path)))
            return read_table(layer_path, columns, value_type, feedback)

    def _lakes_output(self, parameters, context, source, lake_field: str, events: List[lakeice.Event]) -> str:
        seasons = sorted({e.season for e in events})
        fields = QgsFields(source.fields())
        for season in seasons:
            for name in LAKE_COLUMNS:
                fields.append(_field("{}_{}".format(name, season)))
        main: Dict[tuple, dict] = {(e.lake, e.season): e.row() for e in events if e.main}
        sink, output = staged_sink(self, parameters, self.OUTPUT_LAKES, context, fields, source.wkbType(),
                                   source.sourceCrs())
        for feature in source.getFeatures():
            lake = str(feature[lake_field])
            values = list(feature.attributes())
            for season in seasons:
                row = main.get((lake, season), {})
                values += [row.get(name) for name in LAKE_COLUMNS]
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(values)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return output
