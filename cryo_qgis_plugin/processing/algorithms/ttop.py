"""``cryo:ttop``: the TTOP permafrost model, ground thermal classes, and an ensemble for probability and zones."""
from __future__ import annotations

from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer)

from ...core import permafrost
from ...qgis_io.run import run_for
from ..base import (CryoAlgorithm, SidecarStyle, core_errors, logs_results, refuse_overwriting_inputs,
                   refuse_shared_outputs)
from ...qgis_io.features import polygons_of

OUTPUTS = ("OUTPUT_TTOP", "OUTPUT_CLASSES", "OUTPUT_PROBABILITY", "OUTPUT_ZONES")


class Ttop(CryoAlgorithm):
    GROUP = "permafrost"

    def name(self) -> str:
        return "ttop"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("TTOP permafrost model (classes, probability, zones)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
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

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterRasterLayer("DDF", self.tr("Freezing index DDF (°C·days)")))
        self.addParameter(QgsProcessingParameterRasterLayer("DDT", self.tr("Thawing index DDT (°C·days)")))
        self.addParameter(QgsProcessingParameterEnum(
            "INDICES_FROM", self.tr("Indices computed from"), list(permafrost.INDICES_FROM), defaultValue="ground",
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            "LANDCOVER", self.tr("Land cover (classes)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "NFACTORS", self.tr("n-factor table (CSV class,nf,nt,rk[,ranges])"), extension="csv", optional=True))
        for name, description, default in (("NF", self.tr("Freezing n-factor nf (without a table)"), 1.0),
                                           ("NT", self.tr("Thawing n-factor nt (without a table)"), 1.0),
                                           ("RK", self.tr("Thermal conductivity ratio rk (thawed/frozen)"), 1.0)):
            self.addParameter(QgsProcessingParameterNumber(
                name, description, QgsProcessingParameterNumber.Double, defaultValue=default, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "PERIOD", self.tr("Period P (days)"), QgsProcessingParameterNumber.Double, defaultValue=365.0,
            minValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "GLACIERS", self.tr("Glacier outlines (class 4)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "LAKES", self.tr("Lake outlines (class 5)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "MEMBERS", self.tr("Ensemble members (0 = no ensemble)"), QgsProcessingParameterNumber.Integer,
            defaultValue=0, minValue=0, maxValue=10000))
        self.addParameter(QgsProcessingParameterNumber(
            "SEED", self.tr("Random seed of the ensemble"), QgsProcessingParameterNumber.Integer, defaultValue=1,
            minValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_TTOP", self.tr("TTOP (°C)")))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_CLASSES", self.tr("Ground thermal classes")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_PROBABILITY", self.tr("Permafrost probability (ensemble)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_ZONES", self.tr("Permafrost zones (ensemble)"), optional=True, createByDefault=False))
        for name, description in (("PERMAFROST_AREA_KM2", self.tr("Permafrost area (km²)")),
                                  ("PERMAFROST_FRACTION", self.tr("Permafrost fraction of the land (classes 1-3)")),
                                  ("MEAN_PROBABILITY", self.tr("Mean permafrost probability (ensemble)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        inputs = {name: self.parameterAsRasterLayer(parameters, name, context) for name in ("DDF", "DDT", "LANDCOVER")}
        paths = {name: layer.source() if layer is not None else None for name, layer in inputs.items()}
        del inputs
        outputs = {name: self.parameterAsOutputLayer(parameters, name, context) if parameters.get(name) else None
                   for name in OUTPUTS}
        refuse_shared_outputs([(n, p) for n, p in outputs.items() if p])
        refuse_overwriting_inputs([p for p in outputs.values() if p], [p for p in paths.values() if p])
        table = self.parameterAsFile(parameters, "NFACTORS", context)
        rk = self.parameterAsDouble(parameters, "RK", context)
        with core_errors():
            if table:
                parameters_by_class = permafrost.read_nfactors(table, rk)
            else:
                parameters_by_class = permafrost.constant_parameters(
                    self.parameterAsDouble(parameters, "NF", context), self.parameterAsDouble(parameters, "NT", context),
                    rk)
        if paths["LANDCOVER"] and not table:
            raise QgsProcessingException(
                self.tr("LANDCOVER needs an NFACTORS table giving nf, nt, rk for each of its classes"))
        options = permafrost.TtopOptions(self.parameterAsEnumString(parameters, "INDICES_FROM", context),
                                         self.parameterAsDouble(parameters, "PERIOD", context),
                                         self.parameterAsInt(parameters, "MEMBERS", context),
                                         self.parameterAsInt(parameters, "SEED", context))
        glaciers = polygons_of(self.parameterAsSource(parameters, "GLACIERS", context), "GLACIERS")
        lakes = polygons_of(self.parameterAsSource(parameters, "LAKES", context), "LAKES")
        with core_errors():
            result = permafrost.ttop_map(
                permafrost.TtopInputs(paths["DDF"], paths["DDT"], paths["LANDCOVER"], glaciers, lakes),
                permafrost.TtopOutputs(outputs["OUTPUT_TTOP"], outputs["OUTPUT_CLASSES"],
                                       outputs["OUTPUT_PROBABILITY"] if options.members else None,
                                       outputs["OUTPUT_ZONES"] if options.members else None),
                parameters_by_class, options, run=run_for(feedback))
        if not options.members and (outputs["OUTPUT_PROBABILITY"] or outputs["OUTPUT_ZONES"]):
            feedback.pushWarning(self.tr("MEMBERS = 0: no ensemble was run, so no probability or zones were written"))
        feedback.pushInfo(self.tr("Permafrost {:.1f} km² ({:.1%} of the land); areas by class (km²): {}").format(
            result.permafrost_area_km2, result.permafrost_fraction,
            ", ".join("{} {:.1f}".format(k, v) for k, v in result.class_area_km2.items())))
        results = {"PERMAFROST_AREA_KM2": result.permafrost_area_km2,
                   "PERMAFROST_FRACTION": result.permafrost_fraction,
                   "MEAN_PROBABILITY": result.mean_probability}
        for name, path in outputs.items():
            if path and (options.members or name in ("OUTPUT_TTOP", "OUTPUT_CLASSES")):
                SidecarStyle.attach(context, path)
                results[name] = path
        return results
