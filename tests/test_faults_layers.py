"""Trust under mistakes (issue #15): a vector layer whose CRS is wrong is refused with a clear message instead of
being burnt into the wrong cells; a cancel stops map accuracy and trend within about a second and leaves nothing;
map accuracy takes its vector reference through a vector-only parameter; the stack algorithms take a folder
through INPUT_FOLDER (and still through INPUT)."""
import os
import threading
import time

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from samples import permafrost as sample
from samples.sampledata import ellipse_wkt, write_freeze_thaw_folder
from test_processing_freezethaw import run

UTM = "EPSG:32645"
WGS84_MESSAGE = r"outside the area of use of EPSG:4326 \(−180\.\.180, −90\.\.90\)"
FIX = "set the right CRS (Layer properties > Source)"


def _srs(code):
    srs = osr.SpatialReference()
    srs.SetFromUserInput(code)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _raster(path, array, dtype=gdal.GDT_Float32, nodata=-9999.0, cell=sample.CELL, descriptions=None):
    height, width = array.shape[-2:]
    bands = array.shape[0] if array.ndim == 3 else 1
    ds = gdal.GetDriverByName("GTiff").Create(str(path), width, height, bands, dtype,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "INTERLEAVE=BAND"])
    ds.SetGeoTransform((sample.X0, cell, 0.0, sample.Y0, 0.0, -cell))
    ds.SetProjection(_srs(UTM).ExportToWkt())
    for b in range(bands):
        band = ds.GetRasterBand(b + 1)
        band.SetNoDataValue(nodata)
        band.WriteArray(array[b] if array.ndim == 3 else array)
        if descriptions:
            band.SetDescription(descriptions[b])
    ds = None
    return str(path)


def _vector(path, driver, code, wkts, classes=None, kind=ogr.wkbPolygon):
    """A layer of ``wkts`` whose declared CRS is ``code`` (None: none, as GeoJSON without a crs member)."""
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer("layer", _srs(code) if code else None, kind)
    layer.CreateField(ogr.FieldDefn("pf", ogr.OFTInteger))
    for i, wkt in enumerate(wkts):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        feature.SetField("pf", classes[i] if classes else 1)
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def _glacier_wkts():
    return [ellipse_wkt(sample.X0, sample.Y0, sample.CELL, 40, 43, 4, 2.5, points=49),
            ellipse_wkt(sample.X0, sample.Y0, sample.CELL, 12, 45, 3, 2, points=49)]


@pytest.fixture()
def indices(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    ones = np.ones((sample.HEIGHT, sample.WIDTH), np.float32)
    return _raster(folder / "ddf.tif", 2000 * ones), _raster(folder / "ddt.tif", 1000 * ones)


# ------------------------------------------------------------------------------------------ 1. wrong CRS

def test_ttop_refuses_glaciers_whose_utm_coordinates_are_declared_as_degrees(qgis_app, indices, tmp_path):
    from qgis.core import QgsProcessingException

    ddf, ddt = indices
    wrong = _vector(tmp_path / "inputs" / "glaciers_wrong.gpkg", "GPKG", "EPSG:4326", _glacier_wkts())
    out = tmp_path / "out"
    out.mkdir()
    parameters = {"DDF": ddf, "DDT": ddt, "OUTPUT_TTOP": str(out / "ttop.tif"),
                  "OUTPUT_CLASSES": str(out / "classes.tif")}
    with pytest.raises(QgsProcessingException) as error:
        run("cryo:ttop", dict(parameters, GLACIERS=wrong))
    message = str(error.value)
    assert "Layer GLACIERS, feature 1: the coordinates (" in message
    assert pytest.approx(sample.X0, rel=0.2) == float(message.split("(")[1].split(",")[0])
    assert __import__("re").search(WGS84_MESSAGE, message) and FIX in message
    assert os.listdir(out) == []
    right = _vector(tmp_path / "inputs" / "glaciers.gpkg", "GPKG", UTM, _glacier_wkts())
    run("cryo:ttop", dict(parameters, GLACIERS=right))  # the same outlines with their true CRS
    classes = gdal.Open(str(out / "classes.tif")).ReadAsArray()
    assert 0 < np.sum(classes == 4) < 160


def test_map_accuracy_refuses_a_vector_reference_in_the_wrong_crs(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    classes = np.ones((sample.HEIGHT, sample.WIDTH), np.uint8)
    map_path = _raster(tmp_path / "map.tif", classes, gdal.GDT_Byte, 0)
    polygons = _vector(tmp_path / "reference.geojson", "GeoJSON", None, _glacier_wkts(), [1, 0])
    x, y = sample.X0 + 10500, sample.Y0 - 20500
    points = _vector(tmp_path / "points.geojson", "GeoJSON", None, ["POINT ({} {})".format(x, y)] * 2, [1, 1],
                     ogr.wkbPoint)
    table = tmp_path / "out" / "accuracy.csv"
    table.parent.mkdir()
    for parameters, layer, feature in (({"REFERENCE_VECTOR": polygons}, "REFERENCE_VECTOR", 0),
                                       ({"REFERENCE_VECTOR": points}, "REFERENCE_VECTOR", 0),
                                       ({"REFERENCE": polygons}, "REFERENCE", 0)):
        with pytest.raises(QgsProcessingException, match=WGS84_MESSAGE) as error:
            run("cryo:mapaccuracy", dict(parameters, INPUT=map_path, FIELD="pf", OUTPUT_TABLE=str(table)))
        assert str(error.value).startswith("Layer {}, feature ".format(layer)) and FIX in str(error.value)
    assert os.listdir(table.parent) == []


def test_a_failed_reprojection_names_the_layer_the_feature_and_both_crs():
    from cryo_qgis_plugin.core.errors import CryoInputError
    from cryo_qgis_plugin.core.io.crs_checks import LayerGeometries, geometries_in_crs
    from cryo_qgis_plugin.core.io.grid import Grid
    from cryo_qgis_plugin.core.io.rasterize import polygon_mask

    near = ogr.CreateGeometryFromWkt("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))").ExportToWkb()
    far_side = ogr.CreateGeometryFromWkt("POLYGON ((170 1, 171 1, 171 2, 170 2, 170 1))").ExportToWkb()
    ortho = _srs("+proj=ortho +lat_0=0 +lon_0=0 +datum=WGS84 +units=m").ExportToWkt()
    wgs84 = _srs("EPSG:4326").ExportToWkt()
    assert len(geometries_in_crs([near], wgs84, ortho)) == 1
    with pytest.raises(CryoInputError, match="Layer LAKES, feature 7: cannot be transformed from CRS EPSG:4326 "
                                             "to CRS"):
        geometries_in_crs(LayerGeometries([near, far_side], "LAKES", [3, 7]), wgs84, ortho)
    grid = Grid(10, 10, (0.0, 1000.0, 0.0, 0.0, 0.0, -1000.0), ortho)
    with pytest.raises(CryoInputError, match="Layer polygons, feature 2: cannot be transformed"):
        polygon_mask(grid, [near, far_side], wgs84)
    utm_in_degrees = ogr.CreateGeometryFromWkt("POINT (500000 8700000)").ExportToWkb()
    with pytest.raises(CryoInputError, match=r"Layer GLACIERS, feature 1: the coordinates \(500000, 8700000\) lie "
                                             r"outside the area of use of EPSG:4326"):
        geometries_in_crs(LayerGeometries([utm_in_degrees], "GLACIERS"), wgs84, _srs(UTM).ExportToWkt())


# ---------------------------------------------------------------------------------- 3. vector reference

def test_map_accuracy_takes_exactly_one_reference_and_the_vector_one_as_before(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    rng = np.random.default_rng(4)
    survey = (rng.random((sample.HEIGHT, sample.WIDTH)) < 0.5).astype(np.uint8)
    classes = np.where(rng.random(survey.shape) < 0.8, survey, 1 - survey) + 1  # 1 = permafrost, 2 = not
    map_path = _raster(tmp_path / "map.tif", classes.astype(np.uint8), gdal.GDT_Byte, 0)
    reference = str(tmp_path / "reference.gpkg")
    sample._reference_polygons(reference, survey)
    common = {"INPUT": map_path, "FIELD": "pf", "CLASSES": "1:1;2:0", "REFERENCE_CLASSES": "1:1;0:0"}
    results = [run("cryo:mapaccuracy", dict(common, OUTPUT_TABLE=str(tmp_path / "a{}.csv".format(i)), **reference))
               for i, reference in enumerate(({"REFERENCE": reference}, {"REFERENCE_VECTOR": reference},
                                              {"REFERENCE": QgsVectorLayer(reference, "ref", "ogr")}))]
    expected = np.mean((classes == 1) == (survey == 1))
    for result in results:
        assert result["N"] == survey.size and result["OVERALL_ACCURACY"] == pytest.approx(expected)
    with pytest.raises(QgsProcessingException, match="Give one reference.*none is given"):
        run("cryo:mapaccuracy", dict(common, OUTPUT_TABLE=str(tmp_path / "x.csv")))
    with pytest.raises(QgsProcessingException, match="Give one reference.*both are given"):
        run("cryo:mapaccuracy", dict(common, REFERENCE=map_path, REFERENCE_VECTOR=reference,
                                     OUTPUT_TABLE=str(tmp_path / "x.csv")))
    assert not os.path.exists(tmp_path / "x.csv")


def test_no_field_parameter_is_tied_to_a_layer_parameter_that_may_be_a_raster(qgis_app):
    """Such a field widget crashes QGIS 3.22 when the layer is a raster (the Map accuracy dialog did)."""
    from qgis.core import QgsApplication, QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer

    for algorithm in QgsApplication.processingRegistry().providerById("cryo").algorithms():
        for parameter in algorithm.parameterDefinitions():
            if parameter.type() == "field":
                parent = algorithm.parameterDefinition(parameter.parentLayerParameterName())
                assert isinstance(parent, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)), \
                    (algorithm.id(), parameter.name())


# ---------------------------------------------------------------------------------------- 4. folders

def test_stack_algorithms_take_a_folder_as_input_folder_or_input(qgis_app, tmp_path):
    import datetime as dt

    from qgis.core import QgsApplication, QgsProcessingException

    folder = str(tmp_path / "daily")
    write_freeze_thaw_folder(folder, dt.date(2005, 10, 1), dt.date(2005, 10, 12))
    by_folder = run("cryo:decodefreezethaw", {"INPUT_FOLDER": folder, "OUTPUT": str(tmp_path / "a.tif")})
    by_input = run("cryo:decodefreezethaw", {"INPUT": folder, "OUTPUT": str(tmp_path / "b.tif")})
    assert by_folder["N_DATES"] == by_input["N_DATES"] == 12
    assert np.array_equal(gdal.Open(str(tmp_path / "a.tif")).ReadAsArray(),
                          gdal.Open(str(tmp_path / "b.tif")).ReadAsArray())
    with pytest.raises(QgsProcessingException, match="No input: give the daily grids"):
        run("cryo:decodefreezethaw", {"OUTPUT": str(tmp_path / "c.tif")})
    with pytest.raises(QgsProcessingException, match="INPUT and INPUT_FOLDER are both given"):
        run("cryo:decodefreezethaw", {"INPUT": folder, "INPUT_FOLDER": folder, "OUTPUT": str(tmp_path / "c.tif")})
    assert not os.path.exists(tmp_path / "c.tif")
    for algorithm in QgsApplication.processingRegistry().providerById("cryo").algorithms():
        names = [p.name() for p in algorithm.parameterDefinitions()]
        if "INPUT_FOLDER" in names:
            assert names.index("INPUT_FOLDER") == names.index("INPUT") + 1, algorithm.id()
            assert algorithm.parameterDefinition("INPUT_FOLDER").behavior() == 1  # folder


# ----------------------------------------------------------------------------------------- 2. cancel

def _cancel_after(algorithm, parameters, seconds, folder):
    """Run ``algorithm`` and cancel it ``seconds`` after it started: (message, seconds from cancel to stop)."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    cancelled_at = []

    def cancel():
        cancelled_at.append(time.monotonic())
        feedback.cancel()

    timer = threading.Timer(seconds, cancel)
    timer.start()
    try:
        with pytest.raises(QgsProcessingException) as error:
            run(algorithm, parameters, feedback)
    finally:
        timer.cancel()
    assert cancelled_at, "the run ended before the cancel: make the input bigger"
    stopped = time.monotonic() - cancelled_at[0]
    leftovers = [name for name in os.listdir(folder) if name.startswith(".") or "partial" in name]
    return str(error.value), stopped, leftovers


def test_a_cancel_stops_map_accuracy_within_a_second(qgis_app, tmp_path):
    size = 12000  # 144 million cells: several seconds
    out = tmp_path / "out"
    out.mkdir()
    ds = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "map.tif"), size, size, 1, gdal.GDT_Byte,
                                              ["TILED=YES", "COMPRESS=DEFLATE"])
    ds.SetGeoTransform((sample.X0, 10.0, 0.0, sample.Y0, 0.0, -10.0))
    ds.SetProjection(_srs(UTM).ExportToWkt())
    cols = np.arange(size)
    for r in range(0, size, 2000):
        rows = np.arange(r, r + 2000)[:, None]
        ds.GetRasterBand(1).WriteArray((1 + (rows // 7 + cols // 5) % 3).astype(np.uint8), 0, r)
    ds = None
    step = size * 10.0 / 40
    squares = ["POLYGON (({a} {b}, {c} {b}, {c} {d}, {a} {d}, {a} {b}))".format(
        a=sample.X0 + j * step, b=sample.Y0 - i * step, c=sample.X0 + (j + 0.9) * step, d=sample.Y0 - (i + 0.9) * step)
        for i in range(40) for j in range(40)]
    reference = _vector(tmp_path / "reference.gpkg", "GPKG", UTM, squares, [k % 2 for k in range(len(squares))])
    message, stopped, leftovers = _cancel_after("cryo:mapaccuracy", {
        "INPUT": str(tmp_path / "map.tif"), "REFERENCE_VECTOR": reference, "FIELD": "pf",
        "OUTPUT_TABLE": str(out / "accuracy.csv")}, 1.5, out)
    assert "Cancelled" in message and stopped < 1.5, (message, stopped)
    assert os.listdir(out) == [] and not leftovers
    print("map accuracy stopped {:.2f} s after the cancel".format(stopped))


def test_a_cancel_stops_the_trend_within_a_second(qgis_app, tmp_path):
    years, height, width = 200, 16, 2000  # ~20 s of work; many years and wide rows made one row take seconds
    rng = np.random.default_rng(2)
    stack = (rng.normal(0, 1, (years, height, width)) + 0.01 * np.arange(years)[:, None, None]).astype(np.float32)
    path = _raster(tmp_path / "yearly.tif", stack, descriptions=["v_{}".format(1900 + y) for y in range(years)])
    out = tmp_path / "out"
    out.mkdir()
    message, stopped, leftovers = _cancel_after("cryo:trend", {
        "INPUT": [path], "BAND_PREFIX": "v_", "OUTPUT": str(out / "trend.tif")}, 2.0, out)
    assert "Cancelled" in message and stopped < 1.5, (message, stopped)
    assert os.listdir(out) == [] and not leftovers
    print("trend stopped {:.2f} s after the cancel".format(stopped))
