#!/usr/bin/env python3
"""Snow cover cloud removal (``cryo:snowcover``, issue 21) on a MODIS-tile-sized season against reading it, in the
same run. Prints figures, asserts nothing; target (issue 21): the filters in at most 10x the time of reading.

Input (written once into WORKDIR and reused): one season (2020-08-01 .. 2021-07-31, 365 days) of the synthetic
world of :mod:`samples.snow` on a 2400 x 2400 MODIS sinusoidal 500 m tile: a Terra and an Aqua stack of
MOD10A1/MYD10A1 v061 ``NDSI_Snow_Cover`` codes (uint8, multi-band GeoTIFF, 256 x 256 tiles, DEFLATE, about 60 %
clumped clouds) and a DEM. ``--small`` does the same on 480 x 480 cells for a quick check.

Cases, each in a fresh process (peak memory = the process's VmHWM), the default Run budget (256 MB) and GDAL's
default block cache, after a warm-up read so that every case reads from the page cache alike:

* ``read``: both stacks read once, whole grids, 32 dates at a time (the plain read the target refers to);
* ``read_blocks``: both stacks read once by the row blocks of every day that the filters use;
* ``steps_1_3_5``: all steps but the snow line (one pass over the stacks), writing the daily stack, the table and
  the season indicators;
* ``all_steps``: the five classic steps (the snow line needs a first pass: the stacks are read twice), same outputs;
* ``six_steps``: the same with step 6 (the nearest clear day within 7 days, off by default) too.

The machine's load average (1 minute) is printed before and after the cases: other work on the machine slows every
case alike but not the ratios exactly.
"""
import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from osgeo import gdal  # noqa: E402

from bench_dem import peak_rss_mb  # noqa: E402
from samples.snow import SINUSOIDAL, SnowWorld, write_dem  # noqa: E402

gdal.UseExceptions()
SEASON = (dt.date(2020, 8, 1), dt.date(2021, 7, 31))


def make_inputs(folder: str, size: int) -> dict:
    """Terra and Aqua stacks and the DEM of one season on a ``size`` x ``size`` grid (kept between runs)."""
    os.makedirs(folder, exist_ok=True)
    paths = {name: os.path.join(folder, "{}_{}.tif".format(name, size)) for name in ("terra", "aqua", "dem")}
    if all(os.path.exists(p) for p in paths.values()):
        return paths
    world = SnowWorld(height=size, width=size, cloud_fraction=0.6, cloud_scale=24.0, seed=2400)
    days = [d for d in world.dates if SEASON[0] <= d <= SEASON[1]]
    options = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "INTERLEAVE=BAND", "BIGTIFF=YES"]
    stacks = {}
    for name in ("terra", "aqua"):
        ds = gdal.GetDriverByName("GTiff").Create(paths[name] + ".tmp.tif", size, size, len(days), gdal.GDT_Byte,
                                                  options)
        ds.SetGeoTransform(world.geotransform())
        ds.SetProjection(SINUSOIDAL)
        stacks[name] = ds
    band = 0
    started = time.perf_counter()
    for day, _, terra, aqua in world.days():
        if not SEASON[0] <= day <= SEASON[1]:
            continue
        band += 1
        for name, codes in (("terra", terra), ("aqua", aqua)):
            out = stacks[name].GetRasterBand(band)
            out.SetDescription(day.isoformat())
            out.SetNoDataValue(255)
            out.WriteArray(codes)
        if band % 30 == 0:
            print("  {} of {} days written ({:.0f} s)".format(band, len(days), time.perf_counter() - started),
                  flush=True)
    stacks = None
    for name in ("terra", "aqua"):
        os.replace(paths[name] + ".tmp.tif", paths[name])
    write_dem(paths["dem"], world)
    return paths


def case(name: str, paths: dict, workdir: str) -> dict:
    from cryo_qgis_plugin.core.run import DEFAULT_BUDGET
    from cryo_qgis_plugin.core.snow.snow_blocks import season_windows
    from cryo_qgis_plugin.core.snow.snow_cover import SnowOptions, _tile_and_rows, snow_cover, workers_for
    from cryo_qgis_plugin.core.snow.snow_inputs import open_dem, open_snow_inputs

    inputs = open_snow_inputs(paths["terra"], paths["aqua"])
    grid = inputs.terra.grid
    t0 = time.perf_counter()
    result = {}
    if name == "read":
        for stack in (inputs.terra, inputs.aqua):
            for first in range(0, len(stack.dates), 32):
                stack.read(slice(None), range(first, min(first + 32, len(stack.dates))))
    elif name == "read_blocks":
        windows = season_windows(inputs.terra.dates, (8, 1), 3, [2020])
        workers = workers_for(grid.height)
        _, rows = _tile_and_rows(grid.width, grid.height, windows[0].days, DEFAULT_BUDGET, workers)
        for r0, r1 in rows:
            for stack in (inputs.terra, inputs.aqua):
                stack.read(slice(max(r0 - 1, 0), min(r1 + 1, grid.height)))
        result.update(blocks=len(rows), rows_per_block=rows[0][1] - rows[0][0], workers=workers)
    else:
        writing = _time_output_writing()
        dem = open_dem(paths["dem"], grid)
        options = SnowOptions(snow_line=name in ("all_steps", "six_steps"), nearest=name == "six_steps")
        done = snow_cover(inputs, os.path.join(workdir, "snow_{}.tif".format(name)),
                          os.path.join(workdir, "snow_{}.csv".format(name)),
                          os.path.join(workdir, "snow_seasons_{}.tif".format(name)), dem, options)
        result.update(cloud_before=done.cloud_fraction_before, cloud_after=done.cloud_fraction_after,
                      changed=done.changed, writing=writing[0])
    result.update(case=name, seconds=time.perf_counter() - t0, peak_mb=peak_rss_mb(), shape=[
        len(inputs.terra.dates), grid.height, grid.width])
    return result


def _time_output_writing() -> list:
    """Seconds spent in GeoTiffWriter.write_band/flush/close (compressing and writing the outputs), as ``[s]``."""
    from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
    spent = [0.0]

    def timed(method):
        def run(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - t0
        return run

    for name in ("write_band", "flush", "__exit__"):
        setattr(GeoTiffWriter, name, timed(getattr(GeoTiffWriter, name)))
    return spent


def measure(name: str, paths: dict, workdir: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--case", name, json.dumps(paths), workdir],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(workdir: str, small: bool) -> None:
    size = 480 if small else 2400
    os.makedirs(workdir, exist_ok=True)
    print("\npreparing a season of {0} x {0} Terra and Aqua MOD10A1-like stacks in {1} (kept between runs) ...".format(
        size, workdir), flush=True)
    paths = make_inputs(workdir, size)
    load_before = os.getloadavg()
    measure("read", paths, workdir)  # warm the page cache
    read = measure("read", paths, workdir)
    blocks = measure("read_blocks", paths, workdir)
    one_pass = measure("steps_1_3_5", paths, workdir)
    full = measure("all_steps", paths, workdir)
    six = measure("six_steps", paths, workdir)
    days, rows, cols = read["shape"]
    print("Snow cover cloud removal, Terra + Aqua, {} days x {} x {} uint8 each ({:.1f} GB of codes), {} cores".format(
        days, rows, cols, 2 * days * rows * cols / 1e9, os.cpu_count()))
    print("  reading both stacks, whole grids              : {:7.1f} s, peak {:5.0f} MB".format(
        read["seconds"], read["peak_mb"]))
    print("  reading both stacks by the filters' row blocks : {:7.1f} s = {:.2f} x reading, peak {:5.0f} MB "
          "({} blocks of {} rows + 2 halo rows, {} at a time)".format(
              blocks["seconds"], blocks["seconds"] / read["seconds"], blocks["peak_mb"], blocks["blocks"],
              blocks["rows_per_block"], blocks["workers"]))
    for label, run in (("steps 1, 2, 3, 5 (one pass)        ", one_pass),
                       ("all five steps (snow line: 2 passes)", full),
                       ("six steps (+ nearest clear day)     ", six)):
        print("  {}     : {:7.1f} s = {:.2f} x reading, peak {:5.0f} MB; cloud {:.1%} -> {:.2%}".format(
            label, run["seconds"], run["seconds"] / read["seconds"], run["peak_mb"], run["cloud_before"],
            run["cloud_after"]))
        rest = run["seconds"] - run["writing"]
        print("      of which compressing and writing the outputs {:.1f} s; the rest {:.1f} s = {:.2f} x "
              "reading".format(run["writing"], rest, rest / read["seconds"]))
    print("  step 6 changed {:,} pixel-days".format(six["changed"]["nearest"]))
    print("  (target of issue 21: the filters in at most 10 x the time of reading; machine load average (1, 5, 15 min) "
          "{:.1f} {:.1f} {:.1f} before, {:.1f} {:.1f} {:.1f} at the end, {} cores)".format(
              *load_before, *os.getloadavg(), os.cpu_count()))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--case":
        print(json.dumps(case(sys.argv[2], json.loads(sys.argv[3]), sys.argv[4])))
    else:
        parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
        parser.add_argument("workdir", nargs="?", default=os.path.join(tempfile.gettempdir(), "cryo-bench"))
        parser.add_argument("--small", action="store_true", help="480 x 480 cells instead of 2400 x 2400")
        arguments = parser.parse_args()
        main(arguments.workdir, arguments.small)
