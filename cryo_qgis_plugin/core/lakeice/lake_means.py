"""Daily lake means from a stack and lake polygons, the input of the phenology (:mod:`.freeze_events`): each
polygon shrunk by a shore buffer (mixed land/water cells left out, as in Šmejkalová et al. 2016), the cells whose
centre lies inside, a day kept when at least :data:`MIN_COVERAGE` of them have a value, streamed by date."""
from __future__ import annotations

import datetime as dt
from typing import List, Sequence

import numpy as np
from osgeo import ogr, osr

from ..errors import CryoInputError
from ..io.grid import spatial_reference
from ..io.rasterize import Polygons, polygon_labels
from ..io.stack import Stack
from ..run import Run
from .freeze_events import VALUE_RANGES, Series

MIN_COVERAGE = 0.5  # share of a lake's cells that must have a value on a day for the lake mean to count


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


def zonal_series(stack: Stack, polygons: Polygons, lake_ids: Sequence[str], value_type: str,
                 shore_buffer: float = 0.0, run: Run = Run()) -> Series:
    """Daily mean of the stack's cells inside each lake polygon (shrunk by ``shore_buffer`` m), streamed
    over the dates; a day counts when at least half of the lake's cells have a value."""
    ids = [str(i) for i in lake_ids]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise CryoInputError("The lake id(s) {} name several polygons; give each lake one id (or dissolve the "
                             "polygons by lake first)".format(", ".join(repeated[:5])))
    labels = polygon_labels(stack.grid, shrink(polygons, shore_buffer), polygons.crs_wkt)
    present, sizes = np.unique(labels[labels > 0], return_counts=True)
    missing = [ids[i] for i in range(len(ids)) if i + 1 not in set(present.tolist())]
    if missing:
        run.warning("{} lake(s) cover no cell centre of the stack{} and are left out: {}".format(
            len(missing), " after the shore buffer" if shore_buffer > 0 else "", ", ".join(missing[:10])))
    if not present.size:
        raise CryoInputError("No lake polygon covers a cell centre of the stack: check the CRS and extent of the "
                             "lakes, or use a smaller SHORE_BUFFER")
    rows = np.flatnonzero(labels.any(axis=1))
    r0, r1 = int(rows[0]), int(rows[-1]) + 1
    flat = labels[r0:r1].ravel()
    cells = np.flatnonzero(flat)
    cells = cells[np.argsort(flat[cells], kind="stable")]
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    first = stack.dates[0]
    day_index = np.array([(d - first).days for d in stack.dates])
    values = np.full((present.size, int(day_index[-1]) + 1), np.nan)
    step = max(stack.time_chunk, 32)
    for t0 in range(0, len(stack.dates), step):
        run.report(t0 / len(stack.dates))
        times = range(t0, min(t0 + step, len(stack.dates)))
        block = stack.read(slice(r0, r1), times).reshape(len(times), -1)[:, cells].astype(np.float64)
        ok = np.isfinite(block)
        if stack.nodata is not None:
            ok &= block != stack.nodata
        sums = np.add.reduceat(np.where(ok, block, 0.0), starts, axis=1)
        counts = np.add.reduceat(ok, starts, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(counts >= MIN_COVERAGE * sizes, sums / counts, np.nan)
        values[:, day_index[times.start:times.stop]] = mean.T
    low, high = VALUE_RANGES[value_type]
    outside = np.argwhere(np.isfinite(values) & ((values < low) | (values > high)))
    if outside.size:
        lake, d = outside[0]
        raise CryoInputError("Lake {} on {}: the mean value {:.3f} is outside {}..{} expected for VALUE_TYPE {}; "
                             "check VALUE_TYPE and the stack's scale".format(
                                 ids[present[lake] - 1], first + dt.timedelta(days=int(d)), values[lake, d], low,
                                 high, value_type))
    return Series([ids[i - 1] for i in present], first, values)
