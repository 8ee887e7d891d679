"""Legends in the user's language: the core writes the class names of its ``.qml`` styles in English (data, the same
on every machine); a layer styled from one shows them translated once this has run on it."""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsMapLayer, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from ..class_labels import CONTEXT


def translate_class_labels(layer: QgsMapLayer) -> int:
    """Replace the class labels of ``layer``'s paletted renderer by their translation (:mod:`..class_labels`;
    labels without one, e.g. of a custom product table, stay); the number of labels changed."""
    renderer = layer.renderer() if hasattr(layer, "renderer") else None
    if renderer is None or renderer.type() != "paletted":
        return 0
    changed = 0
    for item in renderer.classes():
        label = QCoreApplication.translate(CONTEXT, item.label)
        if label != item.label:
            renderer.setLabel(item.value, label)
            changed += 1
    return changed


class TranslatedLegends:
    """Layers added to ``project`` (by hand, from a project file, by another plugin) show their class labels in the
    user's language too: QGIS has applied their ``.qml`` default style by the time they are added."""

    def __init__(self, project: Optional[QgsProject] = None) -> None:
        self.project = project or QgsProject.instance()
        self.project.layersAdded.connect(self.layers_added)

    def layers_added(self, layers) -> None:
        for layer in layers:
            translate_class_labels(layer)

    def unload(self) -> None:
        self.project.layersAdded.disconnect(self.layers_added)
