"""``cryo:degreedays``: freezing (DDF) and thawing (DDT) degree-day indices per season year, streamed."""
from __future__ import annotations

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString)

from ...compat import NUMBER_INTEGER
from ...core.io.dates import parse_month_day
from ...core.permafrost import degreedays
from ...qgis_io.run import run_for
from .. import temperature_parameters
from ..base import SidecarStyle, logs_results, refuse_overwriting_inputs, translated
from ..parameters import with_help, with_month_day_calendar
from ..stack_parameters import STACK_HELP, StackAlgorithm, add_stack_parameters, open_stack_from_parameters
from ..dask_parameters import DASK_PACKAGES, add_dask_parameter, dask_client, dask_modules
from ..temperature_parameters import PACKING_HELP, add_packing_parameters, packing_from


class DegreeDays(StackAlgorithm):
    REQUIRES_FOR_SOME_INPUTS = ("h5py",) + DASK_PACKAGES  # HDF5 inputs; a DASK_SCHEDULER
    GROUP = "permafrost"
    # INPUT, DATASET, START_DATE, EXTENT, CRS: StackAlgorithm
    SCALE = temperature_parameters.SCALE
    OFFSET = temperature_parameters.OFFSET
    UNITS = temperature_parameters.UNITS
    YEAR_START = "YEAR_START"
    MAX_GAP = "MAX_GAP"
    OUTPUT_DDF = "OUTPUT_DDF"
    OUTPUT_DDT = "OUTPUT_DDT"
    YEARS = "YEARS"
    N_YEARS = "N_YEARS"

    def name(self) -> str:
        return "degreedays"

    def displayName(self) -> str:
        return self.tr("Degree-day indices (freezing DDF, thawing DDT)")

    def shortHelpString(self) -> str:
        indices = self.tr(
            "<p>Per pixel and season year: DDF = Σ max(−T, 0) and DDT = Σ max(T, 0) over the season's days, with T "
            "the daily temperature in °C; both are positive °C·days (Smith &amp; Riseborough 1996; Obu et al. 2019, "
            "eq. 1). A season year starts on YEAR_START (MM-DD, default 07-01, so a whole winter falls in one "
            "season) and is named by the calendar year it starts in; seasons the stack covers only in part are "
            "left out.</p>"
            "<p><b>Missing days</b> (nodata, clouds, dates absent from the stack): a run of at most MAX_GAP days is "
            "filled by linear interpolation in time between the values around it (at the very start or end of the "
            "record, with the nearest value); a season with a longer run is nodata for that pixel, and the log "
            "counts those pixels.</p>")
        return indices + translated(PACKING_HELP) + translated(STACK_HELP) + self.tr(
            "<p>The stack is read once, date by date, keeping a few grids in memory whatever its length. Outputs: "
            "float32 GeoTIFFs with one band per season year named ddf_&lt;year&gt; / ddt_&lt;year&gt;, "
            "nodata -9999; inputs of <i>TTOP permafrost model</i>.</p>")

    def initAlgorithm(self, config=None) -> None:
        add_stack_parameters(self)
        stack = self.parameterDefinition(self.INPUT)
        stack.setDescription(self.tr("Daily temperature stack (GST, LST or air temperature)"))
        stack.setHelp(self.tr(
            "Daily temperatures (stored values turned into °C by SCALE, OFFSET and UNITS), e.g. the output of "
            "Apply GST model to LST stacks: a multi-band GeoTIFF/netCDF with dated bands, an HDF5 file or a "
            "folder of daily files."))
        add_packing_parameters(self)
        self.addParameter(with_help(
            with_month_day_calendar(QgsProcessingParameterString(
                self.YEAR_START, self.tr("Season year starts on (MM-DD)"), defaultValue="07-01")),
            self.tr("Month and day (MM-DD) on which each season year begins; default 07-01, so that a whole "
                    "northern winter falls in one season. A season is named by the calendar year it starts in.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.MAX_GAP, self.tr("Longest run of missing days filled by interpolation (days)"), NUMBER_INTEGER,
                defaultValue=5, minValue=0, maxValue=60),
            self.tr("Runs of up to this many missing days (0-60, default 5) are filled by linear interpolation in "
                    "time; a pixel with a longer run in a season is nodata for that season. 0: any missing day "
                    "makes the season nodata.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT_DDF, self.tr("Freezing index DDF (°C·days)")),
            self.tr("Float32 GeoTIFF, one band per season year named ddf_YYYY: DDF = Σ max(−T, 0) in °C·days "
                    "(positive); nodata −9999. The DDF input of TTOP permafrost model.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT_DDT, self.tr("Thawing index DDT (°C·days)")),
            self.tr("Float32 GeoTIFF, one band per season year named ddt_YYYY: DDT = Σ max(T, 0) in °C·days; "
                    "nodata −9999. The DDT input of TTOP permafrost model.")))
        self.addOutput(QgsProcessingOutputString(self.YEARS, self.tr("Season years computed (comma separated)")))
        self.addOutput(QgsProcessingOutputNumber(self.N_YEARS, self.tr("Number of season years")))
        add_dask_parameter(self)

    def required_modules(self, parameters, context):
        """h5py for HDF5 inputs; dask, distributed and xarray with a DASK_SCHEDULER."""
        return super().required_modules(parameters, context) + dask_modules(parameters)

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        ddf = self.parameterAsOutputLayer(parameters, self.OUTPUT_DDF, context)
        ddt = self.parameterAsOutputLayer(parameters, self.OUTPUT_DDT, context)
        year_start = parse_month_day(self.parameterAsString(parameters, self.YEAR_START, context))
        packing = packing_from(self, parameters, context)
        max_gap = self.parameterAsInt(parameters, self.MAX_GAP, context)
        with open_stack_from_parameters(self, parameters, context) as stack:
            feedback.pushInfo(stack.describe())
            refuse_overwriting_inputs([ddf, ddt], stack.files)
            client = dask_client(self, parameters, context, feedback)
            if client is None:
                result = degreedays.degree_days(stack, ddf, ddt, packing, year_start, max_gap,
                                                run=run_for(feedback))
            else:
                from ...core.scale.lazy_stack import StackOpener
                from ...core.scale.permafrost_scaled import degree_days_with_dask
                with client:
                    result = degree_days_with_dask(StackOpener.of(stack), ddf, ddt, packing, year_start, max_gap,
                                                   client, run_for(feedback))
        years = ",".join(map(str, result.years))
        feedback.pushInfo(self.tr("Season years: {}").format(years))
        for path in (ddf, ddt):
            SidecarStyle.attach(context, path)
        return {self.OUTPUT_DDF: ddf, self.OUTPUT_DDT: ddt, self.YEARS: years, self.N_YEARS: len(result.years)}
