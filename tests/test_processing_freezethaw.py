"""The freeze/thaw algorithms through QGIS: Processing, the model builder and the qgis_process command line."""
import csv
import datetime as dt
import json
import math
import os
import subprocess

import h5py
import numpy as np
import pytest
from osgeo import gdal

from conftest import ROOT

SMALL_EXTENT = "0,8,30,36 [EPSG:4326]"  # xmin,xmax,ymin,ymax of the 6 x 8 test grid (1° cells)


def small_season_folder(folder, first=dt.date(2005, 7, 22), last=dt.date(2008, 8, 10)):
    """Daily HDF5 grids 6 x 8 on SMALL_EXTENT for the season years 2005-2007 (and a few days around).

    In season year y (day 1 = y-08-01), pixel (r, c) freezes on day 10 + r + c and thaws on day
    200 + 2 r - 3 (y - 2005), so its frozen season shortens by 3 days a year; row 0 is water; pixel (5, 7)
    holds the unknown code 9 on 2006-01-01.
    """
    os.makedirs(folder, exist_ok=True)
    rows, cols = np.indices((6, 8))
    day = first
    while day <= last:
        year = day.year if day >= dt.date(day.year, 8, 1) else day.year - 1
        season_day = (day - dt.date(year, 8, 1)).days + 1
        thaw = 200 + 2 * rows - 3 * (year - 2005)
        codes = np.where((season_day >= 10 + rows + cols) & (season_day < thaw), 1, 2).astype(np.uint8)
        codes[0] = 0
        if day == dt.date(2006, 1, 1):
            codes[5, 7] = 9
        with h5py.File(os.path.join(folder, "AMSR_{:%Y%m%d}_FT_25.h5".format(day)), "w") as h5:
            h5.create_dataset("FT", data=codes)
        day += dt.timedelta(days=1)
    return folder


@pytest.fixture(scope="module")
def ft_folder(tmp_path_factory):
    return small_season_folder(str(tmp_path_factory.mktemp("ft") / "daily"))


def run(algorithm, parameters, feedback=None):
    import processing
    from qgis.core import QgsProcessingContext

    return processing.run(algorithm, parameters, context=QgsProcessingContext(), feedback=feedback)


def test_provider_lists_documented_algorithms(qgis_app):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("cryo")
    assert provider.name() == "Cryosphere"
    ids = {alg.id() for alg in provider.algorithms()}
    assert {"cryo:decodefreezethaw", "cryo:freezethawindicators", "cryo:trend"} <= ids
    for alg in provider.algorithms():
        if alg.group() == "Workflows":
            continue  # the shipped models: see test_workflows.py
        assert alg.groupId() in ("freezethaw", "permafrost", "glaciers", "lakeice", "snow", "validation")
        assert len(alg.shortHelpString()) > 300, alg.id()
        for parameter in alg.parameterDefinitions():
            assert parameter.description(), (alg.id(), parameter.name())


def test_decode_through_processing_loads_styled(qgis_app, ft_folder, tmp_path):
    import processing
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingUtils, QgsProject,
                           QgsRasterLayer)

    out, table = str(tmp_path / "ft.tif"), str(tmp_path / "areas.csv")
    result = run("cryo:decodefreezethaw", {
        "INPUT": ft_folder, "EXTENT": SMALL_EXTENT, "PERIOD_START": "2005-12-31", "PERIOD_END": "2006-01-02",
        "OUTPUT": out, "OUTPUT_TABLE": table})
    assert result["N_DATES"] == 3 and result["FIRST_DATE"] == "2005-12-31" and result["UNKNOWN_PIXEL_DAYS"] == 1
    ds = gdal.Open(out)
    assert ds.RasterCount == 3 and ds.GetRasterBand(3).GetDescription() == "2006-01-02"
    assert ds.GetGeoTransform() == (0.0, 1.0, 0.0, 36.0, 0.0, -1.0)
    with open(table) as fh:
        rows = list(csv.DictReader(fh))
    # 2006-01-01 is season day 154: every land pixel is frozen (onsets <= day 22, thaws >= day 202),
    # except pixel (5, 7), which holds the unknown code 9 that day.
    cell_km2 = [cell_area_km2(lat) for lat in (35.5, 34.5, 33.5, 32.5, 31.5, 30.5)]
    frozen = 8 * sum(cell_km2[1:]) - cell_km2[5]
    assert float(rows[1]["frozen_km2"]) == pytest.approx(frozen, rel=1e-6)
    assert float(rows[1]["unknown_km2"]) == pytest.approx(cell_km2[5], rel=1e-6)
    assert float(rows[1]["water_or_missing_km2"]) == pytest.approx(8 * cell_km2[0], rel=1e-6)
    # Dropped into QGIS, the file opens with its sidecar style ...
    decoded_layer = QgsRasterLayer(out, "ft")
    labels = paletted_labels(decoded_layer)
    assert labels[1] == "Frozen" and labels[15] == "Perennial snow/ice"
    # ... and so does the layer Processing loads at the end of a run from the toolbox.
    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    loaded = str(tmp_path / "loaded.tif")
    context.addLayerToLoadOnCompletion(loaded, QgsProcessingContext.LayerDetails("decoded", project, "OUTPUT"))
    processing.run("cryo:decodefreezethaw", {"INPUT": ft_folder, "EXTENT": SMALL_EXTENT, "PERIOD_END": "2005-07-23",
                                             "OUTPUT": loaded}, context=context)
    details = context.layerToLoadOnCompletionDetails(loaded)
    layer = QgsProcessingUtils.mapLayerFromString(loaded, context)
    details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    assert paletted_labels(layer)[2] == "Thawed"


def paletted_labels(layer):
    assert layer.renderer().type() == "paletted"
    return {c.value: c.label for c in layer.renderer().classes()}


def cell_area_km2(lat_centre):
    """Area of a 1° x 1° WGS 84 cell by numerical integration of the ellipsoid's surface element
    dA = M(φ) N(φ) cos φ dφ dλ (meridian and prime-vertical radii of curvature)."""
    from scipy.integrate import quad

    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)

    def element(phi):
        w = 1 - e2 * math.sin(phi) ** 2
        return a * (1 - e2) / w ** 1.5 * a / math.sqrt(w) * math.cos(phi)

    strip, _ = quad(element, math.radians(lat_centre - 0.5), math.radians(lat_centre + 0.5), epsabs=0, epsrel=1e-13)
    return strip * math.radians(1.0) / 1e6


def test_indicators_and_trend_through_processing(qgis_app, ft_folder, tmp_path):
    out = str(tmp_path / "ind.tif")
    result = run("cryo:freezethawindicators", {"INPUT": ft_folder, "EXTENT": SMALL_EXTENT, "OUTPUT": out})
    assert result["YEARS"] == "2005,2006,2007" and result["N_YEARS"] == 3
    ds = gdal.Open(out)
    names = [ds.GetRasterBand(b).GetDescription() for b in range(1, ds.RasterCount + 1)]
    onset = ds.GetRasterBand(names.index("freeze_onset_2005") + 1).ReadAsArray()
    rows, cols = np.indices((6, 8))
    np.testing.assert_array_equal(onset[1:], (10 + rows + cols)[1:])
    assert (onset[0] == -32768).all()

    # A yearly series with a known trend: frozen_days = 100 - 2 (year - 2000), one year missing at a pixel.
    series = str(tmp_path / "series.tif")
    years = list(range(2000, 2006))
    drv = gdal.GetDriverByName("GTiff").Create(series, 2, 1, len(years), gdal.GDT_Int16)
    drv.SetGeoTransform((0, 1, 0, 1, 0, -1))
    drv.SetProjection(ds.GetProjection())
    for b, year in enumerate(years, start=1):
        band = drv.GetRasterBand(b)
        band.SetDescription("frozen_days_{}".format(year))
        band.SetNoDataValue(-32768)
        band.WriteArray(np.array([[100 - 2 * (year - 2000), -32768 if year == 2003 else 7]], np.int16))
    drv = None
    trend_out = str(tmp_path / "trend.tif")
    result = run("cryo:trend", {"INPUT": [series], "BAND_PREFIX": "frozen_days_", "MIN_YEARS": 5, "OUTPUT": trend_out})
    assert result["N_YEARS"] == 6
    # Both outputs open styled: onset days on a sequential ramp, slopes diverging around 0 (|max slope| = 2).
    from qgis.core import QgsRasterLayer

    onset_layer = QgsRasterLayer(out, "indicators")
    onset_style = onset_layer.renderer()
    assert onset_style.type() == "singlebandpseudocolor" and onset_style.band() == 1
    assert (onset_style.classificationMin(), onset_style.classificationMax()) == (1, 366)
    slope_layer = QgsRasterLayer(trend_out, "trend")
    slope_style = slope_layer.renderer()
    assert slope_style.type() == "singlebandpseudocolor"
    ramp = slope_style.shader().rasterShaderFunction().colorRampItemList()
    assert [item.value for item in ramp] == [-2, 0, 2]
    t = gdal.Open(trend_out)
    sen, p, ols, n = (t.GetRasterBand(b).ReadAsArray()[0] for b in (1, 2, 3, 4))
    # Pixel 0: strictly decreasing, n = 6: S = -15, Var = 6*5*17/18 = 28.333, Z = -14/5.3229, p = 0.008535.
    assert sen[0] == pytest.approx(-2.0) and ols[0] == pytest.approx(-2.0) and n[0] == 6
    assert p[0] == pytest.approx(0.008535, abs=2e-6)
    # Pixel 1: constant over 5 valid years: S = 0, one tie group of 5: Var = (5*4*15 - 5*4*15)/18 = 0 -> p = 1.
    assert sen[1] == 0 and p[1] == pytest.approx(1.0) and n[1] == 5


def test_bad_input_gives_clear_errors(qgis_app, ft_folder, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="YEAR_START must be a month and day written MM-DD"):
        run("cryo:freezethawindicators", {"INPUT": ft_folder, "EXTENT": SMALL_EXTENT, "YEAR_START": "August",
                                          "OUTPUT": str(tmp_path / "x.tif")})
    with pytest.raises(QgsProcessingException, match="not the 720 x 1440 of the default global"):
        run("cryo:decodefreezethaw", {"INPUT": ft_folder, "OUTPUT": str(tmp_path / "x.tif")})
    stack = str(tmp_path / "stack.tif")
    run("cryo:decodefreezethaw", {"INPUT": ft_folder, "EXTENT": SMALL_EXTENT, "PERIOD_END": "2005-07-25",
                                  "OUTPUT": stack, "OUTPUT_TABLE": ""})
    before = open(stack, "rb").read()
    with pytest.raises(QgsProcessingException, match="is one of the inputs"):
        run("cryo:decodefreezethaw", {"INPUT": stack, "OUTPUT": stack})
    assert open(stack, "rb").read() == before
    with pytest.raises(QgsProcessingException, match="does not hold one complete season"):
        run("cryo:freezethawindicators", {"INPUT": stack, "OUTPUT": str(tmp_path / "y.tif")})


def test_cancel_leaves_no_output(qgis_app, ft_folder, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("cryo:freezethawindicators", {"INPUT": ft_folder, "EXTENT": SMALL_EXTENT,
                                          "OUTPUT": str(tmp_path / "ind.tif")}, feedback)
    assert os.listdir(str(tmp_path)) == []


def test_model_builder_chains_decode_indicators_trend(qgis_app, ft_folder, tmp_path):
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                           QgsProcessingModelOutput, QgsProcessingModelParameter,
                           QgsProcessingParameterFile)

    model = QgsProcessingModelAlgorithm("season chain", "cryo tests")
    model.addModelParameter(QgsProcessingParameterFile("daily", "Daily grids"), QgsProcessingModelParameter("daily"))

    def child(alg_id, child_id, params, output):
        alg = QgsProcessingModelChildAlgorithm(alg_id)
        alg.setChildId(child_id)
        for name, source in params.items():
            alg.addParameterSources(name, [source])
        alg.setModelOutputs({output: QgsProcessingModelOutput(output)})
        alg.modelOutput(output).setChildOutputName("OUTPUT")
        model.addChildAlgorithm(alg)

    static = QgsProcessingModelChildParameterSource.fromStaticValue
    child("cryo:decodefreezethaw", "decode",
          {"INPUT": QgsProcessingModelChildParameterSource.fromModelParameter("daily"),
           "EXTENT": static(SMALL_EXTENT)}, "decoded")
    child("cryo:freezethawindicators", "indicators",
          {"INPUT": QgsProcessingModelChildParameterSource.fromChildOutput("decode", "OUTPUT"),
           "YEAR_START": static("08-01"), "MIN_RUN": static(5), "PRECIPITATION": static("thawed")}, "indicators")
    child("cryo:trend", "trend",
          {"INPUT": QgsProcessingModelChildParameterSource.fromChildOutput("indicators", "OUTPUT"),
           "BAND_PREFIX": static("frozen_days_"), "MIN_YEARS": static(3)}, "trend")
    ok, errors = model.validate()
    assert ok, errors
    outputs, ok = model.run({"daily": ft_folder, "decode:decoded": str(tmp_path / "d.tif"),
                             "indicators:indicators": str(tmp_path / "i.tif"),
                             "trend:trend": str(tmp_path / "t.tif")}, QgsProcessingContext(), QgsProcessingFeedback())
    assert ok
    indicators = read_named_bands(str(tmp_path / "i.tif"))
    rows, cols = np.indices((6, 8))
    for year in (2005, 2006, 2007):  # frozen days = thaw - onset = 200 + 2r - 3(y - 2005) - (10 + r + c)
        expected = 190 + rows - cols - 3 * (year - 2005)
        if year == 2005:
            expected[5, 7] -= 1  # its unknown code on 2006-01-01 is a missing day, counted nowhere
        np.testing.assert_array_equal(indicators["frozen_days_{}".format(year)][1:], expected[1:])
    trend = gdal.Open(str(tmp_path / "t.tif"))
    sen, n = trend.GetRasterBand(1).ReadAsArray(), trend.GetRasterBand(4).ReadAsArray()
    expected_sen = np.full((6, 8), -3.0)
    expected_sen[5, 7] = -2.5  # series x-1, x-3, x-6: pair slopes -2, -2.5, -3
    np.testing.assert_array_equal(sen[1:], expected_sen[1:])
    np.testing.assert_array_equal(n[1:], 3)
    assert (sen[0] == -9999).all(), "water has no frozen days"


def read_named_bands(path):
    ds = gdal.Open(path)
    return {ds.GetRasterBand(b).GetDescription(): ds.GetRasterBand(b).ReadAsArray()
            for b in range(1, ds.RasterCount + 1)}


def test_qgis_process_command_line(qgis_process_env, ft_folder, tmp_path):
    out = str(tmp_path / "ind.tif")
    proc = subprocess.run(
        [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:freezethawindicators", "--json", "--",
         "INPUT=" + ft_folder, "EXTENT=" + SMALL_EXTENT, "MIN_RUN=3", "PRECIPITATION=missing", "OUTPUT=" + out],
        env=qgis_process_env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    payload = json.loads(proc.stdout[proc.stdout.index("{"):])
    assert payload["results"]["YEARS"] == "2005,2006,2007" and payload["results"]["OUTPUT"] == out
    metadata = gdal.Open(out).GetMetadata()
    assert metadata["MIN_RUN"] == "3" and metadata["PRECIPITATION"] == "missing"
    onset = read_named_bands(out)["freeze_onset_2006"]
    rows, cols = np.indices((6, 8))
    np.testing.assert_array_equal(onset[1:], (10 + rows + cols)[1:])
    listing = subprocess.run([os.path.join(ROOT, "scripts", "qgis-process"), "list"], env=qgis_process_env,
                             capture_output=True, text=True, timeout=300).stdout
    for alg in ("cryo:decodefreezethaw", "cryo:freezethawindicators", "cryo:trend"):
        assert alg in listing


def test_decode_mask_limits_statistics(qgis_app, ft_folder, tmp_path):
    """A polygon in another CRS (Web Mercator) covering 33°N..36°N: only rows 0-2 count (row 0 is water)."""
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry,
                           QgsProject, QgsVectorLayer)

    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "region", "memory")
    polygon = QgsGeometry.fromWkt("POLYGON((-1 33, 9 33, 9 36.5, -1 36.5, -1 33))")
    polygon.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                             QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance()))
    feature = QgsFeature()
    feature.setGeometry(polygon)
    layer.dataProvider().addFeatures([feature])
    table = str(tmp_path / "areas.csv")
    run("cryo:decodefreezethaw", {"INPUT": ft_folder, "EXTENT": SMALL_EXTENT, "PERIOD_START": "2006-01-01",
                                  "PERIOD_END": "2006-01-01", "MASK": layer, "OUTPUT": str(tmp_path / "ft.tif"),
                                  "OUTPUT_TABLE": table})
    with open(table) as fh:
        row = next(csv.DictReader(fh))
    assert float(row["frozen_km2"]) == pytest.approx(8 * (cell_area_km2(34.5) + cell_area_km2(33.5)), rel=1e-6)
    assert float(row["water_or_missing_km2"]) == pytest.approx(8 * cell_area_km2(35.5), rel=1e-6)
    assert float(row["unknown_km2"]) == 0
