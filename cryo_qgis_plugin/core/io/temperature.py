"""Stored temperature values to degrees Celsius: packed integers (scale and offset), Kelvin, nodata.

Products store temperatures in many ways: MODIS LST as unsigned 16-bit integers with a scale factor of
0.02 K and 0 for "no retrieval", reanalyses as float Kelvin, this plugin's GST stacks as float °C with
nodata -9999. Inside the core every temperature is °C (``../shared/DESIGN.md``), converted once here::

    celsius = stored * scale + offset            (units = celsius)
    celsius = stored * scale + offset - 273.15   (units = kelvin)

Missing values (the band's nodata, NaN) become NaN.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from ..errors import CryoInputError

KELVIN_AT_ZERO_CELSIUS = 273.15
UNITS = ("celsius", "kelvin")


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
        return self.offset - (KELVIN_AT_ZERO_CELSIUS if self.units == "kelvin" else 0.0)

    def celsius_and_missing(self, stored: np.ndarray, nodata: Optional[float]) -> Tuple[np.ndarray, np.ndarray]:
        """float32 °C (a finite value of no meaning where missing) and the mask of missing values (``nodata``
        or NaN)."""
        out = np.multiply(stored, np.float32(self.scale), dtype=np.float32)
        if self.celsius_offset != 0.0:
            out += np.float32(self.celsius_offset)
        if stored.dtype.kind == "f":
            missing = np.isnan(stored)
            if missing.any():  # NaN would survive the callers' multiplications by 0
                np.copyto(out, 0.0, where=missing)
            if nodata is not None and not np.isnan(nodata):
                missing |= stored == nodata
        else:
            missing = (stored == nodata) if nodata is not None else np.zeros(stored.shape, bool)
        return out, missing

    def celsius(self, stored: np.ndarray, nodata: Optional[float]) -> np.ndarray:
        """float32 °C, NaN where ``stored`` is ``nodata`` or NaN."""
        out, missing = self.celsius_and_missing(stored, nodata)
        out[missing] = np.nan
        return out
