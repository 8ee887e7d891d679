"""Physical plausibility of elevations and elevation-change rates: what a DEM in feet or centimetres, an
undeclared nodata value or a wrong time span looks like, so that such inputs are refused (or flagged) instead
of giving a confident but impossible mass balance.

* Elevations on Earth's land and ice lie within :data:`ELEVATION_RANGE`: the Dead Sea shore at about −430 m
  and Mount Everest at 8,849 m (Nepal/China survey 2020), with margins for ellipsoidal heights (the geoid is
  within about ±110 m of the WGS 84 ellipsoid). A DEM in centimetres, or in feet above about 2,750 m, leaves it.
* Fill values (:data:`FILL_VALUES`, ±3.4e38 float32 extremes) are what products write for "no data".
* Glacier elevation-change rates: Hugonnet et al. (2021, Nature 592, 726-731) find regional mean thinning
  rates within about −2..+0.5 m/yr and mass balances within about −1.5..+0.3 m w.e./yr for every glacier
  region in 2000-2019; single surging or calving glaciers change by tens of m/yr locally, but not on average
  over a glacier set for years. Beyond :data:`MAX_MEAN_RATE` m/yr or :data:`MAX_MASS_BALANCE` m w.e./yr a
  unit or date mistake is far more likely than a real change, so a warning is logged.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from ..errors import CryoInputError
from ..run import Run

ELEVATION_RANGE = (-500.0, 9000.0)  # m
FILL_VALUES = (-9999.0, -32768.0, -32767.0, -99999.0)
FILL_MAGNITUDE = 1e30  # |value| above this: a float32 extreme (±3.4028235e38) used as fill
MAX_MEAN_RATE = 10.0  # m/yr, mean over the glaciers
MAX_MASS_BALANCE = 10.0  # m w.e./yr


def is_fill(values: np.ndarray) -> np.ndarray:
    """Where ``values`` hold a typical fill value (:data:`FILL_VALUES`, or beyond ±:data:`FILL_MAGNITUDE`)."""
    values = np.asarray(values, dtype=np.float64)
    return np.isin(values, FILL_VALUES) | (np.abs(values) > FILL_MAGNITUDE)


def check_heights(low: float, high: float, nodata: Optional[float], path: str, role: str) -> None:
    """Refuse a DEM whose valid heights span ``low``..``high`` m when the extreme is a fill value its band does not
    declare as nodata, or is outside :data:`ELEVATION_RANGE` (feet, centimetres)."""
    for extreme in (low, high):
        if is_fill(extreme):
            declared = "" if nodata is None else " (it declares {:g})".format(nodata)
            raise CryoInputError(
                "The {} {} holds the value {:g}, which looks like a nodata value the file does not declare{}: set the "
                "band's nodata (gdal_edit.py -a_nodata {:g} {}) and run again".format(
                    role, path, extreme, declared, extreme, path))
    bottom, top = ELEVATION_RANGE
    if low < bottom or high > top:
        extent = "up to {:,.0f} m".format(high) if high > top else "down to {:,.0f} m".format(low)
        raise CryoInputError(
            "The {} {} has heights {}: outside {:,.0f}..{:,.0f} m, the range of elevations on Earth; is the DEM in "
            "feet or in cm? Convert it to metres (gdal_calc.py) and run again".format(role, path, extent, bottom, top))


def check_band_heights(band, path: str, role: str) -> None:
    """:func:`check_heights` on a GDAL band's exact minimum and maximum (GDAL streams the band; its nodata and
    NaN are left out). Nothing to check when the band has no valid value."""
    try:
        low, high = band.ComputeRasterMinMax(False)
    except RuntimeError:  # no valid value: reported later as an empty DEM
        return
    check_heights(low, high, band.GetNoDataValue(), path, role)


def check_array_heights(heights: np.ndarray, nodata: Optional[float], path: str, role: str) -> None:
    """:func:`check_heights` on the finite values of ``heights`` (m, NaN = nodata)."""
    finite = np.isfinite(heights)
    if finite.any():
        check_heights(float(np.min(heights, where=finite, initial=np.inf)),
                      float(np.max(heights, where=finite, initial=-np.inf)), nodata, path, role)


def warn_implausible_rates(mean_dh: float, years: Optional[float], mass_balance: Optional[float], run: Run) -> None:
    """Log a warning when the mean glacier rate ``mean_dh / years`` or the ``mass_balance`` (m w.e./yr) is beyond
    what glaciers do (module docstring); the result is kept."""
    if not years:
        return
    rate = mean_dh / years
    if abs(rate) > MAX_MEAN_RATE or (mass_balance is not None and abs(mass_balance) > MAX_MASS_BALANCE):
        run.warning(
            "The glaciers' mean elevation change is {:+.2f} m/yr ({} m w.e./yr) over {:g} years: beyond ±{:g} m/yr "
            "and ±{:g} m w.e./yr, more than any glacier region changes (Hugonnet et al. 2021). Check that both DEMs "
            "are in metres (not feet), in the same vertical datum, and the years".format(
                rate, "n/a" if mass_balance is None else "{:+.2f}".format(mass_balance), years, MAX_MEAN_RATE,
                MAX_MASS_BALANCE))


def drop_fill_elevations(z: np.ndarray, name: str, run: Run) -> np.ndarray:
    """``z`` (m) with fill values and elevations outside :data:`ELEVATION_RANGE` set to NaN (missing), and a
    warning saying how many points of ``name`` that left out."""
    bottom, top = ELEVATION_RANGE
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        bad = np.isfinite(z) & ((z < bottom) | (z > top))
    count = int(np.count_nonzero(bad))
    if not count:
        return z
    values = np.unique(z[bad])
    shown = ", ".join("{:g}".format(v) for v in values[:3]) + (", ..." if values.size > 3 else "")
    what = "fill elevations ({})".format(shown) if is_fill(values).all() else \
        "elevations outside {:,.0f}..{:,.0f} m ({})".format(bottom, top, shown)
    run.warning("{:.1f} % of {} points ({}) have {} and are left out".format(100.0 * count / z.size, name, count, what))
    return np.where(bad, np.nan, z)
