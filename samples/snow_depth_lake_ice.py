"""Deterministic sample inputs for ``cryo:snowdepth`` and ``cryo:lakeicethickness``.

:func:`write_tb_sample` writes two HDF5 files shaped like AMSR2 L3 daily brightness temperatures (18.7 and
36.5 GHz H): a 3-D uint16 dataset (day, row, column) holding Tb × 100, 65535 where the swath left a gap, no
georeferencing and no scale attribute (as those files are read: SCALE 0.01, NODATA 65535, START_DATE and the
EXTENT :data:`TB_EXTENT`, 0.25° cells over the Tibetan Plateau). A known snow-depth field drives them:
Tb36H = Tb18H − SD / 1.59 + noise (the inverse of Chang et al. 1987), and warm spring days make wet snow and
snow-free ground with Tb36H above 255 K.

:func:`write_lake_air_sample` writes a CSV of daily air temperature (°C) and snow depth on the ice (cm) for the
lakes of :data:`.sampledata.LAKES` over the period of their lake-ice sample: an annual cycle with day-to-day
weather, the input of ``cryo:lakeicethickness``.

The values are synthetic, for exercising the tools, not for science.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from typing import Tuple

import h5py
import numpy as np

from .sampledata import LAKE_END, LAKE_START, LAKES

TB_START, TB_END = dt.date(2015, 10, 1), dt.date(2016, 5, 31)
TB_EXTENT = (78.0, 104.0, 26.0, 40.0)  # xmin, xmax, ymin, ymax (EPSG:4326), 0.25° cells: 104 x 56
TB_FILL = 65535


def true_snow_depth(shape: Tuple[int, int], days: int, seed: int = 21) -> np.ndarray:
    """The synthetic truth (cm, float32, days x rows x cols): a smooth field of peak depths (0-45 cm, deeper on
    the western and southern mountains) times a season curve that builds up from November, peaks in February
    and melts out by May."""
    rng = np.random.default_rng(seed)
    rows, cols = np.indices(shape, dtype=np.float64)
    field = np.zeros(shape)
    for _ in range(6):
        kx, ky, phase = rng.uniform(0.03, 0.12), rng.uniform(0.03, 0.12), rng.uniform(0, 2 * np.pi)
        field += np.cos(kx * cols + ky * rows + phase)
    field = (field - field.min()) / (field.max() - field.min())
    mountains = np.exp(-((cols - 10) / 25.0) ** 2) + np.exp(-((rows - shape[0] + 8) / 12.0) ** 2)
    peak = 45 * np.clip(0.7 * field + 0.6 * mountains - 0.35, 0, 1)
    t = np.arange(days)
    curve = np.clip(np.minimum((t - 35) / 110.0, (225 - t) / 60.0), 0, 1)  # day 0 = 1 October
    return (curve[:, None, None] * peak[None]).astype(np.float32)


def write_tb_sample(folder: str, seed: int = 21) -> Tuple[str, str]:
    """The two Tb files (``tb18h.h5``, ``tb36h.h5``) for TB_START..TB_END; returns their paths."""
    os.makedirs(folder, exist_ok=True)
    days = (TB_END - TB_START).days + 1
    shape = (int(round((TB_EXTENT[3] - TB_EXTENT[2]) / 0.25)), int(round((TB_EXTENT[1] - TB_EXTENT[0]) / 0.25)))
    snow = true_snow_depth(shape, days, seed)
    rng = np.random.default_rng(seed + 1)
    t = np.arange(days)[:, None, None]
    physical = 262.0 - 16.0 * np.cos(2 * np.pi * (t - 110) / 365.25)  # K, coldest in mid-January
    physical = physical + rng.normal(0, 2.0, (days, 1, 1)) + np.linspace(-3, 3, shape[0])[None, :, None]
    tb18 = 0.95 * physical + rng.normal(0, 0.6, (days,) + shape)
    tb36 = tb18 - snow / 1.59 + rng.normal(0, 0.8, (days,) + shape)
    wet = (physical > 268) & (snow > 0)
    tb36 = np.where(wet, 0.98 * physical, tb36)  # wet snow: absorbing, no scattering signal
    gaps = np.zeros((days,) + shape, bool)  # swath gaps: a diagonal band of columns missing every third day
    for d in range(0, days, 3):
        start = (7 * d) % shape[1]
        gaps[d, :, start:start + 12] = True
    paths = []
    for name, values in (("tb18h.h5", tb18), ("tb36h.h5", tb36)):
        stored = np.round(values * 100).astype(np.uint16)
        stored[gaps] = TB_FILL
        path = os.path.join(folder, name)
        with h5py.File(path, "w") as h5:
            h5.create_dataset("Brightness_Temperature_H", data=stored, chunks=(1,) + shape, compression="gzip")
        paths.append(path)
    return paths[0], paths[1]


def write_lake_air_sample(path: str, seed: int = 1313) -> str:
    """Daily air temperature (°C) and snow on the ice (cm) of the sample lakes, LAKE_START..LAKE_END."""
    rng = np.random.default_rng(seed)
    days = (LAKE_END - LAKE_START).days + 1
    t = np.arange(days)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["lake", "date", "temperature", "snow_cm"])
        for k, (name, *_rest) in enumerate(LAKES):
            weather = np.zeros(days)
            noise = rng.normal(0, 2.0, days)
            for d in range(1, days):  # day-to-day weather: an AR(1) anomaly
                weather[d] = 0.75 * weather[d - 1] + noise[d]
            annual = 2.5 - 0.5 * k - 11.0 * np.cos(2 * np.pi * (t - 172) / 365.25)  # day 0 = 1 August
            temperature = annual + weather
            snowfall = np.where(rng.random(days) < 0.06, rng.uniform(1, 6, days), 0.0)
            snow = np.zeros(days)
            for d in range(1, days):  # snow on the ice: falls in the cold season, blown off and melted in spring
                snow[d] = max(0.0, 0.93 * snow[d - 1] + (snowfall[d] if temperature[d] < -2 else 0.0)
                              - (0.8 * temperature[d] if temperature[d] > 0 else 0.0))
            writer.writerows((name, (LAKE_START + dt.timedelta(days=int(d))).isoformat(),
                              round(float(temperature[d]), 2), round(float(snow[d]), 1)) for d in t)
    return path
