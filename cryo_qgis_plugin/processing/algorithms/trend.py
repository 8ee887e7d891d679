"""``cryo:trend``: Sen slope, Mann-Kendall p and OLS slope of yearly rasters."""
from __future__ import annotations

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString)

from ...compat import NUMBER_INTEGER, SOURCE_RASTER
from ...core.stats import trend
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, SidecarStyle, logs_results
from ..parameters import with_help
from ..dask_parameters import DASK_PACKAGES, add_dask_parameter, dask_client, dask_modules


class Trend(CryoAlgorithm):
    GROUP = "freezethaw"
    INPUT = "INPUT"
    BAND_PREFIX = "BAND_PREFIX"
    MIN_YEARS = "MIN_YEARS"
    OUTPUT = "OUTPUT"
    N_YEARS = "N_YEARS"

    REQUIRES = ("scipy",)  # the Mann-Kendall p-value (scipy.special.erfc)
    REQUIRES_FOR_SOME_INPUTS = DASK_PACKAGES  # a DASK_SCHEDULER

    def name(self) -> str:
        return "trend"

    def displayName(self) -> str:
        return self.tr("Trend of yearly rasters (Sen slope, Mann-Kendall)")

    def shortHelpString(self) -> str:
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

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterMultipleLayers(
                self.INPUT, self.tr("Yearly rasters (or one multi-band raster with BAND_PREFIX)"), SOURCE_RASTER),
            self.tr("Single-band rasters, one per year, with the year at the end of the band description or in "
                    "the file name; or one multi-band raster whose yearly bands BAND_PREFIX selects. The rasters "
                    "share one grid; each year may occur once.")))
        self.addParameter(with_help(
            QgsProcessingParameterString(
                self.BAND_PREFIX, self.tr("Band description prefix of the yearly bands (e.g. frozen_days_)"),
                optional=True),
            self.tr("Takes every band whose description starts with this text; the rest of the description is its "
                    "year (e.g. frozen_days_ selects frozen_days_2003 ... frozen_days_2020). Empty: every input "
                    "raster is one year.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.MIN_YEARS, self.tr("Minimum number of years with a value"), NUMBER_INTEGER, defaultValue=5,
                minValue=3),
            self.tr("Pixels with fewer years with a value (not nodata) get nodata (−9999) in every output band. At "
                    "least 3; default 5.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Trend")),
            self.tr("Float32 GeoTIFF with four bands: sen_slope (input units per year), mk_p (two-sided "
                    "Mann-Kendall p-value, 0-1), ols_slope (input units per year) and n (years with a value); "
                    "nodata −9999.")))
        self.addOutput(QgsProcessingOutputNumber(self.N_YEARS, self.tr("Number of years in the series")))
        add_dask_parameter(self)

    def required_modules(self, parameters, context):
        """scipy; dask, distributed and xarray with a DASK_SCHEDULER."""
        return self.REQUIRES + dask_modules(parameters)

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        layers = self.parameterAsLayerList(parameters, self.INPUT, context)
        paths = [layer.source() for layer in layers]
        prefix = self.parameterAsString(parameters, self.BAND_PREFIX, context).strip()
        min_years = self.parameterAsInt(parameters, self.MIN_YEARS, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        bands = trend.yearly_bands(paths, prefix)
        feedback.pushInfo(self.tr("Years: {}").format(", ".join(str(b.year) for b in bands)))
        client = dask_client(self, parameters, context, feedback)
        if client is None:
            trend.trend_raster(bands, output, min_years, run=run_for(feedback))
        else:
            from ...core.scale.trend_scaled import trend_with_dask
            with client:
                trend_with_dask(bands, output, min_years, client, run_for(feedback))
        SidecarStyle.attach(context, output)
        return {self.OUTPUT: output, self.N_YEARS: len(bands)}
