"""Tiles of one date put side by side on the union grid of a folder's tiles (MODIS sinusoidal ``hHHvVV`` tiles,
GeoTIFF tiles): window arithmetic on the common grid, the equivalent of a ``gdalbuildvrt`` mosaic per date.

Every tile must have the CRS and the cell size of the first one and lie on its grid lattice (its corner a whole
number of cells away, to a thousandth of a cell); tiles must not overlap. The union grid is the smallest
rectangle of that lattice holding every tile; a cell no tile of a date covers is nodata on that date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

import numpy as np

from ..errors import CryoInputError
from .grid import Grid, spatial_reference

LATTICE_TOLERANCE = 1e-3  # of a cell: how far a tile's corner may lie from the lattice of the first tile
CELL_TOLERANCE = 1e-6  # relative: how much two tiles' cell sizes may differ


@dataclass(frozen=True)
class Placement:
    """Where one file lies on the common grid: its index among the files, first column and row, size."""

    source: int
    col: int
    row: int
    width: int
    height: int

    def rows_within(self, r0: int, r1: int) -> Tuple[int, int]:
        """The rows ``r0:r1`` of the common grid this tile holds, as ``(first, end)`` (empty when first >= end)."""
        return max(r0, self.row), min(r1, self.row + self.height)


class TileLayout:
    """The files of each date placed on one common grid (a single file per date on its own grid included)."""

    def __init__(self, grid: Grid, by_date: List[List[Placement]]):
        self.grid = grid
        self.by_date = by_date
        self.tiles = len({(p.col, p.row, p.width, p.height) for date in by_date for p in date})
        covered = [sum(p.width * p.height for p in date) for date in by_date]
        # dates where some cell of the common grid has no tile (a missing tile, or a union that is no rectangle)
        self.incomplete = {i for i, n in enumerate(covered) if n < grid.width * grid.height}

    @classmethod
    def single(cls, grid: Grid, n: int) -> "TileLayout":
        """One file per date, all on ``grid``."""
        return cls(grid, [[Placement(i, 0, 0, grid.width, grid.height)] for i in range(n)])

    @property
    def is_mosaic(self) -> bool:
        return self.tiles > 1

    def describe(self) -> str:
        text = "{} tiles per date mosaicked on their union grid".format(self.tiles)
        if self.incomplete:
            text += " ({} date(s) miss a tile: nodata there)".format(len(self.incomplete))
        return text


def mosaic_layout(dates: Sequence[dt.date], grids: Sequence[Grid], paths: Sequence[str]) -> TileLayout:
    """The layout of the files ``paths`` (dated ``dates``, in date order, on ``grids``): one common grid holding
    every tile, each date made of its files. Refuses tiles on another CRS, cell size or lattice, or overlapping."""
    reference, ref_path = grids[0], paths[0]
    x0, dx, _, y0, _, dy = reference.geotransform
    ref_srs = spatial_reference(reference.crs_wkt)
    offsets = []
    for grid, path in zip(grids, paths):
        gx, gdx, grx, gy, gry, gdy = grid.geotransform
        if grx or gry:
            raise CryoInputError("{} is a rotated grid; tiles can only be mosaicked on a north-up grid: warp it "
                                 "first (gdalwarp)".format(path))
        if grid.crs_wkt != reference.crs_wkt and not ref_srs.IsSame(spatial_reference(grid.crs_wkt)):
            name = spatial_reference(grid.crs_wkt).GetName()
            raise CryoInputError("{} is in another CRS ({}) than {} ({}); tiles of one folder must share one CRS: "
                                 "warp it to the others' CRS first".format(path, name, ref_path, ref_srs.GetName()))
        if abs(gdx - dx) > CELL_TOLERANCE * abs(dx) or abs(gdy - dy) > CELL_TOLERANCE * abs(dy):
            raise CryoInputError("{} has cells of {:.9g} x {:.9g} but {} of {:.9g} x {:.9g}; tiles of one folder "
                                 "must share one cell size: resample it first".format(path, gdx, -gdy, ref_path,
                                                                                      dx, -dy))
        col, row = (gx - x0) / dx, (gy - y0) / dy
        if abs(col - round(col)) > LATTICE_TOLERANCE or abs(row - round(row)) > LATTICE_TOLERANCE:
            raise CryoInputError(
                "{} is not on the grid lattice of {}: its corner ({:.6f}, {:.6f}) lies {:.3f} columns and {:.3f} "
                "rows from it, not a whole number of cells; tiles must share one grid: warp it with -tap or "
                "-te on the others' grid first".format(path, ref_path, gx, gy, round(col, 3) + 0.0,
                                                       round(row, 3) + 0.0))
        offsets.append((int(round(col)), int(round(row))))
    offsets_arr = np.array(offsets, dtype=np.int64).reshape(-1, 2)
    sizes = np.array([(g.width, g.height) for g in grids], dtype=np.int64).reshape(-1, 2)
    first = offsets_arr.min(axis=0)
    end = (offsets_arr + sizes).max(axis=0)
    width, height = (int(v) for v in end - first)
    union = Grid(width, height, (x0 + first[0] * dx, dx, 0.0, y0 + first[1] * dy, 0.0, dy), reference.crs_wkt)
    placements = [Placement(i, int(c - first[0]), int(r - first[1]), int(w), int(h))
                  for i, ((c, r), (w, h)) in enumerate(zip(offsets_arr, sizes))]
    _check_no_overlap(dates, placements, paths)
    by_date: Dict[dt.date, List[Placement]] = {}
    for day, placement in zip(dates, placements):
        by_date.setdefault(day, []).append(placement)
    return TileLayout(union, [by_date[day] for day in sorted(by_date)])


def _check_no_overlap(dates: Sequence[dt.date], placements: Sequence[Placement], paths: Sequence[str]) -> None:
    """Refuse two files of one date at the same place, and tiles (of any dates) overlapping each other."""
    seen: Dict[Tuple[dt.date, int, int, int, int], int] = {}
    boxes: Dict[Tuple[int, int, int, int], int] = {}
    for day, p in zip(dates, placements):
        key = (p.col, p.row, p.width, p.height)
        if (day,) + key in seen:
            raise CryoInputError(
                "{} and {} carry the same date {} and cover the same cells; remove one of them (tiles of one date "
                "are mosaicked only when they lie side by side)".format(paths[seen[(day,) + key]],
                                                                        paths[p.source], day))
        seen[(day,) + key] = p.source
        boxes.setdefault(key, p.source)
    keys = np.array(list(boxes), dtype=np.int64).reshape(-1, 4)
    c0, r0 = keys[:, 0], keys[:, 1]
    c1, r1 = c0 + keys[:, 2], r0 + keys[:, 3]
    overlap = ((c0[:, None] < c1[None, :]) & (c0[None, :] < c1[:, None])
               & (r0[:, None] < r1[None, :]) & (r0[None, :] < r1[:, None]))
    np.fill_diagonal(overlap, False)
    if overlap.any():
        i, j = (int(v) for v in np.argwhere(overlap)[0])
        sources = list(boxes.values())
        raise CryoInputError(
            "{} and {} overlap on the common grid (columns {}-{} and {}-{}, rows {}-{} and {}-{}); the tiles of a "
            "folder must lie side by side without overlapping: remove or crop one of them".format(
                paths[sources[i]], paths[sources[j]], c0[i], c1[i] - 1, c0[j], c1[j] - 1, r0[i], r1[i] - 1,
                r0[j], r1[j] - 1))
