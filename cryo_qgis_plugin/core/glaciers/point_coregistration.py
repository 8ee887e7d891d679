"""Nuth & Kääb (2011) co-registration of a DEM grid to reference points (ICESat-2 ATL06, ICESat, lidar, GNSS).

The points ``(x_i, y_i, h_i)`` are in the DEM grid's CRS. With the shift ``s`` applied to the DEM (x east, y north,
z up, as in :mod:`.coregistration`), the residual of a point is

    dh_i = h_i − DEM(x_i − s_x, y_i − s_y)      (bilinear interpolation of the DEM at the point),

and, as on grids, ``dh / tan α = a · cos(b − ψ) + c`` with the slope ``α`` and aspect ``ψ`` of the DEM at the
same (shifted) position, from central differences of the bilinearly interpolated DEM one cell either side of the
point. Each iteration removes the median dh, leaves out points farther than ``outlier_nmad`` NMAD from it and
near-flat points (slope under :data:`.coregistration.MIN_SLOPE_DEGREES`), fits the cosine to the median ratio in
5° aspect bins (at least :data:`MIN_PER_BIN` points each: tracks hold far fewer samples than a grid) and adds
the fitted step to the shift, until the step is below :data:`.coregistration.TOLERANCE_PIXELS` of a cell or
``max_iterations`` is reached. The vertical shift is then the median of the stable points' residuals after the last
horizontal step, outliers (``outlier_nmad``) left out.

Points outside the DEM, or where the DEM (or one of the four cells around the point) is void, are dropped and
counted. Stable points are those on cells outside the glacier and unstable polygons (``stable`` grid, nearest
cell). Everything is vectorised over the points; the DEM grid is only read at the points.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from ..errors import CryoInputError
from ..run import Run
from ..stats.robust import median, nmad
from .coregistration import (ASPECT_BINS, MIN_SLOPE_DEGREES, TOLERANCE_PIXELS, Coregistration, Shift, aspect_bins,
                             bilinear_at, fit_aspect_cosine)

MIN_POINTS = 100  # stable points on the DEM needed for any co-registration
MIN_PER_BIN = 5   # points per 5° aspect bin for its median to enter the cosine fit


@dataclass
class PointCoregistration:
    """The shift, and per point kept (on a valid DEM cell): coordinates in the grid CRS, reference height, the
    residuals ``h − DEM`` before and ``h − aligned DEM`` after co-registration, whether the point is on stable
    terrain and whether it is one of the stable inliers the vertical shift is the median of."""

    coregistration: Coregistration
    x: np.ndarray
    y: np.ndarray
    h: np.ndarray
    before: np.ndarray
    after: np.ndarray
    stable: np.ndarray
    used: np.ndarray
    outside: int = 0  # points outside the DEM grid
    void: int = 0     # points on the grid where the DEM is void
    median_before: float = float("nan")
    nmad_before: float = float("nan")
    median_after: float = float("nan")
    nmad_after: float = float("nan")

    @property
    def n_points(self) -> int:
        """Stable points the vertical shift (and the statistics after) are computed from."""
        return int(np.count_nonzero(self.used))


def grid_position(geotransform, x: np.ndarray, y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Fractional (row, col) of map coordinates on a north-up grid, cell centres at integers."""
    x0, dx, _, y0, _, dy = geotransform
    return (y - y0) / dy - 0.5, (x - x0) / dx - 0.5


def _slope_aspect(dem: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                  pixel: Tuple[float, float]) -> Tuple[np.ndarray, np.ndarray]:
    """tan(slope) and aspect (downslope azimuth, radians clockwise from north) of ``dem`` at the positions."""
    east = (bilinear_at(dem, rows, cols + 1) - bilinear_at(dem, rows, cols - 1)) / (2 * pixel[0])
    north = (bilinear_at(dem, rows - 1, cols) - bilinear_at(dem, rows + 1, cols)) / (2 * pixel[1])
    return np.hypot(east, north), np.arctan2(-east, -north)


def _inliers(dh: np.ndarray, outlier_nmad: float) -> Tuple[float, np.ndarray]:
    """Median of the finite ``dh`` and the mask of finite values within ``outlier_nmad`` NMAD of it."""
    finite = np.isfinite(dh)
    centre = median(dh[finite])
    if outlier_nmad <= 0:
        return centre, finite
    spread = nmad(dh[finite], centre)
    with np.errstate(invalid="ignore"):
        return centre, finite & (np.abs(dh - centre) <= outlier_nmad * spread)


def coregister_to_points(dem: np.ndarray, geotransform, x: np.ndarray, y: np.ndarray, h: np.ndarray,
                         stable: Optional[np.ndarray] = None, method: str = "nuth_kaab", max_iterations: int = 10,
                         outlier_nmad: float = 3.0, run: Run = Run()) -> PointCoregistration:
    """Shift that aligns ``dem`` (NaN = void, on the grid ``geotransform``) onto the points ``x, y, h`` (module
    docstring). ``stable`` is a boolean grid of stable cells (None: all); ``method`` is ``nuth_kaab``,
    ``vertical`` (only the median residual) or ``none``."""
    pixel = (abs(geotransform[1]), abs(geotransform[5]))
    rows, cols = grid_position(geotransform, np.asarray(x, np.float64), np.asarray(y, np.float64))
    h = np.asarray(h, np.float64)
    on_grid = (rows >= -0.5) & (cols >= -0.5) & (rows <= dem.shape[0] - 0.5) & (cols <= dem.shape[1] - 0.5)
    start = bilinear_at(dem, rows, cols)
    if not np.isfinite(h).any():
        raise CryoInputError("None of the {} reference points has a height (all NaN): give the elevation field, or "
                             "points with Z".format(h.size))
    kept = np.isfinite(start) & np.isfinite(h)
    outside, void = int(np.count_nonzero(~on_grid)), int(np.count_nonzero(on_grid & ~np.isfinite(start)))
    if not kept.any():
        raise CryoInputError(
            "None of the {} reference points lies on a valid cell of the DEM ({} outside its extent, {} on voids): "
            "check that the points and the DEM cover the same area and that the points' CRS is right".format(
                h.size, outside, void))
    rows, cols, h = rows[kept], cols[kept], h[kept]
    if stable is None:
        on_stable = np.ones(h.size, dtype=bool)
    else:
        near_r = np.clip(np.rint(rows).astype(np.int64), 0, dem.shape[0] - 1)
        near_c = np.clip(np.rint(cols).astype(np.int64), 0, dem.shape[1] - 1)
        on_stable = stable[near_r, near_c]
    fit = np.flatnonzero(on_stable)
    if fit.size < MIN_POINTS:
        raise CryoInputError(
            "Only {} reference points lie on valid stable terrain of the DEM ({} on it in all, {} outside its extent, "
            "{} on voids): at least {} are needed. Give more points (more tracks or granules), or check that the "
            "glacier and unstable polygons do not cover the points".format(
                fit.size, h.size, outside, void, MIN_POINTS))
    run.info("Reference points: {} on the DEM ({} on stable terrain), {} outside its extent, {} on voids and {} "
             "without a height dropped".format(h.size, fit.size, outside, void,
                                               int(np.count_nonzero(on_grid & np.isfinite(start) & ~kept))))
    before = h - start[kept]
    result = Coregistration(Shift(), samples=int(fit.size))
    shift = np.zeros(2)
    if method == "nuth_kaab":
        _iterate(dem, rows[fit], cols[fit], h[fit], pixel, shift, result, max_iterations, outlier_nmad, run)
    aligned = bilinear_at(dem, rows + shift[1] / pixel[1], cols - shift[0] / pixel[0])
    after = h - aligned
    vertical, used = _inliers(np.where(on_stable, after, np.nan), outlier_nmad)
    if method == "none":
        vertical = 0.0
    elif not np.isfinite(vertical):
        raise CryoInputError("The DEM shifted by ({:.1f}, {:.1f}) m has no value at the stable reference points: "
                             "check that the points and the DEM overlap".format(shift[0], shift[1]))
    after = after - vertical
    result.shift = Shift(float(shift[0]), float(shift[1]), float(vertical))
    stats_before = before[on_stable]
    out = PointCoregistration(result, x=np.asarray(x, np.float64)[kept], y=np.asarray(y, np.float64)[kept], h=h,
                              before=before, after=after, stable=on_stable, used=used, outside=outside, void=void,
                              median_before=median(stats_before), nmad_before=nmad(stats_before),
                              median_after=median(after[used]), nmad_after=nmad(after[used]))
    run.info("Shift to the points: x {:+.3f} m, y {:+.3f} m, z {:+.3f} m; stable point residuals median {:+.3f} → "
             "{:+.3f} m, NMAD {:.3f} → {:.3f} m ({} points)".format(
                 result.shift.x, result.shift.y, result.shift.z, out.median_before, out.median_after,
                 out.nmad_before, out.nmad_after, out.n_points))
    return out


def _iterate(dem: np.ndarray, rows: np.ndarray, cols: np.ndarray, h: np.ndarray, pixel: Tuple[float, float],
             shift: np.ndarray, result: Coregistration, max_iterations: int, outlier_nmad: float, run: Run) -> None:
    """The Nuth & Kääb iterations on the stable points (``shift`` updated in place, ``result`` filled)."""
    tolerance = TOLERANCE_PIXELS * min(pixel)
    min_tan = np.tan(np.radians(MIN_SLOPE_DEGREES))
    for iteration in range(1, max_iterations + 1):
        run.check()
        run.report((iteration - 1) / max_iterations)
        r, c = rows + shift[1] / pixel[1], cols - shift[0] / pixel[0]
        dh = h - bilinear_at(dem, r, c)
        tan_slope, aspect = _slope_aspect(dem, r, c, pixel)
        centre, usable = _inliers(dh, outlier_nmad)
        if np.count_nonzero(usable) < MIN_POINTS:
            raise CryoInputError("The DEM shifted by ({:.1f}, {:.1f}) m has values at only {} stable reference "
                                 "points: check that the points and the DEM overlap".format(
                                     shift[0], shift[1], np.count_nonzero(usable)))
        with np.errstate(invalid="ignore"):
            usable &= np.isfinite(tan_slope) & (tan_slope >= min_tan)
        ratio = np.where(usable, (dh - centre) / np.where(usable, tan_slope, 1.0), np.nan)
        bins = np.where(usable, aspect_bins(np.nan_to_num(aspect)), ASPECT_BINS)
        order = np.argsort(bins, kind="stable")
        starts = np.searchsorted(bins[order], np.arange(ASPECT_BINS + 1))
        east, north, result.sigma_x, result.sigma_y = fit_aspect_cosine(
            ratio[order], starts, MIN_PER_BIN, "stable reference points",
            "Give more points over sloping stable terrain (more tracks or granules), or use COREGISTER 'vertical'")
        shift += (east, north)
        result.iterations = iteration
        result.history.append((float(shift[0]), float(shift[1]), nmad(dh[usable], centre)))
        run.info("Nuth & Kääb iteration {} on points: shift x {:+.4f} m, y {:+.4f} m (step {:.4f} m, NMAD {:.3f} "
                 "m)".format(iteration, shift[0], shift[1], np.hypot(east, north), result.history[-1][2]))
        if np.hypot(east, north) < tolerance:
            break
