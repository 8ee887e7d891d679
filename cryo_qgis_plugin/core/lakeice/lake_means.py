"""Daily lake means from a stack and lake polygons: lake-ice values for the phenology (:func:`zonal_series`,
:mod:`.freeze_events`) and air temperature for the ice-thickness model (:func:`zonal_temperature`,
:mod:`.ice_thickness`).

A lake's value on a day is the mean of the cells whose centre lies inside its polygon, a day kept when at least
:data:`MIN_COVERAGE` of those cells have a value. Lake-ice values: each polygon is first shrunk by a shore buffer
(mixed land/water cells left out, as in Šmejkalová et al. 2016) and a lake that covers no cell centre is left out.
Air temperature: a lake that covers no cell centre (smaller than a cell, or thin) takes the one cell that contains
its centroid (on a cell edge: the cell east or south of it). A cell may serve several lakes.

The stack is read over the rows the lakes span only, in blocks of dates sized to the run's memory budget
(:func:`..run.blocks`); each block is reduced to the lakes' cells in one vectorised step (no loop over lakes or
days), so memory depends on the budget, not on the record length."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, List, Sequence, Tuple

import numpy as np
from osgeo import ogr, osr

from ..errors import CryoInputError
from ..io.crs_checks import geometries_in_crs
from ..io.grid import Grid, spatial_reference
from ..io.rasterize import Polygons, polygon_labels
from ..io.stack import Stack
from ..io.temperature import Packing, check_plausible_celsius
from ..run import Run, blocks
from .freeze_events import VALUE_RANGES, Series

MIN_COVERAGE = 0.5  # share of a lake's cells that must have a value on a day for the lake mean to count

Convert = Callable[[np.ndarray], Tuple[np.ndarray, np.ndarray]]  # stored values -> (float64 values, valid mask)


def shrink(polygons: Polygons, metres: float) -> List[bytes]:
    """Each polygon shrunk by ``metres`` (a negative buffer in a local azimuthal equidistant projection, so
    any CRS works); polygons that vanish become empty geometries."""
    if metres <= 0:
        return list(polygons.wkb)
    source = spatial_reference(polygons.crs_wkt)
    wgs84 = spatial_reference(osr.SRS_WKT_WGS84_LAT_LONG)
    to_lonlat = osr.CoordinateTransformation(source, wgs84)
    out = []
    for wkb in polygons.wkb:
        geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
        centre = geometry.Centroid()
        centre.Transform(to_lonlat)
        local = spatial_reference("+proj=aeqd +lat_0={} +lon_0={} +datum=WGS84 +units=m".format(
            centre.GetY(), centre.GetX()))
        geometry.Transform(osr.CoordinateTransformation(source, local))
        geometry = geometry.Buffer(-metres)
        geometry.Transform(osr.CoordinateTransformation(local, source))
        out.append(bytes(geometry.ExportToWkb()))
    return out


@dataclass(frozen=True)
class LakeCells:
    """The cells each lake averages: ``cells`` are flat indices into rows ``rows[0]:rows[1]`` of the grid,
    grouped by lake (``sizes[k]`` cells for ``ids[k]``, in the order of the polygons)."""

    ids: List[str]
    rows: Tuple[int, int]
    cells: np.ndarray
    sizes: np.ndarray

    @property
    def starts(self) -> np.ndarray:
        return np.r_[0, np.cumsum(self.sizes)[:-1]]


def lake_cells(grid: Grid, polygons: Polygons, lake_ids: Sequence[str], shore_buffer: float = 0.0,
               centroid: bool = False, name: str = "the stack", run: Run = Run()) -> LakeCells:
    """The cells whose centre lies in each polygon (shrunk by ``shore_buffer`` m; where polygons overlap, the
    later one has the cell); with ``centroid``, a lake that has none takes the cell containing its centroid.
    Lakes left without a cell are reported (``run.warning``) and left out; none left is an error."""
    ids = [str(i) for i in lake_ids]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise CryoInputError("The lake id(s) {} name several polygons; give each lake one id (or dissolve the "
                             "polygons by lake first)".format(", ".join(repeated[:5])))
    flat = polygon_labels(grid, shrink(polygons, shore_buffer), polygons.crs_wkt).ravel()
    inside = np.flatnonzero(flat)
    inside = inside[np.argsort(flat[inside], kind="stable")]
    counts = np.bincount(flat[inside], minlength=len(ids) + 1)[1:]
    groups = np.split(inside, np.cumsum(counts)[:-1])
    small = [i for i in range(len(ids)) if counts[i] == 0]
    if centroid and small:
        centred = []
        for i, cell in zip(small, _centroid_cells(grid, polygons, small)):
            if cell >= 0:
                groups[i] = np.array([cell])
                centred.append(ids[i])
        if centred:
            run.info("{} lake(s) cover no cell centre of {} and take the cell under their centroid: {}".format(
                len(centred), name, ", ".join(centred[:10]) + (" ..." if len(centred) > 10 else "")))
    missing = [ids[i] for i in range(len(ids)) if groups[i].size == 0]
    if missing:
        run.warning("{} lake(s) cover no cell {}of {}{} and are left out: {}".format(
            len(missing), "and have no centroid on any cell " if centroid else "centre ", name,
            " after the shore buffer" if shore_buffer > 0 else "", ", ".join(missing[:10])))
    keep = [i for i in range(len(ids)) if groups[i].size]
    if not keep:
        where = "{} (extent {})".format(name, tuple(round(v, 6) for v in grid.extent))
        shifted = " (a stack on longitudes 0..360° must be shifted to −180..180° first)" \
            if grid.is_geographic and grid.extent[2] > 180.5 else ""
        if centroid:
            raise CryoInputError("No lake polygon covers a cell or has its centroid on a cell of {}: check the CRS "
                                 "and extent of the lakes{}".format(where, shifted))
        raise CryoInputError("No lake polygon covers a cell centre of {}: check the CRS and extent of the lakes{}, "
                             "or use a smaller SHORE_BUFFER".format(where, shifted))
    chosen = np.concatenate([groups[i] for i in keep])
    r0, r1 = int(chosen.min() // grid.width), int(chosen.max() // grid.width) + 1
    return LakeCells([ids[i] for i in keep], (r0, r1), chosen - r0 * grid.width,
                     np.array([groups[i].size for i in keep]))


def _centroid_cells(grid: Grid, polygons: Polygons, indices: Sequence[int]) -> List[int]:
    """The flat index of the cell containing the centroid of each polygon of ``indices`` (−1: off the grid)."""
    geometries = geometries_in_crs(polygons.wkb, polygons.crs_wkt, grid.crs_wkt, "LAKES")
    x0, dx, _, y0, _, dy = grid.geotransform
    out = []
    for i in indices:
        centre = geometries[i].Centroid()
        column, row = int(np.floor((centre.GetX() - x0) / dx)), int(np.floor((centre.GetY() - y0) / dy))
        out.append(row * grid.width + column if 0 <= column < grid.width and 0 <= row < grid.height else -1)
    return out


def daily_means(stack: Stack, cells: LakeCells, convert: Convert, run: Run = Run()) -> np.ndarray:
    """``values[lake, day]`` (day 0 = the stack's first date; NaN where under :data:`MIN_COVERAGE` of the lake's
    cells have a value): the mean of each lake's cells, ``convert`` turning stored values into float64 values and
    their valid mask, block by block."""
    r0, r1 = cells.rows
    first = stack.dates[0]
    day_index = np.array([(d - first).days for d in stack.dates])
    values = np.full((len(cells.ids), int(day_index[-1]) + 1), np.nan)
    starts = cells.starts
    per_date = (r1 - r0) * stack.grid.width * stack.dtype.itemsize + cells.cells.size * 8 * 3
    n = len(stack.dates)
    for t0, t1 in blocks(n, per_date, run.budget_bytes, align=max(1, stack.time_chunk)):
        run.report(t0 / n)
        data, ok = convert(stack.read(slice(r0, r1), slice(t0, t1)).reshape(t1 - t0, -1)[:, cells.cells])
        sums = np.add.reduceat(np.where(ok, data, 0.0), starts, axis=1)
        counts = np.add.reduceat(ok, starts, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(counts >= MIN_COVERAGE * cells.sizes, sums / counts, np.nan)
        values[:, day_index[t0:t1]] = mean.T
    return values


def zonal_series(stack: Stack, polygons: Polygons, lake_ids: Sequence[str], value_type: str,
                 shore_buffer: float = 0.0, run: Run = Run()) -> Series:
    """Daily mean lake-ice value of the stack's cells inside each lake polygon (shrunk by ``shore_buffer`` m);
    lake means outside the range of ``value_type`` are refused."""
    cells = lake_cells(stack.grid, polygons, lake_ids, shore_buffer, run=run)

    def stored(data: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        data = data.astype(np.float64)
        ok = np.isfinite(data)
        if stack.nodata is not None:
            ok &= data != stack.nodata
        return data, ok

    values = daily_means(stack, cells, stored, run)
    low, high = VALUE_RANGES[value_type]
    outside = np.argwhere(np.isfinite(values) & ((values < low) | (values > high)))
    if outside.size:
        lake, d = outside[0]
        raise CryoInputError("Lake {} on {}: the mean value {:.3f} is outside {}..{} expected for VALUE_TYPE {}; "
                             "check VALUE_TYPE and the stack's scale".format(
                                 cells.ids[lake], stack.dates[0] + dt.timedelta(days=int(d)), values[lake, d], low,
                                 high, value_type))
    return Series(cells.ids, stack.dates[0], values)


def zonal_temperature(stack: Stack, polygons: Polygons, lake_ids: Sequence[str], packing: Packing = Packing(),
                      name: str = "TEMPERATURE_STACK", run: Run = Run()) -> Series:
    """Daily mean air temperature (°C) of each lake: the mean of the cells whose centre lies inside its polygon,
    or the cell under its centroid for a lake that covers no cell centre. Stored values become °C by ``packing``
    (in float64); each block's cells outside −100..100 °C are refused with the likely cause (UNITS, SCALE); a
    stack whose dates are more than a day apart (median) is refused as not daily."""
    ordinals = np.array([d.toordinal() for d in stack.dates])
    spacing = float(np.median(np.diff(ordinals))) if ordinals.size > 1 else 1.0
    if spacing > 1:
        raise CryoInputError("{} holds one grid every {:g} days (median spacing of its {} dates): the ice model "
                             "needs daily mean temperatures; give a daily stack".format(
                                 name, spacing, ordinals.size))
    cells = lake_cells(stack.grid, polygons, lake_ids, centroid=True, name=name, run=run)
    nodata = stack.nodata

    def celsius(data: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        values = data.astype(np.float64) * packing.scale + packing.celsius_offset
        missing = ~np.isfinite(values)
        if nodata is not None and np.isfinite(nodata):
            missing |= data == nodata
        check_plausible_celsius(values, missing, name, packing)
        return values, ~missing

    return Series(cells.ids, stack.dates[0], daily_means(stack, cells, celsius, run))
