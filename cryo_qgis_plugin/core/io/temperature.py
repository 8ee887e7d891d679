"""Stored temperature values to degrees Celsius: packed integers (scale and offset), Kelvin, nodata.

Products store temperatures in many ways: MODIS LST as unsigned 16-bit integers with a scale factor of
0.02 K and 0 for "no retrieval", reanalyses as float Kelvin, this plugin's GST stacks as float °C with
nodata -9999. Inside the core every temperature is °C (``../shared/DESIGN.md``), converted once here::

    celsius = stored * scale + offset            (units = celsius)
    celsius = stored * scale + offset - 273.15   (units = kelvin)

Missing values (the band's nodata, NaN) become NaN.

Every conversion is checked against :data:`PLAUSIBLE_CELSIUS` (:func:`check_plausible_celsius`, one vectorised
minimum and maximum per block): Kelvin read as °C, packed integers read without their scale factor or °C read
as Kelvin give temperatures no surface on Earth has, and are refused with the likely cause before much is
written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from ..errors import CryoInputError

KELVIN_AT_ZERO_CELSIUS = 273.15
UNITS = ("celsius", "kelvin")
# Surface temperatures (°C) observed on Earth lie inside this range, with a margin: satellite skin temperatures
# reach about -98 °C on the East Antarctic plateau (Scambos et al. 2018, Geophys. Res. Lett. 45, 6124-6133) and
# 70.7 °C in the Lut desert (Mildrexler, Zhao & Running 2011, Bull. Amer. Meteor. Soc. 92, 855-860). The
# mistakes it catches are far outside: Kelvin read as °C gives about +180..+340, °C read as Kelvin -360..-200,
# MODIS LST without its 0.02 scale factor thousands of degrees.
PLAUSIBLE_CELSIUS = (-100.0, 100.0)
MODIS_LST_SCALE = 0.02


@dataclass(frozen=True)
class Packing:
    """How a product stores temperature: ``value = stored * scale + offset`` in ``units``."""

    scale: float = 1.0
    offset: float = 0.0
    units: str = "celsius"

    def __post_init__(self) -> None:
        if self.units not in UNITS:
            raise CryoInputError("UNITS must be one of {}, got {!r}".format(", ".join(UNITS), self.units))
        if not np.isfinite(self.scale) or self.scale == 0:
            raise CryoInputError("SCALE must be a non-zero number, got {}".format(self.scale))

    @property
    def celsius_offset(self) -> float:
        """What is added to ``stored * scale`` to get °C: OFFSET, minus 273.15 for Kelvin."""
        return self.offset - (KELVIN_AT_ZERO_CELSIUS if self.units == "kelvin" else 0.0)

    def describe(self, packed: bool = True) -> str:
        """The settings as the user gave them (``UNITS=celsius, SCALE=0.02, OFFSET=0``); UNITS alone when the
        values are not ``packed`` (a table of temperatures has no SCALE or OFFSET)."""
        if not packed:
            return "UNITS={}".format(self.units)
        return "UNITS={}, SCALE={:g}, OFFSET={:g}".format(self.units, self.scale, self.offset)

    def celsius_and_missing(self, stored: np.ndarray, nodata: Optional[float],
                            what: str = "INPUT") -> Tuple[np.ndarray, np.ndarray]:
        """float32 °C (a finite value of no meaning where missing) and the mask of missing values (``nodata``
        or NaN); refuses values outside :data:`PLAUSIBLE_CELSIUS` (:func:`check_plausible_celsius`, naming
        ``what``)."""
        out = np.multiply(stored, np.float32(self.scale), dtype=np.float32)
        if self.celsius_offset != 0.0:
            out += np.float32(self.celsius_offset)
        filled = None  # the cells that hold the nodata value
        if stored.dtype.kind == "f":
            missing = np.isnan(stored)
            if missing.any():  # NaN would survive the callers' multiplications by 0
                np.copyto(out, 0.0, where=missing)
            if nodata is not None and not np.isnan(nodata):
                filled = stored == nodata
                missing |= filled
        elif nodata is not None:
            filled = missing = stored == nodata
        else:
            missing = np.zeros(stored.shape, bool)
        _check_block(out, missing, filled, what, self)
        return out, missing

    def celsius(self, stored: np.ndarray, nodata: Optional[float], what: str = "INPUT") -> np.ndarray:
        """float32 °C, NaN where ``stored`` is ``nodata`` or NaN; checked like :meth:`celsius_and_missing`."""
        out, missing = self.celsius_and_missing(stored, nodata, what)
        out[missing] = np.nan
        return out


def _check_block(celsius: np.ndarray, missing: np.ndarray, filled: Optional[np.ndarray], what: str,
                 packing: Packing) -> None:
    """:func:`check_plausible_celsius` for a block just converted, with two counts in the usual case: the cells
    outside the plausible range must all be ``filled`` cells (they hold the nodata value, converted; the other
    missing cells hold 0). Only otherwise is the full check run (and it raises)."""
    bottom, top = PLAUSIBLE_CELSIUS
    too_low = np.count_nonzero(celsius < bottom)
    too_high = np.count_nonzero(celsius > top)
    if filled is not None and (too_low or too_high):
        count = np.count_nonzero(filled)
        if count:
            value = celsius.flat[np.argmax(filled)]  # the converted nodata value, the same in every filled cell
            too_low -= count if value < bottom else 0
            too_high -= count if value > top else 0
    if too_low or too_high:
        check_plausible_celsius(celsius, missing, what, packing)


def check_plausible_celsius(celsius: np.ndarray, missing: Optional[np.ndarray], what: str, packing: Packing,
                            packed: bool = True) -> None:
    """Refuse temperatures (°C, after ``packing``) outside :data:`PLAUSIBLE_CELSIUS` over the cells that are not
    ``missing`` (None: every cell; NaN cells are ignored), saying which of UNITS or SCALE is the likely mistake.
    Vectorised, for one block read at a time: a minimum and a maximum over the block, and only when those are
    implausible (missing cells may hold anything) a mask of the implausible cells that are not missing.
    ``packed``: the values had SCALE and OFFSET (False for a table with UNITS only)."""
    if celsius.size == 0:
        return
    bottom, top = PLAUSIBLE_CELSIUS
    if missing is None:
        missing = np.isnan(celsius)
    with np.errstate(invalid="ignore"):
        if bottom <= np.min(celsius) and np.max(celsius) <= top:
            return
        outside = celsius < bottom
        outside |= celsius > top
    np.greater(outside, missing, out=outside)  # outside and not missing
    if not outside.any():
        return
    valid = ~missing
    low = float(np.min(celsius, where=valid, initial=np.inf))
    high = float(np.max(celsius, where=valid, initial=-np.inf))
    if low < bottom and high > top:
        extent = "from {:,.1f} to {:,.1f} °C".format(low, high)
    else:
        extent = "up to {:,.1f} °C".format(high) if high > top else "down to {:,.1f} °C".format(low)
    raise CryoInputError("{}: temperatures {} after {}, outside the {:g}..{:g} °C any surface on Earth has; {}".format(
        what, extent, packing.describe(packed), bottom, top, _likely_cause(low, high, packing, packed)))


def _likely_cause(low: float, high: float, packing: Packing, packed: bool) -> str:
    """What to change so that temperatures ``low``..``high`` °C (implausible under ``packing``) become plausible."""
    bottom, top = PLAUSIBLE_CELSIUS
    if not (np.isfinite(low) and np.isfinite(high)):
        return "the values hold infinities: set those cells to the band's nodata"

    def plausible(a: float, b: float) -> bool:
        return bottom <= a and b <= top

    if packing.units == "celsius" and plausible(low - KELVIN_AT_ZERO_CELSIUS, high - KELVIN_AT_ZERO_CELSIUS):
        return "these look like Kelvin: set UNITS=kelvin"
    if packing.units == "kelvin" and plausible(low + KELVIN_AT_ZERO_CELSIUS, high + KELVIN_AT_ZERO_CELSIUS):
        return "these look like °C already: set UNITS=celsius"
    if packed and min(abs(low), abs(high)) > 1000:
        return ("these look like packed integers read without their scale factor: set SCALE (e.g. {:g} for MODIS "
                "LST, with UNITS=kelvin)".format(MODIS_LST_SCALE))
    if packed:
        return "check UNITS, SCALE and OFFSET against the product's documentation"
    return "check the units of the values and UNITS"
