"""Drawing a polygon on the map for the dock's region series: left clicks add vertices, a right click or a double
click closes the polygon, Backspace takes back the last vertex, Esc cancels."""
from __future__ import annotations

from typing import List

from qgis.core import QgsGeometry, QgsPointXY
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QKeyEvent

from .pick_markers import POLYGON


class PolygonMapTool(QgsMapTool):
    """Emits ``drawn(geometry)`` (a polygon in the canvas CRS) once closed with at least three vertices, and
    ``cancelled()`` on Esc; the outline follows the mouse while drawing."""

    drawn = pyqtSignal(QgsGeometry)
    cancelled = pyqtSignal()

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.points: List[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, POLYGON)
        self.band.setStrokeColor(QColor("#d62728"))
        self.band.setFillColor(QColor(214, 39, 40, 40))
        self.band.setWidth(2)
        self._after_double_click = False

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:
        if self._after_double_click:  # the release that ends a double click: the polygon is already closed
            self._after_double_click = False
            return
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.points.append(event.mapPoint())
            self._show(event.mapPoint())

    def canvasDoubleClickEvent(self, event: QgsMapMouseEvent) -> None:
        self._after_double_click = True
        self.finish()

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:
        if self.points:
            self._show(event.mapPoint())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            self.cancelled.emit()
        elif event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._show(None)
        else:
            event.ignore()

    def finish(self) -> None:
        """Close the polygon (nothing happens before its third vertex)."""
        if len(self.points) < 3:
            return
        geometry = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
        self.reset()
        self.drawn.emit(geometry)

    def reset(self) -> None:
        self.points = []
        self.band.reset(POLYGON)

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()

    def _show(self, moving) -> None:
        points = self.points + ([moving] if moving is not None else [])
        self.band.setToGeometry(QgsGeometry.fromPolygonXY([points]) if len(points) > 2
                                else QgsGeometry.fromPolylineXY(points), None)
