"""The radar incidence angle θ that turns line-of-sight displacements into vertical ones: d_v = d_los / cos θ.

This assumes that the ground moves vertically only, as thaw settlement and frost heave do on flat or gently
sloping ground (Liu, Zhang & Wahr 2010, J. Geophys. Res. 115, F03023, section 2). θ is one angle for the whole
scene (degrees) or a raster on the grid of the displacements: a GeoTIFF (degrees) or MintPy's
``geometryGeo.h5`` (dataset ``incidenceAngle``, degrees). Cells without an angle (nodata, NaN, 0) are left
nodata. Angles outside 10..70° are not those of a side-looking SAR (Sentinel-1 IW: 29-46°): a raster whose
values are all below 1.6 is taken for radians and refused.
"""
from __future__ import annotations

import os
from typing import Optional, Tuple

import numpy as np
from osgeo import gdal

from ..errors import CryoInputError
from ..optional import lazy
from .grid import Grid
from .hdf5_datasets import is_hdf5_file

h5py = lazy("h5py")

MINTPY_DATASET = "incidenceAngle"
PLAUSIBLE_DEGREES = (10.0, 70.0)


def checked_cosines(degrees: np.ndarray, what: str) -> np.ndarray:
    """cos θ, NaN where no angle (NaN, ≤ 0 or ≥ 90); refuses radians and angles no SAR looks at."""
    degrees = np.asarray(degrees, float)
    known = np.isfinite(degrees) & (degrees > 0) & (degrees < 90)
    if known.any():
        low, high = float(degrees[known].min()), float(degrees[known].max())
        if high < 1.6:
            raise CryoInputError("{}: incidence angles {:.3f}..{:.3f} look like radians; give degrees".format(
                what, low, high))
        if low < PLAUSIBLE_DEGREES[0] or high > PLAUSIBLE_DEGREES[1]:
            raise CryoInputError("{}: incidence angles {:.1f}..{:.1f}° are outside {:g}..{:g}°, which no "
                                 "side-looking SAR uses (Sentinel-1: 29-46°); is it the incidence angle, in "
                                 "degrees?".format(what, low, high, *PLAUSIBLE_DEGREES))
    return np.where(known, np.cos(np.radians(np.where(known, degrees, 0.0))), np.nan)


class Incidence:
    """cos θ for a block of rows or for points: from one angle or from a raster on the displacement grid."""

    def __init__(self, degrees: Optional[float] = None, path: Optional[str] = None, grid: Optional[Grid] = None):
        self.degrees = degrees
        self.path = path
        self.grid = grid  # of the raster of angles
        self._cosine = None
        self._raster: Optional[np.ndarray] = None  # cos θ of every cell of the raster, NaN where no angle
        if degrees is not None:
            self._cosine = float(checked_cosines(np.array([degrees]), "INCIDENCE_ANGLE")[0])
            if np.isnan(self._cosine):
                raise CryoInputError("INCIDENCE_ANGLE must be between 0 and 90°, got {}".format(degrees))
        elif path is not None:
            angles, self.grid = _read_angles(path, grid)
            self._raster = checked_cosines(angles, "INCIDENCE_RASTER {}".format(os.path.basename(path)))
        else:
            raise CryoInputError("Give an incidence angle or an incidence raster")

    def describe(self) -> str:
        return ("incidence {:g}° (cos θ = {:.4f})".format(self.degrees, self._cosine) if self.degrees is not None
                else "incidence angles of {}".format(self.path))

    def cosines(self, rows: slice) -> np.ndarray:
        """cos θ of the pixels of ``rows`` (pixels,), NaN where unknown; a scalar for one angle."""
        if self._cosine is not None:
            return np.float64(self._cosine)
        return self._raster[rows].ravel()

    def at_points(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """cos θ at points (coordinates in the raster's CRS), NaN outside it; a scalar for one angle."""
        if self._cosine is not None:
            return np.float64(self._cosine)
        if self.grid is None:
            raise CryoInputError("INCIDENCE_RASTER {}: a MintPy geometry file has no georeference of its own; for "
                                 "points give the angles as a GeoTIFF".format(self.path))
        gt = self.grid.geotransform
        cols = np.floor((np.asarray(xs) - gt[0]) / gt[1]).astype(int)
        rows = np.floor((np.asarray(ys) - gt[3]) / gt[5]).astype(int)
        inside = (rows >= 0) & (rows < self._raster.shape[0]) & (cols >= 0) & (cols < self._raster.shape[1])
        cosines = np.full(len(cols), np.nan)
        cosines[inside] = self._raster[rows[inside], cols[inside]]
        return cosines


def _read_angles(path: str, grid: Optional[Grid]) -> Tuple[np.ndarray, Optional[Grid]]:
    """The angles (degrees, NaN for nodata) of a GeoTIFF or MintPy geometry file and their grid (``grid`` for a
    MintPy file), checked to be on ``grid`` when it is given."""
    if not os.path.isfile(path):
        raise CryoInputError("INCIDENCE_RASTER {} does not exist".format(path))
    if is_hdf5_file(path):
        with h5py.File(path, "r") as h5:
            if MINTPY_DATASET not in h5:
                raise CryoInputError("INCIDENCE_RASTER {} has no '{}' dataset (MintPy geometryGeo.h5 has it); it "
                                     "has {}".format(path, MINTPY_DATASET, ", ".join(sorted(h5.keys()))))
            angles = np.asarray(h5[MINTPY_DATASET][()], float)
        if grid is not None and angles.shape != grid.shape:
            raise CryoInputError("INCIDENCE_RASTER {} is {} × {} cells, the displacements {} × {}: give the "
                                 "geometry file of the same (geocoded) grid".format(path, *angles.shape, *grid.shape))
        return angles, grid
    ds = gdal.Open(path)
    if ds is None:
        raise CryoInputError("INCIDENCE_RASTER {} is not a raster GDAL can read".format(path))
    band = ds.GetRasterBand(1)
    angles = band.ReadAsArray().astype(float)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        angles[angles == nodata] = np.nan
    own = Grid(ds.RasterXSize, ds.RasterYSize, ds.GetGeoTransform(), ds.GetProjection())
    if grid is not None:
        if not own.matches(grid):
            raise CryoInputError("INCIDENCE_RASTER {} ({}) is not on the grid of the displacements ({}); warp it "
                                 "to that grid (Raster > Projections > Warp)".format(path, own.describe(),
                                                                                     grid.describe()))
    return angles, own
