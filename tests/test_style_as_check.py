"""'Style as…' reads the raster's values before applying a class table and warns, with the unknown values and their
cells, when some are not codes of the table (the style is applied anyway)."""
import numpy as np

from cryo_qgis_plugin.core.codes import FREEZE_THAW
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid


def write_band(path, data, nodata=255):
    grid = Grid.from_extent(0.0, 0.0, float(data.shape[1]), float(data.shape[0]), data.shape[1], data.shape[0],
                            "EPSG:4326")
    with GeoTiffWriter(path, grid, ["2010-01-01"], np.uint8, nodata=nodata) as out:
        out.write(0, data[np.newaxis].astype(np.uint8))


class Recorder:
    """The parts of ``iface`` that ``style_active_layer`` uses, recording the message-bar warnings."""

    def __init__(self, layer):
        self.layer = layer
        self.warnings = []

    def activeLayer(self):  # noqa: N802 (QGIS API)
        return self.layer

    def messageBar(self):  # noqa: N802 (QGIS API)
        return self

    def pushWarning(self, title, text):  # noqa: N802 (QGIS API)
        self.warnings.append(text)

    def layerTreeView(self):  # noqa: N802 (QGIS API)
        return self

    def refreshLayerSymbology(self, layer_id):  # noqa: N802 (QGIS API)
        pass


def test_unknown_codes_are_reported_with_their_cells(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer

    from cryo_qgis_plugin.plugin import CryoPlugin

    data = np.tile(np.array([1, 2, 3, 15], dtype=np.uint8), (30, 10))  # 30 x 40, all codes of the table
    data[0, :7] = 7
    data[5, :3] = 42
    data[6, :5] = 255  # nodata: not a value
    path = str(tmp_path / "codes.tif")
    write_band(path, data)
    layer = QgsRasterLayer(path, "codes")
    recorder = Recorder(layer)
    plugin = CryoPlugin.__new__(CryoPlugin)
    plugin.iface = recorder
    plugin.style_active_layer(FREEZE_THAW)
    assert layer.renderer().type() == "paletted"  # applied anyway
    assert len(recorder.warnings) == 1
    text = recorder.warnings[0]
    assert "codes: 10 cells hold values" in text and "7 (7), 42 (3)" in text and "255" not in text

    clean = str(tmp_path / "clean.tif")
    write_band(clean, np.where(data == 255, 255, np.where(np.isin(data, [7, 42]), 1, data)))
    recorder = Recorder(QgsRasterLayer(clean, "clean"))
    plugin.iface = recorder
    plugin.style_active_layer(FREEZE_THAW)
    assert recorder.warnings == []


def test_a_large_raster_is_sampled_and_the_counts_estimated(tmp_path):
    from cryo_qgis_plugin.core.io.value_counts import band_value_counts

    rows, cols = np.indices((600, 800))
    data = np.where(cols < 200, 7, 1).astype(np.uint8)  # a quarter of the cells hold 7
    path = str(tmp_path / "large.tif")
    write_band(path, data)
    exact = band_value_counts(path)
    assert not exact.sampled and dict(zip(exact.values, exact.cells)) == {1: 360000, 7: 120000}
    sampled = band_value_counts(path, max_cells=10000)
    assert sampled.sampled and list(sampled.values) == [1, 7]
    assert abs(sampled.cells[1] - 120000) < 0.02 * 120000 and sampled.cells.sum() == 480000
