"""The freeze/thaw import dialog: inspect a daily product, preview a day, decode it with ``cryo:decodefreezethaw``.

Entry point (plugin.py keeps a reference so the non-modal dialog stays alive)::

    self.import_dialog = FreezeThawImportDialog(self.iface)
    self.import_dialog.show()

The dialog lists the HDF5 datasets of the (first) file, the dates found and the missing days, lets the user
pick the grid the files lie on, draws one day with the product's class colours and runs the decoding in a
background task (progress, cancel); the decoded GeoTIFF is then added to the project with its sidecar style.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import tempfile
from typing import Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsProcessingAlgRunnerTask,
                       QgsProcessingContext, QgsProject, QgsRasterLayer)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QImage, QPixmap
from qgis.PyQt.QtWidgets import QApplication, QDialog, QFileDialog, QTreeWidgetItem, QWidget

from ..core.freezethaw.products import DEFAULT
from ..core.io.geotiff import style_sidecar
from ..core.io.grid import GLOBAL_QUARTER_DEGREE, Georeference
from ..core.io.source_summary import SourceSummary, code_colours, thumbnail_codes
from .decode_run import DecodeFeedback, DecodeRun
from .import_dialog_layout import THUMBNAIL_BOX, ImportDialogLayout

ALGORITHM_ID = "cryo:decodefreezethaw"
GAPS_LISTED = 4
Extent = Tuple[float, float, float, float]


class FreezeThawImportDialog(ImportDialogLayout, QDialog):
    """Inspect a freeze/thaw file or folder of daily files and decode it into a styled GeoTIFF stack."""

    def __init__(self, iface=None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent if parent is not None or iface is None else iface.mainWindow())
        self.setWindowTitle(self.tr("Import freeze/thaw product"))
        self.summary: Optional[SourceSummary] = None
        self.product = DEFAULT  # the freeze/thaw product profile of the source (show_product)
        self.run: Optional[DecodeRun] = None
        self._dataset: Optional[str] = None
        self._default_output = ""
        self.presets: List[Tuple[str, Georeference]] = [
            (self.tr("Global 0.25°, EPSG:4326 (1440 × 720 cells)"), GLOBAL_QUARTER_DEGREE)]

        self.message_bar = QgsMessageBar(self)
        self._lay_out()
        self.resize(1040, 700)
        self._show_summary(new_source=True)

    # ----------------------------------------------------------------------------------------- source

    def set_source(self, path: str) -> None:
        """Inspect ``path``, a file or a folder of daily files (what the File… and Folder… buttons do)."""
        self.source_edit.setText(path)
        self._dataset = None
        self.start_check.blockSignals(True)
        self.start_check.setChecked(False)
        self.start_edit.setEnabled(False)
        self.start_check.blockSignals(False)
        self._show_summary(new_source=True)

    def set_extent(self, extent: Extent) -> None:
        """Fill the custom extent fields with ``(xmin, ymin, xmax, ymax)``."""
        for key, value in zip(("xmin", "ymin", "xmax", "ymax"), extent):
            self.extent_boxes[key].setValue(value)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Daily freeze/thaw file"), self._browse_folder(),
            self.tr("Daily grids (*.h5 *.hdf5 *.he5 *.hdf *.tif *.tiff *.nc *.nc4);;All files (*)"))
        if path:
            self.set_source(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of daily files"), self._browse_folder())
        if path:
            self.set_source(path)

    def _browse_folder(self) -> str:
        current = self.source_edit.text().strip()
        return os.path.dirname(current) if current else os.path.expanduser("~")

    def _source_edited(self) -> None:
        path = self.source_edit.text().strip()
        if path != (self.summary.path if self.summary else ""):
            self.set_source(path)

    def _dataset_chosen(self, item: Optional[QTreeWidgetItem], _previous=None) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if name and name != self._dataset:
            self._dataset = name
            self._show_summary()

    def _reinspect(self, *_args) -> None:
        self._show_summary()

    def _show_summary(self, new_source: bool = False) -> None:
        """Re-open the source with the current dataset and start date and refresh every section."""
        if self.summary is not None:
            self.summary.close()
            self.summary = None
        path = self.source_edit.text().strip()
        if path:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                start = self.start_edit.date().toPyDate() if self.start_check.isChecked() else None
                self.summary = SourceSummary(path, self._dataset, start)
            finally:
                QApplication.restoreOverrideCursor()
        if new_source:
            self._fill_datasets()
            self._suggest_output(path)
        self.show_product(self.summary)
        self.start_row.setVisible(self.summary is not None and os.path.isfile(path))
        self.dates_label.setText(self._dates_text())
        self._fill_period()
        self._fill_day_slider()
        self._update_state()

    # ----------------------------------------------------------------------------------------- sections

    def _fill_datasets(self) -> None:
        tree = self.dataset_tree
        tree.blockSignals(True)
        tree.clear()
        summary = self.summary
        groups: Dict[str, QTreeWidgetItem] = {}
        for info in summary.datasets if summary else []:
            parent_path, name = info.name.rsplit("/", 1)
            parent = self._group_item(parent_path, groups)
            item = QTreeWidgetItem([name, " × ".join(str(n) for n in info.shape), info.dtype])
            if info.is_grid:
                item.setData(0, Qt.ItemDataRole.UserRole, info.name)
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(0, self.tr("Not a 2-D or 3-D numeric grid"))
            (parent.addChild if parent is not None else tree.addTopLevelItem)(item)
            if info.name == summary.dataset:
                tree.setCurrentItem(item)
        tree.expandAll()
        tree.blockSignals(False)
        if summary is None or summary.inspected_file is None:
            text = ""
        elif summary.missing_package:
            text = self.tr("{} cannot be read without the Python package {} (see Dates).").format(
                os.path.basename(summary.inspected_file), summary.missing_package)
        elif summary.datasets:
            text = self.tr("Datasets of {}:").format(os.path.basename(summary.inspected_file))
            if summary.dataset is None:
                text += " " + self.tr("<b>select the grid to decode.</b>")
        else:
            text = self.tr("{} is not an HDF5 file: its bands are the days.").format(
                os.path.basename(summary.inspected_file))
        self.datasets_label.setText(text)

    def _group_item(self, path: str, groups: Dict[str, QTreeWidgetItem]) -> Optional[QTreeWidgetItem]:
        """The tree item of the HDF5 group ``path`` ("" is the file's root), created on first use."""
        if not path:
            return None
        if path not in groups:
            parent_path, name = path.rsplit("/", 1)
            parent = self._group_item(parent_path, groups)
            item = QTreeWidgetItem([name + "/", "", self.tr("group")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            (parent.addChild if parent is not None else self.dataset_tree.addTopLevelItem)(item)
            groups[path] = item
        return groups[path]

    def _dates_text(self) -> str:
        summary = self.summary
        if summary is None:
            return self.tr("Choose a file or a folder of daily files.")
        if summary.datasets and summary.dataset is None:
            return self.tr("The file holds several grids: select the one to decode in the Datasets list.")
        if summary.needs_start_date:
            return self.tr("No dates found in this file (its name, bands and metadata carry none): set the date "
                           "of its first grid below; the next grids follow day by day.")
        if summary.problem:
            return '<span style="color:#b00020">{}</span>'.format(html.escape(summary.problem).replace("\n", "<br>"))
        dates = summary.dates
        text = self.tr("<b>{}</b> dates, {} … {}").format(len(dates), dates[0], dates[-1])
        gaps = summary.gaps
        if not gaps:
            return text + "<br>" + self.tr("No missing days.")
        listed = "; ".join(str(a) if a == b else "{}&nbsp;…&nbsp;{}".format(a, b) for a, b in gaps[:GAPS_LISTED])
        more = "; …" if len(gaps) > GAPS_LISTED else ""
        return text + "<br>" + self.tr("<b>{}</b> missing day(s) in {} gap(s): {}").format(
            summary.missing_days, len(gaps), listed + more)

    def _fill_period(self) -> None:
        dates = self.summary.dates if self.summary else []
        for edit, day in ((self.period_start, dates[0] if dates else None),
                          (self.period_end, dates[-1] if dates else None)):
            edit.setEnabled(bool(dates))
            if dates:
                edit.setDateRange(QDate(dates[0]), QDate(dates[-1]))
                edit.setDate(QDate(day))

    def _fill_day_slider(self) -> None:
        count = len(self.summary.dates) if self.summary else 0
        self.day_slider.blockSignals(True)
        self.day_slider.setRange(0, max(0, count - 1))
        self.day_slider.setValue(0)
        self.day_slider.setEnabled(count > 1)
        self.day_slider.blockSignals(False)
        self._show_day(0)

    def _show_day(self, index: int) -> None:
        """Draw the codes of the ``index``-th date with the class colours."""
        dates = self.summary.dates if self.summary else []
        if not dates:
            self.thumbnail.clear()
            self.thumbnail.setText(self.tr("No preview"))
            self.day_label.clear()
            return
        codes = thumbnail_codes(self.summary.day(index), *THUMBNAIL_BOX)
        rgb = np.ascontiguousarray(code_colours(codes, self.product.table))
        height, width = codes.shape
        image = QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.thumbnail.setPixmap(QPixmap.fromImage(image))
        self.day_label.setText(self.tr("{} (day {} of {})").format(dates[index], index + 1, len(dates)))

    def set_day(self, day: dt.date) -> None:
        """Preview the date ``day`` (ignored when the source has no such date)."""
        if self.summary is not None and day in self.summary.dates:
            self.day_slider.setValue(self.summary.dates.index(day))

    def thumbnail_image(self) -> QImage:
        """The preview as shown (for tests and screenshots)."""
        pixmap = self.thumbnail.pixmap()
        return pixmap.toImage() if pixmap is not None else QImage()

    def _grid_changed(self, index: int) -> None:
        custom = index >= len(self.presets)
        self.custom_grid.setVisible(custom)
        if not custom:
            self.set_extent(self.presets[index][1].extent)
            self.crs_widget.setCrs(QgsCoordinateReferenceSystem(self.presets[index][1].crs))
        self._update_state()

    def _grid_problem(self) -> Optional[str]:
        """Why the chosen grid does not fit the source (None when it does)."""
        index = self.preset_combo.currentIndex()
        shape = self.summary.grid_shape if self.summary else None
        if index < len(self.presets):
            expected = self.presets[index][1].expected_shape
            if shape is not None and expected is not None and shape != expected:
                return self.tr("The grids are {} rows × {} columns, not the {} × {} of this grid: choose "
                               "“Custom extent and CRS” and give their extent and CRS.").format(*shape, *expected)
            return None
        xmin, ymin, xmax, ymax = self.extent()
        if xmax <= xmin or ymax <= ymin:
            return self.tr("The extent is empty: East must exceed West and North must exceed South.")
        if not self.crs_widget.crs().isValid():
            return self.tr("Choose the CRS of the grid.")
        return None

    def extent(self) -> Extent:
        """The grid extent ``(xmin, ymin, xmax, ymax)`` given to the decoding."""
        return tuple(self.extent_boxes[k].value() for k in ("xmin", "ymin", "xmax", "ymax"))

    def _suggest_output(self, path: str) -> None:
        """Propose ``<source name>_decoded.tif`` beside the source (or in the temporary folder) unless the user
        typed an output of their own."""
        current = self.output_widget.filePath()
        if current and current != self._default_output:
            return
        if not path:
            self._default_output = ""
        else:
            folder = os.path.dirname(os.path.abspath(path.rstrip(os.sep)))
            if not os.access(folder, os.W_OK):
                folder = tempfile.gettempdir()
            stem = os.path.splitext(os.path.basename(path.rstrip(os.sep)))[0]
            self._default_output = os.path.join(folder, stem + "_decoded.tif")
        self.output_widget.setFilePath(self._default_output)

    def _update_state(self, *_args) -> None:
        """Grid message and which controls are usable, from the summary and the choices."""
        problem = self._grid_problem()
        shape = self.summary.grid_shape if self.summary else None
        text = self.tr("Grids of {} rows × {} columns.").format(*shape) if shape else ""
        if problem:
            text += ' <span style="color:#b00020">{}</span>'.format(html.escape(problem))
        self.grid_label.setText(text)
        running = self.is_running
        for widget in self._inputs:
            widget.setEnabled(not running)
        self.decode_button.setEnabled(not running and shape is not None and problem is None
                                      and bool(self.output_widget.filePath()))
        self.cancel_button.setEnabled(running)

    # ----------------------------------------------------------------------------------------- decoding

    @property
    def is_running(self) -> bool:
        return self.run is not None and not self.run.finished

    def decode_parameters(self) -> dict:
        """The ``cryo:decodefreezethaw`` parameters of the current choices."""
        output = self.output_widget.filePath()
        if not output.lower().endswith((".tif", ".tiff")):
            output += ".tif"
        xmin, ymin, xmax, ymax = self.extent()
        return {
            "INPUT": self.summary.path,
            "DATASET": self.summary.dataset or "",
            "START_DATE": self.start_edit.date().toString("yyyy-MM-dd") if self.start_check.isChecked() else "",
            "PERIOD_START": self.period_start.date().toString("yyyy-MM-dd"),
            "PERIOD_END": self.period_end.date().toString("yyyy-MM-dd"),
            "EXTENT": "{!r},{!r},{!r},{!r}".format(xmin, xmax, ymin, ymax),
            "CRS": self.crs_widget.crs(),
            "PRODUCT": self.product.name,
            "OUTPUT": output,
            "OUTPUT_TABLE": os.path.splitext(output)[0] + "_areas.csv" if self.table_check.isChecked() else None,
        }

    def decode(self) -> None:
        """Start the decoding in a background task (the Decode button)."""
        if self.is_running or not self.decode_button.isEnabled():
            return
        self.message_bar.clearWidgets()
        self.result_label.clear()
        algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
        if algorithm is None:
            self._error(self.tr("The Cryosphere Processing provider is not loaded ({} is missing).").format(
                ALGORITHM_ID))
            return
        parameters = self.decode_parameters()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        ok, message = algorithm.checkParameterValues(parameters, context)
        if not ok:
            self._error(message)
            return
        feedback = DecodeFeedback()
        task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
        self.run = DecodeRun(context, feedback, parameters["OUTPUT"])
        feedback.progressChanged.connect(self._progress)
        task.executed.connect(self._finished)
        self.progress_bar.setValue(0)
        self._update_state()
        QgsApplication.taskManager().addTask(task)

    def cancel(self) -> None:
        """Ask the running decoding to stop (the Cancel button)."""
        if self.is_running:
            self.run.feedback.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, percent: float) -> None:
        self.progress_bar.setValue(int(percent))

    def _finished(self, successful: bool, results: dict) -> None:
        run = self.run
        run.finished = True  # the run's objects stay referenced until the next run: the task may still use them
        self._update_state()
        if successful:
            self.progress_bar.setValue(100)
            self._load_output(run.output, results)
        elif run.feedback.isCanceled():
            self.progress_bar.setValue(0)
            self.message_bar.pushMessage(self.tr("Cancelled: no output was written."), Qgis.MessageLevel.Warning, 0)
        else:
            self.progress_bar.setValue(0)
            self._error("\n".join(run.feedback.errors) or self.tr("The decoding failed; see the Processing log."))

    def _load_output(self, output: str, results: dict) -> None:
        """Add the decoded GeoTIFF to the project, styled from its ``.qml`` sidecar, and report the results."""
        layer = QgsRasterLayer(output, os.path.splitext(os.path.basename(output))[0])
        if not layer.isValid():
            self._error(self.tr("The decoded stack {} could not be opened as a layer.").format(output))
            return
        qml = style_sidecar(output)
        message, styled = layer.loadNamedStyle(qml) if os.path.exists(qml) else (self.tr("no .qml beside it"), False)
        QgsProject.instance().addMapLayer(layer)
        text = self.tr("Decoded {} dates ({} … {}) into {}; {} pixel-days with unknown codes.").format(
            results["N_DATES"], results["FIRST_DATE"], results["LAST_DATE"], output, results["UNKNOWN_PIXEL_DAYS"])
        if results.get("OUTPUT_TABLE"):
            text += " " + self.tr("Daily class areas: {}.").format(results["OUTPUT_TABLE"])
        self.result_label.setText(text)
        self.message_bar.pushMessage(self.tr("Decoded {} dates and added the layer to the project.").format(
            results["N_DATES"]), Qgis.MessageLevel.Success, 10)
        if not styled:
            self.message_bar.pushMessage(self.tr("The layer's style could not be applied: {}").format(message),
                                         Qgis.MessageLevel.Warning, 0)

    def _error(self, text: str) -> None:
        self.message_bar.pushMessage(self.tr("Error"), text, Qgis.MessageLevel.Critical, 0)

    def showEvent(self, event) -> None:
        """Re-open the source the dialog was closed with (closing releases its files)."""
        if self.summary is None and self.source_edit.text().strip():
            self._show_summary()
        super().showEvent(event)

    def done(self, result: int) -> None:
        """Close, unless a decoding is running: then ask it to stop first (it is using the dialog's objects)."""
        if self.is_running:
            self.cancel()
            self.message_bar.pushMessage(self.tr("Stopping the decoding; close the dialog when it has stopped."),
                                         Qgis.MessageLevel.Info, 5)
            return
        if self.summary is not None:
            self.summary.close()
            self.summary = None
        super().done(result)
