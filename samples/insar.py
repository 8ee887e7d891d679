"""Sample input of ``cryo:insardeformation`` (synthetic, deterministic): a geocoded MintPy ``geo_timeseries.h5``
over a thaw-settlement landscape on the central Qinghai-Tibet Plateau, a daily temperature table, and the
planted truth.

Site and grid: a 15 x 12 km box around the Beiluhe basin (about 92.9° E, 34.8° N, 4,600 m a.s.l.) in UTM zone
46N (EPSG:32646), 100 m pixels (150 columns x 120 rows), upper-left corner at 486,000 E / 3,860,000 N. The file
follows MintPy's ``timeseries`` layout exactly: root datasets ``timeseries`` (float32 metres, dates x rows x
columns, positive towards the satellite), ``date`` (bytes YYYYMMDD) and ``bperp`` (metres), and the metadata as
text root attributes (FILE_TYPE, UNIT, X/Y_FIRST = the upper-left corner of the upper-left pixel as MintPy's
``docs/api/coord.md`` states, X/Y_STEP, X/Y_UNIT, EPSG, UTM_ZONE, REF_DATE, REF_Y/REF_X, LENGTH, WIDTH,
WAVELENGTH, ORBIT_DIRECTION, ...).

Acquisitions: Sentinel-1 every 12 days from 2017-01-06 to the end of 2020, a few of them missed (as real
stacks have), about 110 dates. The displacement of every pixel is the model the algorithm fits (Liu, Zhang &
Wahr 2010; Liu et al. 2012, J. Geophys. Res.): a long-term degradation velocity ``v`` (mm/yr) plus a seasonal
thaw settlement ``e·sqrt(A_T)``, ``A_T`` the thawing degree days of the station series accumulated from 1
January of each year (computed here independently of the plugin, from the complete series before the gaps are
made); like the model, the seasonal term drops back to 0 on 1 January (real ground heaves back gradually while
it freezes in October-December, which the algorithm's FROST_HEAVE term would describe). The spatial pattern is
loosely modelled on what the InSAR studies of the Beiluhe basin and the Qinghai-Tibet engineering corridor report
(seasonal amplitudes of about 1-4 cm, long-term subsidence of a few mm/yr up to about 2 cm/yr on ice-rich
ground, near-zero motion on bedrock); the numbers are illustrative, not taken from any one paper:

- ``e`` from about -0.3 mm/sqrt(°C·day) on the drier slopes to -1.2 in the wet valley floor (wetter soil,
  more ice to melt in the active layer), 0 on the bedrock ridges along the north and south edges;
- ``v`` about -2 to -5 mm/yr on the slopes and floor, down to -20 mm/yr in five ice-rich patches (thermokarst-
  prone ground) of the floor, 0 on bedrock;
- vertical motion seen along a line of sight at :data:`INCIDENCE_DEG` (Sentinel-1 IW mid-swath): LOS = vertical
  x cos(θ); the demo converts back with LOS_TO_VERTICAL;
- noise in the line of sight: white (:data:`NOISE_WHITE_MM`) plus a turbulent-atmosphere field correlated over
  about 1 km (:data:`NOISE_ATMOSPHERE_MM`), new at every date; MintPy's referencing in time (REF_DATE, the
  first date, is 0 everywhere) and in space (REF_Y/REF_X on stable bedrock, 0 at every date) is applied last,
  so the reference's noise is in every pixel as in real data (about 3 mm LOS in all; the first date's noise
  of a pixel and of the reference pixel stays in all its later dates, an offset the fit's d0 takes up);
- NaN at every date on three thermokarst ponds (water) and on a few decorrelated pixels (a steep slope, and
  isolated low-coherence pixels).

Temperature: daily mean air temperature of a central-QTP station, 2016-10-01 .. 2020-12-31: mean -4 °C,
annual amplitude 13 °C peaking in late July (thaw from early May to late September), year-to-year anomalies of
a few tenths of a degree, and autocorrelated day-to-day weather (σ ≈ 2.5 °C); a few 1-3 day gaps (missing
records, which the algorithm fills linearly).

The planted ``v`` and ``e`` (vertical) are returned as arrays and written as GeoTIFFs (nodata where the time
series is NaN), so a run can be compared with them.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from typing import List, Tuple

import numpy as np

WIDTH, HEIGHT, CELL = 150, 120, 100.0
X0, Y0 = 486000.0, 3860000.0  # upper-left corner of the upper-left pixel (EPSG:32646)
EPSG = 32646
FIRST_DATE, LAST_DATE, REVISIT = dt.date(2017, 1, 6), dt.date(2020, 12, 31), 12
MISSED = 8  # acquisitions missing from the 12-day sequence
TEMPERATURE_START, TEMPERATURE_END = dt.date(2016, 10, 1), dt.date(2020, 12, 31)
MEAN_TEMPERATURE, AMPLITUDE, WARMEST_DOY = -4.0, 13.0, 200
INCIDENCE_DEG = 39.0
WAVELENGTH = 0.05546576  # m, Sentinel-1 C band
NOISE_WHITE_MM, NOISE_ATMOSPHERE_MM, ATMOSPHERE_PX = 1.6, 1.3, 10.0
ICE_RICH = ((3.0, 6.3, 1.0, -13.0), (6.6, 7.4, 0.8, -10.0), (9.4, 5.0, 1.2, -13.0),  # (x km, y km from top,
            (12.6, 5.6, 0.7, -8.0), (4.9, 4.6, 0.6, -7.0))                             # radius km, extra mm/yr)
PONDS = ((7.8, 6.4, 0.45, 0.25), (10.9, 6.9, 0.3, 0.2), (2.0, 5.2, 0.25, 0.2))  # (x, y, rx, ry) km
REFERENCE_PIXEL = (6, 25)  # (row, column) on the northern bedrock ridge


@dataclass
class InsarSample:
    timeseries: str  # geo_timeseries.h5 (MintPy, metres, line of sight)
    temperature: str  # daily CSV with the fields date, temperature (°C)
    planted_velocity: str  # GeoTIFF, mm/yr (vertical)
    planted_seasonal_coef: str  # GeoTIFF, mm/sqrt(°C·day) (vertical)
    velocity: np.ndarray  # the planted arrays (NaN where the time series is NaN)
    seasonal_coef: np.ndarray
    dates: List[dt.date]
    incidence_deg: float
    reference_pixel: Tuple[int, int]  # (row, column)
    ice_rich_pixel: Tuple[int, int]  # the centre of the largest-subsidence patch, for a time-series plot


def acquisition_dates(rng: np.random.Generator) -> List[dt.date]:
    """Every 12 days from :data:`FIRST_DATE` to :data:`LAST_DATE` less :data:`MISSED` random acquisitions (never
    the first, which is the reference date)."""
    days = [FIRST_DATE + dt.timedelta(days=REVISIT * i)
            for i in range((LAST_DATE - FIRST_DATE).days // REVISIT + 1)]
    missed = set(rng.choice(np.arange(1, len(days)), MISSED, replace=False).tolist())
    return [d for i, d in enumerate(days) if i not in missed]


def daily_temperature(rng: np.random.Generator) -> Tuple[List[dt.date], np.ndarray]:
    """The complete daily series (°C) of the station (module docstring)."""
    n = (TEMPERATURE_END - TEMPERATURE_START).days + 1
    days = [TEMPERATURE_START + dt.timedelta(days=i) for i in range(n)]
    doy = np.array([d.timetuple().tm_yday for d in days], float)
    anomaly = {year: rng.normal(0, 0.4) for year in range(days[0].year, days[-1].year + 1)}
    weather = np.zeros(n)
    shocks = rng.normal(0, 2.5 * np.sqrt(1 - 0.7 ** 2), n)
    for i in range(1, n):  # AR(1), lag-one correlation 0.7, stationary σ 2.5 °C
        weather[i] = 0.7 * weather[i - 1] + shocks[i]
    cycle = AMPLITUDE * np.cos(2 * np.pi * (doy - WARMEST_DOY) / 365.25)
    return days, MEAN_TEMPERATURE + cycle + np.array([anomaly[d.year] for d in days]) + weather


def sqrt_thaw_index(days: List[dt.date], temperature: np.ndarray, dates: List[dt.date]) -> np.ndarray:
    """sqrt(Σ max(T, 0)) from 1 January of each date's year to that date (inclusive)."""
    position = {d: i for i, d in enumerate(days)}
    out = []
    for date in dates:
        start = position[dt.date(date.year, 1, 1)]
        out.append(np.sqrt(np.maximum(temperature[start:position[date] + 1], 0).sum()))
    return np.array(out)


def _km_grid() -> Tuple[np.ndarray, np.ndarray]:
    """x (km from the west edge) and y (km from the north edge) of the pixel centres."""
    rows, cols = np.indices((HEIGHT, WIDTH), dtype=float)
    return (cols + 0.5) * CELL / 1000.0, (rows + 0.5) * CELL / 1000.0


def _smooth(rng: np.random.Generator, sigma_px: float) -> np.ndarray:
    """A smooth random field of unit standard deviation (white noise through a Gaussian filter)."""
    from scipy.ndimage import gaussian_filter
    field = gaussian_filter(rng.normal(0, 1, (HEIGHT, WIDTH)), sigma_px, mode="wrap")
    return field / field.std()


def planted_fields(rng: np.random.Generator) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(v in mm/yr, e in mm/sqrt(°C·day), wetness 0..1) of every pixel (module docstring)."""
    x, y = _km_grid()
    floor_centre = 6.0 + 1.2 * np.sin(2 * np.pi * x / 11.0)
    distance = np.abs(y - floor_centre)
    wetness = np.clip(np.exp(-(distance / 2.2) ** 2) + 0.08 * _smooth(rng, 8), 0, 1)
    rock = np.clip((distance - 3.6) / 1.0, 0, 1)  # bedrock ridges along the north and south edges
    knob = np.exp(-((x - 13.2) ** 2 + (y - 9.6) ** 2) / 0.5 ** 2)  # and a bedrock knob on the south slope
    soil = (1 - rock) * (1 - np.clip(1.6 * knob, 0, 1))
    patches = sum(extra * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / radius ** 2)
                  for cx, cy, radius, extra in ICE_RICH)
    v = np.clip(-(2.0 + 3.0 * wetness) + patches + 0.4 * _smooth(rng, 4), -22.0, -0.5) * soil
    e = np.clip(-(0.3 + 0.8 * wetness) + 0.006 * patches + 0.04 * _smooth(rng, 4), -1.2, -0.25) * soil
    return v, e, wetness


def nan_mask(rng: np.random.Generator) -> np.ndarray:
    """True where the time series is NaN: ponds (water), a decorrelated steep slope and isolated pixels."""
    x, y = _km_grid()
    mask = np.zeros((HEIGHT, WIDTH), bool)
    for cx, cy, rx, ry in PONDS:
        mask |= ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0
    mask |= ((x - 5.5) / 0.9) ** 2 + ((y - 1.3) / 0.35) ** 2 <= 1.0  # layover/shadow on the northern ridge
    mask |= rng.random(mask.shape) < 0.004
    mask[REFERENCE_PIXEL] = False
    return mask


def _write_h5(path: str, los_m: np.ndarray, dates: List[dt.date], rng: np.random.Generator) -> None:
    import h5py
    bperp = np.concatenate([[0.0], rng.normal(0, 45.0, len(dates) - 1)]).astype(np.float32)
    ref_y, ref_x = REFERENCE_PIXEL
    attributes = {
        "FILE_TYPE": "timeseries", "UNIT": "m", "DATA_TYPE": "float32", "PROCESSOR": "hyp3",
        "PLATFORM": "Sen", "ORBIT_DIRECTION": "ASCENDING", "WAVELENGTH": "{:.8f}".format(WAVELENGTH),
        "LENGTH": str(HEIGHT), "WIDTH": str(WIDTH), "X_FIRST": "{:.1f}".format(X0), "Y_FIRST": "{:.1f}".format(Y0),
        "X_STEP": "{:.1f}".format(CELL), "Y_STEP": "{:.1f}".format(-CELL), "X_UNIT": "meters", "Y_UNIT": "meters",
        "EPSG": str(EPSG), "UTM_ZONE": "46N", "REF_DATE": dates[0].strftime("%Y%m%d"), "REF_Y": str(ref_y),
        "REF_X": str(ref_x), "REF_LAT": "{:.6f}".format(Y0 - (ref_y + 0.5) * CELL),
        "REF_LON": "{:.6f}".format(X0 + (ref_x + 0.5) * CELL),
        "START_DATE": dates[0].strftime("%Y%m%d"), "END_DATE": dates[-1].strftime("%Y%m%d"),
        "ALOOKS": "1", "RLOOKS": "1", "HEADING": "-12.0",
        "DESCRIPTION": "synthetic sample of cryo_qgis_plugin (samples/insar.py), not real data"}
    with h5py.File(path, "w") as h5:  # MintPy's layout: root datasets, metadata as root attributes (text)
        h5.create_dataset("timeseries", data=los_m.astype(np.float32))
        h5.create_dataset("date", data=np.array([d.strftime("%Y%m%d").encode() for d in dates]))
        h5.create_dataset("bperp", data=bperp)
        for key, value in attributes.items():
            h5.attrs[key] = value


def _write_temperature(path: str, days: List[dt.date], temperature: np.ndarray, rng: np.random.Generator) -> None:
    """The station CSV with a few 1-3 day gaps (rows left out)."""
    missing = set()
    for start in rng.choice(np.arange(30, len(days) - 30), 7, replace=False):
        missing.update(range(int(start), int(start) + int(rng.integers(1, 4))))
    with open(path, "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["date", "temperature"])
        out.writerows([day.isoformat(), "{:.1f}".format(value)]
                      for i, (day, value) in enumerate(zip(days, temperature)) if i not in missing)


def write_insar_sample(folder: str, seed: int = 2017) -> InsarSample:
    """Write the sample into ``folder`` (see the module docstring) and return the paths and planted fields."""
    from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
    from cryo_qgis_plugin.core.io.grid import Grid, crs_wkt_from_user

    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    dates = acquisition_dates(rng)
    days, temperature = daily_temperature(rng)
    v, e, _ = planted_fields(rng)
    mask = nan_mask(rng)
    years = np.array([(d - dates[0]).days for d in dates]) / 365.25
    seasonal = sqrt_thaw_index(days, temperature, dates)
    vertical = years[:, None, None] * v + seasonal[:, None, None] * e  # mm
    los = vertical * np.cos(np.radians(INCIDENCE_DEG))
    los += rng.normal(0, NOISE_WHITE_MM, los.shape)
    los += np.stack([NOISE_ATMOSPHERE_MM * _smooth(rng, ATMOSPHERE_PX) for _ in dates])
    los -= los[:1]  # REF_DATE: 0 everywhere at the first date
    los -= los[:, REFERENCE_PIXEL[0], REFERENCE_PIXEL[1]][:, None, None]  # REF_Y/REF_X: 0 at every date
    los[:, mask] = np.nan
    timeseries = os.path.join(folder, "geo_timeseries.h5")
    _write_h5(timeseries, los / 1000.0, dates, rng)
    temperature_csv = os.path.join(folder, "temperature_daily.csv")
    _write_temperature(temperature_csv, days, temperature, rng)
    grid = Grid(WIDTH, HEIGHT, (X0, CELL, 0.0, Y0, 0.0, -CELL), crs_wkt_from_user("EPSG:{}".format(EPSG)))
    v, e = np.where(mask, np.nan, v), np.where(mask, np.nan, e)
    paths = {}
    for name, field in (("planted_velocity_mm_yr", v), ("planted_seasonal_coef", e)):
        paths[name] = os.path.join(folder, name + ".tif")
        with GeoTiffWriter(paths[name], grid, [name], np.float32, nodata=-9999.0) as writer:
            writer.write(0, np.where(np.isnan(field), -9999.0, field)[None].astype(np.float32))
    x, y = _km_grid()
    cx, cy = ICE_RICH[2][:2]
    ice_rich = np.unravel_index(np.argmin(np.where(mask, np.inf, (x - cx) ** 2 + (y - cy) ** 2)), mask.shape)
    return InsarSample(timeseries, temperature_csv, paths["planted_velocity_mm_yr"],
                       paths["planted_seasonal_coef"], v, e, dates, INCIDENCE_DEG, REFERENCE_PIXEL,
                       (int(ice_rich[0]), int(ice_rich[1])))
