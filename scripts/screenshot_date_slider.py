#!/usr/bin/env python3
"""Regenerate ``docs/screenshots/dock_date_slider.png``: the real QGIS window with a decoded freeze/thaw stack shown
at a chosen date, the time-series dock's date slider and the plot's date cursor at that date, and QGIS's Temporal
Controller panel following.

The sample freeze/thaw folder (``samples/sampledata.py``, 2005-10-01 .. 2005-12-31) is decoded with the core of
``cryo:decodefreezethaw``; the plugin is deployed into a temporary plugin folder and QGIS started under Xvfb in a
fresh profile (as ``tests/test_desktop.py`` does), with this file as its ``--code``: it loads the stack, opens the
dock, plots a pixel, sets the date with the slider and grabs the window.

Usage: ``/usr/bin/python3 scripts/screenshot_date_slider.py [out.png] [YYYY-MM-DD]`` (needs xvfb-run and qgis).
"""
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile

# ``qgis --code`` runs this file without ``__file__`` (the session needs no ROOT)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(globals().get("__file__", "scripts/x.py"))))
SCREENSHOT = os.path.join(ROOT, "docs", "screenshots", "dock_date_slider.png")
SESSION = "CRYO_DATE_SLIDER_SESSION"
FIRST, LAST, CHOSEN = dt.date(2005, 10, 1), dt.date(2005, 12, 31), dt.date(2005, 11, 24)


def session() -> None:
    """Inside QGIS (``qgis --code``): drive the window, write the answer, leave."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRasterLayer, QgsRectangle
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication, QDockWidget
    from qgis.utils import iface, plugins

    with open(os.environ[SESSION]) as fh:
        config = json.load(fh)
    answer = {}

    def wait(condition, seconds=30.0):
        for _ in range(int(seconds / 0.05)):
            if condition():
                return True
            QApplication.processEvents()
            QTest.qWait(50)
        return condition()

    def drive():
        from cryo_qgis_plugin.qgis_io.temporal_stack import NATIVE_PER_BAND, day_range, renderer_band

        plugin = plugins["cryo_qgis_plugin"]
        window = iface.mainWindow()
        window.resize(1500, 950)
        canvas = iface.mapCanvas()
        layer = QgsRasterLayer(config["stack"], "freeze_thaw_decoded")
        QgsProject.instance().addMapLayer(layer)
        answer["temporal"] = layer.temporalProperties().isActive()
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        [a for a in plugin.actions if a.text() == "Time series"][0].trigger()
        dock = plugin.dock
        controller_docks = [d for d in window.findChildren(QDockWidget) if "Temporal" in d.windowTitle()]
        answer["docks"] = [d.windowTitle() for d in window.findChildren(QDockWidget) if d.isVisible()]
        for controller_dock in controller_docks[:1]:  # QGIS's Temporal Controller panel, above the map
            window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, controller_dock)
            controller_dock.show()
        QTest.qWait(300)
        window.resizeDocks([dock] + controller_docks[:1], [330, 90], Qt.Orientation.Vertical)
        QTest.qWait(600)
        canvas.setExtent(QgsRectangle(*config["view"]))
        plotted = []
        dock.series_plotted.connect(lambda: plotted.append(True))
        dock.pick(QgsPointXY(*config["point"]), QgsCoordinateReferenceSystem("EPSG:4326"))
        wait(lambda: bool(plotted))
        day = dock.date_slider.set_date(dt.date.fromisoformat(config["date"]))
        canvas.setExtent(QgsRectangle(*config["view"]))  # the view, in the map's final size
        canvas.refresh()
        QTest.qWait(300)
        wait(lambda: not canvas.isDrawing())
        QTest.qWait(500)
        answer.update(date=day.isoformat(), label=dock.date_slider.label.text(),
                      cursor=dock.panel.vline.value(), frame=canvas.temporalController().currentFrameNumber(),
                      band=layer.temporalProperties().bandForTemporalRange(layer, day_range(day))
                      if NATIVE_PER_BAND else renderer_band(layer))
        window.grab().save(config["out"])

    def run():
        try:
            drive()
        except Exception as exc:  # noqa: BLE001 (reported to the launcher)
            import traceback

            answer["error"] = "{}\n{}".format(exc, traceback.format_exc())
        with open(config["answer"], "w") as fh:
            json.dump(answer, fh)
        QgsProject.instance().setDirty(False)
        os._exit(0)

    QTimer.singleShot(1500, run)


def freezing_cell(codes):
    """A cell (row, column) thawed on the first day and frozen on the last, in the middle of such cells."""
    import numpy as np

    candidates = np.argwhere((codes[0] == 2) & (codes[-1] == 1))
    return tuple(int(v) for v in candidates[len(candidates) // 2])


def main(argv) -> None:
    sys.path.insert(0, ROOT)
    from osgeo import gdal

    from cryo_qgis_plugin.core import freezethaw
    from cryo_qgis_plugin.core.io.stack import open_stack
    from samples import sampledata

    out = os.path.abspath(next((a for a in argv if a.endswith(".png")), SCREENSHOT))
    chosen = next((a for a in argv if not a.endswith(".png")), CHOSEN.isoformat())
    with tempfile.TemporaryDirectory(prefix="cryo_slider_") as tmp:
        folder, stack = os.path.join(tmp, "daily"), os.path.join(tmp, "freeze_thaw_decoded.tif")
        sampledata.write_freeze_thaw_folder(folder, FIRST, LAST)
        with open_stack(folder) as source:
            freezethaw.decode(source, stack, None)
        ds = gdal.Open(stack)
        codes = ds.ReadAsArray()
        x0, dx, _, y0, _, dy = ds.GetGeoTransform()
        ds = None
        row, col = freezing_cell(codes)
        plugins, profiles = os.path.join(tmp, "plugins"), os.path.join(tmp, "profiles")
        subprocess.run(["make", "-s", "-C", ROOT, "deploy", "QGIS_PLUGINPATH=" + plugins], check=True,
                       stdout=subprocess.DEVNULL)
        settings = os.path.join(profiles, "profiles", "default", "QGIS")
        os.makedirs(settings)
        with open(os.path.join(settings, "QGIS3.ini"), "w") as fh:
            fh.write("[PythonPlugins]\ncryo_qgis_plugin=true\n[qgis]\ncheckVersion=false\nshowTips322=false\n")
        lon, lat = x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy
        config = {"stack": stack, "out": out, "answer": os.path.join(tmp, "answer.json"), "date": chosen,
                  "point": [lon, lat], "view": [lon - 40, lat - 14, lon + 40, lat + 14]}
        with open(os.path.join(tmp, "config.json"), "w") as fh:
            json.dump(config, fh)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        env = dict(os.environ, QGIS_PLUGINPATH=plugins, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8",
                   **{SESSION: os.path.join(tmp, "config.json")})
        code = os.path.join(ROOT, "scripts", "screenshot_date_slider.py")
        qgis = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path",
                                 profiles, "--nologo", "--noversioncheck", "--code", code], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            qgis.wait(timeout=180)
        except subprocess.TimeoutExpired:  # e.g. an error dialog: stop this QGIS and its Xvfb
            os.killpg(qgis.pid, signal.SIGTERM)
            raise SystemExit("QGIS did not finish in 180 s")
        with open(config["answer"]) as fh:
            answer = json.load(fh)
        if "error" in answer:
            raise SystemExit(answer["error"])
        print(answer, "cell", row, col, "codes", codes[:, row, col].tolist())
    print("wrote", out)


if os.environ.get(SESSION):
    session()
elif __name__ == "__main__":
    main(sys.argv[1:])
