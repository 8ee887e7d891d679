"""Drawing the dock's series with pyqtgraph: lines in their :data:`~.series.STYLES`, class codes as coloured bars
on a categorical axis, event markers, and a second y axis on the right for series of another quantity than those
on the left (the InSAR displacement in mm on the left, a temperature table on the right, one date axis)."""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.PyQt.QtCore import Qt

from ..core.codes import ClassTable
from ..core.optional import lazy
from .series import PlotSeries

pg = lazy("pyqtgraph")

DASHES = {"dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine}


def class_positions(values: np.ndarray, table: ClassTable) -> np.ndarray:
    """Class codes -> their row on a categorical axis (the order of the class table); unknown codes -> -1,
    nodata stays NaN."""
    out = np.where(np.isnan(values), np.nan, -1.0)
    for row, code in enumerate(table):
        out[values == code.value] = row
    return out


def split_axes(series: Sequence[PlotSeries]) -> Tuple[List[PlotSeries], List[PlotSeries]]:
    """The series of the left y axis (those of the first quantity given, or all when none is) and those of the
    right one (the others; none when every series is of one quantity)."""
    quantities = [s.quantity for s in series if s.quantity]
    if not quantities or all(s.quantity == quantities[0] for s in series):
        return list(series), []
    return [s for s in series if s.quantity == quantities[0]], [s for s in series if s.quantity != quantities[0]]


def axis_title(series: Sequence[PlotSeries], plain: str) -> str:
    """The y axis title of ``series``: their quantity when they share one, else ``plain`` (e.g. "Value")."""
    quantities = {s.quantity for s in series}
    return quantities.pop() if len(quantities) == 1 and "" not in quantities else plain


def draw_series(target, s: PlotSeries, colour: str, table: Optional[ClassTable], legend=None) -> None:
    """Draw ``s`` into ``target`` (the PlotItem, which lists named curves in its legend itself, or the right-hand
    ViewBox, whose curves are added to ``legend``)."""
    def add(item, name=None):
        target.addItem(item)
        if legend is not None and name:
            legend.addItem(item, name)

    if table is None:
        add(pg.PlotDataItem(*_points(s), name=s.name, connect="finite", **_look(s, colour)), s.name)
    else:
        positions = class_positions(s.y, table)
        add(pg.PlotDataItem(s.x, positions, pen=pg.mkPen(colour, width=1), name=s.name, connect="finite"), s.name)
        # each day a short bar on its class's row, in the class colour (one curve of disjoint segments per
        # class: much faster to draw than per-point symbols on a 6,570-day series); unknown codes in black
        half = 0.4 * (float(np.median(np.diff(s.x))) if len(s.x) > 1 else 1.0)
        for code in list(table) + [None]:
            on = positions == (-1 if code is None else table.values.index(code.value))
            if on.any():
                xs = np.repeat(s.x[on], 2) + np.tile([-half, half], int(on.sum()))
                colour_of_class = "#000000" if code is None else code.hex_color
                add(pg.PlotCurveItem(xs, np.repeat(positions[on], 2), connect="pairs",
                                     pen=pg.mkPen(colour_of_class, width=4)))
    for marker in s.markers:
        line = pg.InfiniteLine(pos=marker.x, angle=90, movable=False,
                               pen=pg.mkPen(colour, style=Qt.PenStyle.DotLine), label=marker.text,
                               labelOpts={"position": 0.9, "rotateAxis": (1, 0), "color": colour})
        target.addItem(line, ignoreBounds=True)


def _points(s: PlotSeries):
    if s.style == "markers":  # markers only where there is a value
        finite = np.isfinite(s.y)
        return s.x[finite], s.y[finite]
    return s.x, s.y


def _look(s: PlotSeries, colour: str) -> dict:
    if s.style == "markers":
        return {"pen": None, "symbol": "o", "symbolSize": 6, "symbolBrush": pg.mkBrush(colour),
                "symbolPen": pg.mkPen(colour)}
    if s.style in DASHES:
        return {"pen": pg.mkPen(colour, width=2, style=DASHES[s.style])}
    return {"pen": pg.mkPen(colour, width=2.5 if s.style == "thick" else 1.5)}


class RightAxis:
    """A y axis on the right of ``plot_item`` with its own ViewBox, whose x follows the plot's."""

    def __init__(self, plot_item) -> None:
        self.item = plot_item
        self.view = pg.ViewBox()
        plot_item.scene().addItem(self.view)
        self.view.setZValue(plot_item.zValue() - 1)  # its curves under those of the left axis
        plot_item.getAxis("right").linkToView(self.view)
        self.view.setXLink(plot_item.vb)
        plot_item.vb.sigResized.connect(self._follow)
        self.shown = False
        self.x_set = False  # the x range was set to span the series of both axes

    def _follow(self, *_) -> None:
        self.view.setGeometry(self.item.vb.sceneBoundingRect())
        self.view.linkedViewChanged(self.item.vb, self.view.XAxis)

    def clear(self) -> None:
        for added in list(self.view.addedItems):
            self.view.removeItem(added)

    def show(self, title: str) -> None:
        self.item.showAxis("right")
        self.item.setLabel("right", title)
        self.view.enableAutoRange(axis=pg.ViewBox.YAxis)
        self._follow()
        self.shown = True

    def hide(self) -> None:
        self.item.hideAxis("right")
        self.shown = False

    def update(self, series: Sequence[PlotSeries], right_series: Sequence[PlotSeries], title: str) -> None:
        """Shown, titled ``title``, when some series are on it, with the x range spanning every series (its x
        follows the left ViewBox's, which would span only its own); else hidden, the x range automatic again."""
        if right_series:
            self.show(title)
            extent = x_extent(series)
            if extent is not None:
                self.item.setXRange(*extent, padding=0.02)
                self.x_set = True
            return
        if self.shown:
            self.hide()
        if self.x_set:
            self.item.enableAutoRange(axis="x")
            self.x_set = False


def x_extent(series: Sequence[PlotSeries]) -> Optional[Tuple[float, float]]:
    """The smallest and largest x of ``series`` (None when they have none)."""
    xs = [s.x[np.isfinite(s.x)] for s in series if len(s.x)]
    xs = [x for x in xs if x.size]
    if not xs:
        return None
    return float(min(x.min() for x in xs)), float(max(x.max() for x in xs))


# where the legend goes: (itemPos, parentPos, offset) of LegendItem.anchor; the dock's default is the top right
CORNERS = {"top-right": ((1, 0), (1, 0), (-10, 10)), "top-left": ((0, 0), (0, 0), (10, 10)),
           "bottom-left": ((0, 1), (0, 1), (10, -10)), "bottom-right": ((1, 1), (1, 1), (-10, -10))}


def emptiest_corner(axes: Sequence[Sequence[PlotSeries]], width: float = 0.45, height: float = 0.4) -> str:
    """The corner of the plot where the series of ``axes`` (one list per y axis, each scaled to its own range)
    have the smallest share of their points, in a box of ``width`` x ``height`` of the plot; the top right on a
    tie."""
    extent = x_extent([s for series in axes for s in series])
    shares = dict.fromkeys(CORNERS, 0.0)
    for series in axes:
        ys = [s.y[np.isfinite(s.y)] for s in series]
        ys = [y for y in ys if y.size]
        if extent is None or not ys:
            continue
        y0, y1 = min(y.min() for y in ys), max(y.max() for y in ys)
        for s in series:
            ok = np.isfinite(s.y) & np.isfinite(s.x)
            if not ok.any():
                continue
            u = (s.x[ok] - extent[0]) / ((extent[1] - extent[0]) or 1.0)
            v = (s.y[ok] - y0) / ((y1 - y0) or 1.0)
            right, top = u > 1 - width, v > 1 - height
            left, bottom = u < width, v < height
            for corner, inside in (("top-right", right & top), ("top-left", left & top),
                                   ("bottom-left", left & bottom), ("bottom-right", right & bottom)):
                shares[corner] += float(inside.mean())
    return min(CORNERS, key=lambda corner: shares[corner])  # dicts keep their order: the top right wins ties


def place_legend(legend, corner: str) -> None:
    item_pos, parent_pos, offset = CORNERS[corner]
    legend.anchor(itemPos=item_pos, parentPos=parent_pos, offset=offset)


def legend_box(legend, view) -> Tuple[float, ...]:
    """The legend's width and height as fractions of ``view`` (with a margin); () before the view is laid out."""
    rect, width, height = legend.boundingRect(), view.width(), view.height()
    return (rect.width() / width + 0.03, rect.height() / height + 0.05) if width > 0 and height > 0 else ()
