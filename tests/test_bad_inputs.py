"""Bad inputs and faults, table-driven: every algorithm given the mistakes a new user makes and the faults a
machine has (a full disk, a read-only folder, a damaged file, a killed run) must stop with a clear
``QgsProcessingException`` (never a traceback, never "Unexpected error"), change no input and leave no output
or hidden partial file behind.

Each algorithm has one small valid set of inputs (:func:`inputs`); a case changes one thing in it. The
generic cases (outputs on inputs or on each other, missing or read-only folders, missing or damaged inputs, a
full disk) are generated for every algorithm from its parameters; algorithm-specific cases are listed in
:data:`SPECIFIC`. The unit mistakes of issue #15 are in tests/test_plausibility.py, layer faults in
tests/test_faults_layers.py.
"""
import contextlib
import csv
import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess

import h5py
import numpy as np
import pytest
from osgeo import gdal, osr

from test_processing_freezethaw import SMALL_EXTENT, run, small_season_folder
from test_processing_glaciers import point_layer
from test_processing_lakeice import season_table, stack_and_lakes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LYB = os.path.join(ROOT, "data", "longyearbyen")
CLEAR = re.compile(r"Unexpected error|Traceback")


def write_stack(path, values, first, nodata=-9999.0, epsg=32645, kind=gdal.GDT_Float32,
                geotransform=(600000, 1000, 0, 3500000, 0, -1000)):
    """A GeoTIFF stack (days, rows, cols), 1 km cells unless ``geotransform`` says otherwise, with ISO dates as
    band descriptions; ``nodata`` None: none declared."""
    days, rows, cols = values.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, days, kind)
    ds.SetGeoTransform(geotransform)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for d in range(days):
        band = ds.GetRasterBand(d + 1)
        band.SetDescription((first + dt.timedelta(days=d)).isoformat())
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(values[d])
    ds = None
    return str(path)


def write_stations(path, rng):
    """200 station-days: gst = 1 + 0.6 lst1 + 0.3 lst2 + noise (°C)."""
    lst1 = rng.normal(-2, 8, 200)
    lst2 = lst1 + rng.normal(-3, 2, 200)
    gst = 1 + 0.6 * lst1 + 0.3 * lst2 + rng.normal(0, 0.3, 200)
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["station", "gst", "lst1", "lst2"])
        writer.writerows(("S{}".format(i % 7), round(g, 3), round(a, 3), round(b, 3))
                         for i, (g, a, b) in enumerate(zip(gst, lst1, lst2)))
    return str(path)


@pytest.fixture(scope="module")
def inputs(qgis_app, tmp_path_factory):
    """The inputs of one valid run of every algorithm (small), as ``{algorithm: parameters without outputs}``."""
    folder = tmp_path_factory.mktemp("inputs")
    rng = np.random.default_rng(15)
    ft = small_season_folder(str(folder / "ft"))
    day = np.arange(730)
    seasonal = -5 + 15 * np.sin(2 * np.pi * (day - 100) / 365.25)
    gst = (seasonal[:, None, None] + rng.normal(0, 1, (730, 6, 8))).astype(np.float32)
    gst_stack = write_stack(folder / "gst.tif", gst, dt.date(2005, 7, 1))
    lst = [write_stack(folder / "lst{}.tif".format(i), gst[:40] + i, dt.date(2005, 7, 1)) for i in (1, 2)]
    stations = write_stations(folder / "stations.csv", rng)
    made = folder / "made"
    made.mkdir()
    run("cryo:gstmodel", {"INPUT": stations, "GST_FIELD": "gst", "LST_FIELDS": ["lst1", "lst2"], "FOLDS": 5,
                          "OUTPUT_MODEL": str(made / "model.json")})
    run("cryo:degreedays", {"INPUT": gst_stack, "OUTPUT_DDF": str(made / "ddf.tif"),
                            "OUTPUT_DDT": str(made / "ddt.tif")})
    run("cryo:freezethawindicators", {"INPUT": ft, "EXTENT": SMALL_EXTENT, "OUTPUT": str(made / "ind.tif")})
    classes, truth = (write_stack(folder / name, rng.integers(0, 2, (1, 6, 8)), dt.date(2005, 1, 1), nodata=255,
                                  kind=gdal.GDT_Byte) for name in ("classes.tif", "truth.tif"))
    dems = [gdal.Translate(str(folder / name), os.path.join(LYB, name), srcWin=[500, 300, 200, 200]) and
            str(folder / name) for name in ("DEM_2009_standin_synthetic.tif", "DEM_1990.tif")]
    epoch1 = point_layer(folder / "e1.gpkg", [(510100, 8660100, 300.0), (510300, 8660300, 310.0)])
    epoch2 = point_layer(folder / "e2.gpkg", [(510200, 8660150, 290.0), (510400, 8660400, 296.0)])
    lake_stack, lakes = stack_and_lakes(folder)
    insar = write_stack(folder / "insar.tif", rng.normal(0, 0.002, (30, 6, 8)).astype(np.float32),
                        dt.date(2006, 1, 5))  # thawing in this series: Nov-Feb
    with open(folder / "air.csv", "w") as fh:
        fh.write("date,temperature\n" + "".join("{},{:.2f}\n".format(dt.date(2005, 7, 1) + dt.timedelta(days=int(d)), t)
                                                for d, t in zip(day, seasonal)))
    shutil.copy(os.path.join(ROOT, "cryo_qgis_plugin", "tables", "nfactors_default.csv"), folder / "nfactors.csv")
    shutil.copy(os.path.join(LYB, "glacier_outlines_1990_from_mask.gpkg"), folder / "glaciers.gpkg")
    damaged = folder / "ft_damaged"
    shutil.copytree(ft, damaged)
    with h5py.File(str(damaged / "AMSR_20050801_FT_25.h5"), "w") as h5:  # one day with a damaged chunk
        h5.create_dataset("FT", data=np.ones((6, 8), np.uint8), chunks=(6, 8), compression="gzip")
        chunk = h5["FT"].id.get_chunk_info(0)
    with open(damaged / "AMSR_20050801_FT_25.h5", "r+b") as fh:
        fh.seek(chunk.byte_offset)
        fh.write(b"\xff" * chunk.size)
    tb36 = np.linspace(200, 250, 480, dtype=np.float32).reshape(10, 6, 8)  # snow depth: Tb 18/36 GHz H (K)
    tb = [write_stack(folder / name, values, dt.date(2016, 1, 1))
          for name, values in (("tb18.tif", tb36 + 20), ("tb36.tif", tb36))]
    with open(folder / "air_lakes.csv", "w") as fh:  # lake-ice thickness: daily air temperature of lakes A and B
        fh.write("lake,date,temperature\n" + "".join("{},{},{:.2f}\n".format(
            lake, dt.date(2005, 7, 1) + dt.timedelta(days=int(d)), t - k) for k, lake in enumerate("AB")
            for d, t in zip(day, seasonal)))
    from samples.snow import SnowWorld, write_dem, write_geotiff_stack  # snow cover: a season of MOD10A1 codes
    snow_world = SnowWorld(height=6, width=8)
    snow = (write_geotiff_stack(str(folder / "mod10a1.tif"), snow_world.stacks()[1], snow_world.dates, snow_world),
            write_dem(str(folder / "snow_dem.tif"), snow_world))
    return folder, {
        "cryo:decodefreezethaw": ({"INPUT": ft, "EXTENT": SMALL_EXTENT, "PERIOD_END": "2005-09-30"},
                                  {"OUTPUT": "ft.tif", "OUTPUT_TABLE": "areas.csv"}),
        "cryo:freezethawindicators": ({"INPUT": ft, "EXTENT": SMALL_EXTENT}, {"OUTPUT": "ind.tif"}),
        "cryo:trend": ({"INPUT": [str(made / "ind.tif")], "BAND_PREFIX": "frozen_days_", "MIN_YEARS": 3},
                       {"OUTPUT": "trend.tif"}),
        "cryo:degreedays": ({"INPUT": gst_stack}, {"OUTPUT_DDF": "ddf.tif", "OUTPUT_DDT": "ddt.tif"}),
        "cryo:gstmodel": ({"INPUT": stations, "GST_FIELD": "gst", "LST_FIELDS": ["lst1", "lst2"], "FOLDS": 5},
                          {"OUTPUT_MODEL": "model.json"}),
        "cryo:lsttogst": ({"INPUT": lst, "MODEL": str(made / "model.json")}, {"OUTPUT": "gst.tif"}),
        "cryo:ttop": ({"DDF": str(made / "ddf.tif"), "DDT": str(made / "ddt.tif")},
                      {"OUTPUT_TTOP": "ttop.tif", "OUTPUT_CLASSES": "classes.tif"}),
        "cryo:mapaccuracy": ({"INPUT": classes, "REFERENCE": truth, "CLASSES": "1:1;0:0",
                              "REFERENCE_CLASSES": "1:1;0:0"}, {"OUTPUT_TABLE": "accuracy.csv"}),
        "cryo:demdifference": ({"REFERENCE": dems[0], "DEM": dems[1], "REFERENCE_YEAR": 2009, "DEM_YEAR": 1990,
                                "GLACIERS": str(folder / "glaciers.gpkg")},
                               {"OUTPUT": "dh.tif", "OUTPUT_REPORT": "report.html",
                                "OUTPUT_GLACIERS": "glaciers_change.gpkg"}),
        "cryo:altimetrydifference": ({"EPOCH1": epoch1, "EPOCH2": epoch2, "ELEVATION_FIELD": "h", "CELL_SIZE": 500,
                                      "YEARS": 4, "OUTLIER_NMAD": 0}, {"OUTPUT": "rate.tif"}),
        "cryo:lakeicephenology": ({"INPUT": season_table(folder / "series.csv")}, {"OUTPUT": "phenology.csv"}),
        "cryo:lakeiceseries": ({"INPUT": lake_stack, "LAKES": lakes, "LAKE_FIELD": "name"},
                               {"OUTPUT": "series.csv"}),
        "cryo:insardeformation": ({"INPUT": insar, "TEMPERATURE": str(folder / "air.csv"), "DATE_FIELD": "date",
                                   "TEMPERATURE_FIELD": "temperature"}, {"OUTPUT": "deformation.tif"}),
        "cryo:snowdepth": ({"INPUT": tb[0], "INPUT_36": tb[1]},
                           {"OUTPUT": "sd.tif", "OUTPUT_SEASONS": "sd_seasons.tif"}),
        "cryo:lakeicethickness": ({"INPUT": str(folder / "air_lakes.csv")},
                                  {"OUTPUT": "thickness.csv", "OUTPUT_SEASONS": "ice_seasons.csv"}),
        "cryo:snowcover": ({"INPUT": snow[0], "DEM": snow[1]},
                           {"OUTPUT": "snow.tif", "OUTPUT_TABLE": "snow.csv", "OUTPUT_INDICATORS": "snow_seasons.tif"}),
    }


ALGORITHMS = ("cryo:decodefreezethaw", "cryo:freezethawindicators", "cryo:trend", "cryo:degreedays",
              "cryo:gstmodel", "cryo:lsttogst", "cryo:ttop", "cryo:mapaccuracy", "cryo:demdifference",
              "cryo:altimetrydifference", "cryo:lakeicephenology", "cryo:lakeiceseries", "cryo:insardeformation",
              "cryo:snowdepth", "cryo:lakeicethickness", "cryo:snowcover")
# parameters holding input files (the first one of a list is used), per algorithm
FILE_INPUTS = {"cryo:decodefreezethaw": (), "cryo:freezethawindicators": (), "cryo:trend": ("INPUT",),
               "cryo:degreedays": ("INPUT",), "cryo:gstmodel": ("INPUT",), "cryo:lsttogst": ("INPUT", "MODEL"),
               "cryo:ttop": ("DDF", "DDT"), "cryo:mapaccuracy": ("INPUT", "REFERENCE"),
               "cryo:demdifference": ("REFERENCE", "DEM"), "cryo:altimetrydifference": ("EPOCH1", "EPOCH2"),
               "cryo:lakeicephenology": ("INPUT",), "cryo:lakeiceseries": ("INPUT", "LAKES"),
               "cryo:insardeformation": ("INPUT", "TEMPERATURE"), "cryo:snowdepth": ("INPUT", "INPUT_36"),
               "cryo:lakeicethickness": ("INPUT",), "cryo:snowcover": ("INPUT", "DEM")}
OUTPUT_NAMES = {"cryo:decodefreezethaw": ("OUTPUT", "OUTPUT_TABLE"), "cryo:freezethawindicators": ("OUTPUT",),
                "cryo:trend": ("OUTPUT",), "cryo:degreedays": ("OUTPUT_DDF", "OUTPUT_DDT"),
                "cryo:gstmodel": ("OUTPUT_MODEL",), "cryo:lsttogst": ("OUTPUT",),
                "cryo:ttop": ("OUTPUT_TTOP", "OUTPUT_CLASSES"), "cryo:mapaccuracy": ("OUTPUT_TABLE",),
                "cryo:demdifference": ("OUTPUT", "OUTPUT_REPORT", "OUTPUT_GLACIERS"),
                "cryo:altimetrydifference": ("OUTPUT",),
                "cryo:lakeicephenology": ("OUTPUT",), "cryo:lakeiceseries": ("OUTPUT",),
                "cryo:insardeformation": ("OUTPUT",), "cryo:snowdepth": ("OUTPUT", "OUTPUT_SEASONS"),
                "cryo:lakeicethickness": ("OUTPUT", "OUTPUT_SEASONS"),
                "cryo:snowcover": ("OUTPUT", "OUTPUT_TABLE", "OUTPUT_INDICATORS")}


def first(value):
    return value[0] if isinstance(value, list) else value


def generic_cases():
    """``(id, algorithm, change, expected)``: ``change(parameters, outputs folder, inputs folder)`` returns the bad
    parameters."""
    cases = []
    for alg in ALGORITHMS:
        short = alg.split(":")[1]
        outputs = OUTPUT_NAMES[alg]
        for out in outputs:
            for name in FILE_INPUTS[alg]:
                cases.append(("{}-{}-on-{}".format(short, out, name), alg,
                              lambda p, o, i, out=out, name=name: dict(p, **{out: first(p[name])}),
                              "is one of the inputs"))
            cases.append(("{}-{}-missing-folder".format(short, out), alg,
                          lambda p, o, i, out=out: dict(p, **{out: os.path.join(o, "no_such_folder", "x.out")}),
                          "does not exist"))
            cases.append(("{}-{}-is-a-folder".format(short, out), alg,
                          lambda p, o, i, out=out: dict(p, **{out: o}), "is a folder"))
        if len(outputs) > 1:
            cases.append(("{}-outputs-shared".format(short), alg,
                          lambda p, o, i, a=outputs[0], b=outputs[1]: dict(p, **{b: p[a]}), "same file"))
        for name in FILE_INPUTS[alg][:1] or ("INPUT",):
            cases.append(("{}-{}-missing".format(short, name), alg,
                          lambda p, o, i, name=name: dict(p, **{name: os.path.join(o, "missing.tif")}),
                          r"(?i)does not exist|not found|could not load|{}".format(name)))
            cases.append(("{}-{}-damaged".format(short, name), alg,
                          lambda p, o, i, name=name: dict(p, **{name: garbage(p[name], o)}),
                          r"(?i)cannot|could not|not a|no raster|damaged|unable|{}".format(name)))
    return cases


def garbage(value, folder):
    """A file with the name and extension of ``value`` (a file or a folder's first file) but random bytes."""
    path = first(value)
    if os.path.isdir(path):
        bad = os.path.join(folder, "bad_folder")
        os.makedirs(bad, exist_ok=True)
        with open(os.path.join(bad, sorted(os.listdir(path))[0]), "wb") as fh:
            fh.write(os.urandom(3000))
        return bad
    bad = os.path.join(folder, "bad_" + os.path.basename(path))
    with open(bad, "wb") as fh:
        fh.write(b"\x49\x49\x2a\x00" + os.urandom(3000) if path.endswith(".tif") else os.urandom(3000))
    return [bad] + value[1:] if isinstance(value, list) else bad


def output_on(parameter, output, file):
    """A change giving ``parameter`` the input ``file`` and writing ``output`` onto it."""
    return lambda p, o, i: dict(p, **{parameter: os.path.join(i, file), output: os.path.join(i, file)})


SPECIFIC = [
    # (id, algorithm, change, expected fragment); inputs of issue #15 that were replaced by an output first
    ("ttop-OUTPUT_TTOP-on-NFACTORS", "cryo:ttop", output_on("NFACTORS", "OUTPUT_TTOP", "nfactors.csv"),
     r"OUTPUT_TTOP .* is one of the inputs \(NFACTORS\)"),
    ("ttop-OUTPUT_CLASSES-on-GLACIERS", "cryo:ttop", output_on("GLACIERS", "OUTPUT_CLASSES", "glaciers.gpkg"),
     r"is one of the inputs \(GLACIERS\)"),
    ("demdifference-OUTPUT_REPORT-on-GLACIERS", "cryo:demdifference",
     output_on("GLACIERS", "OUTPUT_REPORT", "glaciers.gpkg"), r"is one of the inputs \(GLACIERS\)"),
    ("decode-OUTPUT_TABLE-on-MASK", "cryo:decodefreezethaw", output_on("MASK", "OUTPUT_TABLE", "glaciers.gpkg"),
     r"is one of the inputs \(MASK\)"),
    ("phenology-OUTPUT-on-LAKES", "cryo:lakeicephenology", output_on("LAKES", "OUTPUT", "glaciers.gpkg"),
     r"is one of the inputs \(LAKES\)"),
    ("decode-damaged-hdf5-chunk", "cryo:decodefreezethaw", lambda p, o, i: dict(p, INPUT=os.path.join(i, "ft_damaged")),
     r"AMSR_20050801_FT_25.h5: the grid of 2005-08-01 \(date 11 of 1116.*damaged"),
    ("decode-reversed-period", "cryo:decodefreezethaw",
     lambda p, o, i: dict(p, PERIOD_START="2006-01-01", PERIOD_END="2005-09-01"), r"(?i)period|before|after"),
    ("decode-bad-date", "cryo:decodefreezethaw", lambda p, o, i: dict(p, PERIOD_START="2005-13-01"), "2005-13-01"),
    ("indicators-no-whole-season", "cryo:freezethawindicators",
     lambda p, o, i: dict(p, INPUT=small_season_folder(os.path.join(o, "bad_short"), last=dt.date(2005, 12, 31))),
     "complete season"),
    ("indicators-bad-year-start", "cryo:freezethawindicators", lambda p, o, i: dict(p, YEAR_START="August"),
     "MM-DD"),
    ("trend-too-few-years", "cryo:trend", lambda p, o, i: dict(p, MIN_YEARS=10), r"(?i)years"),
    ("degreedays-bad-year-start", "cryo:degreedays", lambda p, o, i: dict(p, YEAR_START="13-01"), "13-01"),
    ("gstmodel-gst-in-lst", "cryo:gstmodel", lambda p, o, i: dict(p, LST_FIELDS=["gst", "lst1"]),
     "also one of the LST fields"),
    ("gstmodel-missing-field", "cryo:gstmodel", lambda p, o, i: dict(p, GST_FIELD="gst_measured"), "gst_measured"),
    ("ttop-rk-zero", "cryo:ttop", lambda p, o, i: dict(p, RK=0), "rk must be > 0"),
    ("mapaccuracy-bad-classes", "cryo:mapaccuracy", lambda p, o, i: dict(p, CLASSES="one:1"), "one"),
    ("demdifference-no-overlap", "cryo:demdifference",
     lambda p, o, i: dict(p, DEM=gdal.Translate(os.path.join(o, "bad_far.tif"), os.path.join(LYB, "DEM_1990.tif"),
                                                srcWin=[1100, 800, 200, 150]) and os.path.join(o, "bad_far.tif")),
     "do not overlap"),
    ("altimetry-missing-field", "cryo:altimetrydifference", lambda p, o, i: dict(p, ELEVATION_FIELD="height"),
     "height"),
    ("phenology-thresholds", "cryo:lakeicephenology", lambda p, o, i: dict(p, THRESHOLD_LOW=95), r"(?i)threshold"),
    ("series-missing-lake-field", "cryo:lakeiceseries", lambda p, o, i: dict(p, LAKE_FIELD="lake_id"), "lake_id"),
    ("snowdepth-custom-without-a", "cryo:snowdepth", lambda p, o, i: dict(p, PRESET="custom"), "COEFFICIENT_A"),
    ("snowdepth-other-dates", "cryo:snowdepth", lambda p, o, i: dict(p, INPUT_36=os.path.join(i, "gst.tif")),
     "do not have the same dates"),
    ("thickness-no-lake-field", "cryo:lakeicethickness", lambda p, o, i: dict(p, LAKE_FIELD="lake_id"),
     "INPUT has no field 'lake_id'"),
    ("thickness-celsius-as-kelvin", "cryo:lakeicethickness", lambda p, o, i: dict(p, UNITS="kelvin"),
     "set UNITS=celsius"),
    ("snowcover-ndsi-threshold", "cryo:snowcover", lambda p, o, i: dict(p, NDSI_THRESHOLD=0), "NDSI_THRESHOLD"),
    ("snowcover-temperature-stack", "cryo:snowcover", lambda p, o, i: dict(p, INPUT=os.path.join(i, "gst.tif")),
     "float32 values.*unsigned 8-bit"),
]


def fingerprint(folder):
    """Every file under ``folder`` with the SHA-1 of its content."""
    found = {}
    for base, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(base, name), "rb") as fh:
                found[os.path.relpath(os.path.join(base, name), folder)] = hashlib.sha1(fh.read()).hexdigest()
    return found


def valid_parameters(inputs, alg, out_folder):
    params, outputs = inputs[1][alg]
    return dict(params, **{name: os.path.join(str(out_folder), file) for name, file in outputs.items()})


def assert_refused(alg, parameters, expected, inputs_folder, out_folder, before):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run(alg, parameters)
    message = str(error.value)
    assert not CLEAR.search(message), message
    assert re.search(expected, message), message
    assert fingerprint(inputs_folder) == before, "an input changed"
    left = [n for n in os.listdir(out_folder) if not n.startswith("bad_") and n not in ("bad_folder", "missing.tif")]
    assert not left, "left behind: {}".format(left)
    return message


@pytest.mark.parametrize("case", generic_cases() + SPECIFIC, ids=lambda case: case[0])
def test_bad_input_is_refused_cleanly(inputs, tmp_path, case):
    _, alg, change, expected = case
    out = tmp_path / "out"
    out.mkdir()
    before = fingerprint(inputs[0])
    assert_refused(alg, change(valid_parameters(inputs, alg, out), str(out), str(inputs[0])), expected, inputs[0],
                   out, before)


def test_every_algorithm_has_eight_cases():
    counts = {alg: 2 for alg in ALGORITHMS}  # the full disk and read-only folder cases below
    for _, alg, _, _ in generic_cases() + SPECIFIC:
        counts[alg] += 1
    assert min(counts.values()) >= 8, counts


@contextlib.contextmanager
def mounted_tmpfs(folder, read_only=False):
    """A 1 MiB tmpfs at ``folder``, full (a filler file takes every byte) or read-only; unmounted after."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], check=True)
    try:
        if read_only:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
            with contextlib.suppress(OSError):
                while True:
                    os.write(handle, b"\0" * 4096)
            os.close(handle)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


# GDAL 3.6's bindings raise from the destructor of a dataset that cannot be flushed (the full disk again) while the
# writer discards it; Python can only print that as "exception ignored": expected here, not a fault
DESTRUCTOR_ERRORS = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@DESTRUCTOR_ERRORS
@pytest.mark.parametrize("alg", ALGORITHMS)
def test_full_disk_leaves_nothing(inputs, tmp_path, alg):
    from qgis.core import QgsProcessingException

    before = fingerprint(inputs[0])
    with mounted_tmpfs(tmp_path / "full") as full:
        with pytest.raises(QgsProcessingException) as error:
            run(alg, valid_parameters(inputs, alg, full))
        message = str(error.value)
        assert "disk is full" in message and not CLEAR.search(message), message
        assert os.listdir(full) == ["filler"]
    assert fingerprint(inputs[0]) == before


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_read_only_folder_is_refused_before_running(inputs, tmp_path, alg):
    from qgis.core import QgsProcessingException

    with mounted_tmpfs(tmp_path / "ro", read_only=True) as read_only:
        with pytest.raises(QgsProcessingException, match="cannot be written"):
            run(alg, valid_parameters(inputs, alg, read_only))


def test_leftovers_of_a_killed_run_are_removed_and_a_live_one_kept(inputs, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / ".ft.partial-{}.tif".format(dead.pid)
    alive = tmp_path / ".ft.partial-1.tif"  # pid 1 always runs
    stale.write_bytes(b"half a GeoTIFF")
    alive.write_bytes(b"another run's GeoTIFF")
    run("cryo:decodefreezethaw", valid_parameters(inputs, "cryo:decodefreezethaw", tmp_path))
    assert not stale.exists() and alive.exists()
    assert sorted(os.listdir(tmp_path)) == [".ft.partial-1.tif", "areas.csv", "areas.csvt", "ft.qml", "ft.tif"]


@DESTRUCTOR_ERRORS
@pytest.mark.parametrize("alg, late", [("cryo:decodefreezethaw", "OUTPUT_TABLE"),
                                       ("cryo:demdifference", "OUTPUT_REPORT")])
def test_outputs_appear_together_or_not_at_all(inputs, tmp_path, alg, late):
    """The GeoTIFF is complete before the table/report fails on a full disk: it must not be left alone."""
    from qgis.core import QgsProcessingException

    with mounted_tmpfs(tmp_path / "full") as full:
        parameters = valid_parameters(inputs, alg, tmp_path)
        parameters[late] = str(full / os.path.basename(parameters[late]))
        with pytest.raises(QgsProcessingException, match="disk is full"):
            run(alg, parameters)
        assert os.listdir(full) == ["filler"]
    assert os.listdir(tmp_path) == ["full"]


def test_qgis_process_refuses_with_a_message_and_no_traceback(inputs, qgis_process_env, tmp_path):
    parameters = valid_parameters(inputs, "cryo:gstmodel", tmp_path)
    before = fingerprint(inputs[0])
    args = [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:gstmodel", "--",
            "INPUT={}".format(parameters["INPUT"]), "GST_FIELD=gst", "LST_FIELDS=lst1", "LST_FIELDS=lst2",
            "OUTPUT_MODEL={}".format(parameters["INPUT"])]
    proc = subprocess.run(args, capture_output=True, text=True, env=qgis_process_env)
    assert proc.returncode != 0
    assert "is one of the inputs (INPUT)" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert fingerprint(inputs[0]) == before
