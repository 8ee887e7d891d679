"""Drawing the dock's series with pyqtgraph: lines in their :data:`~.series.STYLES`, class codes as coloured bars
on a categorical axis (several series side by side within each class row), event markers whose labels keep out of
each other's way, and a second y axis on the right for series of another unit than those on the left (the InSAR
displacement in mm on the left, a temperature in °C on the right, one date axis)."""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.PyQt.QtCore import Qt

from ..class_labels import class_label
from ..core.codes import ClassTable
from ..core.optional import lazy
from .series import PlotSeries

pg = lazy("pyqtgraph")

DASHES = {"dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine}
CLASS_UNIT = "class"  # the axis key of class codes
ROW_SPREAD = 0.3  # class series sharing the rows are spread over ±ROW_SPREAD of a row, ±0.15 for two
LABEL_GAP = 2.0  # pixels between an event-marker label and the plot's top or the label above


def class_positions(values: np.ndarray, table: ClassTable) -> np.ndarray:
    """Class codes -> their row on a categorical axis (the order of the class table); unknown codes -> -1,
    nodata stays NaN."""
    out = np.where(np.isnan(values), np.nan, -1.0)
    for row, code in enumerate(table):
        out[values == code.value] = row
    return out


def series_unit(s: PlotSeries) -> str:
    """The unit of ``s``'s values: its ``units``, else the one its quantity ends with ("h (cm)" -> "cm"); ''
    when unknown."""
    if s.units:
        return s.units
    found = re.search(r"\(([^()]+)\)\s*$", s.quantity)
    return found.group(1) if found else ""


def axis_key(s: PlotSeries) -> str:
    """What series must share to be drawn on one y axis: class codes their rows, others their unit (or their
    quantity when it names no unit); '' for plain values."""
    return CLASS_UNIT if s.categorical else series_unit(s) or s.quantity


def split_axes(series: Sequence[PlotSeries]) -> Tuple[List[PlotSeries], List[PlotSeries]]:
    """The series of the left y axis (those of the first unit given, or all when none is) and those of the right
    one (the others; none when every series is of one unit)."""
    keys = [axis_key(s) for s in series]
    known = [k for k in keys if k]
    if not known or all(k == known[0] for k in keys):
        return list(series), []
    return ([s for s, k in zip(series, keys) if k == known[0]], [s for s, k in zip(series, keys) if k != known[0]])


def axis_title(series: Sequence[PlotSeries], plain: str) -> str:
    """The y axis title of ``series``: their quantity when they share one ("Displacement (mm)"), else ``plain``
    with their shared unit ("Value (°C)"), else ``plain`` (e.g. "Value")."""
    quantities = {s.quantity for s in series}
    if len(quantities) == 1 and "" not in quantities:
        return quantities.pop()
    units = {series_unit(s) for s in series}
    unit = units.pop() if len(units) == 1 else ""
    return "{} ({})".format(plain, unit) if unit and unit != CLASS_UNIT else plain


def class_ticks(table: ClassTable) -> List[Tuple[int, str]]:
    """The ticks of a class axis: each class's label on its row."""
    return [(i, class_label(code)) for i, code in enumerate(table)]


def row_offsets(count: int) -> List[float]:
    """Where ``count`` class series sharing the rows are drawn within a row: 0 for one, ±0.15 for two, spread
    evenly over ±:data:`ROW_SPREAD` for more."""
    if count < 2:
        return [0.0] * count
    step = min(ROW_SPREAD, 2 * ROW_SPREAD / (count - 1))
    return [(k - (count - 1) / 2) * step for k in range(count)]


def draw_series(target, s: PlotSeries, colour: str, table: Optional[ClassTable], legend=None,
                offset: float = 0.0, markers_into=None) -> list:
    """Draw ``s`` into ``target`` (the PlotItem, which lists named curves in its legend itself, or the right-hand
    ViewBox, whose curves are added to ``legend``); class codes ``offset`` from the middle of their rows; its event
    markers into ``markers_into`` (the PlotItem; default ``target``). Returns the markers drawn."""
    def add(item, name=None):
        target.addItem(item)
        if legend is not None and name:
            legend.addItem(item, name)

    if table is None:
        add(pg.PlotDataItem(*_points(s), name=s.name, connect="finite", **_look(s, colour)), s.name)
    else:
        positions = class_positions(s.y, table) + offset
        add(pg.PlotDataItem(s.x, positions, pen=pg.mkPen(colour, width=1), name=s.name, connect="finite"), s.name)
        # each day a short bar on its class's row, in the class colour (one curve of disjoint segments per
        # class: much faster to draw than per-point symbols on a 6,570-day series); unknown codes in black
        half = 0.4 * (float(np.median(np.diff(s.x))) if len(s.x) > 1 else 1.0)
        for code in list(table) + [None]:
            on = positions == (-1 if code is None else table.values.index(code.value)) + offset
            if on.any():
                xs = np.repeat(s.x[on], 2) + np.tile([-half, half], int(on.sum()))
                colour_of_class = "#000000" if code is None else code.hex_color
                add(pg.PlotCurveItem(xs, np.repeat(positions[on], 2), connect="pairs",
                                     pen=pg.mkPen(colour_of_class, width=4)))
    lines = []
    for marker in s.markers:  # their labels are placed by :func:`place_marker_labels`
        line = pg.InfiniteLine(pos=marker.x, angle=90, movable=False,
                               pen=pg.mkPen(colour, style=Qt.PenStyle.DotLine), label=marker.text,
                               labelOpts={"position": 1.0, "color": colour, "fill": pg.mkBrush(255, 255, 255, 200)})
        (markers_into or target).addItem(line, ignoreBounds=True)
        lines.append(line)
    return lines


def place_marker_labels(lines: Sequence, view, avoid=None) -> None:
    """Lay the labels of event markers ``lines`` out in rows from the top of ``view`` (a ViewBox), left to right:
    each label beside its line (to its right; across or to its left near the right edge), in the first row where
    it overlaps no other label nor ``avoid`` (a QRectF in the view's pixels: the legend); so the labels of close
    events (freeze-up start and end a week apart) neither overlap nor run out of the plot. Pixels: call again
    when the view is zoomed or resized."""
    width, height = view.width(), view.height()
    (x0, x1), _ = view.viewRange()
    if width <= 0 or height <= 0 or x1 <= x0:
        return
    rows: List[List[Tuple[float, float]]] = []
    for line in sorted(lines, key=lambda item: item.value()):
        label = line.label
        box = label.boundingRect()
        px = (line.value() - x0) / (x1 - x0) * width
        # the share of the label left of its line: none when it fits on the right, else as little as needed
        share = max(0.0, min((px + box.width() - width) / box.width(), px / box.width(), 1.0))
        extent = (px - share * box.width(), px + (1 - share) * box.width())
        row = 0
        while True:
            if row == len(rows):
                top = LABEL_GAP + row * (box.height() + LABEL_GAP)
                rows.append([(avoid.left(), avoid.right())] if avoid is not None and top < avoid.bottom()
                            and top + box.height() > avoid.top() else [])
            if all(extent[1] < a or extent[0] > b for a, b in rows[row]):
                break
            row += 1
        rows[row].append(extent)
        label.anchors = [(share, 0.0), (share, 0.0)]
        label.setPosition(max(0.0, 1.0 - (LABEL_GAP + row * (box.height() + LABEL_GAP)) / height))


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

    def show(self, title: str, table: Optional[ClassTable] = None) -> None:
        """Shown, titled ``title``: the class names of ``table`` on its rows, else values."""
        self.item.showAxis("right")
        self.item.setLabel("right", title)
        axis = self.item.getAxis("right")
        if table is not None:
            axis.setTicks([class_ticks(table)])
            self.view.setYRange(-0.5, len(table.codes) - 0.5, padding=0.02)
        else:
            axis.setTicks(None)
            self.view.enableAutoRange(axis=pg.ViewBox.YAxis)
        self._follow()
        self.shown = True

    def hide(self) -> None:
        self.item.hideAxis("right")
        self.shown = False

    def update(self, series: Sequence[PlotSeries], right_series: Sequence[PlotSeries], title: str,
               table: Optional[ClassTable] = None) -> None:
        """Shown, titled ``title`` (class names of ``table``), when some series are on it, with the x range
        spanning every series (its x follows the left ViewBox's, which would span only its own); else hidden, the
        x range automatic again."""
        if right_series:
            self.show(title, table)
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
