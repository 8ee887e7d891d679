"""Export of the dock's plot to PNG, SVG or PDF, with a title, the axis titles and the legend.

The plot is laid out again at the size asked (in CSS pixels of 1/96 inch, so that the fonts keep their size in
print: a 160 mm PDF lays the plot out 605 px wide) and its scene is painted with QPainter onto a QImage (PNG, the
DPI asked recorded once painted), a QSvgGenerator (SVG: lines and text stay vector) or a QPdfWriter (PDF, one page
of the size asked); then the on-screen plot gets its size back. Every device paints at 96 DPI: pyqtgraph's axes
are QPictures, which Qt rescales when played on a device of another resolution (the axes would come apart from
their plot), and its 1-pixel cosmetic pens would be hairlines on a 1200 DPI page. The file is written under a
temporary name and put in place only when complete (:func:`~..core.io.outputs.atomic_path`).
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from typing import Sequence

from qgis.PyQt.QtCore import QMarginsF, QRect, QRectF, QSize, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from qgis.PyQt.QtSvg import QSvgGenerator

from ..core.io.outputs import atomic_path

FORMATS = ("png", "svg", "pdf")
CSS_DPI = 96.0  # the layout unit: a pixel of 1/96 inch, as on a screen at 100 %
MM_PER_INCH = 25.4
TITLE_COLOUR = "#202020"
NAME_SEPARATORS = " _-:,;(/"


@dataclass
class ExportOptions:
    """What to write: ``fmt`` one of :data:`FORMATS`; ``width`` x ``height`` in pixels (PNG, SVG) or mm (PDF);
    ``dpi`` of a PNG (recorded in the file, and the scale of its text: 192 DPI draws text twice as many pixels
    high as 96 DPI); ``title`` above the plot ("" for none)."""

    fmt: str = "png"
    width: float = 1600.0
    height: float = 1000.0
    dpi: float = 150.0
    title: str = ""


def common_title(names: Sequence[str]) -> str:
    """The part the series names share, as a default title: the name of a single series; the common beginning of
    several, cut at the last whole word ("codes 53.2° N (col 5, row 4)" and "codes 51.1° N (col 16, row 8)" ->
    "codes"); "" when they share nothing."""
    names = [name.strip() for name in names if name.strip()]
    if len(names) <= 1:
        return names[0] if names else ""
    prefix = os.path.commonprefix(names)
    if not all(len(name) == len(prefix) or name[len(prefix)] in NAME_SEPARATORS for name in names):
        prefix = re.sub(r"[^{}]*$".format(re.escape(NAME_SEPARATORS)), "", prefix)  # a word cut: drop its part
    prefix = re.sub(r"\s*\([^)]*$", "", prefix)  # an unclosed bracket: "codes (col 5" and "codes (col 16"
    return prefix.rstrip(NAME_SEPARATORS + ".")


def layout_size(options: ExportOptions) -> QSizeF:
    """The size the plot is laid out at, in CSS pixels."""
    if options.fmt == "pdf":
        factor = CSS_DPI / MM_PER_INCH
    elif options.fmt == "png":
        factor = CSS_DPI / options.dpi
    else:
        factor = 1.0
    return QSizeF(options.width * factor, options.height * factor)


def export_plot(plot_widget, path: str, options: ExportOptions, hide: Sequence = ()) -> None:
    """Write the pyqtgraph ``plot_widget``'s plot to ``path`` as ``options`` say, without the items of ``hide``
    (the crosshair); raises OSError when the file cannot be written, ValueError for an unknown format or a size
    of nothing."""
    if options.fmt not in FORMATS:
        raise ValueError("unknown format {!r}".format(options.fmt))
    if options.width <= 0 or options.height <= 0 or options.dpi <= 0:
        raise ValueError("the width, height and DPI must be positive")
    with atomic_path(path) as tmp:
        if options.fmt == "png":
            image = QImage(int(round(options.width)), int(round(options.height)), QImage.Format.Format_ARGB32)
            _paint(plot_widget, image, QRectF(0, 0, image.width(), image.height()), options, hide)
            dots_per_metre = int(round(options.dpi / MM_PER_INCH * 1000))
            image.setDotsPerMeterX(dots_per_metre)
            image.setDotsPerMeterY(dots_per_metre)
            if not image.save(tmp, "PNG"):
                raise OSError("Could not write {}".format(path))
        elif options.fmt == "svg":
            generator = QSvgGenerator()
            generator.setFileName(tmp)
            size = QSize(int(round(options.width)), int(round(options.height)))
            generator.setSize(size)
            generator.setViewBox(QRect(0, 0, size.width(), size.height()))
            generator.setResolution(int(CSS_DPI))
            # Qt 5 writes the <title> element unescaped: without & < > (the title drawn in the plot keeps them)
            generator.setTitle(" ".join(re.sub(r"[&<>]", " ", options.title).split()))
            _paint(plot_widget, generator, QRectF(0, 0, size.width(), size.height()), options, hide)
        else:
            writer = QPdfWriter(tmp)
            writer.setResolution(int(CSS_DPI))
            page = QPageSize(QSizeF(options.width, options.height), QPageSize.Unit.Millimeter, "",
                             QPageSize.SizeMatchPolicy.ExactMatch)
            writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            writer.setTitle(options.title)
            writer.setCreator("Cryosphere Toolkit for QGIS")
            _paint(plot_widget, writer, QRectF(0, 0, writer.width(), writer.height()), options, hide)
        if not os.path.isfile(tmp) or os.path.getsize(tmp) == 0:
            raise OSError("Could not write {}".format(path))


def _paint(plot_widget, device, target: QRectF, options: ExportOptions, hide: Sequence) -> None:
    """Lay the plot out at :func:`layout_size`, with the title, paint it over ``target`` of ``device`` on white,
    and give the plot back its title and size."""
    item = plot_widget.getPlotItem()
    title_shown = item.titleLabel.isVisible()
    title_text = item.titleLabel.text
    geometry = item.geometry()
    hidden = [i for i in hide if i.isVisible()]
    size = layout_size(options)
    painter = QPainter()
    try:
        for line in hidden:
            line.hide()
        if options.title:
            item.setTitle(html.escape(options.title), color=TITLE_COLOUR, size="12pt")
        else:
            item.setTitle(None)
        item.setGeometry(QRectF(0, 0, size.width(), size.height()))
        item.layout.activate()
        source = QRectF(item.mapRectToScene(item.boundingRect()))
        _measure(plot_widget, source)
        if not painter.begin(device):
            raise OSError("Could not start painting the plot")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(target, QColor(Qt.GlobalColor.white))
        plot_widget.scene().render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        if painter.isActive():
            painter.end()
        if title_shown:
            item.setTitle(title_text)
        else:
            item.setTitle(None)
        item.setGeometry(geometry)
        item.layout.activate()
        for line in hidden:
            line.show()


def _measure(plot_widget, source: QRectF) -> None:
    """Paint the plot (``source``: its rectangle in the scene) once into a throwaway image of its size: its axes
    measure their tick labels as they paint and widen to fit them (an axis never drawn at this size would drop
    the labels that do not fit yet)."""
    scratch = QImage(max(1, int(source.width())), max(1, int(source.height())), QImage.Format.Format_ARGB32)
    painter = QPainter(scratch)
    try:
        plot_widget.scene().render(painter, QRectF(0, 0, scratch.width(), scratch.height()), source)
    finally:
        painter.end()
    plot_widget.getPlotItem().layout.activate()
