"""End to end in the real QGIS desktop under Xvfb: the plugin deployed and enabled in a fresh profile, a decoded
freeze/thaw stack loaded, the Cryosphere toolbar's "Time series" button pressed, two clicks on the map canvas,
the dock's plotted data compared with the pixels read with GDAL, the dock's date slider stepped with its keys (the
map's band, the Temporal Controller's date, the plot's date line and the map's colour read back for each date), the
import dialog opened on the sample folder;
screenshots are saved with the test's files, and into docs/screenshots/ (shown in the README) when
CRYO_UPDATE_SCREENSHOTS=1 (``make screenshots``)."""
import datetime as dt
import json
import os
import shutil
import subprocess

import numpy as np
import pytest
from osgeo import gdal

from conftest import ROOT
from cryo_qgis_plugin.core import freezethaw
from cryo_qgis_plugin.core.codes import FREEZE_THAW
from samples import sampledata
from cryo_qgis_plugin.core.io.stack import open_stack

SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots")
FIRST, LAST = dt.date(2005, 10, 1), dt.date(2006, 1, 31)


def run_desktop(env, tmp_path, config):
    """Start QGIS under Xvfb in a fresh profile with the plugin enabled, run tests/desktop_session.py with
    ``config`` (plus the screenshots folder and answer file) and return its answer and the screenshots folder."""
    profiles = tmp_path / "profiles"
    settings = profiles / "profiles" / "default" / "QGIS"
    settings.mkdir(parents=True)
    (settings / "QGIS3.ini").write_text("[PythonPlugins]\ncryo_qgis_plugin=true\n[qgis]\ncheckVersion=false\n"
                                        "showTips322=false\n")
    screenshots = tmp_path / "screenshots"
    screenshots.mkdir()
    answer = tmp_path / "answer.json"
    path = tmp_path / "config.json"
    path.write_text(json.dumps(dict(config, screenshots=str(screenshots), answer=str(answer))))
    env = dict(env, CRYO_DESKTOP_CONFIG=str(path), QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles),
                           "--nologo", "--noversioncheck", "--code", os.path.join(ROOT, "tests", "desktop_session.py")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert answer.exists(), "QGIS died: " + proc.stdout[-3000:] + proc.stderr[-3000:]
    seen = json.loads(answer.read_text())
    assert "error" not in seen, seen["error"]
    return seen, screenshots


def two_cells_with_a_season(codes):
    """Two cells 1-3° apart in the northern mid-latitudes (45-65°N on the 0.25° grid) that are frozen on
    some days and thawed on others."""
    seasonal = (codes == 1).any(axis=0) & (codes == 2).any(axis=0)
    seasonal[:100], seasonal[180:] = False, False
    cells = np.argwhere(seasonal)
    first = cells[len(cells) // 2]
    distance = np.abs(cells - first).max(axis=1)
    second = cells[np.flatnonzero((distance >= 4) & (distance <= 12))[0]]
    return [tuple(int(v) for v in first), tuple(int(v) for v in second)]


def check_stepping_in_time(seen, codes, cell):
    """The slider's keys (→ → →, Page Up, End, ←) from the first date: the dates expected here from the keys'
    meaning (a day, a month, the last, a day back); for each, the map's renderer draws that date's band, the
    canvas's temporal range starts on it (the Temporal Controller, 3.22 and 3.38+ alike), the plot's date line
    sits on it, and the map's colour at the picked cell is the class colour of that cell's code on that day."""
    assert seen["temporal_enabled"]
    assert seen["dates"] == [FIRST.isoformat(), LAST.isoformat(), (LAST - FIRST).days + 1]
    expected = [FIRST + dt.timedelta(days=d) for d in (1, 2, 3)]
    expected += [dt.date(2005, 11, 4), LAST, LAST - dt.timedelta(days=1)]
    colours = {code.value: list(code.color) for code in FREEZE_THAW}
    row, col = cell
    for day, step in zip(expected, seen["time_steps"]):
        band = (day - FIRST).days + 1
        assert step["slider"] == step["label"] == step["canvas_day"] == day.isoformat()
        assert step["band"] == band
        assert step["date_line"] == (day - dt.date(1970, 1, 1)).days * 86400
        assert step["colour"] == colours[int(codes[band - 1, row, col])], day
    assert len(seen["time_steps"]) == len(expected)
    assert len({tuple(step["colour"]) for step in seen["time_steps"]}) > 1  # the cell changes class on the way


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
                    reason="needs the QGIS desktop and Xvfb (make deps)")
def test_desktop_pick_and_import_dialog(qgis_process_env, tmp_path):
    folder = str(tmp_path / "daily")
    sampledata.write_freeze_thaw_folder(folder, FIRST, LAST)
    stack_path = str(tmp_path / "decoded.tif")
    with open_stack(folder) as stack:
        freezethaw.decode(stack, stack_path, None)
    ds = gdal.Open(stack_path)
    codes = ds.ReadAsArray()
    transform = ds.GetGeoTransform()
    cells = two_cells_with_a_season(codes)
    clicks = [(transform[0] + (c + 0.5) * transform[1], transform[3] + (r + 0.5) * transform[5]) for r, c in cells]
    lon, lat = clicks[0]
    seen, screenshots = run_desktop(qgis_process_env, tmp_path, {
        "stack": stack_path, "clicks": clicks, "view": [lon - 16, lat - 5, lon + 16, lat + 5],
        "sample_folder": folder})
    assert seen["dock_visible"] and seen["tool_is_pick"] and seen["checked_layers"] == ["decoded"]
    assert len(seen["picks"]) == 2
    for (r, c), pick in zip(cells, seen["picks"]):
        series = pick[0]
        assert series["name"].startswith("decoded ") and "° N, " in series["name"]  # where the click was
        assert series["name"].endswith("(col {}, row {})".format(c + 1, r + 1))
        band_by_band = [ds.GetRasterBand(b).ReadAsArray(c, r, 1, 1)[0, 0] for b in range(1, ds.RasterCount + 1)]
        assert series["y"] == [float(v) for v in band_by_band]
        assert series["categorical"]
        first_day = (FIRST - dt.date(1970, 1, 1)).days * 86400
        assert series["x"][0] == first_day and len(series["x"]) == (LAST - FIRST).days + 1
    assert seen["left_ticks"][:3] == ["Water body or missing", "Frozen", "Thawed"]
    check_stepping_in_time(seen, codes, cells[0])
    assert seen["dialog_visible"] and "123" in seen["dialog_dates"]  # 123 days, 2005-10-01 .. 2006-01-31
    assert seen["unloaded"] and not seen["provider_after_unload"]
    for name in ("qgis_timeseries_dock.png", "timeseries_dock.png", "qgis_import_dialog.png",
                 "qgis_timeseries_in_time.png"):
        assert os.path.getsize(str(screenshots / name)) > 10000
        if os.environ.get("CRYO_UPDATE_SCREENSHOTS") == "1":
            shutil.copy(str(screenshots / name), os.path.join(SCREENSHOTS, name))


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
                    reason="needs the QGIS desktop and Xvfb (make deps)")
def test_desktop_processing_dialogs(qgis_process_env, tmp_path):
    """Map accuracy opened with a raster only, a raster then a vector reference chosen (it used to crash QGIS
    3.22), and Decode run from a folder chosen as INPUT_FOLDER: QGIS stays alive and the run starts."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    paths = {}
    for name, values in (("map", np.array([[1, 1, 2], [2, 1, 2]], np.uint8)),
                         ("reference_raster", np.array([[1, 0, 0], [0, 1, 0]], np.uint8))):
        paths[name] = str(tmp_path / (name + ".tif"))
        ds = gdal.GetDriverByName("GTiff").Create(paths[name], 3, 2, 1, gdal.GDT_Byte)
        ds.SetGeoTransform((500000.0, 1000.0, 0.0, 4000000.0, 0.0, -1000.0))
        ds.SetProjection(srs.ExportToWkt())
        ds.GetRasterBand(1).SetNoDataValue(255)
        ds.GetRasterBand(1).WriteArray(values)
        ds = None
    paths["reference_vector"] = str(tmp_path / "reference.gpkg")
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(paths["reference_vector"])
    layer = vector.CreateLayer("reference", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("pf", ogr.OFTInteger))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        "POLYGON ((500000 4000000, 502000 4000000, 502000 3998000, 500000 3998000, 500000 4000000))"))
    feature.SetField("pf", 1)
    layer.CreateFeature(feature)
    vector = None
    folder = str(tmp_path / "daily")
    sampledata.write_freeze_thaw_folder(folder, dt.date(2005, 10, 1), dt.date(2005, 10, 20))
    seen, screenshots = run_desktop(qgis_process_env, tmp_path, dict(
        paths, scenario="dialogs", sample_folder=folder, decoded=str(tmp_path / "decoded.tif"),
        table=str(tmp_path / "accuracy.csv")))
    assert seen["alive"] and seen["raster_reference"] and not seen.get("modals")
    assert seen["table_written"]
    assert seen["vector_reference"][1] == "pf" and seen["vector_reference"][2] is None
    assert "reference" in seen["vector_reference"][0]
    assert seen["folder_shown"] == folder and seen["decoded"]
    assert gdal.Open(str(tmp_path / "decoded.tif")).RasterCount == 20
    for name in ("map_accuracy_raster_reference.png", "map_accuracy_vector_reference.png",
                 "qgis_map_accuracy_dialog.png", "map_accuracy_run.png", "decode_folder_chosen.png",
                 "decode_folder_run.png"):
        assert os.path.getsize(str(screenshots / name)) > 10000
    if os.environ.get("CRYO_UPDATE_SCREENSHOTS") == "1":
        for name in ("map_accuracy_vector_reference.png", "decode_folder_chosen.png"):
            shutil.copy(str(screenshots / name), os.path.join(SCREENSHOTS, name))
