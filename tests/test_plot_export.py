"""Export of the dock's plot (issue #16 C): SVG with its title and axis titles as text, PDF of the page size asked
with its title, PNG of the pixel size and DPI asked, nothing left behind when the file cannot be written, the
default title, and the Export dialog."""
import datetime as dt
import os
from xml.etree import ElementTree

import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.codes import FREEZE_THAW

SVG = "{http://www.w3.org/2000/svg}"


def seconds(day):
    return (day - dt.date(1970, 1, 1)).days * 86400.0


@pytest.fixture()
def panel(qgis_app):
    from cryo_qgis_plugin.gui.plot_panel import PlotPanel
    from cryo_qgis_plugin.gui.series import PlotSeries

    p = PlotPanel()
    p.resize(700, 400)
    x = np.array([seconds(dt.date(2011, 1, 1) + dt.timedelta(days=i)) for i in range(365)])
    temperature = -10 * np.cos(2 * np.pi * np.arange(365) / 365)
    p.redraw([PlotSeries("gst 78.2172° N, 15.6412° E (col 3, row 4)", x, temperature, True, units="°C"),
              PlotSeries("gst 78.3000° N, 15.7000° E (col 9, row 2)", x, temperature + 2, True, units="°C"),
              PlotSeries("ft (col 3, row 4)", x, np.where(temperature < 0, 1.0, 2.0), True,
                         class_table=FREEZE_THAW, units="class")])
    yield p
    p.deleteLater()


def svg_texts(path):
    root = ElementTree.parse(path).getroot()  # raises on malformed XML
    assert root.tag == SVG + "svg"
    return root, ["".join(element.itertext()).strip() for element in root.iter(SVG + "text")]


def test_svg_is_xml_with_the_title_and_axis_titles(panel, tmp_path):
    from cryo_qgis_plugin.gui.plot_export import ExportOptions

    path = str(tmp_path / "plot.svg")
    panel.export(path, ExportOptions("svg", 1000, 600, 96, "Ground & snow <2011>"))
    root, texts = svg_texts(path)
    assert root.get("viewBox") == "0 0 1000 600"
    assert "Ground & snow <2011>" in texts and "Value (°C)" in texts and "Date" in texts
    assert "Frozen" in texts and "Thawed" in texts  # the class axis on the right
    assert any(text.startswith("gst 78.2172") for text in texts)  # the legend
    assert os.listdir(str(tmp_path)) == ["plot.svg"]  # no temporary file left
    # the on-screen plot gets back its size and has no title
    item = panel.plot.getPlotItem()
    assert not item.titleLabel.isVisible() and abs(item.width() - panel.plot.width()) < 1


def test_pdf_has_the_page_size_and_title(panel, tmp_path):
    from cryo_qgis_plugin.gui.plot_export import ExportOptions

    path = str(tmp_path / "plot.pdf")
    panel.export(path, ExportOptions("pdf", 180, 110, 300, "Freeze/thaw and GST"))
    with open(path, "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    gdal.SetConfigOption("GDAL_PDF_DPI", "96")
    try:
        ds = gdal.Open(path)  # GDAL's PDF driver renders the page: its size in pixels at 96 DPI
        assert (ds.RasterXSize, ds.RasterYSize) == (round(180 / 25.4 * 96), round(110 / 25.4 * 96))
        assert ds.GetMetadataItem("TITLE") == "Freeze/thaw and GST"
        page = ds.ReadAsArray()
    finally:
        gdal.SetConfigOption("GDAL_PDF_DPI", None)
    dark = page[:3].max(axis=0) < 100
    assert dark.mean() > 0.002  # text and axes, not a blank page


def test_png_has_the_pixel_size_and_dpi(panel, tmp_path):
    from qgis.PyQt.QtGui import QImage

    from cryo_qgis_plugin.gui.plot_export import ExportOptions

    path = str(tmp_path / "plot.png")
    panel.export(path, ExportOptions("png", 1234, 777, 200, "t"))
    image = QImage(path)
    assert (image.width(), image.height()) == (1234, 777)
    assert image.dotsPerMeterX() == image.dotsPerMeterY() == round(200 / 0.0254)
    grey = np.array([[QImage.pixel(image, x, y) & 0xFF for x in range(0, 1234, 7)] for y in range(0, 777, 7)])
    assert (grey < 100).mean() > 0.002 and (grey == 255).mean() > 0.5  # drawn on a white page
    assert panel.export_png(str(tmp_path / "screen.png")) and QImage(str(tmp_path / "screen.png")).width() == \
        panel.plot.width()


def test_a_failed_export_leaves_nothing(panel, tmp_path):
    from cryo_qgis_plugin.gui.plot_export import ExportOptions

    with pytest.raises(ValueError):
        panel.export(str(tmp_path / "x.png"), ExportOptions("tiff", 100, 100))
    with pytest.raises(OSError):
        panel.export(str(tmp_path / "missing" / "x.png"), ExportOptions("png", 100, 100))
    assert os.listdir(str(tmp_path)) == []


@pytest.mark.parametrize("names, title", [
    (["gst 78.2172° N (col 3, row 4)", "gst 78.3000° N (col 9, row 2)"], "gst"),
    (["ice: North", "ice: South"], "ice"),
    (["Model (col 3, row 2)"], "Model (col 3, row 2)"),
    (["codes (col 5, row 4)", "codes (col 16, row 8)"], "codes"),
    (["abc", "abd"], ""), (["temperature", "ice"], ""), ([], "")])
def test_default_title_is_the_common_part_of_the_names(names, title):
    from cryo_qgis_plugin.gui.plot_export import common_title

    assert common_title(names) == title


def test_export_dialog(panel, tmp_path):
    from cryo_qgis_plugin.gui.plot_export_dialog import PlotExportDialog

    dialog = PlotExportDialog(panel)
    assert dialog.title.text() == ""  # the three names share nothing
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.width.suffix().strip() == "mm" and dialog.width.value() == 180 and not dialog.dpi.isEnabled()
    assert not dialog.save() and "Choose the file" in dialog.message.text()  # no file yet
    dialog.file.setFilePath(str(tmp_path / "figure"))
    dialog.title.setText("Station 4")
    assert dialog.save()
    assert os.path.isfile(str(tmp_path / "figure.pdf"))
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert dialog.file.filePath().endswith("figure.png") and dialog.width.suffix().strip() == "px"
    assert dialog.options().fmt == "png" and dialog.dpi.isEnabled()
