"""``cryo:lakeiceseries``: a daily raster stack and lake polygons -> a long table of daily lake means."""
from __future__ import annotations

import math
from typing import Sequence

from qgis.core import (QgsFeature, QgsFeatureSink, QgsFeatureSource, QgsFields, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber)

from ...compat import FIELD_ANY, NUMBER_DOUBLE, SOURCE_VECTOR_ANY, SOURCE_VECTOR_POLYGON, WKB_NO_GEOMETRY, \
    double_field, string_field
from ...core import lakeice
from ...qgis_io.lake_polygons import lake_polygons
from ...qgis_io.run import run_for
from ..base import logs_results, refuse_overwriting_inputs, translated
from ..guard import staged_sink
from ..option_labels import VALUE_TYPE_LABELS
from ..parameters import field_name, with_option_labels
from ..stack_parameters import STACK_HELP, StackAlgorithm, add_stack_parameters, open_stack_from_parameters


def series_fields() -> QgsFields:
    """lake (text), date (ISO text, as cryo:lakeicephenology reads it back), value (number)."""
    fields = QgsFields()
    for field in (string_field("lake"), string_field("date"), double_field("value")):
        fields.append(field)
    return fields


def daily_lake_means(algorithm: StackAlgorithm, parameters, context, feedback, lakes: QgsFeatureSource,
                     lake_field: str, value_type: str, shore_buffer: float,
                     outputs: Sequence[str] = ()) -> lakeice.Series:
    """The daily means of the stack given by the stack parameters (INPUT, DATASET, ...) over each polygon of
    ``lakes`` shrunk by ``shore_buffer`` metres: the stack path of cryo:lakeiceseries and of
    cryo:lakeicephenology. Stops first when one of ``outputs`` would replace a file of the stack or the LAKES
    layer."""
    shapes, ids = lake_polygons(lakes, lake_field)
    lakes_layer = algorithm.parameterAsVectorLayer(parameters, algorithm.LAKES, context)
    with open_stack_from_parameters(algorithm, parameters, context) as stack:
        refuse_overwriting_inputs(outputs, stack.files + ([lakes_layer.source().split("|")[0]] if lakes_layer else []))
        feedback.pushInfo(stack.describe())
        return lakeice.zonal_series(stack, shapes, ids, value_type, shore_buffer, run=run_for(feedback))


class LakeIceSeries(StackAlgorithm):
    GROUP = "lakeice"
    INPUT = "INPUT"
    LAKES = "LAKES"
    LAKE_FIELD = "LAKE_FIELD"
    VALUE_TYPE = "VALUE_TYPE"
    SHORE_BUFFER = "SHORE_BUFFER"
    OUTPUT = "OUTPUT"
    N_LAKES = "N_LAKES"
    N_DAYS = "N_DAYS"

    def name(self) -> str:
        return "lakeiceseries"

    def displayName(self) -> str:
        return self.tr("Lake-ice series from a raster stack (daily lake means)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Daily lake-ice values per lake from a daily raster stack (e.g. MODIS ice fraction, passive-"
            "microwave brightness temperature) and lake polygons: the value of a lake on a day is the mean of the "
            "cells whose centre lies in its polygon shrunk inwards by SHORE_BUFFER metres, so that mixed "
            "land/water cells at the shore are left out; a day counts when at least half of those cells have a "
            "value. The stack is read date by date, so memory does not grow with the record length.</p>"
            "<p>OUTPUT is a long table (lake, date as YYYY-MM-DD, value) ready for cryo:lakeicephenology "
            "(LAKE_FIELD lake, DATE_FIELD date, VALUE_FIELD value) or for the time-series dock. Values are "
            "checked against the range of VALUE_TYPE.</p>") + translated(STACK_HELP)

    def initAlgorithm(self, config=None) -> None:
        add_stack_parameters(self)
        self.parameterDefinition(self.INPUT).setDescription(self.tr("Daily lake-ice raster stack"))
        parameters = (
            (QgsProcessingParameterFeatureSource(self.LAKES, self.tr("Lake polygons"), [SOURCE_VECTOR_POLYGON]),
             self.tr("Polygons of the lakes, in any CRS (they are reprojected onto the stack's grid).")),
            (QgsProcessingParameterField(self.LAKE_FIELD, self.tr("Lake id field"), defaultValue="lake",
                                         parentLayerParameterName=self.LAKES, type=FIELD_ANY),
             self.tr("Field of LAKES whose text identifies each lake in the output; one polygon per lake.")),
            (with_option_labels(QgsProcessingParameterEnum(
                self.VALUE_TYPE, self.tr("Values are"), list(lakeice.VALUE_TYPES), defaultValue="ice_percent",
                usesStaticStrings=True), VALUE_TYPE_LABELS),
             self.tr("What the stack holds: ice_percent (0-100), ice_fraction (0-1) or brightness_temperature "
                     "(K); lake means outside that range stop the run.")),
            (QgsProcessingParameterNumber(self.SHORE_BUFFER, self.tr("Shore buffer (m, inwards)"), NUMBER_DOUBLE,
                                          defaultValue=0.0, minValue=0.0),
             self.tr("Metres by which each polygon is shrunk before averaging (0: the whole polygon); use about "
                     "one cell size to leave out mixed shore cells.")),
            (QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Daily lake series"), SOURCE_VECTOR_ANY),
             self.tr("Table with one row per lake and day: lake, date (YYYY-MM-DD), value.")),
        )
        for parameter, help_text in parameters:
            parameter.setHelp(help_text)
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber(self.N_LAKES, self.tr("Lakes with a series")))
        self.addOutput(QgsProcessingOutputNumber(self.N_DAYS, self.tr("Days in the series")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        series = daily_lake_means(self, parameters, context, feedback,
                                  self.parameterAsSource(parameters, self.LAKES, context),
                                  field_name(self, parameters, self.LAKE_FIELD, context, "lake"),
                                  self.parameterAsEnumString(parameters, self.VALUE_TYPE, context),
                                  self.parameterAsDouble(parameters, self.SHORE_BUFFER, context),
                                  [self.parameterAsOutputLayer(parameters, self.OUTPUT, context)])
        sink, output = staged_sink(self, parameters, self.OUTPUT, context, series_fields(), WKB_NO_GEOMETRY)
        days = series.values.shape[1]
        run = run_for(feedback)
        for k, (lake, values) in enumerate(zip(series.lakes, series.values)):
            run.report(k / len(series.lakes))
            for day in range(days):
                feature = QgsFeature(series_fields())
                value = float(values[day])
                feature.setAttributes([lake, series.date(day).isoformat(), None if math.isnan(value) else value])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(self.tr("{} lakes, {} days from {}").format(len(series.lakes), days, series.first))
        return {self.OUTPUT: output, self.N_LAKES: len(series.lakes), self.N_DAYS: days}
