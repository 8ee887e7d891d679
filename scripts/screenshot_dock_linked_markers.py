#!/usr/bin/env python3
"""Regenerate ``docs/screenshots/dock_linked_markers_region.png``: the real QGIS window with the time-series dock
linked to the map: two pinned pixels of a daily ground-surface temperature stack marked on the map in the colours
of their curves, and the mean of a region drawn on the map (its outline in its curve's colour).

``/usr/bin/python3 scripts/screenshot_dock_linked_markers.py [out.png]`` writes a synthetic GST stack (UTM 33N,
Adventdalen, Svalbard; 500 m cells, one band per day of 2021, nodata holes) and starts QGIS under Xvfb in a fresh
profile with this file as its ``--code``; inside QGIS the plugin is loaded from the checkout, the stack added, and
the clicks on the map and the drawing of the region go through the canvas like a user's.
"""
import datetime as dt
import os
import subprocess
import sys
import tempfile

ROOT = os.environ.get("CRYO_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCREENSHOT = os.path.join(ROOT, "docs", "screenshots", "dock_linked_markers_region.png")
X0, Y0, CELL, WIDTH, HEIGHT = 500000.0, 8695000.0, 500.0, 80, 60  # UTM 33N
CLICKS = [(511250.0, 8683250.0), (528750.0, 8674750.0)]  # two pixels, in the stack's CRS
REGION = [(514000.0, 8690000.0), (533000.0, 8688000.0), (535000.0, 8676000.0), (519000.0, 8679000.0)]


def write_stack(path: str) -> None:
    """365 daily GST grids: an annual wave whose mean and amplitude follow a smooth 'elevation', noise, a lake
    that is always nodata and cloud holes on some days."""
    import numpy as np
    from osgeo import gdal, osr

    rng = np.random.default_rng(78)
    rows, cols = np.indices((HEIGHT, WIDTH))
    relief = np.sin(cols / 13.0) * np.cos(rows / 11.0) + 0.02 * (cols - rows)  # valleys < 0 < ridges
    days = np.arange(365)[:, None, None]
    mean, amplitude = -4.5 - 2.0 * relief, 9.0 - 2.5 * relief
    weather = np.convolve(rng.normal(0, 2.5, 365 + 6), np.ones(7) / 7, "valid")[:, None, None]  # the whole area
    gst = (mean - amplitude * np.cos(2 * np.pi * (days - 20) / 365.0) + weather
           + rng.normal(0, 0.6, (365, HEIGHT, WIDTH)))
    gst[:, 38:46, 10:22] = -9999  # a lake
    for day in rng.choice(365, 40, replace=False):  # clouds
        r, c = rng.integers(0, HEIGHT - 20), rng.integers(0, WIDTH - 30)
        gst[day, r:r + 20, c:c + 30] = -9999
    ds = gdal.GetDriverByName("GTiff").Create(path, WIDTH, HEIGHT, 365, gdal.GDT_Float32,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "INTERLEAVE=BAND"])
    ds.SetGeoTransform((X0, CELL, 0.0, Y0, 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    ds.SetProjection(srs.ExportToWkt())
    for i in range(365):
        band = ds.GetRasterBand(i + 1)
        band.SetDescription((dt.date(2021, 1, 1) + dt.timedelta(days=i)).isoformat())
        band.SetNoDataValue(-9999)
        band.WriteArray(gst[i].astype(np.float32))
    ds = None


def launch(out: str) -> None:
    with tempfile.TemporaryDirectory(prefix="cryo_shot_") as tmp:
        stack = os.path.join(tmp, "GST.tif")
        write_stack(stack)
        settings = os.path.join(tmp, "profiles", "profiles", "default", "QGIS")
        os.makedirs(settings)
        with open(os.path.join(settings, "QGIS3.ini"), "w") as fh:
            fh.write("[qgis]\ncheckVersion=false\nshowTips322=false\n")
        env = dict(os.environ, CRYO_ROOT=ROOT, CRYO_STACK=stack, CRYO_OUT=os.path.abspath(out), CRYO_IN_QGIS="1",
                   QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
        done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path",
                               os.path.join(tmp, "profiles"), "--nologo", "--noversioncheck", "--code",
                               os.path.abspath(__file__)], env=env, capture_output=True, text=True, timeout=300)
        if not os.path.exists(os.path.join(tmp, "done")):
            raise SystemExit("QGIS did not finish: " + done.stdout[-2000:] + done.stderr[-2000:])
        with open(os.path.join(tmp, "done")) as fh:
            print(fh.read())


def in_qgis() -> None:
    """Inside the QGIS desktop: load the plugin, the stack, pick twice, draw the region, screenshot."""
    from qgis.core import (QgsContrastEnhancement, QgsCoordinateReferenceSystem, QgsPointXY, QgsProject,
                           QgsRasterLayer, QgsRectangle, QgsSingleBandGrayRenderer)
    from qgis.PyQt.QtCore import QPoint, Qt, QTimer
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.utils import iface

    sys.path.insert(0, ROOT)
    result = os.path.join(os.path.dirname(os.environ["CRYO_STACK"]), "done")

    def wait(condition, seconds=30.0):
        waited = 0.0
        while not condition() and waited < seconds:
            QApplication.processEvents()
            QTest.qWait(50)
            waited += 0.05
        return condition()

    def drive():
        import cryo_qgis_plugin

        plugin = cryo_qgis_plugin.classFactory(iface)
        plugin.initGui()
        window, canvas = iface.mainWindow(), iface.mapCanvas()
        window.resize(1600, 1000)
        layer = QgsRasterLayer(os.environ["CRYO_STACK"], "GST")
        renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), 196)  # mid July
        enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(196))
        enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.ContrastEnhancementAlgorithm
                                                    .StretchToMinimumMaximum)
        enhancement.setMinimumValue(-1.0)
        enhancement.setMaximumValue(10.0)
        renderer.setContrastEnhancement(enhancement)
        layer.setRenderer(renderer)
        QgsProject.instance().addMapLayer(layer)
        QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:32633"))
        action = [a for a in plugin.actions if a.text() == "Time series"][0]
        action.trigger()
        dock = plugin.dock
        QTest.qWait(800)
        extent = QgsRectangle(X0 - 1000, Y0 - HEIGHT * CELL - 1000, X0 + WIDTH * CELL + 1000, Y0 + 1000)
        canvas.setExtent(extent)
        canvas.refresh()
        wait(lambda: not canvas.isDrawing(), 20)
        plotted = []
        dock.series_plotted.connect(lambda: plotted.append(True))

        def click(x, y, button=Qt.MouseButton.LeftButton):
            pixel = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
            QTest.mouseClick(canvas.viewport(), button, Qt.KeyboardModifier.NoModifier,
                             QPoint(round(pixel.x()), round(pixel.y())))

        for x, y in CLICKS:
            plotted.clear()
            click(x, y)
            assert wait(lambda: bool(plotted)), "no plot after a click: " + dock.status.text()
            dock.pin()
        plotted.clear()
        dock.region_button.click()
        for x, y in REGION:
            click(x, y)
            QTest.qWait(100)
        click(*REGION[-1], button=Qt.MouseButton.RightButton)
        assert wait(lambda: bool(plotted)), "no region series: " + dock.status.text()
        QTest.qWait(500)
        plot = dock.plot
        QTest.mouseMove(plot.viewport(), QPoint(int(plot.viewport().width() * 0.55), plot.viewport().height() // 2))
        QTest.qWait(500)
        window.grab().save(os.environ["CRYO_OUT"])
        names = [s.name for s in dock.plotted()]
        markers = [(m.color().name(), m.center().x(), m.center().y()) for m in dock.markers.markers]
        return "series: {}\ncolours: {}\nmarkers: {}\noutlines: {}\nstatus: {}\nreadout: {}".format(
            names, dock.panel.colours, markers, len(dock.markers.outlines), dock.status.text(), dock.readout.text())

    def run():
        try:
            text = drive()
        except Exception:  # the launcher prints the traceback
            import traceback
            text = "error\n" + traceback.format_exc()
        with open(result, "w") as fh:
            fh.write(text)
        QgsProject.instance().setDirty(False)
        os._exit(0)

    QTimer.singleShot(1500, run)


if os.environ.get("CRYO_IN_QGIS"):
    in_qgis()
elif __name__ == "__main__":
    launch(next((a for a in sys.argv[1:] if not a.startswith("--")), SCREENSHOT))
