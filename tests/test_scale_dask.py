"""The dask backend (cryo_qgis_plugin/core/scale): the same numbers in memory, chunked in odd sizes, and on a
distributed LocalCluster of 2 worker processes; the freeze/thaw indicators written through dask equal the
one-process GeoTIFF, and a cancel stops the futures."""
import datetime as dt
import os
import time

import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.errors import Cancelled
from cryo_qgis_plugin.core.freezethaw.decoding import decode
from cryo_qgis_plugin.core.freezethaw.seasons import indicators
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.stack import open_stack
from cryo_qgis_plugin.core.run import Run
from cryo_qgis_plugin.core.stats.trend import TREND_BANDS, trend_statistics

pytest.importorskip("distributed")
from cryo_qgis_plugin.core.scale import freezethaw_scaled, trend_scaled  # noqa: E402
from cryo_qgis_plugin.core.scale.cluster import computed  # noqa: E402
from cryo_qgis_plugin.core.scale.lazy_stack import StackOpener, in_memory, lazy_stack  # noqa: E402

GRID = Grid.from_extent(60.0, 40.0, 69.25, 45.75, 37, 23, "EPSG:4326")  # 0.25° cells
FIRST = dt.date(2001, 8, 1)
ODD_CHUNKS = {"time": 97, "y": 7, "x": 11}


def random_codes(days=800, seed=0):
    rng = np.random.default_rng(seed)
    return rng.choice([0, 1, 2, 3, 15, 7], size=(days,) + GRID.shape,
                      p=[.05, .4, .4, .1, .03, .02]).astype(np.uint8)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local, distributed.Client(local) as client:
        yield client


@pytest.fixture(autouse=True)
def no_stack_left_open():
    """Tests that compute lazy stacks in this process leave their chunk readers open: closed after each test."""
    yield
    from cryo_qgis_plugin.core.scale.lazy_stack import close_chunk_stacks

    close_chunk_stacks()


def open_in_this_process(path):
    """This process's file descriptors on ``path``."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.path.realpath(os.path.join("/proc/self/fd", fd)) == os.path.realpath(path):
                found.append(fd)
        except OSError:  # closed while listed
            pass
    return found


@pytest.fixture(scope="module")
def stack_file(tmp_path_factory):
    """800 days of codes as a dated GeoTIFF (the layout the plugin writes), with 10 days left out."""
    codes = random_codes()
    keep = [d for d in range(codes.shape[0]) if d not in range(300, 310)]
    path = str(tmp_path_factory.mktemp("stack") / "codes.tif")
    dates = [(FIRST + dt.timedelta(days=d)).isoformat() for d in keep]
    with GeoTiffWriter(path, GRID, dates, np.uint8, nodata=255, band_dates=dates) as out:
        out.write(0, codes[keep])
    return path


def test_indicators_do_not_depend_on_chunks_or_workers(cluster):
    codes = in_memory(random_codes(), [FIRST + dt.timedelta(days=d) for d in range(800)], GRID)
    whole = freezethaw_scaled.season_indicators(codes)
    chunked = freezethaw_scaled.season_indicators(codes.chunk(ODD_CHUNKS))
    assert np.array_equal(whole.values, chunked.compute().values)
    assert np.array_equal(whole.values, cluster.compute(chunked).result().values)
    assert whole.shape == (2, 7) + GRID.shape and int((whole.values != -32768).sum()) > 1000


def test_daily_areas_bitwise_and_equal_to_decode(cluster, stack_file, tmp_path):
    stack = open_stack(stack_file)
    codes = lazy_stack(StackOpener(stack_file), time_chunk=97, row_chunk=7, col_chunk=11)
    row_areas = GRID.row_cell_areas_km2()
    whole = freezethaw_scaled.daily_class_areas(codes.compute(), row_areas)
    chunked = freezethaw_scaled.daily_class_areas(codes, row_areas)
    assert np.array_equal(whole.values, chunked.compute().values)
    assert np.array_equal(whole.values, cluster.compute(chunked).result().values)
    reference = decode(stack, None, None)  # the one-process decode's table (row blocks, another summation order)
    assert np.allclose(whole.values, reference.areas_km2, rtol=1e-12, atol=0)
    # by hand: the frozen area of the first date
    first = stack.read(slice(None), [0])[0]
    assert whole.values[0, 1] == pytest.approx(float(((first == 1) * row_areas[:, None]).sum()), rel=1e-12)


def test_indicators_through_dask_write_the_one_process_file(cluster, stack_file, tmp_path):
    one, local, remote = (str(tmp_path / name) for name in ("one.tif", "local.tif", "cluster.tif"))
    with open_stack(stack_file) as stack:
        expected = indicators(stack, one)
    opener = StackOpener(stack_file)
    for path, client in ((local, None), (remote, cluster)):
        result = freezethaw_scaled.indicators_with_dask(opener, path, client=client, row_chunk=9)
        assert not open_in_this_process(stack_file)  # QGIS keeps no handle on the input after the run
        assert result.years == expected.years and result.unknown_pixel_days == expected.unknown_pixel_days
        a, b = gdal.Open(one), gdal.Open(path)
        assert np.array_equal(a.ReadAsArray(), b.ReadAsArray())
        assert a.GetMetadata() == b.GetMetadata() and a.GetGeoTransform() == b.GetGeoTransform()
        assert [a.GetRasterBand(i).GetDescription() for i in range(1, a.RasterCount + 1)] == \
            [b.GetRasterBand(i).GetDescription() for i in range(1, b.RasterCount + 1)]
        assert os.path.exists(path[:-4] + ".qml") and os.path.exists(one[:-4] + ".qml")


def test_trend_bitwise_on_tiles(cluster):
    rng = np.random.default_rng(5)
    values = rng.normal(size=(12,) + GRID.shape)
    values[rng.random(values.shape) < 0.1] = np.nan
    years = list(range(2001, 2013))
    xr = pytest.importorskip("xarray")
    array = xr.DataArray(values, dims=("year", "y", "x"))
    whole = trend_scaled.trend(array, years)
    chunked = trend_scaled.trend(array.chunk({"year": 5, "y": 7, "x": 11}), years)
    assert np.array_equal(whole.values, cluster.compute(chunked).result().values, equal_nan=True)
    direct = trend_statistics(values.reshape(12, -1), years)
    for i, key in enumerate(TREND_BANDS):
        assert np.array_equal(whole.values[i].ravel(), direct[key], equal_nan=True)


def test_cancel_stops_the_futures(cluster):
    codes = in_memory(random_codes(days=1200, seed=2), [FIRST + dt.timedelta(days=d) for d in range(1200)], GRID)
    lazy = freezethaw_scaled.season_indicators(codes.chunk({"time": -1, "y": 1, "x": 1}))
    polls = []

    def cancelled():
        polls.append(1)
        return len(polls) > 2

    with pytest.raises(Cancelled):
        computed(cluster, lazy, Run(cancelled=cancelled))
    # the scheduler drops cancelled tasks asynchronously (a task already running on a worker finishes first)
    deadline = time.monotonic() + 20
    while any(cluster.processing().values()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(cluster.processing().values())


def test_processing_with_dask_scheduler_writes_the_same_file(qgis_app, cluster, stack_file, tmp_path):
    from test_processing_freezethaw import run

    here, there = str(tmp_path / "here.tif"), str(tmp_path / "there.tif")
    run("cryo:freezethawindicators", {"INPUT": stack_file, "OUTPUT": here})
    result = run("cryo:freezethawindicators", {"INPUT": stack_file, "OUTPUT": there,
                                               "DASK_SCHEDULER": cluster.scheduler.address})
    assert result["N_YEARS"] == 2 and not open_in_this_process(stack_file)
    a, b = gdal.Open(here), gdal.Open(there)
    assert np.array_equal(a.ReadAsArray(), b.ReadAsArray()) and a.GetMetadata() == b.GetMetadata()


def test_processing_cancel_on_the_cluster_writes_nothing(qgis_app, cluster, stack_file, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    from test_processing_freezethaw import run

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel())
    out = tmp_path / "cancelled.tif"
    with pytest.raises(QgsProcessingException):
        run("cryo:freezethawindicators", {"INPUT": stack_file, "OUTPUT": str(out),
                                          "DASK_SCHEDULER": cluster.scheduler.address}, feedback)
    assert not out.exists() and os.listdir(str(tmp_path)) == []


def test_unreachable_scheduler_is_explained(qgis_app, stack_file, tmp_path):
    from qgis.core import QgsProcessingException
    from test_processing_freezethaw import run

    with pytest.raises(QgsProcessingException, match="No dask scheduler answers at tcp://127.0.0.1:1"):
        run("cryo:freezethawindicators", {"INPUT": stack_file, "OUTPUT": str(tmp_path / "x.tif"),
                                          "DASK_SCHEDULER": "tcp://127.0.0.1:1"})


def write_years(folder, count=8, seed=9):
    rng = np.random.default_rng(seed)
    paths = []
    for k in range(count):
        values = (rng.normal(size=GRID.shape) * 5 + 0.7 * k).astype(np.float32)
        values[rng.random(GRID.shape) < 0.1] = -9999.0
        path = str(folder / "frozen_days_{}.tif".format(2001 + k))
        with GeoTiffWriter(path, GRID, ["frozen_days_{}".format(2001 + k)], np.float32, nodata=-9999.0) as out:
            out.write(0, values[np.newaxis])
        paths.append(path)
    return paths


def test_trend_through_dask_writes_the_one_process_file(cluster, tmp_path):
    from cryo_qgis_plugin.core.stats.trend import trend_raster, yearly_bands

    bands = yearly_bands(write_years(tmp_path))
    one, remote = str(tmp_path / "one.tif"), str(tmp_path / "remote.tif")
    trend_raster(bands, one)
    trend_scaled.trend_with_dask(bands, remote, client=cluster, chunk=9)
    a, b = gdal.Open(one), gdal.Open(remote)
    assert np.array_equal(a.ReadAsArray(), b.ReadAsArray()) and a.GetMetadata() == b.GetMetadata()
    with open(str(tmp_path / "one.qml")) as x, open(str(tmp_path / "remote.qml")) as y:
        assert x.read() == y.read()


def test_command_line_on_a_local_cluster(stack_file, tmp_path):
    import json
    import subprocess
    import sys

    from conftest import ROOT

    one, cli = str(tmp_path / "one.tif"), str(tmp_path / "cli.tif")
    with open_stack(stack_file) as stack:
        indicators(stack, one)
    command = [sys.executable, "-m", "cryo_qgis_plugin.core", "freezethawindicators", "--INPUT", stack_file,
               "--OUTPUT", cli, "--DASK_SCHEDULER", "local:2"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"OUTPUT": cli, "YEARS": "2001,2002", "N_YEARS": 2}
    assert np.array_equal(gdal.Open(one).ReadAsArray(), gdal.Open(cli).ReadAsArray())
    wrong = subprocess.run(command[:5] + [str(tmp_path / "absent")] + command[6:8], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert wrong.returncode == 2 and "does not exist" in wrong.stderr and "Traceback" not in wrong.stderr


def test_degree_days_bitwise_with_the_one_process_files(cluster, tmp_path):
    """Daily temperatures with gaps of 1-9 days (some across a season's first day), 12 absent dates and nodata
    cells: the dask indices on odd tiles equal the one-process GeoTIFFs exactly."""
    from cryo_qgis_plugin.core.permafrost.degreedays import degree_days
    from cryo_qgis_plugin.core.scale import permafrost_scaled

    rng = np.random.default_rng(11)
    n = 800
    days = np.arange(n)
    values = (-8 + 14 * np.sin(2 * np.pi * (days - 120) / 365.25))[:, None, None] + rng.normal(
        0, 3, (n,) + GRID.shape)
    for _ in range(900):  # gaps
        d, length = rng.integers(0, n - 10), rng.integers(1, 10)
        r, c = rng.integers(0, GRID.height), rng.integers(0, GRID.width)
        values[d:d + length, r, c] = -9999.0
    keep = [d for d in range(n) if not 330 <= d < 342]
    dates = [(dt.date(2001, 7, 1) + dt.timedelta(days=int(d))).isoformat() for d in keep]
    path = str(tmp_path / "t.tif")
    with GeoTiffWriter(path, GRID, dates, np.float32, nodata=-9999.0, band_dates=dates) as out:
        out.write(0, values[keep].astype(np.float32))
    ddf, ddt = str(tmp_path / "ddf.tif"), str(tmp_path / "ddt.tif")
    with open_stack(path) as stack:
        expected = degree_days(stack, ddf, ddt)
    lazy = lazy_stack(StackOpener(path), time_chunk=97, row_chunk=7, col_chunk=11)
    result = cluster.compute(permafrost_scaled.degree_days(lazy)).result()
    assert [int(y) for y in result["year"].values] == expected.years == [2001, 2002]
    assert np.array_equal(result.sel(index="ddf").values, gdal.Open(ddf).ReadAsArray())
    assert np.array_equal(result.sel(index="ddt").values, gdal.Open(ddt).ReadAsArray())
    assert int((result.values == -9999.0).sum()) > 0  # some pixels have a gap longer than 5 days


def test_ttop_ensemble_on_tiles_equals_the_one_process_map(cluster, tmp_path):
    """A 60-member ensemble over two land-cover classes with parameter ranges (air indices): TTOP, the classes and
    the probability on odd tiles on the cluster equal the files of ttop_map exactly (draws per member and class,
    never per chunk)."""
    from cryo_qgis_plugin.core.permafrost import ttop_model
    from cryo_qgis_plugin.core.scale import permafrost_scaled

    xr = pytest.importorskip("xarray")
    rng = np.random.default_rng(4)
    paths = {}
    for name, centre in (("ddf", 1800.0), ("ddt", 1300.0)):
        values = rng.normal(centre, 500.0, (3,) + GRID.shape).clip(0).astype(np.float32)
        values[rng.random(values.shape) < 0.05] = -9999.0
        paths[name] = str(tmp_path / (name + ".tif"))
        with GeoTiffWriter(paths[name], GRID, ["2001", "2002", "2003"], np.float32, nodata=-9999.0) as out:
            out.write(0, values)
    landcover = str(tmp_path / "lc.tif")
    with GeoTiffWriter(landcover, GRID, ["lc"], np.uint8, nodata=255) as out:
        out.write(0, rng.choice([10, 20, 255], size=(1,) + GRID.shape, p=[.5, .45, .05]).astype(np.uint8))
    table = tmp_path / "nf.csv"
    table.write_text("class,nf,nf_min,nf_max,nt,nt_min,nt_max,rk,rk_min,rk_max\n"
                     "10,0.5,0.3,0.7,1.1,0.9,1.3,0.8,0.6,1.0\n20,0.3,0.2,0.45,0.9,0.8,1.0,0.9,0.7,1.0\n")
    parameters = ttop_model.read_nfactors(str(table), default_rk=1.0)
    options = ttop_model.TtopOptions(indices_from="air", members=60, seed=7)
    outputs = ttop_model.TtopOutputs(*(str(tmp_path / (n + ".tif")) for n in ("t", "c", "p")))
    ttop_model.ttop_map(ttop_model.TtopInputs(paths["ddf"], paths["ddt"], landcover), outputs, parameters, options)
    ds = {name: gdal.Open(path) for name, path in paths.items()}
    means = {name: ttop_model._mean_over_bands(ds[name], 0, GRID.height, name, paths[name]) for name in ds}
    index = ttop_model._landcover_index(landcover, GRID, parameters, Run())
    arrays = [xr.DataArray(a, dims=("y", "x")).chunk({"y": 7, "x": 11}) for a in (means["ddf"], means["ddt"], index)]
    result = cluster.compute(permafrost_scaled.ttop_ensemble(*arrays, parameters, options)).result()
    assert np.array_equal(result.sel(output="ttop").values, gdal.Open(outputs.ttop).ReadAsArray())
    assert np.array_equal(result.sel(output="classes").values, gdal.Open(outputs.classes).ReadAsArray())
    probability, written = result.sel(output="probability").values, gdal.Open(outputs.probability).ReadAsArray()
    assert np.array_equal(np.isnan(probability), written == ttop_model.NODATA)
    assert np.array_equal(probability[~np.isnan(probability)], written[written != ttop_model.NODATA])
    assert 0.05 < np.nanmean(probability) < 0.95 and len(np.unique(probability[~np.isnan(probability)])) > 10


def test_zarr_round_trip_and_indicators_from_a_zarr_store(cluster, tmp_path):
    """A code stack written to Zarr by chunks and read back lazily keeps its values, dates and grid; its
    indicators equal those of the in-memory stack; an existing store is never replaced."""
    from cryo_qgis_plugin.core.errors import CryoInputError
    from cryo_qgis_plugin.core.scale.lazy_stack import open_zarr, write_zarr

    codes = random_codes(days=760, seed=3)
    dates = [FIRST + dt.timedelta(days=d) for d in range(760)]
    store = str(tmp_path / "codes.zarr")
    write_zarr(in_memory(codes, dates, GRID).chunk(ODD_CHUNKS), store)
    back = open_zarr(store)
    assert back.attrs["grid"] == GRID and np.array_equal(back.values, codes)
    expected = freezethaw_scaled.season_indicators(in_memory(codes, dates, GRID))
    assert np.array_equal(cluster.compute(freezethaw_scaled.season_indicators(back)).result().values,
                          expected.values)
    with pytest.raises(CryoInputError, match="exists already"):
        write_zarr(back, store)


def test_processing_degree_days_and_trend_with_dask_scheduler(qgis_app, cluster, tmp_path):
    """cryo:degreedays and cryo:trend with DASK_SCHEDULER write the files of the in-process runs."""
    from test_processing_freezethaw import run

    rng = np.random.default_rng(21)
    n = 760
    values = (-6 + 12 * np.sin(2 * np.pi * (np.arange(n) - 120) / 365.25))[:, None, None] + rng.normal(
        0, 2, (n,) + GRID.shape)
    values[rng.random(values.shape) < 0.08] = -9999.0
    dates = [(dt.date(2001, 7, 1) + dt.timedelta(days=d)).isoformat() for d in range(n)]
    stack = str(tmp_path / "t.tif")
    with GeoTiffWriter(stack, GRID, dates, np.float32, nodata=-9999.0, band_dates=dates) as out:
        out.write(0, values.astype(np.float32))
    files = {}
    for where, extra in (("here", {}), ("there", {"DASK_SCHEDULER": cluster.scheduler.address})):
        files[where] = [str(tmp_path / "{}_{}.tif".format(name, where)) for name in ("ddf", "ddt")]
        result = run("cryo:degreedays", dict({"INPUT": stack, "OUTPUT_DDF": files[where][0],
                                              "OUTPUT_DDT": files[where][1]}, **extra))
        assert result["N_YEARS"] == 2
    for a, b in zip(files["here"], files["there"]):
        assert np.array_equal(gdal.Open(a).ReadAsArray(), gdal.Open(b).ReadAsArray())
        assert gdal.Open(a).GetMetadata() == gdal.Open(b).GetMetadata()
    years = write_years(tmp_path, count=6, seed=2)
    trends = [str(tmp_path / "trend_{}.tif".format(k)) for k in range(2)]
    run("cryo:trend", {"INPUT": years, "OUTPUT": trends[0]})
    run("cryo:trend", {"INPUT": years, "OUTPUT": trends[1], "DASK_SCHEDULER": cluster.scheduler.address})
    assert np.array_equal(gdal.Open(trends[0]).ReadAsArray(), gdal.Open(trends[1]).ReadAsArray())


def test_insar_components_on_tiles_equal_the_one_process_raster(cluster, tmp_path):
    """Displacements with 10 % gaps (pixels fitted by the masked path) and complete pixels (QR): the components on
    odd tiles on the cluster equal deformation_raster's bands exactly (NaN where it writes nodata)."""
    from test_deformation_temperature_stack import (COLS, DAYS, INSAR, ROWS, SIGMA, open_displacement, read_bands,
                                                    series32, write_displacement)

    from cryo_qgis_plugin.core.permafrost import deformation, thaw_index
    from cryo_qgis_plugin.core.scale.insar_scaled import deformation_components

    rng = np.random.default_rng(12)
    design = thaw_index.design_matrix(INSAR, DAYS, series32())
    v, e = -10 * (1 + 0.3 * rng.random((ROWS, COLS))), -0.8 * (1 + 0.3 * rng.random((ROWS, COLS)))
    d = 3 + design.matrix[:, 1, None, None] * v + design.matrix[:, 2, None, None] * e
    d = d + rng.normal(0, SIGMA, d.shape)
    d[:, ::2][rng.random(d[:, ::2].shape) < 0.1] = np.nan  # half the rows with gaps, half complete
    path = write_displacement(tmp_path / "d.tif", d)
    with open_displacement(path) as stack:
        deformation.deformation_raster(stack, design, str(tmp_path / "one.tif"), units="mm")
        opener = StackOpener.of(stack)
    lazy = lazy_stack(opener, time_chunk=7, row_chunk=3, col_chunk=4)
    result = cluster.compute(deformation_components(lazy, design, units="mm")).result()
    expected = read_bands(str(tmp_path / "one.tif"))
    assert list(result["band"].values) == list(expected)
    for name, band in expected.items():
        mine = result.sel(band=name).values.astype(np.float32)
        assert np.array_equal(np.where(np.isnan(mine), np.float32(-9999.0), mine), band), name


def test_snow_cloud_filters_on_overlapping_tiles(cluster):
    """Daily snow classes with clouds: the temporal, spatial, seasonal and nearest filters on odd tiles on the
    cluster equal the one-process filters run on the whole grid in that order (rows beyond the grid nodata)."""
    from cryo_qgis_plugin.core.codes import SNOW_NODATA
    from cryo_qgis_plugin.core.scale.snow_scaled import cloud_filtered
    from cryo_qgis_plugin.core.snow.cloud_filters import (nearest_filter, seasonal_filter, spatial_filter,
                                                          temporal_filter)

    rng = np.random.default_rng(8)
    days = 200
    season = np.sin(np.pi * np.arange(days) / days)[:, None, None] > rng.random((1,) + GRID.shape)
    states = np.where(season, 1, 0).astype(np.uint8)
    states[rng.random(states.shape) < 0.45] = 2  # cloud
    states[:, 3:6, 4:9] = 3  # water
    states[rng.random(states.shape) < 0.01] = SNOW_NODATA
    expected = states.copy()
    temporal_filter(expected, 0, days, 2)
    padded = np.pad(expected, ((0, 0), (1, 1), (0, 0)), constant_values=SNOW_NODATA)
    spatial_filter(padded, 5)
    expected = np.ascontiguousarray(padded[:, 1:-1])
    seasonal_filter(expected)
    nearest_filter(expected, 10)
    assert (expected == 2).sum() < (states == 2).sum() // 3  # the filters filled most clouds
    dates = [FIRST + dt.timedelta(days=d) for d in range(days)]
    whole = cloud_filtered(in_memory(states, dates, GRID), 2, 5, True, 10)
    tiled = cloud_filtered(in_memory(states, dates, GRID).chunk(ODD_CHUNKS), 2, 5, True, 10)
    assert np.array_equal(whole.values, expected)
    assert np.array_equal(cluster.compute(tiled).result().values, expected)


def test_the_dask_paths_refuse_what_the_one_process_paths_refuse(stack_file, tmp_path):
    """The same checks, with the same messages, before anything is computed or written."""
    from cryo_qgis_plugin.core.errors import CryoInputError
    from cryo_qgis_plugin.core.scale import permafrost_scaled
    from cryo_qgis_plugin.core.stats.trend import yearly_bands

    floats = str(tmp_path / "floats.tif")
    dates = [(FIRST + dt.timedelta(days=d)).isoformat() for d in range(400)]
    with GeoTiffWriter(floats, GRID, dates, np.float32, nodata=-9999.0, band_dates=dates) as out:
        out.write(0, np.zeros((400,) + GRID.shape, np.float32))
    out = str(tmp_path / "out.tif")
    with pytest.raises(CryoInputError, match="not freeze/thaw class codes"):
        freezethaw_scaled.indicators_with_dask(StackOpener(floats), out)
    with pytest.raises(CryoInputError, match="MIN_RUN must be at least 1 day"):
        freezethaw_scaled.indicators_with_dask(StackOpener(stack_file), out, min_run=0)
    with pytest.raises(CryoInputError, match="MAX_GAP must be 0 or more days"):
        permafrost_scaled.degree_days_with_dask(StackOpener(floats), out, str(tmp_path / "ddt.tif"), max_gap=-1)
    years = write_years(tmp_path, count=6)
    other = Grid.from_extent(60.0, 40.0, 69.5, 45.75, 38, 23, "EPSG:4326")
    odd = str(tmp_path / "frozen_days_2010.tif")
    with GeoTiffWriter(odd, other, ["frozen_days_2010"], np.float32, nodata=-9999.0) as w:
        w.write(0, np.zeros((1,) + other.shape, np.float32))
    with pytest.raises(CryoInputError, match="on another grid"):
        trend_scaled.trend_with_dask(yearly_bands(years + [odd]), out)
    with pytest.raises(CryoInputError, match="MIN_YEARS must be at least 3"):
        trend_scaled.trend_with_dask(yearly_bands(years), out, min_years=2)
    assert not os.path.exists(out)
