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
    step_in_time(dock, layer, canvas)
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


def step_in_time(dock, layer, canvas):
    """The dock's date slider stepped with its keys (a day at a time, then a month), as a user does: for each
    date, the band the map draws (the renderer's band before QGIS 3.38, the band of the canvas's temporal range
    from 3.38), the canvas's temporal range, the plot's date line and the colour drawn on the map at the first
    click."""
    from qgis.gui import QgsVertexMarker

    from cryo_qgis_plugin.qgis_io.temporal_stack import NATIVE_PER_BAND, range_start_date, renderer_band

    def shown_band():  # QGIS 3.38+ picks the band per temporal range at render time; before, the plugin sets it
        if NATIVE_PER_BAND:
            return layer.temporalProperties().bandForTemporalRange(layer, canvas.temporalRange())
        return renderer_band(layer)

    slider = dock.date_slider
    lon, lat = CONFIG["clicks"][0]
    ANSWER["temporal_enabled"] = layer.temporalProperties().isActive()
    ANSWER["dates"] = [slider.dates[0].isoformat(), slider.dates[-1].isoformat(), len(slider.dates)]
    slider.slider.setFocus()
    ANSWER["time_steps"] = []
    for key in [Qt.Key.Key_Right] * 3 + [Qt.Key.Key_PageUp, Qt.Key.Key_End, Qt.Key.Key_Left]:
        QTest.keyClick(slider.slider, key)
        QTest.qWait(100)
        canvas.refresh()
        wait_until(lambda: not canvas.isDrawing(), 20)
        pixel = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
        markers = [item for item in canvas.scene().items() if isinstance(item, QgsVertexMarker)]
        for marker in markers:  # the pick marker covers the cell's centre: the map's own colour without it
            marker.hide()
        colour = canvas.grab().toImage().pixelColor(round(pixel.x()), round(pixel.y()))
        for marker in markers:
            marker.show()
        ANSWER["time_steps"].append({
            "slider": slider.current.isoformat(), "label": slider.label.text(), "band": shown_band(),
            "canvas_day": str(range_start_date(canvas.temporalRange())),
            "date_line": dock.panel.date_line.value(), "colour": [colour.red(), colour.green(), colour.blue()]})
    window = iface.mainWindow()
    window.grab().save(os.path.join(CONFIG["screenshots"], "qgis_timeseries_in_time.png"))
    ANSWER["steps"].append("stepped in time")


QTimer.singleShot(1500, run)


# ------------------------------------------------------------------ the Processing dialogs (scenario "dialogs")

def drive_dialogs():
    """Map accuracy with a raster only, then a vector reference; Decode with a folder (CONFIG["scenario"] ==
    "dialogs", started by test_desktop.test_desktop_processing_dialogs)."""
    import processing
    from qgis.core import QgsVectorLayer

    window = iface.mainWindow()
    window.resize(1500, 950)
    shots = CONFIG["screenshots"]
    classes = QgsRasterLayer(CONFIG["map"], "classes")
    assert classes.isValid(), CONFIG["map"]
    QgsProject.instance().addMapLayer(classes)  # a raster only: the dialog used to crash QGIS here
    dialog = processing.createAlgorithmDialog("cryo:mapaccuracy")
    dialog.show()
    QTest.qWait(800)
    ANSWER["steps"].append("map accuracy dialog opened with a raster only")
    reference = QgsRasterLayer(CONFIG["reference_raster"], "reference_raster")
    QgsProject.instance().addMapLayer(reference)
    dialog.setParameters({"INPUT": classes, "REFERENCE": reference})
    QTest.qWait(500)
    ANSWER["raster_reference"] = dialog.createProcessingParameters().get("REFERENCE") is not None
    dialog.grab().save(os.path.join(shots, "map_accuracy_raster_reference.png"))
    ANSWER["steps"].append("raster chosen as REFERENCE")
    vector = QgsVectorLayer(CONFIG["reference_vector"], "reference_polygons", "ogr")
    assert vector.isValid(), CONFIG["reference_vector"]
    QgsProject.instance().addMapLayer(vector)
    QTest.qWait(300)
    dialog.setParameters({"REFERENCE": None, "REFERENCE_VECTOR": vector, "FIELD": "pf"})
    QTest.qWait(800)
    chosen = dialog.createProcessingParameters()
    ANSWER["vector_reference"] = [str(chosen.get("REFERENCE_VECTOR")), chosen.get("FIELD"), chosen.get("REFERENCE")]
    ANSWER["field_choices"] = dialog.mainWidget().wrappers["FIELD"].wrappedWidget().fields().names() \
        if hasattr(dialog.mainWidget().wrappers["FIELD"].wrappedWidget(), "fields") else []
    window.grab().save(os.path.join(shots, "qgis_map_accuracy_dialog.png"))
    dialog.grab().save(os.path.join(shots, "map_accuracy_vector_reference.png"))
    ANSWER["steps"].append("vector chosen as REFERENCE_VECTOR")
    modals = QTimer()  # a message box would block the session: note its text and close it
    modals.timeout.connect(_close_modal)
    modals.start(300)
    dialog.setParameters({"OUTPUT_TABLE": CONFIG["table"]})
    QTimer.singleShot(0, dialog.runAlgorithm)
    ANSWER["table_written"] = wait_until(lambda: os.path.exists(CONFIG["table"]), 60)
    QTest.qWait(500)
    dialog.grab().save(os.path.join(shots, "map_accuracy_run.png"))
    dialog.close()

    decode = processing.createAlgorithmDialog("cryo:decodefreezethaw")
    decode.show()
    QTest.qWait(500)
    decode.setParameters({"INPUT_FOLDER": CONFIG["sample_folder"], "OUTPUT": CONFIG["decoded"]})
    QTest.qWait(300)
    folder_widget = decode.mainWidget().wrappers["INPUT_FOLDER"].wrappedWidget()
    ANSWER["folder_shown"] = folder_widget.filePath() if hasattr(folder_widget, "filePath") else ""
    decode.grab().save(os.path.join(shots, "decode_folder_chosen.png"))
    QTimer.singleShot(0, decode.runAlgorithm)
    ANSWER["decoded"] = wait_until(lambda: os.path.exists(CONFIG["decoded"]), 60)
    QTest.qWait(1000)
    decode.grab().save(os.path.join(shots, "decode_folder_run.png"))
    ANSWER["steps"].append("decode run from a folder")
    ANSWER["alive"] = True


def _close_modal():
    modal = QApplication.activeModalWidget()
    if modal is not None:
        ANSWER.setdefault("modals", []).append(getattr(modal, "text", modal.windowTitle)())
        modal.grab().save(os.path.join(CONFIG["screenshots"], "modal.png"))
        modal.close()


if CONFIG.get("scenario") == "dialogs":
    drive = drive_dialogs  # noqa: F811 (run() calls the scenario's driver)


# ------------------------------------------------ a package made unimportable (scenario "dependencies")

def drive_dependencies():
    """QGIS started with CONFIG["blocked"] made unimportable (tests/test_dependencies.py): the notices of the message
    bar, the provider's algorithms, the Time series button, and the import dialog on an HDF5 folder."""
    plugin = plugins["cryo_qgis_plugin"]
    ANSWER["steps"].append("plugin loaded")
    window = iface.mainWindow()
    window.resize(1500, 950)
    QTest.qWait(500)
    ANSWER["notices"] = [{"title": item.title(), "text": item.text()} for item in iface.messageBar().items()]
    provider = QgsApplication.processingRegistry().providerById("cryo")
    ANSWER["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider is not None else []
    shots = CONFIG["screenshots"]
    QApplication.primaryScreen().grabWindow(0).save(os.path.join(shots, "dependencies_notice.png"))
    action = [a for a in plugin.actions if a.text() == "Time series"][0]
    action.trigger()
    QTest.qWait(800)
    ANSWER["dock_visible"] = plugin.dock is not None and plugin.dock.isVisible()
    ANSWER["action_checked"] = action.isChecked()
    box = getattr(plugin, "message_box", None)
    ANSWER["dock_message"] = box.text() if box is not None and box.isVisible() else ""
    QApplication.primaryScreen().grabWindow(0).save(os.path.join(shots, "dependencies_timeseries.png"))
    ANSWER["steps"].append("time series pressed")
    if box is not None:
        box.close()
    plugin.show_import_dialog()
    dialog = plugin.import_dialog
    dialog.set_source(CONFIG["sample_folder"])
    QTest.qWait(500)
    ANSWER["import_dates"] = dialog.dates_label.text()
    dialog.grab().save(os.path.join(shots, "dependencies_import_dialog.png"))
    ANSWER["steps"].append("import dialog")
    ANSWER["unloaded"] = unloadPlugin("cryo_qgis_plugin")


if CONFIG.get("scenario") == "dependencies":
    drive = drive_dependencies  # noqa: F811 (run() calls the scenario's driver)
