"""Grid presets of the Equal-Area Scalable Earth grids, for products stored without georeferencing.

SMAP Level-3 HDF5 granules (SPL3FTP, SPL3SMP, ...) hold bare 2-D/3-D arrays: their grid is one of NSIDC's
EASE-Grid 2.0 grids (Brodzik, M. J., Billingsley, B., Haran, T., Raup, B., Savoie, M. H. 2012, "EASE-Grid 2.0:
Incremental but Significant Improvements for Earth-Gridded Data Sets", ISPRS Int. J. Geo-Inf. 1, 32-45,
doi:10.3390/ijgi1010032, Tables 2-3; NSIDC "EASE-Grid 2.0 Format Description"). The MEaSUREs freeze/thaw record
NSIDC-0477 (FT-ESDR) is on the original EASE-Grid (Brodzik & Knowles 2002, NSIDC "EASE-Grid 1.0 Format
Description"): global cylindrical 25.067525 km, and the northern and southern azimuthal 25.067525 km grids.
One latitude/longitude grid joins them: the global 0.05° grid (7200 x 3600, EPSG:4326, -180..180, -90..90) of the
TPDC "2002-2017 Global AMSR-E/2 Near-surface Freeze/Thaw state (0.05°)" files ``YYYYDOY_FT_State05.h5`` (Zhao &
Zhang 2019, doi:10.11888/Geocry.tpdc.270283), whose shape leaves no other global reading.

A preset is chosen only when the caller gave no extent and CRS, the array has the preset's shape AND the file
is the preset's product (its name or dataset path matches ``pattern``); otherwise the usual default applies.
The extents are ``cells x cell size / 2`` either side of the projection origin (the grids are centred on it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Tuple

SMAP_PATTERN = r"SMAP|SPL[1-4]|Freeze_Thaw_Retrieval_Data|Soil_Moisture_Retrieval_Data"
FT_ESDR_PATTERN = r"NSIDC[-_]?0477|FT[-_]?ESDR"
TPDC_005_PATTERN = r"FT_State05"
EASE2_GLOBAL_36KM_CELL = 36032.220840584  # m, Brodzik et al. 2012, Table 3 (M36)
EASE2_GLOBAL_9KM_CELL = 9008.055210146  # m (M09)
EASE1_CELL = 25067.525  # m, EASE-Grid 1.0 nominal 25 km
# EASE-Grid 1.0 is on a sphere of radius 6371228 m; its EPSG codes 3408/3409/3410 are deprecated and PROJ
# silently replaces them by the EASE-Grid 2.0 (WGS 84) codes, so they are given as PROJ strings
_EASE1 = "+a=6371228 +b=6371228 +x_0=0 +y_0=0 +units=m +no_defs"
EASE1_GLOBAL = "+proj=cea +lat_ts=30 +lon_0=0 " + _EASE1  # EPSG:3410
EASE1_NORTH = "+proj=laea +lat_0=90 +lon_0=0 " + _EASE1  # EPSG:3408
EASE1_SOUTH = "+proj=laea +lat_0=-90 +lon_0=0 " + _EASE1  # EPSG:3409


@dataclass(frozen=True)
class GridPreset:
    """A named grid: ``rows`` x ``cols`` cells of ``cell`` metres centred on the origin of ``crs``."""

    name: str
    crs: str
    rows: int
    cols: int
    cell: float
    pattern: str  # regular expression (case-insensitive) the file name or dataset path must match

    @property
    def extent(self) -> Tuple[float, float, float, float]:
        half_x, half_y = self.cols * self.cell / 2, self.rows * self.cell / 2
        return -half_x, -half_y, half_x, half_y

    def fits(self, shape: Tuple[int, int], names: str) -> bool:
        return tuple(shape) == (self.rows, self.cols) and re.search(self.pattern, names, re.IGNORECASE) is not None


PRESETS = (
    GridPreset("EASE-Grid 2.0 global 36 km (SMAP)", "EPSG:6933", 406, 964, EASE2_GLOBAL_36KM_CELL, SMAP_PATTERN),
    GridPreset("EASE-Grid 2.0 global 9 km (SMAP)", "EPSG:6933", 1624, 3856, EASE2_GLOBAL_9KM_CELL, SMAP_PATTERN),
    GridPreset("EASE-Grid 2.0 north 36 km (SMAP)", "EPSG:6931", 500, 500, 36000.0, SMAP_PATTERN),
    GridPreset("EASE-Grid 2.0 north 9 km (SMAP)", "EPSG:6931", 2000, 2000, 9000.0, SMAP_PATTERN),
    GridPreset("EASE-Grid 1.0 global 25 km (NSIDC-0477)", EASE1_GLOBAL, 586, 1383, EASE1_CELL, FT_ESDR_PATTERN),
    GridPreset("Global 0.05° (TPDC AMSR-E/2 freeze/thaw)", "EPSG:4326", 3600, 7200, 0.05, TPDC_005_PATTERN),
    # the azimuthal grids have one shape for both hemispheres: the name must say which
    GridPreset("EASE-Grid 1.0 north 25 km (NSIDC-0477)", EASE1_NORTH, 721, 721, EASE1_CELL,
               r"(?=.*(?:{}))(?=.*(?:north|[_.-]NL?[_.-]|_NH))".format(FT_ESDR_PATTERN)),
    GridPreset("EASE-Grid 1.0 south 25 km (NSIDC-0477)", EASE1_SOUTH, 721, 721, EASE1_CELL,
               r"(?=.*(?:{}))(?=.*(?:south|[_.-]SL?[_.-]|_SH))".format(FT_ESDR_PATTERN)),
)


def find_preset(shape: Tuple[int, int], *names: str) -> Optional[GridPreset]:
    """The preset of an array of ``shape`` (rows, cols) whose file name or dataset path (``names``) names its
    product, or None."""
    text = " ".join(n for n in names if n)
    for preset in PRESETS:
        if preset.fits(shape, text):
            return preset
    return None


def preset_of_grid(shape: Tuple[int, int], geotransform, same_crs) -> Optional[GridPreset]:
    """The preset a georeferenced raster is on, to within a thousandth of a cell (HEG's GeoTIFFs round the
    corner of the EASE-Grid 2.0 to metres): ``same_crs(crs)`` tells whether the raster's CRS is ``crs``."""
    x0, dx, rx, y0, ry, dy = geotransform
    for preset in PRESETS:
        if tuple(shape) != (preset.rows, preset.cols) or rx or ry:
            continue
        xmin, _, _, ymax = preset.extent
        tolerance = preset.cell * 1e-3
        if (abs(dx - preset.cell) * preset.cols < tolerance and abs(-dy - preset.cell) * preset.rows < tolerance
                and abs(x0 - xmin) < tolerance and abs(y0 - ymax) < tolerance and same_crs(preset.crs)):
            return preset
    return None
