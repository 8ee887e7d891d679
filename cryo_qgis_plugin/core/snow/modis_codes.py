"""MODIS daily snow cover codes (MOD10A1 Terra, MYD10A1 Aqua, collection 6.1 / v061, ``NDSI_Snow_Cover``) and their
decoding into the daily classes of :data:`~..codes.SNOW_COVER`.

The ``NDSI_Snow_Cover`` grid (uint8, 500 m sinusoidal tiles of 2400 x 2400 cells) holds, per the MODIS Snow
Products Collection 6.1 User Guide (Riggs, Hall & Román; the snow algorithm of Hall, Riggs & Salomonson 1995 and
Hall & Riggs 2007):

====================  ==========================================================================
0-100                 NDSI snow cover (NDSI x 100) of a clear land cell
200                   missing data
201                   no decision
211                   night
237                   inland water
239                   ocean
250                   cloud
254                   detector saturated
255                   fill
====================  ==========================================================================

Decoding: a value at or above ``ndsi_threshold`` (default 10, i.e. NDSI 0.10; 40 reproduces the NDSI 0.4 binary
threshold of collection 5) is snow, a lower value no snow; 237 and 239 are water; 250 is cloud; 200, 201, 211, 254
and 255 are nodata (no observation the filters may use; only cloud is filled). Any other value is not a code of the
product, e.g. a reflectance or temperature grid given by mistake: the run is refused naming those values.
"""
from __future__ import annotations

from typing import Dict

import numpy as np

from ..codes import CLOUD, NO_SNOW, SNOW, SNOW_NODATA, WATER
from ..errors import CryoInputError
from .cloud_filters import lookup

NDSI_MAX = 100
MISSING, NO_DECISION, NIGHT, INLAND_WATER, OCEAN, MODIS_CLOUD, SATURATED, FILL = 200, 201, 211, 237, 239, 250, 254, 255
FLAGS: Dict[int, str] = {MISSING: "missing data", NO_DECISION: "no decision", NIGHT: "night",
                         INLAND_WATER: "inland water", OCEAN: "ocean", MODIS_CLOUD: "cloud",
                         SATURATED: "detector saturated", FILL: "fill"}
DEFAULT_NDSI_THRESHOLD = 10
NOT_A_CODE = 254  # class value the look-up table gives to values outside the product's codes (never written)
CODES_TEXT = "0-100 NDSI snow cover, 200 missing, 201 no decision, 211 night, 237 inland water, 239 ocean, " \
             "250 cloud, 254 saturated, 255 fill"


def check_threshold(ndsi_threshold: int) -> int:
    """``ndsi_threshold`` as an int in 1..100, or the error saying the range."""
    try:
        value = int(ndsi_threshold)
    except (TypeError, ValueError):
        value = -1
    if value != ndsi_threshold or not 1 <= value <= NDSI_MAX:
        raise CryoInputError("NDSI_THRESHOLD must be a whole number from 1 to 100 on the NDSI_Snow_Cover scale "
                             "(NDSI x 100; default 10, collection 5 used 40), got {!r}".format(ndsi_threshold))
    return value


def class_lut(ndsi_threshold: int = DEFAULT_NDSI_THRESHOLD) -> np.ndarray:
    """uint8[256]: the daily class of every stored value (:data:`NOT_A_CODE` for values outside the product)."""
    threshold = check_threshold(ndsi_threshold)
    lut = np.full(256, NOT_A_CODE, np.uint8)
    lut[:threshold] = NO_SNOW
    lut[threshold:NDSI_MAX + 1] = SNOW
    lut[[INLAND_WATER, OCEAN]] = WATER
    lut[MODIS_CLOUD] = CLOUD
    lut[[MISSING, NO_DECISION, NIGHT, SATURATED, FILL]] = SNOW_NODATA
    return lut


def check_dtype(dtype: np.dtype, source: str) -> None:
    """Refuse grids that cannot hold the 8-bit codes (a temperature, reflectance or float grid)."""
    if np.dtype(dtype) != np.uint8:
        raise CryoInputError(
            "{} holds {} values, but MOD10A1/MYD10A1 NDSI_Snow_Cover codes are unsigned 8-bit integers ({}): is it "
            "a snow cover product? Give the NDSI_Snow_Cover grid (DATASET NDSI_Snow_Cover of MOD10A1/MYD10A1 .hdf "
            "files, or a GeoTIFF of those codes written as Byte, e.g. gdal_translate -ot Byte)".format(
                source, np.dtype(dtype), CODES_TEXT))


def decode(values: np.ndarray, lut: np.ndarray, source: str) -> np.ndarray:
    """The daily classes of stored ``values`` (uint8); refused when a value is not a code of the product."""
    classes = lookup(lut, values)
    if (classes == NOT_A_CODE).any():
        raise not_codes_error(values[classes == NOT_A_CODE], source)
    return classes


def not_codes_error(wrong: np.ndarray, source: str) -> CryoInputError:
    found, counts = np.unique(wrong, return_counts=True)
    listed = ", ".join("{} ({} cells)".format(int(v), int(c)) for v, c in list(zip(found, counts))[:8])
    return CryoInputError(
        "{} holds values that are not MOD10A1/MYD10A1 v061 NDSI_Snow_Cover codes: {}{}. The product's codes are {}; "
        "is INPUT a reflectance, albedo or temperature grid, or another snow product? Give the NDSI_Snow_Cover grid "
        "(DATASET NDSI_Snow_Cover)".format(source, listed, ", ..." if len(found) > 8 else "", CODES_TEXT))
