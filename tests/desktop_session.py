"""Runs inside a real QGIS desktop (``qgis --code tests/desktop_session.py``, started by test_desktop.py under
Xvfb): drives the Cryosphere toolbar like a user and writes what it saw to a JSON answer file.

Configuration comes from the JSON file named by ``CRYO_DESKTOP_CONFIG``: the stack to load, the map coordinate
to click, the sample folder for the import dialog, where to write screenshots and the answer.
"""
import json
import os
import traceback

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRasterLayer, QgsRectangle
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins, unloadPlugin

with open(os.environ["CRYO_DESKTOP_CONFIG"]) as fh:
    CONFIG = json.load(fh)
ANSWER = {"steps": []}


def finish(error=None):
    if error:
        ANSWER["error"] = error
    with open(CONFIG["answer"], "w") as fh:
        json.dump(ANSWER, fh)
    QgsProject.instance().setDirty(False)
    os._exit(0)  # no exit dialogs: the answer is written


def wait_until(condition, seconds=30.0):
    waited = 0.0
    while not condition() and waited < seconds:
        QApplication.processEvents()
        QTest.qWait(50)
        waited += 0.05
    return condition()


def run():
    try:
        drive()
        finish()
    except Exception:  # the test reads the traceback from the answer
        finish(traceback.format_exc())


def drive():
    plugin = plugins["cryo_qgis_plugin"]
    ANSWER["steps"].append("plugin loaded")
    window = iface.mainWindow()
    window.resize(1500, 950)
    canvas = iface.mapCanvas()
    layer = QgsRasterLayer(CONFIG["stack"], "decoded")
    assert layer.isValid(), CONFIG["stack"]
    QgsProject.instance().addMapLayer(layer)
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(*CONFIG["view"]))
    canvas.refresh()
    wait_until(lambda: not canvas.isDrawing(), 20)
    ANSWER["steps"].append("stack loaded")

    action = [a for a in plugin.actions if a.text() == "Time series"][0]
    action.trigger()  # the toolbar button: opens the dock and makes the pick tool current
    dock = plugin.dock
    ANSWER["dock_visible"] = dock.isVisible()
    ANSWER["tool_is_pick"] = canvas.mapTool() is plugin.pick_tool
    ANSWER["checked_layers"] = [QgsProject.instance().mapLayer(i).name() for i in dock.checked_layer_ids()]
    QTest.qWait(500)  # the dock takes room from the canvas: let it resize, then set the view again
    canvas.setExtent(QgsRectangle(*CONFIG["view"]))
    canvas.refresh()
    wait_until(lambda: not canvas.isDrawing(), 20)

    plotted = []
    dock.series_plotted.connect(lambda: plotted.append(True))
    for lon, lat in CONFIG["clicks"]:
        plotted.clear()
        pixel = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
        QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(round(pixel.x()), round(pixel.y())))
        ANSWER["steps"].append("clicked {} {}".format(lon, lat))
        assert wait_until(lambda: bool(plotted)), "no plot after the click at {} {}".format(lon, lat)
        ANSWER.setdefault("picks", []).append([{"name": s.name, "x": s.x.tolist(),
                                                "y": [None if v != v else v for v in s.y.tolist()],
                                                "categorical": s.categorical} for s in dock.current])
        if len(ANSWER["picks"]) == 1:
            dock.pin()
    ANSWER["status"] = dock.status.text()
    plot = dock.plot  # the crosshair read-out: hover the plot's middle
    QTest.mouseMove(plot.viewport(), QPoint(plot.viewport().width() // 2, plot.viewport().height() // 2))
    ANSWER["readout"] = dock.readout.text()
    ANSWER["left_ticks"] = [label for _, label in dock.plot.getPlotItem().getAxis("left")._tickLevels[0]]
    QTest.qWait(300)
    window.grab().save(os.path.join(CONFIG["screenshots"], "qgis_timeseries_dock.png"))
    dock.grab().save(os.path.join(CONFIG["screenshots"], "timeseries_dock.png"))
    ANSWER["steps"].append("dock screenshots")

    plugin.show_import_dialog()
    dialog = plugin.import_dialog
    dialog.set_source(CONFIG["sample_folder"])
    QTest.qWait(500)
    ANSWER["dialog_visible"] = dialog.isVisible()
    ANSWER["dialog_dates"] = dialog.dates_label.text()
    dialog.grab().save(os.path.join(CONFIG["screenshots"], "qgis_import_dialog.png"))
    ANSWER["steps"].append("import dialog screenshot")
    ANSWER["unloaded"] = unloadPlugin("cryo_qgis_plugin")  # removes toolbar, menu, dock and provider cleanly
    ANSWER["provider_after_unload"] = QgsApplication.processingRegistry().providerById("cryo") is not None


QTimer.singleShot(1500, run)
