"""The dock's plot at any width (issue #16 C): readable date ticks (at least three, not overlapping, the year
shown; none on an empty plot), the zoom reset on new series unless kept, two class series side by side within
their rows, event labels that neither overlap each other nor leave the plot."""
import datetime as dt

import numpy as np
import pytest

from cryo_qgis_plugin.core.codes import FREEZE_THAW

MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}


def seconds(day):
    return (day - dt.date(1970, 1, 1)).days * 86400.0


def daily(first, count, values=None, **kwargs):
    from cryo_qgis_plugin.gui.series import PlotSeries

    x = np.array([seconds(first + dt.timedelta(days=i)) for i in range(count)])
    y = np.sin(np.arange(count) / 58.0) if values is None else np.asarray(values, float)
    return PlotSeries(kwargs.pop("name", "s"), x, y, True, **kwargs)


@pytest.fixture()
def panel(qgis_app):
    from cryo_qgis_plugin.gui.plot_panel import PlotPanel

    made = []

    def make(width=300, height=300):
        p = PlotPanel()
        p.resize(width, height)
        p.show()
        made.append(p)
        return p

    yield make
    for p in made:
        p.hide()
        p.deleteLater()


def settle():
    from qgis.PyQt.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def drawn_date_labels(p):
    """The tick labels the bottom axis draws (pyqtgraph's own draw specs), with their rectangles."""
    from qgis.PyQt.QtGui import QImage, QPainter

    axis = p.plot.getPlotItem().getAxis("bottom")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _, text in texts]


@pytest.mark.parametrize("width", [300, 450])
def test_one_year_shows_months_without_overlap(panel, width):
    """300 px: too narrow for "Apr 2011" between its neighbours (the read-out gives full dates); 450 px: the year
    too."""
    p = panel(width, 300)
    p.redraw([daily(dt.date(2011, 1, 1), 365)])
    settle()
    labels = drawn_date_labels(p)
    texts = [text for _, text in labels]
    assert len(labels) >= 3, texts
    assert sum(text.split()[0] in MONTHS for text in texts) >= 2, texts
    assert width < 400 or any("2011" in text for text in texts), texts
    rects = sorted((rect for rect, _ in labels), key=lambda r: r.left())
    assert all(a.right() <= b.left() for a, b in zip(rects, rects[1:])), texts  # side by side, not overlapping


@pytest.mark.parametrize("days, width", [(40, 250), (18 * 365, 300), (3, 400), (365, 900)])
def test_every_span_and_width_has_three_readable_ticks(panel, days, width):
    p = panel(width, 300)
    p.redraw([daily(dt.date(2003, 1, 1), days)])
    settle()
    labels = drawn_date_labels(p)
    assert len(labels) >= 3, [text for _, text in labels]
    assert not any("00." in text or text.startswith("1970") for _, text in labels)


def test_empty_plot_shows_no_dates(panel):
    p = panel(300, 300)
    p.redraw([])
    settle()
    assert drawn_date_labels(p) == []


def test_a_new_pick_zooms_out_unless_the_zoom_is_kept(panel):
    p = panel(600, 300)
    vb = p.plot.getPlotItem().vb
    p.redraw([daily(dt.date(2011, 1, 1), 100)])
    vb.setXRange(seconds(dt.date(2011, 2, 1)), seconds(dt.date(2011, 2, 10)), padding=0)  # the user zooms in
    p.redraw([daily(dt.date(2011, 1, 1), 100), daily(dt.date(2012, 6, 1), 50, name="later")])
    settle()
    (x0, x1), (y0, y1) = vb.viewRange()
    assert x0 <= seconds(dt.date(2011, 1, 1)) and x1 >= seconds(dt.date(2012, 7, 20))
    assert y0 <= 0.0 and y1 >= 0.99
    p.keep_zoom.setChecked(True)
    vb.setXRange(seconds(dt.date(2011, 2, 1)), seconds(dt.date(2011, 2, 10)), padding=0)
    before = vb.viewRange()
    p.redraw([daily(dt.date(2013, 1, 1), 30, name="other")])
    settle()
    np.testing.assert_allclose(vb.viewRange(), before)


def test_two_class_series_are_drawn_side_by_side_within_the_rows(panel):
    p = panel(600, 300)
    codes_a = np.array([1, 1, 2, 2, 3, 15, 0, 1], float)
    codes_b = np.array([1, 2, 2, 1, 1, 2, 2, 2], float)
    p.redraw([daily(dt.date(2011, 1, 1), 8, codes_a, class_table=FREEZE_THAW, name="a"),
              daily(dt.date(2011, 1, 1), 8, codes_b, class_table=FREEZE_THAW, name="b")])
    rows = {0: 0, 1: 1, 2: 2, 3: 3, 15: 4}  # the order of the table
    bars = [item for item in p.plot.getPlotItem().items if item.__class__.__name__ == "PlotCurveItem"]
    heights = sorted({round(float(y), 6) for bar in bars for y in bar.getData()[1]})
    expected = sorted({round(rows[c] - 0.15, 6) for c in codes_a} | {round(rows[c] + 0.15, 6) for c in codes_b})
    assert heights == expected
    # one series alone sits in the middle of its rows
    p.redraw([daily(dt.date(2011, 1, 1), 8, codes_a, class_table=FREEZE_THAW, name="a")])
    bars = [item for item in p.plot.getPlotItem().items if item.__class__.__name__ == "PlotCurveItem"]
    assert sorted({float(y) for bar in bars for y in bar.getData()[1]}) == sorted({float(rows[c]) for c in codes_a})


def test_event_labels_neither_overlap_nor_leave_the_plot(panel):
    from cryo_qgis_plugin.gui.series import Marker

    p = panel(420, 300)
    s = daily(dt.date(2011, 1, 1), 365, name="ice: North")
    s.markers = [Marker(seconds(dt.date(2011, 4, d)), "break-up {} 2011-04-{:02d}".format(k, d))
                 for k, d in (("start", 20), ("end", 27))] + [
        Marker(seconds(dt.date(2011, 12, 28)), "freeze-up start 2011-12-28")]
    p.redraw([s])
    settle()
    assert len(p.markers) == 3
    vb = p.plot.getPlotItem().vb
    plot_area = vb.sceneBoundingRect()
    boxes = [m.label.mapRectToScene(m.label.boundingRect()) for m in p.markers]
    legend = p.legend.mapRectToScene(p.legend.boundingRect())
    for i, box in enumerate(boxes):
        assert plot_area.adjusted(-1, -1, 1, 1).contains(box), (box, plot_area)
        assert not box.intersects(legend)
        assert not any(box.intersects(other) for other in boxes[i + 1:])
