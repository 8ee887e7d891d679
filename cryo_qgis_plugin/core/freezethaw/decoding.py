"""Decoding of daily soil freeze/thaw code grids into a dated, styled GeoTIFF stack and a table of daily class
areas on true cell areas, for any product profile (:mod:`.products`)."""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.outputs import atomic_path
from ..io.stack import Stack
from ..run import Run, blocks
from .products import DEFAULT, OUTPUT_NODATA, FreezeThawProduct


def area_columns(product: FreezeThawProduct = DEFAULT) -> Tuple[str, ...]:
    """The area columns of the table: ``<class key>_km2`` for each class of the product, then ``unknown_km2``."""
    return tuple("{}_km2".format(code.key) for code in product.table) + ("unknown_km2",)


AREA_COLUMNS = area_columns()  # of the default product (AMSR/TPDC)
# Decoded stacks are band-interleaved in 96 x 96 tiles (the writer's default is 256 x 256). The time-series dock
# reads one pixel of every day, which decompresses one tile per band: on an 18-year global stack (6,570 days of
# 1440 x 720, scripts/bench_pick.py) a pick takes 0.13-0.18 s with 96 x 96 tiles against 0.16-0.21 s with 128,
# 0.15-0.22 s with 64 (a 20 % larger file, 40 % slower decoding) and 0.23-0.41 s with 256, while one day still reads
# in 4 ms and the file is 121 MB (117 MB with 256). Pixel interleave picks in 0.06-0.09 s but makes a one-day map
# take 1.3-2.0 s.
DECODED_TILE = 96


def check_codes_dtype(stack: Stack) -> None:
    if stack.dtype.kind not in "ui" or stack.dtype.itemsize > 2:
        raise CryoInputError("{} holds {} values, not freeze/thaw class codes (unsigned 8-bit integers); check "
                             "INPUT and DATASET".format(stack.source, stack.dtype))


def period_positions(stack: Stack, start: Optional[dt.date], end: Optional[dt.date]) -> List[int]:
    """Positions of the stack's dates inside ``[start, end]`` (either may be None)."""
    positions = [i for i, day in enumerate(stack.dates)
                 if (start is None or day >= start) and (end is None or day <= end)]
    if not positions:
        raise CryoInputError("No date of {} ({} .. {}) falls in the period {} .. {}; widen PERIOD_START/"
                             "PERIOD_END".format(stack.source, stack.dates[0], stack.dates[-1],
                                                 start or "start", end or "end"))
    return positions


# ------------------------------------------------------------------------------------------- decoding

@dataclass
class DecodeResult:
    dates: List[dt.date]
    areas_km2: np.ndarray  # (dates, len(area_columns(product)))
    unknown_values: Dict[int, int] = field(default_factory=dict)  # code -> pixel-days
    product: FreezeThawProduct = DEFAULT

    @property
    def columns(self) -> Tuple[str, ...]:
        return area_columns(self.product)

    @property
    def frozen_fraction(self) -> np.ndarray:
        """frozen / (frozen + thawed + precipitation + transitional) area per date (NaN without any of them)."""
        values = list(self.product.table.values)
        frozen = self.areas_km2[:, [values.index(c) for c in self.product.codes_of("frozen")]].sum(axis=1)
        observed = self.areas_km2[:, [values.index(c) for c in self.product.codes_of(
            "frozen", "thawed", "precipitation", "transitional")]].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(observed > 0, frozen / observed, np.nan)


def class_areas(block: np.ndarray, row_areas_km2: np.ndarray, mask: Optional[np.ndarray],
                product: FreezeThawProduct = DEFAULT) -> Tuple[np.ndarray, int]:
    """Area (km²) of each column of :func:`area_columns` per date of a ``(dates, rows, cols)`` code block, and the
    number of pixel-days with unknown codes.

    ``row_areas_km2`` is the cell area of each row; ``mask`` (rows, cols) limits the statistics.
    """
    inside = np.full(block.shape[1], block.shape[2], np.int64) if mask is None else mask.sum(axis=1)
    areas = np.empty((block.shape[0], len(product.table.codes) + 1))
    known = np.zeros(block.shape[:2], np.int64)
    for i, code in enumerate(product.table):
        hit = block == code.value
        if mask is not None:
            hit &= mask
        counts = hit.view(np.uint8).sum(axis=2, dtype=np.int64)  # (dates, rows)
        known += counts
        areas[:, i] = counts @ row_areas_km2
    unknown = inside - known
    areas[:, -1] = unknown @ row_areas_km2
    return areas, int(unknown.sum())


def _unknown_values(block: np.ndarray, mask: Optional[np.ndarray], known: np.ndarray) -> Dict[int, int]:
    """Pixel-days of each unknown code (only called when there are some); ``known`` is the block's known mask."""
    unknown = ~known
    if mask is not None:
        unknown &= mask
    values, counts = np.unique(block[unknown], return_counts=True)
    return {int(v): int(c) for v, c in zip(values, counts)}


def decode(stack: Stack, output_path: Optional[str], table_path: Optional[str],
           period: Tuple[Optional[dt.date], Optional[dt.date]] = (None, None),
           mask: Optional[np.ndarray] = None, product: FreezeThawProduct = DEFAULT, run: Run = Run()) -> DecodeResult:
    """Write the codes of ``stack`` as a dated, styled uint8 GeoTIFF and the daily class-area table of ``product``.

    Codes of the product's table are kept; any other value (fill 255 included) is unknown: counted per value,
    written as :data:`~.products.OUTPUT_NODATA`.

    One pass over the stack by slabs of dates (whole grids), so every date is read and written once. The GeoTIFF
    is band-interleaved in :data:`DECODED_TILE` tiles, so one day's map and one pixel's series both read fast.
    Areas use the true cell areas of the grid (:meth:`~.grid.Grid.row_cell_areas_km2`); ``mask`` (bool,
    grid shape) restricts the statistics (not the GeoTIFF) to a region.
    """
    check_codes_dtype(stack)
    positions = period_positions(stack, *period)
    dates = [stack.dates[i] for i in positions]
    grid = stack.grid
    if mask is not None and not mask.any():
        raise CryoInputError("The MASK polygons cover no cell centre of the grid ({}); check their extent and "
                             "CRS".format(grid.describe()))
    if not grid.is_geographic:
        run.warning("Projected grid: areas use the pixel area, which is the true area only on an equal-area "
                    "projection (e.g. EASE-Grid 2.0).")
    row_areas = grid.row_cell_areas_km2()
    areas = np.zeros((len(dates), len(area_columns(product))))
    table_values = np.array(product.table.values)
    unknown: Dict[int, int] = {}
    iso = [d.isoformat() for d in dates]
    slabs = blocks(len(dates), grid.width * grid.height * 3, run.budget_bytes, align=stack.time_chunk)
    writer = GeoTiffWriter(output_path, grid, iso, np.uint8, nodata=OUTPUT_NODATA, class_table=product.table,
                           band_dates=iso, metadata={"CRYO_PRODUCT": "freeze_thaw_codes",
                                                     "CRYO_FREEZE_THAW_PRODUCT": product.name},
                           tile=DECODED_TILE, units="class") \
        if output_path else contextlib.nullcontext()
    with writer:
        for k, (t0, t1) in enumerate(slabs):
            run.report(k / len(slabs))
            slab = stack.read(slice(None), positions[t0:t1])
            slab_areas, unknown_count = class_areas(slab, row_areas, mask, product)
            areas[t0:t1] = slab_areas
            known = np.isin(slab, table_values)
            if unknown_count:
                for value, count in _unknown_values(slab, mask, known).items():
                    unknown[value] = unknown.get(value, 0) + count
            if not known.all():
                slab = np.where(known, slab, OUTPUT_NODATA)
            if output_path:
                for i in range(slab.shape[0]):
                    writer.write_band(t0 + i + 1, 0, slab[i])
                writer.flush()
        run.report(1.0)
    result = DecodeResult(dates, areas, unknown, product)
    if unknown:
        run.warning("Codes outside the {} table (written as nodata {}, counted as unknown_km2): {}".format(
            product.name, OUTPUT_NODATA, ", ".join("{}: {} pixel-days".format(v, c)
                                                   for v, c in sorted(unknown.items()))))
        _warn_if_mostly_unknown(result, run)
    if table_path:
        write_area_table(table_path, result)
    return result


def _warn_if_mostly_unknown(result: DecodeResult, run: Run) -> None:
    """A product read with another product's table shows as mostly unknown codes: say so."""
    total = result.areas_km2.sum()
    if total > 0 and result.areas_km2[:, -1].sum() > 0.5 * total:
        run.warning("More than half of the area holds codes outside the {} table ({}): is PRODUCT right?".format(
            result.product.name, result.product.describe_roles()))


def write_area_table(path: str, result: DecodeResult) -> None:
    """CSV: date, the area of each class in km², frozen_fraction (:attr:`DecodeResult.frozen_fraction`)."""
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(("date",) + result.columns + ("frozen_fraction",))
        for day, row, fraction in zip(result.dates, result.areas_km2, result.frozen_fraction):
            out.writerow([day.isoformat()] + ["{:.3f}".format(v) for v in row]
                         + ["" if np.isnan(fraction) else "{:.6f}".format(fraction)])
