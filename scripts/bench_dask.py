"""Benchmark of the dask backend (issue #18): the freeze/thaw season indicators of 5 seasons of the global 0.25°
grid (1440 x 720 x 1,826 daily codes, a band-interleaved GeoTIFF tiled 96 x 96 as the decoder writes) in-process
(the one-process path) and on a ``distributed.LocalCluster`` of 1 and 2 worker processes (one thread each), side
by side in the same run, with the check that every output equals the in-process one.

This machine has 2 cores, so 2 workers can at best halve the cluster's 1-worker time; the cluster also pays for
starting its processes and moving results back (measured from the moment the client is connected).

Usage: ``python3 scripts/bench_dask.py [WORKDIR]`` (also run by ``make bench``).
"""
import datetime as dt
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402
from osgeo import gdal  # noqa: E402

from cryo_qgis_plugin.core import freezethaw  # noqa: E402
from cryo_qgis_plugin.core.freezethaw.decoding import DECODED_TILE  # noqa: E402
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter  # noqa: E402
from cryo_qgis_plugin.core.io.grid import Grid  # noqa: E402
from cryo_qgis_plugin.core.io.stack import open_stack  # noqa: E402
from samples.sampledata import FreezeThawClimate  # noqa: E402

START = dt.date(2005, 8, 1)
DAYS = 1826  # the season years 2005-2009
GRID = Grid.from_extent(-180.0, -90.0, 180.0, 90.0, 1440, 720, "EPSG:4326")
ROW_CHUNK = 192  # 4 strips of whole rows per season, on the 96-row tiles of the file


def make_stack(path: str) -> None:
    """The 5-season stack, written once and kept between runs."""
    if os.path.exists(path):
        return
    climate = FreezeThawClimate()
    dates = [(START + dt.timedelta(days=d)).isoformat() for d in range(DAYS)]
    with GeoTiffWriter(path, GRID, dates, np.uint8, nodata=255, band_dates=dates, tile=DECODED_TILE) as out:
        for first in range(0, DAYS, 61):
            days = range(first, min(first + 61, DAYS))
            block = np.stack([climate.codes(START + dt.timedelta(days=d),
                                            np.random.default_rng((START + dt.timedelta(days=d)).toordinal()))
                              for d in days])
            for k, d in enumerate(days):
                out.write_band(d + 1, 0, block[k])
            out.flush()


def in_process(stack_path: str, output: str) -> float:
    t0 = time.perf_counter()
    with open_stack(stack_path) as stack:
        freezethaw.indicators(stack, output)
    return time.perf_counter() - t0


def on_cluster(stack_path: str, output: str, workers: int) -> float:
    import distributed

    from cryo_qgis_plugin.core.scale.freezethaw_scaled import indicators_with_dask
    from cryo_qgis_plugin.core.scale.lazy_stack import StackOpener

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        with open_stack(stack_path) as stack:
            opener = StackOpener.of(stack)
        t0 = time.perf_counter()
        indicators_with_dask(opener, output, client=client, row_chunk=ROW_CHUNK)
        return time.perf_counter() - t0


def main(workdir: str) -> None:
    os.makedirs(workdir, exist_ok=True)
    stack_path = os.path.join(workdir, "ft_global_5_seasons.tif")
    print("\nDask backend: freeze/thaw season indicators, 5 seasons of the global 0.25° grid "
          "(1440 x 720 x {:,} days, GeoTIFF 96 x 96 tiles; preparing it in {} once) ...".format(DAYS, workdir),
          flush=True)
    make_stack(stack_path)
    reference = os.path.join(workdir, "indicators_in_process.tif")
    seconds = {"in-process (one-process path)": in_process(stack_path, reference)}
    expected = gdal.Open(reference).ReadAsArray()
    same = {}
    for workers in (1, 2):
        output = os.path.join(workdir, "indicators_cluster_{}.tif".format(workers))
        name = "LocalCluster, {} worker{}".format(workers, "s" if workers > 1 else "")
        seconds[name] = on_cluster(stack_path, output, workers)
        same[name] = np.array_equal(expected, gdal.Open(output).ReadAsArray())
    base = seconds["in-process (one-process path)"]
    for name, value in seconds.items():
        note = "" if name not in same else ", output equal to in-process: {}".format(same[name])
        print("  {:<32}: {:6.1f} s ({:.2f} x in-process){}".format(name, value, value / base, note))
    one, two = seconds["LocalCluster, 1 worker"], seconds["LocalCluster, 2 workers"]
    print("  scaling 1 -> 2 workers: {:.2f} x faster (2 cores: at most 2)".format(one / two))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "cryo-bench", "dask"))
