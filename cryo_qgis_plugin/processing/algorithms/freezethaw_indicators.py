"""``cryo:freezethawindicators``: per-pixel freeze/thaw season indicators for every complete season year."""
from __future__ import annotations

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterEnum,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterString)

from ...compat import NUMBER_INTEGER
from ...core import freezethaw
from ...core.io.dates import parse_month_day
from ...qgis_io.run import run_for
from ..base import SidecarStyle, logs_results, refuse_overwriting_inputs, translated
from ..product_parameters import PRODUCT_HELP, add_product_parameters, product_from_parameters
from ..option_labels import PRECIPITATION_LABELS
from ..parameters import with_help, with_month_day_calendar, with_option_labels
from ..stack_parameters import STACK_HELP, StackAlgorithm, add_stack_parameters, open_stack_from_parameters
from ..dask_parameters import DASK_PACKAGES, add_dask_parameter, dask_client, dask_modules

PRECIPITATION_OPTIONS = ["thawed", "missing"]


class FreezeThawIndicators(StackAlgorithm):
    GROUP = "freezethaw"
    REQUIRES_FOR_SOME_INPUTS = ("h5py",) + DASK_PACKAGES  # HDF5 inputs; a DASK_SCHEDULER
    # INPUT, DATASET, START_DATE, EXTENT, CRS: StackAlgorithm
    YEAR_START = "YEAR_START"
    MIN_RUN = "MIN_RUN"
    PRECIPITATION = "PRECIPITATION"
    OUTPUT = "OUTPUT"
    YEARS = "YEARS"
    N_YEARS = "N_YEARS"

    def name(self) -> str:
        return "freezethawindicators"

    def displayName(self) -> str:
        return self.tr("Freeze/thaw season indicators")

    def shortHelpString(self) -> str:
        indicators = self.tr(
            "<p>Per-pixel season indicators from daily freeze/thaw codes (AMSR/TPDC: 1 frozen, 2 thawed, 3 "
            "precipitation; other products through their roles, see PRODUCT), "
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
            "counts nowhere; with PRECIPITATION = missing, code 3 breaks runs but is still a valid day, and so is "
            "a transitional day (NSIDC-0477 codes 2 and 3). An onset "
            "that does not occur is nodata, and a pixel with no valid day (water, ice sheet) is nodata in every "
            "band. Seasons the input covers only in part are left out (the log names them).</p>"
            "<p>Output: int16 GeoTIFF, one band per indicator and season year named &lt;indicator&gt;_&lt;year&gt; "
            "(e.g. freeze_onset_2005), nodata -32768.</p>")
        return indicators + translated(PRODUCT_HELP) + translated(STACK_HELP) + self.tr(
            "<p>The decoded stack of <i>Decode freeze/thaw product</i> is a valid input too.</p>")

    def initAlgorithm(self, config=None) -> None:
        add_stack_parameters(self)
        add_product_parameters(self)
        self.addParameter(with_help(
            with_month_day_calendar(QgsProcessingParameterString(
                self.YEAR_START, self.tr("Season year starts on (MM-DD)"), defaultValue="08-01")),
            self.tr("Month and day (MM-DD) on which each season year begins; default 08-01, so that a whole "
                    "winter falls in one season. A season is named by the calendar year it starts in.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.MIN_RUN, self.tr("Consecutive days that make an onset (MIN_RUN)"), NUMBER_INTEGER,
                defaultValue=5, minValue=1, maxValue=60),
            self.tr("Number of consecutive frozen (or thawed) days, 1-60, that start the freeze (or thaw) "
                    "onset; default 5. Longer runs make the onsets ignore brief early freezes and thaws.")))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.PRECIPITATION, self.tr("Precipitation days (code 3) count as"), PRECIPITATION_OPTIONS,
                defaultValue="thawed", usesStaticStrings=True), PRECIPITATION_LABELS),
            self.tr("thawed (default): a code 3 day counts as thawed, in the thaw runs and in thawed_days; "
                    "missing: it breaks runs and counts only in valid_days.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Season indicators")),
            self.tr("Int16 GeoTIFF with one band per indicator and season year, named by both (e.g. "
                    "freeze_onset_2005). Onsets and freeze_end are days of the season (day 1 = YEAR_START), the "
                    "other bands numbers of days; nodata −32768.")))
        self.addOutput(QgsProcessingOutputString(self.YEARS, self.tr("Season years computed (comma separated)")))
        self.addOutput(QgsProcessingOutputNumber(self.N_YEARS, self.tr("Number of season years")))
        add_dask_parameter(self)

    def required_modules(self, parameters, context):
        """h5py for HDF5 inputs; dask, distributed and xarray with a DASK_SCHEDULER."""
        return super().required_modules(parameters, context) + dask_modules(parameters)

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        year_start = parse_month_day(self.parameterAsString(parameters, self.YEAR_START, context))
        min_run = self.parameterAsInt(parameters, self.MIN_RUN, context)
        precipitation = self.parameterAsEnumString(parameters, self.PRECIPITATION, context)
        with open_stack_from_parameters(self, parameters, context) as stack:
            feedback.pushInfo(stack.describe())
            refuse_overwriting_inputs([output], stack.files)
            product = product_from_parameters(self, parameters, context, stack, feedback)
            client = dask_client(self, parameters, context, feedback)
            if client is None:
                result = freezethaw.indicators(stack, output, year_start, min_run, precipitation == "thawed",
                                               product, run=run_for(feedback))
            else:
                from ...core.scale.freezethaw_scaled import indicators_with_dask
                from ...core.scale.lazy_stack import StackOpener
                with client:
                    result = indicators_with_dask(StackOpener.of(stack), output, year_start, min_run,
                                                  precipitation == "thawed", product, client, run_for(feedback))
        years = ",".join(map(str, result.years))
        feedback.pushInfo(self.tr("Season years: {}").format(years))
        SidecarStyle.attach(context, output)
        return {self.OUTPUT: output, self.YEARS: years, self.N_YEARS: len(result.years)}
