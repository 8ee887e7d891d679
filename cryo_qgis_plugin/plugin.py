"""QGIS plugin object: registers the ``cryo`` Processing provider (desktop and ``qgis_process``) and, on the
desktop, the "Cryosphere" toolbar and menu: the time-series dock with its map tool, the freeze/thaw import
dialog and "Style as…" for the plugin's class tables. When QGIS's Python lacks a package (:mod:`.dependencies`),
the desktop shows one notice at start-up and the Time series button explains what to install (pyqtgraph)."""
from __future__ import annotations

from typing import List, Optional

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsPointXY, QgsRasterLayer
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QMessageBox, QToolButton

from . import dependencies
from .core import optional
from .core.codes import TABLES
from .core.io.pixel_series import close_all
from .processing.base import ICON_PATH
from .processing.provider import CryoProvider
from .qgis_io.temporal_stack import TemporalStacks
from .qgis_io.translated_legend import TranslatedLegends
from .translation import install_translator, remove_translator

MENU = QT_TRANSLATE_NOOP("@default", "Cryosphere")


def tr(text: str) -> str:
    """Translation of a text of this module (pylupdate5 files module-level ``tr`` calls under "@default")."""
    return QCoreApplication.translate("@default", text)


class CryoPlugin:
    """Plugin entry point; safe with ``iface`` None, as ``qgis_process`` loads it."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.translator = install_translator()
        self.provider: Optional[CryoProvider] = None
        self.actions: List[QAction] = []
        self.toolbar = None
        self.dock = None
        self.pick_tool = None
        self.import_dialog = None
        self.message_box = None
        self.temporal_stacks = None
        self.translated_legends = None
        self.model_actions = None

    def initProcessing(self) -> None:
        self.provider = CryoProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self.initProcessing()
        if self.iface is None:
            return
        self.toolbar = self.iface.addToolBar(tr(MENU))
        self.toolbar.setObjectName("CryoToolbar")
        self.dock_action = self._action(tr("Time series"), self.toggle_dock, ":/images/themes/default/histogram.svg")
        self.dock_action.setCheckable(True)
        self._action(tr("Import freeze/thaw…"), self.show_import_dialog, ICON_PATH)
        self.style_menu = QMenu(tr("Style as…"))
        for name, table in TABLES.items():
            self.style_menu.addAction(table_title(name), lambda checked=False, t=table: self.style_active_layer(t))
        style_action = self._action(tr("Style as…"), None, ":/images/themes/default/propertyicons/symbology.svg")
        style_action.setMenu(self.style_menu)
        button = self.toolbar.widgetForAction(style_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.notify_missing_packages()
        from .gui import model_actions

        self.model_actions = model_actions.register()  # toolbox: "Copy as Model…" on the workflows
        self.temporal_stacks = TemporalStacks(self.iface.mapCanvas())  # dated stacks added become temporal
        self.translated_legends = TranslatedLegends()  # and class legends read in the user's language

    def notify_missing_packages(self) -> None:
        """One message-bar notice when QGIS's Python lacks a package a part of the plugin needs (found without
        importing anything); a missing optional package (openpyxl) only goes to the message log."""
        absent = dependencies.missing_packages()
        if not absent:
            return
        QgsMessageLog.logMessage(dependencies.instruction(absent), tr(MENU), Qgis.MessageLevel.Warning)
        notice, details = dependencies.startup_notice(absent)
        if notice:
            self.iface.messageBar().pushMessage(tr(MENU), notice, details, Qgis.MessageLevel.Warning, 0)

    def _action(self, text: str, slot, icon: str) -> QAction:
        action = QAction(QIcon(icon), text, self.iface.mainWindow())
        if slot is not None:
            action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.iface.addPluginToMenu(tr(MENU), action)
        self.actions.append(action)
        return action

    # -- the time-series dock --------------------------------------------------------------------------------
    def ensure_dock(self):
        """Create the dock (and its map tool) on first use."""
        if self.dock is None:
            from .gui.pick_tool import PixelPickTool
            from .gui.timeseries_dock import TimeSeriesDock

            self.dock = TimeSeriesDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.dock_action.setChecked)
            self.pick_tool = PixelPickTool(self.iface.mapCanvas())
            self.pick_tool.canvasClicked.connect(self.pick)
            self.dock.pick_button.toggled.connect(self.set_pick_tool)
            self.iface.mapCanvas().mapToolSet.connect(
                lambda tool, _old=None: self.dock.pick_button.setChecked(tool is self.pick_tool))
        return self.dock

    def toggle_dock(self, show: bool) -> None:
        if self.dock is None and not self.dock_can_open():
            self.dock_action.setChecked(False)
            return
        dock = self.ensure_dock()
        dock.setVisible(show)
        self.set_pick_tool(show)
        if show:
            layer = self.iface.activeLayer()
            if isinstance(layer, QgsRasterLayer) and not dock.checked_layer_ids():
                dock.set_checked_layers([layer])

    def dock_can_open(self) -> bool:
        """Whether pyqtgraph, which the dock plots with, imports; if not, a message says what to install."""
        if optional.is_available("pyqtgraph"):
            try:
                optional.require("pyqtgraph")
                return True
            except optional.MissingPackage:
                pass
        self.message_box = QMessageBox(QMessageBox.Icon.Warning, tr(MENU), dependencies.dock_message(),
                                       QMessageBox.StandardButton.Ok, self.iface.mainWindow())
        self.message_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_box.open()  # window-modal, does not block: the command can be selected and copied
        return False

    def set_pick_tool(self, active: bool) -> None:
        canvas = self.iface.mapCanvas()
        if active and canvas.mapTool() is not self.pick_tool:
            canvas.setMapTool(self.pick_tool)
        elif not active and canvas.mapTool() is self.pick_tool:
            canvas.unsetMapTool(self.pick_tool)

    def pick(self, point: QgsPointXY, _button=None):
        return self.dock.pick(point, self.iface.mapCanvas().mapSettings().destinationCrs())

    # -- dialogs and styles ----------------------------------------------------------------------------------
    def show_import_dialog(self) -> None:
        from .gui.import_dialog import FreezeThawImportDialog

        if self.import_dialog is None:
            self.import_dialog = FreezeThawImportDialog(self.iface, self.iface.mainWindow())
        self.import_dialog.show()
        self.import_dialog.raise_()

    def style_active_layer(self, table) -> None:
        """Apply ``table`` to the active raster; values of the raster that are not codes of the table are reported
        in the message bar (the style is applied anyway: the user sees the result and can undo it)."""
        from .gui.styling import style_as, unknown_values, unknown_values_message

        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsRasterLayer):
            self.iface.messageBar().pushWarning(tr(MENU), tr("Select a raster layer to style with a class table."))
            return
        unknown = unknown_values(layer, table)
        style_as(layer, table)
        self.iface.layerTreeView().refreshLayerSymbology(layer.id())
        if unknown.cells:
            self.iface.messageBar().pushWarning(tr(MENU), unknown_values_message(layer.name(), unknown))

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(tr(MENU), action)
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.dock is not None:
            close_all()  # the rasters the dock kept open
            self.set_pick_tool(False)
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.message_box is not None:
            self.message_box.close()
            self.message_box = None
        if self.import_dialog is not None:
            self.import_dialog.close()
            self.import_dialog = None
        if self.model_actions is not None:
            from .gui import model_actions

            model_actions.unregister(self.model_actions)
            self.model_actions = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.temporal_stacks is not None:
            self.temporal_stacks.unload()
            self.temporal_stacks = None
        if self.translated_legends is not None:
            self.translated_legends.unload()
            self.translated_legends = None
        remove_translator()


def table_title(name: str) -> str:
    """Menu text of a class table (its name, readable)."""
    titles = {"freeze_thaw": tr("Freeze/thaw codes"), "permafrost_classes": tr("Permafrost classes (TTOP)"),
              "permafrost_zones": tr("Permafrost zones (probability)")}
    return titles.get(name, name.replace("_", " "))
