"""Freeze/thaw product profiles: which class table a product's codes follow, what each class means for the
statistics and the season indicators, and how a file tells which product it is.

Every profile maps its codes onto five roles:

* ``frozen``, ``thawed``: the two states (frozen days, thawed days, the runs of the indicators);
* ``precipitation``: a thawed-like day the AMSR/TPDC product flags for precipitation (counted as thawed or as a
  missing day, the PRECIPITATION option of the indicators);
* ``transitional``: a valid observation that is neither (NSIDC-0477's AM-frozen/PM-thawed and inverse days):
  it counts as a valid day and breaks frozen and thawed runs;
* ``missing``: no observation of the soil state (water, fill, ice sheet, outside the domain).

A code a profile does not list is *unknown*: counted per value, written as the output nodata (255), a missing
day for the indicators. ``frozen_fraction`` = frozen / (frozen + thawed + precipitation + transitional) area.

Profiles (PRODUCT): ``amsr_tpdc`` (AMSR-E/AMSR2 global 0.25° and the Tibetan Plateau 25 km products, and the 0.05°
``YYYYDOY_FT_State05.h5`` sister product), ``smap_l3ft`` (SPL3FTP/SPL3FTA, O'Neill et al.), ``nsidc0477``
(FT-ESDR, Kim et al. 2017), and ``custom`` (a CSV code table, :func:`read_custom_product`).
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from typing import Dict, Iterable, Optional, Tuple

import numpy as np
from osgeo import gdal

from ..codes import FREEZE_THAW, NSIDC0477_FREEZE_THAW, SMAP_FREEZE_THAW, ClassCode, ClassTable
from ..errors import CryoInputError
from ..io.geotiff import CLASS_TABLE_KEY

ROLES = ("frozen", "thawed", "precipitation", "transitional", "missing")
UNKNOWN, FROZEN, THAWED, PRECIPITATION, TRANSITIONAL, MISSING = range(6)  # values of a role look-up table
OUTPUT_NODATA = 255  # no product's class: fill and unknown codes in the decoded stack


@dataclass(frozen=True)
class FreezeThawProduct:
    """A freeze/thaw product: its class table, the role of each class, and file-name patterns that identify it."""

    name: str
    title: str
    table: ClassTable
    roles: Tuple[Tuple[int, str], ...]  # (code, role)
    patterns: Tuple[str, ...] = ()  # regular expressions matched against file and dataset names

    def role_lut(self) -> np.ndarray:
        """uint8[65536]: the role number (FROZEN, ...) of every code value, UNKNOWN for codes not in the table."""
        lut = np.zeros(65536, np.uint8)
        for code, role in self.roles:
            lut[code] = ROLES.index(role) + 1
        return lut

    def codes_of(self, *roles: str) -> Tuple[int, ...]:
        return tuple(code for code, role in self.roles if role in roles)

    def describe_roles(self) -> str:
        """``1 frozen, 0 thawed, 254 missing`` (for logs and help)."""
        return ", ".join("{} {}".format(code, role) for code, role in self.roles)


AMSR_TPDC = FreezeThawProduct(
    "amsr_tpdc", "AMSR-E/AMSR2 and TPDC daily freeze/thaw (0.25°, 25 km, 0.05°)", FREEZE_THAW,
    ((0, "missing"), (1, "frozen"), (2, "thawed"), (3, "precipitation"), (15, "missing")),
    (r"(?i)_FT_\d*_?\d*\.h5$", r"(?i)AMSR.*_FT_", r"(?i)FT_State05", r"(?i)^AMSR_\d{8}_FT"))
SMAP_L3FT = FreezeThawProduct(
    "smap_l3ft", "SMAP L3 radiometer freeze/thaw (SPL3FTP, SPL3FTA)", SMAP_FREEZE_THAW,
    ((0, "thawed"), (1, "frozen"), (254, "missing")),
    (r"(?i)SMAP_L3_FT", r"(?i)SPL3FT", r"(?i)Freeze_Thaw_Retrieval_Data"))
NSIDC0477 = FreezeThawProduct(
    "nsidc0477", "MEaSUREs FT-ESDR (NSIDC-0477)", NSIDC0477_FREEZE_THAW,
    ((0, "frozen"), (1, "thawed"), (2, "transitional"), (3, "transitional"), (252, "missing"), (253, "missing"),
     (254, "missing")),
    (r"(?i)NSIDC[-_]?0477", r"(?i)FT[-_]?ESDR", r"(?i)MEaSUREs.*(Freeze|FT)", r"(?i)_(AM|PM|CO)_FT_"))
PRODUCTS: Dict[str, FreezeThawProduct] = {p.name: p for p in (AMSR_TPDC, SMAP_L3FT, NSIDC0477)}
PRODUCT_CHOICES = ("auto",) + tuple(PRODUCTS) + ("custom",)
DEFAULT = AMSR_TPDC


def product_by_name(name: str, custom_table: Optional[str] = None) -> FreezeThawProduct:
    """The profile called ``name`` (``custom`` reads ``custom_table``)."""
    if name == "custom":
        if not custom_table:
            raise CryoInputError("PRODUCT=custom needs PRODUCT_TABLE: a CSV with the columns value, class, label, "
                                 "colour (class one of {})".format(", ".join(ROLES)))
        return read_custom_product(custom_table)
    if name not in PRODUCTS:
        raise CryoInputError("Unknown PRODUCT {!r}: use one of {}".format(name, ", ".join(PRODUCT_CHOICES)))
    return PRODUCTS[name]


def detect_product(names: Iterable[str], recorded_table: Optional[str] = None) -> Tuple[FreezeThawProduct, str]:
    """The profile whose patterns match one of ``names`` (file names, dataset paths), or whose class table a decoded
    stack recorded (``recorded_table``, its CRYO_CLASS_TABLE), with the reason; the default profile otherwise."""
    if recorded_table:
        for product in PRODUCTS.values():
            if product.table.name == recorded_table:
                return product, "the stack records the class table {}".format(recorded_table)
    found = product_named(names)
    if found is not None:
        return found
    return DEFAULT, "no file or dataset name identifies the product; {} assumed (set PRODUCT if it is another " \
                    "one)".format(DEFAULT.name)


def product_named(names: Iterable[str]) -> Optional[Tuple[FreezeThawProduct, str]]:
    """The profile whose file-name patterns match one of ``names``, with the reason; None when none does."""
    names = [n for n in names if n]
    for product in (SMAP_L3FT, NSIDC0477, AMSR_TPDC):
        for name in names:
            for pattern in product.patterns:
                if re.search(pattern, name):
                    return product, "{} is named like the files of {}".format(
                        os.path.basename(name.rstrip("/")) or name, product.name)
    return None


def product_for_stack(stack, name: str = "auto",
                      custom_table: Optional[str] = None) -> Tuple[FreezeThawProduct, str]:
    """The profile for ``stack``: ``name`` when given, else detected from its file and dataset names or the class
    table a decoded stack records; with the reason (for the log)."""
    if name != "auto":
        return product_by_name(name, custom_table), "PRODUCT={}".format(name)
    names = [stack.source] + list(stack.files[:3]) + [getattr(stack, "dataset", None) or ""]
    return detect_product(names, _recorded_table(stack.source))


def _recorded_table(path: str) -> Optional[str]:
    """The class table a GeoTIFF decoded by this plugin records (metadata item CRYO_CLASS_TABLE), if any."""
    if os.path.isdir(path) or not path.lower().endswith((".tif", ".tiff")):
        return None
    try:
        dataset = gdal.Open(path)
    except RuntimeError:
        return None
    return dataset.GetMetadataItem(CLASS_TABLE_KEY) if dataset is not None else None


def read_custom_product(path: str) -> FreezeThawProduct:
    """A profile from a CSV code table with the columns value, class, label, colour (``#rrggbb``); ``class`` is one
    of :data:`ROLES`. Values 0-254 (255 is the decoded stack's nodata)."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise CryoInputError("PRODUCT_TABLE {} cannot be read ({})".format(path, exc)) from None
    needed = {"value", "class", "label", "colour"}
    if not rows or not needed <= {k.strip().lower() for k in rows[0]}:
        raise CryoInputError("PRODUCT_TABLE {} needs a header with the columns value, class, label, colour and one "
                             "row per code".format(path))
    codes, roles = [], []
    for number, row in enumerate(rows, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
        try:
            value = int(row["value"])
        except ValueError:
            raise CryoInputError("PRODUCT_TABLE {}, line {}: value {!r} is not an integer".format(
                path, number, row["value"])) from None
        if not 0 <= value <= 254:
            raise CryoInputError("PRODUCT_TABLE {}, line {}: value {} is outside 0-254 (255 is the decoded stack's "
                                 "nodata)".format(path, number, value))
        if row["class"] not in ROLES:
            raise CryoInputError("PRODUCT_TABLE {}, line {}: class {!r} is not one of {}".format(
                path, number, row["class"], ", ".join(ROLES)))
        colour = row["colour"].lstrip("#")
        if not re.fullmatch(r"[0-9a-fA-F]{6}", colour):
            raise CryoInputError("PRODUCT_TABLE {}, line {}: colour {!r} is not #rrggbb".format(
                path, number, row["colour"]))
        key = re.sub(r"\W+", "_", row["label"].lower()).strip("_") or "class_{}".format(value)
        codes.append(ClassCode(value, key, row["label"] or key, tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))))
        roles.append((value, row["class"]))
    if len({c.value for c in codes}) != len(codes):
        raise CryoInputError("PRODUCT_TABLE {} lists a value twice".format(path))
    return FreezeThawProduct("custom", "custom ({})".format(os.path.basename(path)),
                             ClassTable("custom", tuple(codes)), tuple(roles))
