"""The "Export…" dialog of the time-series dock: the plot to a PNG, SVG or PDF file, with its size (pixels, or mm
for a PDF page), the DPI of a PNG and a title (by default the part the plotted series' names share)."""
from __future__ import annotations

import os
from typing import Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                                 QLineEdit, QSpinBox, QWidget)

from .plot_export import ExportOptions, common_title

# per format: the default size and the range and unit of the size boxes
DEFAULT_SIZE = {"png": (1600.0, 1000.0), "svg": (1000.0, 625.0), "pdf": (180.0, 110.0)}
SIZE_RANGE = {"png": (100.0, 20000.0), "svg": (100.0, 20000.0), "pdf": (30.0, 1200.0)}


class PlotExportDialog(QDialog):
    """Asks for the file, format, size, DPI and title, then writes the plot of ``panel``
    (:class:`.plot_panel.PlotPanel`); the dialog stays open, saying why, when the file cannot be written."""

    def __init__(self, panel, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setWindowTitle(self.tr("Export the plot"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.format = QComboBox()
        for fmt, text in (("png", self.tr("PNG image")), ("svg", self.tr("SVG drawing (vector)")),
                          ("pdf", self.tr("PDF document (vector)"))):
            self.format.addItem(text, fmt)
        self.width = self._size_box()
        self.height = self._size_box()
        self.dpi = QSpinBox()
        self.dpi.setRange(50, 1200)
        self.dpi.setValue(150)
        self.dpi.setSuffix(self.tr(" DPI"))
        self.dpi.setToolTip(self.tr("Dots per inch recorded in the PNG; text and lines scale with it"))
        self.title = QLineEdit(common_title([s.name for s in panel.series]))
        self.title.setPlaceholderText(self.tr("No title"))
        self.file = QgsFileWidget()
        self.file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.file.setDialogTitle(self.tr("Export the plot"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Width"), self.width)
        form.addRow(self.tr("Height"), self.height)
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("File"), self.file)
        form.addRow(self.message)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    @staticmethod
    def _size_box() -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(0)
        return box

    def fmt(self) -> str:
        return self.format.currentData()

    def _format_changed(self, *_) -> None:
        """Sizes in pixels or mm with the format's defaults, the DPI for a PNG only, the file filter."""
        fmt = self.fmt()
        unit = self.tr(" mm") if fmt == "pdf" else self.tr(" px")
        for box, value in zip((self.width, self.height), DEFAULT_SIZE[fmt]):
            box.setRange(*SIZE_RANGE[fmt])
            box.setSuffix(unit)
            box.setValue(value)
        self.dpi.setEnabled(fmt == "png")
        self.file.setFilter({"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)"),
                             "pdf": self.tr("PDF document (*.pdf)")}[fmt])
        path = self.file.filePath()
        if path:
            self.file.setFilePath(os.path.splitext(path)[0] + "." + fmt)

    def options(self) -> ExportOptions:
        return ExportOptions(self.fmt(), self.width.value(), self.height.value(), float(self.dpi.value()),
                             self.title.text().strip())

    def path(self) -> str:
        """The file chosen, with the format's extension."""
        path = self.file.filePath().strip()
        return path if not path or path.lower().endswith("." + self.fmt()) else path + "." + self.fmt()

    def save(self) -> bool:
        """Write the file and close; False (the dialog open, with the reason) when it cannot be written."""
        path = self.path()
        if not path:
            self.message.setText(self.tr("Choose the file to write."))
            return False
        try:
            self.panel.export(path, self.options())
        except (OSError, ValueError) as exc:
            self.message.setText(self.tr("Could not write {}: {}").format(path, exc))
            return False
        self.accept()
        return True
