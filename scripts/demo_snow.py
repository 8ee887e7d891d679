#!/usr/bin/env python3
"""The snow cover part of the demo: the synthetic MOD10A1/MYD10A1 sample (:mod:`samples.snow`: one HDF4 granule per
satellite and day as NASA names them, 60 % clumped clouds, a DEM, the true snow cover) -> ``cryo:snowcover``
through ``qgis_process`` -> a PNG of the snow cover duration of the season beside the true one, a PNG of the daily
snow-covered and cloudy area, and the recovered against the true state in the summary.

``scripts/demo.py`` calls :func:`snow_cover`; run alone (``scripts/demo_snow.py OUTDIR``) it does only this part
(the plugin must be deployed where ``QGIS_PLUGINPATH`` points, as for the whole demo).
"""
import csv
import datetime as dt
import json
import os
import sys
import time

import demo  # also puts the repository on sys.path and selects the Agg backend
import matplotlib
import matplotlib.dates as mdates
import matplotlib.patches  # noqa: F401  (matplotlib.patches.Patch)
import matplotlib.pyplot as plt
import numpy as np
from osgeo import gdal

from cryo_qgis_plugin.core.codes import SNOW_COVER
from samples import snow as sample_snow

COLOURS = {c.key: c.hex_color for c in SNOW_COVER}
NODATA_GREY = "#9e9e9e"


def _extent_km(path: str):
    ds = gdal.Open(path)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    return [x0 / 1e3, (x0 + dx * ds.RasterXSize) / 1e3, (y0 + dy * ds.RasterYSize) / 1e3, y0 / 1e3]


def true_duration(truth_path: str, year: int) -> np.ndarray:
    """The longest run of snow days in the season ``year`` of the true classes (counted day by day here, apart from
    the plugin), masked where there is never a clear day (the lake)."""
    ds = gdal.Open(truth_path)
    start = dt.date(year, 8, 1)
    bands = [b for b in range(1, ds.RasterCount + 1)
             if start <= dt.date.fromisoformat(ds.GetRasterBand(b).GetDescription()) < dt.date(year + 1, 8, 1)]
    run = best = None
    for b in bands:
        day = ds.GetRasterBand(b).ReadAsArray()
        snow = day == 1
        run = np.where(snow, (run if run is not None else 0) + 1, 0)
        best = run if best is None else np.maximum(best, run)
    return np.ma.masked_where(day > 1, best)


def duration_png(path: str, indicators: str, truth: str, year: int) -> dict:
    """Snow cover duration after cloud removal beside the true one, same colour scale; returns their agreement."""
    ours = demo.band_by_name(indicators, "snow_cover_duration_{}".format(year))
    true = true_duration(truth, year)
    extent = _extent_km(indicators)
    limit = max(int(true.max()), int(ours.max()))
    fig, axes = plt.subplots(1, 2, figsize=(13, 5.4), constrained_layout=True)
    for ax, data, title in ((axes[0], ours, "cryo:snowcover: longest snow run after cloud removal"),
                            (axes[1], true, "true snow cover of the synthetic sample")):
        ax.set_facecolor(NODATA_GREY)  # the lake: no clear day, nodata
        image = ax.imshow(data, extent=extent, cmap="Blues", vmin=0, vmax=limit, interpolation="nearest")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("easting (km, MODIS sinusoidal)")
        ax.set_ylabel("northing (km)")
    axes[0].legend(handles=[matplotlib.patches.Patch(color=NODATA_GREY, label="lake (water: no value)")],
                   loc="lower left", fontsize=8, framealpha=0.9)
    fig.colorbar(image, ax=axes, label="snow cover duration (days, season from 1 August)", shrink=0.9)
    difference = (ours.astype(int) - true.astype(int)).compressed()
    fig.suptitle("Snow cover duration, season {}/{}: 60 % clouds planted in the MOD10A1/MYD10A1 sample; median "
                 "difference {:+.0f} days, 90 % of the cells within ±{:.0f} days".format(
                     year, year + 1, np.median(difference), np.percentile(np.abs(difference), 90)), fontsize=11)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return {"median_difference_days": float(np.median(difference)),
            "p90_abs_difference_days": float(np.percentile(np.abs(difference), 90))}


def areas_png(path: str, table: str) -> None:
    """Daily snow-covered area and the cloud before and after the cloud removal."""
    with open(table, newline="") as fh:
        rows = list(csv.DictReader(fh))
    days = [dt.date.fromisoformat(r["date"]) for r in rows]
    column = {key: np.array([float(r[key]) for r in rows]) for key in ("snow_km2", "cloud_input_km2", "cloud_km2")}
    fig, ax = plt.subplots(figsize=(11, 4))
    ax.fill_between(days, column["cloud_input_km2"], color="#bbbbbb", label="cloud in MOD10A1 (Terra) before")
    ax.plot(days, column["snow_km2"], color="#2166ac", label="snow after cloud removal")
    ax.plot(days, column["cloud_km2"], color="#444444", label="cloud left")
    ax.set_ylabel("area (km²)")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title("Daily snow-covered and cloudy area (true cell areas)")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def recovered(daily: str, sample: dict) -> dict:
    """Share of the cells planted under cloud that got their true state, and the cloud left (land cells)."""
    truth = gdal.Open(sample["truth"]).ReadAsArray()
    out = gdal.Open(daily).ReadAsArray()
    world = sample["world"]
    cloudy = np.stack([terra == sample_snow.CLOUD_CODE for _, _, terra, _ in world.days()]) & (truth <= 1)
    land = truth <= 1
    return {"cloud_cells_recovered": round(float(np.mean(out[cloudy] == truth[cloudy])), 4),
            "cloud_left_of_land": round(float(np.mean(out[land] == 2)), 4)}


def snow_cover(outdir: str, summary: dict) -> str:
    """Sample -> ``cryo:snowcover`` -> PNGs and the summary entry; returns the products' folder."""
    started = time.perf_counter()
    sample = sample_snow.write_snow_sample(os.path.join(outdir, "sample", "snow"))
    folder = os.path.join(outdir, "snow")
    os.makedirs(folder, exist_ok=True)
    paths = {name: os.path.join(folder, file) for name, file in (
        ("OUTPUT", "snow_cover_daily.tif"), ("OUTPUT_TABLE", "snow_cover_areas.csv"),
        ("OUTPUT_INDICATORS", "snow_cover_seasons.tif"))}
    results = demo.run("cryo:snowcover", INPUT=sample["granules"], DEM=sample["dem"], **paths)
    year = 2020
    results["duration_vs_truth"] = duration_png(os.path.join(folder, "snow_cover_duration_2020.png"),
                                                paths["OUTPUT_INDICATORS"], sample["truth"], year)
    areas_png(os.path.join(folder, "snow_cover_areas.png"), paths["OUTPUT_TABLE"])
    results["recovered_vs_truth"] = recovered(paths["OUTPUT"], sample)
    results["snow_part_seconds"] = round(time.perf_counter() - started, 1)
    summary["cryo:snowcover"] = results
    print("snow: cloud {:.1%} -> {:.2%}; recovered vs truth {}; {} s in all".format(
        results["CLOUD_BEFORE"], results["CLOUD_AFTER"], json.dumps(results["recovered_vs_truth"]),
        results["snow_part_seconds"]), flush=True)
    return folder


if __name__ == "__main__":
    found: dict = {}
    print(snow_cover(sys.argv[1] if len(sys.argv) > 1 else "demo_out", found))
    print(json.dumps(found, indent=2, default=str))
