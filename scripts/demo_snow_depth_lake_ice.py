#!/usr/bin/env python3
"""Demo entries for ``cryo:snowdepth`` and ``cryo:lakeicethickness`` (hooked into ``scripts/demo.py``):

* :func:`snow_depth` runs ``cryo:snowdepth`` through ``qgis_process`` on the AMSR2-like sample (HDF5, Tb × 100)
  and writes ``snow/snow_depth_max_2015.png``: the season's maximum depth next to the synthetic truth, and the
  area-mean daily depth;
* :func:`lake_ice_thickness` runs ``cryo:lakeicethickness`` on the sample lakes' air temperature, bare ice and
  with snow, and with the freeze-up/break-up dates of ``cryo:lakeicephenology``, and writes
  ``lakeice/lake_ice_thickness.png``: one lake's thickness curves with the phenology dates.

Standalone: ``QGIS_PLUGINPATH=<deployed plugins> python3 scripts/demo_snow_depth_lake_ice.py OUTDIR``.
"""
import csv
import datetime as dt
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from osgeo import gdal  # noqa: E402

from samples import sampledata  # noqa: E402
from samples import snow_depth_lake_ice as sample  # noqa: E402

DEMO_LAKE = "Nam Co West"


def _run(algorithm: str, **parameters) -> dict:
    from demo import run  # the demo's qgis_process runner (imported late: demo.py imports this module's caller)

    return run(algorithm, **parameters)


def snow_depth(outdir: str, summary: dict) -> str:
    """Snow depth from the Tb sample (Chang 1987) and a PNG of the season maximum; returns the folder."""
    folder = os.path.join(outdir, "snow")
    os.makedirs(folder, exist_ok=True)
    sample_folder = os.path.join(outdir, "sample", "snow_depth")
    tb18, tb36 = (os.path.join(sample_folder, name) for name in ("tb18h.h5", "tb36h.h5"))
    if not (os.path.exists(tb18) and os.path.exists(tb36)):
        sample.write_tb_sample(sample_folder)
    daily, seasons = os.path.join(folder, "snow_depth_daily.tif"), os.path.join(folder, "snow_depth_seasons.tif")
    x0, x1, y0, y1 = sample.TB_EXTENT
    summary["cryo:snowdepth"] = _run(
        "cryo:snowdepth", INPUT=tb18, INPUT_36=tb36, START_DATE=sample.TB_START.isoformat(),
        EXTENT="{},{},{},{} [EPSG:4326]".format(x0, x1, y0, y1), SCALE=0.01, NODATA=sample.TB_FILL,
        PRESET="chang1987", OUTPUT=daily, OUTPUT_SEASONS=seasons)
    ds = gdal.Open(seasons)
    bands = {ds.GetRasterBand(i + 1).GetDescription(): i + 1 for i in range(ds.RasterCount)}
    maximum = np.ma.masked_equal(ds.GetRasterBand(bands["max_depth_cm_2015"]).ReadAsArray(), -9999)
    swe = np.ma.masked_equal(ds.GetRasterBand(bands["max_swe_mm_2015"]).ReadAsArray(), -9999)
    days = (sample.TB_END - sample.TB_START).days + 1
    truth = sample.true_snow_depth(maximum.shape, days)
    depth = gdal.Open(daily).ReadAsArray()
    mean = np.ma.masked_equal(depth, -9999).mean(axis=(1, 2))
    dates = [sample.TB_START + dt.timedelta(days=d) for d in range(days)]
    extent = (x0, x1, y0, y1)
    fig = plt.figure(figsize=(13, 8.2))
    grid = fig.add_gridspec(2, 2, height_ratios=(1.25, 1))
    limit = float(max(maximum.max(), truth.max()))
    for position, data, title in ((grid[0, 0], maximum, "Maximum snow depth, season 2015 (Chang 1987, AMSR2-like)"),
                                  (grid[0, 1], truth.max(axis=0), "Synthetic truth: maximum depth")):
        ax = fig.add_subplot(position)
        image = ax.imshow(data, extent=extent, cmap="Blues", vmin=0, vmax=limit, interpolation="nearest")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("longitude (°)")
        ax.set_ylabel("latitude (°)")
        fig.colorbar(image, ax=ax, label="snow depth (cm)", shrink=0.85)
    ax = fig.add_subplot(grid[1, :])
    ax.plot(dates, mean, color="#2171b5", label="retrieved (screened: Tb36H > 255 K or Tb18H < Tb36H -> 0)")
    ax.plot(dates, truth.mean(axis=(1, 2)), color="#555", ls="--", label="synthetic truth")
    ax.set_ylabel("area-mean depth (cm)")
    ax.set_title("Area-mean daily snow depth; peak SWE {:.0f} mm at 0.24 g/cm³".format(float(swe.max())),
                 fontsize=10)
    ax.legend(loc="upper right", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "snow_depth_max_2015.png"), dpi=110)
    plt.close(fig)
    return folder


def _rows(path: str):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def lake_ice_thickness(outdir: str, summary: dict) -> str:
    """Ice thickness of the sample lakes three ways and a PNG of one lake's curves; returns the folder."""
    folder = os.path.join(outdir, "lakeice")
    os.makedirs(folder, exist_ok=True)
    air = os.path.join(outdir, "sample", "lakeice", "air_temperature.csv")
    if not os.path.exists(air):
        sample.write_lake_air_sample(air)
    phenology = os.path.join(folder, "phenology.csv")
    if not os.path.exists(phenology):  # demo.lake_ice writes it first; standalone, make it here
        stack = os.path.join(outdir, "sample", "lakeice", "lake_ice_percent_2015_2018.tif")
        lakes = os.path.join(outdir, "sample", "lakeice", "lakes.gpkg")
        if not (os.path.exists(stack) and os.path.exists(lakes)):
            sampledata.write_lake_ice_sample(os.path.dirname(stack))
        _run("cryo:lakeicephenology", INPUT=stack, LAKES=lakes, LAKE_FIELD="name", SHORE_BUFFER=250, SMOOTHING=3,
             OUTPUT=phenology)
    runs = {"bare": {}, "snow": {"SNOW_FIELD": "snow_cm"},
            "phenology": {"SNOW_FIELD": "snow_cm", "PHENOLOGY": phenology}}
    outputs = {}
    for name, extra in runs.items():
        daily = os.path.join(folder, "ice_thickness_{}.csv".format(name))
        seasons = os.path.join(folder, "ice_seasons_{}.csv".format(name))
        summary["cryo:lakeicethickness " + name] = _run("cryo:lakeicethickness", INPUT=air, OUTPUT=daily,
                                                        OUTPUT_SEASONS=seasons, **extra)
        outputs[name] = (daily, seasons)
    _thickness_png(os.path.join(folder, "lake_ice_thickness.png"), air, outputs, phenology)
    return folder


def _thickness_png(path: str, air: str, outputs: dict, phenology: str) -> None:
    temperature = [(dt.date.fromisoformat(r["date"]), float(r["temperature"]), float(r["snow_cm"]))
                   for r in _rows(air) if r["lake"] == DEMO_LAKE]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(12, 8.6), sharex=True, gridspec_kw={"height_ratios": (1, 1.6)})
    days = [d for d, _, _ in temperature]
    top.plot(days, [t for _, t, _ in temperature], color="#b2182b", lw=0.7, label="air temperature (°C)")
    top.axhline(0, color="#555", lw=0.6)
    top.set_ylabel("air temperature (°C)")
    snow_axis = top.twinx()
    snow_axis.fill_between(days, [s for _, _, s in temperature], color="#9ecae1", alpha=0.6, label="snow on ice")
    snow_axis.set_ylabel("snow on the ice (cm)")
    top.set_title("{}: daily air temperature and snow on the ice (synthetic sample)".format(DEMO_LAKE), fontsize=10)
    styles = {"bare": ("#08306b", "-", "bare ice, dates from temperature (α = 3.558)"),
              "snow": ("#4292c6", "-", "with snow (k_s = 0.31 W/m/K), dates from temperature"),
              "phenology": ("#e6550d", "--", "with snow, freeze-up/break-up from cryo:lakeicephenology")}
    for name, (daily, seasons) in outputs.items():
        rows = [r for r in _rows(daily) if r["lake"] == DEMO_LAKE]
        colour, line, label = styles[name]
        bottom.plot([dt.date.fromisoformat(r["date"]) for r in rows],
                    [float(r["h_cm"]) if r["h_cm"] else np.nan for r in rows], color=colour, ls=line, lw=1.2,
                    label=label)
        if name == "snow":
            for row in (r for r in _rows(seasons) if r["lake"] == DEMO_LAKE and r["max_thickness_cm"]):
                bottom.plot(dt.date.fromisoformat(row["date_max"]), float(row["max_thickness_cm"]), "v",
                            color=colour, ms=6)
                for key, marker in (("freeze_up", "model freeze-up"), ("break_up", "model break-up")):
                    if row[key]:
                        bottom.axvline(dt.date.fromisoformat(row[key]), color=colour, lw=0.8, ls=":")
    for row in (r for r in _rows(phenology) if r["lake"] == DEMO_LAKE and r["main"] == "1"):
        for key, colour in (("fus", "#74c476"), ("fue", "#238b45"), ("bus", "#fd8d3c"), ("bue", "#a63603")):
            if row[key]:
                bottom.axvline(dt.date.fromisoformat(row[key]), color=colour, lw=1, alpha=0.8)
    handles, labels = bottom.get_legend_handles_labels()
    handles += [matplotlib.lines.Line2D([], [], color=c, lw=1) for c in ("#74c476", "#238b45", "#fd8d3c", "#a63603")]
    labels += ["FUS (phenology)", "FUE", "BUS", "BUE"]
    handles += [matplotlib.lines.Line2D([], [], color="#4292c6", lw=0.8, ls=":")]
    labels += ["freeze-up / break-up of the temperature rule"]
    fig.legend(handles, labels, loc="lower center", fontsize=8, ncol=4, frameon=False)
    bottom.set_ylabel("ice thickness (cm)")
    bottom.set_ylim(0, None)
    bottom.set_title("Ice thickness by Stefan's law h = sqrt(h0² + α²·AFDD), snow insulation, degree-day melt "
                     "(M = 0.5 cm/°C·d)", fontsize=10)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(outdir: str) -> None:
    summary = {}
    snow_depth(outdir, summary)
    lake_ice_thickness(outdir, summary)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo_out")
