"""The deformation model of :mod:`.deformation` fitted to point time series (EGMS CSVs, point layers) instead of a
raster stack: the same model, rules and messages, the results per point.

Per point, for the displacement d(t) (mm, line of sight or vertical) at the acquisition dates t::

    d(t) = d0 + v·(t − t0) + e·sqrt(A_T(t)) [+ f·sqrt(A_F(t))]

(Liu, Zhang & Wahr 2010, J. Geophys. Res. 115, F03023; Liu et al. 2012, J. Geophys. Res. 117, F01005), solved by
the batched least squares of :func:`~.deformation_fit.fit_block` on chunks of points whose size the run's budget
bounds, exactly as :func:`~.deformation.deformation_raster` does on row blocks: units checked and converted by
:func:`~.deformation.to_millimetres` (|d| > 10 m refused), re-referencing to ``reference_date``, line of sight to
vertical d_v = d_los / cos θ, the design of a point from ``design.at_points(xs, ys)`` (one temperature series:
the same for every point; a temperature stack: sampled at the point). The input is read by
:mod:`..io.egms` (CSV) or ``qgis_io.point_series`` (a point layer).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Optional, Tuple, Union

import numpy as np

from ..errors import CryoInputError
from ..io.egms import PointSeries
from ..io.incidence import Incidence
from ..run import Run, blocks
from .deformation import DeformationResult, checked_setup, fit_chunk, to_millimetres
from .deformation_fit import band_names

IncidenceInput = Union[Incidence, np.ndarray, None]


@dataclass
class PointResult(DeformationResult):
    """:class:`~.deformation.DeformationResult` (``bands``: the band names, ``n_pixels``: points solved) with
    the values per point."""

    ids: np.ndarray  # (points,) as in the input
    xs: np.ndarray  # (points,) in ``crs``, the input's
    ys: np.ndarray
    crs: str
    dates: List[dt.date]
    values: np.ndarray  # (bands, points) float64, NaN where not solved, in the order of ``bands``
    model: Optional[np.ndarray] = None  # (dates, points) the fitted model (mm) at every date, NaN where unsolved
    n_no_angle: int = 0  # points with data but no incidence angle (left unsolved)

    @property
    def n_points(self) -> int:
        return self.n_pixels

    def band(self, name: str) -> np.ndarray:
        """The values of one band (``velocity_mm_yr``, ...) for every point."""
        return self.values[self.bands.index(name)]


def _cosines(incidence: IncidenceInput, xs: np.ndarray, ys: np.ndarray, n: int,
             run: Run) -> Optional[Union[np.floating, np.ndarray]]:
    """cos θ for every point (a scalar for one angle), None without conversion."""
    if incidence is None:
        return None
    if isinstance(incidence, Incidence):
        run.info("Line of sight to vertical: d_v = d_los / cos θ, {}".format(incidence.describe()))
        return incidence.at_points(xs, ys)
    cosines = np.asarray(incidence, float)
    if cosines.shape != (n,):
        raise CryoInputError("{} incidence cosines given for {} points".format(cosines.size, n))
    run.info("Line of sight to vertical: d_v = d_los / cos θ, θ of every point from its incidence_angle")
    return cosines


def _coordinates(points: PointSeries, raster_crs: Optional[str]) -> Tuple[np.ndarray, np.ndarray]:
    return (points.xs, points.ys) if raster_crs is None else points.coordinates_in(raster_crs)


def deformation_points(points: PointSeries, design, units: str = "mm", reference_date: Optional[dt.date] = None,
                       frost_heave: bool = False, porosity: Optional[float] = None,
                       saturation: Optional[float] = None, incidence: IncidenceInput = None,
                       raster_crs: Optional[str] = None, with_model: bool = True, run: Run = Run()) -> PointResult:
    """Fit the model to every point of ``points`` (displacements in ``units``, m or mm; EGMS gives mm).

    ``design``: a :class:`~.thaw_index.Design` (one temperature series) or the design of a temperature stack
    (``unknowns`` and ``at_points(xs, ys)``); ``reference_date``: displacements re-referenced to that acquisition
    date; ``incidence``: line of sight to vertical from one angle or a raster (:class:`~..io.incidence.Incidence`)
    or from cos θ per point (e.g. ``points.incidence_cosines()``, the CSV's own incidence_angle); ``raster_crs``:
    the CRS of the rasters ``design`` and ``incidence`` sample (a temperature stack, an incidence raster), into
    which the points are transformed for them (None: used as they are); ``with_model``: also return the fitted
    model at every date. Points are processed in chunks bounded by ``run.budget_bytes``."""
    dates = list(points.dates)
    factor, k, ref = checked_setup(dates, design, units, reference_date)
    n = len(points)
    if n == 0:
        raise CryoInputError("INPUT {} holds no point".format(points.source))
    names = band_names(frost_heave, porosity is not None and saturation is not None)
    xs, ys = _coordinates(points, raster_crs)
    cosines = _cosines(incidence, xs, ys, n, run)
    point_bytes = 8 * ((6 + 2 * k) * len(dates) + 3 * k * k + 4 * len(names))
    values = np.full((len(names), n), np.nan)
    model = np.full((len(dates), n), np.nan) if with_model else None
    unsolved = uncovered = no_angle = 0
    parts = blocks(n, point_bytes, run.budget_bytes)
    for i, (a, b) in enumerate(parts):
        run.check()
        where = "points {} .. {}".format(points.ids[a], points.ids[b - 1])
        block = to_millimetres(np.array(points.displacement[:, a:b], np.float64), factor, where, units)
        if ref is not None:
            block = block - block[ref]
        if cosines is not None:
            angle = cosines if np.ndim(cosines) == 0 else cosines[a:b]
            no_angle += int((np.isfinite(block).any(axis=0) & ~np.isfinite(angle)).sum())
            block = block / angle
        chunk = fit_chunk(block, design.at_points(xs[a:b], ys[a:b]), frost_heave, porosity, saturation,
                          with_model=model is not None)
        values[:, a:b] = chunk.bands
        unsolved += chunk.unsolved
        uncovered += chunk.uncovered
        if model is not None:
            model[:, a:b] = chunk.model
        run.report((i + 1) / len(parts))
    return _result(points, names, values, model, dates, unsolved, uncovered, no_angle, k, run)


def _result(points: PointSeries, names: List[str], values: np.ndarray, model: Optional[np.ndarray],
            dates: List[dt.date], unsolved: int, uncovered: int, no_angle: int, k: int, run: Run) -> PointResult:
    if unsolved:
        run.warning("{} points with data have fewer than {} valid dates or a singular design (no thaw between "
                    "their dates): left empty".format(unsolved, k + 1))
    if uncovered:
        run.warning("{} points have no temperature for some of their dates: left empty".format(uncovered))
    if no_angle:
        run.warning("{} points have no incidence angle: left empty".format(no_angle))
    velocity = values[0][np.isfinite(values[0])]
    r2 = values[names.index("r2")][np.isfinite(values[0])]
    r2 = r2[np.isfinite(r2)]
    median_velocity = float(np.median(velocity)) if velocity.size else float("nan")
    run.info("{} points fitted; median velocity {:.2f} mm/yr".format(velocity.size, median_velocity))
    return PointResult(names, int(velocity.size), unsolved, median_velocity,
                       float(np.median(r2)) if r2.size else float("nan"), points.ids, points.xs, points.ys,
                       points.crs, dates, values, model, no_angle)
