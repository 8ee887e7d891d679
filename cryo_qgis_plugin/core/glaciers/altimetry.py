"""Gridded elevation-change rate from repeat altimetry points of two epochs (e.g. ICESat, ICESat-2 tracks).

Each cell of a regular grid in a projected CRS takes

    rate = (median of the epoch-2 elevations in the cell − median of the epoch-1 elevations in the cell) / years

for cells with points of both epochs, the cell-median approach of gridded ICESat elevation-change products
(e.g. Sørensen et al. 2011, *The Cryosphere* 5, 173-186, on 500 m cells over Greenland; Kääb et al. 2012,
*Nature* 488, 495-498). With ``outlier_nmad`` k > 0, points farther than k NMAD from the median of their cell
and epoch are dropped first (cells with at least three points), which removes cloud returns and other
blunders. The grid is aligned on multiples of the cell size and covers the points of both epochs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np
from osgeo import osr

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.grid import Grid, spatial_reference
from ..stats.robust import group_medians, group_outliers
from ..style import diverging_qml

NODATA = -9999.0
BANDS = ["elevation_change_rate_m_per_yr", "point_count"]


@dataclass(frozen=True)
class Points:
    """Point coordinates in ``crs_wkt`` and their elevations (m)."""

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    crs_wkt: str


@dataclass
class RateGrid:
    grid: Grid
    rate: np.ndarray   # m per year, NaN where a cell lacks either epoch
    count: np.ndarray  # points of both epochs used in the cell

    @property
    def cells(self) -> int:
        return int(np.count_nonzero(np.isfinite(self.rate)))

    @property
    def mean_rate(self) -> Optional[float]:
        return float(np.nanmean(self.rate)) if self.cells else None


def project(points: Points, crs_wkt: str) -> Tuple[np.ndarray, np.ndarray]:
    """The points' x, y in ``crs_wkt`` (vectorised)."""
    source, target = spatial_reference(points.crs_wkt), spatial_reference(crs_wkt)
    if source.IsSame(target) or points.x.size == 0:
        return points.x.astype(np.float64), points.y.astype(np.float64)
    transformed = np.array(osr.CoordinateTransformation(source, target).TransformPoints(
        np.column_stack([points.x, points.y]).astype(np.float64)))
    return transformed[:, 0], transformed[:, 1]


def _cell_medians(cell: np.ndarray, z: np.ndarray, outlier_nmad: float) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    keep = np.isfinite(z)
    cell, z = cell[keep], z[keep]
    if outlier_nmad > 0 and z.size:
        inliers = ~group_outliers(cell, z, outlier_nmad, min_count=3)
        cell, z = cell[inliers], z[inliers]
    return group_medians(cell, z)


def altimetry_rate(epoch1: Points, epoch2: Points, cell_size: float, crs_wkt: str, years: float,
                   outlier_nmad: float = 3.0) -> RateGrid:
    """Rate of elevation change per cell (module docstring)."""
    if not spatial_reference(crs_wkt).IsProjected():
        raise CryoInputError("The output CRS must be projected (cells in metres), e.g. EPSG:3413 for Greenland or "
                             "the local UTM zone")
    if cell_size <= 0 or years <= 0:
        raise CryoInputError("CELL_SIZE and YEARS must be positive (got {} and {})".format(cell_size, years))
    for name, points in (("EPOCH1", epoch1), ("EPOCH2", epoch2)):
        if not np.isfinite(points.z).any():
            raise CryoInputError("{} has no point with an elevation".format(name))
    x1, y1 = project(epoch1, crs_wkt)
    x2, y2 = project(epoch2, crs_wkt)
    xs, ys = np.r_[x1, x2], np.r_[y1, y2]
    finite = np.isfinite(xs) & np.isfinite(ys)
    xmin = math.floor(xs[finite].min() / cell_size) * cell_size
    ymax = math.ceil(ys[finite].max() / cell_size) * cell_size
    width = int(math.floor((xs[finite].max() - xmin) / cell_size)) + 1
    height = int(math.floor((ymax - ys[finite].min()) / cell_size)) + 1
    grid = Grid(width, height, (xmin, cell_size, 0.0, ymax, 0.0, -cell_size), spatial_reference(crs_wkt).ExportToWkt())

    def cells_of(x, y):
        col = np.floor((x - xmin) / cell_size)
        row = np.floor((ymax - y) / cell_size)
        return np.where(np.isfinite(col) & np.isfinite(row), row * width + col, -1).astype(np.int64)

    ids1, median1, count1 = _cell_medians(cells_of(x1, y1), epoch1.z.astype(np.float64), outlier_nmad)
    ids2, median2, count2 = _cell_medians(cells_of(x2, y2), epoch2.z.astype(np.float64), outlier_nmad)
    common, at1, at2 = np.intersect1d(ids1, ids2, assume_unique=True, return_indices=True)
    at1, at2 = at1[common >= 0], at2[common >= 0]
    common = common[common >= 0]
    if not common.size:
        raise CryoInputError("No cell of {} m has points of both epochs: the epochs do not overlap, or the cells are "
                             "too small for the track spacing (try a larger CELL_SIZE)".format(cell_size))
    rate = np.full(width * height, np.nan, dtype=np.float32)
    count = np.zeros(width * height, dtype=np.int32)
    rate[common] = (median2[at2] - median1[at1]) / years
    count[common] = count1[at1] + count2[at2]
    return RateGrid(grid, rate.reshape(height, width), count.reshape(height, width))


def write_rate(path: str, result: RateGrid, years: float) -> None:
    """Two-band float32 GeoTIFF (rate m/yr, point count), styled diverging around 0."""
    finite = np.isfinite(result.rate)
    limit = float(np.percentile(np.abs(result.rate[finite]), 98)) if finite.any() else 1.0
    with GeoTiffWriter(path, result.grid, BANDS, np.float32, nodata=NODATA, metadata={
            "UNITS": "m/yr", "YEARS": repr(years)}, style_qml=diverging_qml(round(limit, 2) or 1.0)) as out:
        out.write(0, np.stack([np.where(finite, result.rate, NODATA),
                               np.where(finite, result.count, NODATA).astype(np.float32)]))
