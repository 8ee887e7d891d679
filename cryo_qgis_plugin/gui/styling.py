"""Styling layers with the plugin's class tables (the "Style as…" action): one table of class codes feeds the
decoding, the GeoTIFF sidecar styles, the time-series dock and this."""
from __future__ import annotations

from typing import List

from qgis.core import QgsPalettedRasterRenderer, QgsRasterLayer
from qgis.PyQt.QtGui import QColor

from ..core.codes import ClassTable
from ..class_labels import class_label


def palette_classes(table: ClassTable) -> List[QgsPalettedRasterRenderer.Class]:
    return [QgsPalettedRasterRenderer.Class(code.value, QColor(code.hex_color), class_label(code))
            for code in table]


def style_as(layer: QgsRasterLayer, table: ClassTable, band: int = 1) -> None:
    """Show ``band`` of ``layer`` with the colours and labels of ``table`` (a paletted renderer: its legend
    lists the classes)."""
    renderer = QgsPalettedRasterRenderer(layer.dataProvider(), band, palette_classes(table))
    layer.setRenderer(renderer)
    layer.triggerRepaint()
