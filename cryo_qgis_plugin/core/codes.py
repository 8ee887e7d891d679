"""Class-code tables: the single source for decoding, statistics, styling and legends.

Each table lists the values a categorical product uses, with a machine key (used in column and band
names), a human label (legends, the time-series dock) and an RGB colour. Values that a table does not list
are "unknown": they are counted and reported, never silently mapped onto a known class.
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
        ClassCode(3, "precipitation", "Precipitation", (51, 160, 44)),
        ClassCode(15, "perennial_snow_ice", "Perennial snow/ice", (245, 245, 245)),
    ),
)

FROZEN, THAWED, PRECIPITATION, SNOW_ICE = 1, 2, 3, 15
