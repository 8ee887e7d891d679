#!/usr/bin/env python3
"""InSAR deformation decomposition (issue 20) against just reading the displacement stack, in the same run.
Prints figures, asserts nothing.

The displacement stack is 2000 x 2000 pixels of 40 m x 150 dates (every 9 days from 2017-01-06), float32 mm, in
the layout this plugin writes (GeoTiffWriter: 256 x 256 tiles, DEFLATE, band interleave): a long-term trend and a
seasonal Stefan term varying in space, noise 2 mm, missing values (below). The per-pixel temperature is a daily
stack of 1 km cells (82 x 82, 2017-01-01 .. 2020-12-31, 1,461 days, float32 °C as ``cryo:lsttogst`` writes): a
cold annual cycle 2 °C warmer from west to east and noise. Both are written once into WORKDIR/insar and kept.

Missing values as in real products: 3 % of the pixels at every date (water, decorrelation), 5 % of the pixels
at 10 % of their dates.

Cases, each in a fresh process (GDAL_CACHEMAX as set below), in two alternate rounds, the faster run of each
kept:

* reading the stack by whole tile rows (256 rows, each tile decompressed once: the reference) and by the row
  blocks ``deformation_raster`` uses (its row size for k = 3: 8 rows of 2000 pixels in a 256 MB budget). Those
  thin blocks decompress every tile of a tile row again for each block unless GDAL's block cache holds a whole
  tile row of all dates (150 x 8 tiles of 256 KB = 300 MB): with GDAL_CACHEMAX=256 reading the stack in them took
  327 s against 12 s by tile rows, hence GDAL_CACHEMAX=512 here (GDAL's default is 5 % of the RAM);
* ``deformation_raster`` with one temperature series (issue target: at most 2 x reading);
* ``StackDesign.block`` alone over the whole grid (the per-pixel design without the fit);
* ``deformation_raster`` with the per-pixel temperature stack (issue target: at most 5 x reading).

Peak memory: the process's VmHWM (everything: Python, GDAL and its block cache) and tracemalloc's peak of the
arrays numpy allocates during the case, against the run's block budget (``Run().budget_bytes``, 256 MB).
``--small``: a 400 x 400 grid for a quick check.
"""
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

from bench_dem import peak_rss_mb  # noqa: E402  (scripts/ is on sys.path when this file runs)
from cryo_qgis_plugin.core.io.geotiff import TILE, GeoTiffWriter  # noqa: E402
from cryo_qgis_plugin.core.io.grid import Grid  # noqa: E402
from cryo_qgis_plugin.core.run import DEFAULT_BUDGET, blocks  # noqa: E402

CRS = "EPSG:32645"
PIXEL, CELL = 40.0, 1000.0  # m
X0, Y0 = 400000.0, 3900000.0
N_DATES = 150
INSAR = [dt.date(2017, 1, 6) + dt.timedelta(days=9 * i) for i in range(N_DATES)]
DAYS = [dt.date(2017, 1, 1) + dt.timedelta(days=i) for i in range(4 * 365 + 1)]
MASKED, GAPPY = 0.03, 0.05  # pixels missing at every date (water, decorrelated), pixels missing 10 % of dates
GDAL_CACHE_MB = "512"  # GDAL's default is 5 % of the RAM: 800 MB on 16 GB
CASES = ("read", "read_blocks", "series", "design", "stack")


def series():
    """The daily mean temperature (°C) of the area: a cold annual cycle."""
    doy = np.array([d.timetuple().tm_yday for d in DAYS])
    return -5.0 + 14.0 * np.sin(2 * np.pi * (doy - 115) / 365.25)


def grids(size):
    insar = Grid.from_extent(X0, Y0 - size * PIXEL, X0 + size * PIXEL, Y0, size, size, CRS)
    cells = int(np.ceil(size * PIXEL / CELL)) + 2
    temperature = Grid.from_extent(X0 - CELL, Y0 + CELL - cells * CELL, X0 - CELL + cells * CELL, Y0 + CELL,
                                   cells, cells, CRS)
    return insar, temperature


def make_inputs(folder, size):
    """The displacement stack and the temperature stack (kept between runs)."""
    from cryo_qgis_plugin.core.permafrost import thaw_index

    os.makedirs(folder, exist_ok=True)
    insar_grid, t_grid = grids(size)
    displacement = os.path.join(folder, "displacement_{}.tif".format(size))
    temperature = os.path.join(folder, "temperature_{}.tif".format(t_grid.width))
    if not os.path.exists(temperature):
        rng = np.random.default_rng(1)
        east = np.linspace(-1, 1, t_grid.width)[None, None, :]
        values = series()[:, None, None] + east + rng.normal(0, 1.5, (len(DAYS),) + t_grid.shape)
        with GeoTiffWriter(temperature, t_grid, [d.isoformat() for d in DAYS], np.float32, nodata=-9999.0) as w:
            w.write(0, values.astype(np.float32))
    if not os.path.exists(displacement):
        design = thaw_index.design_matrix(INSAR, DAYS, series()).matrix.astype(np.float32)
        rng = np.random.default_rng(2)
        step = TILE  # whole tile rows: a tile flushed half-written would be written twice
        with GeoTiffWriter(displacement, insar_grid, [d.isoformat() for d in INSAR], np.float32,
                           nodata=-9999.0) as w:
            for r0 in range(0, size, step):
                rows = min(step, size - r0)
                y = (r0 + np.arange(rows, dtype=np.float32))[:, None] / size
                x = np.arange(size, dtype=np.float32)[None, :] / size
                v = -5.0 - 10.0 * x * y
                e = -0.5 - 0.5 * np.sin(3 * x + 2 * y)
                d = design[:, 1, None, None] * v + design[:, 2, None, None] * e
                d += rng.standard_normal(d.shape, np.float32) * np.float32(2.0)
                d[:, rng.random((rows, size)) < MASKED] = -9999.0
                gappy = rng.random((rows, size)) < GAPPY
                d[:, gappy] = np.where(rng.random((N_DATES, int(gappy.sum()))) < 0.1, -9999.0, d[:, gappy])
                w.write(r0, d)
                w.flush()
    return displacement, temperature


def deformation_row_bytes(width, k):
    """The row size deformation_raster uses (its formula, for the same blocks)."""
    names = 9 if k == 3 else 10
    return width * 8 * ((6 + 2 * k) * N_DATES + 3 * k * k + 4 * names)


def case(name, displacement, temperature, workdir):
    from cryo_qgis_plugin.core.io.mintpy import open_displacement
    from cryo_qgis_plugin.core.io.stack import open_stack
    from cryo_qgis_plugin.core.permafrost import deformation, thaw_index
    from cryo_qgis_plugin.core.permafrost.temperature_stack_design import StackDesign

    tracemalloc.start()
    t0 = time.perf_counter()
    with open_displacement(displacement) as stack:
        height, width = stack.grid.shape
        if name in ("read", "read_blocks"):
            parts = ([(r0, min(r0 + TILE, height)) for r0 in range(0, height, TILE)] if name == "read" else
                     blocks(height, deformation_row_bytes(width, 3), DEFAULT_BUDGET))
            for r0, r1 in parts:
                stack.read(slice(r0, r1))
        elif name == "series":
            deformation.deformation_raster(stack, thaw_index.design_matrix(stack.dates, DAYS, series()),
                                           os.path.join(workdir, "series.tif"), units="mm")
        else:
            with open_stack(temperature) as t:
                design = StackDesign(t, stack.grid, stack.dates)
                if name == "design":
                    for r0, r1 in blocks(height, deformation_row_bytes(width, 3), DEFAULT_BUDGET):
                        design.block(slice(r0, r1), width)
                else:
                    deformation.deformation_raster(stack, design, os.path.join(workdir, "stack.tif"), units="mm")
    seconds = time.perf_counter() - t0
    return {"case": name, "seconds": seconds, "peak_mb": peak_rss_mb(),
            "numpy_peak_mb": tracemalloc.get_traced_memory()[1] / 2 ** 20}


def measure(name, displacement, temperature, workdir):
    out = subprocess.run([sys.executable, __file__, "--case", name, displacement, temperature, workdir],
                         capture_output=True, text=True, check=True, env=dict(os.environ, GDAL_CACHEMAX=GDAL_CACHE_MB))
    return json.loads(out.stdout)


def main(workdir, small=False):
    size = 400 if small else 2000
    folder = os.path.join(workdir, "insar")
    print("\npreparing a {0} x {0} x {1} displacement stack and a daily temperature stack in {2} (kept between "
          "runs) ...".format(size, N_DATES, folder), flush=True)
    displacement, temperature = make_inputs(folder, size)
    measure("read", displacement, temperature, folder)  # warm the page cache
    runs = [measure(name, displacement, temperature, folder) for _ in range(2) for name in CASES]
    best = {name: min((r for r in runs if r["case"] == name), key=lambda r: r["seconds"]) for name in CASES}
    read = best["read"]["seconds"]
    _, t_grid = grids(size)
    print("InSAR deformation, {0} x {0} pixels x {1} dates float32 GeoTIFF ({2:.0f} MB of values), block budget "
          "{3:.0f} MB, GDAL_CACHEMAX={4} MB".format(
              size, N_DATES, size * size * N_DATES * 4 / 2 ** 20, DEFAULT_BUDGET / 2 ** 20, GDAL_CACHE_MB))
    labels = {"read": "reading the stack by tile rows (256 rows)",
              "read_blocks": "reading the stack in deformation_raster's blocks",
              "series": "deformation_raster, one temperature series",
              "design": "per-pixel design alone (StackDesign.block)",
              "stack": "deformation_raster, per-pixel temperature stack"}
    targets = {"series": " (target <= 2 x)", "stack": " (target <= 5 x)"}
    for name in CASES:
        r = best[name]
        print("  {:<50}: {:7.2f} s = {:5.2f} x reading, peak {:5.0f} MB (numpy {:5.0f} MB){}".format(
            labels[name], r["seconds"], r["seconds"] / read, r["peak_mb"], r["numpy_peak_mb"], targets.get(name, "")))
    print("  (temperature stack: {} x {} cells of 1 km, {} days; every case in a fresh process, best of 2)".format(
        t_grid.width, t_grid.height, len(DAYS)))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--case":
        print(json.dumps(case(*sys.argv[2:6])))
    else:
        arguments = [a for a in sys.argv[1:] if a != "--small"]
        main(arguments[0] if arguments else os.path.join(tempfile.gettempdir(), "cryo-bench"),
             small="--small" in sys.argv[1:])
