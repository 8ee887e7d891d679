"""The map side of the time-series dock: a marker on the canvas at each plotted pixel, in the colour of its curve,
and the outline of each plotted region; they follow the plot (pins, Clear) and the canvas CRS."""
from __future__ import annotations

import math
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from qgis.core import (Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsPointXY,
                       QgsProject, QgsWkbTypes)
from qgis.gui import QgsMapCanvas, QgsRubberBand, QgsVertexMarker
from qgis.PyQt.QtGui import QColor

from .series import PlotSeries, SeriesLocation

# the polygon geometry type of rubber bands and layers (Qgis.GeometryType since QGIS 3.30)
POLYGON = getattr(getattr(Qgis, "GeometryType", None), "Polygon", None) or QgsWkbTypes.GeometryType.PolygonGeometry
WGS84 = "EPSG:4326"
MARKER_SIZE = 16


def lon_lat(point: QgsPointXY, crs: QgsCoordinateReferenceSystem) -> Tuple[Optional[float], Optional[float]]:
    """``point`` (in ``crs``) as WGS 84 longitude and latitude; (None, None) when it cannot be transformed."""
    try:
        wgs = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(WGS84), QgsProject.instance()).transform(point)
    except QgsCsException:
        return None, None
    return (wgs.x(), wgs.y()) if math.isfinite(wgs.x()) and math.isfinite(wgs.y()) else (None, None)


def canvas_point(location: SeriesLocation, crs: QgsCoordinateReferenceSystem) -> Optional[QgsPointXY]:
    """The location in ``crs`` (the canvas CRS): from its point in the layer's CRS, else from lon/lat."""
    source = QgsCoordinateReferenceSystem(location.crs) if location.crs else QgsCoordinateReferenceSystem()
    point = QgsPointXY(location.x, location.y)
    if not source.isValid():
        if location.lon is None or location.lat is None:
            return None
        source, point = QgsCoordinateReferenceSystem(WGS84), QgsPointXY(location.lon, location.lat)
    try:
        return QgsCoordinateTransform(source, crs, QgsProject.instance()).transform(point)
    except QgsCsException:
        return None


class PickMarkers:
    """Keeps one :class:`QgsVertexMarker` per plotted pixel series (a cross, or rings around it for further series
    read at the same point) and one outline per plotted region (:class:`.region_series.RegionPlotSeries`), in
    the colours of their curves, on the canvas ``canvas_of()`` gives (None: no map, nothing is drawn)."""

    def __init__(self, canvas_of: Callable[[], Optional[QgsMapCanvas]]) -> None:
        self.canvas_of = canvas_of
        self.markers: List[QgsVertexMarker] = []
        self.outlines: List[QgsRubberBand] = []
        self._shown: Tuple[List[PlotSeries], List[str]] = ([], [])
        self._canvas: Optional[QgsMapCanvas] = None

    def show(self, series: Sequence[PlotSeries], colours: Sequence[str]) -> None:
        """Mark ``series`` (as plotted) in ``colours`` (the colour of each one's curve), replacing the marks."""
        self.clear()
        canvas = self.canvas_of()
        if canvas is None:
            return
        if canvas is not self._canvas:
            canvas.destinationCrsChanged.connect(self._follow_crs)
            self._canvas = canvas
        self._shown = (list(series), list(colours))
        crs = canvas.mapSettings().destinationCrs()
        at: Dict[Tuple[float, float], int] = {}  # series already marked at a point
        regions = []
        for s, colour in zip(series, colours):
            region = getattr(s, "region", None)
            if region is not None and not any(region is r for r in regions):
                regions.append(region)
                self.outlines.append(self._outline(canvas, region, colour))
            point = canvas_point(s.location, crs) if s.location is not None else None
            if point is None:
                continue
            key = (round(point.x(), 9), round(point.y(), 9))
            ring = at.get(key, 0)
            at[key] = ring + 1
            self.markers.append(self._marker(canvas, point, colour, ring))

    def clear(self) -> None:
        """Take every mark off the canvas."""
        self._shown = ([], [])
        canvas = self._canvas
        for item in self.markers + self.outlines:
            try:
                canvas.scene().removeItem(item)
            except (RuntimeError, AttributeError):  # the canvas is gone (QGIS closing)
                pass
        self.markers, self.outlines = [], []

    def _follow_crs(self) -> None:
        series, colours = self._shown
        if series:
            self.show(series, colours)

    @staticmethod
    def _marker(canvas: QgsMapCanvas, point: QgsPointXY, colour: str, ring: int) -> QgsVertexMarker:
        marker = QgsVertexMarker(canvas)
        marker.setIconType(QgsVertexMarker.IconType.ICON_CROSS if ring == 0 else QgsVertexMarker.IconType.ICON_CIRCLE)
        marker.setIconSize(MARKER_SIZE + 8 * ring)
        marker.setPenWidth(3)
        marker.setColor(QColor(colour))
        marker.setCenter(point)
        return marker

    @staticmethod
    def _outline(canvas: QgsMapCanvas, region, colour: str) -> QgsRubberBand:
        band = QgsRubberBand(canvas, POLYGON)
        band.setStrokeColor(QColor(colour))
        fill = QColor(colour)
        fill.setAlpha(40)
        band.setFillColor(fill)
        band.setWidth(2)
        band.setToGeometry(region.outline, region.crs)
        return band
