#!/usr/bin/env python3
"""Regenerate ``docs/screenshots/dialog_dem_difference_options.png`` (the DEM difference dialog with the void-filling
choices open: readable labels, ids as values) and ``docs/screenshots/dialog_date_calendar.png`` (the lake-ice series
dialog with its lake-id field picker filled from the lake polygons and the calendar of START_DATE open).

The dialogs are opened as QGIS opens them (``processing.gui.AlgorithmDialog``); the drop-down list and the calendar
are windows of their own, so the screen is grabbed: run under Xvfb,
``xvfb-run -a -s "-screen 0 1400x1000x24" /usr/bin/python3 scripts/screenshot_dialogs.py``.
"""
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from qgis.core import QgsApplication, QgsProcessingContext, QgsProject, QgsVectorLayer  # noqa: E402
from qgis.testing import start_app  # noqa: E402

SHOTS = os.path.join(ROOT, "docs", "screenshots")


def settle(app, rounds=20):
    from qgis.PyQt.QtTest import QTest

    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(25)


def grab(app, dialog, popup, name):
    """The screen region holding ``dialog`` and its open ``popup``."""
    settle(app)
    region = dialog.frameGeometry().united(popup.frameGeometry()).adjusted(-4, -4, 4, 4)
    shot = app.primaryScreen().grabWindow(0, region.x(), region.y(), region.width(), region.height())
    shot.save(os.path.join(SHOTS, name))
    print("wrote", os.path.join(SHOTS, name))


def show_widget(dialog, widget, y_margin):
    from qgis.PyQt.QtWidgets import QScrollArea

    for area in dialog.mainWidget().findChildren(QScrollArea):
        if area.isAncestorOf(widget):
            area.ensureWidgetVisible(widget, 50, y_margin)


def dialog_for(algorithm_id, width):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    dialog = AlgorithmDialog(algorithm, False, None)
    dialog.algorithm_kept = algorithm
    dialog.show()
    dialog.resize(width, 760)  # after show: the dialog restores its last geometry when shown
    dialog.move(20, 20)
    return dialog


def main() -> None:
    app = start_app()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from cryo_qgis_plugin.processing.provider import CryoProvider

    provider = CryoProvider()  # kept: the registry does not own the Python object
    QgsApplication.processingRegistry().addProvider(provider)
    os.makedirs(SHOTS, exist_ok=True)

    dem = dialog_for("cryo:demdifference", 1100)
    settle(app)
    wrappers = dem.mainWidget().wrappers
    show_widget(dem, wrappers["FILL_VOIDS"].widget, 200)
    combo = wrappers["FILL_VOIDS"].widget
    wrappers["COREGISTER"].setParameterValue("nuth_kaab", QgsProcessingContext())
    settle(app)
    combo.showPopup()
    grab(app, dem, combo.view().window(), "dialog_dem_difference_options.png")
    combo.hidePopup()
    dem.close()

    with tempfile.TemporaryDirectory(prefix="cryo_") as tmp:
        from test_processing_lakeice import stack_and_lakes

        class Folder:
            def __truediv__(self, name):
                return os.path.join(tmp, name)

        stack, lakes = stack_and_lakes(Folder())
        layer = QgsVectorLayer(lakes, "lakes", "ogr")
        QgsProject.instance().addMapLayer(layer)
        series = dialog_for("cryo:lakeiceseries", 1100)
        series.setParameters({"INPUT": stack, "LAKES": layer})
        settle(app)
        lake_field = series.mainWidget().wrappers["LAKE_FIELD"]
        lake_field.setParameterValue("name", QgsProcessingContext())
        edit = series.mainWidget().wrappers["START_DATE"].widget
        show_widget(series, edit, 10)
        settle(app)
        from qgis.PyQt.QtCore import QDate, QPoint, Qt
        from qgis.PyQt.QtTest import QTest

        edit.setDate(QDate(2005, 8, 1))
        settle(app)
        QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(edit.width() - 8, edit.height() // 2))
        popup = edit.calendarWidget().window()
        settle(app)
        corner = edit.mapToGlobal(QPoint(edit.width() - popup.width(), edit.height()))
        popup.move(corner)  # under the drop-down arrow, leaving the lake field picker below in view
        grab(app, series, popup, "dialog_date_calendar.png")
        series.close()
        QgsProject.instance().removeAllMapLayers()


if __name__ == "__main__":
    main()
