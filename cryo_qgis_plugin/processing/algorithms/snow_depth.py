"""``cryo:snowdepth``: passive-microwave snow depth SD = a·(Tb18H − Tb36H) + b from two daily Tb stacks, streamed,
with the season maximum, mean and snow water equivalent."""
from __future__ import annotations

import contextlib
from typing import Optional, Tuple

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterString)

from ...compat import FILE_BEHAVIOR_FILE, NUMBER_DOUBLE
from ...core import codes
from ...core.errors import CryoInputError
from ...core.io.dates import parse_month_day
from ...core.io.grid import Georeference
from ...core.io.stack import open_stack
from ...core.snow import snow_depth
from ...qgis_io.run import run_for
from ..base import SidecarStyle, logs_results, refuse_overwriting_inputs, translated
from ..option_labels import PRESET_LABELS
from ..parameters import advanced, with_help, with_month_day_calendar, with_option_labels
from ..stack_parameters import (STACK_HELP, StackAlgorithm, add_stack_parameters, hdf5_needs, is_given,
                                open_stack_at, open_stack_from_parameters)


def default_mask_codes() -> Tuple[str, str]:
    """The snow codes and the "not known" (cloud, nodata) codes of a ``cryo:snowcover`` stack, from the SNOW_COVER
    class table when the plugin has one; else "1" and none."""
    table = getattr(codes, "SNOW_COVER", None)
    if table is None:
        return "1", ""
    snow = [c.value for c in table if c.key in ("snow", "snow_covered", "snow_cover")]
    unknown = [c.value for c in table if "cloud" in c.key or c.key == "nodata"]
    return ",".join(map(str, snow)) or "1", ",".join(map(str, unknown))


def parse_codes(text: str, name: str) -> Tuple[int, ...]:
    """Comma-separated integer class codes."""
    try:
        return tuple(int(part) for part in text.replace(";", ",").split(",") if part.strip())
    except ValueError:
        raise CryoInputError("{} must be class codes separated by commas (e.g. 1 or 1,2), got {!r}".format(
            name, text)) from None


class SnowDepth(StackAlgorithm):
    # the snow group once the provider has one (cryo:snowcover adds it), meanwhile with freeze/thaw
    GROUP = "snow"
    # INPUT (Tb 18/19 GHz H), INPUT_FOLDER, DATASET, START_DATE, EXTENT, CRS, PASS: StackAlgorithm
    INPUT_36 = "INPUT_36"
    PRESET = "PRESET"
    COEFFICIENT_A = "COEFFICIENT_A"
    COEFFICIENT_B = "COEFFICIENT_B"
    SCALE = "SCALE"
    OFFSET = "OFFSET"
    NODATA = "NODATA"
    SNOW_MASK = "SNOW_MASK"
    SNOW_MASK_CODE = "SNOW_MASK_CODE"
    SNOW_MASK_UNKNOWN_CODES = "SNOW_MASK_UNKNOWN_CODES"
    SEASON_START = "SEASON_START"
    DENSITY = "DENSITY"
    OUTPUT = "OUTPUT"
    OUTPUT_SEASONS = "OUTPUT_SEASONS"
    N_DATES = "N_DATES"
    N_SEASONS = "N_SEASONS"
    MAX_DEPTH_CM = "MAX_DEPTH_CM"
    SCREENED_FRACTION = "SCREENED_FRACTION"

    def name(self) -> str:
        return "snowdepth"

    def displayName(self) -> str:
        return self.tr("Snow depth from passive microwave (Chang, Che)")

    def required_modules(self, parameters, context):
        return self.REQUIRES + hdf5_needs([parameters.get(name) for name in (
            self.INPUT, self.INPUT_FOLDER, self.INPUT_36, self.SNOW_MASK)])

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Daily snow depth from the horizontally polarised brightness temperatures at 18/19 GHz (INPUT) and "
            "36/37 GHz (INPUT_36), e.g. AMSR2 or SSMIS daily grids: <b>SD = a · (Tb18H − Tb36H) + b</b> in cm, Tb in "
            "K. Dry snow scatters the higher frequency more, so the gradient grows with depth.</p>"
            "<p><b>PRESET</b>: chang1987: a = 1.59 cm/K, b = 0 (Chang, Foster &amp; Hall 1987, Ann. Glaciol. 9, "
            "39-44; Nimbus-7 SMMR 18 and 37 GHz H, derived for a snow density of 0.3 g/cm³ and 0.35 mm grains); "
            "che2008: a = 0.66 cm/K, b = 1.97 cm (Che, Li, Jin, Armstrong &amp; Zhang 2008, Ann. Glaciol. 49, "
            "145-154; the Chang algorithm re-fitted to the stations of China for SSM/I 19 and 37 GHz H; these are "
            "the coefficients as later studies cite that paper, not checked against the paper itself: if the "
            "paper's own values differ for your sensor, give them with PRESET custom); custom: COEFFICIENT_A and "
            "COEFFICIENT_B.</p>"
            "<p><b>Screening</b> (counted in the log): Tb36H &gt; 255 K means snow-free ground or <i>wet</i> snow, "
            "whose liquid water hides the scattering signal: 0 cm (under wet snow the depth is unknown, not "
            "zero); Tb18H − Tb36H &lt; 0 means no dry snow: 0 cm; a negative depth is 0 cm. With SNOW_MASK (a "
            "daily class stack on the same grid and dates, e.g. the output of cryo:snowcover), a cell whose mask "
            "code is neither one of SNOW_MASK_CODE nor one of SNOW_MASK_UNKNOWN_CODES (cloud) nor the mask's "
            "nodata has no snow: 0 cm; unknown cells keep the microwave depth.</p>"
            "<p><b>Units</b>: the stored values become kelvin as value × SCALE + OFFSET (empty: the file's own "
            "scale_factor and add_offset, else 1 and 0); NODATA (empty: the files' own) marks missing values. "
            "Brightness temperatures outside 100-320 K are refused with the likely cause (tenths or hundredths of "
            "a kelvin without their scale factor, °C, fill values). Both stacks must have the same grid and the "
            "same dates.</p>"
            "<p><b>Outputs</b>: OUTPUT, the daily snow depth (float32, cm: the bands' unit and the UNITS metadata "
            "say so; band descriptions are the ISO dates; nodata −9999; styled); OUTPUT_SEASONS, per season "
            "(starting SEASON_START, default 08-01, named by the year it starts in) the bands "
            "max_depth_cm_YYYY, mean_depth_cm_YYYY (over the days with a value, snow-free days counting 0), "
            "max_swe_mm_YYYY and mean_swe_mm_YYYY (SWE = SD · ρ_s / ρ_w, with SD in mm and ρ_s = DENSITY), and "
            "valid_days_YYYY. DENSITY defaults to 0.24 g/cm³, about the initial bulk density of the tundra and "
            "prairie snow classes of Sturm et al. 2010 (J. Hydrometeorol. 11, 1380-1393); Chang et al. 1987 "
            "assumed 0.30 g/cm³.</p>") + translated(STACK_HELP) + self.tr(
            "<p>The stacks are read in blocks of rows and dates sized to a memory budget, so memory does not grow "
            "with the record length. DATASET, START_DATE, EXTENT, CRS and PASS apply to both stacks.</p>")

    def initAlgorithm(self, config=None) -> None:
        add_stack_parameters(self)
        stack = self.parameterDefinition(self.INPUT)
        stack.setDescription(self.tr("Daily Tb at 18/19 GHz, horizontal polarisation (file)"))
        stack.setHelp(self.tr(
            "Daily brightness temperatures at 18.7 GHz (AMSR2) or 19.35 GHz (SSM/I, SSMIS), horizontal "
            "polarisation: an HDF5 file, a dated multi-band GeoTIFF/netCDF; for a folder of daily files use "
            "INPUT_FOLDER."))
        self.parameterDefinition(self.INPUT_FOLDER).setDescription(
            self.tr("…or a folder of daily Tb 18/19 GHz H files"))
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.INPUT_36, self.tr("Daily Tb at 36/37 GHz, horizontal polarisation"),
                                       FILE_BEHAVIOR_FILE),
            self.tr("Daily brightness temperatures at 36.5 GHz (AMSR2) or 37 GHz (SSM/I, SSMIS), horizontal "
                    "polarisation, in the same layout as INPUT (a file; scripts may give a folder of daily files): "
                    "same grid and same dates.")))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.PRESET, self.tr("Coefficients"), list(snow_depth.PRESET_CHOICES), defaultValue="chang1987",
                usesStaticStrings=True), PRESET_LABELS),
            self.tr("chang1987: a = 1.59 cm/K, b = 0 (Chang et al. 1987); che2008: a = 0.66 cm/K, b = 1.97 cm for "
                    "China (Che et al. 2008); custom: COEFFICIENT_A and COEFFICIENT_B.")))
        for name, label, help_text in (
                (self.COEFFICIENT_A, self.tr("Coefficient a (cm/K, PRESET custom)"),
                 self.tr("Slope a of SD = a · (Tb18H − Tb36H) + b in cm per kelvin, > 0; used with PRESET custom.")),
                (self.COEFFICIENT_B, self.tr("Coefficient b (cm, PRESET custom)"),
                 self.tr("Intercept b of SD = a · (Tb18H − Tb36H) + b in cm; used with PRESET custom."))):
            self.addParameter(with_help(
                QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, defaultValue=None, optional=True), help_text))
        for name, label, help_text in (
                (self.SCALE, self.tr("Scale factor of stored Tb (empty: the file's own, else 1)"),
                 self.tr("Stored values × SCALE + OFFSET give kelvin. Empty: the file's scale_factor, else 1. AMSR2 "
                         "L3 stores Tb × 100 (SCALE 0.01); products in tenths of a kelvin need 0.1.")),
                (self.OFFSET, self.tr("Offset added after scaling, K (empty: the file's own, else 0)"),
                 self.tr("Added to the scaled values, in kelvin. Empty: the file's add_offset, else 0.")),
                (self.NODATA, self.tr("Stored value of missing Tb (empty: the files' own)"),
                 self.tr("The stored value that marks a missing brightness temperature (e.g. 65535 or 0), when the "
                         "files do not declare it; empty: their nodata or _FillValue."))):
            self.addParameter(advanced(with_help(
                QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, defaultValue=None, optional=True),
                help_text)))
        snow_codes, unknown_codes = default_mask_codes()
        self.addParameter(with_help(
            QgsProcessingParameterFile(self.SNOW_MASK, self.tr("Snow mask: daily class stack (optional)"),
                                       FILE_BEHAVIOR_FILE, optional=True),
            self.tr("A daily class stack on the grid of the Tb stacks with a grid for every one of their dates, e.g. "
                    "the output of cryo:snowcover: where it holds a known code other than SNOW_MASK_CODE, the depth "
                    "is 0 cm.")))
        self.addParameter(with_help(
            QgsProcessingParameterString(self.SNOW_MASK_CODE, self.tr("Snow code(s) of the mask"),
                                         defaultValue=snow_codes),
            self.tr("Class code(s) of SNOW_MASK that mean snow, separated by commas (default: the snow class of "
                    "cryo:snowcover).")))
        self.addParameter(advanced(with_help(
            QgsProcessingParameterString(self.SNOW_MASK_UNKNOWN_CODES, self.tr("Codes of the mask that are not "
                                                                               "known (cloud)"),
                                         defaultValue=unknown_codes, optional=True),
            self.tr("Class code(s) of SNOW_MASK that say nothing about snow (cloud left, no data), separated by "
                    "commas (default: those of cryo:snowcover): those cells keep the microwave depth, like the "
                    "mask's nodata."))))
        self.addParameter(with_help(
            with_month_day_calendar(QgsProcessingParameterString(
                self.SEASON_START, self.tr("Season starts on (MM-DD)"), defaultValue="08-01")),
            self.tr("Month and day (MM-DD, default 08-01) on which each snow season begins; a season is named by "
                    "the year it starts in.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(self.DENSITY, self.tr("Snow density for SWE (g/cm³)"), NUMBER_DOUBLE,
                                         defaultValue=snow_depth.DEFAULT_DENSITY, minValue=0.01, maxValue=0.917),
            self.tr("Bulk snow density ρ_s in g/cm³ for SWE = SD · ρ_s / ρ_w (default 0.24, about the initial "
                    "density of the tundra and prairie classes of Sturm et al. 2010; Chang et al. 1987 used "
                    "0.30).")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Daily snow depth (cm)")),
            self.tr("Float32 GeoTIFF, one band per date (description = ISO date), snow depth in cm (band unit cm), "
                    "nodata −9999.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT_SEASONS, self.tr("Season maximum, mean and SWE"),
                                                    optional=True),
            self.tr("Float32 GeoTIFF, per season the bands max_depth_cm_YYYY, mean_depth_cm_YYYY, "
                    "max_swe_mm_YYYY, mean_swe_mm_YYYY and valid_days_YYYY; nodata −9999.")))
        self.addOutput(QgsProcessingOutputNumber(self.N_DATES, self.tr("Dates")))
        self.addOutput(QgsProcessingOutputNumber(self.N_SEASONS, self.tr("Seasons")))
        self.addOutput(QgsProcessingOutputNumber(self.MAX_DEPTH_CM, self.tr("Deepest snow (cm)")))
        self.addOutput(QgsProcessingOutputNumber(self.SCREENED_FRACTION, self.tr(
            "Fraction of cell-days screened to 0 (warm, wet or no dry snow)")))

    def _number(self, parameters, name, context) -> Optional[float]:
        return self.parameterAsDouble(parameters, name, context) if is_given(parameters.get(name)) else None

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        seasons = self.parameterAsOutputLayer(parameters, self.OUTPUT_SEASONS, context) \
            if is_given(parameters.get(self.OUTPUT_SEASONS)) else None
        preset = self.parameterAsEnumString(parameters, self.PRESET, context) or "chang1987"
        a, b = (self._number(parameters, name, context) for name in (self.COEFFICIENT_A, self.COEFFICIENT_B))
        if preset != "custom" and (a is not None or b is not None):
            feedback.pushWarning(self.tr("COEFFICIENT_A and COEFFICIENT_B are used with PRESET custom only; PRESET "
                                         "{} is used as it is").format(preset))
        coeffs = snow_depth.coefficients(preset, a, b)
        packing = snow_depth.TbPacking(*(self._number(parameters, name, context)
                                         for name in (self.SCALE, self.OFFSET, self.NODATA)))
        season_start = parse_month_day(self.parameterAsString(parameters, self.SEASON_START, context),
                                       self.SEASON_START)
        density = self.parameterAsDouble(parameters, self.DENSITY, context)
        mask_path = self.parameterAsFile(parameters, self.SNOW_MASK, context)
        with contextlib.ExitStack() as opened:
            tb18 = opened.enter_context(open_stack_from_parameters(self, parameters, context))
            tb36 = opened.enter_context(open_stack_at(
                self, self.parameterAsFile(parameters, self.INPUT_36, context), parameters, context))
            for stack in (tb18, tb36):
                feedback.pushInfo(stack.describe())
            mask = None
            if mask_path:
                georef = Georeference(tb18.grid.extent, tb18.grid.crs_wkt)
                mask_stack = opened.enter_context(open_stack(mask_path, georef=georef))
                feedback.pushInfo(mask_stack.describe())
                mask = snow_depth.SnowMask(
                    mask_stack, parse_codes(self.parameterAsString(parameters, self.SNOW_MASK_CODE, context),
                                            self.SNOW_MASK_CODE),
                    parse_codes(self.parameterAsString(parameters, self.SNOW_MASK_UNKNOWN_CODES, context) or "",
                                self.SNOW_MASK_UNKNOWN_CODES))
            refuse_overwriting_inputs([output] + ([seasons] if seasons else []),
                                      tb18.files + tb36.files + (mask.stack.files if mask else []))
            result = snow_depth.snow_depth(tb18, tb36, output, seasons, coeffs, packing, mask, season_start, density,
                                           run=run_for(feedback))
        SidecarStyle.attach(context, output)
        if seasons:
            SidecarStyle.attach(context, seasons)
        counts = result.counts
        screened = (counts["warm_or_wet"] + counts["negative_gradient"] + counts["negative_depth"]) / max(
            counts["valid"], 1)
        return {self.OUTPUT: output, self.OUTPUT_SEASONS: seasons, self.N_DATES: len(result.dates),
                self.N_SEASONS: len(result.seasons), self.MAX_DEPTH_CM: round(result.max_depth_cm, 3),
                self.SCREENED_FRACTION: round(screened, 6)}
