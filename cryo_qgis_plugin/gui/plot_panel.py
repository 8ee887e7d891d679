"""The dock's plot panel: the pyqtgraph plot of the series (class codes on a categorical axis, a second y axis
for another unit, event markers, dates that stay readable at any width), the crosshair read-out under it with the
"Keep zoom" switch, and the status line. A redraw with new series zooms out to show them all, unless the zoom is
kept."""
from __future__ import annotations

from typing import List, Optional, Sequence

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..class_labels import class_label
from ..core.codes import ClassTable
from ..core.optional import lazy
from .date_axis import date_axis
from .plot_draw import (RightAxis, axis_title, class_ticks, draw_series, emptiest_corner, legend_box,
                        place_legend, place_marker_labels, row_offsets, split_axes, x_extent)
from .plot_export import ExportOptions, export_plot
from .series import DAY_SECONDS, PlotSeries

pg = lazy("pyqtgraph")  # imported when the dock is built: the plugin loads without pyqtgraph

# the curve colours, in the order series get them: the palette of Okabe & Ito (2008, "Color Universal Design"),
# told apart with any colour vision (tests/test_colour_vision.py); its yellow last, as it is faint on white
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442")


class PlotPanel(QWidget):
    """The plot with its read-out and status line; ``redraw(series)`` draws the series given."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.series: List[PlotSeries] = []
        self.colours: List[str] = []
        self.right: Optional[RightAxis] = None  # made when a plot first needs it
        self.markers: list = []  # the event markers drawn (InfiniteLines with a label)
        self._legend_corner = "top-right"
        plot_layout = QVBoxLayout(self)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": date_axis()})
        self.plot.setLabel("bottom", self.tr("Date"))
        self.plot.setMinimumHeight(180)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#202020",
                                          brush=pg.mkBrush(255, 255, 255, 200))
        self.vline = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.vline, ignoreBounds=True)
        # the map's date (the dock's date slider): its own line, so hovering the plot does not move it
        self.date_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#d55e00", width=1.5))
        self.date_line.hide()
        self.plot.addItem(self.date_line, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        view = self.plot.getPlotItem().vb
        for signal in (view.sigRangeChanged, view.sigResized, self.legend.xChanged, self.legend.yChanged):
            signal.connect(self._place_markers)  # event labels avoid each other and the legend
        plot_layout.addWidget(self.plot, 1)
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_zoom = QCheckBox(self.tr("Keep zoom"))
        self.keep_zoom.setToolTip(self.tr("Keep the plot's zoom when new series are drawn (else it shows them all)"))
        readout_row = QHBoxLayout()
        readout_row.addWidget(self.readout, 1)
        readout_row.addWidget(self.keep_zoom, 0, Qt.AlignmentFlag.AlignTop)
        self.status = QLabel()
        self.status.setWordWrap(True)
        plot_layout.addLayout(readout_row)
        plot_layout.addWidget(self.status)

    def show_status(self, messages: Sequence[str], notes: Sequence[str] = ()) -> None:
        """Problems (in red when there are some), then ``notes``."""
        self.status.setText("\n".join(list(messages) + list(notes)))
        self.status.setStyleSheet("color: #b00020" if messages else "")

    def class_axis(self) -> Optional[ClassTable]:
        """The class table shared by every series of the left y axis (then it shows class names), else None."""
        return shared_table(split_axes(self.series)[0])

    def redraw(self, series: Sequence[PlotSeries]) -> None:
        """Draw ``series`` (pinned first), the class axis when they share a class table, the legend."""
        kept = self.plot.getPlotItem().vb.viewRange() if self.keep_zoom.isChecked() and self.series else None
        self.series = list(series)
        self.colours = [PALETTE[k % len(PALETTE)] for k in range(len(self.series))]  # the curve of each series
        item = self.plot.getPlotItem()
        for data_item in list(item.listDataItems()):
            item.removeItem(data_item)
        cursors = (self.vline, self.date_line)
        for marker in [i for i in item.items if isinstance(i, pg.InfiniteLine) and i not in cursors]:
            item.removeItem(marker)
        self.legend.clear()
        if self.right is not None:
            self.right.clear()
        dated = any(s.dated for s in series) or not series
        if dated != isinstance(item.getAxis("bottom"), pg.DateAxisItem):  # swap the axis only when it changes
            item.setAxisItems({"bottom": date_axis() if dated else pg.AxisItem(orientation="bottom")})
            item.setLabel("bottom", self.tr("Date") if dated else self.tr("Band"))
        left_series, right_series = split_axes(series)
        table, right_table = shared_table(left_series), shared_table(right_series)
        item.enableAutoRange(axis="x")
        left = item.getAxis("left")
        if table is not None:
            left.setTicks([class_ticks(table)])
            item.setLabel("left", "")
            item.setYRange(-0.5, len(table.codes) - 0.5, padding=0.02)
        else:
            left.setTicks(None)
            item.setLabel("left", axis_title(left_series, self.tr("Value")))
            item.enableAutoRange(axis="y")
        offsets = dict(zip(map(id, left_series), row_offsets(len(left_series)) if table else [0.0] * len(series)))
        offsets.update(zip(map(id, right_series), row_offsets(len(right_series)) if right_table else []))
        self.markers = []
        for k, s in enumerate(series):
            colour, offset = self.colours[k], offsets.get(id(s), 0.0)
            if any(s is r for r in right_series):  # markers on the left: they only need the date axis
                self.markers += draw_series(self._right_axis().view, s, colour, right_table, self.legend, offset,
                                            markers_into=item)
            else:
                self.markers += draw_series(item, s, colour, table, offset=offset)
        if right_series or self.right is not None:
            self._right_axis().update(series, right_series, "" if right_table else
                                      axis_title(right_series, self.tr("Value")), right_table)
        self._set_range(kept, dated)
        self._place_markers()
        corner = "top-right"
        if any(s.quantity for s in series):  # e.g. the InSAR overlay, whose curves fill a corner or two
            corner = emptiest_corner([left_series, right_series], *legend_box(self.legend, item.vb))
        if corner != self._legend_corner:  # else left where it is (the user may have dragged it)
            place_legend(self.legend, corner)
            self._legend_corner = corner
        self.readout.setText("")

    def _set_range(self, kept, dated: bool) -> None:
        """The zoom kept (``kept``: the view range before), else all the series: a single date gets a week."""
        item = self.plot.getPlotItem()
        if kept is not None:
            item.vb.setRange(xRange=kept[0], yRange=kept[1], padding=0)
            return
        extent = x_extent(self.series)
        if dated and extent is not None and extent[1] - extent[0] < DAY_SECONDS:
            item.setXRange(extent[0] - 3 * DAY_SECONDS, extent[1] + 3 * DAY_SECONDS, padding=0)

    def _place_markers(self, *_) -> None:
        view = self.plot.getPlotItem().vb
        legend = self.legend.mapRectToItem(view, self.legend.boundingRect()) if self.legend.items else None
        place_marker_labels(self.markers, view, legend)

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

    def export(self, path: str, options: ExportOptions) -> None:
        """Write the plot to ``path`` (PNG, SVG or PDF, :mod:`.plot_export`), without the crosshair."""
        export_plot(self.plot, path, options, hide=[self.vline, self.date_line])

    def export_png(self, path: str) -> bool:
        """The plot as a PNG of its size on screen, at 96 DPI, without a title."""
        self.export(path, ExportOptions("png", max(self.plot.width(), 1), max(self.plot.height(), 1), 96.0))
        return True


def shared_table(series: Sequence[PlotSeries]) -> Optional[ClassTable]:
    """The class table every one of ``series`` has, else None."""
    tables = {s.class_table for s in series}
    return tables.pop() if len(tables) == 1 and None not in tables else None
