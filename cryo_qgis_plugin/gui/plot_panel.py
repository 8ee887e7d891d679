"""The dock's plot panel: the pyqtgraph plot of the series (class codes on a categorical axis, a second y axis
for another quantity, event markers), the crosshair read-out under it and the status line."""
from __future__ import annotations

from typing import List, Optional, Sequence

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..class_labels import class_label
from ..core.codes import ClassTable
from ..core.io.outputs import atomic_path
from ..core.optional import lazy
from .plot_draw import (RightAxis, axis_title, draw_series, emptiest_corner, legend_box, place_legend,
                        split_axes)
from .series import PlotSeries

pg = lazy("pyqtgraph")  # imported when the dock is built: the plugin loads without pyqtgraph

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f")


class PlotPanel(QWidget):
    """The plot with its read-out and status line; ``redraw(series)`` draws the series given."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.series: List[PlotSeries] = []
        self.colours: List[str] = []
        self.right: Optional[RightAxis] = None  # made when a plot first needs it
        self._legend_corner = "top-right"
        plot_layout = QVBoxLayout(self)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": pg.DateAxisItem(orientation="bottom",
                                                                                       utcOffset=0)})
        self.plot.setLabel("bottom", self.tr("Date"))
        self.plot.setMinimumHeight(180)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#202020",
                                          brush=pg.mkBrush(255, 255, 255, 200))
        self.vline = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.vline, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        plot_layout.addWidget(self.plot, 1)
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        plot_layout.addWidget(self.readout)
        plot_layout.addWidget(self.status)

    def show_status(self, messages: Sequence[str], notes: Sequence[str] = ()) -> None:
        """Problems (in red when there are some), then ``notes``."""
        self.status.setText("\n".join(list(messages) + list(notes)))
        self.status.setStyleSheet("color: #b00020" if messages else "")

    def class_axis(self) -> Optional[ClassTable]:
        """The class table shared by every plotted series (then the y axis shows class names), else None."""
        tables = {s.class_table for s in self.series}
        return tables.pop() if len(tables) == 1 and None not in tables else None

    def redraw(self, series: Sequence[PlotSeries]) -> None:
        """Draw ``series`` (pinned first), the class axis when they share a class table, the legend."""
        self.series = list(series)
        self.colours = [PALETTE[k % len(PALETTE)] for k in range(len(self.series))]  # the curve of each series
        item = self.plot.getPlotItem()
        for data_item in list(item.listDataItems()):
            item.removeItem(data_item)
        for marker in [i for i in item.items if isinstance(i, pg.InfiniteLine) and i is not self.vline]:
            item.removeItem(marker)
        self.legend.clear()
        if self.right is not None:
            self.right.clear()
        dated = any(s.dated for s in series) or not series
        if dated != isinstance(item.getAxis("bottom"), pg.DateAxisItem):  # swap the axis only when it changes
            item.setAxisItems({"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0) if dated
                               else pg.AxisItem(orientation="bottom")})
            item.setLabel("bottom", self.tr("Date") if dated else self.tr("Band"))
        left_series, right_series = split_axes(series)
        table = self.class_axis()
        left = item.getAxis("left")
        if table is not None:
            left.setTicks([[(i, class_label(code)) for i, code in enumerate(table)]])
            item.setLabel("left", "")
            item.setYRange(-0.5, len(table.codes) - 0.5, padding=0.02)
        else:
            left.setTicks(None)
            item.setLabel("left", axis_title(left_series, self.tr("Value")))
            item.enableAutoRange(axis="y")
        for k, s in enumerate(series):
            colour = self.colours[k]
            if any(s is r for r in right_series):
                draw_series(self._right_axis().view, s, colour, None, self.legend)
            else:
                draw_series(item, s, colour, table)
        if right_series or self.right is not None:
            self._right_axis().update(series, right_series, axis_title(right_series, self.tr("Value")))
        for marker in [i for i in item.items if isinstance(i, pg.InfiniteLine) and i is not self.vline]:
            marker.label.anchors = [(1, 0), (1, 1)]  # the date label ends at its place near the top, inside the plot
            marker.label.updatePosition()
        corner = "top-right"
        if any(s.quantity for s in series):  # e.g. the InSAR overlay, whose curves fill a corner or two
            corner = emptiest_corner([left_series, right_series], *legend_box(self.legend, item.vb))
        if corner != self._legend_corner:  # else left where it is (the user may have dragged it)
            place_legend(self.legend, corner)
            self._legend_corner = corner
        self.readout.setText("")

    def _right_axis(self) -> RightAxis:
        if self.right is None:
            self.right = RightAxis(self.plot.getPlotItem())
        return self.right

    def _mouse_moved(self, position) -> None:
        if not self.series or not self.plot.sceneBoundingRect().contains(position):
            return
        x = self.plot.getPlotItem().vb.mapSceneToView(position).x()
        self.vline.setPos(x)
        self.readout.setText(self.readout_at(x))

    def readout_at(self, x: float) -> str:
        """The crosshair read-out: for each plotted series the nearest sample's date (or band) and value."""
        lines = []
        for s in self.series:
            i = s.index_near(x)
            if i is not None:
                lines.append("{}: {}  {}".format(s.name, s.describe_x(i), s.describe_value(i, class_label)))
        return "\n".join(lines)

    def export_png(self, path: str) -> bool:
        with atomic_path(path) as tmp:
            if not self.plot.grab().save(tmp, "PNG"):
                raise OSError(self.tr("Could not write {}").format(path))
        return True
