"""Styling layers with the plugin's class tables (the "Style as…" action): one table of class codes feeds the
decoding, the GeoTIFF sidecar styles, the time-series dock and this. Before a table is applied, the raster's values
are read (a bounded sample, :mod:`..core.io.value_counts`) so that values the table does not know are reported."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List

from qgis.core import QgsPalettedRasterRenderer, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from ..core.codes import ClassTable
from ..core.io.value_counts import band_value_counts
from ..class_labels import class_label

SHOWN_VALUES = 8  # unknown values listed in the message; the rest are counted


def tr(text: str) -> str:
    return QCoreApplication.translate("Styling", text)


def palette_classes(table: ClassTable) -> List[QgsPalettedRasterRenderer.Class]:
    return [QgsPalettedRasterRenderer.Class(code.value, QColor(code.hex_color), class_label(code))
            for code in table]


def style_as(layer: QgsRasterLayer, table: ClassTable, band: int = 1) -> None:
    """Show ``band`` of ``layer`` with the colours and labels of ``table`` (a paletted renderer: its legend
    lists the classes)."""
    renderer = QgsPalettedRasterRenderer(layer.dataProvider(), band, palette_classes(table))
    layer.setRenderer(renderer)
    layer.triggerRepaint()


@dataclass
class UnknownValues:
    cells: Dict[float, int]  # value -> cells, for the values that are not codes of the table
    estimated: bool  # counted on a decimated read of a large raster


def unknown_values(layer: QgsRasterLayer, table: ClassTable, band: int = 1) -> UnknownValues:
    """The values of ``band`` (nodata left out) that are not codes of ``table``, with their cells; none for a
    raster GDAL cannot read (a web service)."""
    if layer.providerType() != "gdal":
        return UnknownValues({}, False)
    try:
        counts = band_value_counts(layer.source(), band)
    except (OSError, RuntimeError):
        return UnknownValues({}, False)
    codes = {code.value for code in table}
    return UnknownValues({float(v): int(n) for v, n in zip(counts.values, counts.cells) if float(v) not in codes},
                         counts.sampled)


def unknown_values_message(layer_name: str, unknown: UnknownValues) -> str:
    """The warning shown after styling: the unknown values with their cells, and how many cells in all."""
    items = sorted(unknown.cells.items(), key=lambda item: -item[1])
    listed = ", ".join("{:g} ({:,})".format(value, cells) for value, cells in items[:SHOWN_VALUES])
    if len(items) > SHOWN_VALUES:
        listed = tr("{} and {} other values").format(listed, len(items) - SHOWN_VALUES)
    total = sum(unknown.cells.values())
    if unknown.estimated:
        return tr("{}: about {:,} cells (estimated from a sample) hold values that are not codes of this class "
                  "table, by value (cells): {}. The style is applied; these cells are drawn without a colour."
                  ).format(layer_name, total, listed)
    return tr("{}: {:,} cells hold values that are not codes of this class table, by value (cells): {}. The style "
              "is applied; these cells are drawn without a colour.").format(layer_name, total, listed)
