"""The widgets of the freeze/thaw import dialog (:mod:`.import_dialog`), group by group: source, datasets, dates,
grid, preview, output and the run row. Texts are translated in the dialog's context, FreezeThawImportDialog."""
from __future__ import annotations

from typing import Dict

from qgis.core import QgsCoordinateReferenceSystem
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                                 QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar,
                                 QPushButton, QSlider, QTreeWidget, QVBoxLayout, QWidget)

from ..core.codes import FREEZE_THAW, ClassTable
from ..core.freezethaw.products import detect_product
from ..class_labels import class_label
from ..core.io.grid import GLOBAL_QUARTER_DEGREE
from ..core.io.source_summary import UNKNOWN_COLOUR

THUMBNAIL_BOX = (240, 480)  # rows, columns of the preview image at most


class ImportDialogLayout:
    """Builds the dialog's groups; mixed into :class:`~.import_dialog.FreezeThawImportDialog`, whose slots the
    widgets are connected to."""

    def _lay_out(self) -> None:
        """Source on top, datasets/dates/grid on the left, preview and output on the right, the run row below."""
        source, datasets, dates, grid = (self._source_group(), self._dataset_group(), self._dates_group(),
                                         self._grid_group())
        preview, output = self._preview_group(), self._output_group()
        self._inputs = (source, datasets, dates, grid, self.output_widget, self.table_check)  # fixed while running
        left = QVBoxLayout()
        for group in (datasets, dates, grid):
            left.addWidget(group)
        right = QVBoxLayout()
        right.addWidget(preview)
        right.addWidget(output)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(source)
        layout.addLayout(columns)
        layout.addLayout(self._run_row())

    def _source_group(self) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("FreezeThawImportDialog", "Source"))
        row = QHBoxLayout(group)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(
            QCoreApplication.translate("FreezeThawImportDialog",
                                       "An HDF5/GeoTIFF/netCDF file or a folder of daily files"))
        self.source_edit.editingFinished.connect(self._source_edited)
        file_button = QPushButton(QCoreApplication.translate("FreezeThawImportDialog", "File…"))
        file_button.clicked.connect(self._choose_file)
        folder_button = QPushButton(QCoreApplication.translate("FreezeThawImportDialog", "Folder…"))
        folder_button.clicked.connect(self._choose_folder)
        row.addWidget(self.source_edit, 1)
        row.addWidget(file_button)
        row.addWidget(folder_button)
        return group

    def _dataset_group(self) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("FreezeThawImportDialog", "Datasets"))
        box = QVBoxLayout(group)
        self.datasets_label = QLabel()
        self.datasets_label.setWordWrap(True)
        self.dataset_tree = QTreeWidget()
        self.dataset_tree.setHeaderLabels([QCoreApplication.translate("FreezeThawImportDialog", "Name"),
                                           QCoreApplication.translate("FreezeThawImportDialog", "Shape"),
                                           QCoreApplication.translate("FreezeThawImportDialog", "Type")])
        self.dataset_tree.setRootIsDecorated(True)
        self.dataset_tree.setMinimumHeight(80)
        header = self.dataset_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.dataset_tree.currentItemChanged.connect(self._dataset_chosen)
        box.addWidget(self.datasets_label)
        box.addWidget(self.dataset_tree)
        return group

    def _dates_group(self) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("FreezeThawImportDialog", "Dates"))
        form = QFormLayout(group)
        self.dates_label = QLabel()
        self.dates_label.setWordWrap(True)
        self.dates_label.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.dates_label)
        self.start_check = QCheckBox(QCoreApplication.translate("FreezeThawImportDialog", "Date of the first grid"))
        self.start_edit = self._date_edit()
        self.start_edit.setEnabled(False)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.start_check.toggled.connect(self._reinspect)
        self.start_edit.dateChanged.connect(self._reinspect)
        self.start_row = QWidget()
        start = QHBoxLayout(self.start_row)
        start.setContentsMargins(0, 0, 0, 0)
        start.addWidget(self.start_check)
        start.addWidget(self.start_edit)
        start.addStretch(1)
        form.addRow(self.start_row)
        self.period_start = self._date_edit()
        self.period_end = self._date_edit()
        period = QHBoxLayout()
        period.addWidget(self.period_start)
        period.addWidget(QLabel(QCoreApplication.translate("FreezeThawImportDialog", "to")))
        period.addWidget(self.period_end)
        period.addStretch(1)
        form.addRow(QCoreApplication.translate("FreezeThawImportDialog", "Decode from"), period)
        return group

    def _grid_group(self) -> QGroupBox:
        group = QGroupBox(
            QCoreApplication.translate("FreezeThawImportDialog", "Grid (HDF5 files carry no georeferencing)"))
        form = QFormLayout(group)
        self.preset_combo = QComboBox()
        for label, _ in self.presets:
            self.preset_combo.addItem(label)
        self.preset_combo.addItem(QCoreApplication.translate("FreezeThawImportDialog", "Custom extent and CRS"))
        self.preset_combo.currentIndexChanged.connect(self._grid_changed)
        form.addRow(QCoreApplication.translate("FreezeThawImportDialog", "Grid"), self.preset_combo)
        self.custom_grid = QWidget()
        custom = QGridLayout(self.custom_grid)
        custom.setContentsMargins(0, 0, 0, 0)
        self.extent_boxes: Dict[str, QDoubleSpinBox] = {}
        sides = (("xmin", QCoreApplication.translate("FreezeThawImportDialog", "West")),
                 ("xmax", QCoreApplication.translate("FreezeThawImportDialog", "East")),
                 ("ymin", QCoreApplication.translate("FreezeThawImportDialog", "South")),
                 ("ymax", QCoreApplication.translate("FreezeThawImportDialog", "North")))
        for i, (key, label) in enumerate(sides):
            box = QDoubleSpinBox()
            box.setRange(-1e9, 1e9)
            box.setDecimals(6)
            self.extent_boxes[key] = box
            custom.addWidget(QLabel(label), i // 2, 2 * (i % 2))
            custom.addWidget(box, i // 2, 2 * (i % 2) + 1)
        self.crs_widget = QgsProjectionSelectionWidget()
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem(GLOBAL_QUARTER_DEGREE.crs))
        custom.addWidget(QLabel(QCoreApplication.translate("FreezeThawImportDialog", "CRS")), 2, 0)
        custom.addWidget(self.crs_widget, 2, 1, 1, 3)
        self.set_extent(GLOBAL_QUARTER_DEGREE.extent)
        for box in self.extent_boxes.values():
            box.valueChanged.connect(self._update_state)
        self.crs_widget.crsChanged.connect(self._update_state)
        self.custom_grid.setVisible(False)
        form.addRow(self.custom_grid)
        self.grid_label = QLabel()
        self.grid_label.setWordWrap(True)
        self.grid_label.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.grid_label)
        return group

    def _preview_group(self) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("FreezeThawImportDialog", "Preview"))
        box = QVBoxLayout(group)
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMBNAIL_BOX[1] + 4, THUMBNAIL_BOX[0] + 4)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("QLabel { background: #d9d9d9; border: 1px solid #a0a0a0; }")
        box.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
        day_row = QHBoxLayout()
        self.day_slider = QSlider(Qt.Orientation.Horizontal)
        self.day_slider.valueChanged.connect(self._show_day)
        self.day_label = QLabel()
        self.day_label.setMinimumWidth(190)
        day_row.addWidget(self.day_slider, 1)
        day_row.addWidget(self.day_label)
        box.addLayout(day_row)
        self.product_label = QLabel()
        self.product_label.setWordWrap(True)
        box.addWidget(self.product_label)
        self.legend = QGridLayout()
        self.fill_legend(FREEZE_THAW)
        box.addLayout(self.legend)
        return group

    def show_product(self, summary) -> None:
        """The product the source's names identify (as PRODUCT=auto of the algorithm): its name and why, the
        legend of its classes; ``self.product`` colours the preview and goes to the algorithm."""
        names = [summary.path, summary.inspected_file or "", summary.dataset or ""] if summary else []
        self.product, reason = detect_product(names)
        text = QCoreApplication.translate("FreezeThawImportDialog", "Product: {} ({}): {}").format(
            self.product.title, self.product.name, reason)
        self.product_label.setText(text if summary else "")
        self.fill_legend(self.product.table)

    def fill_legend(self, table: ClassTable) -> None:
        """The preview's legend: the classes of ``table`` and the colour of any other code."""
        while self.legend.count():
            widget = self.legend.takeAt(0).widget()
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        entries = [(code.color, class_label(code)) for code in table]
        entries.append((UNKNOWN_COLOUR, QCoreApplication.translate("FreezeThawImportDialog", "Other code")))
        for i, (colour, label) in enumerate(entries):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet("QLabel {{ background: rgb({}, {}, {}); border: 1px solid #808080; }}"
                                 .format(*colour))
            self.legend.addWidget(swatch, i // 4, 2 * (i % 4))
            self.legend.addWidget(QLabel(label), i // 4, 2 * (i % 4) + 1)
        self.legend.setColumnStretch(7, 1)

    def _output_group(self) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("FreezeThawImportDialog", "Output"))
        box = QVBoxLayout(group)
        self.output_widget = QgsFileWidget()
        self.output_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output_widget.setFilter(QCoreApplication.translate("FreezeThawImportDialog", "GeoTIFF (*.tif *.tiff)"))
        self.output_widget.setDialogTitle(
            QCoreApplication.translate("FreezeThawImportDialog", "Decoded freeze/thaw stack"))
        self.output_widget.fileChanged.connect(self._update_state)
        self.table_check = QCheckBox(
            QCoreApplication.translate("FreezeThawImportDialog",
                                       "Also write the daily class areas (CSV beside the GeoTIFF)"))
        self.table_check.setChecked(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(QLabel(
            QCoreApplication.translate("FreezeThawImportDialog", "Decoded stack (GeoTIFF, one band per day)")))
        box.addWidget(self.output_widget)
        box.addWidget(self.table_check)
        box.addWidget(self.result_label)
        return group

    def _run_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.decode_button = QPushButton(QCoreApplication.translate("FreezeThawImportDialog", "Decode"))
        self.decode_button.setDefault(True)
        self.decode_button.clicked.connect(self.decode)
        self.cancel_button = QPushButton(QCoreApplication.translate("FreezeThawImportDialog", "Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.decode_button)
        row.addWidget(self.cancel_button)
        row.addWidget(buttons)
        return row

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit
