"""The freeze/thaw import dialog and the source summary behind it (offscreen)."""
import datetime as dt
import os
import re
import shutil
import time

import h5py
import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.codes import FREEZE_THAW
from samples.sampledata import write_freeze_thaw_folder
from cryo_qgis_plugin.core.io.source_summary import DatasetInfo, SourceSummary, thumbnail_codes

FIRST, LAST = dt.date(2006, 1, 10), dt.date(2006, 1, 17)
MISSING = (dt.date(2006, 1, 12), dt.date(2006, 1, 14), dt.date(2006, 1, 15))


@pytest.fixture(scope="module")
def sample_folder(tmp_path_factory):
    """Eight days of the global 0.25° sample product (AMSR_YYYYMMDD_FT_25.h5, dataset FT)."""
    folder = str(tmp_path_factory.mktemp("sample") / "freezethaw")
    write_freeze_thaw_folder(folder, FIRST, LAST)
    return folder


@pytest.fixture(scope="module")
def gappy_folder(sample_folder, tmp_path_factory):
    """The sample without the files of MISSING."""
    folder = str(tmp_path_factory.mktemp("gappy") / "freezethaw")
    shutil.copytree(sample_folder, folder)
    for day in MISSING:
        os.remove(os.path.join(folder, "AMSR_{:%Y%m%d}_FT_25.h5".format(day)))
    return folder


def dates_of_names(folder):
    """The dates of the files, parsed here from their names."""
    return sorted(dt.datetime.strptime(re.search(r"_(\d{8})_", name).group(1), "%Y%m%d").date()
                  for name in os.listdir(folder))


def codes_of(folder, day):
    with h5py.File(os.path.join(folder, "AMSR_{:%Y%m%d}_FT_25.h5".format(day)), "r") as h5:
        return h5["FT"][...]


def small_folder(folder, dtype=np.uint8):
    """Three daily 6 x 8 grids (not the global grid): code (row + col + day) % 3."""
    os.makedirs(folder)
    rows, cols = np.indices((6, 8))
    for i in range(3):
        with h5py.File(os.path.join(folder, "FT_2010010{}.h5".format(i + 1)), "w") as h5:
            h5.create_dataset("FT", data=((rows + cols + i) % 3).astype(dtype))
    return folder


# ------------------------------------------------------------------------------------------ core summary

def test_summary_of_sample_folder(sample_folder, gappy_folder):
    with SourceSummary(sample_folder) as summary:
        assert summary.problem is None
        assert summary.datasets == [DatasetInfo("/FT", (720, 1440), "uint8", True)]
        assert summary.dataset == summary.default_dataset == "/FT"
        assert summary.dates == dates_of_names(sample_folder)
        assert (len(summary.dates), summary.dates[0], summary.dates[-1]) == (8, FIRST, LAST)
        assert summary.gaps == [] and summary.missing_days == 0
        assert summary.grid_shape == (720, 1440)
        np.testing.assert_array_equal(summary.day(3), codes_of(sample_folder, FIRST + dt.timedelta(days=3)))
    with SourceSummary(gappy_folder) as summary:
        present = dates_of_names(gappy_folder)
        every_day = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
        assert summary.dates == present == [d for d in every_day if d not in MISSING]
        assert summary.gaps == [(MISSING[0], MISSING[0]), (MISSING[1], MISSING[2])]
        assert summary.missing_days == 3


def test_summary_of_single_file_needs_a_start_date(tmp_path):
    path = str(tmp_path / "tibet_ft.h5")
    with h5py.File(path, "w") as h5:
        h5.create_dataset("Geolocation/lat", data=np.linspace(40, 25, 6))
        h5.create_dataset("Data/FT", data=np.ones((4, 6, 8), np.uint8))
        h5.create_dataset("Data/QA", data=np.zeros((4, 6, 8), np.uint16))
    with SourceSummary(path) as summary:
        assert [(d.name, d.shape, d.dtype, d.is_grid) for d in summary.datasets] == [
            ("/Data/FT", (4, 6, 8), "uint8", True), ("/Data/QA", (4, 6, 8), "uint16", True),
            ("/Geolocation/lat", (6,), "float64", False)]
        assert summary.default_dataset is None and "several grids" in summary.problem
        assert summary.dates == [] and not summary.needs_start_date  # choosing the dataset comes first
    with SourceSummary(path, "/Data/FT") as summary:
        assert summary.needs_start_date and "START_DATE" in summary.problem and summary.dates == []
    with SourceSummary(path, "/Data/FT", dt.date(2010, 12, 30)) as summary:
        assert summary.problem is None and summary.dates[-1] == dt.date(2011, 1, 2) and summary.gaps == []


def test_thumbnail_codes_keep_whole_cells():
    codes = np.arange(48).reshape(6, 8)
    big = thumbnail_codes(codes, 240, 480)
    assert big.shape == (240, 320) and big[39, 39] == codes[0, 0] and big[40, 279] == codes[1, 6]
    small = thumbnail_codes(np.arange(720 * 1440).reshape(720, 1440), 240, 480)
    assert small.shape == (240, 480) and small[10, 20] == 30 * 1440 + 60


# ----------------------------------------------------------------------------------------------- dialog

@pytest.fixture
def dialog(qgis_app):
    from cryo_qgis_plugin.gui.import_dialog import FreezeThawImportDialog

    widget = FreezeThawImportDialog()
    yield widget
    wait_until_done(qgis_app, widget)
    widget.close()
    widget.deleteLater()
    qgis_app.processEvents()


def wait_until_done(app, dialog, timeout=120.0):
    stop = time.monotonic() + timeout
    while dialog.is_running and time.monotonic() < stop:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    assert not dialog.is_running, "the decoding did not finish within {} s".format(timeout)


def messages(dialog):
    return [item.text() for item in dialog.message_bar.items()]


def test_dialog_lists_datasets_and_dates(dialog, sample_folder, gappy_folder):
    dialog.set_source(sample_folder)
    tree = dialog.dataset_tree
    assert tree.topLevelItemCount() == 1
    item = tree.topLevelItem(0)
    assert [item.text(i) for i in range(3)] == ["FT", "720 × 1440", "uint8"]
    assert tree.currentItem() is item
    text = dialog.dates_label.text()
    assert "<b>8</b> dates" in text and str(FIRST) in text and str(LAST) in text and "No missing days" in text
    assert dialog.period_start.date().toPyDate() == FIRST and dialog.period_end.date().toPyDate() == LAST
    assert dialog.day_slider.maximum() == 7
    assert dialog.decode_button.isEnabled()
    assert dialog.output_widget.filePath().endswith("freezethaw_decoded.tif")
    dialog.set_source(gappy_folder)
    text = dialog.dates_label.text()
    assert "<b>5</b> dates" in text and "<b>3</b> missing day(s) in 2 gap(s)" in text
    assert "2006-01-12; 2006-01-14&nbsp;…&nbsp;2006-01-15" in text
    assert dialog.day_slider.maximum() == 4


def test_dialog_single_file_groups_and_start_date(dialog, tmp_path):
    path = str(tmp_path / "tibet_ft.h5")
    with h5py.File(path, "w") as h5:
        h5.create_dataset("Data/FT", data=np.full((3, 6, 8), 2, np.uint8))
        h5.create_dataset("Data/Other", data=np.zeros((3, 6, 8), np.uint8))
    dialog.set_source(path)
    group = dialog.dataset_tree.topLevelItem(0)
    assert group.text(0) == "Data/" and [group.child(i).text(0) for i in range(2)] == ["FT", "Other"]
    assert "select the grid" in dialog.datasets_label.text() and "several grids" in dialog.dates_label.text()
    assert not dialog.decode_button.isEnabled()
    dialog.dataset_tree.setCurrentItem(group.child(0))
    assert dialog.summary.dataset == "/Data/FT"
    assert "No dates found" in dialog.dates_label.text() and dialog.start_row.isVisibleTo(dialog)
    dialog.start_edit.setDate(dt.date(2012, 3, 1))
    dialog.start_check.setChecked(True)
    assert "<b>3</b> dates, 2012-03-01 … 2012-03-03" in dialog.dates_label.text()
    # 6 x 8 is not the global grid: the preset is refused until a custom extent is given
    assert "not the 720 × 1440" in dialog.grid_label.text() and not dialog.decode_button.isEnabled()
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.count() - 1)
    dialog.set_extent((0.0, 30.0, 8.0, 36.0))
    assert dialog.decode_button.isEnabled()
    parameters = dialog.decode_parameters()
    assert parameters["DATASET"] == "/Data/FT" and parameters["START_DATE"] == "2012-03-01"
    assert parameters["EXTENT"] == "0.0,8.0,30.0,36.0" and parameters["CRS"].authid() == "EPSG:4326"


def test_thumbnail_shows_class_colours(dialog, sample_folder):
    from qgis.PyQt.QtGui import QColor

    day = FIRST + dt.timedelta(days=2)
    dialog.set_source(sample_folder)
    dialog.set_day(day)
    assert dialog.day_label.text().startswith(str(day))
    image = dialog.thumbnail_image()
    assert (image.width(), image.height()) == (480, 240)  # every 3rd cell of the 1440 x 720 grid
    codes = codes_of(sample_folder, day)
    colour_of = {code.value: code.color for code in FREEZE_THAW}
    seen = set()
    for y in range(0, 240, 7):
        for x in range(0, 480, 5):
            code = int(codes[3 * y, 3 * x])
            assert QColor(image.pixel(x, y)).getRgb()[:3] == colour_of[code], (x, y, code)
            seen.add(code)
    assert {0, 1, 2, 15} <= seen


def test_decode_button_runs_and_loads_styled_layer(qgis_app, dialog, sample_folder, tmp_path):
    from qgis.core import QgsProject

    out = str(tmp_path / "decoded.tif")
    dialog.set_source(sample_folder)
    dialog.output_widget.setFilePath(out)
    dialog.period_start.setDate(dt.date(2006, 1, 11))
    dialog.period_end.setDate(dt.date(2006, 1, 13))
    dialog.decode_button.click()
    assert dialog.is_running and dialog.cancel_button.isEnabled() and not dialog.decode_button.isEnabled()
    wait_until_done(qgis_app, dialog)
    assert dialog.progress_bar.value() == 100
    assert "Decoded 3 dates (2006-01-11 … 2006-01-13)" in dialog.result_label.text()
    assert "0 pixel-days with unknown codes" in dialog.result_label.text()
    ds = gdal.Open(out)
    assert ds.RasterCount == 3 and ds.GetRasterBand(2).GetDescription() == "2006-01-12"
    band = ds.GetRasterBand(2).ReadAsArray()
    ds = None
    expected = codes_of(sample_folder, dt.date(2006, 1, 12))
    for row, col in ((0, 0), (100, 700), (360, 720), (500, 1000), (719, 1439)):
        assert band[row, col] == expected[row, col]
    np.testing.assert_array_equal(band, expected)
    assert os.path.exists(str(tmp_path / "decoded_areas.csv"))
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if layer.source() == out]
    try:
        assert len(layers) == 1 and layers[0].renderer().type() == "paletted"
        assert {c.value: c.label for c in layers[0].renderer().classes()}[1] == "Frozen"
    finally:
        QgsProject.instance().removeMapLayers([layer.id() for layer in layers])


def test_decode_on_custom_grid_without_table(qgis_app, dialog, tmp_path):
    from qgis.core import QgsProject

    folder = small_folder(str(tmp_path / "small"))
    out = str(tmp_path / "small.tif")
    dialog.set_source(folder)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.count() - 1)
    dialog.set_extent((0.0, 30.0, 8.0, 36.0))
    dialog.table_check.setChecked(False)
    dialog.output_widget.setFilePath(out)
    dialog.decode()
    wait_until_done(qgis_app, dialog)
    ds = gdal.Open(out)
    assert ds.RasterCount == 3 and ds.GetGeoTransform() == (0.0, 1.0, 0.0, 36.0, 0.0, -1.0)
    assert ds.GetRasterBand(3).ReadAsArray()[5, 7] == (5 + 7 + 2) % 3
    ds = None
    assert not os.path.exists(str(tmp_path / "small_areas.csv"))
    QgsProject.instance().removeMapLayers([layer.id() for layer in QgsProject.instance().mapLayers().values()
                                           if layer.source() == out])


def test_algorithm_errors_are_shown_not_raised(qgis_app, dialog, tmp_path):
    folder = small_folder(str(tmp_path / "float"), dtype=np.float32)
    dialog.set_source(folder)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.count() - 1)
    dialog.set_extent((0.0, 30.0, 8.0, 36.0))
    dialog.output_widget.setFilePath(str(tmp_path / "float.tif"))
    dialog.decode()
    wait_until_done(qgis_app, dialog)
    assert any("float32 values, not freeze/thaw class codes" in text for text in messages(dialog))
    assert dialog.result_label.text() == "" and dialog.decode_button.isEnabled()
    assert not os.path.exists(str(tmp_path / "float.tif"))


def test_cancel_stops_the_run(qgis_app, dialog, sample_folder, tmp_path):
    out = str(tmp_path / "cancelled.tif")
    dialog.set_source(sample_folder)
    dialog.output_widget.setFilePath(out)
    dialog.decode()
    dialog.cancel_button.click()
    wait_until_done(qgis_app, dialog)
    assert any(text.startswith("Cancelled") for text in messages(dialog))
    assert not os.path.exists(out) and dialog.result_label.text() == ""


def test_dialog_shows_the_detected_product_and_its_legend(dialog, sample_folder):
    from conftest import ROOT

    dialog.set_source(sample_folder)
    assert "amsr_tpdc" in dialog.product_label.text() and dialog.decode_parameters()["PRODUCT"] == "amsr_tpdc"
    smap = os.path.join(ROOT, "tests", "data", "real_products", "smap", "SMAP_L3_FT_P_fill_uint_input.tif")
    dialog.set_source(smap)
    assert "smap_l3ft" in dialog.product_label.text() and "SMAP_L3_FT_P_fill" in dialog.product_label.text()
    legend = [dialog.legend.itemAt(i).widget().text() for i in range(dialog.legend.count())]
    assert "No retrieval (fill)" in legend and "Precipitation" not in legend
    assert dialog.decode_parameters()["PRODUCT"] == "smap_l3ft"
