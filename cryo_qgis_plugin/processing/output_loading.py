"""How outputs open when Processing loads them (the dialog, a model run from the dialog), beyond the ``.qml``
sidecars :class:`.base.SidecarStyle` applies: class legends in the user's language, vector outputs styled from
their values, and the CSV tables of daily areas opened as tables with typed columns (``.csvt``)."""
from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsMapLayer, QgsProcessingContext, QgsProcessingLayerPostProcessorInterface, QgsProcessingUtils
from qgis.PyQt.QtCore import QCoreApplication

from ..core.io.csv_types import write_csvt
from ..qgis_io.translated_legend import translate_class_labels
from ..qgis_io.vector_styles import style_lakes, style_signed_points


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Runs the output's own post-processor (``then``: its sidecar style), then ``style`` on the loaded layer."""

    _alive = []  # Processing keeps only a C++ pointer: keep the Python objects alive

    def __init__(self, style: Callable[[QgsMapLayer], object], then=None) -> None:
        super().__init__()
        self.style = style
        self.then = then

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        if self.then is not None:
            self.then.postProcessLayer(layer, context, feedback)
        try:
            self.style(layer)
        except Exception as exc:  # noqa: BLE001 (a style must never lose the output)
            if feedback is not None:
                feedback.pushWarning(QCoreApplication.translate(
                    "CryoAlgorithm", "Could not style the layer {}: {}").format(layer.name(), exc))
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context: QgsProcessingContext, destination: Optional[str],
               style: Callable[[QgsMapLayer], object]) -> None:
        """Style ``destination`` with ``style`` when the run loads it, after its current post-processor."""
        if not destination or not context.willLoadLayerOnCompletion(destination):
            return
        details = context.layerToLoadOnCompletionDetails(destination)
        processor = cls(style, details.postProcessor())
        cls._alive.append(processor)
        details.setPostProcessor(processor)


def translate_legend_on_load(context: QgsProcessingContext, destination: Optional[str]) -> None:
    """The class labels of ``destination``'s sidecar style shown in the user's language when it is loaded (call
    after ``SidecarStyle.attach``)."""
    StyleOnLoad.attach(context, destination, translate_class_labels)


def style_lakes_on_load(context: QgsProcessingContext, destination: Optional[str]) -> None:
    StyleOnLoad.attach(context, destination, style_lakes)


def style_signed_points_on_load(context: QgsProcessingContext, destination: Optional[str], field: str) -> None:
    StyleOnLoad.attach(context, destination, lambda layer: style_signed_points(layer, field))


def table_with_layer(context: QgsProcessingContext, table: Optional[str], layer_output: str, name: str,
                     output_name: str) -> None:
    """The CSV ``table`` gets its ``.csvt`` (typed columns wherever it is opened) and, when the run loads
    ``layer_output`` (the dialog; a file output has no "open" box of its own), is loaded with it as a table
    named ``name``."""
    if not table:
        return
    write_csvt(table)
    if layer_output and context.willLoadLayerOnCompletion(layer_output):
        project = context.layerToLoadOnCompletionDetails(layer_output).project
        context.addLayerToLoadOnCompletion(table, QgsProcessingContext.LayerDetails(
            name, project, output_name, QgsProcessingUtils.LayerHint.Vector))
