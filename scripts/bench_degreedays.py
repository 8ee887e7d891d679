#!/usr/bin/env python3
"""Degree days over 365 daily 2000 x 2000 GeoTIFFs against just reading them with GDAL, in the same run, and the
TTOP ensemble on the resulting 2000 x 2000 grid (issue 4). Prints figures, asserts nothing.

The files are MODIS-like packed LST (uint16, 0.02 K, 0 = no retrieval, 10 % clouds), tiled and DEFLATE-
compressed, one per day of the season 2005-07-01 .. 2006-06-30, written once into WORKDIR and reused. Each case
runs in a fresh process with GDAL_CACHEMAX=64 MB; peak memory is the process's VmHWM. Reading and degree days
run twice, alternately, and the faster run of each is reported.
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

import numpy as np  # noqa: E402
from osgeo import gdal, osr  # noqa: E402

from bench_dem import peak_rss_mb  # noqa: E402  (scripts/ is on sys.path when this file runs)

gdal.UseExceptions()
SIZE, DAYS = 2000, 365
START = dt.date(2005, 7, 1)


def make_folder(folder: str) -> None:
    """365 daily files (kept between runs): an annual cycle with a north-south gradient, noise and clouds."""
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(365)
    rows = np.linspace(-8, 8, SIZE, dtype=np.float32)[:, None]
    driver = gdal.GetDriverByName("GTiff")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    wkt = srs.ExportToWkt()
    for d in range(DAYS):
        day = START + dt.timedelta(days=d)
        path = os.path.join(folder, "LST_{:%Y%m%d}.tif".format(day))
        if os.path.exists(path):
            continue
        celsius = rows + 15 * np.sin(2 * np.pi * (d - 100) / 365) + rng.normal(0, 2, (SIZE, SIZE)).astype(np.float32)
        packed = np.round((celsius + 273.15) / 0.02).astype(np.uint16)
        packed[rng.random((SIZE, SIZE)) < 0.1] = 0
        ds = driver.Create(path + ".tmp.tif", SIZE, SIZE, 1, gdal.GDT_UInt16,
                           ["TILED=YES", "COMPRESS=DEFLATE", "BLOCKXSIZE=256", "BLOCKYSIZE=256"])
        ds.SetGeoTransform((300000, 1000, 0, 5000000, 0, -1000))
        ds.SetProjection(wkt)
        ds.GetRasterBand(1).SetNoDataValue(0)
        ds.GetRasterBand(1).WriteArray(packed)
        ds = None
        os.replace(path + ".tmp.tif", path)


def case(name: str, folder: str, workdir: str) -> dict:
    t0 = time.perf_counter()
    if name == "read":
        for entry in sorted(os.listdir(folder)):
            ds = gdal.Open(os.path.join(folder, entry))
            ds.GetRasterBand(1).ReadAsArray()
            ds = None
    elif name == "degreedays":
        from cryo_qgis_plugin.core.permafrost.degreedays import degree_days
        from cryo_qgis_plugin.core.io.stack import open_stack
        from cryo_qgis_plugin.core.io.temperature import Packing
        degree_days(open_stack(folder), os.path.join(workdir, "ddf.tif"), os.path.join(workdir, "ddt.tif"),
                    Packing(0.02, 0.0, "kelvin"), (7, 1), max_gap=5)
    elif name == "ttop_ensemble":
        from cryo_qgis_plugin.core import permafrost
        parameters = [permafrost.SurfaceParameters(0, permafrost.Parameter.fixed(1.0), permafrost.Parameter.fixed(1.0),
                                                   permafrost.Parameter(0.85, 0.7, 1.0))]
        inputs = permafrost.TtopInputs(os.path.join(workdir, "ddf.tif"), os.path.join(workdir, "ddt.tif"))
        outputs = permafrost.TtopOutputs(os.path.join(workdir, "ttop.tif"), os.path.join(workdir, "classes.tif"),
                                         probability=os.path.join(workdir, "probability.tif"))
        permafrost.ttop_map(inputs, outputs, parameters, options=permafrost.TtopOptions(members=200))
    return {"case": name, "seconds": time.perf_counter() - t0, "peak_mb": peak_rss_mb()}


def measure(name: str, folder: str, workdir: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--case", name, folder, workdir], capture_output=True, text=True,
                         check=True, env=dict(os.environ, GDAL_CACHEMAX="64"))
    return json.loads(out.stdout)


def main(workdir: str) -> None:
    folder = os.path.join(workdir, "lst_daily")
    print("\npreparing 365 daily {0} x {0} GeoTIFFs in {1} (kept between runs) ...".format(SIZE, folder), flush=True)
    make_folder(folder)
    measure("read", folder, workdir)  # warm the page cache, so both timed cases read from memory alike
    # Alternate the two cases and keep each one's faster run: the machine's speed drifts between runs.
    runs = [measure(name, folder, workdir) for _ in range(2) for name in ("read", "degreedays")]
    read = min((r for r in runs if r["case"] == "read"), key=lambda r: r["seconds"])
    dd = min((r for r in runs if r["case"] == "degreedays"), key=lambda r: r["seconds"])
    ttop = measure("ttop_ensemble", folder, workdir)
    print("Degree days, 365 daily {0} x {0} uint16 GeoTIFFs (DEFLATE, 10 % clouds, gaps filled)".format(SIZE))
    print("  reading every file with GDAL (ReadAsArray)     : {:6.2f} s, peak {:4.0f} MB".format(
        read["seconds"], read["peak_mb"]))
    print("  cryo degree days -> DDF + DDT GeoTIFFs          : {:6.2f} s = {:.2f} x reading, peak {:4.0f} MB".format(
        dd["seconds"], dd["seconds"] / read["seconds"], dd["peak_mb"]))
    print("  TTOP + 200-member ensemble on the {0} x {0} result: {1:6.2f} s, peak {2:4.0f} MB".format(
        SIZE, ttop["seconds"], ttop["peak_mb"]))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--case":
        print(json.dumps(case(sys.argv[2], sys.argv[3], sys.argv[4])))
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "cryo-bench"))
