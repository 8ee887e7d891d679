"""cryo:snowcover through QGIS Processing (issue 21): outputs styled and dated, results, the log counting every
step, the HDF4 granules as downloaded giving what the GeoTIFF stacks give, each step switchable, the help, and the
bad inputs of the issue refused with a clear message and no output."""
import csv
import os
import re
import shutil

import numpy as np
import pytest
from osgeo import gdal, osr

from conftest import ROOT
from samples.snow import SnowWorld, granule_name, write_dem, write_geotiff_stack, write_hdf4_granule
from test_processing_freezethaw import paletted_labels, run

MOD11A1 = os.path.join(ROOT, "tests", "data", "real_products", "modis", "MOD11A1.A2021227.h11v05.061.2021228105320.hdf")
CLEAR = re.compile(r"Unexpected error|Traceback")
DAYS = 40  # of the granule folder


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snow")
    world = SnowWorld(height=24, width=32, cloud_fraction=0.5)
    truth, terra, aqua = world.stacks()
    granules = folder / "granules"
    granules.mkdir()
    for sensor, codes in (("terra", terra), ("aqua", aqua)):
        for d in range(DAYS):
            write_hdf4_granule(str(granules / granule_name(sensor, world.dates[d])), codes[d], world)
    return {"world": world, "truth": truth, "terra_codes": terra, "folder": str(folder),
            "terra": write_geotiff_stack(str(folder / "terra.tif"), terra, world.dates, world),
            "aqua": write_geotiff_stack(str(folder / "aqua.tif"), aqua, world.dates, world),
            "terra_40": write_geotiff_stack(str(folder / "terra_40.tif"), terra[:DAYS], world.dates[:DAYS], world),
            "aqua_40": write_geotiff_stack(str(folder / "aqua_40.tif"), aqua[:DAYS], world.dates[:DAYS], world),
            "dem": write_dem(str(folder / "dem.tif"), world), "granules": str(granules)}


def run_logged(parameters, messages):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (Qt name)
            messages.append(info)

        def pushWarning(self, warning):  # noqa: N802 (Qt name)
            messages.append("WARNING " + warning)

    feedback = Feedback()
    context = QgsProcessingContext()
    context.setFeedback(feedback)
    return processing.run("cryo:snowcover", parameters, context=context, feedback=feedback)


def test_snow_cover_through_processing_writes_styled_dated_outputs_and_counts_each_step(qgis_app, sample, tmp_path):
    from qgis.core import QgsRasterLayer

    names = (("OUTPUT", "snow.tif"), ("OUTPUT_TABLE", "snow.csv"), ("OUTPUT_INDICATORS", "seasons.tif"))
    out = {k: str(tmp_path / v) for k, v in names}
    messages = []
    result = run_logged(dict(INPUT=sample["terra"], INPUT_AQUA=sample["aqua"], DEM=sample["dem"], **out), messages)
    world, truth = sample["world"], sample["truth"]
    assert result["N_DATES"] == len(world.dates) == 379
    assert result["CLOUD_BEFORE"] == pytest.approx(0.5, abs=0.05) and result["CLOUD_AFTER"] < 0.01
    ds = gdal.Open(out["OUTPUT"])
    assert ds.RasterCount == 379 and ds.GetRasterBand(1).GetDescription() == "2020-07-25"
    assert ds.GetRasterBand(379).GetMetadataItem("DATE") == "2021-08-07"
    daily = ds.ReadAsArray()
    land = truth <= 1
    assert np.count_nonzero(daily[land] == truth[land]) / np.count_nonzero(land) > 0.98
    labels = paletted_labels(QgsRasterLayer(out["OUTPUT"], "snow"))
    assert labels[1] == "Snow" and labels[2] == "Cloud (not removed)" and labels[0] == "No snow"
    seasons = gdal.Open(out["OUTPUT_INDICATORS"])
    bands = [seasons.GetRasterBand(b).GetDescription() for b in (1, 4)]
    assert bands == ["snow_cover_duration_2020", "snow_days_2020"]
    assert QgsRasterLayer(out["OUTPUT_INDICATORS"], "s").renderer().type() == "singlebandpseudocolor"
    with open(out["OUTPUT_TABLE"]) as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 379 and rows[200]["date"] == "2021-02-10" and float(rows[200]["snow_km2"]) > 0
    for step in ("1 Terra/Aqua", "2 temporal", "3 spatial", "4 snow line", "5 seasonal"):
        line = next(m for m in messages if m.startswith("Step " + step))
        assert int(re.search(r": ([\d,]+) pixel-days", line).group(1).replace(",", "")) > 0, line
    assert any(m.startswith("Result of cryo:snowcover: CLOUD_AFTER = ") for m in messages)


def test_hdf4_granules_of_both_satellites_give_what_the_geotiff_stacks_give(qgis_app, sample, tmp_path):
    """A folder of MOD10A1 and MYD10A1 HDF4 granules (GDAL's HDF4 driver, the codes of the product) against the
    same days as two GeoTIFF stacks; 40 days hold no complete season, so the default temporary OUTPUT_INDICATORS
    is skipped with a warning."""
    messages = []
    from_hdf4 = run_logged({"INPUT_FOLDER": sample["granules"], "DEM": sample["dem"],
                            "OUTPUT": str(tmp_path / "hdf4.tif"), "OUTPUT_INDICATORS": "TEMPORARY_OUTPUT"}, messages)
    from_tiff = run("cryo:snowcover", {"INPUT": sample["terra_40"], "INPUT_AQUA": sample["aqua_40"],
                                       "DEM": sample["dem"], "OUTPUT": str(tmp_path / "tiff.tif")})
    assert np.array_equal(gdal.Open(from_hdf4["OUTPUT"]).ReadAsArray(), gdal.Open(from_tiff["OUTPUT"]).ReadAsArray())
    assert from_hdf4["CLOUD_AFTER"] == from_tiff["CLOUD_AFTER"] and from_hdf4["N_DATES"] == DAYS
    assert from_hdf4["OUTPUT_INDICATORS"] is None
    assert any("OUTPUT_INDICATORS skipped" in m for m in messages)
    assert any("(MYD files)" in m for m in messages)


def test_every_step_can_be_switched_off(qgis_app, sample, tmp_path):
    off = {name: False for name in ("TERRA_AQUA", "TEMPORAL", "SPATIAL", "SNOWLINE", "SEASONAL")}
    messages = []
    result = run_logged(dict(INPUT=sample["terra_40"], INPUT_AQUA=sample["aqua_40"], DEM=sample["dem"],
                             OUTPUT=str(tmp_path / "raw.tif"), **off), messages)
    assert result["CLOUD_AFTER"] == pytest.approx(result["CLOUD_BEFORE"], abs=1e-6)
    assert all(re.search(r": 0 pixel-days", m) for m in messages if m.startswith("Step "))
    decoded = gdal.Open(result["OUTPUT"]).ReadAsArray()
    codes = sample["terra_codes"][:DAYS]
    assert np.array_equal(decoded == 1, (codes >= 10) & (codes <= 100))  # NDSI_THRESHOLD 10
    only_temporal = run("cryo:snowcover", dict(INPUT=sample["terra_40"], OUTPUT=str(tmp_path / "t.tif"),
                                               **dict(off, TEMPORAL=True, TEMPORAL_DAYS=1)))
    assert only_temporal["CLOUD_AFTER"] < result["CLOUD_AFTER"]


def test_step_6_nearest_clear_day_is_off_by_default_and_fills_what_the_classic_steps_leave(qgis_app, sample, tmp_path):
    classic_log, nearest_log = [], []
    common = dict(INPUT=sample["terra_40"], INPUT_AQUA=sample["aqua_40"], DEM=sample["dem"])
    classic = run_logged(dict(common, OUTPUT=str(tmp_path / "classic.tif")), classic_log)
    nearest = run_logged(dict(common, OUTPUT=str(tmp_path / "nearest.tif"), NEAREST=True, NEAREST_DAYS=7),
                         nearest_log)
    step6 = [next(m for m in log if m.startswith("Step 6 nearest clear day: ")) for log in (classic_log, nearest_log)]
    assert ": 0 pixel-days" in step6[0] and not re.search(r": 0 pixel-days", step6[1]), step6
    assert nearest["CLOUD_AFTER"] < classic["CLOUD_AFTER"]
    before, after = (gdal.Open(r["OUTPUT"]).ReadAsArray() for r in (classic, nearest))
    assert (before[before != after] == 2).all()  # only cloud the classic steps left is changed
    assert any("nearest on (within 7 days)" in m for m in nearest_log)


def test_help_cites_the_methods_and_every_parameter_has_help(qgis_app):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("cryo:snowcover")
    text = alg.shortHelpString()
    for reference in ("Parajka &amp; Blöschl", "Gafurov &amp; Bárdossy", "Collection 6.1 User Guide",
                      "237 inland water", "MOD10A1F", "Hall et al. 2010", "Foppa &amp; Seiz"):
        assert reference in text
    assert all(p.help() for p in alg.parameterDefinitions()), [p.name() for p in alg.parameterDefinitions()
                                                               if not p.help()]
    names = {p.name() for p in alg.parameterDefinitions()}
    assert {"INPUT", "INPUT_AQUA", "DEM", "NDSI_THRESHOLD", "OUTPUT", "OUTPUT_TABLE", "OUTPUT_INDICATORS", "NEAREST",
            "NEAREST_DAYS"} <= names
    assert alg.parameterDefinition("NEAREST").defaultValue() is False
    assert {o.name() for o in alg.outputDefinitions()} >= {"CLOUD_BEFORE", "CLOUD_AFTER", "N_DATES"}


# --------------------------------------------------------------------------------------------- bad inputs

def refused(parameters, expected, out_folder):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run("cryo:snowcover", parameters)
    message = str(error.value)
    assert not CLEAR.search(message), message
    assert re.search(expected, message), message
    assert os.listdir(out_folder) == [], os.listdir(out_folder)  # no output, no hidden partial file
    return message


def reflectance_like(path, world):
    """A uint8 grid of the right size and dates but reflectance-like values (a MOD09GA band scaled to 0-255)."""
    rng = np.random.default_rng(3)
    return write_geotiff_stack(path, rng.integers(0, 256, (5, world.height, world.width)).astype(np.uint8),
                               world.dates[:5], world)


def shifted_dem(path, sample):
    ds = gdal.Translate(path, sample["dem"])
    x0, dx, rx, y0, ry, dy = ds.GetGeoTransform()
    ds.SetGeoTransform((x0 + 5 * dx, dx, rx, y0, ry, dy))
    ds = None
    return path


def undated(path, world):
    ds = gdal.GetDriverByName("GTiff").Create(path, world.width, world.height, 3, gdal.GDT_Byte)
    ds.SetGeoTransform(world.geotransform())
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    ds.SetProjection(srs.ExportToWkt())
    ds = None
    return path


@pytest.mark.parametrize("case, change, expected", [
    ("codes outside the table",
     lambda p, s, i: dict(p, INPUT=reflectance_like(os.path.join(i, "refl.tif"), s["world"])),
     r"not MOD10A1/MYD10A1 v061 NDSI_Snow_Cover codes.*reflectance"),
    ("threshold 0", lambda p, s, i: dict(p, NDSI_THRESHOLD=0), "NDSI_THRESHOLD"),
    ("threshold 150", lambda p, s, i: dict(p, NDSI_THRESHOLD=150), "NDSI_THRESHOLD"),
    ("dem on another grid", lambda p, s, i: dict(p, DEM=shifted_dem(os.path.join(i, "dem_shift.tif"), s)),
     "(?s)DEM .* another grid.*warp"),
    ("no dates", lambda p, s, i: dict(p, INPUT=undated(os.path.join(i, "undated.tif"), s["world"]), INPUT_AQUA=None),
     "carry no dates.*START_DATE"),
    ("temperature product", lambda p, s, i: dict(p, INPUT=MOD11A1, INPUT_AQUA=None, DATASET="LST_Day_1km"),
     "uint16 values.*NDSI_Snow_Cover codes are unsigned 8-bit"),
    ("not a snow product", lambda p, s, i: dict(p, INPUT=MOD11A1, INPUT_AQUA=None),
     "holds no NDSI_Snow_Cover grid"),
    ("aqua on another grid", lambda p, s, i: dict(p, INPUT_AQUA=shifted_dem(os.path.join(i, "aqua_shift.tif"),
                                                                            {"dem": s["aqua_40"]})),
     "(?s)Aqua stack .* another grid"),
    ("indicators without a whole season", lambda p, s, i: dict(p, OUTPUT_INDICATORS=p["OUTPUT"].replace(
        "snow.tif", "seasons.tif")), "complete season.*leave OUTPUT_INDICATORS empty"),
    ("bad season start", lambda p, s, i: dict(p, YEAR_START="August"), "MM-DD"),
    ("nearest day beyond reach", lambda p, s, i: dict(p, NEAREST=True, NEAREST_DAYS=121), "NEAREST_DAYS"),
])
def test_bad_inputs_are_refused_with_a_clear_message_and_no_output(qgis_app, sample, tmp_path, case, change, expected):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    parameters = {"INPUT": sample["terra_40"], "INPUT_AQUA": sample["aqua_40"], "DEM": sample["dem"],
                  "OUTPUT": str(out / "snow.tif"), "OUTPUT_TABLE": str(out / "snow.csv")}
    refused(change(parameters, sample, str(inputs)), expected, str(out))


def test_a_granule_folder_with_other_files_is_refused(qgis_app, sample, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(sample["granules"], str(folder))
    first = sorted(os.listdir(sample["granules"]))[0]
    shutil.copy(os.path.join(sample["granules"], first), str(folder / "SNOW.A2020207.hdf"))
    out = tmp_path / "out"
    out.mkdir()
    refused({"INPUT_FOLDER": str(folder), "OUTPUT": str(out / "s.tif")}, "(?s)other file.*SNOW.A2020207.hdf", str(out))


def test_terra_and_aqua_folders_given_apart_read_as_one_mixed_folder(qgis_app, sample, tmp_path):
    for sensor in ("MOD", "MYD"):
        os.makedirs(str(tmp_path / sensor))
        for name in os.listdir(sample["granules"]):
            if name.startswith(sensor):
                shutil.copy(os.path.join(sample["granules"], name), str(tmp_path / sensor / name))
    apart = run("cryo:snowcover", {"INPUT_FOLDER": str(tmp_path / "MOD"), "INPUT_AQUA_FOLDER": str(tmp_path / "MYD"),
                                   "OUTPUT": str(tmp_path / "apart.tif")})
    scripted = run("cryo:snowcover", {"INPUT": str(tmp_path / "MOD"), "INPUT_AQUA": str(tmp_path / "MYD"),
                                      "OUTPUT": str(tmp_path / "scripted.tif")})
    mixed = run("cryo:snowcover", {"INPUT": sample["granules"], "OUTPUT": str(tmp_path / "mixed.tif")})
    for other in (scripted, mixed):
        assert np.array_equal(gdal.Open(apart["OUTPUT"]).ReadAsArray(), gdal.Open(other["OUTPUT"]).ReadAsArray())
    out = tmp_path / "out"
    out.mkdir()
    refused({"INPUT_FOLDER": str(tmp_path / "MOD"), "INPUT_AQUA_FOLDER": str(tmp_path / "MYD"),
             "INPUT_AQUA": sample["aqua_40"], "OUTPUT": str(out / "s.tif")}, "INPUT_AQUA and INPUT_AQUA_FOLDER",
            str(out))
