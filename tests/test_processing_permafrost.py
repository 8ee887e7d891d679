"""The permafrost chain through QGIS on the sample data: station table -> GST model -> daily GST -> degree days
-> TTOP with ensemble -> accuracy, checked against values read and computed independently; the model builder,
bad inputs and the qgis_process command line."""
import csv
import datetime as dt
import json
import os
import subprocess

import numpy as np
import pytest
from osgeo import gdal

from conftest import ROOT
from samples import permafrost as sample
from test_processing_freezethaw import run

PACKED_LST = {"SCALE": 0.02, "OFFSET": 0.0, "UNITS": "kelvin"}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return sample.write_permafrost_sample(str(tmp_path_factory.mktemp("permafrost_sample")))


@pytest.fixture(scope="module")
def chain(qgis_app, data, tmp_path_factory):
    """The five algorithms run one after the other, as a user would."""
    out = tmp_path_factory.mktemp("chain")
    results = {"gstmodel": run("cryo:gstmodel", {
        "INPUT": data.stations, "GST_FIELD": "gst", "LST_FIELDS": list(sample.PREDICTORS), "FOLDS": 10,
        "OUTPUT_MODEL": str(out / "gst_model.json")})}
    results["lsttogst"] = run("cryo:lsttogst", dict(PACKED_LST, INPUT=[data.lst[p] for p in sample.PREDICTORS],
                                                    MODEL=str(out / "gst_model.json"), OUTPUT=str(out / "gst.tif")))
    results["degreedays"] = run("cryo:degreedays", {
        "INPUT": str(out / "gst.tif"), "MAX_GAP": 5, "OUTPUT_DDF": str(out / "ddf.tif"),
        "OUTPUT_DDT": str(out / "ddt.tif")})
    results["ttop"] = run("cryo:ttop", {
        "DDF": str(out / "ddf.tif"), "DDT": str(out / "ddt.tif"), "LANDCOVER": data.landcover,
        "NFACTORS": data.nfactors, "GLACIERS": data.glaciers, "LAKES": data.lakes, "MEMBERS": 200, "SEED": 7,
        "OUTPUT_TTOP": str(out / "ttop.tif"), "OUTPUT_CLASSES": str(out / "classes.tif"),
        "OUTPUT_PROBABILITY": str(out / "probability.tif"), "OUTPUT_ZONES": str(out / "zones.tif")})
    results["mapaccuracy"] = run("cryo:mapaccuracy", {
        "INPUT": str(out / "classes.tif"), "REFERENCE": data.reference, "FIELD": "pf", "CLASSES": "1:1;2,3:0",
        "REFERENCE_CLASSES": "1:1;0:0", "OUTPUT_TABLE": str(out / "accuracy.csv")})
    return out, results


def band(path, b=1):
    ds = gdal.Open(str(path))  # keep the dataset referenced while its band is read
    return ds.GetRasterBand(b).ReadAsArray()


def test_gst_model_recovers_the_sample_coefficients_and_counts_dropped_rows(chain, data):
    out, results = chain
    model = json.loads((out / "gst_model.json").read_text())
    assert model["predictors"] == list(sample.PREDICTORS)
    assert model["coefficients"] == pytest.approx([sample.GST_COEFFICIENTS[p] for p in sample.PREDICTORS], abs=0.02)
    assert model["intercept"] == pytest.approx(sample.GST_INTERCEPT, abs=0.15)
    assert results["gstmodel"]["RMSE"] == pytest.approx(sample.GST_NOISE, abs=0.05)
    with open(data.stations) as fh:
        rows = list(csv.DictReader(fh))
    incomplete = sum(1 for r in rows if any(r[p] == "" for p in sample.PREDICTORS))
    assert results["gstmodel"]["N_DROPPED"] == incomplete
    assert results["gstmodel"]["N_ROWS"] == len(rows) - incomplete


def test_daily_gst_is_the_model_applied_to_the_unpacked_lst(chain, data):
    out, results = chain
    model = json.loads((out / "gst_model.json").read_text())
    gst = gdal.Open(str(out / "gst.tif"))
    assert gst.RasterCount == sample.DAYS and gst.GetRasterBand(1).GetDescription() == "2005-07-01"
    for day in (0, 200, 729):
        lst = [band(data.lst[p], day + 1).astype(float) for p in sample.PREDICTORS]
        expected = model["intercept"] + sum(c * (v * 0.02 - 273.15) for c, v in zip(model["coefficients"], lst))
        expected[np.any([v == 0 for v in lst], axis=0)] = -9999.0
        np.testing.assert_allclose(band(out / "gst.tif", day + 1), expected, atol=1e-3)
    every = np.all([gdal.Open(data.lst[p]).ReadAsArray() != 0 for p in sample.PREDICTORS], axis=0)
    assert results["lsttogst"]["VALID_FRACTION"] == pytest.approx(every.mean())


def test_degree_days_of_one_pixel_by_hand(chain):
    out, results = chain
    assert results["degreedays"]["YEARS"] == "2005,2006"
    ds = gdal.Open(str(out / "gst.tif"))
    ddf, ddt = band(out / "ddf.tif"), band(out / "ddt.tif")
    checked = 0
    for r, c in ((5, 5), (20, 30), (40, 10), (47, 63)):
        series = ds.ReadAsArray(c, r, 1, 1).ravel().astype(float)
        valid = series != -9999.0
        days = np.arange(len(series))
        season = series[:365], valid[:365]
        missing_runs = np.diff(np.flatnonzero(np.concatenate([[True], season[1], [True]]))) - 1
        if missing_runs.max() > 5:
            assert ddf[r, c] == -9999.0
            continue
        filled = np.interp(days[:365], days[valid], series[valid])
        assert ddf[r, c] == pytest.approx(np.maximum(-filled, 0).sum(), rel=1e-5)
        assert ddt[r, c] == pytest.approx(np.maximum(filled, 0).sum(), rel=1e-5)
        checked += 1
    assert checked >= 2


def test_ttop_classes_probability_and_zones(chain, data):
    out, results = chain
    ddf = (band(out / "ddf.tif", 1) + band(out / "ddf.tif", 2)) / 2
    ddt = (band(out / "ddt.tif", 1) + band(out / "ddt.tif", 2)) / 2
    both = (band(out / "ddf.tif", 1) != -9999) & (band(out / "ddf.tif", 2) != -9999) & \
        (band(out / "ddt.tif", 1) != -9999) & (band(out / "ddt.tif", 2) != -9999)
    cover = band(data.landcover)
    rk = np.array([np.nan] + [v[1] for v in sample.SAMPLE_LANDCOVER.values()])[cover]
    ttop = band(out / "ttop.tif")
    # ground indices: TTOP = (rk·DDT - DDF)/365 if rk·DDT < DDF else (DDT - DDF/rk)/365
    expected = np.where(rk * ddt < ddf, rk * ddt - ddf, ddt - ddf / rk) / 365
    np.testing.assert_allclose(ttop[both], expected[both], atol=1e-4)
    classes = band(out / "classes.tif")
    from cryo_qgis_plugin.core.io.rasterize import polygon_mask
    from cryo_qgis_plugin.core.io.raster import grid_of
    from osgeo import ogr
    grid = grid_of(gdal.Open(str(out / "classes.tif")))
    masks = {}
    for name, path in (("glacier", data.glaciers), ("lake", data.lakes)):
        vector = ogr.Open(path)
        layer = vector.GetLayer(0)
        masks[name] = polygon_mask(grid, [f.GetGeometryRef().ExportToWkb() for f in layer])
    assert (classes[masks["glacier"]] == 4).all() and (classes[masks["lake"]] == 5).all()
    ground = ~masks["glacier"] & ~masks["lake"] & both
    np.testing.assert_array_equal(classes[ground] == 1, ttop[ground] < 0)
    assert set(np.unique(classes[ground])) <= {1, 2}
    assert results["ttop"]["PERMAFROST_AREA_KM2"] == pytest.approx(float(np.sum(classes == 1)))  # 1 km² cells
    land = np.isin(classes, (1, 2, 3)).sum()
    assert results["ttop"]["PERMAFROST_FRACTION"] == pytest.approx(np.sum(classes == 1) / land)
    probability, zones = band(out / "probability.tif"), band(out / "zones.tif")
    assert (probability[masks["glacier"]] == -9999).all() and (zones[masks["lake"]] == 0).all()
    p = probability[ground]
    assert ((p >= 0) & (p <= 1)).all()
    # rk varies in [0.7, 1]/[0.85, 1]/[0.9, 1]: a cell permafrost even at rk's top is certain, one thawed even at
    # its bottom never is.
    low = np.array([np.nan] + [v[2] for v in sample.SAMPLE_LANDCOVER.values()])[cover]
    high = np.array([np.nan] + [v[3] for v in sample.SAMPLE_LANDCOVER.values()])[cover]
    assert (probability[ground & (high * ddt < ddf)] == 1).all()
    assert (probability[ground & (low * ddt >= ddf)] == 0).all()
    assert ((probability[ground] > 0) & (probability[ground] < 1)).any()
    assert (zones[ground & (probability == 1)] == 1).all() and (zones[ground & (probability == 0)] == 5).all()
    assert "paletteEntry" in open(out / "zones.qml").read()


def test_accuracy_against_the_survey_polygons(chain, data):
    out, results = chain
    acc = results["mapaccuracy"]
    with open(out / "accuracy.csv") as fh:
        table = {row["map_class"]: row for row in csv.DictReader(fh)}
    matrix = np.array([[float(table[m]["ref_{}".format(r)]) for r in (0, 1)] for m in ("0", "1")])
    n = matrix.sum()
    oa = np.trace(matrix) / n
    pe = (matrix.sum(0) * matrix.sum(1)).sum() / n ** 2
    assert acc["N"] == n and acc["OVERALL_ACCURACY"] == pytest.approx(oa)
    assert acc["KAPPA"] == pytest.approx((oa - pe) / (1 - pe))
    assert float(table["kappa"]["total"]) == pytest.approx(acc["KAPPA"])
    assert acc["OVERALL_ACCURACY"] > 0.8 and acc["KAPPA"] > 0.5
    # the glacier and lake classes are not in CLASSES: left out
    assert acc["N_EXCLUDED"] >= np.isin(band(out / "classes.tif"), (4, 5)).sum()


def test_bad_inputs_give_clear_errors_and_no_output(qgis_app, data, chain, tmp_path):
    from qgis.core import QgsProcessingException

    out, _ = chain
    lc = gdal.Translate(str(tmp_path / "lc_extra.tif"), data.landcover)
    lc.GetRasterBand(1).WriteArray(np.full((sample.HEIGHT, sample.WIDTH), 9, np.uint8))
    lc = None
    with pytest.raises(QgsProcessingException, match="missing from the NFACTORS table: 9"):
        run("cryo:ttop", {"DDF": str(out / "ddf.tif"), "DDT": str(out / "ddt.tif"),
                          "LANDCOVER": str(tmp_path / "lc_extra.tif"), "NFACTORS": data.nfactors,
                          "OUTPUT_TTOP": str(tmp_path / "t.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    with pytest.raises(QgsProcessingException, match="rk must be > 0"):
        run("cryo:ttop", {"DDF": str(out / "ddf.tif"), "DDT": str(out / "ddt.tif"), "RK": 0,
                          "OUTPUT_TTOP": str(tmp_path / "t.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    short = gdal.Translate(str(tmp_path / "short.tif"), data.lst["lst_aqua_day"], bandList=list(range(1, 101)))
    for b in range(1, 101):
        short.GetRasterBand(b).SetDescription((sample.START + dt.timedelta(days=b - 1)).isoformat())
    short = None
    with pytest.raises(QgsProcessingException, match="do not hold the same dates"):
        run("cryo:lsttogst", dict(PACKED_LST, INPUT=[data.lst[p] for p in sample.PREDICTORS[:3]] +
                                  [str(tmp_path / "short.tif")], MODEL=str(out / "gst_model.json"),
                                  OUTPUT=str(tmp_path / "g.tif")))
    gdal.Translate(str(tmp_path / "far.tif"), str(out / "classes.tif"), outputBounds=[0, 1000, 64000, -47000])
    with pytest.raises(QgsProcessingException, match="no cell in common"):
        run("cryo:mapaccuracy", {"INPUT": str(out / "classes.tif"), "REFERENCE": str(tmp_path / "far.tif"),
                                 "OUTPUT_TABLE": str(tmp_path / "acc.csv")})
    assert not {"t.tif", "c.tif", "g.tif", "acc.csv"} & set(os.listdir(tmp_path))


def test_model_builder_chains_the_five_algorithms(qgis_app, data, tmp_path):
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                           QgsProcessingModelOutput)

    model = QgsProcessingModelAlgorithm("permafrost chain", "cryo tests")
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    output = QgsProcessingModelChildParameterSource.fromChildOutput

    def child(alg_id, child_id, params, outputs):
        alg = QgsProcessingModelChildAlgorithm(alg_id)
        alg.setChildId(child_id)
        for definition in alg.algorithm().parameterDefinitions():  # as the model builder fills in defaults
            if definition.name() not in params and definition.defaultValue() is not None \
                    and not definition.isDestination():
                params[definition.name()] = static(definition.defaultValue())
        for name, source in params.items():
            alg.addParameterSources(name, source if isinstance(source, list) else [source])
        alg.setModelOutputs({name: QgsProcessingModelOutput(name) for name in outputs})
        for name in outputs:
            alg.modelOutput(name).setChildOutputName(name)
        model.addChildAlgorithm(alg)

    child("cryo:gstmodel", "fit", {"INPUT": static(data.stations), "GST_FIELD": static("gst"),
                                   "LST_FIELDS": static(list(sample.PREDICTORS)), "FOLDS": static(5)},
          ["OUTPUT_MODEL"])
    child("cryo:lsttogst", "apply", {"INPUT": static([data.lst[p] for p in sample.PREDICTORS]),
                                     "MODEL": output("fit", "OUTPUT_MODEL"), "SCALE": static(0.02),
                                     "UNITS": static("kelvin")}, ["OUTPUT"])
    child("cryo:degreedays", "indices", {"INPUT": output("apply", "OUTPUT"), "MAX_GAP": static(5)},
          ["OUTPUT_DDF", "OUTPUT_DDT"])
    child("cryo:ttop", "ttop", {"DDF": output("indices", "OUTPUT_DDF"), "DDT": output("indices", "OUTPUT_DDT"),
                                "LANDCOVER": static(data.landcover), "NFACTORS": static(data.nfactors),
                                "MEMBERS": static(50)}, ["OUTPUT_CLASSES", "OUTPUT_PROBABILITY"])
    child("cryo:mapaccuracy", "accuracy", {"INPUT": output("ttop", "OUTPUT_CLASSES"),
                                           "REFERENCE": static(data.reference),
                                           "FIELD": static("pf"), "CLASSES": static("1:1;2,3:0"),
                                           "REFERENCE_CLASSES": static("1:1;0:0")}, ["OUTPUT_TABLE"])
    ok, errors = model.validate()
    assert ok, errors
    outputs, ok = model.run({"fit:OUTPUT_MODEL": str(tmp_path / "m.json"), "apply:OUTPUT": str(tmp_path / "g.tif"),
                             "indices:OUTPUT_DDF": str(tmp_path / "ddf.tif"),
                             "indices:OUTPUT_DDT": str(tmp_path / "ddt.tif"),
                             "ttop:OUTPUT_CLASSES": str(tmp_path / "c.tif"),
                             "ttop:OUTPUT_PROBABILITY": str(tmp_path / "p.tif"),
                             "accuracy:OUTPUT_TABLE": str(tmp_path / "a.csv")},
                            QgsProcessingContext(), QgsProcessingFeedback())
    assert ok
    assert json.loads((tmp_path / "m.json").read_text())["folds"] == 5
    probability = band(tmp_path / "p.tif")
    assert ((probability == -9999) | ((probability >= 0) & (probability <= 1))).all()
    with open(tmp_path / "a.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert float([r for r in rows if r["map_class"] == "overall_accuracy"][0]["total"]) > 0.8


def test_permafrost_chain_from_qgis_process(qgis_process_env, data, tmp_path):
    def qgis_process(alg, *args):
        proc = subprocess.run([os.path.join(ROOT, "scripts", "qgis-process"), "run", alg, "--json", "--", *args],
                              env=qgis_process_env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr + proc.stdout
        return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]

    model = str(tmp_path / "m.json")
    fit = qgis_process("cryo:gstmodel", "INPUT=" + data.stations, "GST_FIELD=gst",
                       *["LST_FIELDS=" + p for p in sample.PREDICTORS], "OUTPUT_MODEL=" + model)
    assert fit["R2"] > 0.95 and isinstance(fit["N_DROPPED"], (int, float))
    qgis_process("cryo:lsttogst", *["INPUT=" + data.lst[p] for p in sample.PREDICTORS], "MODEL=" + model,
                 "SCALE=0.02", "UNITS=kelvin", "OUTPUT=" + str(tmp_path / "g.tif"))
    dd = qgis_process("cryo:degreedays", "INPUT=" + str(tmp_path / "g.tif"), "YEAR_START=07-01",
                      "OUTPUT_DDF=" + str(tmp_path / "ddf.tif"), "OUTPUT_DDT=" + str(tmp_path / "ddt.tif"))
    assert dd["N_YEARS"] == 2
    tt = qgis_process("cryo:ttop", "DDF=" + str(tmp_path / "ddf.tif"), "DDT=" + str(tmp_path / "ddt.tif"), "RK=0.9",
                      "OUTPUT_TTOP=" + str(tmp_path / "t.tif"), "OUTPUT_CLASSES=" + str(tmp_path / "c.tif"))
    classes = band(tmp_path / "c.tif")
    assert tt["PERMAFROST_AREA_KM2"] == pytest.approx(float(np.sum(classes == 1)))
    acc = qgis_process("cryo:mapaccuracy", "INPUT=" + str(tmp_path / "c.tif"), "REFERENCE=" + data.reference,
                       "FIELD=pf", "CLASSES=1:1;2,3:0", "REFERENCE_CLASSES=1:1;0:0",
                       "OUTPUT_TABLE=" + str(tmp_path / "a.csv"))
    assert 0.5 < acc["OVERALL_ACCURACY"] <= 1 and acc["N"] > 1000


def test_permafrost_algorithms_are_listed_and_cancel_leaves_nothing(qgis_app, chain, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

    ids = {alg.id() for alg in QgsApplication.processingRegistry().providerById("cryo").algorithms()}
    assert {"cryo:gstmodel", "cryo:lsttogst", "cryo:degreedays", "cryo:ttop", "cryo:mapaccuracy"} <= ids
    out, _ = chain
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("cryo:degreedays", {"INPUT": str(out / "gst.tif"), "OUTPUT_DDF": str(tmp_path / "ddf.tif"),
                                "OUTPUT_DDT": str(tmp_path / "ddt.tif")}, feedback)
    with pytest.raises(QgsProcessingException, match="same file"):
        run("cryo:degreedays", {"INPUT": str(out / "gst.tif"), "OUTPUT_DDF": str(tmp_path / "d.tif"),
                                "OUTPUT_DDT": str(tmp_path / "d.tif")})
    assert os.listdir(tmp_path) == []
