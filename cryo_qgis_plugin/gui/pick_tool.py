"""The map tool of the time-series dock: a click on the canvas reads the pixel's series there."""
from __future__ import annotations

from qgis.core import QgsPointXY
from qgis.gui import QgsMapCanvas, QgsMapToolEmitPoint, QgsVertexMarker
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor


class PixelPickTool(QgsMapToolEmitPoint):
    """Emits ``canvasClicked(point, button)`` (map coordinates in the canvas CRS) and marks the last pick."""

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.marker = None
        self.canvasClicked.connect(self._mark)

    def _mark(self, point: QgsPointXY, _button) -> None:
        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas())
            self.marker.setIconType(QgsVertexMarker.IconType.ICON_CROSS)
            self.marker.setColor(QColor("#d62728"))
            self.marker.setIconSize(14)
            self.marker.setPenWidth(2)
        self.marker.setCenter(point)

    def deactivate(self) -> None:
        if self.marker is not None:
            self.canvas().scene().removeItem(self.marker)
            self.marker = None
        super().deactivate()
