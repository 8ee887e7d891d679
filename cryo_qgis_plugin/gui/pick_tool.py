"""The map tool of the time-series dock: a click on the canvas reads the pixel's series there (the dock marks
each plotted pixel in its curve's colour, :mod:`.pick_markers`)."""
from __future__ import annotations

from qgis.gui import QgsMapCanvas, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import Qt


class PixelPickTool(QgsMapToolEmitPoint):
    """Emits ``canvasClicked(point, button)`` (map coordinates in the canvas CRS)."""

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
