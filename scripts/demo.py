#!/usr/bin/env python3
"""The main job, end to end: sample data -> every ``cryo`` algorithm through ``qgis_process`` -> products,
PNG quicklooks, reports and a summary in OUTDIR (``make demo`` writes ``demo_out/``).

Freeze/thaw runs on the synthetic global sample; glaciers on the Longyearbyen DEM pair in ``data/`` (real 1990
DEM, synthetic 2009 stand-in) and on repeat tracks sampled from it; lake ice and the permafrost chain (station
table -> GST model -> GST -> degree days -> TTOP ensemble -> accuracy) on synthetic samples.

The plugin must be deployed where ``QGIS_PLUGINPATH`` points (``make demo`` does that first).
"""
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.colors import BoundaryNorm, ListedColormap  # noqa: E402
from osgeo import gdal  # noqa: E402

import demo_insar  # noqa: E402
import demo_snow  # noqa: E402
import demo_snow_depth_lake_ice  # noqa: E402
from samples import permafrost as sample_permafrost  # noqa: E402
from samples import sampledata  # noqa: E402
from cryo_qgis_plugin.core.codes import FREEZE_THAW  # noqa: E402
from cryo_qgis_plugin.processing.base import results_in_log  # noqa: E402

QGIS_PROCESS = os.path.join(ROOT, "scripts", "qgis-process")
EXTENT = (-180, 180, -90, 90)


def qgis_process(algorithm: str, parameters: dict) -> dict:
    """Run one algorithm or model through the qgis_process command line; returns its whole JSON answer (with
    ``_seconds``). A list value is given as the parameter repeated (multiple layers, several fields)."""
    args = [QGIS_PROCESS, "run", algorithm, "--json", "--"] + [
        "{}={}".format(k, item) for k, v in parameters.items() for item in (v if isinstance(v, list) else [v])]
    print("$ " + " ".join(args[1:]), flush=True)
    started = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("{} failed:\n{}\n{}".format(algorithm, proc.stdout[-3000:], proc.stderr[-3000:]))
    answer = json.loads(proc.stdout[proc.stdout.index("{"):])
    answer["_seconds"] = round(time.perf_counter() - started, 1)
    return answer


def run(algorithm: str, **parameters) -> dict:
    """One algorithm's JSON results (files and numbers) and its run time."""
    answer = qgis_process(algorithm, parameters)
    return dict(answer["results"], _seconds=answer["_seconds"])


def run_workflow(model: str, **parameters) -> dict:
    """A shipped model: its files, and the numbers of its steps read from the log (a QGIS 3.22 model returns
    only files; each ``cryo`` step writes its numeric results to the log)."""
    answer = qgis_process(model, parameters)
    return {"files": answer["results"], "steps": results_in_log(answer.get("log", {}).get("info", [])),
            "_seconds": answer["_seconds"]}


def band_by_name(path: str, name: str) -> np.ma.MaskedArray:
    ds = gdal.Open(path)
    for b in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(b)
        if band.GetDescription() == name:
            data = band.ReadAsArray()
            return np.ma.masked_equal(data, band.GetNoDataValue()) if band.GetNoDataValue() is not None else data
    raise KeyError("{} has no band {}".format(path, name))


def map_png(path: str, data, title: str, label: str, cmap: str = "viridis", extent=EXTENT,
            axes=("longitude (°)", "latitude (°)"), figsize=(10, 5.2), **kwargs) -> None:
    fig, ax = plt.subplots(figsize=figsize)
    image = ax.imshow(data, extent=extent, cmap=cmap, interpolation="nearest", **kwargs)
    ax.set_title(title)
    ax.set_xlabel(axes[0])
    ax.set_ylabel(axes[1])
    fig.colorbar(image, ax=ax, label=label, shrink=0.8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def class_map_png(path: str, codes: np.ndarray, title: str) -> None:
    """A decoded day in the product's own colours and labels (from the shared class table)."""
    values = list(FREEZE_THAW.values)
    index = np.searchsorted(values, codes)
    cmap = ListedColormap([code.hex_color for code in FREEZE_THAW])
    fig, ax = plt.subplots(figsize=(10, 5.2))
    ax.imshow(index, extent=EXTENT, cmap=cmap, norm=BoundaryNorm(np.arange(len(values) + 1) - 0.5, len(values)),
              interpolation="nearest")
    ax.legend(handles=[matplotlib.patches.Patch(color=c.hex_color, label="{} {}".format(c.value, c.label))
                       for c in FREEZE_THAW], loc="lower left", fontsize=8)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def frozen_area_png(path: str, table: str) -> None:
    data = np.genfromtxt(table, delimiter=",", names=True, dtype=None, encoding="utf-8")
    days = [dt.date.fromisoformat(d) for d in data["date"]]
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.plot(days, data["frozen_km2"] / 1e6, color=FREEZE_THAW.by_value()[1].hex_color, label="frozen")
    ax.plot(days, data["thawed_km2"] / 1e6, color=FREEZE_THAW.by_value()[2].hex_color, label="thawed")
    ax.set_ylabel("area (million km²)")
    ax.set_title("Daily frozen and thawed area, season 2005 (sample data, true cell areas)")
    ax.legend()
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def dh_map_png(path: str, dh_path: str, title: str, label: str, limit: float) -> None:
    """An elevation-change raster on its own grid (projected coordinates in km), diverging around 0."""
    ds = gdal.Open(dh_path)
    band = ds.GetRasterBand(1)
    data = np.ma.masked_equal(band.ReadAsArray(), band.GetNoDataValue())
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    extent = [x0 / 1e3, (x0 + dx * ds.RasterXSize) / 1e3, (y0 + dy * ds.RasterYSize) / 1e3, y0 / 1e3]
    map_png(path, data, title, label, cmap="RdBu", extent=extent, axes=("easting (km)", "northing (km)"),
            figsize=(9, 6.4), vmin=-limit, vmax=limit)


def glaciers(outdir: str, summary: dict) -> str:
    """DEM differencing on the Longyearbyen pair and altimetry gridding of tracks sampled from it."""
    data = os.path.join(ROOT, "data", "longyearbyen")
    folder = os.path.join(outdir, "glaciers")
    os.makedirs(folder, exist_ok=True)
    dh, report = os.path.join(folder, "dh_2009_1990.tif"), os.path.join(folder, "dem_difference_report.html")
    summary["cryo:demdifference"] = run(
        "cryo:demdifference", REFERENCE=os.path.join(data, "DEM_2009_standin_synthetic.tif"),
        DEM=os.path.join(data, "DEM_1990.tif"), GLACIERS=os.path.join(data, "glacier_outlines_1990_from_mask.gpkg"),
        REFERENCE_YEAR=2009.0, DEM_YEAR=1990.0, OUTPUT=dh, OUTPUT_REPORT=report)
    dh_map_png(os.path.join(folder, "dh_2009_1990.png"), dh,
               "Longyearbyen dh, 2009 (synthetic stand-in) − 1990, Nuth & Kääb co-registered",
               "dh (m)", 30)
    epochs = [os.path.join(outdir, "sample", "altimetry_epoch{}.gpkg".format(i)) for i in (1, 2)]
    if not all(os.path.exists(p) for p in epochs):
        sampledata.write_altimetry_epochs(os.path.join(data, "DEM_1990.tif"),
                                          os.path.join(data, "DEM_2009_standin_synthetic.tif"), *epochs)
    rate = os.path.join(folder, "altimetry_rate_500m.tif")
    summary["cryo:altimetrydifference"] = run(
        "cryo:altimetrydifference", EPOCH1=epochs[0], EPOCH2=epochs[1], ELEVATION_FIELD="elevation",
        CELL_SIZE=500, CRS="EPSG:25833", YEARS=19, OUTPUT=rate)
    dh_map_png(os.path.join(folder, "altimetry_rate_500m.png"), rate,
               "Elevation change rate from repeat tracks, 500 m cells (1990 → 2009, synthetic tracks)",
               "m per year", 1.5)
    return folder


def lake_ice(outdir: str, summary: dict) -> str:
    """Phenology of the sample lakes from their daily stack, and a PNG of four lakes' series with the dates."""
    from cryo_qgis_plugin.core import lakeice
    from cryo_qgis_plugin.core.io.rasterize import Polygons
    from cryo_qgis_plugin.core.io.stack import open_stack
    from osgeo import ogr

    folder = os.path.join(outdir, "lakeice")
    os.makedirs(folder, exist_ok=True)
    stack = os.path.join(outdir, "sample", "lakeice", "lake_ice_percent_2015_2018.tif")
    lakes = os.path.join(outdir, "sample", "lakeice", "lakes.gpkg")
    if not (os.path.exists(stack) and os.path.exists(lakes)):
        sampledata.write_lake_ice_sample(os.path.dirname(stack))
    table = os.path.join(folder, "phenology.csv")
    summary["cryo:lakeicephenology"] = run("cryo:lakeicephenology", INPUT=stack, LAKES=lakes, LAKE_FIELD="name",
                                           SHORE_BUFFER=250, SMOOTHING=3, OUTPUT=table)
    vector = ogr.Open(lakes)
    features = list(vector.GetLayer())
    polygons = Polygons([bytes(f.GetGeometryRef().ExportToWkb()) for f in features],
                        vector.GetLayer().GetSpatialRef().ExportToWkt())
    with open_stack(stack) as daily:  # the same lake means the algorithm used, for the plot
        series = lakeice.zonal_series(daily, polygons, [f.GetField("name") for f in features], "ice_percent", 250)
    rows = list(csv.DictReader(open(table, newline="")))
    days = [series.date(i) for i in range(series.values.shape[1])]
    fig, axes = plt.subplots(4, 1, figsize=(11, 9), sharex=True)
    markers = {"fus": ("#1f78b4", "FUS"), "fue": ("#08306b", "FUE"), "bus": ("#e6550d", "BUS"),
               "bue": ("#a63603", "BUE")}
    for ax, lake in zip(axes, ("Nam Co West", "Dagze Co", "Siling Co", "Pung Co")):
        ax.plot(days, series.values[series.lakes.index(lake)], color="#555", lw=0.8)
        for row in (r for r in rows if r["lake"] == lake):
            for key, (colour, label) in markers.items():
                if row[key]:
                    ax.axvline(dt.date.fromisoformat(row[key]), color=colour, lw=1, label=label)
        ax.set_ylabel("ice (%)")
        ax.set_title(lake, fontsize=10, loc="left")
    handles, labels = axes[0].get_legend_handles_labels()
    axes[0].legend(handles[:4], labels[:4], loc="upper right", fontsize=8, ncol=4)
    fig.suptitle("Lake ice (sample stack, 250 m shore buffer) with freeze-up and break-up dates")
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "lake_ice_phenology.png"), dpi=110)
    plt.close(fig)
    return folder


def permafrost_chain(outdir: str, summary: dict, data: sample_permafrost.PermafrostSample) -> str:
    """Station table -> GST model -> daily GST -> degree days -> TTOP with a 200-member ensemble -> accuracy
    against the survey map, on the synthetic permafrost sample; a PNG of the classes and the probability."""
    from cryo_qgis_plugin.core.codes import PERMAFROST_CLASSES

    folder = os.path.join(outdir, "permafrost")
    os.makedirs(folder, exist_ok=True)
    model, gst = os.path.join(folder, "gst_model.json"), os.path.join(folder, "gst_daily.tif")
    summary["cryo:gstmodel"] = run("cryo:gstmodel", INPUT=data.stations, GST_FIELD="gst",
                                   LST_FIELDS=list(sample_permafrost.PREDICTORS), OUTPUT_MODEL=model)
    lst = [data.lst[p] for p in sample_permafrost.PREDICTORS]
    summary["cryo:lsttogst"] = run("cryo:lsttogst", INPUT=lst, MODEL=model, SCALE=0.02, UNITS="kelvin", OUTPUT=gst)
    ddf, ddt = os.path.join(folder, "ddf.tif"), os.path.join(folder, "ddt.tif")
    summary["cryo:degreedays"] = run("cryo:degreedays", INPUT=gst, YEAR_START="07-01", MAX_GAP=5, OUTPUT_DDF=ddf,
                                     OUTPUT_DDT=ddt)
    outputs = {name: os.path.join(folder, name + ".tif") for name in ("ttop", "classes", "probability", "zones")}
    summary["cryo:ttop"] = run("cryo:ttop", DDF=ddf, DDT=ddt, LANDCOVER=data.landcover, NFACTORS=data.nfactors,
                               GLACIERS=data.glaciers, LAKES=data.lakes, MEMBERS=200, SEED=1,
                               OUTPUT_TTOP=outputs["ttop"], OUTPUT_CLASSES=outputs["classes"],
                               OUTPUT_PROBABILITY=outputs["probability"], OUTPUT_ZONES=outputs["zones"])
    summary["cryo:mapaccuracy"] = run("cryo:mapaccuracy", INPUT=outputs["classes"], REFERENCE=data.reference,
                                      FIELD="pf", CLASSES="1:1;2,3:0", REFERENCE_CLASSES="1:1;0:0",
                                      OUTPUT_TABLE=os.path.join(folder, "accuracy.csv"))
    classes = gdal.Open(outputs["classes"]).ReadAsArray()
    probability = gdal.Open(outputs["probability"]).ReadAsArray()
    values = list(PERMAFROST_CLASSES.values)
    sp = sample_permafrost
    extent = (sp.X0 / 1e3, (sp.X0 + sp.WIDTH * sp.CELL) / 1e3, (sp.Y0 - sp.HEIGHT * sp.CELL) / 1e3, sp.Y0 / 1e3)
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.8))
    left.imshow(np.ma.masked_where(classes == 0, np.searchsorted(values, classes)), extent=extent,
                cmap=ListedColormap([c.hex_color for c in PERMAFROST_CLASSES]), interpolation="nearest",
                norm=BoundaryNorm(np.arange(len(values) + 1) - 0.5, len(values)))
    left.legend(handles=[matplotlib.patches.Patch(color=c.hex_color, label=c.label) for c in PERMAFROST_CLASSES],
                loc="upper left", fontsize=7)
    left.set_title("Ground thermal classes (TTOP, mean of 2005-2006)")
    image = right.imshow(np.ma.masked_equal(probability, -9999), extent=extent, cmap="Blues", vmin=0, vmax=1,
                         interpolation="nearest")
    fig.colorbar(image, ax=right, label="permafrost probability (200 members)", shrink=0.85)
    right.set_title("Permafrost probability (rk drawn per land-cover class)")
    for ax in (left, right):
        ax.set_xlabel("easting (km)")
        ax.set_ylabel("northing (km)")
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "permafrost_classes_probability.png"), dpi=110)
    plt.close(fig)
    return folder


def workflows(outdir: str, daily: str, pf: sample_permafrost.PermafrostSample) -> dict:
    """The four shipped models (toolbox group "Workflows") on the same sample data (``pf``: the permafrost
    sample), each one qgis_process call; returns, per model, its files and the numbers of its steps."""
    folder = os.path.join(outdir, "workflows")
    os.makedirs(folder, exist_ok=True)
    out = lambda name: os.path.join(folder, name)  # noqa: E731
    lyb = os.path.join(ROOT, "data", "longyearbyen")
    lake_sample = os.path.join(outdir, "sample", "lakeice")
    return {
        "cryo:workflowfreezethawtrend": run_workflow(
            "cryo:workflowfreezethawtrend", daily=daily, year_start="08-01",
            **{"decode:decoded": out("ft_decoded.tif"), "decode:areas": out("ft_areas.csv"),
               "indicators:indicators": out("ft_indicators.tif"),
               "trend_frozen_days:trend_frozen_days": out("ft_trend_frozen_days.tif"),
               "trend_freeze_onset:trend_freeze_onset": out("ft_trend_freeze_onset.tif")}),
        "cryo:workflowpermafrostfromlst": run_workflow(
            "cryo:workflowpermafrostfromlst", stations=pf.stations, gst_field="gst",
            lst_fields=list(sample_permafrost.PREDICTORS),
            lst_stacks=[pf.lst[p] for p in sample_permafrost.PREDICTORS], scale=0.02, units="kelvin",
            landcover=pf.landcover, nfactors=pf.nfactors, members=200,
            reference=pf.reference, reference_field="pf", classes="1:1;2,3:0", reference_classes="1:1;0:0",
            **{"gstmodel:gst_model": out("pf_gst_model.json"), "lsttogst:gst": out("pf_gst.tif"),
               "degreedays:ddf": out("pf_ddf.tif"), "degreedays:ddt": out("pf_ddt.tif"),
               "ttop:ttop": out("pf_ttop.tif"), "ttop:classes": out("pf_classes.tif"),
               "ttop:probability": out("pf_probability.tif"),
               "ttop:zones": out("pf_zones.tif"), "accuracy:accuracy": out("pf_accuracy.csv")}),
        "cryo:workflowglaciermassbalance": run_workflow(
            "cryo:workflowglaciermassbalance", reference_dem=os.path.join(lyb, "DEM_2009_standin_synthetic.tif"),
            dem=os.path.join(lyb, "DEM_1990.tif"), glaciers=os.path.join(lyb, "glacier_outlines_1990_from_mask.gpkg"),
            reference_year=2009, dem_year=1990,
            **{"demdifference:dh": out("gl_dh.tif"), "demdifference:report": out("gl_report.html")}),
        "cryo:workflowlakeicephenology": run_workflow(
            "cryo:workflowlakeicephenology", stack=os.path.join(lake_sample, "lake_ice_percent_2015_2018.tif"),
            lakes=os.path.join(lake_sample, "lakes.gpkg"), lake_field="name", shore_buffer=250,
            **{"series:lake_series": out("lk_series.gpkg"), "phenology:phenology": out("lk_phenology.csv"),
               "phenology:lakes_phenology": out("lk_lakes.gpkg")}),
    }


def main(outdir: str) -> None:
    os.makedirs(outdir, exist_ok=True)
    daily = os.path.join(outdir, "sample", "freezethaw")
    expected = (sampledata.FT_END - sampledata.FT_START).days + 1
    if not os.path.isdir(daily) or len(os.listdir(daily)) != expected:
        print("writing sample data ({} daily files, lake-ice stack) ...".format(expected), flush=True)
        sampledata.main([os.path.join(outdir, "sample")])
    ft = os.path.join(outdir, "freezethaw")
    os.makedirs(ft, exist_ok=True)
    summary = {}

    decoded, areas = os.path.join(ft, "decoded_2005.tif"), os.path.join(ft, "areas_2005.csv")
    summary["cryo:decodefreezethaw"] = run("cryo:decodefreezethaw", INPUT=daily, PERIOD_START="2005-08-01",
                                           PERIOD_END="2006-07-31", OUTPUT=decoded, OUTPUT_TABLE=areas)
    indicators = os.path.join(ft, "indicators.tif")
    summary["cryo:freezethawindicators"] = run("cryo:freezethawindicators", INPUT=daily, OUTPUT=indicators)
    trends = {}
    for prefix in ("frozen_days_", "freeze_onset_"):
        trends[prefix] = os.path.join(ft, "trend_{}.tif".format(prefix.rstrip("_")))
        summary["cryo:trend " + prefix] = run("cryo:trend", INPUT=indicators, BAND_PREFIX=prefix, OUTPUT=trends[prefix])

    onset = band_by_name(indicators, "freeze_onset_2005")
    map_png(os.path.join(ft, "freeze_onset_2005.png"), onset, "Freeze onset, season 2005 (day 1 = 1 August)",
            "day of season", cmap="viridis_r")
    frozen_area_png(os.path.join(ft, "frozen_area_2005.png"), areas)
    day = gdal.Open(decoded)
    class_map_png(os.path.join(ft, "decoded_2006-01-15.png"), day.GetRasterBand(168).ReadAsArray(),
                  "Decoded freeze/thaw codes, {}".format(day.GetRasterBand(168).GetDescription()))
    slope = band_by_name(trends["frozen_days_"], "sen_slope")
    map_png(os.path.join(ft, "trend_frozen_days.png"), np.ma.masked_equal(slope, -9999),
            "Trend of frozen days 2004-2008 (Sen slope)", "days per year", cmap="RdBu", vmin=-6, vmax=6)

    glacier_folder = glaciers(outdir, summary)
    lake_folder = lake_ice(outdir, summary)
    permafrost_sample = sample_permafrost.write_permafrost_sample(os.path.join(outdir, "sample", "permafrost"))
    permafrost_folder = permafrost_chain(outdir, summary, permafrost_sample)
    insar_folder = demo_insar.insar(outdir, summary)
    snow_folder = demo_snow.snow_cover(outdir, summary)
    demo_snow_depth_lake_ice.snow_depth(outdir, summary)
    demo_snow_depth_lake_ice.lake_ice_thickness(outdir, summary)
    models = workflows(outdir, daily, permafrost_sample)

    with open(os.path.join(outdir, "summary.md"), "w") as fh:
        fh.write("# cryo_qgis_plugin demo\n\nSample data: `sample/` (synthetic, deterministic). Each algorithm ran "
                 "through `qgis_process`; its JSON results:\n\n")
        for name, results in summary.items():
            fh.write("## {}\n\n```json\n{}\n```\n\n".format(name, json.dumps(results, indent=2)))
        fh.write("## Workflows\n\nThe shipped models, each one `qgis_process run cryo:<model>`; the numbers of their "
                 "steps come from the log (`Result of <step>: <name> = <value>`):\n\n")
        for name, answer in models.items():
            fh.write("### {} ({} s)\n\n".format(name, answer["_seconds"]))
            fh.write("".join("- {}: {}\n".format(step, ", ".join("{} = {}".format(k, v) for k, v in numbers.items()))
                             for step, numbers in answer["steps"].items()))
            fh.write("- files: {}\n\n".format(", ".join("`{}`".format(os.path.basename(f))
                                                        for f in answer["files"].values() if f)))  # not asked: None
        fh.write("## Quicklooks and reports\n\n")
        for folder in (ft, glacier_folder, lake_folder, permafrost_folder, insar_folder, snow_folder):
            fh.write("".join("- `{}/{}`\n".format(os.path.basename(folder), n) for n in sorted(os.listdir(folder))
                             if n.endswith((".png", ".html", ".csv"))))
    print("\ndemo products in {}:".format(outdir))
    for folder in (ft, glacier_folder, lake_folder, permafrost_folder, insar_folder, snow_folder):
        for name in sorted(os.listdir(folder)):
            print("  {}/{}".format(os.path.basename(folder), name))
    print("  summary.md")
    print("\nworkflows (numeric results of their steps):")
    for name, answer in models.items():
        print("  {} ({} s)".format(name, answer["_seconds"]))
        for step, numbers in answer["steps"].items():
            print("    {}: {}".format(step, ", ".join("{} = {}".format(k, v) for k, v in numbers.items())))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo_out")
