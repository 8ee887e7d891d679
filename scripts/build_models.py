#!/usr/bin/env python3
"""Write the example workflows (``cryo_qgis_plugin/models/*.model3``) the ``cryo`` provider lists under
"Workflows". They are built here with the model API, so every child parameter is named from the algorithms
themselves, then saved as the .model3 files QGIS's model builder opens. Run after changing a workflow:
``QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/build_models.py [workflow name ...]``.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsProcessing, QgsProcessingModelAlgorithm,  # noqa: E402
                       QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                       QgsProcessingModelOutput, QgsProcessingModelParameter, QgsProcessingParameterEnum,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString)
from qgis.testing import start_app  # noqa: E402

MODELS = os.path.join(ROOT, "cryo_qgis_plugin", "models")
static = QgsProcessingModelChildParameterSource.fromStaticValue
from_input = QgsProcessingModelChildParameterSource.fromModelParameter
from_child = QgsProcessingModelChildParameterSource.fromChildOutput


class Workflow:
    def __init__(self, name: str, title: str, help_text: str):
        self.model = QgsProcessingModelAlgorithm(title, "Workflows", "workflows")
        self.model.setName(name)
        self.name = name
        self.help = {"ALG_DESC": help_text, "ALG_CREATOR": "cryo_qgis_plugin", "ALG_TITLE": title}

    def input(self, definition, help_text: str) -> QgsProcessingModelChildParameterSource:
        self.model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))
        self.help[definition.name()] = help_text
        return from_input(definition.name())

    def step(self, alg_id: str, child_id: str, sources: dict, outputs: dict) -> None:
        """Add a child; parameters not given keep the algorithm's defaults; ``outputs`` maps the child's
        destination parameters to the model output names users see."""
        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(child.algorithm().displayName())
        for definition in child.algorithm().parameterDefinitions():
            if definition.isDestination():
                continue
            source = sources.get(definition.name())
            if source is None and definition.defaultValue() is not None:
                source = static(definition.defaultValue())
            if source is not None:
                child.addParameterSources(definition.name(), source if isinstance(source, list) else [source])
        model_outputs = {}
        for parameter, (name, help_text) in outputs.items():
            output = QgsProcessingModelOutput(name, help_text)
            output.setChildOutputName(parameter)
            output.setChildId(child_id)
            model_outputs[name] = output
            self.help[name] = help_text
        child.setModelOutputs(model_outputs)
        self.model.addChildAlgorithm(child)

    def save(self) -> str:
        self.model.setHelpContent(self.help)
        ok, errors = self.model.validate()
        if not ok:
            raise SystemExit("{} does not validate: {}".format(self.name, errors))
        path = os.path.join(MODELS, self.name + ".model3")
        self.model.toFile(path)
        return path


def freezethaw_trend() -> Workflow:
    w = Workflow("workflowfreezethawtrend", "Freeze/thaw season trend (decode → indicators → trends)",
                 "Daily freeze/thaw grids → decoded, styled stack → season indicators of every complete season "
                 "year → Sen slope / Mann-Kendall trend of the frozen days and of the freeze onset.")
    daily = w.input(QgsProcessingParameterFile("daily", "Folder of daily freeze/thaw files",
                                               QgsProcessingParameterFile.Folder),
                    "Daily HDF5 or GeoTIFF files named with YYYYMMDD or YYYYDDD (e.g. AMSR_20070125_FT_25.h5). For a "
                    "single multi-day file, run the algorithms one by one or change this input in the model builder.")
    extent = w.input(QgsProcessingParameterExtent("extent", "Extent of grids without georeferencing (empty: global "
                                                  "0.25°)", optional=True), "Only for HDF5 grids that are not global.")
    year_start = w.input(QgsProcessingParameterString("year_start", "Season year starts on (MM-DD)", "08-01"),
                         "Season years are named by the calendar year they start in.")
    w.step("cryo:decodefreezethaw", "decode", {"INPUT": daily, "EXTENT": extent},
           {"OUTPUT": ("decoded", "Decoded daily stack (GeoTIFF, styled)"),
            "OUTPUT_TABLE": ("areas", "Daily class areas (CSV, km²)")})
    w.step("cryo:freezethawindicators", "indicators",
           {"INPUT": from_child("decode", "OUTPUT"), "YEAR_START": year_start},
           {"OUTPUT": ("indicators", "Season indicators (one band per indicator and year)")})
    for prefix, name, text in (("frozen_days_", "trend_frozen_days", "Trend of frozen days (days/yr)"),
                               ("freeze_onset_", "trend_freeze_onset", "Trend of the freeze onset (days/yr)")):
        w.step("cryo:trend", "trend_" + prefix.rstrip("_"),
               {"INPUT": from_child("indicators", "OUTPUT"), "BAND_PREFIX": static(prefix), "MIN_YEARS": static(3)},
               {"OUTPUT": (name, text)})
    return w


def lst_inputs(w: Workflow, stacks_help: str) -> dict:
    """The inputs of the GST model and the daily GST (station table, its fields, the LST stacks and their
    packing), shared by the workflows that start from LST; by step parameter."""
    stations = w.input(QgsProcessingParameterFeatureSource("stations", "Station table (one row per station and "
                                                           "day)", [QgsProcessing.TypeVector]),
                       "Measured GST and the LST of each overpass, °C.")
    gst_field = w.input(QgsProcessingParameterField("gst_field", "GST field", "gst", "stations"), "Measured GST.")
    lst_fields = w.input(QgsProcessingParameterField("lst_fields", "LST fields (in the order of the stacks)", None,
                                                     "stations", allowMultiple=True), "1-4 fields.")
    stacks = w.input(QgsProcessingParameterMultipleLayers("lst_stacks", "Daily LST stacks (one per LST field)",
                                                          QgsProcessing.TypeFile), stacks_help)
    scale = w.input(QgsProcessingParameterNumber("scale", "Scale of stored LST", QgsProcessingParameterNumber.Double,
                                                 0.02), "0.02 for MODIS LST.")
    units = w.input(QgsProcessingParameterEnum("units", "LST units after scaling", ["celsius", "kelvin"],
                                               defaultValue="kelvin", usesStaticStrings=True), "MODIS: kelvin.")
    return {"gstmodel": {"INPUT": stations, "GST_FIELD": gst_field, "LST_FIELDS": lst_fields},
            "lsttogst": {"INPUT": stacks, "MODEL": from_child("gstmodel", "OUTPUT_MODEL"), "SCALE": scale,
                         "UNITS": units}}


def gst_steps(w: Workflow, sources: dict) -> None:
    """The ridge GST model fitted on the stations, then the daily GST of the LST stacks."""
    w.step("cryo:gstmodel", "gstmodel", sources["gstmodel"], {"OUTPUT_MODEL": ("gst_model", "GST model (JSON)")})
    w.step("cryo:lsttogst", "lsttogst", sources["lsttogst"], {"OUTPUT": ("gst", "Daily GST (°C)")})


def permafrost_from_lst() -> Workflow:
    w = Workflow("workflowpermafrostfromlst", "Permafrost map from LST (GST model → degree days → TTOP → accuracy)",
                 "Station table → ridge GST model → daily GST from the LST stacks → freezing/thawing degree days → "
                 "TTOP with an ensemble (probability, zones) → accuracy against a reference map.")
    gst_sources = lst_inputs(w, "Same grid and dates; in the order of the LST fields.")
    landcover = w.input(QgsProcessingParameterRasterLayer("landcover", "Land cover"), "Classes of the n-factor table.")
    nfactors = w.input(QgsProcessingParameterFile("nfactors", "n-factor table (CSV)", extension="csv"),
                       "class,nf,nt,rk with *_min/*_max ranges for the ensemble.")
    members = w.input(QgsProcessingParameterNumber("members", "Ensemble members", QgsProcessingParameterNumber.Integer,
                                                   200, minValue=1), "200 as in Obu et al. (2019).")
    # the field is tied to a vector-only input: a field widget whose parent layer may be a raster crashes QGIS
    reference = w.input(QgsProcessingParameterMapLayer("reference", "Reference permafrost map (raster)",
                                                       optional=True),
                        "For the accuracy assessment: a raster, or leave empty and give reference_polygons.")
    reference_polygons = w.input(QgsProcessingParameterFeatureSource(
        "reference_polygons", "…or reference polygons or points", [QgsProcessing.TypeVectorAnyGeometry],
        optional=True), "With their class in reference_field.")
    reference_field = w.input(QgsProcessingParameterField("reference_field", "Reference class field (polygons)", None,
                                                          "reference_polygons", optional=True), "Empty for a raster.")
    classes = w.input(QgsProcessingParameterString("classes", "Map class grouping", "1:1;2,3:0"),
                      "Permafrost (1) vs the rest.")
    reference_classes = w.input(QgsProcessingParameterString("reference_classes", "Reference class grouping",
                                                             "1:1;0:0"), "How the reference codes permafrost.")
    gst_steps(w, gst_sources)
    w.step("cryo:degreedays", "degreedays", {"INPUT": from_child("lsttogst", "OUTPUT")},
           {"OUTPUT_DDF": ("ddf", "Freezing index DDF"), "OUTPUT_DDT": ("ddt", "Thawing index DDT")})
    w.step("cryo:ttop", "ttop", {"DDF": from_child("degreedays", "OUTPUT_DDF"),
                                 "DDT": from_child("degreedays", "OUTPUT_DDT"), "LANDCOVER": landcover,
                                 "NFACTORS": nfactors, "MEMBERS": members},
           {"OUTPUT_TTOP": ("ttop", "TTOP (°C)"), "OUTPUT_CLASSES": ("classes", "Ground thermal classes"),
            "OUTPUT_PROBABILITY": ("probability", "Permafrost probability"),
            "OUTPUT_ZONES": ("zones", "Permafrost zones")})
    w.step("cryo:mapaccuracy", "accuracy", {"INPUT": from_child("ttop", "OUTPUT_CLASSES"), "REFERENCE": reference,
                                            "REFERENCE_VECTOR": reference_polygons, "FIELD": reference_field,
                                            "CLASSES": classes,
                                            "REFERENCE_CLASSES": reference_classes},
           {"OUTPUT_TABLE": ("accuracy", "Confusion matrix, OA and kappa")})
    return w


def glacier_mass_balance() -> Workflow:
    w = Workflow("workflowglaciermassbalance", "Glacier mass balance from a DEM pair",
                 "Two DEMs and glacier outlines → Nuth & Kääb co-registration on stable terrain → elevation change "
                 "→ outliers and voids → volume change and geodetic mass balance with errors, and an HTML report.")
    reference = w.input(QgsProcessingParameterRasterLayer("reference_dem", "Reference DEM (newer)"), "dh = this − DEM.")
    dem = w.input(QgsProcessingParameterRasterLayer("dem", "DEM to align (older)"), "Resampled onto the reference.")
    glaciers = w.input(QgsProcessingParameterFeatureSource("glaciers", "Glacier outlines",
                                                           [QgsProcessing.TypeVectorPolygon]), "Unstable terrain.")
    id_field = w.input(QgsProcessingParameterField("glacier_id_field", "Glacier ID field (e.g. RGIId)", None,
                                                   "glaciers", optional=True),
                       "Names each glacier in the per-glacier outlines; empty: the feature id.")
    years = {}
    for name, text, default in (("reference_year", "Year of the reference DEM", 2009.0),
                                ("dem_year", "Year of the DEM to align", 1990.0)):
        years[name] = w.input(QgsProcessingParameterNumber(name, text, QgsProcessingParameterNumber.Double, default),
                              "Decimal years; the mass balance is per year.")
    w.step("cryo:demdifference", "demdifference", {"REFERENCE": reference, "DEM": dem, "GLACIERS": glaciers,
                                                   "REFERENCE_YEAR": years["reference_year"],
                                                   "DEM_YEAR": years["dem_year"], "GLACIER_ID_FIELD": id_field},
           {"OUTPUT": ("dh", "Elevation change (m)"), "OUTPUT_REPORT": ("report", "Report (HTML)"),
            "OUTPUT_GLACIERS": ("glaciers_mass_balance", "Glaciers with volume change and mass balance")})
    return w


def lake_ice() -> Workflow:
    w = Workflow("workflowlakeicephenology", "Lake-ice phenology from a stack and lake polygons",
                 "Daily lake-ice stack + lake polygons → lake means (shore buffer) → freeze-up and break-up dates and "
                 "durations per lake and winter, as a table and on the polygons.")
    stack = w.input(QgsProcessingParameterFile("stack", "Daily lake-ice stack"), "Percent ice per cell and day.")
    lakes = w.input(QgsProcessingParameterFeatureSource("lakes", "Lake polygons", [QgsProcessing.TypeVectorPolygon]),
                    "One polygon per lake.")
    lake_field = w.input(QgsProcessingParameterString("lake_field", "Lake name field", "name"), "Identifies a lake.")
    buffer = w.input(QgsProcessingParameterNumber("shore_buffer", "Shore buffer (m)",
                                                  QgsProcessingParameterNumber.Double, 250.0, minValue=0.0),
                     "Cells this close to the shore are left out.")
    w.step("cryo:lakeicephenology", "phenology", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": lake_field,
                                                  "SHORE_BUFFER": buffer},
           {"OUTPUT": ("phenology", "Freeze-up and break-up per lake and winter"),
            "OUTPUT_LAKES": ("lakes_phenology", "Lakes with the main event per winter")})
    return w


def insar_from_lst() -> Workflow:
    w = Workflow("workflowinsardeformationfromlst",
                 "InSAR ground deformation from LST (GST model → daily GST → thaw index → seasonal and long-term)",
                 "Station table → ridge GST model → daily GST from the LST stacks → per pixel, the thaw index of its "
                 "GST and the least-squares split of the InSAR displacements into a long-term velocity and a "
                 "seasonal (Stefan) term (Liu et al. 2010, 2012), with the fitted model at every date.")
    gst_sources = lst_inputs(w, "Same grid and dates; in the order of the LST fields; in the CRS of the "
                                "displacements.")
    displacement = w.input(QgsProcessingParameterFile("displacement", "Displacement time series (MintPy HDF5 or "
                                                                      "dated GeoTIFF)"),
                           "Geocoded, in the CRS of the LST stacks; its dates inside the LST period.")
    displacement_units = w.input(QgsProcessingParameterEnum("displacement_units", "Displacement units",
                                                            ["auto", "m", "mm"], defaultValue="auto",
                                                            usesStaticStrings=True),
                                 "auto: MintPy metres, GeoTIFF metres.")
    year_start = w.input(QgsProcessingParameterString("year_start", "Thaw season year starts on (MM-DD)", "01-01"),
                         "The thaw index is reset to 0 on this day each year.")
    gst_steps(w, gst_sources)
    w.step("cryo:insardeformation", "deformation",
           {"INPUT": displacement, "UNITS": displacement_units, "YEAR_START": year_start,
            "TEMPERATURE_STACK": from_child("lsttogst", "OUTPUT")},
           {"OUTPUT": ("deformation", "Deformation components (velocity, seasonal coefficient, ...)"),
            "OUTPUT_MODEL": ("deformation_model", "Fitted model at every date")})
    return w


BUILDERS = (freezethaw_trend, permafrost_from_lst, glacier_mass_balance, lake_ice, insar_from_lst)


def main(names) -> None:
    """Write the workflows named in ``names`` (all when empty): rebuilding an unchanged one only reorders its
    file."""
    start_app()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing
    Processing.initialize()
    from cryo_qgis_plugin.processing.provider import CryoProvider
    provider = CryoProvider()  # keep the Python object alive while the registry uses it
    QgsApplication.processingRegistry().addProvider(provider)
    os.makedirs(MODELS, exist_ok=True)
    for build in BUILDERS:
        workflow = build()
        if not names or workflow.name in names:
            print("wrote", workflow.save())


if __name__ == "__main__":
    main(sys.argv[1:])
