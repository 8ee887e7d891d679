"""The shipped workflows (models/*.model3): they load, validate and name only parameters their algorithms have,
the provider lists them under "Workflows", and each one runs through qgis_process on sample data with the
content of its outputs checked."""
import csv
import json
import os
import subprocess
from datetime import date, timedelta

import numpy as np
import pytest
from osgeo import gdal

from conftest import ROOT
from samples import permafrost as sample_permafrost, sampledata
from test_processing_freezethaw import SMALL_EXTENT, small_season_folder

MODELS = os.path.join(ROOT, "cryo_qgis_plugin", "models")
WORKFLOWS = ("workflowfreezethawtrend", "workflowpermafrostfromlst", "workflowglaciermassbalance",
             "workflowlakeicephenology", "workflowinsardeformationfromlst")
LYB = os.path.join(ROOT, "data", "longyearbyen")


def test_every_workflow_loads_validates_and_uses_existing_parameters(qgis_app):
    from qgis.core import QgsProcessingModelAlgorithm

    assert sorted(f[:-7] for f in os.listdir(MODELS) if f.endswith(".model3")) == sorted(WORKFLOWS)
    for name in WORKFLOWS:
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(os.path.join(MODELS, name + ".model3")), name
        ok, errors = model.validate()
        assert ok, (name, errors)
        for child in model.childAlgorithms().values():
            algorithm = child.algorithm()
            assert algorithm is not None, (name, child.algorithmId())
            known = {p.name() for p in algorithm.parameterDefinitions()}
            renamed = set(child.parameterSources()) - known
            assert not renamed, (name, child.childId(), renamed)  # a parameter the algorithm no longer has
            for output in child.modelOutputs().values():
                assert output.childOutputName() in known, (name, output.childOutputName())
        for definition in model.parameterDefinitions():
            assert definition.description() and model.helpContent().get(definition.name().split(":")[-1]) or \
                definition.isDestination(), (name, definition.name())


def test_provider_lists_the_workflows_with_titles(qgis_app):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("cryo")
    workflows = {a.name(): a for a in provider.algorithms() if a.group() == "Workflows"}
    assert sorted(workflows) == sorted(WORKFLOWS)
    assert workflows["workflowlakeicephenology"].displayName().startswith("Lake-ice phenology")


def run_workflow(env, name, **parameters):
    args = [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:" + name, "--json", "--"]
    for key, value in parameters.items():
        args += ["{}={}".format(key, item) for item in (value if isinstance(value, list) else [value])]
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]


def test_freezethaw_workflow_recovers_the_planted_trend(qgis_process_env, tmp_path):
    daily = small_season_folder(str(tmp_path / "daily"))
    trend = str(tmp_path / "trend_frozen.tif")
    run_workflow(qgis_process_env, "workflowfreezethawtrend", daily=daily, extent=SMALL_EXTENT,
                 year_start="08-01", **{"decode:decoded": str(tmp_path / "decoded.tif"),
                                        "decode:areas": str(tmp_path / "areas.csv"),
                                        "indicators:indicators": str(tmp_path / "indicators.tif"),
                                        "trend_frozen_days:trend_frozen_days": trend,
                                        "trend_freeze_onset:trend_freeze_onset": str(tmp_path / "trend_onset.tif")})
    ds = gdal.Open(trend)
    sen = ds.GetRasterBand(1).ReadAsArray()
    # frozen days shorten by 3 a year in the planted sample (one pixel has an unknown code: -2.5)
    assert np.count_nonzero(sen[1:] == -3.0) == 6 * 8 - 8 - 1
    onset_ds = gdal.Open(str(tmp_path / "trend_onset.tif"))  # keep the dataset referenced while reading
    onset = onset_ds.GetRasterBand(1).ReadAsArray()
    np.testing.assert_array_equal(onset[1:], 0.0)  # the onset does not move


def test_permafrost_workflow_maps_and_validates(qgis_process_env, tmp_path):
    data = sample_permafrost.write_permafrost_sample(str(tmp_path / "sample"))
    out = {name: str(tmp_path / name) for name in ("m.json", "gst.tif", "ddf.tif", "ddt.tif", "ttop.tif",
                                                   "classes.tif", "p.tif", "z.tif", "acc.csv")}
    run_workflow(qgis_process_env, "workflowpermafrostfromlst", stations=data.stations, gst_field="gst",
                 lst_fields=list(sample_permafrost.PREDICTORS),
                 lst_stacks=[data.lst[p] for p in sample_permafrost.PREDICTORS], scale=0.02, units="kelvin",
                 landcover=data.landcover, nfactors=data.nfactors, members=50, reference=data.reference,
                 reference_field="pf", classes="1:1;2,3:0", reference_classes="1:1;0:0",
                 **{"gstmodel:gst_model": out["m.json"], "lsttogst:gst": out["gst.tif"],
                    "degreedays:ddf": out["ddf.tif"], "degreedays:ddt": out["ddt.tif"], "ttop:ttop": out["ttop.tif"],
                    "ttop:classes": out["classes.tif"], "ttop:probability": out["p.tif"], "ttop:zones": out["z.tif"],
                    "accuracy:accuracy": out["acc.csv"]})
    with open(out["m.json"]) as fh:
        model = json.load(fh)
    assert model["coefficients"] == pytest.approx(
        [sample_permafrost.GST_COEFFICIENTS[p] for p in sample_permafrost.PREDICTORS], abs=0.02)
    probability = gdal.Open(out["p.tif"]).ReadAsArray()
    assert ((probability == -9999) | ((probability >= 0) & (probability <= 1))).all()
    with open(out["acc.csv"]) as fh:
        rows = {row["map_class"]: row for row in csv.DictReader(fh)}
    assert float(rows["overall_accuracy"]["total"]) > 0.8 and float(rows["kappa"]["total"]) > 0.5


def test_glacier_workflow_gives_the_true_volume_change(qgis_process_env, tmp_path):
    dh, report, outlines_out = (str(tmp_path / name) for name in ("dh.tif", "report.html", "glaciers.gpkg"))
    run_workflow(qgis_process_env, "workflowglaciermassbalance",
                 reference_dem=os.path.join(LYB, "DEM_2009_standin_synthetic.tif"),
                 dem=os.path.join(LYB, "DEM_1990.tif"),
                 glaciers=os.path.join(LYB, "glacier_outlines_1990_from_mask.gpkg"), glacier_id_field="glac_id",
                 reference_year=2009, dem_year=1990,
                 **{"demdifference:dh": dh, "demdifference:report": report,
                    "demdifference:glaciers_mass_balance": outlines_out})
    # Volume = mean glacier dh x outline area (Processing returns it as a number; a model returns only files, so
    # it is recomputed here from the dh raster) against the stand-in's ground truth.
    from osgeo import ogr

    from cryo_qgis_plugin.core.io.raster import grid_of
    from cryo_qgis_plugin.core.io.rasterize import polygon_mask
    ds = gdal.Open(dh)
    values = ds.GetRasterBand(1).ReadAsArray()
    valid = values != ds.GetRasterBand(1).GetNoDataValue()
    assert abs(np.median(values[valid])) < 5 and valid.mean() > 0.5
    vector = ogr.Open(os.path.join(LYB, "glacier_outlines_1990_from_mask.gpkg"))
    layer = vector.GetLayer(0)
    outlines = [f.GetGeometryRef().ExportToWkb() for f in layer]
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for wkb in outlines:
        union = union.Union(ogr.CreateGeometryFromWkb(wkb))
    inside = polygon_mask(grid_of(ds), outlines, layer.GetSpatialRef().ExportToWkt())
    glacier = values[inside & valid]
    with open(os.path.join(LYB, "DEM_2009_standin_truth.json")) as fh:
        truth = json.load(fh)["true_glacier_volume_change_m3_ref_minus_aligned_tba_no_noise"]
    assert glacier.mean() * union.GetArea() == pytest.approx(truth, rel=0.01)
    per_glacier = ogr.Open(outlines_out)  # alive while its layer is read
    rows = [(f["glac_id"], f["volume_change_m3"]) for f in per_glacier.GetLayer(0)]
    assert sorted(r[0] for r in rows) == sorted(f["glac_id"] for f in layer)  # one row per outline, by its glac_id
    assert sum(r[1] for r in rows) == pytest.approx(truth, rel=0.01)
    with open(report, encoding="utf-8") as fh:
        assert "<svg" in fh.read()  # the report with its histograms


def test_glacier_workflow_with_altimetry_points_and_epochs(qgis_process_env, tmp_path):
    """ICESat-2-like repeat tracks over the two DEMs: the later epoch is the co-registration reference of the DEM
    difference (the volume change still matches the stand-in's truth), and both epochs give the altimetry rate,
    checked cell by cell against the two DEMs averaged onto its cells."""
    epochs = [str(tmp_path / "epoch{}.gpkg".format(i)) for i in (1, 2)]
    sampledata.write_altimetry_epochs(os.path.join(LYB, "DEM_1990.tif"),
                                      os.path.join(LYB, "DEM_2009_standin_synthetic.tif"), *epochs)
    out = {name: str(tmp_path / name) for name in ("dh.tif", "report.html", "glaciers.gpkg", "rate.tif")}
    run_workflow(qgis_process_env, "workflowglaciermassbalance",
                 reference_dem=os.path.join(LYB, "DEM_2009_standin_synthetic.tif"),
                 dem=os.path.join(LYB, "DEM_1990.tif"),
                 glaciers=os.path.join(LYB, "glacier_outlines_1990_from_mask.gpkg"), glacier_id_field="glac_id",
                 reference_year=2009, dem_year=1990, reference_points=epochs[1],
                 reference_elevation_field="elevation", altimetry_epoch1=epochs[0], altimetry_epoch2=epochs[1],
                 altimetry_elevation_field="elevation", altimetry_years=19,
                 **{"demdifference:dh": out["dh.tif"], "demdifference:report": out["report.html"],
                    "demdifference:glaciers_mass_balance": out["glaciers.gpkg"],
                    "altimetry:altimetry_rate": out["rate.tif"]})
    with open(out["report.html"], encoding="utf-8") as fh:
        assert "<h2>Co-registration to reference points</h2>" in fh.read()
    from osgeo import ogr

    with open(os.path.join(LYB, "DEM_2009_standin_truth.json")) as fh:
        truth = json.load(fh)["true_glacier_volume_change_m3_ref_minus_aligned_tba_no_noise"]
    per_glacier = ogr.Open(out["glaciers.gpkg"])
    assert sum(f["volume_change_m3"] for f in per_glacier.GetLayer(0)) == pytest.approx(truth, rel=0.02)
    rate_ds = gdal.Open(out["rate.tif"])
    rate = rate_ds.GetRasterBand(1).ReadAsArray()
    gt, rows, cols = rate_ds.GetGeoTransform(), rate_ds.RasterYSize, rate_ds.RasterXSize

    def averaged(path):
        bounds = (gt[0], gt[3] + gt[5] * rows, gt[0] + gt[1] * cols, gt[3])
        ds = gdal.Warp("", path, format="MEM", outputBounds=bounds,
                       xRes=gt[1], yRes=-gt[5], resampleAlg="average", dstNodata=-9999.0)
        values = ds.ReadAsArray().astype(np.float64)
        return np.where(values == -9999.0, np.nan, values)

    expected = (averaged(os.path.join(LYB, "DEM_2009_standin_synthetic.tif")) -
                averaged(os.path.join(LYB, "DEM_1990.tif"))) / 19.0
    valid = (rate != rate_ds.GetRasterBand(1).GetNoDataValue()) & np.isfinite(expected)
    error = rate[valid] - expected[valid]
    assert valid.sum() > 500 and abs(np.median(error)) < 0.05 and np.median(np.abs(error)) < 0.3


def test_lake_ice_workflow_finds_the_sample_events(qgis_process_env, tmp_path):
    """The chain stack + lakes -> daily lake series -> phenology; without a temperature stack the thickness step
    is skipped."""
    stack, lakes = sampledata.write_lake_ice_sample(str(tmp_path / "sample"))
    table, series = str(tmp_path / "phenology.csv"), str(tmp_path / "series.csv")
    results = run_workflow(qgis_process_env, "workflowlakeicephenology", stack=stack, lakes=lakes, lake_field="name",
                           shore_buffer=250,
                           **{"phenology:phenology": table, "phenology:lakes_phenology": str(tmp_path / "lakes.gpkg"),
                              "series:lake_series": series, "thickness:ice_seasons": str(tmp_path / "seasons.csv")})
    with open(table) as fh:
        rows = list(csv.DictReader(fh))
    assert {r["lake"] for r in rows} == {lake[0] for lake in sampledata.LAKES}
    assert {r["season"] for r in rows} == {"2015", "2016", "2017"}
    pung = [r for r in rows if r["lake"] == "Pung Co" and r["season"] == "2016"]
    assert pung and all(r["fue"] == "" for r in pung)  # its half-frozen winter is a partial freeze
    with open(series) as fh:
        days = list(csv.DictReader(fh))
    days_count = (sampledata.LAKE_END - sampledata.LAKE_START).days + 1
    assert len(days) == len(sampledata.LAKES) * days_count and days[0]["date"] == sampledata.LAKE_START.isoformat()
    assert "thickness:ice_seasons" not in results and not os.path.exists(str(tmp_path / "seasons.csv"))


def test_an_unnamed_step_output_is_explained_or_temporary(qgis_process_env, tmp_path):
    """series:lake_series not named: QGIS 3.22's qgis_process gives the step no destination, which is explained
    (not reported as a fault of the plugin); later versions write it to a temporary file and the chain runs."""
    stack, lakes = sampledata.write_lake_ice_sample(str(tmp_path / "sample"))
    table = str(tmp_path / "phenology.csv")
    args = [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:workflowlakeicephenology", "--",
            "stack=" + stack, "lakes=" + lakes, "lake_field=name", "phenology:phenology=" + table]
    proc = subprocess.run(args, env=qgis_process_env, capture_output=True, text=True, timeout=600)
    if proc.returncode == 0:
        assert os.path.getsize(table) > 0
    else:
        assert "No destination for the output OUTPUT: give it a file name" in proc.stdout + proc.stderr
        assert "fault of the plugin" not in proc.stdout + proc.stderr and not os.path.exists(table)


def test_lake_ice_workflow_models_the_thickness_from_each_freeze_up(qgis_process_env, tmp_path):
    """With an air-temperature stack at a constant −10 °C the ice of each lake grows from the freeze-up of the
    phenology step to its break-up by Stefan's law: h = 3.558 cm · sqrt(10 °C · days)."""
    stack, lakes = sampledata.write_lake_ice_sample(str(tmp_path / "sample"))
    air = write_constant_air(str(tmp_path / "t2m.tif"), -10.0)
    table, seasons = str(tmp_path / "phenology.csv"), str(tmp_path / "seasons.csv")
    run_workflow(qgis_process_env, "workflowlakeicephenology", stack=stack, lakes=lakes, lake_field="name",
                 shore_buffer=250, temperature_stack=air, temperature_units="celsius",
                 **{"phenology:phenology": table, "thickness:ice_seasons": seasons,
                    "series:lake_series": str(tmp_path / "series.gpkg"),
                    "thickness:ice_thickness": str(tmp_path / "thickness.csv")})
    with open(table) as fh:
        events = {(r["lake"], r["season"]): r for r in csv.DictReader(fh) if r["main"] == "1" and r["fue"] and r["bue"]}
    with open(seasons) as fh:
        modelled = {(r["lake"], r["season"]): r for r in csv.DictReader(fh)}
    assert len(events) >= 15
    for key, event in events.items():
        days = (date.fromisoformat(event["bue"]) - date.fromisoformat(event["fue"])).days
        assert modelled[key]["freeze_up"] == event["fue"], key
        assert float(modelled[key]["max_thickness_cm"]) == pytest.approx(3.558 * np.sqrt(10.0 * days), rel=0.01), key


def write_constant_air(path: str, celsius: float) -> str:
    """A daily air-temperature stack (10 km cells over the lake sample, EPSG:32645) at ``celsius`` every day."""
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    count = (sampledata.LAKE_END - sampledata.LAKE_START).days + 1
    ds = gdal.GetDriverByName("GTiff").Create(path, 5, 4, count, gdal.GDT_Float32)
    ds.SetGeoTransform((595000.0, 10000.0, 0.0, 3505000.0, 0.0, -10000.0))
    ds.SetProjection(srs.ExportToWkt())
    for d in range(count):
        ds.GetRasterBand(d + 1).SetDescription((sampledata.LAKE_START + timedelta(days=d)).isoformat())
        ds.GetRasterBand(d + 1).Fill(celsius)
    ds = None
    return path


def test_insar_workflow_recovers_the_planted_deformation(qgis_app, qgis_process_env, tmp_path):
    """Displacements planted on a 500 m grid inside the permafrost sample with v and e from the thaw index of the
    GST that cryo:gstmodel + cryo:lsttogst give: the workflow (which computes that GST again) recovers them."""
    import datetime as dt

    from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
    from cryo_qgis_plugin.core.io.grid import Grid, crs_wkt_from_user
    from cryo_qgis_plugin.core.io.stack import open_stack
    from cryo_qgis_plugin.core.permafrost.temperature_stack_design import StackDesign
    from test_processing_freezethaw import run

    data = sample_permafrost.write_permafrost_sample(str(tmp_path / "sample"))
    lst = [data.lst[p] for p in sample_permafrost.PREDICTORS]
    run("cryo:gstmodel", {"INPUT": data.stations, "GST_FIELD": "gst", "LST_FIELDS": list(sample_permafrost.PREDICTORS),
                          "OUTPUT_MODEL": str(tmp_path / "m0.json")})
    run("cryo:lsttogst", {"INPUT": lst, "MODEL": str(tmp_path / "m0.json"), "SCALE": 0.02, "UNITS": "kelvin",
                          "OUTPUT": str(tmp_path / "gst0.tif")})
    rows, cols = 32, 40
    grid = Grid(cols, rows, (sample_permafrost.X0 + 10000.0, 500.0, 0.0, sample_permafrost.Y0 - 4000.0, 0.0, -500.0),
                crs_wkt_from_user("EPSG:32645"))
    dates = [dt.date(2006, 1, 6) + dt.timedelta(days=12 * k) for k in range(45)]
    with open_stack(str(tmp_path / "gst0.tif")) as gst:
        design = StackDesign(gst, grid, dates).block(slice(0, rows), cols)
    rng = np.random.default_rng(4)
    v = np.linspace(-15.0, -3.0, cols)[None, :].repeat(rows, axis=0).ravel()
    e = np.full(rows * cols, -0.8)
    d = design.matrix[:, :, 1] * v + design.matrix[:, :, 2] * e + rng.normal(0, 1.0, (len(dates), rows * cols))
    tif = str(tmp_path / "displacement.tif")
    with GeoTiffWriter(tif, grid, [x.isoformat() for x in dates], np.float32, nodata=-9999.0) as w:
        w.write(0, np.where(np.isfinite(d), d / 1000.0, -9999.0).reshape(len(dates), rows, cols))
    out = str(tmp_path / "deformation.tif")
    run_workflow(qgis_process_env, "workflowinsardeformationfromlst", stations=data.stations, gst_field="gst",
                 lst_fields=list(sample_permafrost.PREDICTORS), lst_stacks=lst, scale=0.02, units="kelvin",
                 displacement=tif, displacement_units="auto", year_start="01-01",
                 **{"gstmodel:gst_model": str(tmp_path / "m.json"), "lsttogst:gst": str(tmp_path / "gst.tif"),
                    "deformation:deformation": out, "deformation:deformation_model": str(tmp_path / "model.tif")})
    ds = gdal.Open(out)
    bands = {ds.GetRasterBand(i + 1).GetDescription(): ds.GetRasterBand(i + 1).ReadAsArray().ravel()
             for i in range(ds.RasterCount)}
    solved = bands["velocity_mm_yr"] != -9999
    thawed = np.nanmax(design.matrix[:, :, 2], axis=0) > 5  # pixels whose ground thaws (√A_T over 5)
    assert solved[thawed].mean() > 0.95 and thawed.mean() > 0.5
    ok = solved & thawed
    for band, se, truth in (("velocity_mm_yr", "velocity_se", v), ("seasonal_coef", "seasonal_coef_se", e)):
        error = bands[band][ok] - truth[ok]
        assert np.median(np.abs(error / truth[ok])) < 0.05, band
        assert np.mean(np.abs(error) <= 3 * bands[se][ok]) > 0.97, band  # within the reported standard errors
    assert gdal.Open(str(tmp_path / "model.tif")).RasterCount == len(dates)
