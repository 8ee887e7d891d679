"""``cryo:snowcover``: daily MODIS snow cover (MOD10A1/MYD10A1 v061) with clouds removed, daily areas and season
indicators."""
from __future__ import annotations

import os

from qgis.core import (QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsProcessingOutputNumber,
                       QgsProcessingParameterBoolean, QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString)

from ...class_labels import class_label
from ...compat import FILE_BEHAVIOR_FILE, FILE_BEHAVIOR_FOLDER, NUMBER_DOUBLE, NUMBER_INTEGER
from ...core.codes import SNOW_COVER
from ...core.io.dates import complete_seasons, parse_month_day
from ...core.io.grid import Georeference
from ...core.snow.snow_cover import SnowOptions, snow_cover
from ...core.snow.snow_inputs import open_dem, open_snow_inputs
from ...qgis_io.run import run_for
from ..base import SidecarStyle, logs_results, refuse_overwriting_inputs, translated
from ..output_loading import table_with_layer, translate_legend_on_load
from ..parameters import advanced, with_help, with_month_day_calendar
from ..stack_parameters import (CRS, DATASET, EXTENT, STACK_HELP, START_DATE, StackAlgorithm, add_stack_parameters,
                                hdf5_needs, is_given, optional_date)


class SnowCover(StackAlgorithm):
    GROUP = "snow"
    # INPUT, INPUT_FOLDER, DATASET, START_DATE, EXTENT, CRS: StackAlgorithm
    INPUT_AQUA = "INPUT_AQUA"
    INPUT_AQUA_FOLDER = "INPUT_AQUA_FOLDER"
    DEM = "DEM"
    NDSI_THRESHOLD = "NDSI_THRESHOLD"
    TERRA_AQUA = "TERRA_AQUA"
    TEMPORAL = "TEMPORAL"
    TEMPORAL_DAYS = "TEMPORAL_DAYS"
    SPATIAL = "SPATIAL"
    SPATIAL_MIN_CLEAR = "SPATIAL_MIN_CLEAR"
    SNOWLINE = "SNOWLINE"
    SNOWLINE_TOLERANCE = "SNOWLINE_TOLERANCE"
    SNOWLINE_MIN_CLEAR = "SNOWLINE_MIN_CLEAR"
    SEASONAL = "SEASONAL"
    NEAREST = "NEAREST"
    NEAREST_DAYS = "NEAREST_DAYS"
    YEAR_START = "YEAR_START"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_INDICATORS = "OUTPUT_INDICATORS"
    CLOUD_BEFORE = "CLOUD_BEFORE"
    CLOUD_AFTER = "CLOUD_AFTER"
    N_DATES = "N_DATES"

    def name(self) -> str:
        return "snowcover"

    def displayName(self) -> str:
        return self.tr("Snow cover from daily MODIS with clouds removed")

    def required_modules(self, parameters, context):
        """h5py when INPUT or INPUT_AQUA is read as HDF5 (MODIS granules are HDF4, read through GDAL)."""
        return self.REQUIRES + hdf5_needs([parameters.get(self.INPUT), parameters.get(self.INPUT_FOLDER),
                                           parameters.get(self.INPUT_AQUA), parameters.get(self.INPUT_AQUA_FOLDER)])

    def effective_parameters(self, parameters):
        """INPUT_FOLDER as INPUT, and INPUT_AQUA_FOLDER as INPUT_AQUA (which accepts a folder)."""
        parameters = super().effective_parameters(parameters)
        if not is_given(parameters.get(self.INPUT_AQUA_FOLDER)):
            return parameters
        if is_given(parameters.get(self.INPUT_AQUA)):
            raise QgsProcessingException(self._both_aqua())
        return dict(parameters, **{self.INPUT_AQUA: parameters[self.INPUT_AQUA_FOLDER], self.INPUT_AQUA_FOLDER: None})

    def checkParameterValues(self, parameters, context):
        """At most one of INPUT_AQUA / INPUT_AQUA_FOLDER; a folder given as INPUT_AQUA (scripts) is checked by its
        first file, as INPUT is (the stack reader checks every file later)."""
        if is_given(parameters.get(self.INPUT_AQUA)) and is_given(parameters.get(self.INPUT_AQUA_FOLDER)):
            return False, self._both_aqua()
        aqua = parameters.get(self.INPUT_AQUA)
        if isinstance(aqua, str) and os.path.isdir(aqua):
            entries = sorted(os.listdir(aqua))
            if not entries:
                return False, self.tr("The INPUT_AQUA folder {} is empty").format(aqua)
            parameters = dict(parameters, **{self.INPUT_AQUA: os.path.join(aqua, entries[0])})
        return super().checkParameterValues(parameters, context)

    def _both_aqua(self) -> str:
        return self.tr("INPUT_AQUA and INPUT_AQUA_FOLDER are both given: give the Aqua grids once, as a file or as a "
                       "folder, and leave the other empty")

    def shortHelpString(self) -> str:
        classes = self.tr(", ").join("{} {}".format(c.value, class_label(c).lower()) for c in SNOW_COVER)
        intro = self.tr(
            "<p>Daily snow cover from the MODIS snow products MOD10A1 (Terra) and MYD10A1 (Aqua), collection 6.1 "
            "(v061), grid NDSI_Snow_Cover, with the clouds removed by the classic sequence of Parajka &amp; Blöschl "
            "(2008, J. Hydrol. 358, 240-258) and Gafurov &amp; Bárdossy (2009, Hydrol. Earth Syst. Sci. 13, "
            "1361-1373). Codes (MODIS Snow Products Collection 6.1 User Guide, Riggs, Hall &amp; Román; Hall &amp; "
            "Riggs 2007): 0-100 NDSI snow cover, snow when at or above NDSI_THRESHOLD (default 10 = NDSI 0.10; 40 "
            "reproduces the NDSI 0.4 threshold of collection 5), else no snow; 237 inland water and 239 ocean: "
            "water; 250 cloud; 200 missing, 201 no decision, 211 night, 254 saturated, 255 fill: no data (never "
            "filled). Any other value refuses the run (a reflectance or temperature grid given by mistake). Output "
            "classes: {}.</p>").format(classes)
        steps = self.tr(
            "<p><b>Steps</b>, each switchable; the log counts the pixel-days each one changed. Every step reads the "
            "states as the previous step left them (never its own fills).</p><ol>"
            "<li><b>TERRA_AQUA</b>: Terra keeps its observation (about 10:30 local time); where it saw cloud or "
            "nothing, Aqua's snow or no snow of the same day (about 13:30) is taken.</li>"
            "<li><b>TEMPORAL</b> (±TEMPORAL_DAYS = N days, 1-3): a cloud cell on day t takes the state of the "
            "nearest clear observation before it within t−N .. t−1 when the nearest clear observation after it "
            "within t+1 .. t+N has the same state; otherwise it stays cloud.</li>"
            "<li><b>SPATIAL</b>: a cloud cell with at least SPATIAL_MIN_CLEAR (K) clear cells among its 8 "
            "neighbours of the same day takes the majority state of those clear neighbours (a tie leaves it "
            "cloud).</li>"
            "<li><b>SNOWLINE</b> (needs DEM, on the grid of the input): per day, from all clear cells of the grid "
            "after steps 1-3 (a first pass), a = the elevation below which only SNOWLINE_TOLERANCE (q, default 2 "
            "%) of the snow cells lie and b = the elevation above which only q of the no-snow cells lie; a cloud "
            "cell above the snow line max(a, b) becomes snow, below the land line min(a, b) no snow, between them "
            "it stays cloud (q = 0: above the highest no-snow cell snow, below the lowest snow cell no snow). A day "
            "without snow has only the land line b, a day without bare land only the snow line a; a day whose clear "
            "cells are fewer than SNOWLINE_MIN_CLEAR (default 5 %) of its land cells gets no lines. Elevations are "
            "compared in equal bins of the DEM's range (1,024 bins, or 10 m ones when those are wider).</li>"
            "<li><b>SEASONAL</b>: a cloud cell whose nearest clear observations before and after it in the same "
            "season are both snow becomes snow.</li>"
            "<li><b>NEAREST</b> (off by default; a last resort after the classic sequence): a cloud cell still left "
            "takes the state of the nearest clear observation of the same cell in time, before or after it in the "
            "same season and at most NEAREST_DAYS days away (default 7); when the clear days before and after are "
            "equally far and disagree, the earlier one. This is the temporal gap filling of the MODIS cloud-gap-"
            "filled products MOD10A1F/MYD10A1F (Hall et al. 2010, Remote Sens. Environ. 114, 496-503; Hall et al. "
            "2019, Hydrol. Earth Syst. Sci. 23, 5227: a cloud cell keeps the previous clear view) taken on both "
            "sides, as forward and backward gap filling (Foppa &amp; Seiz 2012, The Cryosphere 6, 331-342), bounded "
            "in age. It removes nearly all the cloud the classic steps leave, but less reliably than they do: the "
            "final step of Gafurov &amp; Bárdossy, which likewise removes every remaining cloud, was the least "
            "accurate of their sequence (about 80 %, against 90-96 % for the others; EGU2010-7250).</li></ol>")
        outputs = self.tr(
            "<p><b>Outputs</b>: OUTPUT, the daily classes (one 8-bit band per date of either satellite, described "
            "by its ISO date, styled); OUTPUT_TABLE, a CSV per date with the area of each class in km² (true cell "
            "areas: the pixel area on MODIS sinusoidal and other equal-area grids, the ellipsoidal cell area on "
            "geographic grids), cloud_input_km2 (cloud in INPUT before the steps), snow_fraction = snow / (snow + "
            "no snow), cloud_fraction = cloud / (snow + no snow + cloud), and the day's land_line_m and "
            "snow_line_m; OUTPUT_INDICATORS, per complete season (starting YEAR_START, default 08-01, named by the "
            "year it starts in; day 1 = its first day) the bands snow_cover_duration (days of the longest run of "
            "consecutive snow days), snow_onset and snow_end (its first and last day; the earliest of equally long "
            "runs), snow_days (snow days in the season); any day that is not snow breaks a run; nodata −32768. "
            "Results: CLOUD_BEFORE, the cloud fraction of INPUT's land pixel-days (snow, no snow, cloud), "
            "CLOUD_AFTER, the same after every step, N_DATES.</p>")
        inputs = self.tr(
            "<p><b>MODIS granules</b>: a folder of daily granules as downloaded (MOD10A1.AYYYYDDD.hHHvVV.061.*.hdf, "
            "HDF4; tiles of one date are mosaicked; the grid NDSI_Snow_Cover is chosen by default), which may hold "
            "both MOD10A1 and MYD10A1 files (told apart by the start of their names), or a multi-band GeoTIFF of the "
            "codes whose band descriptions are ISO dates; INPUT_AQUA takes the Aqua stack when INPUT holds Terra "
            "only.</p>")
        return intro + steps + outputs + inputs + translated(STACK_HELP)

    def initAlgorithm(self, config=None) -> None:
        add_stack_parameters(self)
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.INPUT_AQUA, self.tr("Aqua (MYD10A1) stack, file or folder"),
                                       FILE_BEHAVIOR_FILE, optional=True),
            self.tr("The MYD10A1 NDSI_Snow_Cover grids on the grid of INPUT, as a folder of daily granules or a "
                    "dated multi-band GeoTIFF, when INPUT holds the Terra (MOD10A1) grids only. Leave empty when "
                    "INPUT is a folder holding both MOD10A1 and MYD10A1 files.")))
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.INPUT_AQUA_FOLDER, self.tr("…or a folder of Aqua (MYD10A1) granules"),
                                       FILE_BEHAVIOR_FOLDER, optional=True),
            self.tr("A folder of daily MYD10A1 granules (or dated files of their codes), instead of INPUT_AQUA.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM on the grid of the input (for the snow line)"),
                                              optional=True),
            self.tr("Elevations in metres on exactly the grid of the snow cover input (same CRS, cells and "
                    "extent; warp it first otherwise). Needed by SNOWLINE; without it that step is skipped.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(self.NDSI_THRESHOLD, self.tr("NDSI threshold of snow (NDSI x 100)"),
                                         NUMBER_INTEGER, defaultValue=10, minValue=1, maxValue=100),
            self.tr("A cell with an NDSI_Snow_Cover value at or above this (1-100) is snow, below it no snow. "
                    "Default 10 (NDSI 0.10); 40 reproduces the NDSI 0.4 threshold of collection 5.")))
        for name, label, text in (
                (self.TERRA_AQUA, self.tr("Step 1: combine Terra and Aqua of the same day"),
                 self.tr("Where Terra saw cloud or nothing, take Aqua's snow or no snow of the same day.")),
                (self.TEMPORAL, self.tr("Step 2: temporal filter"),
                 self.tr("A cloud cell takes the state of the nearest clear days before and after it within "
                         "TEMPORAL_DAYS when both agree.")),
                (self.SPATIAL, self.tr("Step 3: spatial filter (8 neighbours)"),
                 self.tr("A cloud cell with at least SPATIAL_MIN_CLEAR clear neighbours takes their majority "
                         "state.")),
                (self.SNOWLINE, self.tr("Step 4: regional snow line from the DEM"),
                 self.tr("Cloud cells above the day's snow line become snow, below its land line no snow (needs "
                         "DEM).")),
                (self.SEASONAL, self.tr("Step 5: seasonal filter"),
                 self.tr("A cloud cell between two snow observations of the same season becomes snow.")),
                (self.NEAREST, self.tr("Step 6: nearest clear day (last resort)"),
                 self.tr("Off by default. A cloud cell still left after the other steps takes the state of the "
                         "nearest clear day of the same cell within NEAREST_DAYS days in the same season (the "
                         "earlier one on a tie); less reliable than the classic steps."))):
            self.addParameter(with_help(QgsProcessingParameterBoolean(name, label, defaultValue=name != self.NEAREST),
                                        text))
            if name == self.TEMPORAL:
                self.addParameter(with_help(
                    QgsProcessingParameterNumber(self.TEMPORAL_DAYS, self.tr("Temporal filter: days on each side (N)"),
                                                 NUMBER_INTEGER, defaultValue=3, minValue=1, maxValue=3),
                    self.tr("How far (1-3 days) the temporal filter looks before and after a cloud day for a clear "
                            "observation; default 3.")))
            if name == self.SPATIAL:
                self.addParameter(with_help(
                    QgsProcessingParameterNumber(self.SPATIAL_MIN_CLEAR,
                                                 self.tr("Spatial filter: clear neighbours needed (K)"),
                                                 NUMBER_INTEGER, defaultValue=4, minValue=1, maxValue=8),
                    self.tr("How many of the 8 neighbours (1-8) must be clear (snow or no snow) for the spatial "
                            "filter to fill a cloud cell; default 4.")))
            if name == self.NEAREST:
                self.addParameter(with_help(
                    QgsProcessingParameterNumber(self.NEAREST_DAYS,
                                                 self.tr("Nearest clear day: at most this many days away"),
                                                 NUMBER_INTEGER, defaultValue=7, minValue=1, maxValue=120),
                    self.tr("How far (1-120 days) before or after a cloud day step 6 looks for a clear day of the "
                            "same cell; farther clear days leave the cell cloud. Default 7.")))
            if name == self.SNOWLINE:
                self.addParameter(advanced(with_help(
                    QgsProcessingParameterNumber(self.SNOWLINE_TOLERANCE, self.tr("Snow line tolerance (%)"),
                                                 NUMBER_DOUBLE, defaultValue=2.0, minValue=0.0, maxValue=49.0),
                    self.tr("The share (0-49 %) of the snow cells allowed below the snow line's a and of the "
                            "no-snow cells allowed above its b (snow patches, misclassified cells); 0 uses the "
                            "lowest snow and the highest no-snow cell. Default 2 %."))))
                self.addParameter(advanced(with_help(
                    QgsProcessingParameterNumber(self.SNOWLINE_MIN_CLEAR,
                                                 self.tr("Snow line: clear cells needed on a day (%)"), NUMBER_DOUBLE,
                                                 defaultValue=5.0, minValue=0.0, maxValue=100.0),
                    self.tr("A day gets snow and land lines only when its clear cells are at least this share of "
                            "its land cells (with an elevation); default 5 %."))))
        self.addParameter(with_help(
            with_month_day_calendar(QgsProcessingParameterString(
                self.YEAR_START, self.tr("Season starts on (MM-DD)"), defaultValue="08-01")),
            self.tr("Month and day (MM-DD) on which each snow season begins (default 08-01, the hydrological year): "
                    "the seasonal filter works within a season, and the indicators are computed per complete "
                    "season.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Daily snow cover, clouds removed")),
            self.tr("GeoTIFF with one 8-bit band per date, described by its ISO date: 0 no snow, 1 snow, 2 cloud "
                    "left, 3 water, 255 no data; styled with the class colours.")))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination(self.OUTPUT_TABLE, self.tr("Daily snow and cloud areas (km²)"),
                                                  self.tr("CSV files (*.csv)"), optional=True, createByDefault=True),
            self.tr("CSV with one row per date: the area of each class in km² (true cell areas), cloud in INPUT "
                    "before the steps, snow_fraction, cloud_fraction, and the day's land and snow line (m).")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT_INDICATORS, self.tr("Snow season indicators"),
                                                    optional=True, createByDefault=True),
            self.tr("Int16 GeoTIFF with the bands snow_cover_duration, snow_onset, snow_end and snow_days of every "
                    "complete season, named <indicator>_<year> (days of the season, day 1 = YEAR_START); nodata "
                    "−32768. Skipped with a warning when the input holds no complete season and no file was "
                    "named.")))
        self.addOutput(QgsProcessingOutputNumber(self.CLOUD_BEFORE, self.tr("Cloud fraction before (INPUT)")))
        self.addOutput(QgsProcessingOutputNumber(self.CLOUD_AFTER, self.tr("Cloud fraction after every step")))
        self.addOutput(QgsProcessingOutputNumber(self.N_DATES, self.tr("Number of dates")))

    def options(self, parameters, context) -> SnowOptions:
        flag = lambda name: self.parameterAsBoolean(parameters, name, context)  # noqa: E731
        return SnowOptions(
            ndsi_threshold=self.parameterAsInt(parameters, self.NDSI_THRESHOLD, context),
            terra_aqua=flag(self.TERRA_AQUA), temporal=flag(self.TEMPORAL),
            temporal_days=self.parameterAsInt(parameters, self.TEMPORAL_DAYS, context), spatial=flag(self.SPATIAL),
            spatial_min_clear=self.parameterAsInt(parameters, self.SPATIAL_MIN_CLEAR, context),
            snow_line=flag(self.SNOWLINE),
            snow_line_tolerance=self.parameterAsDouble(parameters, self.SNOWLINE_TOLERANCE, context) / 100.0,
            snow_line_min_clear=self.parameterAsDouble(parameters, self.SNOWLINE_MIN_CLEAR, context) / 100.0,
            seasonal=flag(self.SEASONAL), nearest=flag(self.NEAREST),
            nearest_days=self.parameterAsInt(parameters, self.NEAREST_DAYS, context),
            year_start=parse_month_day(self.parameterAsString(parameters, self.YEAR_START, context)))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        table = self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context) or None
        indicators = self.parameterAsOutputLayer(parameters, self.OUTPUT_INDICATORS, context) or None
        options = self.options(parameters, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        aqua = self.parameterAsFile(parameters, self.INPUT_AQUA, context) or None
        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        dem_path = dem_layer.source() if dem_layer is not None else None
        georef = self._georeference(parameters, context)
        with open_snow_inputs(path, aqua, self.parameterAsString(parameters, DATASET, context).strip() or None,
                              optional_date(self, parameters, START_DATE, context), georef) as inputs:
            feedback.pushInfo(inputs.describe())
            refuse_overwriting_inputs([output, table, indicators], inputs.files + [dem_path])
            dates = sorted(set(inputs.terra.dates) | set(inputs.aqua.dates if inputs.aqua is not None else []))
            if indicators and not complete_seasons(dates, options.year_start)[0] and \
                    self._temporary(parameters.get(self.OUTPUT_INDICATORS)):
                feedback.pushWarning(self.tr(
                    "No complete season starting {:02d}-{:02d} in {} .. {}: OUTPUT_INDICATORS skipped").format(
                        *options.year_start, dates[0], dates[-1]))
                layers = context.layersToLoadOnCompletion()
                layers.pop(indicators, None)
                context.setLayersToLoadOnCompletion(layers)
                indicators = None
            dem = open_dem(dem_path, inputs.terra.grid)
            try:
                result = snow_cover(inputs, output, table, indicators, dem, options, run_for(feedback))
            finally:
                if dem is not None:
                    dem.close()
        for path_out in (output, indicators):
            if path_out:
                SidecarStyle.attach(context, path_out)
                translate_legend_on_load(context, path_out)
        table_with_layer(context, table, output, self.parameterDefinition(self.OUTPUT_TABLE).description(),
                         self.OUTPUT_TABLE)
        return {self.OUTPUT: output, self.OUTPUT_TABLE: table, self.OUTPUT_INDICATORS: indicators,
                self.CLOUD_BEFORE: round(result.cloud_fraction_before, 6),
                self.CLOUD_AFTER: round(result.cloud_fraction_after, 6), self.N_DATES: len(result.dates)}

    def _georeference(self, parameters, context):
        """The georeference EXTENT and CRS give grids stored without one (as for every stack), or None."""
        crs = self.parameterAsCrs(parameters, CRS, context)
        if is_given(parameters.get(EXTENT)):
            extent = self.parameterAsExtent(parameters, EXTENT, context, crs)
            if extent.isNull() or extent.isEmpty():
                raise QgsProcessingException(self.tr("EXTENT is empty; give xmin,xmax,ymin,ymax of the grid"))
            return Georeference((extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                                crs.toWkt())
        if crs.isValid() and crs.authid() != "EPSG:4326":
            raise QgsProcessingException(self.tr(
                "A CRS other than EPSG:4326 needs an EXTENT too (the grid's bounds in that CRS)"))
        return None

    @staticmethod
    def _temporary(value) -> bool:
        """Whether an output parameter's value asks for a temporary file (nothing the user named)."""
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        return value is None or str(value) in ("", "TEMPORARY_OUTPUT")
