"""A DEM aligned to reference points alone (no reference DEM): ``cryo:demdifference`` with REFERENCE_POINTS or
REFERENCE_FILES and no REFERENCE.

The DEM is read on its own grid (a geographic DEM is warped to the UTM zone of its centre first, as a reference DEM
is in :mod:`.elevation_change`), the points are reprojected to that grid's CRS, stable terrain is every cell
outside the glacier and unstable polygons, and :mod:`.point_coregistration` gives the shift and the residuals
``point − aligned DEM`` at every point on the DEM. The aligned DEM (the DEM translated by the shift, bilinear) is
written on the DEM's grid when asked for.

Vertical datum: ICESat/ICESat-2 heights are above the WGS 84 ellipsoid, most DEMs are above a geoid. The points'
heights must be brought to the DEM's datum before (a constant geoid height ``N`` subtracted by the caller); a
constant offset left over is absorbed by the vertical shift, which is right only where the geoid varies less over
the points than the accuracy needed (a few km; it varies by up to decimetres per 10 km in mountains).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

from ..io.geotiff import GeoTiffWriter
from ..io.grid import Grid
from ..io.rasterize import Polygons
from ..run import Run
from . import coregistration
from .altimetry import Points, project
from .elevation_change import APPLY_ROWS, NODATA, _labels, working_reference
from .point_coregistration import PointCoregistration, coregister_to_points


@dataclass
class PointAlignment:
    grid: Grid  # the DEM's working grid; the points' x, y are in its CRS
    points: PointCoregistration


def align_to_points(dem_path: str, reference_points: Points, glaciers: Optional[Polygons] = None,
                    unstable: Optional[Polygons] = None, method: str = "nuth_kaab", max_iterations: int = 10,
                    outlier_nmad: float = 3.0, aligned_path: Optional[str] = None,
                    run: Run = Run()) -> PointAlignment:
    """Co-register the DEM ``dem_path`` to ``reference_points`` (module docstring) and write the aligned DEM to
    ``aligned_path`` (Float32 GeoTIFF, nodata :data:`.elevation_change.NODATA`) when given."""
    grid, dem = working_reference(dem_path, run, "DEM")
    run.report(0.1)
    terrain = None
    for polygons, role in ((glaciers, "glacier"), (unstable, "unstable")):
        labels = _labels(grid, polygons, role)
        if labels is not None:
            terrain = (labels == 0) if terrain is None else terrain & (labels == 0)
    x, y = project(reference_points, grid.crs_wkt)
    points = coregister_to_points(dem, grid.geotransform, x, y, reference_points.z, terrain, method, max_iterations,
                                  outlier_nmad, run.part(0.1, 0.8))
    run.report(0.8)
    if aligned_path:
        shift = points.coregistration.shift
        pixel = (abs(grid.geotransform[1]), abs(grid.geotransform[5]))
        with GeoTiffWriter(aligned_path, grid, ["aligned_elevation_m"], np.float32, nodata=NODATA,
                           metadata={"SHIFT_X": repr(shift.x), "SHIFT_Y": repr(shift.y), "SHIFT_Z": repr(shift.z),
                                     "REFERENCE": "points"}, units="m") as out:
            for r0 in range(0, grid.height, APPLY_ROWS):
                run.check()
                shifted = coregistration.shifted_rows(dem, shift, pixel, r0, min(r0 + APPLY_ROWS, grid.height))
                out.write(r0, np.where(np.isfinite(shifted), shifted, NODATA))
    run.report(1.0)
    return PointAlignment(grid, points)
