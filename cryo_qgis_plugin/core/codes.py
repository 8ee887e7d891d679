"""Class-code tables: the single source for decoding, statistics, styling and legends.

Each table lists the values a categorical product uses, with a machine key (used in column and band
names), a human label (legends, the time-series dock) and an RGB colour. Values that a table does not list
are "unknown": they are counted and reported, never silently mapped onto a known class.

The colours of a table stay apart for readers with protanopia, deuteranopia or tritanopia and stand out from a
white map or plot background (CIEDE2000 thresholds checked in ``tests/test_colour_vision.py``), so no class is
drawn white or in a near-white grey.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, Tuple


@dataclass(frozen=True)
class ClassCode:
    value: int
    key: str
    label: str
    color: Tuple[int, int, int]

    @property
    def hex_color(self) -> str:
        return "#{:02x}{:02x}{:02x}".format(*self.color)


@dataclass(frozen=True)
class ClassTable:
    """An ordered set of class codes of one categorical product."""

    name: str
    codes: Tuple[ClassCode, ...]

    def __iter__(self) -> Iterable[ClassCode]:
        return iter(self.codes)

    @property
    def values(self) -> Tuple[int, ...]:
        return tuple(c.value for c in self.codes)

    def by_value(self) -> Dict[int, ClassCode]:
        return {c.value: c for c in self.codes}

    def label(self, value: int) -> str:
        code = self.by_value().get(int(value))
        return code.label if code else "unknown ({})".format(int(value))


# Codes of the AMSR-E/AMSR2 global daily near-surface soil freeze/thaw product (0.25 degree) and of the
# Tibetan Plateau 25 km daily freeze/thaw product, as documented by the data providers.
FREEZE_THAW = ClassTable(
    "freeze_thaw",
    (
        ClassCode(0, "water_or_missing", "Water body or missing", (166, 206, 227)),
        ClassCode(1, "frozen", "Frozen", (31, 120, 180)),
        ClassCode(2, "thawed", "Thawed", (227, 150, 62)),
        ClassCode(3, "precipitation", "Precipitation", (35, 120, 35)),
        ClassCode(15, "perennial_snow_ice", "Perennial snow/ice", (200, 200, 200)),
    ),
)

FROZEN, THAWED, PRECIPITATION, SNOW_ICE = 1, 2, 3, 15

# SMAP L3 radiometer freeze/thaw state (SPL3FTP, SPL3FTP_E, SPL3FTA): 0 thawed, 1 frozen, 254 no retrieval
# (fill; O'Neill et al., SMAP L3 FT product specification and user guide, NSIDC).
SMAP_FREEZE_THAW = ClassTable(
    "smap_l3ft",
    (
        ClassCode(0, "thawed", "Thawed", (227, 150, 62)),
        ClassCode(1, "frozen", "Frozen", (31, 120, 180)),
        ClassCode(254, "no_retrieval", "No retrieval (fill)", (200, 200, 200)),
    ),
)

# MEaSUREs Global Record of Daily Landscape Freeze/Thaw Status (NSIDC-0477, FT-ESDR; Kim et al. 2017, ESSD 9):
# 0 frozen (AM and PM), 1 thawed (AM and PM), 2 transitional (AM frozen, PM thawed), 3 inverse transitional
# (AM thawed, PM frozen), 252 no data defined, 253 outside the cold-constrained domain, 254 open water (100 %);
# 255 is its fill value.
NSIDC0477_FREEZE_THAW = ClassTable(
    "nsidc0477",
    (
        ClassCode(0, "frozen", "Frozen", (31, 120, 180)),
        ClassCode(1, "thawed", "Thawed", (227, 150, 62)),
        ClassCode(2, "transitional", "Transitional (AM frozen, PM thawed)", (128, 128, 0)),
        ClassCode(3, "inverse_transitional", "Inverse transitional (AM thawed, PM frozen)", (80, 170, 120)),
        ClassCode(252, "no_data", "No data defined", (200, 200, 200)),
        ClassCode(253, "non_cold_constrained", "Outside the cold-constrained domain", (150, 150, 150)),
        ClassCode(254, "open_water", "Open water", (166, 206, 227)),
    ),
)

# Ground thermal classes of the TTOP permafrost map (cryo:ttop); 0 is nodata.
PERMAFROST_CLASSES = ClassTable(
    "permafrost_classes",
    (
        ClassCode(1, "permafrost", "Permafrost (TTOP < 0 °C)", (49, 54, 149)),
        ClassCode(2, "seasonally_frozen", "Seasonally frozen ground", (171, 217, 233)),
        ClassCode(3, "unfrozen", "Unfrozen ground (no freezing)", (253, 174, 97)),
        ClassCode(4, "glacier", "Glacier", (190, 190, 190)),
        ClassCode(5, "lake", "Lake", (69, 117, 180)),
    ),
)
PERMAFROST, SEASONALLY_FROZEN, UNFROZEN, GLACIER, LAKE = 1, 2, 3, 4, 5

# Permafrost zones from the ensemble's permafrost probability p (Obu et al. 2019, following the extent classes
# of Brown et al. 1997): continuous p > 0.9, discontinuous 0.5-0.9, sporadic 0.1-0.5, isolated patches 0-0.1.
PERMAFROST_ZONES = ClassTable(
    "permafrost_zones",
    (
        ClassCode(1, "continuous", "Continuous (p > 0.9)", (8, 48, 107)),
        ClassCode(2, "discontinuous", "Discontinuous (0.5 ≤ p ≤ 0.9)", (33, 113, 181)),
        ClassCode(3, "sporadic", "Sporadic (0.1 ≤ p < 0.5)", (107, 174, 214)),
        ClassCode(4, "isolated", "Isolated patches (0 < p < 0.1)", (198, 219, 239)),
        ClassCode(5, "none", "No permafrost (p = 0)", (245, 230, 205)),
    ),
)

# Daily snow cover classes of cryo:snowcover, decoded from MODIS MOD10A1/MYD10A1 v061 NDSI_Snow_Cover (0-100 NDSI
# snow cover: snow at or above the NDSI threshold; 237 inland water and 239 ocean: water; 250 cloud; 200 missing,
# 201 no decision, 211 night, 254 saturated, 255 fill: nodata; Riggs, Hall & Roman, MODIS Snow Products Collection
# 6.1 User Guide) and then cleared of clouds. Colours differ in lightness (snow > no snow > cloud > water) and lie on
# the blue-yellow axis, so they stay apart for red-green colour-blind readers and in grey print.
SNOW_COVER = ClassTable(
    "snow_cover",
    (
        ClassCode(0, "no_snow", "No snow", (221, 170, 51)),
        ClassCode(1, "snow", "Snow", (210, 230, 250)),
        ClassCode(2, "cloud", "Cloud (not removed)", (119, 119, 119)),
        ClassCode(3, "water", "Water (inland or ocean)", (0, 68, 136)),
        ClassCode(255, "nodata", "No data (missing, no decision, night, saturated, fill)", (0, 0, 0)),
    ),
)
NO_SNOW, SNOW, CLOUD, WATER, SNOW_NODATA = 0, 1, 2, 3, 255

# Every class table by name: the name a GeoTIFF records in its CRYO_CLASS_TABLE metadata item, and what the
# "Style as..." menu lists.
TABLES: Dict[str, ClassTable] = {table.name: table for table in (
    FREEZE_THAW, SMAP_FREEZE_THAW, NSIDC0477_FREEZE_THAW, PERMAFROST_CLASSES, PERMAFROST_ZONES,
    SNOW_COVER)}
