"""``cryo:demdifference``: co-registered elevation change, glacier volume and mass change with uncertainty, in total
and per glacier, and the accuracy of the stable terrain."""
from __future__ import annotations

from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...compat import FIELD_ANY, NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR_POLYGON
from ...core.glaciers import elevation_change as dem
from ...core.glaciers.report import html_report
from ...core.glaciers.voids import FILL_METHODS
from ...core.io.outputs import write_text_atomic
from ...qgis_io.features import polygons_of
from ...qgis_io.glacier_outlines import glacier_ids
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, SidecarStyle, logs_results, translated
from .. import dem_point_reference as points_io
from ..glacier_outputs import write_glacier_outlines
from ..option_labels import COREGISTER_LABELS, FILL_VOIDS_LABELS
from ..output_loading import style_signed_points_on_load
from ..parameters import with_help, with_option_labels
from ..stack_parameters import is_given


class DemDifference(CryoAlgorithm):
    GROUP = "glaciers"
    REFERENCE = "REFERENCE"
    DEM = "DEM"
    GLACIERS = "GLACIERS"
    GLACIER_ID_FIELD = "GLACIER_ID_FIELD"
    UNSTABLE = "UNSTABLE"
    COREGISTER = "COREGISTER"
    MAX_ITERATIONS = "MAX_ITERATIONS"
    OUTLIER_NMAD = "OUTLIER_NMAD"
    FILL_VOIDS = "FILL_VOIDS"
    REFERENCE_YEAR = "REFERENCE_YEAR"
    DEM_YEAR = "DEM_YEAR"
    DENSITY = "DENSITY"
    DENSITY_ERROR = "DENSITY_ERROR"
    OUTPUT = "OUTPUT"
    OUTPUT_ALIGNED = "OUTPUT_ALIGNED"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    OUTPUT_GLACIERS = "OUTPUT_GLACIERS"
    # number outputs (descriptions: NUMBER_OUTPUTS)
    SHIFT_X = "SHIFT_X"
    SHIFT_Y = "SHIFT_Y"
    SHIFT_Z = "SHIFT_Z"
    STABLE_MEDIAN_BEFORE = "STABLE_MEDIAN_BEFORE"
    STABLE_NMAD_BEFORE = "STABLE_NMAD_BEFORE"
    STABLE_MEDIAN_AFTER = "STABLE_MEDIAN_AFTER"
    STABLE_NMAD_AFTER = "STABLE_NMAD_AFTER"
    GLACIER_AREA_KM2 = "GLACIER_AREA_KM2"
    GLACIER_MEAN_DH = "GLACIER_MEAN_DH"
    VOLUME_CHANGE_M3 = "VOLUME_CHANGE_M3"
    VOLUME_CHANGE_ERROR_M3 = "VOLUME_CHANGE_ERROR_M3"
    MASS_BALANCE_MWE_YR = "MASS_BALANCE_MWE_YR"
    MASS_BALANCE_ERROR_MWE_YR = "MASS_BALANCE_ERROR_MWE_YR"
    LE90 = "LE90"
    CE90 = "CE90"
    N_POINTS = "N_POINTS"
    POINTS_MEDIAN_BEFORE = "POINTS_MEDIAN_BEFORE"
    POINTS_NMAD_BEFORE = "POINTS_NMAD_BEFORE"
    POINTS_MEDIAN_AFTER = "POINTS_MEDIAN_AFTER"
    POINTS_NMAD_AFTER = "POINTS_NMAD_AFTER"

    REQUIRES = ("scipy",)  # the variogram fit (scipy.optimize) and linear void filling (scipy.interpolate)
    REQUIRES_FOR_SOME_INPUTS = ("h5py",)  # REFERENCE_FILES (HDF5 granules)

    def required_modules(self, parameters, context):
        """h5py when reference points come from granules."""
        return self.REQUIRES + (("h5py",) if points_io.needs_h5py(points_io.granules_as_files(parameters)) else ())

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """A reference (a DEM, points or granules) and at most one kind of reference points."""
        parameters = points_io.granules_as_files(parameters)
        problem = points_io.reference_problem(self, parameters)
        if problem:
            return False, problem
        return super().checkParameterValues(points_io.granule_path_for_checks(parameters), context)

    def name(self) -> str:
        return "demdifference"

    def displayName(self) -> str:
        return self.tr("DEM differencing: elevation, volume and mass change")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Elevation change between two DEMs after co-registration, and the glacier volume change and "
            "geodetic mass balance with their uncertainty.</p>"
            "<p><b>Grids.</b> DEM is resampled (bilinear) onto the REFERENCE grid; OUTPUT is on that grid. A "
            "geographic REFERENCE is warped to the UTM zone of its centre first (metres are needed for slopes, "
            "shifts and areas). <b>Stable terrain</b> is every cell valid in both DEMs outside GLACIERS and "
            "UNSTABLE.</p>"
            "<p><b>Co-registration</b> (COREGISTER): <i>nuth_kaab</i> fits dh/tan(slope) = a·cos(b − aspect) + c "
            "on stable terrain in 5° aspect bins and iterates (Nuth &amp; Kääb 2011, The Cryosphere 5, 271-290); "
            "after the last horizontal step the vertical shift is estimated again as the median stable dh (all "
            "stable cells, outliers left out), so the stable median after co-registration is 0; "
            "<i>vertical</i> removes only the median stable dh; <i>none</i>. SHIFT_X/Y/Z are the translation "
            "applied to DEM (east, north, up; the convention of xdem).</p>"
            "<p><b>OUTPUT</b> = REFERENCE − aligned DEM in metres (newer minus older when REFERENCE is the later "
            "DEM), nodata −9999. With OUTLIER_NMAD k &gt; 0, stable cells farther than k NMAD from the stable "
            "median, and glacier cells farther than k NMAD from the median of their 50 m elevation band, are set "
            "to nodata (NMAD = 1.4826·median|dh − median|, Höhle &amp; Höhle 2009); a glacier's band with under "
            "20 values is filtered with the band of all glaciers. Glacier voids are then filled (FILL_VOIDS): "
            "<i>local_hypsometric</i>: a glacier with at least 30 % of its cells measured from its own median dh "
            "per 50 m band (bands with at least 10 measured cells, linear between them, constant beyond), any "
            "other glacier from the same curve of all glaciers together; <i>linear</i> by Delaunay "
            "interpolation; <i>none</i> (McNabb et al. 2019).</p>"
            "<p><b>Volume and mass.</b> ΔV = mean glacier dh × glacier area (cells on the grid). Its error "
            "follows Hugonnet et al. (2022): σ_dh binned by slope and maximum curvature on stable terrain, dh "
            "standardised by it, a nugget plus two spherical models (short and long range) fitted to the "
            "empirical variogram of the standardised dh, integrated over a disk of the glacier area (Rolstad et "
            "al. 2009) and scaled by the mean σ_dh of the glacier cells. The mass balance is "
            "ΔV·DENSITY / (area · years · 1000) in m w.e. per year with DENSITY 850 ± 60 kg m⁻³ (Huss 2013); "
            "years = REFERENCE_YEAR − DEM_YEAR (decimal years). Outline uncertainty is not included.</p>"
            "<p><b>Per glacier.</b> The outlines are burnt once onto the REFERENCE grid (cell centres); where "
            "outlines overlap a cell belongs to the largest outline. OUTPUT_GLACIERS has, per outline, its id "
            "(GLACIER_ID_FIELD, else the feature id), area_km2 on the grid, valid_fraction (measured cells / "
            "cells), mean_dh_m, volume_change_m3 and volume_error_m3, mass_balance_mwe and its error (per year, "
            "only with both years) and void_fill_method; it is styled by mass balance (mean dh without years). "
            "Cells still void count with their glacier's mean. The regional total is the sum of the glaciers' "
            "volume changes; each glacier's error is the error model for its own area, the total's error the same "
            "model for the total area (errors of neighbouring glaciers are correlated, so it is neither their "
            "root-sum-square nor their sum; the report gives both as bounds).</p>"
            "<p><b>Accuracy</b> of the stable terrain after co-registration: LE90 = 90th percentile of |dh|; CE90 "
            "= 2.146·σ_c with σ_c = √((σ_x² + σ_y²)/2) from the standard errors of the fitted horizontal shift "
            "(circular normal; Nuth &amp; Kääb only); median and NMAD by slope class of the reference (0-10, "
            "10-20, 20-30, 30-40, over 40°).</p>"
            "<p><b>Checks.</b> DEM heights outside −500..9,000 m (feet, centimetres) and fill values the file does "
            "not declare as nodata (−9999, −32768, −3.4e38) are refused; a mean glacier rate beyond ±10 m/yr or a "
            "mass balance beyond ±10 m w.e./yr is flagged in the log as a likely unit or date mistake.</p>"
            "<p><b>Reference points</b> (REFERENCE_POINTS: a point layer with REFERENCE_ELEVATION_FIELD or Z; or "
            "REFERENCE_FILES: ICESat-2 ATL06 granules, quality flag 0, no fill values): DEM is co-registered to the "
            "points instead of to REFERENCE: dh = point − DEM bilinear at the point shifted back, slope and aspect of "
            "DEM at the points, the same aspect-binned cosine fit (at least 5 points per 5° bin) iterated, then the "
            "vertical shift as the median of the stable point residuals (points farther than OUTLIER_NMAD NMAD left "
            "out). Points outside DEM or on its voids are dropped and counted in the log; stable points are those "
            "outside GLACIERS and UNSTABLE. ATL06 heights are above the WGS 84 ellipsoid, most DEMs above a geoid: "
            "give GEOID_HEIGHT (N, subtracted from the points), or leave it 0 and the constant offset ends up in "
            "SHIFT_Z, right only over a small area. With REFERENCE also given, REFERENCE − aligned DEM is computed "
            "as above (REFERENCE must already be in the points' frame); without REFERENCE, DEM is aligned on its "
            "own grid (OUTPUT_ALIGNED), OUTPUT, OUTPUT_GLACIERS and OUTPUT_REPORT are not written and the results "
            "are the shift and the point statistics. N_POINTS counts the stable inliers; POINTS_MEDIAN/NMAD_BEFORE "
            "and _AFTER are the median and NMAD of their residuals (point − DEM) before and after co-registration; "
            "OUTPUT_POINTS holds the residuals per point.</p>"
            "<p>OUTPUT_REPORT is an HTML page with these numbers, a dh map, the error budget, the accuracy "
            "metrics, histograms of stable dh before and after co-registration, the glacier hypsometry of dh and "
            "the per-glacier table.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterRasterLayer(
                self.REFERENCE, self.tr("Reference DEM (kept fixed; usually the later one)"), optional=True),
            self.tr("Elevations in metres on the grid of the outputs; the DEM is aligned to it (to the reference "
                    "points instead when REFERENCE_POINTS or REFERENCE_FILES are given). A geographic REFERENCE is "
                    "first warped to the UTM zone of its centre. Needed unless reference points are given.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM to align (usually the earlier one)")),
            self.tr("Elevations in metres, in the same vertical datum as REFERENCE; resampled bilinearly onto the "
                    "REFERENCE grid, shifted by the co-registration and subtracted from REFERENCE.")))
        points_io.add_parameters(self)
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.GLACIERS, self.tr("Glacier outlines (excluded from stable terrain; glacier statistics)"),
                [SOURCE_VECTOR_POLYGON], optional=True),
            self.tr("Polygons in any CRS (e.g. RGI outlines): left out of the stable terrain; cells whose centre "
                    "lies inside give the glacier area, mean dh, volume and mass change, and are void-filled. "
                    "Empty: no glacier results.")))
        self.addParameter(with_help(
            QgsProcessingParameterField(
                self.GLACIER_ID_FIELD, self.tr("Glacier id field"), parentLayerParameterName=self.GLACIERS,
                type=FIELD_ANY, optional=True),
            self.tr("Field of GLACIERS that names each glacier (e.g. RGIId) in OUTPUT_GLACIERS and the report's "
                    "per-glacier table. Empty: the feature id.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.UNSTABLE, self.tr("Other unstable terrain to exclude (lakes, landslides, ...)"),
                [SOURCE_VECTOR_POLYGON], optional=True),
            self.tr("Polygons in any CRS of terrain that changed between the DEMs other than glaciers (lakes, "
                    "landslides, rock glaciers, ...): left out of the stable terrain used for co-registration and "
                    "errors.")))
        self.addParameter(with_help(with_option_labels(
            QgsProcessingParameterEnum(
                self.COREGISTER, self.tr("Co-registration"), list(dem.COREGISTER_METHODS), defaultValue="nuth_kaab",
                usesStaticStrings=True), COREGISTER_LABELS),
            self.tr("nuth_kaab (default): horizontal and vertical shift from the aspect dependence of stable dh "
                    "(Nuth & Kääb 2011); vertical: only the median stable dh is removed; none: the DEM is used as "
                    "it is.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.MAX_ITERATIONS, self.tr("Maximum Nuth & Kääb iterations"), NUMBER_INTEGER, defaultValue=10,
                minValue=1, maxValue=100),
            self.tr("Upper limit (1-100, default 10) of the Nuth & Kääb iterations; they stop earlier once the "
                    "horizontal shift of an iteration is below a small fraction of a cell.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.OUTLIER_NMAD, self.tr("Outlier threshold in NMAD (0 = no filtering)"), NUMBER_DOUBLE,
                defaultValue=3.0, minValue=0.0),
            self.tr("k ≥ 0, default 3: stable cells farther than k NMAD from the stable median dh, and glacier "
                    "cells farther than k NMAD from the median of their 50 m elevation band, become nodata "
                    "(NMAD = 1.4826 · median absolute deviation). 0: no filtering.")))
        self.addParameter(with_help(with_option_labels(
            QgsProcessingParameterEnum(
                self.FILL_VOIDS, self.tr("Glacier void filling"), list(FILL_METHODS),
                defaultValue="local_hypsometric", usesStaticStrings=True), FILL_VOIDS_LABELS),
            self.tr("How glacier cells without dh are filled before the volume change (McNabb et al. 2019). "
                    "local_hypsometric (default): the median dh of the same glacier in the same 50 m elevation band "
                    "(all glaciers together for glaciers with under 20 valid cells); linear: Delaunay "
                    "interpolation; none: voids stay empty.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.REFERENCE_YEAR, self.tr("Date of the reference DEM (decimal year, for rates)"), NUMBER_DOUBLE,
                optional=True, minValue=1800, maxValue=2200),
            self.tr("Acquisition date of REFERENCE as a decimal year (e.g. 2019.7). With DEM_YEAR it gives the "
                    "period of the mass-balance rate; without both only the volume change is computed.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.DEM_YEAR, self.tr("Date of the DEM to align (decimal year, for rates)"), NUMBER_DOUBLE,
                optional=True, minValue=1800, maxValue=2200),
            self.tr("Acquisition date of DEM as a decimal year (e.g. 2000.1); years = REFERENCE_YEAR − DEM_YEAR "
                    "in the mass-balance rate.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.DENSITY, self.tr("Volume-to-mass conversion density (kg m⁻³)"), NUMBER_DOUBLE,
                defaultValue=850.0, minValue=1.0, maxValue=1000.0),
            self.tr("Density that turns the volume change into mass, in kg m⁻³ (1-1000; default 850, Huss "
                    "2013).")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.DENSITY_ERROR, self.tr("Density uncertainty (kg m⁻³)"), NUMBER_DOUBLE, defaultValue=60.0,
                minValue=0.0),
            self.tr("1-sigma uncertainty of DENSITY in kg m⁻³ (default 60, Huss 2013), propagated into the "
                    "mass-balance error.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Elevation change (m)"), optional=True,
                                                    createByDefault=True),
            self.tr("Float32 GeoTIFF on the REFERENCE grid: REFERENCE − aligned DEM in metres, after outlier "
                    "removal and glacier void filling; nodata −9999. Not written without REFERENCE.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_ALIGNED, self.tr("Aligned DEM"), optional=True, createByDefault=False),
            self.tr("Float32 GeoTIFF: DEM shifted by the co-registration on the REFERENCE grid, in metres; nodata "
                    "−9999. Not written unless a file is given.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_GLACIERS, self.tr("Glaciers with their volume and mass change"), SOURCE_VECTOR_POLYGON,
                optional=True, createByDefault=False),
            self.tr("The GLACIERS outlines with, per glacier: id, area_km2, valid_fraction, mean_dh_m, "
                    "volume_change_m3, volume_error_m3, mass_balance_mwe, mass_balance_error_mwe (m w.e. per year, "
                    "empty without REFERENCE_YEAR and DEM_YEAR) and void_fill_method; styled by mass balance. Needs "
                    "GLACIERS; not written unless a destination is given.")))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, self.tr("Report"), self.tr("HTML files (*.html)"), optional=True,
                createByDefault=True),
            self.tr("HTML page with the numeric results, a dh map, the error budget, the accuracy metrics, "
                    "histograms of stable dh before and after co-registration, the glacier hypsometry of dh and "
                    "the per-glacier table.")))
        points_io.add_outputs(self)
        for key, description in NUMBER_OUTPUTS.items():
            self.addOutput(QgsProcessingOutputNumber(key, translated(description)))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        parameters = points_io.granules_as_files(parameters)
        problem = points_io.reference_problem(self, parameters)
        if problem:
            raise QgsProcessingException(problem)
        points = points_io.reference_points(self, parameters, context, feedback, run_for(feedback))
        if not is_given(parameters.get(self.REFERENCE)):
            points_only = points_io.align_only(self, parameters, context, feedback, points, NUMBER_OUTPUTS)
            style_signed_points_on_load(context, points_only[points_io.OUTPUT_POINTS], "dh_after_m")
            return points_only
        reference = self.parameterAsRasterLayer(parameters, self.REFERENCE, context).source()
        dem_path = self.parameterAsRasterLayer(parameters, self.DEM, context).source()
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        aligned = self.parameterAsOutputLayer(parameters, self.OUTPUT_ALIGNED, context) or None
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context) or None

        def year(name):
            return self.parameterAsDouble(parameters, name, context) if parameters.get(name) not in (None, "") else None

        options = dem.DemDifferenceOptions(
            coregister=self.parameterAsEnumString(parameters, self.COREGISTER, context),
            max_iterations=self.parameterAsInt(parameters, self.MAX_ITERATIONS, context),
            outlier_nmad=self.parameterAsDouble(parameters, self.OUTLIER_NMAD, context),
            fill_voids=self.parameterAsEnumString(parameters, self.FILL_VOIDS, context),
            reference_year=year(self.REFERENCE_YEAR), dem_year=year(self.DEM_YEAR),
            density=self.parameterAsDouble(parameters, self.DENSITY, context),
            density_error=self.parameterAsDouble(parameters, self.DENSITY_ERROR, context))
        source = self.parameterAsSource(parameters, self.GLACIERS, context)
        glaciers = polygons_of(source, self.GLACIERS)
        unstable = polygons_of(self.parameterAsSource(parameters, self.UNSTABLE, context), self.UNSTABLE)
        id_field = self.parameterAsString(parameters, self.GLACIER_ID_FIELD, context) or None
        wants_outlines = bool(parameters.get(self.OUTPUT_GLACIERS))
        if wants_outlines and glaciers is None:
            raise QgsProcessingException(self.tr("OUTPUT_GLACIERS needs GLACIERS: give the glacier outlines, or "
                                                 "leave OUTPUT_GLACIERS empty"))
        ids = feature_ids = None
        if glaciers is not None:
            feature_ids = list(glaciers.wkb.ids)
            ids = glacier_ids(source, id_field, feature_ids, self.GLACIERS)
            if options.years is None:
                feedback.pushWarning(self.tr("REFERENCE_YEAR and DEM_YEAR are not both given (or are equal): the "
                                             "volume change is computed, the mass-balance rate is not"))
        result = dem.dem_difference(reference, dem_path, output, glaciers, unstable, options, aligned,
                                    run=run_for(feedback), glacier_ids=ids, reference_points=points)
        if report:
            write_text_atomic(report, html_report(result, reference, dem_path))
        SidecarStyle.attach(context, output)
        outlines = None
        if wants_outlines:
            outlines = write_glacier_outlines(self, parameters, self.OUTPUT_GLACIERS, context, source, id_field,
                                              feature_ids, result.glacier.glaciers)
        residuals = None
        if result.points is not None and is_given(parameters.get(points_io.OUTPUT_POINTS)):
            residuals = points_io.write_point_residuals(self, parameters, context, result.points,
                                                        result.grid.crs_wkt)
            style_signed_points_on_load(context, residuals, "dh_after_m")
        return dict(numeric_results(result), **{self.OUTPUT: output, self.OUTPUT_ALIGNED: aligned,
                                                self.OUTPUT_REPORT: report, self.OUTPUT_GLACIERS: outlines,
                                                points_io.OUTPUT_POINTS: residuals})


NUMBER_OUTPUTS = {  # descriptions: translated(NUMBER_OUTPUTS[key])
    DemDifference.SHIFT_X: QT_TRANSLATE_NOOP("CryoAlgorithm", "Shift applied to the DEM, east (m)"),
    DemDifference.SHIFT_Y: QT_TRANSLATE_NOOP("CryoAlgorithm", "Shift applied to the DEM, north (m)"),
    DemDifference.SHIFT_Z: QT_TRANSLATE_NOOP("CryoAlgorithm", "Shift applied to the DEM, up (m)"),
    DemDifference.STABLE_MEDIAN_BEFORE: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                          "Stable-terrain median dh before co-registration (m)"),
    DemDifference.STABLE_NMAD_BEFORE: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                        "Stable-terrain NMAD before co-registration (m)"),
    DemDifference.STABLE_MEDIAN_AFTER: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                         "Stable-terrain median dh after co-registration (m)"),
    DemDifference.STABLE_NMAD_AFTER: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                       "Stable-terrain NMAD after co-registration (m)"),
    DemDifference.GLACIER_AREA_KM2: QT_TRANSLATE_NOOP("CryoAlgorithm", "Glacier area on the grid (km²)"),
    DemDifference.GLACIER_MEAN_DH: QT_TRANSLATE_NOOP("CryoAlgorithm", "Mean glacier elevation change (m)"),
    DemDifference.VOLUME_CHANGE_M3: QT_TRANSLATE_NOOP("CryoAlgorithm", "Glacier volume change (m³)"),
    DemDifference.VOLUME_CHANGE_ERROR_M3: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                            "Glacier volume change error, 1 sigma (m³)"),
    DemDifference.MASS_BALANCE_MWE_YR: QT_TRANSLATE_NOOP("CryoAlgorithm", "Geodetic mass balance (m w.e. per year)"),
    DemDifference.MASS_BALANCE_ERROR_MWE_YR: QT_TRANSLATE_NOOP(
        "CryoAlgorithm", "Geodetic mass balance error, 1 sigma (m w.e. per year)"),
    DemDifference.LE90: QT_TRANSLATE_NOOP("CryoAlgorithm", "LE90: 90th percentile of |stable dh| after "
                                          "co-registration (m)"),
    DemDifference.CE90: QT_TRANSLATE_NOOP("CryoAlgorithm", "CE90 of the horizontal co-registration (m)"),
    DemDifference.N_POINTS: QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable reference points used (inliers)"),
    DemDifference.POINTS_MEDIAN_BEFORE: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                          "Median of point − DEM before co-registration (m)"),
    DemDifference.POINTS_NMAD_BEFORE: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                        "NMAD of point − DEM before co-registration (m)"),
    DemDifference.POINTS_MEDIAN_AFTER: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                         "Median of point − aligned DEM after co-registration (m)"),
    DemDifference.POINTS_NMAD_AFTER: QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                       "NMAD of point − aligned DEM after co-registration (m)"),
}
NUMBER_OUTPUTS.update({  # median and NMAD of stable dh by slope class (accuracy.SlopeClass.key in the names)
    "STABLE_MEDIAN_SLOPE_0_10": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain median dh after, slope 0-10° (m)"),
    "STABLE_NMAD_SLOPE_0_10": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain NMAD after, slope 0-10° (m)"),
    "STABLE_MEDIAN_SLOPE_10_20": QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                   "Stable-terrain median dh after, slope 10-20° (m)"),
    "STABLE_NMAD_SLOPE_10_20": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain NMAD after, slope 10-20° (m)"),
    "STABLE_MEDIAN_SLOPE_20_30": QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                   "Stable-terrain median dh after, slope 20-30° (m)"),
    "STABLE_NMAD_SLOPE_20_30": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain NMAD after, slope 20-30° (m)"),
    "STABLE_MEDIAN_SLOPE_30_40": QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                   "Stable-terrain median dh after, slope 30-40° (m)"),
    "STABLE_NMAD_SLOPE_30_40": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain NMAD after, slope 30-40° (m)"),
    "STABLE_MEDIAN_SLOPE_OVER_40": QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                     "Stable-terrain median dh after, slope over 40° (m)"),
    "STABLE_NMAD_SLOPE_OVER_40": QT_TRANSLATE_NOOP("CryoAlgorithm", "Stable-terrain NMAD after, slope over 40° (m)"),
})


def numeric_results(result: dem.DemDifferenceResult) -> dict:
    """The algorithm's number outputs as Python floats (None where they do not apply, e.g. without glaciers or
    years; numpy scalars would reach qgis_process as empty strings)."""
    names = DemDifference
    shift = result.coregistration.shift
    values = {
        names.SHIFT_X: shift.x, names.SHIFT_Y: shift.y, names.SHIFT_Z: shift.z,
        names.STABLE_MEDIAN_BEFORE: result.stable_before.median, names.STABLE_NMAD_BEFORE: result.stable_before.nmad,
        names.STABLE_MEDIAN_AFTER: result.stable_after.median, names.STABLE_NMAD_AFTER: result.stable_after.nmad,
    }
    accuracy = result.accuracy
    if accuracy is not None:
        values.update({names.LE90: accuracy.le90, names.CE90: accuracy.ce90})
        for slope_class in accuracy.slope_classes:
            key = slope_class.key.upper()
            values["STABLE_MEDIAN_SLOPE_" + key] = slope_class.median if slope_class.count else None
            values["STABLE_NMAD_SLOPE_" + key] = slope_class.nmad if slope_class.count else None
    glacier = result.glacier
    if glacier is not None:
        values.update({
            names.GLACIER_AREA_KM2: glacier.area_km2, names.GLACIER_MEAN_DH: glacier.mean_dh,
            names.VOLUME_CHANGE_M3: glacier.mass.volume_m3, names.VOLUME_CHANGE_ERROR_M3: glacier.mass.volume_error_m3,
            names.MASS_BALANCE_MWE_YR: glacier.mass.rate_mwe,
            names.MASS_BALANCE_ERROR_MWE_YR: glacier.mass.rate_error_mwe,
        })
    if result.points is not None:
        values.update(points_io.point_results(result.points))
    return {key: None if values.get(key) is None else float(values[key]) for key in NUMBER_OUTPUTS}
