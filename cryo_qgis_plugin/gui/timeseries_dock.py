"""The time-series dock: click the map, see the pixel's series of the chosen rasters (pyqtgraph), compare
pixels by pinning, plot a table's dated values per group with lake-ice phenology markers, export CSV and PNG.

Class-code rasters (freeze/thaw, permafrost classes and zones: the tables of :mod:`..core.codes`, recorded in
the GeoTIFFs the plugin writes) plot as categories, coloured and labelled from the same table as the map
legend. A ticked InSAR model stack of ``cryo:insardeformation`` plots with the data it was fitted to and its
long-term and seasonal parts (:mod:`.insar_overlay`), in mm on the left axis; other values then go on a right
axis sharing the dates. Pixels are read in a ``QgsTask``, so a long stack never blocks the window.
"""
from __future__ import annotations

import math
import os
from typing import List, Optional, Sequence

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException,
                       QgsFeatureRequest, QgsPointXY, QgsProject, QgsRasterLayer, QgsVectorLayer)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QFileDialog, QFormLayout, QGridLayout, QLabel, QListWidget, QListWidgetItem,
                                 QPushButton, QSplitter, QVBoxLayout, QWidget)

from ..compat import (FIELD_FILTER_DATE, FIELD_FILTER_DATETIME, FIELD_FILTER_NUMERIC, FIELD_FILTER_STRING,
                      LAYER_FILTER_VECTOR, REQUEST_NO_GEOMETRY)
from ..core.codes import ClassTable
from ..core.permafrost.deformation import COMPONENTS_KIND
from ..qgis_io.cells import date_or_none, is_null, number_or_none
from .date_slider import DateSlider
from .insar_overlay import build_overlays, complete_models
from .pick_markers import PickMarkers, lon_lat
from .pixel_task import PixelAnswer, PixelReadTask, PixelRequest, answer_location, point_text
from .plot_draw import RightAxis
from .plot_export_dialog import PlotExportDialog
from .plot_panel import PlotPanel
from .raster_info import is_mintpy_file
from .region_series import class_colours, valid_counts_text
from .region_task import RegionPicker
from .series import (PlotSeries, field_quantity, location_text, phenology_markers, pixel_plot_series,
                     table_plot_series, write_series_csv)


class TimeSeriesDock(QgsDockWidget):
    """Dock with the plot. ``pick(point, crs)`` reads the checked rasters at a map point; ``series_plotted``
    is emitted each time the plot is redrawn (tests and the end-to-end check wait on it)."""

    series_plotted = pyqtSignal()

    def __init__(self, iface=None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cryosphere time series"))
        self.setObjectName("CryoTimeSeriesDock")
        self.iface = iface
        self.current: List[PlotSeries] = []
        self.pinned: List[PlotSeries] = []
        self.task: Optional[PixelReadTask] = None
        self.markers = PickMarkers(self._canvas)  # each plotted pixel marked on the map in its curve's colour
        self.region = RegionPicker(self)
        self._build()
        self.visibilityChanged.connect(self._map_follows)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh_layers)
        project.layersRemoved.connect(self.refresh_layers)
        self.refresh_layers()

    # -- widgets ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        """Controls on the left (rasters, table series, actions), the plot and its read-out on the right: the dock
        usually sits under the map, wide and low."""
        controls = QWidget()
        layout = QVBoxLayout(controls)
        layout.setContentsMargins(0, 0, 0, 0)
        self.layer_list = QListWidget()
        self.layer_list.setToolTip(self.tr("Rasters whose bands are plotted when you click the map"))
        layout.addWidget(QLabel(self.tr("Rasters (one band per date):")))
        layout.addWidget(self.layer_list, 1)
        layout.addWidget(self._table_box())
        buttons = QGridLayout()
        self.pick_button = QPushButton(self.tr("Pick on map"))
        self.pick_button.setCheckable(True)
        self.pick_button.setToolTip(self.tr("Click the map to plot that pixel's series"))
        self.pin_button = QPushButton(self.tr("Pin"))
        self.pin_button.setToolTip(self.tr("Keep the plotted series to compare them with the next pick"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.csv_button = QPushButton(self.tr("CSV…"))
        self.csv_button.setToolTip(self.tr("Export the plotted series to a CSV table"))
        self.png_button = QPushButton(self.tr("Export…"))
        self.png_button.setToolTip(self.tr("Save the plot as a PNG image, an SVG drawing or a PDF document"))
        self.region_button = QPushButton(self.tr("Region…"))
        self.region_button.setToolTip(self.tr("Plot the mean (or the class fractions) of the ticked rasters over the "
                                              "selected polygons of the active layer, or over a polygon you draw"))
        buttons.addWidget(self.pick_button, 0, 0, 1, 2)
        buttons.addWidget(self.pin_button, 0, 2)
        buttons.addWidget(self.clear_button, 0, 3)
        buttons.addWidget(self.region_button, 1, 0, 1, 2)
        buttons.addWidget(self.csv_button, 1, 2)
        buttons.addWidget(self.png_button, 1, 3)
        layout.addLayout(buttons)

        self.panel = PlotPanel()
        self.plot, self.legend, self.vline = self.panel.plot, self.panel.legend, self.panel.vline
        self.readout, self.status = self.panel.readout, self.panel.status
        self.date_slider = DateSlider(self.panel, self.iface, self.checked_layer_ids)  # under the plot
        self.panel.layout().insertWidget(1, self.date_slider)
        self.layer_list.itemChanged.connect(self.date_slider.refresh)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(controls)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        self.setWidget(splitter)

        self.pin_button.clicked.connect(self.pin)
        self.clear_button.clicked.connect(self.clear)
        self.region_button.clicked.connect(self.region.start)
        self.csv_button.clicked.connect(self._ask_csv)
        self.png_button.clicked.connect(self._ask_png)

    def _table_box(self) -> QgsCollapsibleGroupBox:
        box = QgsCollapsibleGroupBox(self.tr("Table series"))
        box.setCollapsed(True)
        form = QFormLayout(box)
        self.table_layer = QgsMapLayerComboBox()
        self.table_layer.setFilters(LAYER_FILTER_VECTOR)
        self.date_field = QgsFieldComboBox()
        self.date_field.setFilters(FIELD_FILTER_DATE | FIELD_FILTER_DATETIME | FIELD_FILTER_STRING)
        self.value_field = QgsFieldComboBox()
        self.value_field.setFilters(FIELD_FILTER_NUMERIC | FIELD_FILTER_STRING)  # CSVs read by OGR: all text
        self.group_field = QgsFieldComboBox()
        self.group_field.setAllowEmptyFieldName(True)
        self.phenology_layer = QgsMapLayerComboBox()
        self.phenology_layer.setFilters(LAYER_FILTER_VECTOR)
        self.phenology_layer.setAllowEmptyLayer(True)
        self.phenology_layer.setLayer(None)
        self.phenology_layer.setToolTip(self.tr("A cryo:lakeicephenology table: its dates are drawn as markers on "
                                                "the series of the lake of the same name"))
        self.table_layer.layerChanged.connect(self._sync_fields)
        self.table_button = QPushButton(self.tr("Plot table"))
        self.table_button.clicked.connect(self.plot_table)
        form.addRow(self.tr("Layer"), self.table_layer)
        form.addRow(self.tr("Date field"), self.date_field)
        form.addRow(self.tr("Value field"), self.value_field)
        form.addRow(self.tr("Group by"), self.group_field)
        form.addRow(self.tr("Phenology table"), self.phenology_layer)
        form.addRow(self.table_button)
        return box

    def _sync_fields(self, *_) -> None:
        """Field lists follow the table layer (also when the combo picked a layer by itself as it was added)."""
        layer = self.table_layer.currentLayer()
        for combo in (self.date_field, self.value_field, self.group_field):
            if combo.layer() is not layer:
                combo.setLayer(layer)

    def refresh_layers(self, *_) -> None:
        """List the project's rasters, keeping the ticks; the first raster is ticked when none is."""
        self._sync_fields()
        ticked = set(self.checked_layer_ids())
        self.layer_list.clear()
        rasters = [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsRasterLayer)
                   and layer.providerType() == "gdal"]
        for layer in sorted(rasters, key=lambda item: item.name().lower()):
            item = QListWidgetItem(layer.name())
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.id() in ticked else Qt.CheckState.Unchecked)
            self.layer_list.addItem(item)
        if not ticked & {layer.id() for layer in rasters} and self.layer_list.count():
            self.layer_list.item(0).setCheckState(Qt.CheckState.Checked)
        self.date_slider.refresh()

    def checked_layer_ids(self) -> List[str]:
        items = (self.layer_list.item(i) for i in range(self.layer_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def set_checked_layers(self, layers: List[QgsRasterLayer]) -> None:
        wanted = {layer.id() for layer in layers}
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            ticked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    # -- picking ---------------------------------------------------------------------------------------------
    def pick(self, point: QgsPointXY, crs: QgsCoordinateReferenceSystem) -> Optional[PixelReadTask]:
        """Read the ticked rasters at ``point`` (in ``crs``, e.g. the canvas CRS) in a background task, and the
        InSAR components rasters among the others (an InSAR model stack plots with them)."""
        requests, problems = [], []
        project = QgsProject.instance()
        lon, lat = lon_lat(point, crs)
        ticked = self.checked_layer_ids()
        others = [self.layer_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.layer_list.count())]
        for layer_id in ticked + [i for i in others if i not in ticked]:
            layer = project.mapLayer(layer_id)
            companion = layer_id not in ticked
            if layer is None:
                continue
            if not companion and is_mintpy_file(layer.source()):  # read at the cell of the InSAR model stack
                requests.append(PixelRequest(layer.name(), layer.source(), math.nan, math.nan, on_model_grid=True))
                continue
            try:
                xy = QgsCoordinateTransform(crs, layer.crs(), project).transform(point)
            except QgsCsException:
                if not companion:
                    problems.append(self.tr("{}: the point cannot be transformed to the layer's CRS").format(
                        layer.name()))
                continue
            requests.append(PixelRequest(layer.name(), layer.source(), xy.x(), xy.y(),
                                         only_kind=COMPONENTS_KIND if companion else "", crs=layer.crs().authid(),
                                         lon=lon, lat=lat))
        ticked_requests = [r for r in requests if not r.only_kind]
        if not ticked_requests:
            self._show_status(problems or [self.tr("Tick a raster in the list to plot its series.")])
            return None
        if self.task is not None:
            self.task.on_done = lambda answers: None  # a newer click wins
        self.status.setText(self.tr("Reading {} at {}…").format(", ".join(r.name for r in ticked_requests),
                                                                point_text((point.x(), point.y()))))
        self.task = PixelReadTask(requests, lambda answers: self.show_answers(answers, problems), complete_models)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def show_answers(self, answers: List[PixelAnswer], problems: Optional[List[str]] = None) -> None:
        """Plot the series read; rasters the point missed are listed in the dock, not raised. A ticked InSAR
        model stack plots as an overlay (data, model, long-term and seasonal parts) with the rasters it uses."""
        self.task = None
        overlays = build_overlays(answers)
        messages = list(problems or []) + overlays.problems
        self.current = list(overlays.series)
        located = [answer_location(answers[i]) for i in sorted(overlays.used) if answer_location(answers[i])]
        if self.current and located:  # the overlay's first curve marks its pixel on the map
            self.current[0].location = located[0]
        for i, answer in enumerate(answers):
            if i in overlays.used or answer.request.only_kind:
                continue
            if answer.series is None:
                messages.append("{}: {}".format(answer.request.name, answer.problem))
                continue
            pixel, location = answer.series, answer_location(answer)
            name = self.tr("{} {} (col {}, row {})").format(answer.request.name, location_text(location),
                                                            pixel.column + 1, pixel.row + 1)
            self.current.append(pixel_plot_series(name, pixel))
            self.current[-1].location = location
        self._show_status(messages, overlays.notes)
        self.redraw()

    def _show_status(self, messages: List[str], notes: Sequence[str] = ()) -> None:
        self.panel.show_status(messages, notes)

    def show_region(self, series: Optional[List[PlotSeries]], messages: List[str]) -> None:
        """Plot a region's series (:mod:`.region_task`; the plot stays when there are none) and say what went
        wrong, with the valid-cell counts of each raster."""
        if series:
            self.current = list(series)
        self._show_status(messages, valid_counts_text(series or []))
        self.redraw()

    # -- tables ----------------------------------------------------------------------------------------------
    def plot_table(self) -> None:
        """Plot the chosen table's values over its dates, one series per group (with phenology markers)."""
        layer = self.table_layer.currentLayer()
        date_field, value_field = self.date_field.currentField(), self.value_field.currentField()
        if not isinstance(layer, QgsVectorLayer) or not date_field or not value_field:
            self._show_status([self.tr("Choose a table layer, its date field and its value field.")])
            return
        group_field = self.group_field.currentField()
        rows = table_rows(layer, date_field, value_field, group_field)
        series = table_plot_series(layer.name(), rows, field_quantity(value_field))
        phenology = self.phenology_layer.currentLayer()
        if isinstance(phenology, QgsVectorLayer):
            events = [feature_dict(f) for f in phenology.getFeatures()]
            for s, group in zip(series, sorted({g for g, d, _ in rows if d is not None})):
                s.markers = phenology_markers(events, group)
        self.current = series
        self._show_status([] if series else [self.tr("{} has no rows with a date in {}").format(layer.name(),
                                                                                                date_field)])
        self.redraw()

    # -- plot ------------------------------------------------------------------------------------------------
    def plotted(self) -> List[PlotSeries]:
        return self.pinned + self.current

    def pin(self) -> None:
        self.pinned.extend(self.current)
        self.current = []
        self.redraw()

    def clear(self) -> None:
        self.pinned, self.current = [], []
        self.redraw()

    def class_axis(self) -> Optional[ClassTable]:
        """The class table shared by every plotted series (then the y axis shows class names), else None."""
        return self.panel.class_axis()

    def redraw(self) -> None:
        self.panel.redraw(self.plotted())
        self.markers.show(self.panel.series, class_colours(self.panel))
        self.series_plotted.emit()

    def _canvas(self):
        """The map canvas of the markers while the dock is shown (None: no map, or the dock is closed)."""
        return self.iface.mapCanvas() if self.iface is not None and self.isVisible() else None

    def _map_follows(self, visible: bool) -> None:
        if visible:
            self.markers.show(self.panel.series, self.panel.colours)
        else:
            self.markers.clear()

    @property
    def right(self) -> Optional[RightAxis]:
        return self.panel.right

    def readout_at(self, x: float) -> str:
        return self.panel.readout_at(x)

    # -- export ----------------------------------------------------------------------------------------------
    def export_csv(self, path: str) -> int:
        return write_series_csv(path, self.plotted())

    def export_png(self, path: str) -> bool:
        return self.panel.export_png(path)

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export series"), "", self.tr("CSV table (*.csv)"))
        if path:
            count = self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")
            self._show_status([])
            self.status.setText(self.tr("{} rows written to {}").format(count, os.path.basename(path)))

    def _ask_png(self) -> None:
        PlotExportDialog(self.panel, self).exec()


def table_rows(layer: QgsVectorLayer, date_field: str, value_field: str, group_field: str):
    """(group, date, value) of every feature of ``layer``."""
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    rows = []
    for feature in layer.getFeatures(request):
        group = str(feature[group_field]) if group_field else ""
        rows.append((group, date_or_none(feature[date_field]), number_or_none(feature[value_field])))
    return rows


def feature_dict(feature) -> dict:
    """A feature's attributes as Python values (dates as ``datetime.date``, empty cells as None)."""
    values = {}
    for name in feature.fields().names():
        value = feature[name]
        if isinstance(value, (QDate, QDateTime)):
            value = date_or_none(value)
        values[name] = None if is_null(value) else value
    return values
