"""Region series of the time-series dock: which region (the selected polygons of the active layer, else one drawn
on the map with :class:`.region_tool.PolygonMapTool`), and its series of every ticked raster read in a
``QgsTask`` with :func:`~..core.io.zonal_series.zonal_series` (a long stack never blocks the window)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional

from qgis.core import QgsApplication, QgsGeometry, QgsProject, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import Cancelled, CryoInputError
from ..core.io.zonal_series import ZonalSeries, zonal_series
from .pick_markers import POLYGON
from .raster_info import is_mintpy_file
from .region_series import Region, drawn_region, region_messages, selected_region, tr
from .region_tool import PolygonMapTool


@dataclass
class RegionAnswer:
    name: str  # the raster layer's
    region: Region
    zonal: Optional[ZonalSeries]
    problem: str = ""  # why there is no series (the polygon misses the raster, unreadable file)


class RegionTask(QgsTask):
    """Reads the region series of each raster (``(name, path)`` pairs); ``on_done`` gets the answers on the GUI
    thread. A failing raster never stops the others and never raises: its answer says why."""

    def __init__(self, rasters: List[tuple], region: Region, on_done: Callable[[List[RegionAnswer]], None]) -> None:
        super().__init__(QCoreApplication.translate("RegionTask", "Reading region time series"),
                         QgsTask.Flag.CanCancel)
        self.rasters, self.region, self.on_done = rasters, region, on_done
        self.wkb, self.crs_wkt = list(region.wkb), region.crs_wkt  # plain values for the worker thread
        self.answers: List[RegionAnswer] = []

    def run(self) -> bool:
        count = len(self.rasters)
        for i, (name, path) in enumerate(self.rasters):
            try:
                zonal = zonal_series(path, self.wkb, self.crs_wkt, cancelled=self.isCanceled,
                                     progress=lambda done, i=i: self.setProgress(100.0 * (i + done) / count))
            except Cancelled:
                return False
            except (CryoInputError, RuntimeError) as exc:  # RuntimeError: GDAL could not read the file
                self.answers.append(RegionAnswer(name, self.region, None, str(exc)))
            else:
                self.answers.append(RegionAnswer(name, self.region, zonal))
        return True

    def finished(self, result: bool) -> None:
        if result:
            self.on_done(self.answers)


class RegionPicker:
    """The dock's "Region…" button: ``start()`` reads the selected polygons of the active layer, or lets the user
    draw one (then puts the previous map tool back); the series go to ``dock.show_region(series, messages)``."""

    def __init__(self, dock) -> None:
        self.dock = dock
        self.tool: Optional[PolygonMapTool] = None
        self.task: Optional[RegionTask] = None
        self._previous = None

    def start(self, *_) -> Optional[RegionTask]:
        iface = self.dock.iface
        layer = iface.activeLayer() if iface is not None else None
        if isinstance(layer, QgsVectorLayer) and layer.geometryType() == POLYGON and layer.selectedFeatureCount():
            return self.compute(selected_region(layer))
        canvas = iface.mapCanvas() if iface is not None else None
        if canvas is None:
            self.dock.show_region(None, [tr("Select polygons in the active layer to plot their region series.")])
            return None
        if self.tool is None:
            self.tool = PolygonMapTool(canvas)
            self.tool.drawn.connect(self._drawn)
            self.tool.cancelled.connect(self._give_back_map_tool)
        if canvas.mapTool() is not self.tool:
            self._previous = canvas.mapTool()
            canvas.setMapTool(self.tool)
        self.dock.status.setText(tr("Draw the region on the map: click its corners, right-click or double-click to "
                                    "close it, Esc to cancel. Or select polygons in the active layer first."))
        return None

    def _drawn(self, geometry: QgsGeometry) -> None:
        canvas = self.tool.canvas()
        self._give_back_map_tool()
        self.compute(drawn_region(geometry, canvas.mapSettings().destinationCrs()))

    def _give_back_map_tool(self) -> None:
        canvas = self.tool.canvas()
        if self._previous is not None:
            canvas.setMapTool(self._previous)
        else:
            canvas.unsetMapTool(self.tool)
        self._previous = None
        self.dock.status.setText("")

    def compute(self, region: Region) -> Optional[RegionTask]:
        """Read the region series of the ticked rasters in a background task."""
        rasters, problems = [], []
        for layer_id in self.dock.checked_layer_ids():
            layer = QgsProject.instance().mapLayer(layer_id)
            if layer is None:
                continue
            if is_mintpy_file(layer.source()):
                problems.append(tr("{}: a MintPy file has no map position QGIS can read; a region series needs a "
                                   "georeferenced raster").format(layer.name()))
            else:
                rasters.append((layer.name(), layer.source()))
        if not rasters:
            self.dock.show_region(None, problems or [tr("Tick a raster in the list to plot its series.")])
            return None
        if self.task is not None:
            self.task.on_done = lambda answers: None  # a newer region wins
        names = ", ".join(name for name, _ in rasters)
        self.dock.status.setText(tr("Reading the region series of {} ({})…").format(names, region.label))
        self.task = RegionTask(rasters, region, lambda answers: self._done(answers, problems))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _done(self, answers: List[RegionAnswer], problems: List[str]) -> None:
        self.task = None
        series, messages = region_messages(answers)
        self.dock.show_region(series, problems + messages)
