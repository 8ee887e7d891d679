#!/usr/bin/env python3
"""Time-series picks (issue 7): one pixel through an 18-year daily freeze/thaw stack, in candidate storage layouts.

The stack is 6,570 daily bands of the global 0.25° grid (1440 x 720 uint8), codes of a synthetic climate (the
sample data's land/ocean/ice masks and latitude-dependent annual cycle, patchy weather and rain, swath gaps),
written once by ``freezethaw.decode`` (so in the layout decode writes) into WORKDIR/pick and kept between runs;
the other layouts are converted from it, as a user would convert an older stack. For each layout the bench prints
the file size, the time to open it, to read one whole day (one band, what a map needs) and of ``read_pixel_series``
at 20 random land pixels: the first pick (which also reads the 6,570 band dates once) and the median and maximum
of the next 20, each opening the file anew as the dock does (page cache warm, GDAL's default block cache). Each
layout runs in a fresh process, in two alternate rounds; each layout's round with the faster median is shown.
Target: a pick under 200 ms while one-day maps still read fast.

Figures on the 2-core development machine (shared, so they vary by about a third between runs):

    layout                   size   one day   pick median   pick max
    BAND, 256 x 256 tiles  117 MB      2 ms   225-410 ms   0.4-1.2 s
    BAND, 128 x 128 tiles  112 MB      3 ms   160-210 ms   230-300 ms
    BAND,  96 x  96 tiles  121 MB      4 ms   130-175 ms   200-230 ms   <- decoded stacks
    BAND,  64 x  64 tiles  144 MB      8 ms   150-220 ms   170-260 ms
    PIXEL, 16 x 16 tiles    89 MB   1.3-2.0 s    60-95 ms   60-360 ms

A pick decompresses one tile per band (band interleave): 64 KB with 256 x 256 tiles, 9 KB with 96 x 96. Smaller
tiles than that cost more than they save (a bigger tile index to look up, a bigger file, slower writing: decoding
is 40 % slower with 64 x 64 tiles than with 96 x 96). Pixel interleave puts every day of a pixel in one tile, the
fastest pick, but a one-day map then decompresses the whole stack. Hence band interleave in 96 x 96 tiles for
decoded stacks (``freezethaw.DECODED_TILE``). A pick's fixed part, opening and closing a 6,570-band GeoTIFF, is
50-60 ms.
"""
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Dict, List, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402
from osgeo import gdal  # noqa: E402

from cryo_qgis_plugin.core import freezethaw  # noqa: E402
from cryo_qgis_plugin.core.io.grid import GLOBAL_QUARTER_DEGREE  # noqa: E402
from samples.sampledata import FreezeThawClimate, upsample  # noqa: E402
from cryo_qgis_plugin.core.io.stack import Stack, TimeIndex  # noqa: E402

gdal.UseExceptions()
DAYS = 6570  # 18 years
START = dt.date(2003, 1, 1)
POOL = 29  # weather fields drawn once and mixed per day: a day costs a few array operations, not a random draw
PICKS = 20
# Candidate layouts (interleave, tile size); decode's own (BAND, freezethaw.DECODED_TILE) is written by decode.
LAYOUTS = (("BAND", 256), ("BAND", 128), ("BAND", 96), ("BAND", 64), ("PIXEL", 16))


class SyntheticStack(Stack):
    """18 years of daily freeze/thaw codes, computed on read from :class:`FreezeThawClimate`'s fields."""

    def __init__(self):
        climate = FreezeThawClimate()
        grid = GLOBAL_QUARTER_DEGREE.grid_for(climate.shape, "synthetic")
        super().__init__("synthetic freeze/thaw stack", [START + dt.timedelta(days=d) for d in range(DAYS)], grid,
                         np.uint8, None)
        rng = np.random.default_rng(6570)
        shape = climate.shape
        self.mean = climate.mean_temperature.astype(np.float32)
        self.swing = (climate.hemisphere * climate.amplitude).astype(np.float32)
        self.weather = np.stack([upsample(rng.normal(0, 2.5, (90, 180)), 8) + rng.normal(0, 1, shape)
                                 for _ in range(POOL)]).astype(np.float32)
        self.thawed = np.stack([np.where(upsample(rng.random((90, 180)), 8) < 0.04, 3, 2)
                                for _ in range(POOL)]).astype(np.uint8)  # 3 = rain on a thawed day
        self.fixed = np.where(climate.ice, 15, 0).astype(np.uint8)
        self.land = climate.land & ~climate.ice
        self.tropics = np.flatnonzero(np.abs(climate.lat[:, 0]) < 55)

    def codes(self, d: int) -> np.ndarray:
        day = self.dates[d]
        phase = np.float32(2 * np.pi * (day.timetuple().tm_yday - 20) / 365.25)
        temperature = self.mean + 0.3 * np.float32(d / 365.25) - self.swing * np.cos(phase)
        temperature += self.weather[d % POOL]
        temperature += self.weather[(7 * d + 3) % POOL]
        codes = np.where(temperature < 0, np.uint8(1), self.thawed[(3 * d) % POOL])
        gap = np.flatnonzero((np.arange(codes.shape[1]) + 37 * day.toordinal()) % 180 < 6)
        codes[np.ix_(self.tropics, gap)] = 0  # swath gap
        return np.where(self.land, codes, self.fixed)

    def _read(self, rows: slice, times: TimeIndex) -> np.ndarray:
        positions = range(DAYS)[times] if isinstance(times, slice) else times
        return np.stack([self.codes(d)[rows] for d in positions])


def layout_path(workdir: str, interleave: str, tile: int) -> str:
    return os.path.join(workdir, "ft_6570_{}_{}.tif".format(interleave.lower(), tile))


def creation_options(interleave: str, tile: int) -> List[str]:
    """The writer's options (core/geotiff.py) with another interleave and tile size."""
    return ["TILED=YES", "BLOCKXSIZE={}".format(tile), "BLOCKYSIZE={}".format(tile), "COMPRESS=DEFLATE",
            "BIGTIFF=YES", "INTERLEAVE={}".format(interleave), "NUM_THREADS=ALL_CPUS"]


def make_decoded(path: str) -> float:
    """The synthetic stack written by ``freezethaw.decode``; returns the seconds it took."""
    t0 = time.perf_counter()
    freezethaw.decode(SyntheticStack(), path, None)
    return time.perf_counter() - t0


def convert(source: str, path: str, interleave: str, tile: int) -> float:
    """Copy ``source`` into another layout; returns the seconds it took."""
    t0 = time.perf_counter()
    tmp = path + ".tmp.tif"
    if interleave == "BAND":
        gdal.Translate(tmp, source, creationOptions=creation_options(interleave, tile))
    else:
        copy_pixel_interleaved(source, tmp, tile)
    os.replace(tmp, path)
    return time.perf_counter() - t0


def copy_pixel_interleaved(source: str, path: str, tile: int) -> None:
    """Rows of output tiles, every band at once: gdal.Translate from band to pixel interleave is impractically slow
    on thousands of bands (it had not finished a 730-band stack after 10 minutes)."""
    src = gdal.Open(source)
    dst = gdal.GetDriverByName("GTiff").Create(path, src.RasterXSize, src.RasterYSize, src.RasterCount, gdal.GDT_Byte,
                                               creation_options("PIXEL", tile))
    dst.SetGeoTransform(src.GetGeoTransform())
    dst.SetProjection(src.GetProjection())
    dst.SetMetadata(src.GetMetadata())
    for b in range(1, src.RasterCount + 1):
        band, out = src.GetRasterBand(b), dst.GetRasterBand(b)
        out.SetDescription(band.GetDescription())
        out.SetMetadata(band.GetMetadata())
        out.SetNoDataValue(band.GetNoDataValue())
    source_rows = src.GetRasterBand(1).GetBlockSize()[1]
    previous = gdal.GetCacheMax()  # hold one row of source tiles of every band: each is decompressed once
    gdal.SetCacheMax(max(previous, 2 * src.RasterCount * src.RasterXSize * source_rows))
    try:
        for r0 in range(0, src.RasterYSize, tile):
            rows = min(tile, src.RasterYSize - r0)
            dst.WriteRaster(0, r0, src.RasterXSize, rows, src.ReadRaster(0, r0, src.RasterXSize, rows))
            dst.FlushCache()
    finally:
        gdal.SetCacheMax(previous)
    dst = None


def case(path: str) -> dict:
    """Opening, one-day reads and picks on one layout, in this (fresh) process."""
    from cryo_qgis_plugin.core.io.pixel_series import read_pixel_series

    with open(path, "rb") as fh:  # the page cache holds the file, as for every layout
        while fh.read(1 << 24):
            pass
    rng = np.random.default_rng(7)
    opens, days = [], []
    for band in rng.integers(1, DAYS + 1, 5):
        t0 = time.perf_counter()
        ds = gdal.Open(path)
        t1 = time.perf_counter()
        codes = ds.GetRasterBand(int(band)).ReadAsArray()
        days.append(time.perf_counter() - t1)
        opens.append(t1 - t0)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    rows, cols = np.nonzero(codes != 0)  # land pixels of the last day read
    picks = []
    for k in rng.choice(rows.size, PICKS + 1, replace=False):
        t0 = time.perf_counter()
        read_pixel_series(path, x0 + (cols[k] + 0.5) * dx, y0 + (rows[k] + 0.5) * dy)
        picks.append(time.perf_counter() - t0)
    return {"size_mb": os.path.getsize(path) / 1e6, "open_s": float(np.median(opens)),
            "day_s": float(np.median(days)), "first_s": picks[0], "median_s": float(np.median(picks[1:])),
            "max_s": max(picks[1:])}


def dock_case(path: str) -> dict:
    """What a user waits for: the dock (offscreen, 1200 x 400) reads the pixel and redraws its plot, per pick."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.testing import start_app

    from cryo_qgis_plugin.gui.pixel_task import PixelRequest, read_answer
    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    start_app()
    dock = TimeSeriesDock()
    dock.resize(1200, 400)
    dock.show()
    ds = gdal.Open(path)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    codes = ds.GetRasterBand(DAYS // 2).ReadAsArray()
    rows, cols = np.nonzero(codes != 0)
    times = []
    for k in np.random.default_rng(11).choice(rows.size, PICKS + 1, replace=False):
        t0 = time.perf_counter()
        answer = read_answer(PixelRequest("stack", path, x0 + (cols[k] + 0.5) * dx, y0 + (rows[k] + 0.5) * dy))
        dock.show_answers([answer])
        QApplication.processEvents()  # the plot paints
        times.append(time.perf_counter() - t0)
    return {"first_s": times[0], "median_s": float(np.median(times[1:])), "max_s": max(times[1:])}


def measure(path: str, mode: str = "--case") -> dict:
    out = subprocess.run([sys.executable, __file__, mode, path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(workdir: str) -> None:
    workdir = os.path.join(workdir, "pick")
    os.makedirs(workdir, exist_ok=True)
    decoded = layout_path(workdir, "BAND", freezethaw.DECODED_TILE)
    print("\npreparing an 18-year daily freeze/thaw stack ({} bands x 1440 x 720 uint8) in {} candidate layouts in "
          "{} (kept between runs) ...".format(DAYS, len(LAYOUTS), workdir), flush=True)
    if not os.path.exists(decoded):
        print("  written by freezethaw.decode (BAND, {0} x {0} tiles) in {1:.0f} s".format(
            freezethaw.DECODED_TILE, make_decoded(decoded)), flush=True)
    for interleave, tile in LAYOUTS:
        path = layout_path(workdir, interleave, tile)
        if not os.path.exists(path):
            print("  converted to {}, {} x {} tiles in {:.0f} s".format(
                interleave, tile, tile, convert(decoded, path, interleave, tile)), flush=True)
    # Two alternate rounds, keeping each layout's round with the faster median pick: the machine's speed drifts.
    best: Dict[Tuple[str, int], dict] = {}
    for _ in range(2):
        for layout in LAYOUTS:
            result = measure(layout_path(workdir, *layout))
            if layout not in best or result["median_s"] < best[layout]["median_s"]:
                best[layout] = result
    print("Time-series picks, 18-year daily freeze/thaw stack ({} bands x 1440 x 720 uint8, DEFLATE): "
          "read_pixel_series at {} random land pixels".format(DAYS, PICKS))
    print("  {:<22} {:>7} {:>8} {:>8} {:>11} {:>12} {:>9}".format(
        "layout", "size", "open", "one day", "first pick", "pick median", "pick max"))
    for layout in LAYOUTS:
        r = best[layout]
        mark = "  <- decode writes this" if layout == ("BAND", freezethaw.DECODED_TILE) else ""
        print("  {:<22} {:>4.0f} MB {:>5.0f} ms {:>5.0f} ms {:>8.0f} ms {:>9.0f} ms {:>6.0f} ms{}".format(
            "{}, {} x {} tiles".format(*layout, layout[1]), r["size_mb"], 1000 * r["open_s"], 1000 * r["day_s"],
            1000 * r["first_s"], 1000 * r["median_s"], 1000 * r["max_s"], mark))
    print("  (target: a pick under 200 ms with one-day maps still fast. \"open\": opening the file; \"one day\": "
          "one whole band read on\n  the opened file; the first pick opens the file and reads its band dates, the "
          "next ones reuse the open file, as\n  the dock does. Page cache warm, GDAL's default block cache; best of "
          "two rounds.)")
    print("  Decoded stacks are band-interleaved in {0} x {0} tiles: one day still reads in milliseconds, and a pick "
          "decompresses one\n  small tile per band (pixel interleave picks faster but stores every day of a pixel "
          "in one tile, so a one-day\n  map decompresses the whole stack; tiles smaller than {0} make the tile index "
          "and the file grow).".format(freezethaw.DECODED_TILE))
    dock = measure(decoded, "--dock")
    print("  In the time-series dock (read + redraw of the 6,570-day categorical plot, offscreen): first pick "
          "{:.0f} ms, then median {:.0f} ms, max {:.0f} ms".format(1000 * dock["first_s"], 1000 * dock["median_s"],
                                                                   1000 * dock["max_s"]))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--case":
        print(json.dumps(case(sys.argv[2])))
    elif len(sys.argv) > 1 and sys.argv[1] == "--dock":
        print(json.dumps(dock_case(sys.argv[2])), flush=True)
        os._exit(0)  # skip Qt's teardown: pyqtgraph items destroyed after the application can crash it
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "cryo-bench"))
