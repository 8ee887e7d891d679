"""How outputs open when Processing loads them: the daily-areas CSV as a table with typed columns (``.csvt``), class
legends in the user's language, lake polygons and signed point values styled. Loading is done as Processing's
``handleAlgorithmResults`` does it: each layer to load read with ``mapLayerFromString``, then its post-processor."""
import csv
import datetime as dt

import numpy as np

from test_processing_freezethaw import SMALL_EXTENT, small_season_folder
from test_processing_lakeice import stack_and_lakes


def run_and_load(algorithm_id, parameters, loaded):
    """Run with the outputs named in ``loaded`` to be opened in the project (as the dialog asks), then open every
    layer the run asks to load and post-process it; ``(results, {path: layer})``."""
    from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingFeedback,
                           QgsProcessingOutputLayerDefinition, QgsProcessingUtils, QgsProject)

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    parameters = dict(parameters, **{name: QgsProcessingOutputLayerDefinition(parameters[name], QgsProject.instance())
                                     for name in loaded})
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    results, ok = algorithm.run(parameters, context, feedback)
    assert ok, results
    layers = {}
    for path, details in context.layersToLoadOnCompletion().items():
        layer = QgsProcessingUtils.mapLayerFromString(path, context, typeHint=details.layerTypeHint)
        assert layer is not None and layer.isValid(), path
        layer = context.temporaryLayerStore().takeMapLayer(layer)  # the caller owns it, as the project would
        details.setOutputLayerName(layer)
        if details.postProcessor():
            details.postProcessor().postProcessLayer(layer, context, feedback)
        layers[path] = layer
    return results, layers


def test_column_types_of_a_table():
    from cryo_qgis_plugin.core.io.csv_types import column_type

    assert column_type(["2006-01-01", "", "2006-01-02"]) == "Date"
    assert column_type(["1", "-2", ""]) == "Integer"
    assert column_type(["1", "2.5", "1e3"]) == "Real"
    assert column_type(["1", "A"]) == "String" and column_type(["", ""]) == "String"
    assert column_type(["3000000000"]) == "Real"  # beyond a 32-bit integer


def test_decoded_areas_open_as_a_typed_table_and_the_legend_in_chinese(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QDate

    from cryo_qgis_plugin.translation import install_translator, remove_translator

    daily = small_season_folder(str(tmp_path / "daily"), dt.date(2005, 12, 28), dt.date(2006, 1, 6))
    table, stack = str(tmp_path / "areas.csv"), str(tmp_path / "ft.tif")
    assert install_translator("zh_CN") is not None
    try:
        _, layers = run_and_load("cryo:decodefreezethaw", {"INPUT": daily, "EXTENT": SMALL_EXTENT, "OUTPUT": stack,
                                                           "OUTPUT_TABLE": table}, ["OUTPUT"])
    finally:
        remove_translator()
    assert set(layers) == {stack, table}
    areas = layers[table]
    assert isinstance(areas, QgsVectorLayer) and not areas.isSpatial()
    with open(table, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert areas.featureCount() == len(rows) == 10
    assert areas.fields().field("date").typeName().lower() == "date"
    numeric = [f.name() for f in areas.fields() if f.isNumeric()]
    assert set(numeric) == set(rows[0]) - {"date"}
    first = next(areas.getFeatures())
    assert first["date"] == QDate(2005, 12, 28)
    assert all(abs(first[name] - float(rows[0][name] or "nan")) < 1e-9 for name in numeric if rows[0][name])
    labels = {c.value: c.label for c in layers[stack].renderer().classes()}
    assert labels[1] == "冻结" and labels[2] == "融化"  # Frozen, Thawed in zh_CN.ts


def test_lake_polygons_are_shaded_by_ice_duration(qgis_app, tmp_path):
    from osgeo import ogr

    stack, lakes = stack_and_lakes(tmp_path)
    polygons = str(tmp_path / "lakes_out.gpkg")
    _, layers = run_and_load("cryo:lakeicephenology", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name",
                                                       "OUTPUT": str(tmp_path / "phenology.csv"),
                                                       "OUTPUT_LAKES": polygons}, ["OUTPUT_LAKES"])
    renderer = layers[polygons].renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "icd_2005"
    vector = ogr.Open(polygons)
    icd = [f.GetField("icd_2005") for f in vector.GetLayer()]
    ranges = renderer.ranges()
    assert len(ranges) == 5
    assert ranges[0].lowerValue() == min(icd) and ranges[-1].upperValue() == max(icd)


def test_signed_points_are_centred_on_zero(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    from cryo_qgis_plugin.qgis_io.vector_styles import RED_BLUE, style_signed_points

    values = np.r_[np.linspace(-20.0, 5.0, 99), 300.0]  # one outlier far up
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=velocity_mm_yr:double", "points", "memory")
    features = []
    for i, value in enumerate(values):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(i, 0)))
        feature.setAttributes([float(value)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    style_signed_points(layer, "velocity_mm_yr")
    ranges = layer.renderer().ranges()
    reach = np.percentile(np.abs(values), 98)
    middle = ranges[len(ranges) // 2]
    assert abs(middle.lowerValue() + middle.upperValue()) < 1e-9 and middle.lowerValue() < 0
    edges = np.linspace(-reach, reach, len(RED_BLUE) + 1)  # symmetric limits; the outer ones reach the extremes
    assert np.allclose([r.lowerValue() for r in ranges[1:]], edges[1:-1])
    assert ranges[0].lowerValue() == values.min() and ranges[-1].upperValue() == values.max()
    assert [r.symbol().color().name() for r in ranges] == list(RED_BLUE)


def test_a_stack_added_by_hand_shows_its_legend_in_the_user_language(qgis_app, tmp_path):
    """A decoded stack with its English .qml sidecar, added to the project as a user would: in Chinese its class
    labels read 冻结/融化 (the .qml on disk stays English), and after unload nothing is translated any more."""
    from qgis.core import QgsProject, QgsRasterLayer

    from cryo_qgis_plugin.core.codes import FREEZE_THAW
    from cryo_qgis_plugin.qgis_io.translated_legend import TranslatedLegends
    from cryo_qgis_plugin.translation import install_translator, remove_translator
    from test_gui_styling import write_codes

    path = str(tmp_path / "codes.tif")
    write_codes(path, FREEZE_THAW)
    hook = TranslatedLegends()
    assert install_translator("zh_CN") is not None
    try:
        layer = QgsRasterLayer(path, "codes")
        assert {c.value: c.label for c in layer.renderer().classes()}[1] == "Frozen"  # the .qml as written
        QgsProject.instance().addMapLayer(layer)
        labels = {c.value: c.label for c in layer.renderer().classes()}
        assert labels[1] == "冻结" and labels[2] == "融化"
        hook.unload()
        other = QgsRasterLayer(path, "again")
        QgsProject.instance().addMapLayer(other)
        assert {c.value: c.label for c in other.renderer().classes()}[1] == "Frozen"
    finally:
        remove_translator()
        QgsProject.instance().removeAllMapLayers()
    with open(path[:-4] + ".qml", encoding="utf-8") as fh:
        assert "Frozen" in fh.read()
