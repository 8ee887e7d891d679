"""``cryo:trend``: Sen slope, Mann-Kendall p and OLS slope of yearly rasters."""
from __future__ import annotations

from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterString)

from ...core.stats import trend
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, SidecarStyle, core_errors, logs_results, refuse_overwriting_inputs


class Trend(CryoAlgorithm):
    GROUP = "freezethaw"

    def name(self) -> str:
        return "trend"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Trend of yearly rasters (Sen slope, Mann-Kendall)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>Per-pixel monotonic trend of a yearly series: <b>sen_slope</b> (median of the slopes of all pairs "
            "of years, Sen 1968; units of the input per year), <b>mk_p</b> (two-sided p-value of the Mann-Kendall "
            "test, Mann 1945 / Kendall 1975, with the variance corrected for ties and a continuity correction), "
            "<b>ols_slope</b> (least-squares slope per year) and <b>n</b> (years with a value).</p>"
            "<p>INPUT is either single-band rasters, one per year (year at the end of the band description or in "
            "the file name), or one multi-band raster with BAND_PREFIX choosing its yearly bands, e.g. "
            "<i>frozen_days_</i> or <i>freeze_onset_</i> on the output of <i>Freeze/thaw season indicators</i> "
            "(the year is the rest of the band description). Nodata values are left out pixel by pixel; pixels "
            "with fewer than MIN_YEARS years are nodata (-9999) in every band.</p>")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUT", self.tr("Yearly rasters (or one multi-band raster with BAND_PREFIX)"), QgsProcessing.TypeRaster))
        self.addParameter(QgsProcessingParameterString(
            "BAND_PREFIX", self.tr("Band description prefix of the yearly bands (e.g. frozen_days_)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_YEARS", self.tr("Minimum number of years with a value"), QgsProcessingParameterNumber.Integer,
            defaultValue=5, minValue=3))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Trend")))
        self.addOutput(QgsProcessingOutputNumber("N_YEARS", self.tr("Number of years in the series")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layers = self.parameterAsLayerList(parameters, "INPUT", context)
        paths = [layer.source() for layer in layers]
        prefix = self.parameterAsString(parameters, "BAND_PREFIX", context).strip()
        min_years = self.parameterAsInt(parameters, "MIN_YEARS", context)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        refuse_overwriting_inputs([output], paths)
        with core_errors():
            bands = trend.yearly_bands(paths, prefix)
            feedback.pushInfo(self.tr("Years: {}").format(", ".join(str(b.year) for b in bands)))
            trend.trend_raster(bands, output, min_years, run=run_for(feedback))
        SidecarStyle.attach(context, output)
        return {"OUTPUT": output, "N_YEARS": len(bands)}
