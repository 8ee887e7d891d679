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
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsProcessing, QgsProcessingModelAlgorithm,  # noqa: E402
                       QgsProcessingModelChildAlgorithm, QgsProcessingModelChildDependency,
                       QgsProcessingModelChildParameterSource, QgsProcessingModelOutput,
                       QgsProcessingModelParameter, QgsProcessingParameterEnum,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFile, QgsProcessingParameterMapLayer, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer, QgsProcessingParameterString)
from qgis.testing import start_app  # noqa: E402

from cryo_qgis_plugin.compat import FLAG_OPTIONAL  # noqa: E402
from cryo_qgis_plugin.processing.workflow_texts import GROUP, WORKFLOWS  # noqa: E402
from model_layout import lay_out  # noqa: E402

MODELS = os.path.join(ROOT, "cryo_qgis_plugin", "models")
static = QgsProcessingModelChildParameterSource.fromStaticValue
from_input = QgsProcessingModelChildParameterSource.fromModelParameter
from_child = QgsProcessingModelChildParameterSource.fromChildOutput


class Workflow:
    """A model under construction: its inputs and steps are collected, then laid out and saved by :meth:`save`;
    title and description come from :data:`WORKFLOWS` (the texts the provider translates)."""

    def __init__(self, name: str):
        title, description = WORKFLOWS[name]
        self.model = QgsProcessingModelAlgorithm(title, GROUP, "workflows")
        self.model.setName(name)
        self.name = name
        self.help = {"ALG_DESC": description, "ALG_CREATOR": "cryo_qgis_plugin", "ALG_TITLE": title}
        self.inputs = []  # (definition, component)
        self.children = []

    def input(self, definition, help_text: str) -> QgsProcessingModelChildParameterSource:
        component = QgsProcessingModelParameter(definition.name())
        component.setDescription(definition.name())
        self.inputs.append((definition, component))
        self.help[definition.name()] = help_text
        return from_input(definition.name())

    def step(self, alg_id: str, child_id: str, sources: dict, outputs: dict, comment: str,
             after: tuple = None) -> None:
        """Add a child; parameters not given keep the algorithm's defaults; ``outputs`` maps the child's
        destination parameters to the model output names users see (a temporary file when a required one is not
        given); ``comment`` says what the step does (shown
        beside it in the model designer); ``after`` (step id, branch) runs it only when that branch is taken."""
        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(child.algorithm().displayName())
        child.comment().setDescription(comment)
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
            if not child.algorithm().parameterDefinition(parameter).flags() & FLAG_OPTIONAL:
                output.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)  # a required output the user did not name
            output.setChildOutputName(parameter)
            output.setChildId(child_id)
            model_outputs[name] = output
            self.help[name] = help_text
        child.setModelOutputs(model_outputs)
        if after:
            child.setDependencies([QgsProcessingModelChildDependency(*after)])
        self.children.append(child)

    def branch(self, child_id: str, condition: str, expression: str, comment: str) -> tuple:
        """A step that opens the branch ``condition`` when ``expression`` (on the model's inputs, as @name) is
        true; returns the ``after`` of the steps that run only then."""
        child = QgsProcessingModelChildAlgorithm("native:condition")
        child.setChildId(child_id)
        child.setDescription(comment.split(":")[0])
        child.setConfiguration({"conditions": [{"name": condition, "expression": expression}]})
        child.comment().setDescription(comment)
        self.children.append(child)
        return child_id, condition

    def save(self) -> str:
        lay_out([component for _, component in self.inputs], self.children)
        for definition, component in self.inputs:
            self.model.addModelParameter(definition, component)
        for child in self.children:
            self.model.addChildAlgorithm(child)
        self.model.setHelpContent(self.help)
        ok, errors = self.model.validate()
        if not ok:
            raise SystemExit("{} does not validate: {}".format(self.name, errors))
        path = os.path.join(MODELS, self.name + ".model3")
        self.model.toFile(path)
        return path


def freezethaw_trend() -> Workflow:
    w = Workflow("workflowfreezethawtrend")
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
            "OUTPUT_TABLE": ("areas", "Daily class areas (CSV, km²)")},
           "Reads every daily file, maps the product's codes to frozen/thawed/water and writes one styled stack "
           "with a band per day, and the daily area of each class.")
    w.step("cryo:freezethawindicators", "indicators",
           {"INPUT": from_child("decode", "OUTPUT"), "YEAR_START": year_start},
           {"OUTPUT": ("indicators", "Season indicators (one band per indicator and year)")},
           "Per pixel and season year: frozen days, freeze onset, thaw onset and the other season indicators.")
    for prefix, name, text in (("frozen_days_", "trend_frozen_days", "Trend of frozen days (days/yr)"),
                               ("freeze_onset_", "trend_freeze_onset", "Trend of the freeze onset (days/yr)")):
        w.step("cryo:trend", "trend_" + prefix.rstrip("_"),
               {"INPUT": from_child("indicators", "OUTPUT"), "BAND_PREFIX": static(prefix), "MIN_YEARS": static(3)},
               {"OUTPUT": (name, text)},
               "Sen slope and Mann-Kendall test, per pixel, of the {} bands of every season year.".format(prefix))
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
    w.step("cryo:gstmodel", "gstmodel", sources["gstmodel"], {"OUTPUT_MODEL": ("gst_model", "GST model (JSON)")},
           "Ridge regression of the stations' measured GST on their LSTs, checked by k-fold cross-validation.")
    w.step("cryo:lsttogst", "lsttogst", sources["lsttogst"], {"OUTPUT": ("gst", "Daily GST (°C)")},
           "The fitted model applied to every pixel and day of the LST stacks: a daily GST stack.")


def permafrost_from_lst() -> Workflow:
    w = Workflow("workflowpermafrostfromlst")
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
           {"OUTPUT_DDF": ("ddf", "Freezing index DDF"), "OUTPUT_DDT": ("ddt", "Thawing index DDT")},
           "Freezing and thawing degree days of the daily GST, per pixel and year.")
    w.step("cryo:ttop", "ttop", {"DDF": from_child("degreedays", "OUTPUT_DDF"),
                                 "DDT": from_child("degreedays", "OUTPUT_DDT"), "LANDCOVER": landcover,
                                 "NFACTORS": nfactors, "MEMBERS": members},
           {"OUTPUT_TTOP": ("ttop", "TTOP (°C)"), "OUTPUT_CLASSES": ("classes", "Ground thermal classes"),
            "OUTPUT_PROBABILITY": ("probability", "Permafrost probability"),
            "OUTPUT_ZONES": ("zones", "Permafrost zones")},
           "TTOP from the degree days and the n-factors of the land cover, with an ensemble of n-factors: "
           "classes, probability and zones.")
    w.step("cryo:mapaccuracy", "accuracy", {"INPUT": from_child("ttop", "OUTPUT_CLASSES"), "REFERENCE": reference,
                                            "REFERENCE_VECTOR": reference_polygons, "FIELD": reference_field,
                                            "CLASSES": classes,
                                            "REFERENCE_CLASSES": reference_classes},
           {"OUTPUT_TABLE": ("accuracy", "Confusion matrix, OA and kappa")},
           "The TTOP classes against the reference map: confusion matrix, overall accuracy and Cohen's kappa.")
    return w


def glacier_mass_balance() -> Workflow:
    w = Workflow("workflowglaciermassbalance")
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
    points = w.input(QgsProcessingParameterFeatureSource(
        "reference_points", "Co-registration reference points: ICESat-2 ATL06 granule or points (optional)",
        [QgsProcessing.TypeVectorPoint], optional=True),
        "When given, the DEM is co-registered to these points (an ATL06 .h5 granule, or a point layer such as "
        "lidar or GNSS) instead of to the reference DEM; dh is still reference DEM − aligned DEM.")
    points_field = w.input(QgsProcessingParameterField("reference_elevation_field", "Elevation field of the "
                                                       "reference points (empty: Z)", None, "reference_points",
                                                       QgsProcessingParameterField.Numeric, optional=True),
                           "Heights in the DEMs' vertical datum.")
    epochs = [w.input(QgsProcessingParameterFeatureSource(
        name, text, [QgsProcessing.TypeVectorPoint], optional=True),
        "ICESat-2 ATL06/ATL11 or ICESat GLAH12 granule (or a folder of them), or repeat-track points; with both "
        "epochs the workflow also grids their elevation-change rate.")
        for name, text in (("altimetry_epoch1", "Altimetry, earlier epoch: granule or points (optional)"),
                           ("altimetry_epoch2", "Altimetry, later epoch: granule or points (optional)"))]
    epochs_field = w.input(QgsProcessingParameterField("altimetry_elevation_field", "Elevation field of the "
                                                       "altimetry points (empty: Z)", None, "altimetry_epoch1",
                                                       QgsProcessingParameterField.Numeric, optional=True),
                           "The same field in both epochs; not used with granules.")
    epochs_years = w.input(QgsProcessingParameterNumber("altimetry_years", "Years between the altimetry epochs "
                                                        "(empty: from their dates)",
                                                        QgsProcessingParameterNumber.Double, optional=True),
                           "Needed for point layers without a date field.")
    w.step("cryo:demdifference", "demdifference", {"REFERENCE": reference, "DEM": dem, "GLACIERS": glaciers,
                                                   "REFERENCE_POINTS": points,
                                                   "REFERENCE_ELEVATION_FIELD": points_field,
                                                   "REFERENCE_YEAR": years["reference_year"],
                                                   "DEM_YEAR": years["dem_year"], "GLACIER_ID_FIELD": id_field},
           {"OUTPUT": ("dh", "Elevation change (m)"), "OUTPUT_REPORT": ("report", "Report (HTML)"),
            "OUTPUT_GLACIERS": ("glaciers_mass_balance", "Glaciers with volume change and mass balance")},
           "Nuth & Kääb co-registration on stable terrain (to the reference DEM, or to the reference points), "
           "elevation change, outliers and voids, volume change and geodetic mass balance with their errors.")
    given = w.branch("altimetry_given", "both_epochs",
                     "@altimetry_epoch1 IS NOT NULL AND @altimetry_epoch2 IS NOT NULL",
                     "Altimetry given?: the altimetry step runs only when both epochs are given.")
    w.step("cryo:altimetrydifference", "altimetry", {"EPOCH1": epochs[0], "EPOCH2": epochs[1],
                                                     "ELEVATION_FIELD": epochs_field, "YEARS": epochs_years},
           {"OUTPUT": ("altimetry_rate", "Elevation change rate from altimetry (m/yr)")},
           "Repeat-track altimetry of the two epochs binned in cells: (median later − median earlier) / years, an "
           "independent check of the DEM difference.", after=given)
    return w


def lake_ice() -> Workflow:
    w = Workflow("workflowlakeicephenology")
    stack = w.input(QgsProcessingParameterFile("stack", "Daily lake-ice stack"), "Percent ice per cell and day.")
    lakes = w.input(QgsProcessingParameterFeatureSource("lakes", "Lake polygons", [QgsProcessing.TypeVectorPolygon]),
                    "One polygon per lake.")
    lake_field = w.input(QgsProcessingParameterString("lake_field", "Lake name field", "name"), "Identifies a lake.")
    buffer = w.input(QgsProcessingParameterNumber("shore_buffer", "Shore buffer (m)",
                                                  QgsProcessingParameterNumber.Double, 250.0, minValue=0.0),
                     "Cells this close to the shore are left out.")
    temperature = w.input(QgsProcessingParameterFile("temperature_stack", "Daily air-temperature stack (optional)",
                                                     optional=True),
                          "When given, the ice thickness of every lake is modelled from its freeze-up (Stefan law).")
    units = w.input(QgsProcessingParameterEnum("temperature_units", "Air-temperature units", ["celsius", "kelvin"],
                                               defaultValue="celsius", usesStaticStrings=True, optional=True),
                    "Of the air-temperature stack after its scale and offset.")
    w.step("cryo:lakeiceseries", "series",
           {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": lake_field, "SHORE_BUFFER": buffer},
           {"OUTPUT": ("lake_series", "Daily ice per lake (table)")},
           "Zonal mean of the stack over each lake (shore buffer left out), day by day: the table the phenology "
           "is found in, to plot or export.")
    w.step("cryo:lakeicephenology", "phenology",
           {"INPUT": from_child("series", "OUTPUT"), "LAKES": lakes, "LAKE_FIELD": lake_field},
           {"OUTPUT": ("phenology", "Freeze-up and break-up per lake and winter"),
            "OUTPUT_LAKES": ("lakes_phenology", "Lakes with the main event per winter")},
           "Freeze-up and break-up start and end dates, ice duration and complete-freeze duration per lake and "
           "winter from the daily series, as a table and as columns of the lake polygons.")
    given = w.branch("temperature_given", "temperature", "@temperature_stack IS NOT NULL",
                     "Temperature given?: the thickness step runs only with an air-temperature stack.")
    w.step("cryo:lakeicethickness", "thickness",
           {"TEMPERATURE_STACK": temperature, "UNITS": units, "LAKES": lakes, "LAKE_FIELD": lake_field,
            "PHENOLOGY": from_child("phenology", "OUTPUT")},
           {"OUTPUT": ("ice_thickness", "Daily ice thickness per lake"),
            "OUTPUT_SEASONS": ("ice_seasons", "Ice seasons per lake (maximum thickness)")},
           "Daily ice thickness by the Stefan degree-day law from each lake's freeze-up (phenology), melt from "
           "the melt onset.", after=given)
    return w


def insar_from_lst() -> Workflow:
    w = Workflow("workflowinsardeformationfromlst")
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
            "OUTPUT_MODEL": ("deformation_model", "Fitted model at every date")},
           "Per pixel, least squares of the displacements on time and on the square root of the GST thaw index: "
           "long-term velocity and seasonal (Stefan) coefficient.")
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
