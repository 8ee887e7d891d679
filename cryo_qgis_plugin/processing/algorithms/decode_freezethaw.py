"""``cryo:decodefreezethaw``: daily freeze/thaw codes -> dated, styled GeoTIFF stack + daily class areas."""
from __future__ import annotations

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterString)

from ...class_labels import class_label
from ...compat import SOURCE_VECTOR_POLYGON
from ...core import freezethaw
from ...core.codes import FREEZE_THAW
from ...core.io.rasterize import polygon_mask
from ...qgis_io.features import polygons_of
from ...qgis_io.run import run_for
from ..base import SidecarStyle, logs_results, refuse_overwriting_inputs, translated
from ..output_loading import table_with_layer, translate_legend_on_load
from ..parameters import with_calendar, with_help
from ..product_parameters import PRODUCT_HELP, add_product_parameters, product_from_parameters
from ..stack_parameters import (STACK_HELP, StackAlgorithm, add_stack_parameters, open_stack_from_parameters,
                                optional_date)


class DecodeFreezeThaw(StackAlgorithm):
    GROUP = "freezethaw"
    # INPUT, DATASET, START_DATE, EXTENT, CRS: StackAlgorithm
    PERIOD_START = "PERIOD_START"
    PERIOD_END = "PERIOD_END"
    MASK = "MASK"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    N_DATES = "N_DATES"
    FIRST_DATE = "FIRST_DATE"
    LAST_DATE = "LAST_DATE"
    UNKNOWN_PIXEL_DAYS = "UNKNOWN_PIXEL_DAYS"

    def name(self) -> str:
        return "decodefreezethaw"

    def displayName(self) -> str:
        return self.tr("Decode freeze/thaw product")

    def shortHelpString(self) -> str:
        classes = self.tr(", ").join("{} {}".format(c.value, class_label(c).lower()) for c in FREEZE_THAW)
        intro = self.tr(
            "<p>Decodes daily passive-microwave soil freeze/thaw grids (AMSR-E/AMSR2 global 0.25° product, "
            "Tibetan Plateau 25 km product; codes {}) into a georeferenced GeoTIFF with one band "
            "per day (band description = ISO date, codes unchanged, styled with the product's colours) and a "
            "CSV table of the daily area of each class in km².</p>").format(classes)
        areas = self.tr(
            "<p><b>Areas</b> use the true area of every cell: on a geographic grid the exact ellipsoidal "
            "quadrangle (Snyder 1987 eq. 3-12), on an equal-area grid (EASE-Grid 2.0, 1.0) the cell size. "
            "<i>frozen_fraction</i> = frozen / (frozen + thawed + precipitation + transitional). An optional MASK "
            "limits the statistics (not the GeoTIFF) to cells whose centre lies inside its polygons; "
            "PERIOD_START/PERIOD_END select dates.</p>")
        return intro + translated(PRODUCT_HELP) + translated(STACK_HELP) + areas

    def initAlgorithm(self, config=None) -> None:
        add_stack_parameters(self)
        add_product_parameters(self)
        self.addParameter(with_help(
            with_calendar(QgsProcessingParameterString(
                self.PERIOD_START, self.tr("First date to decode, YYYY-MM-DD (empty: first date of the input)"),
                optional=True)),
            self.tr("Dates of the input before this one (YYYY-MM-DD) are left out of both the GeoTIFF and the "
                    "table; the date itself is kept.")))
        self.addParameter(with_help(
            with_calendar(QgsProcessingParameterString(
                self.PERIOD_END, self.tr("Last date to decode, YYYY-MM-DD (empty: last date of the input)"),
                optional=True)),
            self.tr("Dates of the input after this one (YYYY-MM-DD) are left out of both the GeoTIFF and the "
                    "table; the date itself is kept.")))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource(
                self.MASK, self.tr("Region for the area statistics (polygons)"), [SOURCE_VECTOR_POLYGON],
                optional=True),
            self.tr("Polygons in any CRS (e.g. a basin or a permafrost region): the class areas count only the "
                    "cells whose centre lies inside them. The GeoTIFF keeps the whole grid. Empty: the whole "
                    "grid.")))
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT, self.tr("Decoded freeze/thaw stack (one band per day)")),
            self.tr("GeoTIFF with one 8-bit band per day, described by its ISO date; the product's codes are "
                    "kept unchanged (nodata 255) and styled with its class colours.")))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_TABLE, self.tr("Daily class areas (km²)"), self.tr("CSV files (*.csv)"), optional=True,
                createByDefault=True),
            self.tr("CSV with one row per date: the area of each class and of unknown codes in km² (true cell "
                    "areas, inside MASK) and frozen_fraction = frozen / (frozen + thawed + precipitation + "
                    "transitional).")))
        self.addOutput(QgsProcessingOutputNumber(self.N_DATES, self.tr("Number of dates decoded")))
        self.addOutput(QgsProcessingOutputString(self.FIRST_DATE, self.tr("First date")))
        self.addOutput(QgsProcessingOutputString(self.LAST_DATE, self.tr("Last date")))
        self.addOutput(QgsProcessingOutputNumber(self.UNKNOWN_PIXEL_DAYS, self.tr("Pixel-days with unknown codes")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        table = self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context)
        period = (optional_date(self, parameters, self.PERIOD_START, context),
                  optional_date(self, parameters, self.PERIOD_END, context))
        with open_stack_from_parameters(self, parameters, context) as stack:
            feedback.pushInfo(stack.describe())
            refuse_overwriting_inputs([output, table], stack.files)
            product = product_from_parameters(self, parameters, context, stack, feedback)
            region = polygons_of(self.parameterAsSource(parameters, self.MASK, context), self.MASK)
            mask = None
            if region is not None:
                feedback.pushInfo(self.tr("Statistics limited to {} MASK polygon(s)").format(len(region.wkb)))
                mask = polygon_mask(stack.grid, region.wkb, region.crs_wkt)
            result = freezethaw.decode(stack, output, table or None, period, mask, product,
                                       run=run_for(feedback))
        SidecarStyle.attach(context, output)
        translate_legend_on_load(context, output)
        table_with_layer(context, table, output, self.parameterDefinition(self.OUTPUT_TABLE).description(),
                         self.OUTPUT_TABLE)
        feedback.pushInfo(self.tr("Decoded {} dates, {} .. {}").format(
            len(result.dates), result.dates[0], result.dates[-1]))
        return {self.OUTPUT: output, self.OUTPUT_TABLE: table, self.N_DATES: len(result.dates),
                self.FIRST_DATE: result.dates[0].isoformat(), self.LAST_DATE: result.dates[-1].isoformat(),
                self.UNKNOWN_PIXEL_DAYS: sum(result.unknown_values.values())}
