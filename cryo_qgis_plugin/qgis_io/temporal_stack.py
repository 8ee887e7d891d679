"""Dated stacks in time: a multi-band raster whose bands carry dates (the GDAL band metadata item ``DATE`` the
plugin writes, or an ISO date as band description) shows, on the map, the band of the map's date.

On QGIS ≥ 3.38 the raster layer does it itself: its temporal mode "fixed temporal range per band"
(``Qgis.RasterTemporalMode.FixedRangePerBand``) gives each band its day [date, date + 1), and the renderer draws
the band whose day overlaps the map's temporal range (the Temporal Controller). Older QGIS (3.22) has no such mode:
the layer gets the "fixed temporal range" mode over the whole stack (so the Temporal Controller has something to
navigate and the layer shows in that period), and a :class:`StackBandFollower` on the map canvas switches the
renderer to the band of the canvas's new temporal range (:func:`band_for_date`), keeping its style: a paletted
(class) renderer is rebuilt with the same classes, a pseudocolour one keeps its shader.

This module works on layers and a canvas given to it, with no widget: Processing (the output post-processor),
the plugin (layers added to the project) and the dock's date slider use it.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import threading
from collections import OrderedDict
from typing import List, Optional, Sequence, Tuple

from osgeo import gdal
from qgis.core import (Qgis, QgsDateTimeRange, QgsMapLayer, QgsPalettedRasterRenderer, QgsProject,
                       QgsProviderRegistry, QgsRasterLayer, QgsSingleBandGrayRenderer,
                       QgsSingleBandPseudoColorRenderer)
from qgis.PyQt.QtCore import QDate, QDateTime, QObject, Qt, QTime

from ..core.io.dates import date_from_description
from ..core.io.geotiff import DATE_KEY

# QGIS >= 3.38: the raster layer picks the band of the map's temporal range itself
NATIVE_PER_BAND = hasattr(Qgis.RasterTemporalMode, "FixedRangePerBand")
STACK_PROPERTY = "cryo/temporal_stack"  # layer custom property: made temporal by this module
FOLLOWER_NAME = "CryoStackBandFollower"
_KEPT = 64  # files whose band dates are kept

_dates: "OrderedDict[Tuple[str, int, int], Optional[Tuple[dt.date, ...]]]" = OrderedDict()
_lock = threading.Lock()


# -- dates -----------------------------------------------------------------------------------------------------
def layer_path(layer: QgsMapLayer) -> str:
    """The file of a GDAL raster layer ('' for other layers)."""
    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        return ""
    return QgsProviderRegistry.instance().decodeUri("gdal", layer.source()).get("path") or ""


def band_dates(layer: QgsMapLayer) -> Optional[List[dt.date]]:
    """The dates of the bands of a dated stack, read from the GDAL metadata of the layer's file as the dock's
    pixel reader does (:mod:`..core.io.pixel_series`: band metadata ``DATE``, else an ISO date in the band
    description); None unless the layer is a GDAL raster of at least two bands, every one with a date, in
    increasing order (a DEM, a single dated grid, a table of bands). Read once per file version."""
    path = layer_path(layer)
    if not path:
        return None
    try:
        stat = os.stat(path)
        key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    except OSError:  # not a plain file (e.g. a /vsi path): read each time
        dates = _read_dates(path)
        return list(dates) if dates else None
    with _lock:
        known = key in _dates
        dates = _dates.get(key)
    if not known:
        dates = _read_dates(path)
        with _lock:
            _dates[key] = dates
            while len(_dates) > _KEPT:
                _dates.popitem(last=False)
    return list(dates) if dates else None


def _read_dates(path: str) -> Optional[Tuple[dt.date, ...]]:
    try:
        ds = gdal.Open(path)
    except RuntimeError:
        ds = None
    if ds is None or ds.RasterCount < 2:
        return None
    dates = []
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        day = date_from_description(band.GetMetadataItem(DATE_KEY) or band.GetDescription())
        if day is None or (dates and day <= dates[-1]):
            return None
        dates.append(day)
    return tuple(dates)


def band_for_date(dates: Sequence[dt.date], day: dt.date) -> int:
    """The band (1-based) shown on ``day``: the band of that day; between two dates of a sparse stack the band
    of the earlier one; before the first date the first band, after the last the last band."""
    return max(bisect.bisect_right(list(dates), day), 1)


def range_start_date(temporal_range: QgsDateTimeRange) -> Optional[dt.date]:
    """The day the start of a temporal range falls on (in the range's own time spec), None without a start."""
    begin = temporal_range.begin()
    if not begin.isValid():
        return None
    day = begin.date()
    return dt.date(day.year(), day.month(), day.day())


def day_start(day: dt.date) -> QDateTime:
    """00:00 UTC of ``day``."""
    return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0), Qt.TimeSpec.UTC)


def day_range(first: dt.date, last: Optional[dt.date] = None) -> QgsDateTimeRange:
    """The days ``first`` .. ``last`` (default: only ``first``) as [first 00:00, last + 1 day 00:00) UTC."""
    end = (last or first) + dt.timedelta(days=1)
    return QgsDateTimeRange(day_start(first), day_start(end), True, False)


# -- layers ----------------------------------------------------------------------------------------------------
def is_temporal_stack(layer: QgsMapLayer) -> bool:
    """Whether :func:`make_temporal` made ``layer`` temporal."""
    return isinstance(layer, QgsRasterLayer) and bool(layer.customProperty(STACK_PROPERTY, False))


def make_temporal(layer: QgsMapLayer) -> bool:
    """Make a dated stack temporal (see the module docstring); False, and the layer left as it is, for any other
    layer. On QGIS < 3.38 the layer shows at once the band of the temporal range of the canvases followed."""
    dates = band_dates(layer)
    if not dates:
        return False
    properties = layer.temporalProperties()
    if NATIVE_PER_BAND:
        properties.setMode(Qgis.RasterTemporalMode.FixedRangePerBand)
        properties.setFixedRangePerBand({band: day_range(day) for band, day in enumerate(dates, start=1)})
    else:
        properties.setMode(Qgis.RasterTemporalMode.FixedTemporalRange)
        properties.setFixedTemporalRange(day_range(dates[0], dates[-1]))
    properties.setIsActive(True)
    layer.setCustomProperty(STACK_PROPERTY, True)
    if not NATIVE_PER_BAND:
        for follower in _followers:
            follower.apply_to(layer)
    return True


def renderer_band(layer: QgsRasterLayer) -> Optional[int]:
    """The band the layer's renderer draws (None for a renderer of several bands, e.g. RGB)."""
    renderer = layer.renderer()
    for getter in ("inputBand", "band", "grayBand"):  # inputBand from QGIS 3.38, where band() is deprecated
        if hasattr(renderer, getter):
            band = getattr(renderer, getter)()
            return band if band > 0 else None
    return None


def set_renderer_band(layer: QgsRasterLayer, band: int) -> bool:
    """Draw ``band`` with the layer's style (classes, colour ramp, opacity, transparency); False when the renderer
    already draws it or draws several bands."""
    renderer = layer.renderer()
    current = renderer_band(layer)
    if current is None or current == band:
        return False
    if hasattr(renderer, "setInputBand"):  # QGIS >= 3.38
        changed = renderer.clone()
        if not changed.setInputBand(band):
            return False
    elif isinstance(renderer, QgsPalettedRasterRenderer):
        changed = QgsPalettedRasterRenderer(layer.dataProvider(), band, renderer.classes())
        changed.copyCommonProperties(renderer)
        if renderer.sourceColorRamp() is not None:
            changed.setSourceColorRamp(renderer.sourceColorRamp().clone())
    elif isinstance(renderer, QgsSingleBandPseudoColorRenderer):
        changed = renderer.clone()
        changed.setBand(band)
    elif isinstance(renderer, QgsSingleBandGrayRenderer):
        changed = renderer.clone()
        changed.setGrayBand(band)
    else:
        return False
    layer.setRenderer(changed)
    layer.triggerRepaint()
    return True


def show_date(layer: QgsRasterLayer, day: dt.date) -> bool:
    """Switch a dated stack's renderer to the band of ``day`` (:func:`band_for_date`); False when it has no dates
    or already shows that band."""
    dates = band_dates(layer)
    return bool(dates) and set_renderer_band(layer, band_for_date(dates, day))


def temporal_stacks(project: Optional[QgsProject] = None) -> List[QgsRasterLayer]:
    """The project's layers made temporal by :func:`make_temporal`."""
    layers = (project or QgsProject.instance()).mapLayers().values()
    return [layer for layer in layers if is_temporal_stack(layer)]


# -- the canvas, on QGIS < 3.38 -------------------------------------------------------------------------------
class StackBandFollower(QObject):
    """Switches the band of the project's temporal stacks when the canvas's temporal range changes (QGIS < 3.38,
    where the layers cannot do it). A child of the canvas: it goes with it."""

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.setObjectName(FOLLOWER_NAME)
        self.canvas = canvas
        canvas.temporalRangeChanged.connect(self.apply)
        _followers.append(self)
        self.destroyed.connect(lambda *_: _forget(self))

    def current_date(self) -> Optional[dt.date]:
        settings = self.canvas.mapSettings()
        return range_start_date(settings.temporalRange()) if settings.isTemporal() else None

    def apply(self) -> None:
        for layer in temporal_stacks():
            self.apply_to(layer)

    def apply_to(self, layer: QgsRasterLayer) -> None:
        day = self.current_date()
        if day is not None:
            show_date(layer, day)

    def stop(self) -> None:
        self.canvas.temporalRangeChanged.disconnect(self.apply)
        _forget(self)
        self.setParent(None)
        self.deleteLater()


_followers: List[StackBandFollower] = []


def _forget(follower: StackBandFollower) -> None:
    if follower in _followers:
        _followers.remove(follower)


def follow_canvas(canvas) -> Optional[StackBandFollower]:
    """The canvas's :class:`StackBandFollower`, made on first call; None on QGIS >= 3.38 (not needed)."""
    if NATIVE_PER_BAND or canvas is None:
        return None
    follower = canvas.findChild(QObject, FOLLOWER_NAME)
    return follower if isinstance(follower, StackBandFollower) else StackBandFollower(canvas)


class TemporalStacks(QObject):
    """Every dated stack added to the project becomes temporal (:func:`make_temporal`), and on QGIS < 3.38 the
    bands follow ``canvas`` (the main map). ``unload`` disconnects both."""

    def __init__(self, canvas=None, project: Optional[QgsProject] = None) -> None:
        super().__init__()
        self.project = project or QgsProject.instance()
        self.project.layersAdded.connect(self.layers_added)
        self.follower = follow_canvas(canvas)

    def layers_added(self, layers: Sequence[QgsMapLayer]) -> None:
        for layer in layers:
            make_temporal(layer)

    def unload(self) -> None:
        self.project.layersAdded.disconnect(self.layers_added)
        if self.follower is not None and self.follower in _followers:
            self.follower.stop()
        self.follower = None
