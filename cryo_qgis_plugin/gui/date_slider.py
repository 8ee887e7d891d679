"""The dock's date slider: a row under the plot with ◀, a slider over the dates of the ticked dated stacks, ▶, the
date shown, and "Frames…" (one PNG of the map per date).

The slider drives the map canvas's Temporal Controller (extents the stacks' dates, frames of one day, animated
navigation) and follows it back, so slider, Temporal Controller and map agree whichever is moved; the map's
stacks show the band of the date (:mod:`..qgis_io.temporal_stack`). The plot's date cursor moves to the date, and
a click on the plot chooses the date there. Without a QGIS interface (scripts, tests) the slider switches the
band of the ticked stacks itself. Keys on the slider: arrows a day, Page Up/Down a month, Home/End the ends.
"""
from __future__ import annotations

import bisect
import datetime as dt
from typing import Callable, List, Optional, Sequence

from qgis.core import (Qgis, QgsDateTimeRange, QgsInterval, QgsProject, QgsRasterLayer, QgsTemporalNavigationObject,
                       QgsUnitTypes)
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from ..core.optional import lazy
from ..qgis_io.temporal_stack import (NATIVE_PER_BAND, band_dates, day_start, follow_canvas, is_temporal_stack,
                                      make_temporal, range_start_date, show_date)
from .map_frames import export_frames
from .series import date_seconds, seconds_date

pg = lazy("pyqtgraph")


# the enums that moved to Qgis (3.30-3.36), in the form this QGIS has
ANIMATED = (Qgis.TemporalNavigationMode.Animated if hasattr(Qgis, "TemporalNavigationMode")
            else QgsTemporalNavigationObject.NavigationMode.Animated)
DAYS = Qgis.TemporalUnit.Days if hasattr(Qgis, "TemporalUnit") else QgsUnitTypes.TemporalUnit.TemporalDays


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (the day clamped to the month's length: 31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (following - dt.timedelta(days=1)).day))


def step_index(dates: Sequence[dt.date], index: int, target: dt.date) -> int:
    """The position to go to from ``index`` towards ``target``: forward the first date on or after it, backward
    the last on or before it; the ends when there is none. Always moves when it can."""
    if target > dates[index]:
        return min(bisect.bisect_left(list(dates), target), len(dates) - 1)
    return max(bisect.bisect_right(list(dates), target) - 1, 0)


class _DaySlider(QSlider):
    """A horizontal slider whose keys step by days and months (``step(days, months)`` does it)."""

    KEYS = {Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1)}

    def __init__(self, step: Callable[[int, int], None]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.step = step

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in self.KEYS:
            self.step(*self.KEYS[event.key()])
        else:
            super().keyPressEvent(event)  # Home, End


class DateSlider(QWidget):
    """The date row. ``ticked`` gives the ids of the dock's ticked layers; ``refresh()`` re-reads their dates.
    ``set_date(day)`` shows ``day`` (the stacks' nearest date) on the map, the slider and the plot cursor;
    ``date_changed`` is emitted with each date chosen."""

    date_changed = pyqtSignal(object)

    def __init__(self, panel, iface=None, ticked: Callable[[], List[str]] = list,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.panel, self.iface, self.ticked = panel, iface, ticked
        self.canvas = iface.mapCanvas() if iface is not None else None
        self.controller = self.canvas.temporalController() if self.canvas is not None else None
        self.dates: List[dt.date] = []
        self.current: Optional[dt.date] = None
        self._driving = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.back = self._button("◀", self.tr("Previous date"), lambda: self.step(-1, 0))
        self.slider = _DaySlider(self.step)
        self.slider.setToolTip(self.tr("Date of the map's stacks: arrow keys step a day, Page Up/Down a month"))
        self.slider.valueChanged.connect(lambda index: self.set_date(self.dates[index]) if self.dates else None)
        self.forward = self._button("▶", self.tr("Next date"), lambda: self.step(1, 0))
        self.label = QLabel()
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("0000-00-00  "))
        self.frames_button = QToolButton()
        self.frames_button.setText(self.tr("Frames…"))
        self.frames_button.setToolTip(
            self.tr("Write one PNG of the map per date (the Temporal Controller's own export, its movie button, "
                    "offers more settings)") if NATIVE_PER_BAND else self.tr("Write one PNG of the map per date"))
        self.frames_button.clicked.connect(self._ask_frames)
        for widget, stretch in ((self.back, 0), (self.slider, 1), (self.forward, 0), (self.label, 0),
                                (self.frames_button, 0)):
            layout.addWidget(widget, stretch)
        follow_canvas(self.canvas)  # QGIS < 3.38: the map's stacks switch band with the canvas's range
        if self.controller is not None:
            self.controller.updateTemporalRange.connect(self.follow_controller)
        panel.plot.scene().sigMouseClicked.connect(self._plot_clicked)
        self.refresh()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRepeat(True)
        button.clicked.connect(slot)
        return button

    # -- dates -----------------------------------------------------------------------------------------------
    def stacks(self) -> List[QgsRasterLayer]:
        """The ticked layers that are dated stacks."""
        project = QgsProject.instance()
        layers = [project.mapLayer(layer_id) for layer_id in self.ticked()]
        return [layer for layer in layers if layer is not None and band_dates(layer)]

    def refresh(self, *_) -> None:
        """The dates of the ticked stacks (all of them, in order); the date shown is kept when it is one of them,
        else the Temporal Controller's when it runs, else the first. A ticked stack not temporal yet (loaded
        before the plugin) becomes temporal."""
        stacks = self.stacks()
        for layer in stacks:
            if not is_temporal_stack(layer):
                make_temporal(layer)
        dates = sorted({day for layer in stacks for day in band_dates(layer)})
        for widget in (self.back, self.slider, self.forward):
            widget.setEnabled(bool(dates))
        self.frames_button.setEnabled(bool(dates) and self.canvas is not None)
        if dates == self.dates:
            return
        self.dates = dates
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(dates) - 1, 0))
        self.slider.blockSignals(False)
        if not dates:
            self.current = None
            self.label.setText(self.tr("No dated stack ticked"))
            return
        controller_day = self._controller_date()
        if self.current in dates:
            self._show(self.current)
        elif controller_day is not None:
            self._show(self.nearest(controller_day))
        else:
            self._show(dates[0])
        if self.controller is None:
            self._switch_bands(self.current)

    def nearest(self, day: dt.date) -> dt.date:
        """The stacks' date nearest to ``day`` (the earlier of two as near)."""
        return min(self.dates, key=lambda d: (abs((d - day).days), d))

    # -- choosing a date --------------------------------------------------------------------------------------
    def set_date(self, day: dt.date) -> Optional[dt.date]:
        """Show the stacks' date nearest to ``day`` everywhere; returns it (None without dates)."""
        if not self.dates:
            return None
        day = self.nearest(day)
        self._show(day)
        if self.controller is not None:
            self._drive_controller(day)
        else:
            self._switch_bands(day)
        self.date_changed.emit(day)
        return day

    def step(self, days: int, months: int) -> None:
        """Move by ``days`` days or ``months`` months to the next date of the stacks in that direction."""
        if not self.dates or self.current is None:
            return
        index = self.dates.index(self.current)
        target = add_months(self.current, months) if months else self.current + dt.timedelta(days=days)
        self.set_date(self.dates[step_index(self.dates, index, target)])

    def _show(self, day: dt.date) -> None:
        """Slider, label and plot cursor at ``day``, without driving anything."""
        self.current = day
        self.slider.blockSignals(True)
        self.slider.setValue(self.dates.index(day))
        self.slider.blockSignals(False)
        self.label.setText(day.isoformat())
        self.panel.date_line.setPos(date_seconds(day))
        self.panel.date_line.show()

    def _switch_bands(self, day: Optional[dt.date]) -> None:
        if day is not None:
            for layer in self.stacks():
                show_date(layer, day)

    # -- the Temporal Controller ------------------------------------------------------------------------------
    def _drive_controller(self, day: dt.date) -> None:
        """Animated navigation over the stacks' days, one day a frame, at ``day``."""
        controller = self.controller
        extents = QgsDateTimeRange(day_start(self.dates[0]), day_start(self.dates[-1] + dt.timedelta(days=1)))
        self._driving = True
        try:
            if controller.navigationMode() != ANIMATED:
                controller.setNavigationMode(ANIMATED)
            duration = QgsInterval(1, DAYS)
            if controller.frameDuration() != duration:
                controller.setFrameDuration(duration)
            if controller.temporalExtents() != extents:
                controller.setTemporalExtents(extents)
            controller.setCurrentFrameNumber((day - self.dates[0]).days)
        finally:
            self._driving = False

    def _controller_date(self) -> Optional[dt.date]:
        if self.controller is None or self.controller.navigationMode() != ANIMATED:
            return None
        frame = self.controller.dateTimeRangeForFrameNumber(self.controller.currentFrameNumber())
        return range_start_date(frame)

    def follow_controller(self, temporal_range: QgsDateTimeRange) -> None:
        """The Temporal Controller moved (its own buttons, or the slider): show the date it is at."""
        day = range_start_date(temporal_range)
        if self._driving or day is None or not self.dates:
            return
        self._show(self.nearest(day))
        self.date_changed.emit(self.current)

    # -- the plot ---------------------------------------------------------------------------------------------
    def _plot_clicked(self, event) -> None:
        """A left click in the plot area of a date axis chooses the date there."""
        item = self.panel.plot.getPlotItem()
        position = event.scenePos()
        if event.button() != Qt.MouseButton.LeftButton or not item.vb.sceneBoundingRect().contains(position) \
                or not isinstance(item.getAxis("bottom"), pg.DateAxisItem):
            return
        self.set_date(seconds_date(item.vb.mapSceneToView(position).x()))

    # -- frames -----------------------------------------------------------------------------------------------
    def _ask_frames(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the frames (one PNG per date)"))
        if folder:
            self.export_frames(folder)

    def export_frames(self, folder: str) -> List[str]:
        """One PNG of the map canvas per date of the stacks in ``folder`` (``frame_0001_YYYY-MM-DD.png``, ...),
        with a progress dialog that can cancel; the date shown before comes back. Returns the files written."""
        if self.canvas is None or not self.dates:
            return []
        before = self.current
        try:
            paths = export_frames(self.canvas, self.dates, self.set_date, folder, self)
        finally:
            self.set_date(before)
        if self.iface is not None and paths:
            self.iface.messageBar().pushSuccess(self.tr("Frames"), self.tr("{} frames written to {}").format(
                len(paths), folder))
        return paths
