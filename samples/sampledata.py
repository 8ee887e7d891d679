"""Deterministic sample inputs in the real formats, for the demo, the tests and new users.

``python3 -m samples.sampledata OUTDIR`` writes:

* ``freezethaw/AMSR_YYYYMMDD_FT_25.h5``: daily files shaped like the AMSR-E/AMSR2 global 0.25° soil
  freeze/thaw product (HDF5, dataset ``FT``, uint8 1440x720, no georeferencing, gzip), five season years
  2004-08-01 .. 2009-07-31. The codes come from a synthetic climate: an annual temperature cycle that
  depends on latitude, a fixed "relief" anomaly field, a warming of 0.3 °C per year, day-to-day weather;
  frozen where the temperature is below 0 °C, precipitation on a few thawed days, swath gaps as missing,
  oceans 0 and ice sheets 15.

:func:`write_lake_ice_sample` writes a daily lake-ice stack (multi-band GeoTIFF of percent ice, one band per
day, ISO band descriptions, 255 = cloud) for three winters and six lakes, with their outlines (GeoPackage, field
``name``), the input of ``cryo:lakeicephenology``.

:func:`write_altimetry_epochs` samples two DEMs of one area along synthetic repeat ground tracks (GeoPackage
points with an ``elevation`` field), the input of ``cryo:altimetrydifference``.

Everything is generated from fixed seeds, so every run writes the same files. The values are synthetic
and meant for exercising the tools, not for science.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
from typing import Tuple

import h5py
import numpy as np

FT_START = dt.date(2004, 8, 1)
FT_END = dt.date(2009, 7, 31)
WARMING_PER_YEAR = 0.3  # °C


def _smooth_field(rng: np.random.Generator, shape: Tuple[int, int], waves: int, scale: float) -> np.ndarray:
    """A smooth random field: a sum of ``waves`` random low-frequency plane waves on the lat/lon grid."""
    rows, cols = np.indices(shape, dtype=np.float64)
    lat = np.radians(90 - (rows + 0.5) * 180 / shape[0])
    lon = np.radians(-180 + (cols + 0.5) * 360 / shape[1])
    field = np.zeros(shape)
    for _ in range(waves):
        k_lon, k_lat = rng.integers(1, 6), rng.integers(1, 6)
        field += np.cos(k_lon * lon + rng.uniform(0, 2 * np.pi)) * np.cos(k_lat * lat + rng.uniform(0, 2 * np.pi))
    return scale * field / np.sqrt(waves / 4.0)


def upsample(coarse: np.ndarray, factor: int) -> np.ndarray:
    """Blocky upsampling: weather and rain come in patches of ``factor`` x ``factor`` cells."""
    return np.repeat(np.repeat(coarse, factor, axis=0), factor, axis=1)


class FreezeThawClimate:
    """The synthetic climate behind the sample freeze/thaw codes (global 0.25° grid)."""

    shape = (720, 1440)

    def __init__(self, seed: int = 2004):
        rng = np.random.default_rng(seed)
        rows = np.arange(self.shape[0])
        self.lat = (90 - (rows + 0.5) * 0.25)[:, np.newaxis]
        land_field = _smooth_field(rng, self.shape, 24, 1.0)
        self.land = land_field > 0.35
        self.land |= self.lat < -70  # Antarctica
        self.ice = (self.lat < -70) | (self.land & (self.lat > 62) & (land_field > 1.3))
        self.relief = _smooth_field(rng, self.shape, 16, 5.0)
        abs_lat = np.abs(self.lat)
        self.mean_temperature = 28.0 - 45.0 * (abs_lat / 90.0) ** 1.6 + self.relief
        self.amplitude = 2.0 + 22.0 * (abs_lat / 90.0) ** 0.8
        self.hemisphere = np.where(self.lat >= 0, 1.0, -1.0)

    def codes(self, day: dt.date, rng: np.random.Generator) -> np.ndarray:
        """The freeze/thaw codes of one day."""
        phase = 2 * np.pi * (day.timetuple().tm_yday - 20) / 365.25
        years = (day - FT_START).days / 365.25
        weather = upsample(rng.normal(0.0, 2.5, (90, 180)), 8) + rng.normal(0.0, 1.0, self.shape)
        temperature = (self.mean_temperature - self.hemisphere * self.amplitude * np.cos(phase)
                       + WARMING_PER_YEAR * years + weather)
        codes = np.where(temperature < 0, 1, 2).astype(np.uint8)
        codes[(codes == 2) & (upsample(rng.random((90, 180)), 8) < 0.04)] = 3
        swath_gap = ((np.arange(self.shape[1]) + 37 * day.toordinal()) % 180 < 6) & (np.abs(self.lat) < 55)
        codes[swath_gap] = 0
        codes[~self.land] = 0
        codes[self.ice] = 15
        return codes


def write_freeze_thaw_folder(folder: str, start: dt.date = FT_START, end: dt.date = FT_END,
                             seed: int = 2004) -> int:
    """Write daily freeze/thaw HDF5 files for ``start`` .. ``end``; returns the number of files."""
    os.makedirs(folder, exist_ok=True)
    climate = FreezeThawClimate(seed)
    count = 0
    day = start
    while day <= end:
        rng = np.random.default_rng([seed, day.toordinal()])
        path = os.path.join(folder, "AMSR_{:%Y%m%d}_FT_25.h5".format(day))
        with h5py.File(path, "w") as h5:
            ds = h5.create_dataset("FT", data=climate.codes(day, rng), compression="gzip", compression_opts=4,
                                   chunks=(180, 360))
            ds.attrs["description"] = "0 water/missing, 1 frozen, 2 thawed, 3 precipitation, 15 perennial snow/ice"
        day += dt.timedelta(days=1)
        count += 1
    return count


def write_altimetry_epochs(dem1: str, dem2: str, path1: str, path2: str, track_spacing: float = 1000.0,
                           shot_spacing: float = 170.0, seed: int = 2003) -> Tuple[int, int]:
    """Points along near-north-south repeat tracks over two DEMs (ICESat-2-like: shots every 170 m, tracks
    ``track_spacing`` apart, the second epoch's tracks 10-40 m off the first's); elevation = bilinear DEM
    value + N(0, 0.15 m), with 1 % cloud returns 50-500 m too high. Returns the point counts written."""
    from osgeo import gdal, ogr

    from cryo_qgis_plugin.core.glaciers.coregistration import bilinear_at

    rng = np.random.default_rng(seed)
    counts = []
    for epoch, (dem_path, out_path) in enumerate(((dem1, path1), (dem2, path2))):
        ds = gdal.Open(dem_path)
        band = ds.GetRasterBand(1)
        values = band.ReadAsArray().astype(np.float64)
        if band.GetNoDataValue() is not None:
            values[values == band.GetNoDataValue()] = np.nan
        x0, dx, _, y0, _, dy = ds.GetGeoTransform()
        width, height = ds.RasterXSize * dx, ds.RasterYSize * -dy
        along = np.arange(0, height, shot_spacing)
        xs, ys = [], []
        for start in np.arange(track_spacing / 2, width, track_spacing):
            offset = rng.uniform(10, 40) * rng.choice([-1, 1]) if epoch else 0.0
            xs.append(x0 + start + offset + 0.08 * along)  # tracks slightly inclined, as polar orbits are
            ys.append(y0 - along)
        x, y = np.concatenate(xs), np.concatenate(ys)
        z = bilinear_at(values, (y0 - y) / -dy - 0.5, (x - x0) / dx - 0.5) + rng.normal(0, 0.15, x.size)
        clouds = rng.random(x.size) < 0.01
        z[clouds] += rng.uniform(50, 500, clouds.sum())
        keep = np.isfinite(z)
        vector = ogr.GetDriverByName("GPKG").CreateDataSource(out_path)
        layer = vector.CreateLayer("epoch{}".format(epoch + 1), ds.GetSpatialRef(), ogr.wkbPoint)
        layer.CreateField(ogr.FieldDefn("elevation", ogr.OFTReal))
        layer.StartTransaction()
        for xi, yi, zi in zip(x[keep], y[keep], z[keep]):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({} {})".format(xi, yi)))
            feature.SetField("elevation", float(zi))
            layer.CreateFeature(feature)
        layer.CommitTransaction()
        vector = None
        counts.append(int(keep.sum()))
    return counts[0], counts[1]


LAKE_START, LAKE_END = dt.date(2015, 8, 1), dt.date(2018, 7, 31)
LAKES = (  # name, centre column/row, semi-axes (cells), freeze-up start and break-up end day of season
    ("Nam Co West", 18, 15, 12, 7, 105, 260), ("Nam Co East", 45, 14, 10, 6, 112, 255),
    ("Dagze Co", 66, 20, 8, 5, 98, 268), ("Zhari Namco", 20, 42, 9, 8, 120, 250),
    ("Siling Co", 50, 44, 14, 8, 125, 245), ("Pung Co", 72, 50, 4, 3, 140, 200))


def write_lake_ice_sample(folder: str, seed: int = 2015) -> Tuple[str, str]:
    """Lake ice percent per cell and day (500 m cells, EPSG:32645) and the lake outlines; returns the paths.

    Each lake freezes from its shore inwards over ten days from its freeze-up start (a few days later each
    winter), breaks up over ten days before its break-up end, has ±4 % noise and cloudy days (255); the smallest
    lake (Pung Co) only half-freezes in the second winter (a partial freeze).
    """
    from osgeo import osr

    from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
    from cryo_qgis_plugin.core.io.grid import Grid

    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    width, height, cell = 80, 60, 500.0
    x0, y0 = 600000.0, 3500000.0
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    grid = Grid(width, height, (x0, cell, 0.0, y0, 0.0, -cell), srs.ExportToWkt())
    rows, cols = np.indices((height, width)) + 0.5
    lake_of = np.zeros((height, width), dtype=int)
    depth = np.zeros((height, width))  # 0 at the shore, 1 at the centre
    for k, (_, cx, cy, ax, ay, _, _) in enumerate(LAKES, start=1):
        r = np.hypot((cols - cx) / ax, (rows - cy) / ay)
        lake_of[r < 1] = k
        depth[r < 1] = 1 - r[r < 1]
    days = (LAKE_END - LAKE_START).days + 1
    dates = [LAKE_START + dt.timedelta(days=d) for d in range(days)]
    stack_path = os.path.join(folder, "lake_ice_percent_2015_2018.tif")
    with GeoTiffWriter(stack_path, grid, [d.isoformat() for d in dates], np.uint8, nodata=255,
                       band_dates=[d.isoformat() for d in dates]) as out:
        for i, day in enumerate(dates):
            season = day.year - (1 if day < dt.date(day.year, 8, 1) else 0)
            season_day = (day - dt.date(season, 8, 1)).days
            ice = np.zeros((height, width))
            for k, (_, _, _, _, _, up, down) in enumerate(LAKES, start=1):
                up_k, down_k = up + 3 * (season - 2015), down - 2 * (season - 2015)
                onset = up_k + 10 * depth  # shallow shore cells freeze first and thaw last
                thaw = down_k - 10 * depth
                cover = np.clip(np.minimum(season_day - onset, thaw - season_day) / 2.0, 0, 1)
                if k == len(LAKES) and season == 2016:
                    cover = np.minimum(cover, 0.5)
                ice[lake_of == k] = 100 * cover[lake_of == k]
            values = np.clip(ice + rng.uniform(-4, 4, ice.shape) * (lake_of > 0), 0, 100).round()
            values[lake_of == 0] = 0
            for k in range(1, len(LAKES) + 1):
                if rng.random() < 0.15:  # a cloudy day over that lake
                    values[(lake_of == k) & (rng.random(ice.shape) < 0.8)] = 255
            out.write_band(i + 1, 0, values.astype(np.uint8))
    lakes_path = os.path.join(folder, "lakes.gpkg")
    write_polygons(lakes_path, "lakes", srs,
                   [ellipse_wkt(x0, y0, cell, cx, cy, ax, ay) for _, cx, cy, ax, ay, _, _ in LAKES],
                   names=[lake[0] for lake in LAKES])
    return stack_path, lakes_path


def ellipse_wkt(x0: float, y0: float, cell: float, cx: float, cy: float, rx: float, ry: float,
                points: int = 73) -> str:
    """An ellipse centred on column ``cx``, row ``cy`` with radii ``rx``, ``ry`` (in cells) of the north-up grid
    whose top-left corner is (``x0``, ``y0``), as a WKT polygon."""
    angles = np.linspace(0, 2 * np.pi, points)
    return "POLYGON (({}))".format(", ".join("{} {}".format(x0 + (cx + rx * np.cos(a)) * cell,
                                                            y0 - (cy + ry * np.sin(a)) * cell) for a in angles))


def write_polygons(path: str, layer_name: str, srs, wkts, names=None) -> None:
    """A GeoPackage of polygons (WKT, in ``srs``), with a ``name`` field when ``names`` are given."""
    from osgeo import ogr

    vector = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = vector.CreateLayer(layer_name, srs, ogr.wkbPolygon)
    if names is not None:
        layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for i, wkt in enumerate(wkts):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        if names is not None:
            feature.SetField("name", names[i])
        layer.CreateFeature(feature)
    vector = None


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", help="folder to write the sample data into")
    args = parser.parse_args(argv)
    n = write_freeze_thaw_folder(os.path.join(args.outdir, "freezethaw"))
    print("freezethaw/: {} daily HDF5 files {} .. {}".format(n, FT_START, FT_END))
    stack, lakes = write_lake_ice_sample(os.path.join(args.outdir, "lakeice"))
    print("lakeice/: {} and {} ({} lakes, {} .. {})".format(os.path.basename(stack), os.path.basename(lakes),
                                                            len(LAKES), LAKE_START, LAKE_END))


if __name__ == "__main__":
    main()
