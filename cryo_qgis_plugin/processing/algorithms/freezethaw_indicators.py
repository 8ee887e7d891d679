"""``cryo:freezethawindicators``: per-pixel freeze/thaw season indicators for every complete season year."""
from __future__ import annotations

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterEnum,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterString)

from ...core import freezethaw
from ...core.io.dates import parse_month_day
from ...qgis_io.run import run_for
from ..base import (SidecarStyle, core_errors, logs_results, refuse_overwriting_inputs,
                   translated)
from ..stack_parameters import STACK_HELP, StackAlgorithm, add_stack_parameters, open_stack_from_parameters

PRECIPITATION_OPTIONS = ["thawed", "missing"]


class FreezeThawIndicators(StackAlgorithm):
    GROUP = "freezethaw"

    def name(self) -> str:
        return "freezethawindicators"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Freeze/thaw season indicators")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        indicators = self.tr(
            "<p>Per-pixel season indicators from daily freeze/thaw codes (1 frozen, 2 thawed, 3 precipitation), "
            "as used with the freeze/thaw Earth System Data Records (Kim et al. 2011, 2017). A season year starts "
            "on YEAR_START (MM-DD, default 08-01) and is named by the calendar year it starts in; day 1 is its "
            "first day.</p><ul>"
            "<li><b>freeze_onset</b>: first day d with days d .. d+MIN_RUN-1 all frozen;</li>"
            "<li><b>thaw_onset</b>: first day d after freeze_onset with d .. d+MIN_RUN-1 all thawed (code 2, and "
            "code 3 when PRECIPITATION = thawed);</li>"
            "<li><b>freeze_end</b>: last frozen day before thaw_onset; <b>frozen_season_length</b> = "
            "thaw_onset - freeze_onset;</li>"
            "<li><b>frozen_days</b>, <b>thawed_days</b>, <b>valid_days</b> (codes 1, 2, 3) in the season.</li></ul>"
            "<p>A missing day (code 0, 15, an unknown code, or a date absent from the stack) breaks runs and "
            "counts nowhere; with PRECIPITATION = missing, code 3 breaks runs but is still a valid day. An onset "
            "that does not occur is nodata, and a pixel with no valid day (water, ice sheet) is nodata in every "
            "band. Seasons the input covers only in part are left out (the log names them).</p>"
            "<p>Output: int16 GeoTIFF, one band per indicator and season year named &lt;indicator&gt;_&lt;year&gt; "
            "(e.g. freeze_onset_2005), nodata -32768.</p>")
        return indicators + translated(STACK_HELP) + self.tr(
            "<p>The decoded stack of <i>Decode freeze/thaw product</i> is a valid input too.</p>")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        add_stack_parameters(self)
        self.addParameter(QgsProcessingParameterString(
            "YEAR_START", self.tr("Season year starts on (MM-DD)"), defaultValue="08-01"))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_RUN", self.tr("Consecutive days that make an onset (MIN_RUN)"), QgsProcessingParameterNumber.Integer,
            defaultValue=5, minValue=1, maxValue=60))
        self.addParameter(QgsProcessingParameterEnum(
            "PRECIPITATION", self.tr("Precipitation days (code 3) count as"), PRECIPITATION_OPTIONS,
            defaultValue="thawed", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Season indicators")))
        self.addOutput(QgsProcessingOutputString("YEARS", self.tr("Season years computed (comma separated)")))
        self.addOutput(QgsProcessingOutputNumber("N_YEARS", self.tr("Number of season years")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        with core_errors():
            year_start = parse_month_day(self.parameterAsString(parameters, "YEAR_START", context))
        min_run = self.parameterAsInt(parameters, "MIN_RUN", context)
        precipitation = self.parameterAsEnumString(parameters, "PRECIPITATION", context)
        with open_stack_from_parameters(self, parameters, context) as stack:
            feedback.pushInfo(stack.describe())
            refuse_overwriting_inputs([output], stack.files)
            with core_errors():
                result = freezethaw.indicators(stack, output, year_start, min_run, precipitation == "thawed",
                                               run=run_for(feedback))
        years = ",".join(map(str, result.years))
        feedback.pushInfo(self.tr("Season years: {}").format(years))
        SidecarStyle.attach(context, output)
        return {"OUTPUT": output, "YEARS": years, "N_YEARS": len(result.years)}
