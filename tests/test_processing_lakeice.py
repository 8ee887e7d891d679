"""Lake-ice phenology through QGIS: a table, a raster stack with lake polygons (against a hand-computed table),
errors, qgis_process and the model builder."""
import csv
import datetime as dt
import json
import os
import subprocess

import numpy as np
import pytest
from osgeo import ogr, osr

from conftest import ROOT
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from test_lakeice_core import day, season_series
from test_processing_freezethaw import run


def write_table(path, rows, header=("lake", "date", "value")):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def season_table(path, lakes=("A", "B")):
    """Lake A: the clean season of the core tests; lake B: the same 10 days later; no row for 2005-09-01."""
    rows = []
    for k, lake in enumerate(lakes):
        values = season_series(up=100 + 10 * k, down=250)
        rows += [(lake, day(d).isoformat(), values[d]) for d in range(365) if day(d) != dt.date(2005, 9, 1)]
    return write_table(path, rows)


def read_csv(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def test_table_through_processing(qgis_app, tmp_path):
    out = str(tmp_path / "phenology.csv")
    result = run("cryo:lakeicephenology", {"INPUT": season_table(tmp_path / "series.csv"), "OUTPUT": out})
    assert result["N_LAKES"] == 2 and result["N_EVENTS"] == 2
    a, b = read_csv(out)
    assert (a["lake"], a["season"], a["fus"], a["fue"], a["bus"], a["bue"]) == (
        "A", "2005", "2005-11-10", "2005-11-18", "2006-04-10", "2006-04-18")
    assert (a["icd"], a["cfd"], a["fd"], a["bd"], a["main"], a["valid_days"]) == ("159", "143", "8", "8", "1", "364")
    assert b["fus"] == "2005-11-20" and b["icd"] == "149"


def stack_and_lakes(tmp_path):
    """A 4 x 6 stack (1 km cells, EPSG:32645): lake A = columns 0-1, lake B = columns 3-5 of rows 1-2.

    By hand: lake A's cells all follow the clean season; on 2005-12-01 three of its four cells are cloudy (255),
    so that day is missing for A and filled from its neighbours. Lake B: columns 3-4 freeze like A, column 5
    stays open, so B's mean is 2/3 of A's and reaches at most 66.7 %: a partial freeze from the first day
    ≥ 10 % (2/3 · 10 (d − 100) ≥ 10: d = 102) to the first day < 10 % (d = 259).
    """
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    grid = Grid(6, 4, (600000.0, 1000.0, 0.0, 3500000.0, 0.0, -1000.0), srs.ExportToWkt())
    values = season_series()
    dates = [day(d).isoformat() for d in range(365)]
    path = str(tmp_path / "ice.tif")
    with GeoTiffWriter(path, grid, dates, np.uint8, nodata=255, band_dates=dates) as out:
        for d in range(365):
            band = np.zeros((4, 6), dtype=np.uint8)
            band[:, 0:2] = values[d]
            band[1:3, 3:5] = values[d]
            if day(d) == dt.date(2005, 12, 1):
                band[0:3, 0] = 255
                band[0, 1] = 255
            out.write_band(d + 1, 0, band)
    lakes = str(tmp_path / "lakes.gpkg")
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(lakes)
    layer = vector.CreateLayer("lakes", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, (x0, x1, y0, y1) in (("A", (0, 2, 0, 2)), ("B", (3, 6, 1, 3))):
        ring = "POLYGON(({0} {2},{1} {2},{1} {3},{0} {3},{0} {2}))".format(
            600000 + x0 * 1000, 600000 + x1 * 1000, 3500000 - y0 * 1000, 3500000 - y1 * 1000)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(ring))
        feature.SetField("name", name)
        layer.CreateFeature(feature)
    vector = None
    return path, lakes


def test_stack_and_polygons_match_a_hand_computed_table(qgis_app, tmp_path):
    stack, lakes = stack_and_lakes(tmp_path)
    out, polygons = str(tmp_path / "phenology.csv"), str(tmp_path / "lakes_out.gpkg")
    # lake A's polygon covers rows 0-1 only: its 2 x 2 cells
    result = run("cryo:lakeicephenology", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": out,
                                           "OUTPUT_LAKES": polygons})
    assert result["N_LAKES"] == 2
    a, b = read_csv(out)
    assert (a["fus"], a["fue"], a["bus"], a["bue"], a["valid_days"]) == (
        "2005-11-10", "2005-11-18", "2006-04-10", "2006-04-18", "364")
    assert (b["fus"], b["fue"], b["bus"], b["bue"], b["icd"]) == (
        day(102).isoformat(), "", "", day(259).isoformat(), "157")
    vector = ogr.Open(polygons)  # keep the dataset alive while its layer is read
    feature = next(f for f in vector.GetLayer() if f.GetField("name") == "A")
    assert feature.GetField("icd_2005") == 159 and feature.GetField("fus_2005") == "2005-11-10"


def test_bad_input_gives_clear_errors(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    bad_date = write_table(tmp_path / "bad_date.csv", [("A", "2005-08-01", 0), ("A", "01/08/2005", 0)])
    with pytest.raises(QgsProcessingException, match="Row 2: cannot read the date '01/08/2005'"):
        run("cryo:lakeicephenology", {"INPUT": bad_date, "OUTPUT": str(tmp_path / "o.csv")})
    twice = write_table(tmp_path / "twice.csv", [("A", "2005-08-01", 0), ("A", "2005-08-01", 5)])
    with pytest.raises(QgsProcessingException, match="Rows 1 and 2 both give lake A on 2005-08-01"):
        run("cryo:lakeicephenology", {"INPUT": twice, "OUTPUT": str(tmp_path / "o.csv")})
    percent = write_table(tmp_path / "percent.csv", [("A", "2005-08-01", 0), ("A", "2005-08-02", 80)])
    with pytest.raises(QgsProcessingException, match="outside 0.0..1.0 expected for VALUE_TYPE ice_fraction"):
        run("cryo:lakeicephenology", {"INPUT": percent, "VALUE_TYPE": "ice_fraction",
                                      "OUTPUT": str(tmp_path / "o.csv")})
    stack, lakes = stack_and_lakes(tmp_path)
    with pytest.raises(QgsProcessingException, match="The LAKES layer has no field 'lake'"):
        run("cryo:lakeicephenology", {"INPUT": stack, "LAKES": lakes, "OUTPUT": str(tmp_path / "o.csv")})


def test_model_builder_and_qgis_process(qgis_app, qgis_process_env, tmp_path):
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                           QgsProcessingModelOutput, QgsProcessingModelParameter, QgsProcessingParameterFile)

    table = season_table(tmp_path / "series.csv")
    model = QgsProcessingModelAlgorithm("lake ice", "cryo tests")
    model.addModelParameter(QgsProcessingParameterFile("series", "Daily series"), QgsProcessingModelParameter("series"))
    child = QgsProcessingModelChildAlgorithm("cryo:lakeicephenology")
    child.setChildId("phenology")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("series")])
    child.addParameterSources("THRESHOLD_LOW", [QgsProcessingModelChildParameterSource.fromStaticValue(30)])
    child.addParameterSources("THRESHOLD_HIGH", [QgsProcessingModelChildParameterSource.fromStaticValue(70)])
    output = QgsProcessingModelOutput("dates", "Phenology")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"dates": output})
    model.addChildAlgorithm(child)
    out = str(tmp_path / "model.csv")
    results, ok = model.run({"series": table, "phenology:dates": out}, QgsProcessingContext(), QgsProcessingFeedback())
    assert ok
    a = read_csv(out)[0]
    # 30/70 %: ≥ 30 first on day 103, ≥ 70 on 107; < 70 on 254, < 30 on 258
    assert (a["fus"], a["fue"], a["bus"], a["bue"]) == tuple(day(d).isoformat() for d in (103, 107, 254, 258))

    out = str(tmp_path / "cli.csv")
    proc = subprocess.run(
        [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:lakeicephenology", "--json", "--",
         "INPUT=" + table, "MIN_RUN=3", "OUTPUT=" + out],
        env=qgis_process_env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["N_EVENTS"] == 2 and read_csv(out)[1]["fus"] == "2005-11-20"
