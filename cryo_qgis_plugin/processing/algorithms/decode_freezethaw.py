"""``cryo:decodefreezethaw``: daily freeze/thaw codes -> dated, styled GeoTIFF stack + daily class areas."""
from __future__ import annotations

from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString)

from ...class_labels import class_label
from ...core import freezethaw
from ...core.codes import FREEZE_THAW
from ...core.io.rasterize import polygon_mask
from ...qgis_io.run import run_for
from ..base import (SidecarStyle, core_errors, logs_results, refuse_overwriting_inputs,
                   translated)
from ..stack_parameters import STACK_HELP, StackAlgorithm, add_stack_parameters, open_stack_from_parameters, optional_date
from ...qgis_io.features import polygons_of

class DecodeFreezeThaw(StackAlgorithm):
    GROUP = "freezethaw"

    def name(self) -> str:
        return "decodefreezethaw"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Decode freeze/thaw product")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        classes = self.tr(", ").join("{} {}".format(c.value, class_label(c).lower()) for c in FREEZE_THAW)
        intro = self.tr(
            "<p>Decodes daily passive-microwave soil freeze/thaw grids (AMSR-E/AMSR2 global 0.25° product, "
            "Tibetan Plateau 25 km product; codes {}) into a georeferenced GeoTIFF with one band "
            "per day (band description = ISO date, codes unchanged, styled with the product's colours) and a "
            "CSV table of the daily area of each class in km².</p>").format(classes)
        areas = self.tr(
            "<p><b>Areas</b> use the true area of every cell on the grid's ellipsoid (exact ellipsoidal "
            "quadrangle, Snyder 1987 eq. 3-12), not a constant pixel size. <i>frozen_fraction</i> = frozen / "
            "(frozen + thawed + precipitation). Any other code is <i>unknown</i>: kept, counted in unknown_km2 "
            "and reported in the log. An optional MASK limits the statistics (not the GeoTIFF) to cells whose "
            "centre lies inside its polygons; PERIOD_START/PERIOD_END select dates.</p>")
        return intro + translated(STACK_HELP) + areas

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        add_stack_parameters(self)
        self.addParameter(QgsProcessingParameterString(
            "PERIOD_START", self.tr("First date to decode, YYYY-MM-DD (empty: first date of the input)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "PERIOD_END", self.tr("Last date to decode, YYYY-MM-DD (empty: last date of the input)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "MASK", self.tr("Region for the area statistics (polygons)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT", self.tr("Decoded freeze/thaw stack (one band per day)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_TABLE", self.tr("Daily class areas (km²)"), self.tr("CSV files (*.csv)"), optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("N_DATES", self.tr("Number of dates decoded")))
        self.addOutput(QgsProcessingOutputString("FIRST_DATE", self.tr("First date")))
        self.addOutput(QgsProcessingOutputString("LAST_DATE", self.tr("Last date")))
        self.addOutput(QgsProcessingOutputNumber("UNKNOWN_PIXEL_DAYS", self.tr("Pixel-days with unknown codes")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        table = self.parameterAsFileOutput(parameters, "OUTPUT_TABLE", context)
        period = (optional_date(self, parameters, "PERIOD_START", context),
                  optional_date(self, parameters, "PERIOD_END", context))
        with open_stack_from_parameters(self, parameters, context) as stack:
            feedback.pushInfo(stack.describe())
            refuse_overwriting_inputs([output, table], stack.files)
            region = polygons_of(self.parameterAsSource(parameters, "MASK", context), "MASK")
            mask = None
            if region is not None:
                feedback.pushInfo(self.tr("Statistics limited to {} MASK polygon(s)").format(len(region.wkb)))
                mask = polygon_mask(stack.grid, region.wkb, region.crs_wkt)
            with core_errors():
                result = freezethaw.decode(stack, output, table or None, period, mask,
                                           run=run_for(feedback))
        SidecarStyle.attach(context, output)
        feedback.pushInfo(self.tr("Decoded {} dates, {} .. {}").format(len(result.dates), result.dates[0],
                                                                         result.dates[-1]))
        return {"OUTPUT": output, "OUTPUT_TABLE": table, "N_DATES": len(result.dates),
                "FIRST_DATE": result.dates[0].isoformat(), "LAST_DATE": result.dates[-1].isoformat(),
                "UNKNOWN_PIXEL_DAYS": sum(result.unknown_values.values())}
