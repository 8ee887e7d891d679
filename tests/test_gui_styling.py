"""Styling from the shared class tables: "Style as…" gives a raster the table's palette and legend, and a
decoded output loads with its sidecar style (the same colours)."""
import numpy as np

from cryo_qgis_plugin.core.codes import FREEZE_THAW, PERMAFROST_ZONES, TABLES
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid


def write_codes(path, table):
    grid = Grid.from_extent(0.0, 0.0, 4.0, 2.0, 4, 2, "EPSG:4326")
    with GeoTiffWriter(path, grid, ["2010-01-01", "2010-01-02"], np.uint8, nodata=255, class_table=table) as out:
        out.write(0, np.array([[[1, 2, 3, 15], [0, 1, 2, 3]]] * 2, dtype=np.uint8))


def test_style_as_applies_any_class_table(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer

    from cryo_qgis_plugin.gui.styling import style_as

    path = str(tmp_path / "codes.tif")
    write_codes(path, None)
    layer = QgsRasterLayer(path, "codes")
    assert sorted(TABLES) == ["freeze_thaw", "nsidc0477", "permafrost_classes", "permafrost_zones", "smap_l3ft",
                              "snow_cover"]
    for table in (FREEZE_THAW, PERMAFROST_ZONES):
        style_as(layer, table, band=2)
        renderer = layer.renderer()
        assert renderer.type() == "paletted" and renderer.band() == 2
        assert [(c.value, c.color.name(), c.label) for c in renderer.classes()] == \
            [(c.value, c.hex_color, c.label) for c in table]
        assert [label for label, _ in renderer.legendSymbologyItems()] == [c.label for c in table]


def test_decoded_stack_loads_with_the_table_colours(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer

    path = str(tmp_path / "decoded.tif")
    write_codes(path, FREEZE_THAW)
    layer = QgsRasterLayer(path, "decoded")  # QGIS loads the .qml beside the file as the default style
    renderer = layer.renderer()
    assert renderer.type() == "paletted"
    assert {c.value: (c.color.name(), c.label) for c in renderer.classes()} == \
        {c.value: (c.hex_color, c.label) for c in FREEZE_THAW}


def test_every_class_label_is_listed_for_translation_and_translated(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer

    from cryo_qgis_plugin.class_labels import LABELS
    from cryo_qgis_plugin.gui.styling import style_as
    from cryo_qgis_plugin.translation import install_translator, remove_translator

    assert {c.label for table in TABLES.values() for c in table} == set(LABELS) and len(set(LABELS)) == len(LABELS)
    path = str(tmp_path / "codes.tif")
    write_codes(path, None)
    layer = QgsRasterLayer(path, "codes")
    assert install_translator("zh_CN") is not None
    try:
        style_as(layer, PERMAFROST_ZONES)
        labels = [c.label for c in layer.renderer().classes()]
    finally:
        remove_translator()
    assert labels[0] == "连续（p > 0.9）" and labels[-1] == "无多年冻土（p = 0）"
