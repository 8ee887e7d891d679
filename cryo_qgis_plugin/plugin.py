"""QGIS plugin object: registers the ``cryo`` Processing provider (desktop and ``qgis_process``) and, on the
desktop, the "Cryosphere" toolbar and menu: the time-series dock with its map tool, the freeze/thaw import
dialog and "Style as…" for the plugin's class tables."""
from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsApplication, QgsPointXY, QgsRasterLayer
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton

from .core.codes import TABLES
from .core.io.pixel_series import close_all
from .processing.base import ICON_PATH
from .processing.provider import CryoProvider
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
        dock = self.ensure_dock()
        dock.setVisible(show)
        self.set_pick_tool(show)
        if show:
            layer = self.iface.activeLayer()
            if isinstance(layer, QgsRasterLayer) and not dock.checked_layer_ids():
                dock.set_checked_layers([layer])

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
        from .gui.styling import style_as

        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsRasterLayer):
            self.iface.messageBar().pushWarning(tr(MENU), tr("Select a raster layer to style with a class table."))
            return
        style_as(layer, table)
        self.iface.layerTreeView().refreshLayerSymbology(layer.id())

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
        if self.import_dialog is not None:
            self.import_dialog.close()
            self.import_dialog = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()


def table_title(name: str) -> str:
    """Menu text of a class table (its name, readable)."""
    titles = {"freeze_thaw": tr("Freeze/thaw codes"), "permafrost_classes": tr("Permafrost classes (TTOP)"),
              "permafrost_zones": tr("Permafrost zones (probability)")}
    return titles.get(name, name.replace("_", " "))
