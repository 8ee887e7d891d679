"""Gridded elevation-change rate from repeat altimetry points of two epochs (e.g. ICESat, ICESat-2 tracks).

Each cell of a regular grid in a projected CRS takes

    rate = (median of the epoch-2 elevations in the cell − median of the epoch-1 elevations in the cell) / years

for cells with points of both epochs, the cell-median approach of gridded ICESat elevation-change products
(e.g. Sørensen et al. 2011, *The Cryosphere* 5, 173-186, on 500 m cells over Greenland; Kääb et al. 2012,
*Nature* 488, 495-498). With ``outlier_nmad`` k > 0, points farther than k NMAD from the median of their cell
and epoch are dropped first (cells with at least three points), which removes cloud returns and other
blunders. The grid is aligned on multiples of the cell size and covers the points of both epochs.

Fill values (−9999, 3.4e38, ...) and elevations outside the Earth's range are missing points
(:func:`.plausible.drop_fill_elevations`). ``years`` is given, or is the difference of the epochs' mean
acquisition dates when the points carry them (:func:`years_between`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Optional, Tuple

import numpy as np
from osgeo import osr

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.grid import Grid, spatial_reference
from ..run import Run
from .plausible import MAX_MEAN_RATE, drop_fill_elevations
from ..stats.robust import group_medians, group_outliers
from ..style import diverging_qml

NODATA = -9999.0
DAYS_PER_YEAR = 365.25
BANDS = ["elevation_change_rate_m_per_yr", "point_count"]


@dataclass(frozen=True)
class Points:
    """Point coordinates in ``crs_wkt``, their elevations (m) and optionally their acquisition dates (``days``:
    days since any fixed origin, the same for both epochs; NaN where unknown)."""

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    crs_wkt: str
    days: Optional[np.ndarray] = None


@dataclass
class RateGrid:
    grid: Grid
    rate: np.ndarray   # m per year, NaN where a cell lacks either epoch
    count: np.ndarray  # points of both epochs used in the cell
    years: Optional[float] = None  # the time between the epochs the rates are per

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


def years_between(epoch1: Points, epoch2: Points) -> float:
    """Years from the mean date of ``epoch1``'s points to that of ``epoch2``'s (points with an elevation and a
    date), with years of 365.25 days."""
    means = []
    for name, points in (("EPOCH1", epoch1), ("EPOCH2", epoch2)):
        dated = np.isfinite(points.z)
        if points.days is not None:
            dated &= np.isfinite(points.days)
        if points.days is None or not dated.any():
            raise CryoInputError("{} has no point with both an elevation and a date: give YEARS (the time between "
                                 "the epochs, in years) or a date field".format(name))
        means.append(float(np.mean(points.days[dated])))
    years = (means[1] - means[0]) / DAYS_PER_YEAR
    if years <= 0:
        raise CryoInputError("The mean date of EPOCH2 is not after that of EPOCH1 ({:+.3f} years): EPOCH1 must be the "
                             "earlier epoch".format(years))
    return years


def altimetry_rate(epoch1: Points, epoch2: Points, cell_size: float, crs_wkt: str, years: Optional[float],
                   outlier_nmad: float = 3.0, run: Run = Run()) -> RateGrid:
    """Rate of elevation change per cell (module docstring); ``years`` None: from the points' dates."""
    if not spatial_reference(crs_wkt).IsProjected():
        raise CryoInputError("The output CRS must be projected (cells in metres), e.g. EPSG:3413 for Greenland or "
                             "the local UTM zone")
    if cell_size <= 0:
        raise CryoInputError("CELL_SIZE must be positive (got {})".format(cell_size))
    if years is not None and not years > 0:
        raise CryoInputError("YEARS must be positive (got {}): give the time between the epochs in years, or leave "
                             "it empty to compute it from a date field".format(years))
    epoch1 = replace(epoch1, z=drop_fill_elevations(epoch1.z, "EPOCH1", run))
    epoch2 = replace(epoch2, z=drop_fill_elevations(epoch2.z, "EPOCH2", run))
    for name, points in (("EPOCH1", epoch1), ("EPOCH2", epoch2)):
        if not np.isfinite(points.z).any():
            raise CryoInputError("{} has no point with an elevation".format(name))
    if years is None:
        years = years_between(epoch1, epoch2)
        run.info("Years between the epochs' mean dates: {:.3f}".format(years))
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
    result = RateGrid(grid, rate.reshape(height, width), count.reshape(height, width), years)
    if abs(result.mean_rate) > MAX_MEAN_RATE:
        run.warning("The mean elevation change is {:+.2f} m/yr over {:g} years: beyond ±{:g} m/yr, more than glaciers "
                    "and ice sheets change on average; check YEARS (or the dates) and that both epochs are in metres "
                    "in the same vertical datum".format(result.mean_rate, years, MAX_MEAN_RATE))
    return result


def write_rate(path: str, result: RateGrid, years: float) -> None:
    """Two-band float32 GeoTIFF (rate m/yr, point count), styled diverging around 0."""
    finite = np.isfinite(result.rate)
    limit = float(np.percentile(np.abs(result.rate[finite]), 98)) if finite.any() else 1.0
    with GeoTiffWriter(path, result.grid, BANDS, np.float32, nodata=NODATA, metadata={
            "UNITS": "m/yr", "YEARS": repr(years)}, style_qml=diverging_qml(round(limit, 2) or 1.0),
            units=["m/yr", ""]) as out:
        out.write(0, np.stack([np.where(finite, result.rate, NODATA),
                               np.where(finite, result.count, NODATA).astype(np.float32)]))
