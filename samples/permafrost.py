"""Sample inputs of the permafrost chain (synthetic, deterministic): LST stacks, a station table, land cover
with its n-factor table, glacier and lake outlines, and a survey-style reference permafrost map.

The area is a 64 x 48 km mountain front at 1 km (EPSG:32645) rising from 2,500 m in the north to 5,600 m in
the south, over two season years 2005-07-01 .. 2007-06-30. A latent daily surface temperature (annual cycle,
lapse rate, spatially smooth weather) gives four LSTs (Terra/Aqua, day/night, with overpass offsets and
noise, clouds in patches on 12 % of the days plus 3 % single-overpass gaps) stored like MODIS MOD11A1/MYD11A1
(uint16, 0.02 K, 0 = no retrieval). The true GST is
``GST_INTERCEPT + Σ GST_COEFFICIENTS · LST`` plus noise, so a fitted GST model should recover those numbers.
The reference map is permafrost (1) where the true TTOP (true GST, the land cover's middle rk) is below
0 °C, else 0, generalised to 4 x 4 km blocks (majority) as a small-scale survey map would be, as polygons.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
from dataclasses import dataclass
from typing import Dict

import numpy as np

from samples.sampledata import ellipse_wkt, upsample, write_polygons

START = dt.date(2005, 7, 1)
DAYS = 730
WIDTH, HEIGHT, CELL = 64, 48, 1000.0
X0, Y0 = 300000.0, 4100000.0
PREDICTORS = ("lst_terra_day", "lst_terra_night", "lst_aqua_day", "lst_aqua_night")
OVERPASS_OFFSET = {"lst_terra_day": 9.0, "lst_terra_night": -7.0, "lst_aqua_day": 6.0, "lst_aqua_night": -8.0}
GST_COEFFICIENTS = {"lst_terra_day": 0.22, "lst_terra_night": 0.38, "lst_aqua_day": 0.12, "lst_aqua_night": 0.26}
GST_INTERCEPT = 0.8
GST_NOISE = 0.7  # °C
CLOUD_FRACTION = 0.12  # overcast days, in 8 x 8 km patches, for all four overpasses
CLOUD_GAPS = 0.03  # and single-overpass gaps
# Land cover of the sample: code -> (name, rk, rk_min, rk_max). Illustrative values for the synthetic sample
# only, NOT literature values (the indices are ground indices, so only rk matters).
SAMPLE_LANDCOVER = {1: ("alpine steppe (sample)", 0.85, 0.7, 1.0),
                    2: ("sparse vegetation and rock (sample)", 0.95, 0.85, 1.0),
                    3: ("desert (sample)", 0.95, 0.9, 1.0)}
STATIONS = 24
SURVEY_BLOCK = 4  # the survey map's resolution, in cells


@dataclass
class PermafrostSample:
    lst: Dict[str, str]
    stations: str
    landcover: str
    nfactors: str
    glaciers: str
    lakes: str
    reference: str


def _grid():
    from cryo_qgis_plugin.core.io.grid import Grid, crs_wkt_from_user
    return Grid(WIDTH, HEIGHT, (X0, CELL, 0.0, Y0, 0.0, -CELL), crs_wkt_from_user("EPSG:32645"))


def elevation() -> np.ndarray:
    rows, cols = np.indices((HEIGHT, WIDTH), dtype=float)
    ridge = 600 * np.exp(-((cols - 40) / 9) ** 2 - ((rows - 38) / 7) ** 2)
    return 2500 + 3000 * rows / (HEIGHT - 1) + 250 * np.sin(cols / 6.0) * rows / HEIGHT + ridge


def landcover(z: np.ndarray) -> np.ndarray:
    return np.where(z < 3200, 3, np.where(z < 4600, 1, 2)).astype(np.uint8)


def _outline(cx: float, cy: float, rx: float, ry: float) -> str:
    return ellipse_wkt(X0, Y0, CELL, cx, cy, rx, ry, points=49)


def _utm45():
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    return srs


def _reference_polygons(path: str, classes: np.ndarray) -> None:
    """Polygonise a 0/1 grid into a GeoPackage with field ``pf``."""
    from osgeo import gdal, ogr
    grid = _grid()
    source = gdal.GetDriverByName("MEM").Create("", WIDTH, HEIGHT, 1, gdal.GDT_Byte)
    source.SetGeoTransform(grid.geotransform)
    source.SetProjection(grid.crs_wkt)
    source.GetRasterBand(1).WriteArray(classes.astype(np.uint8))
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = vector.CreateLayer("reference_permafrost", _utm45(), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("pf", ogr.OFTInteger))
    gdal.Polygonize(source.GetRasterBand(1), None, layer, 0)
    vector = None


def write_permafrost_sample(folder: str, seed: int = 2005) -> PermafrostSample:
    """Write the sample into ``folder`` (see the module docstring) and return the paths."""
    from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
    from cryo_qgis_plugin.core.permafrost.ttop_model import ttop

    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    grid = _grid()
    z = elevation()
    cover = landcover(z)
    mean_annual = 11.0 - 0.0056 * (z - 2500)
    amplitude = 13.0 + 0.001 * (z - 2500)
    day = np.arange(DAYS)
    cycle = np.sin(2 * np.pi * (day + (START - dt.date(START.year, 1, 1)).days - 110) / 365.25)
    weather = np.cumsum(rng.normal(0, 1.2, DAYS)) * 0.3
    weather -= np.convolve(weather, np.ones(15) / 15, mode="same")
    dates = [(START + dt.timedelta(days=d)).isoformat() for d in range(DAYS)]
    sites = rng.choice(WIDTH * HEIGHT, STATIONS, replace=False)
    station_rows: list = []
    gst = np.empty((DAYS, HEIGHT, WIDTH), np.float32)
    with contextlib.ExitStack() as outputs:
        writers = {name: outputs.enter_context(GeoTiffWriter(
            os.path.join(folder, name + "_2005_2007.tif"), grid, dates, np.uint16, nodata=0, band_dates=dates,
            metadata={"SCALE_FACTOR": "0.02", "UNITS": "K"})) for name in PREDICTORS}
        for d in range(DAYS):
            surface = mean_annual + amplitude * cycle[d] + weather[d] + rng.normal(0, 0.8, (HEIGHT, WIDTH))
            lst = {name: surface + OVERPASS_OFFSET[name] + rng.normal(0, 1.5, surface.shape) for name in PREDICTORS}
            gst[d] = GST_INTERCEPT + sum(GST_COEFFICIENTS[n] * lst[n] for n in PREDICTORS) + rng.normal(
                0, GST_NOISE, surface.shape)
            overcast = upsample(rng.random((HEIGHT // 8, WIDTH // 8)) < CLOUD_FRACTION, 8)
            cloud = {name: overcast | (rng.random(surface.shape) < CLOUD_GAPS) for name in PREDICTORS}
            for name in PREDICTORS:
                packed = np.round((lst[name] + 273.15) / 0.02)
                writers[name].write_band(d + 1, 0, np.where(cloud[name], 0, packed).astype(np.uint16))
            for number, site in enumerate(sites, start=1):
                r, c = divmod(int(site), WIDTH)
                station_rows.append(["S{:02d}".format(number), dates[d], X0 + (c + 0.5) * CELL, Y0 - (r + 0.5) * CELL,
                                     round(float(gst[d, r, c]), 2)]
                                    + ["" if cloud[n][r, c] else round(float(lst[n][r, c]), 2) for n in PREDICTORS])
    stations = os.path.join(folder, "stations.csv")
    with open(stations, "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["station", "date", "x", "y", "gst"] + list(PREDICTORS))
        out.writerows(station_rows)
    landcover_path = os.path.join(folder, "landcover.tif")
    with GeoTiffWriter(landcover_path, grid, ["landcover"], np.uint8, nodata=0) as writer:
        writer.write(0, cover)
    nfactors = os.path.join(folder, "nfactors_sample.csv")
    with open(nfactors, "w", newline="") as fh:
        fh.write("# Synthetic values for the synthetic sample only; not literature values.\n")
        out = csv.writer(fh)
        out.writerow(["class", "name", "nf", "nt", "rk", "rk_min", "rk_max"])
        for code, (name, rk, low, high) in SAMPLE_LANDCOVER.items():
            out.writerow([code, name, 1, 1, rk, low, high])
    glaciers = os.path.join(folder, "glaciers.gpkg")
    write_polygons(glaciers, "glaciers", _utm45(), [_outline(40, 43, 4, 2.5), _outline(12, 45, 3, 2)])
    lakes = os.path.join(folder, "lakes.gpkg")
    write_polygons(lakes, "lakes", _utm45(), [_outline(22, 24, 3.5, 2)])
    # The truth: the first season's indices from the true GST, TTOP with the class's middle rk.
    first_season = gst[:365]
    ddf, ddt = np.maximum(-first_season, 0).sum(axis=0), np.maximum(first_season, 0).sum(axis=0)
    rk = np.array([0.0] + [v[1] for v in SAMPLE_LANDCOVER.values()])[cover]
    truth = (ttop(ddf, ddt, 1.0, 1.0, rk) < 0).astype(float)
    blocky = truth.reshape(HEIGHT // SURVEY_BLOCK, SURVEY_BLOCK, WIDTH // SURVEY_BLOCK, SURVEY_BLOCK).mean(axis=(1, 3))
    survey = (upsample(blocky, SURVEY_BLOCK) > 0.5).astype(np.uint8)
    reference = os.path.join(folder, "reference_permafrost.gpkg")
    _reference_polygons(reference, survey)
    return PermafrostSample({n: os.path.join(folder, n + "_2005_2007.tif") for n in PREDICTORS}, stations,
                            landcover_path, nfactors, glaciers, lakes, reference)
