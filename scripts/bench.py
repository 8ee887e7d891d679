#!/usr/bin/env python3
"""Benchmarks of the performance targets in DESIGN.md and the issues; prints figures, asserts nothing.

Freeze/thaw (issue 3): one season year of the global 0.25° grid (1440 x 720 x 365 uint8, one HDF5 file,
gzip, chunked by day) -> decode + area table, and season indicators, each timed against one counting pass
``np.count_nonzero(stack == 1, axis=0)`` over the same array in memory, in the same run. Peak memory
(VmHWM) of every case is measured in a fresh process; the indicators run on a 1-season and on a 3-season
stack to show that memory is bounded by the block budget, not by the stack length.

Lake ice (issue 6): phenology of 1,313 lakes x 16 years of daily values, in memory.

Glaciers (issue 5): see ``bench_dem.py`` (10,000 x 10,000 DEM pair, ours against xdem in the same run).

Permafrost (issue 4): see ``bench_degreedays.py`` (degree days over 365 daily 2000 x 2000 GeoTIFFs against just
reading them, and the 200-member TTOP ensemble on that grid).

Time-series picks (issue 7): see ``bench_pick.py`` (one pixel through an 18-year daily stack of 6,570 bands, in
candidate storage layouts, against reading one day).

InSAR deformation (issue 20): see ``bench_insar.py`` (a 2000 x 2000 x 150 displacement stack: reading it against
the fit with one temperature series and with a per-pixel temperature stack, and peak memory against the budget).

Snow cover (issue 21): see ``bench_snow.py`` (the five cloud-removal steps on a 2400 x 2400 x 365 MODIS-tile
stack of Terra and Aqua codes, against reading both stacks).

Dask backend (issue 18): see ``bench_dask.py`` (5 seasons of global 0.25° indicators in-process and on a
LocalCluster of 1 and 2 workers, outputs compared).

Start-up (issue 19): see ``bench_startup.py`` (``qgis_process list`` with and without the plugin, best of 5 runs
each, side by side; target under 0.3 s added). Printed first.

Usage: ``make bench`` (or ``python3 scripts/bench.py [WORKDIR]``).
"""
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import h5py  # noqa: E402
import numpy as np  # noqa: E402

from cryo_qgis_plugin.core import freezethaw  # noqa: E402
from samples.sampledata import FreezeThawClimate  # noqa: E402
from cryo_qgis_plugin.core.io.stack import open_stack  # noqa: E402

import bench_dask  # noqa: E402  (scripts/ is on sys.path when this file runs)
import bench_degreedays  # noqa: E402
import bench_dem  # noqa: E402
import bench_insar  # noqa: E402
import bench_pick  # noqa: E402
import bench_snow  # noqa: E402
import bench_startup  # noqa: E402

START = dt.date(2005, 8, 1)


def make_global_cube(path: str, days: int) -> None:
    if os.path.exists(path):
        return
    climate = FreezeThawClimate()
    with h5py.File(path + ".tmp", "w") as h5:
        ds = h5.create_dataset("FT", shape=(days, 720, 1440), dtype=np.uint8, compression="gzip",
                               compression_opts=4, chunks=(1, 720, 1440))
        for d in range(days):
            day = START + dt.timedelta(days=d)
            ds[d] = climate.codes(day, np.random.default_rng(day.toordinal()))
    os.replace(path + ".tmp", path)


def case(name: str, cube: str, workdir: str) -> dict:
    """One measurement, run in this (fresh) process."""
    stack = open_stack(cube, start_date=START)
    t0 = time.perf_counter()
    if name == "count":
        data = stack.read(slice(None))
        t0 = time.perf_counter()
        np.count_nonzero(data == 1, axis=0)
    elif name == "read":
        for first in range(0, len(stack.dates), 64):
            stack.read(slice(None), range(first, min(first + 64, len(stack.dates))))
    elif name == "decode":
        freezethaw.decode(stack, os.path.join(workdir, "decoded.tif"), os.path.join(workdir, "areas.csv"))
    elif name == "indicators":
        freezethaw.indicators(stack, os.path.join(workdir, "indicators.tif"))
    return {"case": name, "seconds": time.perf_counter() - t0, "peak_mb": bench_dem.peak_rss_mb(),
            "days": len(stack.dates)}


GDAL_CACHE_MB = "64"  # GDAL keeps written blocks in its cache up to GDAL_CACHEMAX (default 5 % of RAM)


def measure(name: str, cube: str, workdir: str) -> dict:
    env = dict(os.environ, GDAL_CACHEMAX=GDAL_CACHE_MB)
    out = subprocess.run([sys.executable, __file__, "--case", name, cube, workdir], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout)


def main() -> None:
    workdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "cryo-bench")
    os.makedirs(workdir, exist_ok=True)
    bench_startup.main()
    one, three = os.path.join(workdir, "ft_365.h5"), os.path.join(workdir, "ft_1096.h5")
    print("preparing global 0.25° stacks in {} (cached between runs) ...".format(workdir), flush=True)
    make_global_cube(one, 365)
    make_global_cube(three, 1096)
    count = measure("count", one, workdir)
    print("\nFreeze/thaw, one season of the global 0.25° grid (1440 x 720 x 365 uint8, HDF5 gzip)")
    print("  counting pass np.count_nonzero(stack == 1, axis=0), in memory : {:6.2f} s".format(count["seconds"]))
    for name in ("read", "decode", "indicators"):
        result = measure(name, one, workdir)
        print("  {:<62}: {:6.2f} s = {:4.1f} x counting pass, peak {:5.0f} MB".format(
            {"read": "reading the HDF5 stack, 64 days at a time (for reference)",
             "decode": "decode -> GeoTIFF stack + daily area table",
             "indicators": "season indicators"}[name],
            result["seconds"], result["seconds"] / count["seconds"], result["peak_mb"]))
    longer = measure("indicators", three, workdir)
    print("  season indicators on a 3-season stack ({} days)              : {:6.2f} s, peak {:5.0f} MB".format(
        longer["days"], longer["seconds"], longer["peak_mb"]))
    print("  (the in-memory counting pass itself peaks at {:.0f} MB; every case runs in a fresh process with "
          "GDAL_CACHEMAX={} MB)".format(count["peak_mb"], GDAL_CACHE_MB))
    bench_dem.main(os.path.join(workdir, "dem"))
    bench_lake_ice()
    bench_degreedays.main(workdir)
    bench_pick.main(workdir)
    bench_insar.main(workdir)
    bench_snow.main(os.path.join(workdir, "snow"), small=False)
    bench_dask.main(os.path.join(workdir, "dask"))


def bench_lake_ice(lakes: int = 1313, years: int = 16) -> None:
    """Phenology of 1,313 lakes x 16 years of daily ice percent (the size of the Northern Hemisphere lake-ice
    product): each lake freezes and thaws on its own dates each winter, with noise and 20 % missing days."""
    from cryo_qgis_plugin.core import lakeice

    rng = np.random.default_rng(1313)
    first = dt.date(2002, 8, 1)
    days = (dt.date(2002 + years, 8, 1) - first).days
    season_start = np.array([(dt.date(2002 + y, 8, 1) - first).days for y in range(years)])
    season_of_day = np.searchsorted(season_start, np.arange(days), side="right") - 1
    day_of_season = np.arange(days) - season_start[season_of_day]
    up = rng.uniform(80, 140, (lakes, years))[:, season_of_day]
    down = rng.uniform(220, 290, (lakes, years))[:, season_of_day]
    values = np.clip(np.minimum(10 * (day_of_season - up), 10 * (down - day_of_season)), 0, 100)
    values += rng.uniform(-3, 3, values.shape)
    values[rng.random(values.shape) < 0.2] = np.nan
    series = lakeice.Series([str(i) for i in range(lakes)], first, np.clip(values, 0, 100))
    t0 = time.perf_counter()
    events = lakeice.phenology(series)
    seconds = time.perf_counter() - t0
    print("\nLake-ice phenology, {} lakes x {} years of daily values ({:.1f} M lake-days)".format(
        lakes, years, values.size / 1e6))
    print("  gap filling + events of every lake and season: {:.2f} s, {} events".format(seconds, len(events)))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--case":
        print(json.dumps(case(sys.argv[2], sys.argv[3], sys.argv[4])))
    else:
        main()
