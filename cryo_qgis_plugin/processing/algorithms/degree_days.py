"""``cryo:degreedays``: freezing (DDF) and thawing (DDT) degree-day indices per season year, streamed."""
from __future__ import annotations

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString)

from ...core.permafrost import degreedays
from ...core.io.dates import parse_month_day
from ...qgis_io.run import run_for
from ..base import (SidecarStyle, core_errors, logs_results, refuse_overwriting_inputs,
                   refuse_shared_outputs, translated)
from ..stack_parameters import STACK_HELP, StackAlgorithm, add_stack_parameters, open_stack_from_parameters
from ..temperature_parameters import PACKING_HELP, add_packing_parameters, packing_from


class DegreeDays(StackAlgorithm):
    GROUP = "permafrost"

    def name(self) -> str:
        return "degreedays"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Degree-day indices (freezing DDF, thawing DDT)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
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

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        add_stack_parameters(self)
        self.parameterDefinition("INPUT").setDescription(
            self.tr("Daily temperature stack (GST, LST or air temperature)"))
        add_packing_parameters(self)
        self.addParameter(QgsProcessingParameterString(
            "YEAR_START", self.tr("Season year starts on (MM-DD)"), defaultValue="07-01"))
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_GAP", self.tr("Longest run of missing days filled by interpolation (days)"),
            QgsProcessingParameterNumber.Integer, defaultValue=5, minValue=0, maxValue=60))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_DDF", self.tr("Freezing index DDF (°C·days)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_DDT", self.tr("Thawing index DDT (°C·days)")))
        self.addOutput(QgsProcessingOutputString("YEARS", self.tr("Season years computed (comma separated)")))
        self.addOutput(QgsProcessingOutputNumber("N_YEARS", self.tr("Number of season years")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        ddf = self.parameterAsOutputLayer(parameters, "OUTPUT_DDF", context)
        ddt = self.parameterAsOutputLayer(parameters, "OUTPUT_DDT", context)
        refuse_shared_outputs([("OUTPUT_DDF", ddf), ("OUTPUT_DDT", ddt)])
        with core_errors():
            year_start = parse_month_day(self.parameterAsString(parameters, "YEAR_START", context))
        packing = packing_from(self, parameters, context)
        max_gap = self.parameterAsInt(parameters, "MAX_GAP", context)
        with open_stack_from_parameters(self, parameters, context) as stack:
            feedback.pushInfo(stack.describe())
            refuse_overwriting_inputs([ddf, ddt], stack.files)
            with core_errors():
                result = degreedays.degree_days(stack, ddf, ddt, packing, year_start, max_gap,
                                                run=run_for(feedback))
        years = ",".join(map(str, result.years))
        feedback.pushInfo(self.tr("Season years: {}").format(years))
        for path in (ddf, ddt):
            SidecarStyle.attach(context, path)
        return {"OUTPUT_DDF": ddf, "OUTPUT_DDT": ddt, "YEARS": years, "N_YEARS": len(result.years)}
