"""``cryo:demdifference``: co-registered elevation change, glacier volume and mass change with uncertainty."""
from __future__ import annotations

from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...core.glaciers import elevation_change as dem
from ...core.io.geotiff import write_text_atomic
from ...core.glaciers.report import html_report
from ...core.glaciers.voids import FILL_METHODS
from ...qgis_io.run import run_for
from ..base import (CryoAlgorithm, SidecarStyle, core_errors, logs_results, refuse_overwriting_inputs,
                   translated)
from ...qgis_io.features import polygons_of

NUMBER_OUTPUTS = {  # descriptions: translated(NUMBER_OUTPUTS[key])
    "SHIFT_X": QT_TRANSLATE_NOOP("CryoAlgorithm", "Shift applied to the DEM, east (m)"),
    "SHIFT_Y": QT_TRANSLATE_NOOP("CryoAlgorithm", "Shift applied to the DEM, north (m)"),
    "SHIFT_Z": QT_TRANSLATE_NOOP("CryoAlgorithm", "Shift applied to the DEM, up (m)"),
    "STABLE_MEDIAN_BEFORE": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain median dh before co-registration (m)"),
    "STABLE_NMAD_BEFORE": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain NMAD before co-registration (m)"),
    "STABLE_MEDIAN_AFTER": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain median dh after co-registration (m)"),
    "STABLE_NMAD_AFTER": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain NMAD after co-registration (m)"),
    "GLACIER_AREA_KM2": QT_TRANSLATE_NOOP("CryoAlgorithm", "Glacier area on the grid (km²)"),
    "GLACIER_MEAN_DH": QT_TRANSLATE_NOOP("CryoAlgorithm", "Mean glacier elevation change (m)"),
    "VOLUME_CHANGE_M3": QT_TRANSLATE_NOOP("CryoAlgorithm", "Glacier volume change (m³)"),
    "VOLUME_CHANGE_ERROR_M3": QT_TRANSLATE_NOOP("CryoAlgorithm", "Glacier volume change error, 1 sigma (m³)"),
    "MASS_BALANCE_MWE_YR": QT_TRANSLATE_NOOP("CryoAlgorithm", "Geodetic mass balance (m w.e. per year)"),
    "MASS_BALANCE_ERROR_MWE_YR": QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                   "Geodetic mass balance error, 1 sigma (m w.e. per year)"),
}


def numeric_results(result: dem.DemDifferenceResult) -> dict:
    """The algorithm's number outputs as Python floats (None where they do not apply, e.g. without glaciers or
    years; numpy scalars would reach qgis_process as empty strings)."""
    shift = result.coregistration.shift
    values = {
        "SHIFT_X": shift.x, "SHIFT_Y": shift.y, "SHIFT_Z": shift.z,
        "STABLE_MEDIAN_BEFORE": result.stable_before.median, "STABLE_NMAD_BEFORE": result.stable_before.nmad,
        "STABLE_MEDIAN_AFTER": result.stable_after.median, "STABLE_NMAD_AFTER": result.stable_after.nmad,
    }
    glacier = result.glacier
    if glacier is not None:
        values.update({
            "GLACIER_AREA_KM2": glacier.area_km2, "GLACIER_MEAN_DH": glacier.mean_dh,
            "VOLUME_CHANGE_M3": glacier.mass.volume_m3, "VOLUME_CHANGE_ERROR_M3": glacier.mass.volume_error_m3,
            "MASS_BALANCE_MWE_YR": glacier.mass.rate_mwe, "MASS_BALANCE_ERROR_MWE_YR": glacier.mass.rate_error_mwe,
        })
    return {key: None if values.get(key) is None else float(values[key]) for key in NUMBER_OUTPUTS}


class DemDifference(CryoAlgorithm):
    GROUP = "glaciers"

    def name(self) -> str:
        return "demdifference"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("DEM differencing: elevation, volume and mass change")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>Elevation change between two DEMs after co-registration, and the glacier volume change and "
            "geodetic mass balance with their uncertainty.</p>"
            "<p><b>Grids.</b> DEM is resampled (bilinear) onto the REFERENCE grid; OUTPUT is on that grid. A "
            "geographic REFERENCE is warped to the UTM zone of its centre first (metres are needed for slopes, "
            "shifts and areas). <b>Stable terrain</b> is every cell valid in both DEMs outside GLACIERS and "
            "UNSTABLE.</p>"
            "<p><b>Co-registration</b> (COREGISTER): <i>nuth_kaab</i> fits dh/tan(slope) = a·cos(b − aspect) + c "
            "on stable terrain in 5° aspect bins and iterates (Nuth &amp; Kääb 2011, The Cryosphere 5, 271-290); "
            "<i>vertical</i> removes only the median stable dh; <i>none</i>. SHIFT_X/Y/Z are the translation "
            "applied to DEM (east, north, up; the convention of xdem).</p>"
            "<p><b>OUTPUT</b> = REFERENCE − aligned DEM in metres (newer minus older when REFERENCE is the later "
            "DEM), nodata −9999. With OUTLIER_NMAD k &gt; 0, stable cells farther than k NMAD from the stable "
            "median, and glacier cells farther than k NMAD from the median of their 50 m elevation band, are set "
            "to nodata (NMAD = 1.4826·median|dh − median|, Höhle &amp; Höhle 2009). Glacier voids are then filled "
            "(FILL_VOIDS): <i>local_hypsometric</i> from each glacier's median dh per 50 m band (the glacier set "
            "as a whole for glaciers with under 20 valid cells), <i>linear</i> by Delaunay interpolation, or "
            "<i>none</i> (McNabb et al. 2019).</p>"
            "<p><b>Volume and mass.</b> ΔV = mean glacier dh × glacier area (cells on the grid). Its error uses "
            "the NMAD of stable dh and a spherical variogram fitted to stable dh to get the number of effective "
            "samples over the glacier area (Rolstad et al. 2009; Hugonnet et al. 2022). The mass balance is "
            "ΔV·DENSITY / (area · years · 1000) in m w.e. per year with DENSITY 850 ± 60 kg m⁻³ (Huss 2013); "
            "years = REFERENCE_YEAR − DEM_YEAR (decimal years). Outline uncertainty is not included.</p>"
            "<p>OUTPUT_REPORT is an HTML page with these numbers, histograms of stable dh before and after "
            "co-registration and the glacier hypsometry of dh.</p>")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterRasterLayer(
            "REFERENCE", self.tr("Reference DEM (kept fixed; usually the later one)")))
        self.addParameter(QgsProcessingParameterRasterLayer("DEM", self.tr("DEM to align (usually the earlier one)")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "GLACIERS", self.tr("Glacier outlines (excluded from stable terrain; glacier statistics)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "UNSTABLE", self.tr("Other unstable terrain to exclude (lakes, landslides, ...)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "COREGISTER", self.tr("Co-registration"), list(dem.COREGISTER_METHODS), defaultValue="nuth_kaab",
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_ITERATIONS", self.tr("Maximum Nuth & Kääb iterations"), QgsProcessingParameterNumber.Integer,
            defaultValue=10, minValue=1, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(
            "OUTLIER_NMAD", self.tr("Outlier threshold in NMAD (0 = no filtering)"),
            QgsProcessingParameterNumber.Double, defaultValue=3.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            "FILL_VOIDS", self.tr("Glacier void filling"), list(FILL_METHODS), defaultValue="local_hypsometric",
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterNumber(
            "REFERENCE_YEAR", self.tr("Date of the reference DEM (decimal year, for rates)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=1800, maxValue=2200))
        self.addParameter(QgsProcessingParameterNumber(
            "DEM_YEAR", self.tr("Date of the DEM to align (decimal year, for rates)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=1800, maxValue=2200))
        self.addParameter(QgsProcessingParameterNumber(
            "DENSITY", self.tr("Volume-to-mass conversion density (kg m⁻³)"), QgsProcessingParameterNumber.Double,
            defaultValue=850.0, minValue=1.0, maxValue=1000.0))
        self.addParameter(QgsProcessingParameterNumber(
            "DENSITY_ERROR", self.tr("Density uncertainty (kg m⁻³)"), QgsProcessingParameterNumber.Double,
            defaultValue=60.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Elevation change (m)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_ALIGNED", self.tr("Aligned DEM"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_REPORT", self.tr("Report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True))
        for key, description in NUMBER_OUTPUTS.items():
            self.addOutput(QgsProcessingOutputNumber(key, translated(description)))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        reference = self.parameterAsRasterLayer(parameters, "REFERENCE", context).source()
        dem_path = self.parameterAsRasterLayer(parameters, "DEM", context).source()
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        aligned = self.parameterAsOutputLayer(parameters, "OUTPUT_ALIGNED", context) or None
        report = self.parameterAsFileOutput(parameters, "OUTPUT_REPORT", context) or None
        refuse_overwriting_inputs([output, aligned, report], [reference, dem_path])

        def year(name):
            return self.parameterAsDouble(parameters, name, context) if parameters.get(name) not in (None, "") else None

        options = dem.DemDifferenceOptions(
            coregister=self.parameterAsEnumString(parameters, "COREGISTER", context),
            max_iterations=self.parameterAsInt(parameters, "MAX_ITERATIONS", context),
            outlier_nmad=self.parameterAsDouble(parameters, "OUTLIER_NMAD", context),
            fill_voids=self.parameterAsEnumString(parameters, "FILL_VOIDS", context),
            reference_year=year("REFERENCE_YEAR"), dem_year=year("DEM_YEAR"),
            density=self.parameterAsDouble(parameters, "DENSITY", context),
            density_error=self.parameterAsDouble(parameters, "DENSITY_ERROR", context))
        glaciers = polygons_of(self.parameterAsSource(parameters, "GLACIERS", context), "GLACIERS")
        unstable = polygons_of(self.parameterAsSource(parameters, "UNSTABLE", context), "UNSTABLE")
        if glaciers is not None and options.years is None:
            feedback.pushWarning(self.tr("REFERENCE_YEAR and DEM_YEAR are not both given (or are equal): the volume "
                                         "change is computed, the mass-balance rate is not"))
        with core_errors():
            result = dem.dem_difference(reference, dem_path, output, glaciers, unstable, options, aligned,
                                        run=run_for(feedback))
            if report:
                write_text_atomic(report, html_report(result, reference, dem_path))
        SidecarStyle.attach(context, output)
        return dict(numeric_results(result), OUTPUT=output, OUTPUT_ALIGNED=aligned, OUTPUT_REPORT=report)
