"""The dask backend (cryo_qgis_plugin/core/scale): the same numbers in memory, chunked in odd sizes, and on a
distributed LocalCluster of 2 worker processes; the freeze/thaw indicators written through dask equal the
one-process GeoTIFF, and a cancel stops the futures."""
import datetime as dt
import os

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
        result = freezethaw_scaled.indicators_with_dask(opener, path, client=client, space_chunk=9)
        assert result.years == expected.years and result.unknown_pixel_days == expected.unknown_pixel_days
        a, b = gdal.Open(one), gdal.Open(path)
        assert np.array_equal(a.ReadAsArray(), b.ReadAsArray())
        assert a.GetMetadata() == b.GetMetadata() and a.GetGeoTransform() == b.GetGeoTransform()
        assert [a.GetRasterBand(i).GetDescription() for i in range(1, a.RasterCount + 1)] == \
            [b.GetRasterBand(i).GetDescription() for i in range(1, b.RasterCount + 1)]
        assert os.path.exists(path + ".qml") == os.path.exists(one + ".qml")


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
    assert not cluster.processing() or all(not tasks for tasks in cluster.processing().values())
