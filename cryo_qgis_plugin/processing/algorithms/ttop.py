"""``cryo:ttop``: the TTOP permafrost model, ground thermal classes, and an ensemble for probability and zones."""
from __future__ import annotations

from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer)

from ...compat import NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR_POLYGON
from ...core import permafrost
from ...qgis_io.features import polygons_of
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, SidecarStyle, logs_results
from ..option_labels import INDICES_FROM_LABELS
from ..output_loading import translate_legend_on_load
from ..parameters import with_help, with_option_labels


class Ttop(CryoAlgorithm):
    GROUP = "permafrost"
    DDF = "DDF"
    DDT = "DDT"
    INDICES_FROM = "INDICES_FROM"
    LANDCOVER = "LANDCOVER"
    NFACTORS = "NFACTORS"
    NF = "NF"
    NT = "NT"
    RK = "RK"
    PERIOD = "PERIOD"
    GLACIERS = "GLACIERS"
    LAKES = "LAKES"
    MEMBERS = "MEMBERS"
    SEED = "SEED"
    OUTPUT_TTOP = "OUTPUT_TTOP"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    OUTPUT_PROBABILITY = "OUTPUT_PROBABILITY"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    PERMAFROST_AREA_KM2 = "PERMAFROST_AREA_KM2"
    PERMAFROST_FRACTION = "PERMAFROST_FRACTION"
    MEAN_PROBABILITY = "MEAN_PROBABILITY"

    def name(self) -> str:
        return "ttop"

    def displayName(self) -> str:
        return self.tr("TTOP permafrost model (classes, probability, zones)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Temperature at the top of permafrost (Smith &amp; Riseborough 1996, 2002), in °C, from the freezing "
            "and thawing indices DDF and DDT (positive °C·days), the n-factors nf, nt, the thermal conductivity "
            "ratio rk (thawed/frozen, &gt; 0) and the period P (days):</p>"
            "<p>TTOP = (rk·nt·DDT − nf·DDF) / P when rk·nt·DDT &lt; nf·DDF (permafrost, TTOP &lt; 0), else "
            "TTOP = (nt·DDT − nf·DDF / rk) / P (≥ 0).</p>"
            "<p><b>INDICES_FROM</b>: <i>ground</i> (default) when DDF/DDT were computed from ground-surface "
            "temperature (e.g. GST from LST): the n-factors are already inside them and only rk applies; "
            "<i>air</i> when they come from air temperature: nf and nt are applied. Multi-band DDF/DDT (one band "
            "per year, as <i>Degree-day indices</i> writes them) are averaged per pixel over the years that have "
            "a value.</p>"
            "<p><b>Parameters</b>: NF, NT, RK everywhere, or a LANDCOVER raster with an NFACTORS table (CSV "
            "class,nf,nt,rk, optional nf_min, nf_max, nt_min, nt_max, rk_min, rk_max; other columns such as "
            "name and source are ignored; an empty rk takes RK). Every land-cover class on the map must be in the "
            "table. The plugin ships tables/nfactors_default.csv (in its plugin folder): only n-factors with a "
            "published source, each cited in the file, for two classes numbered by the table itself; copy it and "
            "renumber its rows to your land-cover codes.</p>"
            "<p><b>OUTPUT_CLASSES</b>: 1 permafrost (TTOP &lt; 0), 2 seasonally frozen ground (TTOP ≥ 0, DDF &gt; 0), "
            "3 unfrozen (DDF = 0), 4 glacier and 5 lake inside the optional GLACIERS / LAKES polygons. Results "
            "PERMAFROST_AREA_KM2 (true cell areas) and PERMAFROST_FRACTION (of classes 1-3).</p>"
            "<p><b>Ensemble</b> (Obu et al. 2019, Earth-Sci. Rev. 193): MEMBERS runs (0 = off; Obu used 200), each "
            "drawing nf, nt and rk of every land-cover class uniformly in the table's ranges (reproducible from "
            "SEED). OUTPUT_PROBABILITY = fraction of members with permafrost (0-1); OUTPUT_ZONES: continuous "
            "p &gt; 0.9, discontinuous 0.5 ≤ p ≤ 0.9, sporadic 0.1 ≤ p &lt; 0.5, isolated patches 0 &lt; p &lt; 0.1, "
            "none p = 0. Glaciers and lakes are nodata there.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterRasterLayer(self.DDF, self.tr("Freezing index DDF (°C·days)")),
            self.tr("Freezing degree-days, positive °C·days (OUTPUT_DDF of Degree-day indices). Several bands "
                    "(one per year) are averaged per pixel over the years with a value. The outputs are on this "
                    "raster's grid.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterLayer(self.DDT, self.tr("Thawing index DDT (°C·days)")),
            self.tr("Thawing degree-days, positive °C·days (OUTPUT_DDT of Degree-day indices), on the grid of DDF "
                    "and with as many bands (years), averaged per pixel like DDF.")))
        self.addParameter(with_help(
            with_option_labels(QgsProcessingParameterEnum(
                self.INDICES_FROM, self.tr("Indices computed from"), list(permafrost.INDICES_FROM),
                defaultValue="ground", usesStaticStrings=True), INDICES_FROM_LABELS),
            self.tr("ground (default): DDF and DDT come from ground-surface temperature (e.g. GST from LST), so the "
                    "n-factors are already in them and only rk is applied; air: they come from air temperature and "
                    "nf, nt are applied as well.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterLayer(self.LANDCOVER, self.tr("Land cover (classes)"), optional=True),
            self.tr("Integer land-cover classes, resampled onto the DDF grid by majority (mode) when needed; each "
                    "class takes its nf, nt and rk from NFACTORS, which must list every class on the map. Empty: "
                    "NF, NT, RK everywhere.")))
        self.addParameter(with_help(
            QgsProcessingParameterFile(
                self.NFACTORS, self.tr("n-factor table (CSV class,nf,nt,rk[,ranges])"), extension="csv",
                optional=True),
            self.tr("CSV with the columns class, nf, nt and optionally rk (empty: RK) and the ranges nf_min, nf_max, "
                    "nt_min, nt_max, rk_min, rk_max that the ensemble draws from; lines starting with # are "
                    "comments. Template: tables/nfactors_default.csv in the plugin folder.")))
        for name, description, help_text in (
                (self.NF, self.tr("Freezing n-factor nf (without a table)"),
                 self.tr("Ratio of the ground-surface to the air freezing index (dimensionless, ≥ 0, default 1), "
                         "used everywhere when there is no NFACTORS table and INDICES_FROM = air.")),
                (self.NT, self.tr("Thawing n-factor nt (without a table)"),
                 self.tr("Ratio of the ground-surface to the air thawing index (dimensionless, ≥ 0, default 1), "
                         "used everywhere when there is no NFACTORS table and INDICES_FROM = air.")),
                (self.RK, self.tr("Thermal conductivity ratio rk (thawed/frozen)"),
                 self.tr("Thermal conductivity of the thawed over the frozen ground (dimensionless, > 0, default 1; "
                         "typically below 1 in moist soils). Used everywhere without a table, and for table rows "
                         "with an empty rk."))):
            self.addParameter(with_help(
                QgsProcessingParameterNumber(name, description, NUMBER_DOUBLE, defaultValue=1.0, minValue=0.0),
                help_text))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.PERIOD, self.tr("Period P (days)"), NUMBER_DOUBLE, defaultValue=365.0, minValue=1.0),
            self.tr("Length of the period the indices are summed over, in days (default 365, one year): TTOP is "
                    "the mean temperature over it.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.GLACIERS, self.tr("Glacier outlines (class 4)"), [SOURCE_VECTOR_POLYGON], optional=True),
            self.tr("Polygons in any CRS: cells whose centre lies inside are class 4 (glacier), nodata in the "
                    "probability and zones, and left out of the permafrost area and fraction.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.LAKES, self.tr("Lake outlines (class 5)"), [SOURCE_VECTOR_POLYGON], optional=True),
            self.tr("Polygons in any CRS: cells whose centre lies inside are class 5 (lake), nodata in the "
                    "probability and zones, and left out of the permafrost area and fraction.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.MEMBERS, self.tr("Ensemble members (0 = no ensemble)"), NUMBER_INTEGER, defaultValue=0,
                minValue=0, maxValue=10000),
            self.tr("Number of model runs (0-10000) with nf, nt and rk of each class drawn uniformly in the "
                    "NFACTORS ranges; 0 (default) runs no ensemble. Obu et al. (2019) used 200.")))
        self.addParameter(with_help(
            QgsProcessingParameterNumber(
                self.SEED, self.tr("Random seed of the ensemble"), NUMBER_INTEGER, defaultValue=1, minValue=0),
            self.tr("Seed of the random draws (integer ≥ 0, default 1): the same seed gives the same probability "
                    "map.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT_TTOP, self.tr("TTOP (°C)")),
            self.tr("Float32 GeoTIFF on the DDF grid: temperature at the top of permafrost (or of seasonally "
                    "frozen ground) in °C, from the table's central nf, nt, rk; nodata −9999.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT_CLASSES, self.tr("Ground thermal classes")),
            self.tr("8-bit GeoTIFF of classes 1 permafrost (TTOP < 0), 2 seasonally frozen ground, 3 unfrozen "
                    "(DDF = 0), 4 glacier and 5 lake, with their colours; nodata 0.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_PROBABILITY, self.tr("Permafrost probability (ensemble)"), optional=True,
                createByDefault=False),
            self.tr("Float32 GeoTIFF: fraction of the ensemble members with permafrost (0-1). Written only when "
                    "MEMBERS > 0.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_ZONES, self.tr("Permafrost zones (ensemble)"), optional=True, createByDefault=False),
            self.tr("8-bit GeoTIFF of zones from the probability p: continuous (p > 0.9), discontinuous (0.5-0.9), "
                    "sporadic (0.1-0.5), isolated patches (0-0.1) and none (p = 0). Written only when "
                    "MEMBERS > 0.")))
        for name, description in ((self.PERMAFROST_AREA_KM2, self.tr("Permafrost area (km²)")),
                                  (self.PERMAFROST_FRACTION, self.tr("Permafrost fraction of the land (classes 1-3)")),
                                  (self.MEAN_PROBABILITY, self.tr("Mean permafrost probability (ensemble)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        inputs = {name: self.parameterAsRasterLayer(parameters, name, context)
                  for name in (self.DDF, self.DDT, self.LANDCOVER)}
        paths = {name: layer.source() if layer is not None else None for name, layer in inputs.items()}
        del inputs
        outputs = {name: self.parameterAsOutputLayer(parameters, name, context) if parameters.get(name) else None
                   for name in (self.OUTPUT_TTOP, self.OUTPUT_CLASSES, self.OUTPUT_PROBABILITY, self.OUTPUT_ZONES)}
        table = self.parameterAsFile(parameters, self.NFACTORS, context)
        rk = self.parameterAsDouble(parameters, self.RK, context)
        if table:
            parameters_by_class = permafrost.read_nfactors(table, rk)
        else:
            parameters_by_class = permafrost.constant_parameters(
                self.parameterAsDouble(parameters, self.NF, context),
                self.parameterAsDouble(parameters, self.NT, context), rk)
        if paths[self.LANDCOVER] and not table:
            raise QgsProcessingException(
                self.tr("LANDCOVER needs an NFACTORS table giving nf, nt, rk for each of its classes"))
        options = permafrost.TtopOptions(self.parameterAsEnumString(parameters, self.INDICES_FROM, context),
                                         self.parameterAsDouble(parameters, self.PERIOD, context),
                                         self.parameterAsInt(parameters, self.MEMBERS, context),
                                         self.parameterAsInt(parameters, self.SEED, context))
        glaciers = polygons_of(self.parameterAsSource(parameters, self.GLACIERS, context), self.GLACIERS)
        lakes = polygons_of(self.parameterAsSource(parameters, self.LAKES, context), self.LAKES)
        result = permafrost.ttop_map(
            permafrost.TtopInputs(paths[self.DDF], paths[self.DDT], paths[self.LANDCOVER], glaciers, lakes),
            permafrost.TtopOutputs(outputs[self.OUTPUT_TTOP], outputs[self.OUTPUT_CLASSES],
                                   outputs[self.OUTPUT_PROBABILITY] if options.members else None,
                                   outputs[self.OUTPUT_ZONES] if options.members else None),
            parameters_by_class, options, run=run_for(feedback))
        if not options.members and (outputs[self.OUTPUT_PROBABILITY] or outputs[self.OUTPUT_ZONES]):
            feedback.pushWarning(self.tr("MEMBERS = 0: no ensemble was run, so no probability or zones were written"))
        feedback.pushInfo(self.tr("Permafrost {:.1f} km² ({:.1%} of the land); areas by class (km²): {}").format(
            result.permafrost_area_km2, result.permafrost_fraction,
            ", ".join("{} {:.1f}".format(k, v) for k, v in result.class_area_km2.items())))
        results = {self.PERMAFROST_AREA_KM2: result.permafrost_area_km2,
                   self.PERMAFROST_FRACTION: result.permafrost_fraction,
                   self.MEAN_PROBABILITY: result.mean_probability}
        for name, path in outputs.items():
            if path and (options.members or name in (self.OUTPUT_TTOP, self.OUTPUT_CLASSES)):
                SidecarStyle.attach(context, path)
                translate_legend_on_load(context, path)
                results[name] = path
        return results
