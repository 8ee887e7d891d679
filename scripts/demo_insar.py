#!/usr/bin/env python3
"""The InSAR part of the demo: the synthetic Beiluhe-like MintPy sample (:mod:`samples.insar`) ->
``cryo:insardeformation`` through ``qgis_process`` -> a map PNG of the long-term velocity and the seasonal
amplitude, a PNG of one ice-rich pixel's series with the fit, and the recovered against the planted medians in the
summary. ``scripts/demo.py`` calls :func:`insar`; run alone (``scripts/demo_insar.py OUTDIR``) it does only this
part (the plugin must be deployed where ``QGIS_PLUGINPATH`` points, as for the whole demo).
"""
import csv
import datetime as dt
import json
import os
import sys
import time

import demo  # also puts the repository on sys.path and selects the Agg backend
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from osgeo import gdal

from samples import insar as sample_insar

SETTLEMENT_COLOUR, FIT_COLOUR, TREND_COLOUR = "#444444", "#b2182b", "#2166ac"


def _extent_km(path: str):
    """(left, right, bottom, top) of a raster in km, for imshow."""
    ds = gdal.Open(path)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    return [x0 / 1e3, (x0 + dx * ds.RasterXSize) / 1e3, (y0 + dy * ds.RasterYSize) / 1e3, y0 / 1e3]


def _pixel_km(extent, row: int, col: int):
    """The centre of pixel (row, col) in km, on the grid of ``extent`` (``sample_insar`` cells)."""
    cell = sample_insar.CELL / 1e3
    return extent[0] + (col + 0.5) * cell, extent[3] - (row + 0.5) * cell


def maps_png(path: str, components: str, sample: sample_insar.InsarSample) -> None:
    """Velocity (diverging, centred at 0) and seasonal amplitude side by side, nodata grey, with the reference
    pixel and the plotted pixel marked."""
    velocity = demo.band_by_name(components, "velocity_mm_yr")
    amplitude = np.ma.abs(demo.band_by_name(components, "seasonal_amplitude_mm"))
    extent = _extent_km(components)
    limit = 5 * np.ceil(np.percentile(np.abs(velocity.compressed()), 99.5) / 5)
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5.6))
    image = left.imshow(velocity, extent=extent, cmap="RdBu", vmin=-limit, vmax=limit, interpolation="nearest")
    fig.colorbar(image, ax=left, label="long-term velocity v (mm/yr, vertical; negative = subsidence)",
                 shrink=0.9)
    left.set_title("Long-term velocity (degradation trend), 2017-2020")
    image = right.imshow(amplitude, extent=extent, cmap="viridis", interpolation="nearest")
    fig.colorbar(image, ax=right, label="seasonal thaw settlement |e|·√A_T,max (mm)", shrink=0.9)
    right.set_title("Seasonal amplitude (Stefan term, largest thaw season)")
    for ax in (left, right):
        ax.set_facecolor("#bdbdbd")  # nodata (ponds, decorrelated pixels) in grey
        ax.set_xlabel("easting (km, UTM 46N)")
        ax.set_ylabel("northing (km)")
        ax.plot(*_pixel_km(extent, *sample.reference_pixel), "k^", ms=8, mfc="w", label="reference pixel")
        ax.plot(*_pixel_km(extent, *sample.ice_rich_pixel), "ko", ms=8, mfc="none", mew=1.8,
                label="pixel of the series plot")
    left.legend(loc="lower left", fontsize=8, framealpha=0.9)
    fig.suptitle("cryo:insardeformation on the synthetic Beiluhe-like MintPy sample (Sentinel-1, {} dates, "
                 "100 m; grey = no data)".format(len(sample.dates)), fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def read_temperature(path: str):
    """(dates, °C) of the sample's daily CSV (its gaps stay gaps)."""
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [dt.date.fromisoformat(r["date"]) for r in rows], np.array([float(r["temperature"]) for r in rows])


def pixel_png(path: str, components: str, model_path: str, sample: sample_insar.InsarSample) -> dict:
    """One ice-rich pixel: the data (vertical mm), the fitted model, the long-term line and the seasonal part,
    with the daily temperature below. Returns the pixel's fitted numbers."""
    import h5py

    row, col = sample.ice_rich_pixel
    with h5py.File(sample.timeseries, "r") as h5:
        los_m = h5["timeseries"][:, row, col].astype(float)
    data = los_m * 1000.0 / np.cos(np.radians(sample.incidence_deg))  # vertical mm, as the algorithm fits
    model = gdal.Open(model_path).ReadAsArray()[:, row, col].astype(float)
    numbers = {name: float(demo.band_by_name(components, name)[row, col]) for name in
               ("velocity_mm_yr", "velocity_se", "seasonal_coef", "seasonal_coef_se", "offset_mm", "r2",
                "rmse_mm")}
    years = np.array([(d - sample.dates[0]).days for d in sample.dates]) / 365.25
    trend = numbers["offset_mm"] + numbers["velocity_mm_yr"] * years
    days, temperature = read_temperature(sample.temperature)
    shown = [i for i, d in enumerate(days) if sample.dates[0] - dt.timedelta(days=20) <= d]
    fig, (top, middle, bottom) = plt.subplots(3, 1, figsize=(12, 9.5), sharex=True,
                                              gridspec_kw={"height_ratios": [3, 2, 1.6]})
    top.plot(sample.dates, data, "o", ms=3.5, color=SETTLEMENT_COLOUR, label="InSAR (LOS / cos θ, vertical)")
    top.plot(sample.dates, model, "-", color=FIT_COLOUR, lw=1.6, label="fitted model (OUTPUT_MODEL)")
    top.plot(sample.dates, trend, "--", color=TREND_COLOUR, lw=1.6, label="long-term: d0 + v·(t − t0)")
    top.annotate("REF_DATE: 0 by definition (the offset d0\ntakes up that date's noise)", (sample.dates[0], data[0]),
                 xytext=(30, 0), textcoords="offset points", fontsize=8, va="center",
                 arrowprops=dict(arrowstyle="->", lw=0.8))
    span = np.nanmax(data) - np.nanmin(data)
    top.set_ylim(np.nanmin(data) - 0.05 * span, np.nanmax(data) + 0.12 * span)
    top.set_ylabel("displacement (mm)")
    top.legend(loc="lower left", fontsize=9)
    middle.plot(sample.dates, data - trend, "o", ms=3.5, color=SETTLEMENT_COLOUR, label="InSAR − long-term line")
    middle.plot(sample.dates, model - trend, "-", color=FIT_COLOUR, lw=1.6, label="seasonal part e·√A_T")
    middle.axhline(0, color="k", lw=0.6)
    middle.set_ylim(np.nanmin(data - trend) - 10, np.nanmax(data - trend) + 4)
    middle.set_ylabel("seasonal (mm)")
    middle.legend(loc="lower left", fontsize=9, ncol=2)
    t = np.array([temperature[i] for i in shown])
    x = [days[i] for i in shown]
    bottom.plot(x, t, color="#636363", lw=0.7, label="daily mean air temperature (station CSV)")
    bottom.fill_between(x, 0, t, where=t > 0, color="#e6550d", alpha=0.5, lw=0, label="thawing degree days")
    bottom.axhline(0, color="k", lw=0.6)
    bottom.set_ylim(t.min() - 12, t.max() + 3)
    bottom.set_ylabel("temperature (°C)")
    bottom.legend(loc="lower left", fontsize=8, ncol=2)
    bottom.xaxis.set_major_locator(mdates.YearLocator())
    bottom.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    for ax in (top, middle, bottom):
        ax.grid(alpha=0.3)
    planted_v, planted_e = sample.velocity[row, col], sample.seasonal_coef[row, col]
    fig.suptitle("Ice-rich pixel (row {}, column {}): v = {:.1f} ± {:.1f} mm/yr (planted {:.1f}), e = {:.2f} ± "
                 "{:.2f} mm/√(°C·day) (planted {:.2f}); R² {:.2f}, RMSE {:.1f} mm".format(
                     row, col, numbers["velocity_mm_yr"], numbers["velocity_se"], planted_v,
                     numbers["seasonal_coef"], numbers["seasonal_coef_se"], planted_e, numbers["r2"],
                     numbers["rmse_mm"]), fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return dict(numbers, row=row, column=col, planted_velocity_mm_yr=round(float(planted_v), 2),
                planted_seasonal_coef=round(float(planted_e), 3))


def planted_vs_recovered(components: str, sample: sample_insar.InsarSample) -> dict:
    """Medians of the planted and the recovered v and e over the pixels solved (all; and the ice-rich ones,
    planted v below −10 mm/yr), and the median absolute error."""
    velocity = demo.band_by_name(components, "velocity_mm_yr").filled(np.nan)
    coef = demo.band_by_name(components, "seasonal_coef").filled(np.nan)
    both = np.isfinite(velocity) & np.isfinite(sample.velocity)
    ice_rich = both & (sample.velocity < -10.0)
    out = {"pixels_compared": int(both.sum()), "ice_rich_pixels": int(ice_rich.sum())}
    for name, got, planted in (("velocity_mm_yr", velocity, sample.velocity),
                               ("seasonal_coef", coef, sample.seasonal_coef)):
        digits = 2 if name == "velocity_mm_yr" else 3
        for label, where in (("", both), ("ice_rich_", ice_rich)):
            out["{}{}_median_planted".format(label, name)] = round(float(np.median(planted[where])), digits)
            out["{}{}_median_recovered".format(label, name)] = round(float(np.median(got[where])), digits)
        out[name + "_median_abs_error"] = round(float(np.median(np.abs(got[both] - planted[both]))), digits)
    alt = demo.band_by_name(components, "alt_m")
    out["alt_m_median"] = round(float(np.ma.median(alt)), 2)
    return out


def insar(outdir: str, summary: dict) -> str:
    """Sample -> ``cryo:insardeformation`` -> PNGs and the summary entry; returns the products' folder."""
    started = time.perf_counter()
    sample = sample_insar.write_insar_sample(os.path.join(outdir, "sample", "insar"))
    folder = os.path.join(outdir, "insar")
    os.makedirs(folder, exist_ok=True)
    components = os.path.join(folder, "deformation_components.tif")
    model = os.path.join(folder, "deformation_model.tif")
    results = demo.run("cryo:insardeformation", INPUT=sample.timeseries, UNITS="m", TEMPERATURE=sample.temperature,
                       DATE_FIELD="date", TEMPERATURE_FIELD="temperature", UNITS_TEMPERATURE="celsius",
                       YEAR_START="01-01", POROSITY=0.4, SATURATION=0.9, LOS_TO_VERTICAL="incidence_angle",
                       INCIDENCE_ANGLE=sample.incidence_deg, OUTPUT=components, OUTPUT_MODEL=model)
    maps_png(os.path.join(folder, "insar_velocity_amplitude.png"), components, sample)
    pixel = pixel_png(os.path.join(folder, "insar_pixel_fit.png"), components, model, sample)
    results["planted_vs_recovered"] = planted_vs_recovered(components, sample)
    results["ice_rich_pixel"] = {k: round(v, 3) if isinstance(v, float) else v for k, v in pixel.items()}
    results["insar_part_seconds"] = round(time.perf_counter() - started, 1)
    summary["cryo:insardeformation"] = results
    print("insar: planted vs recovered {}; {} s in all".format(
        json.dumps(results["planted_vs_recovered"]), results["insar_part_seconds"]), flush=True)
    return folder


if __name__ == "__main__":
    found: dict = {}
    print(insar(sys.argv[1] if len(sys.argv) > 1 else "demo_out", found))
    print(json.dumps(found, indent=2))
