"""The glacier algorithms through QGIS: Processing, styled outputs, errors, cancel and the qgis_process command line."""
import json
import os
import subprocess

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from conftest import ROOT
from cryo_qgis_plugin.processing.algorithms.dem_difference import NUMBER_OUTPUTS
from test_processing_freezethaw import run

LYB = os.path.join(ROOT, "data", "longyearbyen")
REFERENCE = os.path.join(LYB, "DEM_2009_standin_synthetic.tif")
DEM_1990 = os.path.join(LYB, "DEM_1990.tif")
GLACIERS = os.path.join(LYB, "glacier_outlines_1990_from_mask.gpkg")
with open(os.path.join(LYB, "DEM_2009_standin_truth.json")) as _fh:
    TRUTH = json.load(_fh)


def point_layer(path, rows, epsg=25833, field="h"):
    """A GeoPackage of points (x, y, elevation in ``field``)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("points", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn(field, ogr.OFTReal))
    for x, y, z in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({} {})".format(x, y)))
        feature.SetField(field, z)
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def test_dem_difference_through_processing(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer

    out, report, aligned = str(tmp_path / "dh.tif"), str(tmp_path / "report.html"), str(tmp_path / "aligned.tif")
    result = run("cryo:demdifference", {
        "REFERENCE": REFERENCE, "DEM": DEM_1990, "GLACIERS": GLACIERS, "REFERENCE_YEAR": 2009.0,
        "DEM_YEAR": 1990.0, "OUTPUT": out, "OUTPUT_ALIGNED": aligned, "OUTPUT_REPORT": report})
    shift = TRUTH["true_shift_to_apply_to_tba_m"]
    assert abs(result["SHIFT_X"] - shift["x"]) < 0.1 and abs(result["SHIFT_Y"] - shift["y"]) < 0.1
    assert abs(result["SHIFT_Z"] - shift["z"]) < 0.02
    assert abs(result["STABLE_MEDIAN_AFTER"]) < 0.05 < abs(result["STABLE_MEDIAN_BEFORE"])
    assert result["STABLE_NMAD_AFTER"] < result["STABLE_NMAD_BEFORE"]
    volume = TRUTH["true_glacier_volume_change_m3_ref_minus_aligned_tba_no_noise"]
    assert result["VOLUME_CHANGE_M3"] == pytest.approx(volume, rel=0.01)
    assert result["GLACIER_AREA_KM2"] == pytest.approx(70.5216)
    rate = result["VOLUME_CHANGE_M3"] * 850 / (70.5216e6 * 19 * 1000)
    assert result["MASS_BALANCE_MWE_YR"] == pytest.approx(rate)
    assert 0 < result["MASS_BALANCE_ERROR_MWE_YR"] < abs(rate)
    with open(report, encoding="utf-8") as fh:
        page = fh.read()
    # histograms, hypsometry, the error model's variogram and the map's colour/scale bar; the map is an embedded PNG
    assert page.count("<svg") == 4 and page.count("data:image/png;base64,") == 1
    assert "{:.3f}".format(result["SHIFT_X"]) in page and "× 10⁶ m³" in page and "Per glacier" in page
    assert abs(result["STABLE_MEDIAN_AFTER"]) < 0.01 and 0 < result["CE90"] < 0.1
    assert result["STABLE_NMAD_AFTER"] < result["LE90"] < 3 * result["STABLE_NMAD_AFTER"]
    assert result["STABLE_NMAD_SLOPE_0_10"] < result["STABLE_NMAD_SLOPE_OVER_40"]
    # the aligned DEM minus the reference is the negative of the elevation change, cell by cell (off the glaciers,
    # whose outliers are replaced by void filling)
    dh = gdal.Open(out).ReadAsArray()
    moved = gdal.Open(aligned).ReadAsArray()
    ref = gdal.Open(REFERENCE).ReadAsArray()
    glacier = gdal.Rasterize("", GLACIERS, format="MEM", outputType=gdal.GDT_Byte, burnValues=[1],
                             outputBounds=(502810.0, 8654330.0, 529450.0, 8674030.0), width=1332, height=985)
    stable = (dh != -9999) & (moved != -9999) & (ref != -9999) & (glacier.ReadAsArray() == 0)
    np.testing.assert_allclose((ref - moved)[stable][:1000], dh[stable][:1000], atol=1e-3)
    layer = QgsRasterLayer(out, "dh")
    assert layer.renderer().type() == "singlebandpseudocolor"
    assert layer.renderer().classificationMin() == -layer.renderer().classificationMax()


def test_dem_difference_per_glacier_outlines(qgis_app, tmp_path):
    """OUTPUT_GLACIERS: the 40 outlines with their glac_id and results, adding up to the regional total, styled by
    mass balance (the .qml beside the file, and on the layer Processing loads)."""
    import processing
    from qgis.core import (QgsFillSymbol, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                           QgsProcessingOutputLayerDefinition, QgsProcessingUtils, QgsProject, QgsSingleSymbolRenderer,
                           QgsVectorLayer)

    out, outlines = str(tmp_path / "dh.tif"), str(tmp_path / "glaciers.gpkg")
    parameters = {"REFERENCE": REFERENCE, "DEM": DEM_1990, "GLACIERS": GLACIERS, "GLACIER_ID_FIELD": "glac_id",
                  "REFERENCE_YEAR": 2009.0, "DEM_YEAR": 1990.0, "OUTPUT": out, "OUTPUT_GLACIERS": outlines}
    result = run("cryo:demdifference", parameters)
    assert result["OUTPUT_GLACIERS"] == outlines
    layer = QgsVectorLayer(outlines, "glaciers")
    assert layer.featureCount() == 40
    assert layer.fields().names()[-9:] == [
        "glac_id", "area_km2", "valid_fraction", "mean_dh_m", "volume_change_m3", "volume_error_m3",
        "mass_balance_mwe", "mass_balance_error_mwe", "void_fill_method"]
    features = list(layer.getFeatures())
    assert {f["glac_id"] for f in features} == {f["glac_id"] for f in QgsVectorLayer(GLACIERS, "g").getFeatures()}
    assert sum(f["volume_change_m3"] for f in features) == pytest.approx(result["VOLUME_CHANGE_M3"], rel=1e-9)
    assert sum(f["area_km2"] for f in features) == pytest.approx(result["GLACIER_AREA_KM2"])
    assert all(0 < f["volume_error_m3"] and f["mass_balance_mwe"] < 0 < f["mass_balance_error_mwe"]
               and 0.9 < f["valid_fraction"] <= 1 for f in features)
    assert {f["void_fill_method"] for f in features} <= {"local_hypsometric", "no_voids"}
    # the style beside the file: QGIS opens the layer with it
    assert os.path.exists(str(tmp_path / "glaciers.qml"))
    assert layer.renderer().type() == "graduatedSymbol", "the .qml beside the GeoPackage is not its default style"
    assert layer.renderer().classAttribute() == "mass_balance_mwe" and len(layer.renderer().ranges()) == 7
    # ... and the layer Processing loads at the end of a run from the toolbox gets it too
    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    loaded = str(tmp_path / "loaded.gpkg")
    processing.run("cryo:demdifference", dict(parameters, OUTPUT=str(tmp_path / "dh2.tif"),
                                              OUTPUT_GLACIERS=QgsProcessingOutputLayerDefinition(loaded, project)),
                   context=context)
    details = context.layerToLoadOnCompletionDetails(loaded)
    layer = QgsProcessingUtils.mapLayerFromString(loaded, context)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({})))
    details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    assert layer.renderer().type() == "graduatedSymbol"
    with pytest.raises(QgsProcessingException, match="OUTPUT_GLACIERS needs GLACIERS"):
        run("cryo:demdifference", {"REFERENCE": REFERENCE, "DEM": DEM_1990, "OUTPUT": str(tmp_path / "x.tif"),
                                   "OUTPUT_GLACIERS": str(tmp_path / "none.gpkg")})


def test_dem_difference_errors_and_cancel(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    far = str(tmp_path / "far.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(far)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    layer = ds.CreateLayer("far", srs, ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))"))
    layer.CreateFeature(feature)
    ds = None
    with pytest.raises(QgsProcessingException, match="outside the DEM"):
        run("cryo:demdifference", {"REFERENCE": REFERENCE, "DEM": DEM_1990, "GLACIERS": far,
                                   "OUTPUT": str(tmp_path / "dh.tif")})
    with pytest.raises(QgsProcessingException, match="is one of the inputs"):
        run("cryo:demdifference", {"REFERENCE": REFERENCE, "DEM": DEM_1990, "OUTPUT": DEM_1990})
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "cancelled"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("cryo:demdifference", {"REFERENCE": REFERENCE, "DEM": DEM_1990, "GLACIERS": GLACIERS,
                                   "OUTPUT": str(out / "dh.tif"), "OUTPUT_ALIGNED": str(out / "al.tif"),
                                   "OUTPUT_REPORT": str(out / "r.html")}, feedback)
    assert os.listdir(str(out)) == []


def test_altimetry_difference_through_processing(qgis_app, tmp_path):
    epoch1 = point_layer(tmp_path / "e1.gpkg", [(510100, 8660100, 300.0), (510300, 8660300, 310.0),
                                                (510700, 8660200, 500.0)])
    epoch2 = point_layer(tmp_path / "e2.gpkg", [(510200, 8660150, 290.0), (510400, 8660400, 296.0),
                                                (511600, 8660200, 100.0)])
    out = str(tmp_path / "rate.tif")
    result = run("cryo:altimetrydifference", {"EPOCH1": epoch1, "EPOCH2": epoch2, "ELEVATION_FIELD": "h",
                                              "CELL_SIZE": 500, "YEARS": 4, "OUTLIER_NMAD": 0, "OUTPUT": out})
    # one cell (510000..510500, 8660000..8660500) has both epochs: (293 - 305) / 4 = -3 m/yr
    assert result["N_CELLS"] == 1 and result["MEAN_RATE"] == pytest.approx(-3.0)
    ds = gdal.Open(out)
    assert ds.GetGeoTransform() == (510000.0, 500.0, 0.0, 8660500.0, 0.0, -500.0)
    assert ds.ReadAsArray()[:, 0, 0].tolist() == [-3.0, 4.0]
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="has no field 'height'"):
        run("cryo:altimetrydifference", {"EPOCH1": epoch1, "EPOCH2": epoch2, "ELEVATION_FIELD": "height",
                                         "YEARS": 4, "OUTPUT": str(tmp_path / "x.tif")})
    geographic = point_layer(tmp_path / "geo.gpkg", [(15.6, 78.2, 300.0)], epsg=4326)
    with pytest.raises(QgsProcessingException, match="choose a projected CRS"):
        run("cryo:altimetrydifference", {"EPOCH1": geographic, "EPOCH2": epoch2, "ELEVATION_FIELD": "h",
                                         "YEARS": 4, "OUTPUT": str(tmp_path / "y.tif")})


def test_glacier_algorithms_from_qgis_process(qgis_process_env, tmp_path):
    out, report, outlines = str(tmp_path / "dh.tif"), str(tmp_path / "report.html"), str(tmp_path / "glaciers.gpkg")
    proc = subprocess.run(
        [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:demdifference", "--json", "--",
         "REFERENCE=" + REFERENCE, "DEM=" + DEM_1990, "GLACIERS=" + GLACIERS, "FILL_VOIDS=linear",
         "REFERENCE_YEAR=2009", "DEM_YEAR=1990", "OUTPUT=" + out, "OUTPUT_REPORT=" + report,
         "GLACIER_ID_FIELD=glac_id", "OUTPUT_GLACIERS=" + outlines],
        env=qgis_process_env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert abs(results["SHIFT_X"] - TRUTH["true_shift_to_apply_to_tba_m"]["x"]) < 0.1
    volume = TRUTH["true_glacier_volume_change_m3_ref_minus_aligned_tba_no_noise"]
    assert results["VOLUME_CHANGE_M3"] == pytest.approx(volume, rel=0.01)
    point_outputs = ("N_POINTS", "POINTS_MEDIAN_BEFORE", "POINTS_NMAD_BEFORE", "POINTS_MEDIAN_AFTER",
                     "POINTS_NMAD_AFTER")  # only with reference points (tests/test_point_coregistration.py)
    assert all(isinstance(results[key], float) for key in NUMBER_OUTPUTS if key not in point_outputs), results
    assert os.path.exists(out) and os.path.exists(report)
    dataset = ogr.Open(outlines)  # kept alive while its layer is read
    layer = dataset.GetLayer()
    assert layer.GetFeatureCount() == 40 and {f.GetField("void_fill_method") for f in layer} <= {"linear", "no_voids"}
    assert sum(f.GetField("volume_change_m3") for f in layer) == pytest.approx(results["VOLUME_CHANGE_M3"], rel=1e-9)
    epoch1 = point_layer(tmp_path / "e1.gpkg", [(510100, 8660100, 300.0)])
    epoch2 = point_layer(tmp_path / "e2.gpkg", [(510200, 8660150, 290.0)])
    proc = subprocess.run(
        [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:altimetrydifference", "--json", "--",
         "EPOCH1=" + epoch1, "EPOCH2=" + epoch2, "ELEVATION_FIELD=h", "CELL_SIZE=500", "CRS=EPSG:25833",
         "YEARS=2", "OUTPUT=" + str(tmp_path / "rate.tif")],
        env=qgis_process_env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["N_CELLS"] == 1 and results["MEAN_RATE"] == pytest.approx(-5.0)
