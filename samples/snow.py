"""Sample input of ``cryo:snowcover`` (synthetic, deterministic): daily MOD10A1/MYD10A1 v061 ``NDSI_Snow_Cover``
codes over a mountain range with a known true snow cover, planted clouds, and the DEM.

Grid: MODIS sinusoidal (the MODIS land grid's sphere, radius 6,371,007.181 m), 463.3127 m cells (the 500 m grid of
MOD10A1), upper-left corner inside tile h25v05 (about 91° E, 33° N on the Tibetan Plateau); the size is a parameter.

Truth: a DEM of ridges from about 3,000 to 6,000 m; the regional snow line of each day follows a seasonal cycle
(above every summit from July to September, lowest, about 3,000 m, at the end of January) and a few snowfalls
bring it down by several hundred metres for some days. A cell is snow when its elevation plus a fixed local
anomaly is above the day's line: a smooth field of :data:`ANOMALY` m (shade, aspect: a ragged snow line) plus
:data:`PATCHES` round patches of 300-600 m, alternately snow patches below the line (avalanche cones, shaded
cirques) and bare patches above it (wind-scoured ridges). A lake is water (237) every day; one day in fifty misses
a strip of cells (200, missing).

Codes: snow cells hold an NDSI snow cover of 25-100, no-snow cells 0-9 (below the default threshold 10). Clouds
(250): a smooth random field per day (patches of about ``cloud_scale`` cells), persistent from day to day
(AR(1), correlation 0.6), cut at a daily cloudiness drawn around the requested fraction, so that some days are
nearly clear and others overcast; over the stack the cloud fraction of the land cells is the requested one. Aqua's
clouds are Terra's field moved a few cells and partly renewed (correlation 0.75), as clouds three hours later are.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterator, List, Optional, Tuple

import numpy as np

CELL = 463.312716528
X0, Y0 = 8895604.157, 3706613.29  # upper-left corner, inside MODIS tile h25v05
SINUSOIDAL = ('PROJCS["MODIS Sinusoidal",GEOGCS["Unknown datum based upon the custom spheroid",DATUM["Not specified '
              '(based on custom spheroid)",SPHEROID["Custom spheroid",6371007.181,0]],PRIMEM["Greenwich",0],'
              'UNIT["degree",0.0174532925199433]],PROJECTION["Sinusoidal"],PARAMETER["longitude_of_center",0],'
              'PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1]]')
FIRST, LAST = dt.date(2020, 7, 25), dt.date(2021, 8, 7)  # the season 2020-08-01 .. 2021-07-31 and a week around
SEASON_START = dt.date(2020, 8, 1)
LAKE_CODE, MISSING_CODE, CLOUD_CODE = 237, 200, 250
ANOMALY = 100.0  # m, standard deviation of the smooth local anomaly of the snow line (shade, aspect)
PATCHES = 12  # persistent snow patches below the line and bare patches above it, alternately


def smooth_noise(rng: np.random.Generator, shape: Tuple[int, int], scale: float) -> np.ndarray:
    """Zero-mean, unit-variance noise smooth over about ``scale`` cells (bilinear interpolation of coarse noise)."""
    rows, cols = shape
    coarse = rng.normal(size=(int(rows / scale) + 2, int(cols / scale) + 2))
    y = np.arange(rows) / scale
    x = np.arange(cols) / scale
    y0, x0 = y.astype(int), x.astype(int)
    fy, fx = (y - y0)[:, None], (x - x0)[None, :]
    top = coarse[y0][:, x0] * (1 - fx) + coarse[y0][:, x0 + 1] * fx
    bottom = coarse[y0 + 1][:, x0] * (1 - fx) + coarse[y0 + 1][:, x0 + 1] * fx
    field = top * (1 - fy) + bottom * fy
    return (field - field.mean()) / field.std()


@dataclass
class SnowWorld:
    """The synthetic area: DEM, lake, local anomaly and the day-by-day truth and codes."""

    height: int = 96
    width: int = 128
    cloud_fraction: float = 0.6
    cloud_scale: float = 12.0
    seed: int = 21

    def __post_init__(self):
        rng = np.random.default_rng(self.seed)
        rows, cols = np.indices((self.height, self.width), dtype=np.float64)
        ridge = np.sin(np.pi * cols / self.width * 3 + 0.6 * np.sin(rows / self.height * 4)) ** 2
        slope = rows / self.height
        self.dem = (3000 + 2300 * ridge * (0.4 + 0.6 * slope) + 350 * smooth_noise(rng, self.dem_shape, 8)
                    ).astype(np.float32)
        self.anomaly = ANOMALY * smooth_noise(rng, self.dem_shape, 4)
        for k in range(PATCHES):  # snow patches below the line (+) and bare patches above it (-)
            r, c = rng.uniform(0, self.height), rng.uniform(0, self.width)
            radius = rng.uniform(2.5, 5.0) * max(self.height, self.width) / 128
            blob = np.exp(-((rows - r) ** 2 + (cols - c) ** 2) / (2 * radius ** 2))
            self.anomaly += (1 if k % 2 == 0 else -1) * rng.uniform(300, 600) * blob
        lake = ((rows - self.height * 0.2) / (self.height * 0.08)) ** 2 + \
            ((cols - self.width * 0.15) / (self.width * 0.07)) ** 2 < 1
        self.lake = lake
        self.dem[lake] = self.dem[lake].min()  # a lake is flat
        self.dates = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
        self.snowfalls = {int(d): (int(n), float(drop)) for d, n, drop in zip(
            rng.integers(60, 300, 8), rng.integers(2, 6, 8), rng.uniform(300, 800, 8))}

    @property
    def dem_shape(self) -> Tuple[int, int]:
        return self.height, self.width

    def snow_line(self, day: dt.date) -> float:
        """The day's regional snow line (m): a seasonal cycle plus snowfalls that lower it for some days."""
        d = (day - SEASON_START).days
        line = 3000 + 3300 * (0.5 + 0.5 * np.cos(2 * np.pi * d / 365.25)) ** 0.7  # lowest on day 183
        for start, (length, drop) in self.snowfalls.items():
            if start <= d < start + length:
                line -= drop
        return float(line)

    def truth(self, day: dt.date) -> np.ndarray:
        """The true classes of the day: 1 snow, 0 no snow, 3 water."""
        truth = (self.dem + self.anomaly > self.snow_line(day)).astype(np.uint8)
        truth[self.lake] = 3
        return truth

    def days(self, fraction: Optional[float] = None) -> Iterator[Tuple[dt.date, np.ndarray, np.ndarray,
                                                                       np.ndarray]]:
        """For each date: the truth, the Terra codes and the Aqua codes (``fraction`` overrides the cloud
        fraction)."""
        rng = np.random.default_rng(self.seed + 1)
        fraction = self.cloud_fraction if fraction is None else fraction
        field = smooth_noise(rng, self.dem_shape, self.cloud_scale)
        for i, day in enumerate(self.dates):
            field = 0.6 * field + 0.8 * smooth_noise(rng, self.dem_shape, self.cloud_scale)
            shift = rng.integers(-3, 4, 2)
            aqua_field = 0.75 * np.roll(field, tuple(shift), axis=(0, 1)) + \
                0.66 * smooth_noise(rng, self.dem_shape, self.cloud_scale)
            cloudiness = np.clip(rng.beta(2, 2 * (1 - fraction) / fraction) if 0 < fraction < 1 else fraction, 0, 1)
            truth = self.truth(day)
            ndsi = np.where(truth == 1, rng.integers(25, 101, truth.shape), rng.integers(0, 10, truth.shape))
            codes = []
            # both fields are close to standard normal: cut at the normal quantile of the day's cloudiness
            cut = NormalDist().inv_cdf(min(max(1 - cloudiness, 1e-6), 1 - 1e-6))
            for clouds in (field, aqua_field):
                day_codes = ndsi.astype(np.uint8)
                day_codes[clouds > cut] = CLOUD_CODE
                day_codes[self.lake] = LAKE_CODE
                if i % 50 == 7:
                    day_codes[:, self.width // 3:self.width // 3 + 4] = MISSING_CODE
                codes.append(day_codes)
            yield day, truth, codes[0], codes[1]

    def stacks(self, fraction: Optional[float] = None) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(truth, terra, aqua)`` as ``(days, rows, cols)`` uint8 arrays."""
        parts = list(zip(*((t, a, b) for _, t, a, b in self.days(fraction))))
        return tuple(np.stack(p) for p in parts)

    def geotransform(self) -> Tuple[float, ...]:
        return X0, CELL, 0.0, Y0, 0.0, -CELL


def write_geotiff_stack(path: str, codes: np.ndarray, dates: List[dt.date], world: SnowWorld) -> str:
    """A multi-band GeoTIFF of the codes, one band per date described by its ISO date (as users export them)."""
    from osgeo import gdal
    days, rows, cols = codes.shape
    ds = gdal.GetDriverByName("GTiff").Create(path, cols, rows, days, gdal.GDT_Byte,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "INTERLEAVE=BAND"])
    ds.SetGeoTransform(world.geotransform())
    ds.SetProjection(SINUSOIDAL)
    for d in range(days):
        band = ds.GetRasterBand(d + 1)
        band.SetDescription(dates[d].isoformat())
        band.SetNoDataValue(255)
        band.WriteArray(codes[d])
    ds = None
    return path


def write_dem(path: str, world: SnowWorld) -> str:
    from osgeo import gdal
    ds = gdal.GetDriverByName("GTiff").Create(path, world.width, world.height, 1, gdal.GDT_Float32)
    ds.SetGeoTransform(world.geotransform())
    ds.SetProjection(SINUSOIDAL)
    ds.GetRasterBand(1).SetNoDataValue(-9999)
    ds.GetRasterBand(1).WriteArray(world.dem)
    ds.GetRasterBand(1).ComputeStatistics(False)  # kept inside the GeoTIFF: QGIS finds them, writes no .aux.xml
    ds = None
    return path


def granule_name(sensor: str, day: dt.date, tile: str = "h25v05") -> str:
    """``MOD10A1.A2021001.h25v05.061.2021003120000.hdf`` (MYD10A1 for Aqua), as NASA names the granules."""
    product = {"terra": "MOD10A1", "aqua": "MYD10A1"}[sensor]
    made = day + dt.timedelta(days=2)
    return "{}.A{:%Y%j}.{}.061.{:%Y%j}120000.hdf".format(product, day, tile, made)


def write_hdf4_granule(path: str, codes: np.ndarray, world: SnowWorld, x0: Optional[float] = None) -> str:
    """One day's codes as an HDF4 file (GDAL's HDF4Image driver: one uint8 SDS, GDAL's georeferencing, fill 255)."""
    from osgeo import gdal
    ds = gdal.GetDriverByName("HDF4Image").Create(path, codes.shape[1], codes.shape[0], 1, gdal.GDT_Byte)
    transform = list(world.geotransform())
    if x0 is not None:
        transform[0] = x0
    ds.SetGeoTransform(transform)
    ds.SetProjection(SINUSOIDAL)
    ds.GetRasterBand(1).SetNoDataValue(255)
    ds.GetRasterBand(1).WriteArray(codes)
    ds = None
    return path


def write_snow_sample(folder: str, world: Optional[SnowWorld] = None) -> dict:
    """The sample of ``cryo:snowcover`` in ``folder`` (kept when already complete): ``granules/``, one MOD10A1 and
    one MYD10A1 HDF4 granule per day named as NASA names them, the DEM, and the true classes (``truth.tif``, a dated
    GeoTIFF stack) with the planted cloud fraction. Returns the paths."""
    world = world or SnowWorld(height=240, width=320, cloud_fraction=0.6)
    granules = os.path.join(folder, "granules")
    paths = {"granules": granules, "dem": os.path.join(folder, "dem.tif"), "truth": os.path.join(folder, "truth.tif"),
             "world": world}
    if os.path.exists(paths["truth"]) and os.path.exists(paths["dem"]) and \
            len(os.listdir(granules)) == 2 * len(world.dates):
        return paths
    os.makedirs(granules, exist_ok=True)
    truth = np.empty((len(world.dates), world.height, world.width), np.uint8)
    for i, (day, true, terra, aqua) in enumerate(world.days()):
        truth[i] = true
        for sensor, codes in (("terra", terra), ("aqua", aqua)):
            write_hdf4_granule(os.path.join(granules, granule_name(sensor, day)), codes, world)
    write_dem(paths["dem"], world)
    write_geotiff_stack(paths["truth"], truth, world.dates, world)
    return paths
