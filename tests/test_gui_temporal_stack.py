"""Dated stacks in time (issue 16 A): a stack of 10 daily bands, each a distinct constant, styled with classes
(paletted) or a grey ramp (pseudocolour), shows on the map the band of the map's date, whether the date comes from
the canvas's temporal range (the Temporal Controller), the dock's date slider or its keys, or a click on the plot;
the plot cursor sits on the date; "Frames…" writes one PNG per date; dated stacks added to the project become
temporal, a DEM does not. Expected bands and colours are computed here from the values written."""
import datetime as dt

import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.codes import ClassCode, ClassTable
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.style import paletted_qml, pseudocolor_qml

DAYS = [dt.date(2020, 1, 27) + dt.timedelta(days=i) for i in range(10)]  # over a month's end
CLASS_VALUES = [10 + k for k in range(10)]  # band k + 1 holds CLASS_VALUES[k] everywhere
CLASS_COLOURS = [(25 * k, 240 - 20 * k, (97 * k) % 256) for k in range(10)]
TEMPERATURES = [10.0 * k for k in range(10)]  # drawn on a black (0) to white (90) ramp
EPOCH = dt.date(1970, 1, 1)


def write_stack(path, values, dtype, qml):
    grid = Grid.from_extent(10.0, 50.0, 12.0, 52.0, 4, 4, "EPSG:4326")
    iso = [d.isoformat() for d in DAYS]
    with GeoTiffWriter(path, grid, iso, dtype, nodata=255 if dtype == np.uint8 else -9999, band_dates=iso,
                       style_qml=qml) as out:
        out.write(0, np.array(values, dtype)[:, None, None] * np.ones((1, 4, 4), dtype))


@pytest.fixture()
def stacks(qgis_app, tmp_path):
    """The class stack and the temperature stack, loaded (with their .qml) and added to the project."""
    from qgis.core import QgsProject, QgsRasterLayer

    table = ClassTable("test_classes", tuple(ClassCode(v, "c{}".format(v), "class {}".format(v), c)
                                             for v, c in zip(CLASS_VALUES, CLASS_COLOURS)))
    write_stack(str(tmp_path / "classes.tif"), CLASS_VALUES, np.uint8, paletted_qml(table))
    write_stack(str(tmp_path / "temps.tif"), TEMPERATURES, np.float32,
                pseudocolor_qml([(0.0, "#000000", "0"), (90.0, "#ffffff", "90")]))
    layers = [QgsRasterLayer(str(tmp_path / name), name[:-4]) for name in ("classes.tif", "temps.tif")]
    assert all(layer.isValid() for layer in layers)
    assert [layer.renderer().type() for layer in layers] == ["paletted", "singlebandpseudocolor"]
    QgsProject.instance().addMapLayers(layers)
    yield layers
    QgsProject.instance().removeAllMapLayers()


def expected_band(day):
    """The band of ``day``: its day's band; before the first date band 1, after the last band 10."""
    return min(max((day - DAYS[0]).days + 1, 1), len(DAYS))


def expected_colours(band):
    """(class colour, grey of the ramp) of a band, from the values written and the styles' definitions."""
    grey = round(255 * TEMPERATURES[band - 1] / 90.0)
    return CLASS_COLOURS[band - 1], (grey, grey, grey)


def rendered_colour(layer, day):
    """The colour of the map's middle pixel for ``layer`` at ``day`` (a map of 8 x 8 pixels)."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    from cryo_qgis_plugin.qgis_io.temporal_stack import day_range

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(8, 8))
    settings.setIsTemporal(True)
    settings.setTemporalRange(day_range(day))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    colour = job.renderedImage().pixelColor(4, 4)
    return colour.red(), colour.green(), colour.blue()


def assert_colour(got, wanted, tolerance=2):
    assert max(abs(a - b) for a, b in zip(got, wanted)) <= tolerance, (got, wanted)


def shown_band(layer, day):
    """The band QGIS draws at ``day``: the layer's own choice for the day's range on QGIS >= 3.38, the renderer's
    band (switched by the plugin) before."""
    from cryo_qgis_plugin.qgis_io.temporal_stack import NATIVE_PER_BAND, day_range, renderer_band

    if NATIVE_PER_BAND:
        return layer.temporalProperties().bandForTemporalRange(layer, day_range(day))
    return renderer_band(layer)


class Canvas:
    """A map canvas with its own Temporal Controller, as QGIS's main map has."""

    def __init__(self, layers):
        from qgis.core import QgsTemporalNavigationObject
        from qgis.gui import QgsMapCanvas

        self.canvas = QgsMapCanvas()
        self.canvas.resize(60, 40)
        self.controller = QgsTemporalNavigationObject(self.canvas)
        self.canvas.setTemporalController(self.controller)
        self.canvas.setDestinationCrs(layers[0].crs())
        self.canvas.setLayers(layers)
        self.canvas.setExtent(layers[0].extent())


class Iface:
    """The part of QgisInterface the date slider uses."""

    def __init__(self, canvas):
        self.canvas, self.messages = canvas, []

    def mapCanvas(self):  # noqa: N802 (QGIS API)
        return self.canvas

    def messageBar(self):  # noqa: N802 (QGIS API)
        return self

    def pushSuccess(self, title, text):  # noqa: N802 (QGIS API)
        self.messages.append(text)


# -------------------------------------------------------------------------------------------- dates and layers

def test_band_dates_and_the_band_of_a_date(stacks, tmp_path):
    from qgis.core import QgsRasterLayer

    from cryo_qgis_plugin.qgis_io.temporal_stack import band_dates, band_for_date

    assert band_dates(stacks[0]) == DAYS and band_dates(stacks[1]) == DAYS
    for day in [DAYS[0] - dt.timedelta(days=30), DAYS[0], DAYS[3], DAYS[9], DAYS[9] + dt.timedelta(days=400)]:
        assert band_for_date(DAYS, day) == expected_band(day)
    sparse = [DAYS[0], DAYS[4], DAYS[8]]  # between two dates: the earlier one's band
    assert [band_for_date(sparse, d) for d in DAYS] == [1, 1, 1, 1, 2, 2, 2, 2, 3, 3]
    dem, undated = str(tmp_path / "dem.tif"), str(tmp_path / "undated.tif")
    ds = gdal.GetDriverByName("GTiff").Create(dem, 4, 4, 1, gdal.GDT_Float32)
    ds.GetRasterBand(1).SetMetadataItem("DATE", "2020-01-27")  # one dated grid is not a stack
    ds = gdal.GetDriverByName("GTiff").Create(undated, 4, 4, 3, gdal.GDT_Float32)
    ds = None
    assert band_dates(QgsRasterLayer(dem, "dem")) is None and band_dates(QgsRasterLayer(undated, "bands")) is None


def test_the_canvas_date_chooses_the_band_and_the_style_stays(stacks):
    from qgis.gui import QgsMapCanvas

    from cryo_qgis_plugin.qgis_io.temporal_stack import day_range, follow_canvas, make_temporal

    canvas = QgsMapCanvas()
    follow_canvas(canvas)
    classes_before = [(c.value, c.color.name()) for c in stacks[0].renderer().classes()]
    for layer in stacks:
        assert make_temporal(layer) and layer.temporalProperties().isActive()
    for day in [DAYS[4], DAYS[9], DAYS[0] - dt.timedelta(days=3), DAYS[2], DAYS[9] + dt.timedelta(days=5)]:
        canvas.setTemporalRange(day_range(day))
        band = expected_band(day)
        shown = min(max(day, DAYS[0]), DAYS[-1])  # outside the stack the layer is hidden: look at its end date
        for layer, colour in zip(stacks, expected_colours(band)):
            assert shown_band(layer, shown) == band, (layer.name(), day)
            assert_colour(rendered_colour(layer, shown), colour)
    assert [(c.value, c.color.name()) for c in stacks[0].renderer().classes()] == classes_before
    assert stacks[1].renderer().type() == "singlebandpseudocolor"
    ramp = stacks[1].renderer().shader().rasterShaderFunction().colorRampItemList()
    assert [(i.value, i.color.name()) for i in ramp] == [(0.0, "#000000"), (90.0, "#ffffff")]


# ------------------------------------------------------------------------------------------------ the date slider

@pytest.fixture()
def dock(stacks):
    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    dock = TimeSeriesDock()
    dock.resize(900, 420)
    dock.show()
    dock.set_checked_layers(stacks)
    yield dock
    dock.close()
    dock.deleteLater()


def cursor_date(dock):
    return EPOCH + dt.timedelta(seconds=dock.panel.date_line.value())


def test_slider_without_iface_switches_the_bands_and_moves_the_cursor(stacks, dock):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    from cryo_qgis_plugin.qgis_io.temporal_stack import renderer_band

    slider = dock.date_slider
    assert slider.dates == DAYS and slider.slider.maximum() == 9 and slider.label.text() == DAYS[0].isoformat()
    assert slider.set_date(DAYS[6]) == DAYS[6]
    assert [renderer_band(layer) for layer in stacks] == [7, 7]
    assert cursor_date(dock) == DAYS[6] and slider.label.text() == "2020-02-02"
    slider.slider.setValue(2)  # dragging the slider
    assert [renderer_band(layer) for layer in stacks] == [3, 3] and cursor_date(dock) == DAYS[2]
    for key, day in [(Qt.Key.Key_Right, DAYS[3]), (Qt.Key.Key_Left, DAYS[2]), (Qt.Key.Key_PageUp, DAYS[9]),
                     (Qt.Key.Key_PageDown, DAYS[0]), (Qt.Key.Key_End, DAYS[9])]:
        QTest.keyClick(slider.slider, key)
        assert slider.current == day and renderer_band(stacks[0]) == expected_band(day), key
    slider.back.click()
    assert slider.current == DAYS[8] and renderer_band(stacks[1]) == 9
    dock.set_checked_layers([])
    assert slider.dates == [] and not slider.slider.isEnabled()


def test_a_month_step_lands_on_the_same_day_of_the_next_month():
    from cryo_qgis_plugin.gui.date_slider import add_months, step_index

    assert add_months(dt.date(2020, 1, 31), 1) == dt.date(2020, 2, 29)
    assert add_months(dt.date(2019, 12, 15), 1) == dt.date(2020, 1, 15)
    assert add_months(dt.date(2020, 3, 31), -1) == dt.date(2020, 2, 29)
    daily = [dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(120)]
    assert daily[step_index(daily, 10, add_months(daily[10], 1))] == dt.date(2020, 2, 11)
    sparse = [dt.date(2020, 1, 1), dt.date(2020, 1, 13), dt.date(2020, 1, 25)]
    assert step_index(sparse, 0, dt.date(2020, 1, 2)) == 1 and step_index(sparse, 2, dt.date(2020, 1, 24)) == 1


def test_a_click_on_the_plot_chooses_the_date(stacks, dock):
    from qgis.PyQt.QtCore import QPointF, Qt
    from qgis.PyQt.QtWidgets import QApplication

    from cryo_qgis_plugin.gui.series import date_seconds
    from cryo_qgis_plugin.qgis_io.temporal_stack import renderer_band

    item = dock.panel.plot.getPlotItem()
    item.setXRange(date_seconds(DAYS[0]), date_seconds(DAYS[-1]), padding=0)
    QApplication.processEvents()

    class Click:
        def __init__(self, x):
            self.position = item.vb.mapViewToScene(QPointF(x, 0.5))

        def scenePos(self):  # noqa: N802 (pyqtgraph API)
            return self.position

        def button(self):
            return Qt.MouseButton.LeftButton

    dock.panel.plot.scene().sigMouseClicked.emit(Click(date_seconds(DAYS[5]) + 3600 * 5))
    assert dock.date_slider.current == DAYS[5] and renderer_band(stacks[0]) == 6 and cursor_date(dock) == DAYS[5]


def test_slider_and_temporal_controller_follow_each_other(stacks, qgis_app):
    from qgis.core import QgsInterval

    from cryo_qgis_plugin.gui.date_slider import ANIMATED, DAYS as DAY_UNIT
    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock
    from cryo_qgis_plugin.qgis_io.temporal_stack import make_temporal, range_start_date

    for layer in stacks:
        make_temporal(layer)
    map_canvas = Canvas(stacks)
    dock = TimeSeriesDock(Iface(map_canvas.canvas))
    dock.set_checked_layers(stacks)
    slider, controller = dock.date_slider, map_canvas.controller
    try:
        slider.set_date(DAYS[3])
        assert controller.navigationMode() == ANIMATED and controller.currentFrameNumber() == 3
        assert controller.frameDuration() == QgsInterval(1, DAY_UNIT)
        assert range_start_date(map_canvas.canvas.temporalRange()) == DAYS[3]
        assert [shown_band(layer, DAYS[3]) for layer in stacks] == [4, 4]
        assert_colour(rendered_colour(stacks[0], DAYS[3]), CLASS_COLOURS[3])
        controller.setCurrentFrameNumber(8)  # the Temporal Controller's own buttons
        assert slider.current == DAYS[8] and slider.slider.value() == 8 and cursor_date(dock) == DAYS[8]
        assert [shown_band(layer, DAYS[8]) for layer in stacks] == [9, 9]
        controller.next()
        assert slider.label.text() == DAYS[9].isoformat()
    finally:
        dock.deleteLater()


def test_frames_writes_one_png_per_date(stacks, tmp_path):
    from qgis.PyQt.QtGui import QImage

    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock
    from cryo_qgis_plugin.qgis_io.temporal_stack import make_temporal

    make_temporal(stacks[0])
    map_canvas = Canvas(stacks[:1])
    iface = Iface(map_canvas.canvas)
    dock = TimeSeriesDock(iface)
    dock.set_checked_layers(stacks[:1])
    dock.date_slider.set_date(DAYS[4])
    folder = tmp_path / "frames"
    folder.mkdir()
    try:
        paths = dock.date_slider.export_frames(str(folder))
    finally:
        dock.deleteLater()
    names = ["frame_{:04d}_{}.png".format(k + 1, d.isoformat()) for k, d in enumerate(DAYS)]
    assert [p.split("/")[-1] for p in paths] == names and sorted(f.name for f in folder.iterdir()) == names
    for k, path in enumerate(paths):
        image = QImage(path)
        assert not image.isNull() and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
        colour = image.pixelColor(image.width() // 2, image.height() // 2)
        assert_colour((colour.red(), colour.green(), colour.blue()), CLASS_COLOURS[k])
    assert dock.date_slider.current == DAYS[4] and iface.messages == ["10 frames written to {}".format(folder)]


# ------------------------------------------------------------------------------------ stacks added and outputs

def test_dated_stacks_added_to_the_project_become_temporal_a_dem_does_not(qgis_app, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer

    from cryo_qgis_plugin.qgis_io.temporal_stack import TemporalStacks, is_temporal_stack

    write_stack(str(tmp_path / "a.tif"), TEMPERATURES, np.float32, None)
    dem = str(tmp_path / "dem.tif")
    ds = gdal.GetDriverByName("GTiff").Create(dem, 4, 4, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((10, 0.5, 0, 52, 0, -0.5))
    ds = None
    hook = TemporalStacks()
    try:
        stack, plain = QgsRasterLayer(str(tmp_path / "a.tif"), "a"), QgsRasterLayer(dem, "dem")
        QgsProject.instance().addMapLayers([stack, plain])
        assert is_temporal_stack(stack) and stack.temporalProperties().isActive()
        assert not is_temporal_stack(plain) and not plain.temporalProperties().isActive()
    finally:
        hook.unload()
    again = QgsRasterLayer(str(tmp_path / "a.tif"), "again")
    QgsProject.instance().addMapLayer(again)
    assert not again.temporalProperties().isActive()  # unloaded: no longer watching
    QgsProject.instance().removeAllMapLayers()


def test_a_styled_output_stack_is_temporal(stacks):
    """Processing's post-processor styles an output, which resets its time settings: it makes it temporal again."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from cryo_qgis_plugin.processing.base import SidecarStyle

    layer = stacks[0]
    SidecarStyle(layer.source()[:-4] + ".qml").postProcessLayer(layer, QgsProcessingContext(), QgsProcessingFeedback())
    assert layer.renderer().type() == "paletted" and layer.temporalProperties().isActive()
