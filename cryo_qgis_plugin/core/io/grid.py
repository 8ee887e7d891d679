"""Raster grids: size, geotransform and CRS, and the true area of their cells.

Cell areas on a geographic grid use the exact area of an ellipsoidal quadrangle (the band between two
parallels on the ellipsoid, times the fraction of the full longitude circle), see Snyder (1987), *Map
Projections: A Working Manual*, USGS PP 1395, eq. 3-12 (authalic latitude function ``q``):

    A = a^2 / 2 * (lon2 - lon1) * [q(lat2) - q(lat1)]                      (angles in radians)
    q(phi) = (1 - e^2) * [ sin(phi) / (1 - e^2 sin^2 phi) - 1/(2e) ln((1 - e sin phi) / (1 + e sin phi)) ]

On a projected grid the cell area is the pixel area in the CRS units, which is the true area only for an
equal-area projection (e.g. EASE-Grid 2.0); the caller is warned otherwise.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np
from osgeo import osr

from ..errors import CryoInputError
from .ease_grid import find_preset, preset_of_grid

GeoTransform = Tuple[float, float, float, float, float, float]


def spatial_reference(crs: str) -> osr.SpatialReference:
    """An OSR CRS from WKT (or ``EPSG:n``, PROJ), with x = easting/longitude and y = northing/latitude."""
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def crs_wkt_from_user(text: str) -> str:
    """Return the WKT of a CRS given as ``EPSG:4326``, a PROJ string or WKT."""
    srs = osr.SpatialReference()
    try:
        srs.SetFromUserInput(text)
    except RuntimeError as exc:
        raise CryoInputError("Unknown CRS {!r}: give e.g. 'EPSG:4326' ({})".format(text, exc)) from None
    return srs.ExportToWkt()


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid: ``width`` x ``height`` cells, GDAL geotransform, CRS as WKT."""

    width: int
    height: int
    geotransform: GeoTransform
    crs_wkt: str

    @classmethod
    def from_extent(cls, xmin: float, ymin: float, xmax: float, ymax: float,
                    width: int, height: int, crs: str) -> "Grid":
        if xmax <= xmin or ymax <= ymin or width <= 0 or height <= 0:
            raise CryoInputError("Invalid grid: extent {} and size {}x{}".format(
                (xmin, ymin, xmax, ymax), width, height))
        gt = (xmin, (xmax - xmin) / width, 0.0, ymax, 0.0, -(ymax - ymin) / height)
        return cls(width, height, gt, crs_wkt_from_user(crs))

    @property
    def shape(self) -> Tuple[int, int]:
        return self.height, self.width

    @property
    def extent(self) -> Tuple[float, float, float, float]:
        x0, dx, _, y0, _, dy = self.geotransform
        return x0, y0 + dy * self.height, x0 + dx * self.width, y0

    @property
    def is_geographic(self) -> bool:
        return bool(spatial_reference(self.crs_wkt).IsGeographic())

    def matches(self, other: "Grid", tolerance: float = 1e-6) -> bool:
        """True when both grids have the same size, the same cells (to ``tolerance`` of a cell) and CRS."""
        if self.shape != other.shape:
            return False
        cell = max(abs(self.geotransform[1]), abs(self.geotransform[5]))
        if not np.allclose(self.geotransform, other.geotransform, atol=tolerance * cell, rtol=0):
            return False
        return bool(spatial_reference(self.crs_wkt).IsSame(spatial_reference(other.crs_wkt)))

    def describe(self) -> str:
        return "{}x{} cells, extent {}, {}".format(
            self.width, self.height, tuple(round(v, 6) for v in self.extent),
            spatial_reference(self.crs_wkt).GetName())

    def row_cell_areas_km2(self) -> np.ndarray:
        """Area in km² of one cell in each row (float64, length ``height``).

        Geographic grids: exact ellipsoidal quadrangle area on the grid's ellipsoid (module docstring).
        Projected grids: the constant pixel area, converted from the CRS's linear unit.
        """
        x0, dx, rx, y0, ry, dy = self.geotransform
        if rx or ry:
            raise CryoInputError("Rotated grids are not supported: warp the raster to a north-up grid first")
        srs = spatial_reference(self.crs_wkt)
        if srs.IsGeographic():
            edges = y0 + dy * np.arange(self.height + 1)
            return quadrangle_area_km2(edges[:-1], edges[1:], abs(dx),
                                       srs.GetSemiMajor(), srs.GetInvFlattening())
        metres = srs.GetLinearUnits()
        return np.full(self.height, abs(dx * dy) * metres * metres / 1e6)


def _authalic_q(phi: np.ndarray, e: float) -> np.ndarray:
    s = np.sin(phi)
    if e == 0.0:
        return 2.0 * s
    return (1 - e * e) * (s / (1 - (e * s) ** 2) - np.log((1 - e * s) / (1 + e * s)) / (2 * e))


def quadrangle_area_km2(lat1_deg: np.ndarray, lat2_deg: np.ndarray, dlon_deg: float,
                        semi_major_m: float = 6378137.0, inv_flattening: float = 298.257223563) -> np.ndarray:
    """Area (km²) of the ellipsoidal quadrangle between two parallels spanning ``dlon_deg`` of longitude.

    ``inv_flattening`` 0 means a sphere of radius ``semi_major_m``.
    """
    f = 1.0 / inv_flattening if inv_flattening else 0.0
    e = np.sqrt(f * (2 - f))
    lat1 = np.radians(np.clip(np.asarray(lat1_deg, dtype=float), -90, 90))
    lat2 = np.radians(np.clip(np.asarray(lat2_deg, dtype=float), -90, 90))
    area_m2 = semi_major_m ** 2 / 2 * np.radians(dlon_deg) * np.abs(_authalic_q(lat2, e) - _authalic_q(lat1, e))
    return area_m2 / 1e6


@dataclass(frozen=True)
class Georeference:
    """Extent ``(xmin, ymin, xmax, ymax)`` and CRS for grids stored without georeferencing (HDF5).

    The grid size comes from the data. Without an explicit georeference the global 0.25° EPSG:4326 grid of
    the AMSR-E/AMSR2 freeze/thaw product is assumed (1440x720, row 0 north), and any other shape is refused,
    except the EASE grids of the products :mod:`.ease_grid` knows (``presets``: SMAP on EASE-Grid 2.0,
    NSIDC-0477 on EASE-Grid 1.0), recognised by their shape and the file or dataset name.
    """

    extent: Tuple[float, float, float, float] = (-180.0, -90.0, 180.0, 90.0)
    crs: str = "EPSG:4326"
    expected_shape: Optional[Tuple[int, int]] = None
    presets: bool = False

    def grid_for(self, shape: Tuple[int, int], source: str, *names: str) -> Grid:
        """The grid of an array of ``shape`` read from ``source``; ``names`` (the dataset path) help recognise
        a product on a preset grid."""
        rows, cols = shape
        preset = find_preset((rows, cols), os.path.basename(source), *names) if self.presets else None
        if preset is not None:
            return Grid.from_extent(*preset.extent, cols, rows, preset.crs)
        if self.expected_shape is not None and (rows, cols) != self.expected_shape:
            raise CryoInputError(
                "{}: the grid is {} rows x {} columns, not the {} x {} of the default global 0.25 degree "
                "EPSG:4326 grid; give the extent and CRS of this product (EXTENT and CRS parameters)".format(
                    source, rows, cols, *self.expected_shape))
        return Grid.from_extent(*self.extent, cols, rows, self.crs)


def snapped_to_preset(grid: Grid) -> Grid:
    """``grid`` put exactly on the EASE grid it lies on to within a thousandth of a cell (HEG's GeoTIFFs of
    SMAP round the corner to metres and name the CRS their own way); other grids unchanged."""
    srs = spatial_reference(grid.crs_wkt)
    preset = preset_of_grid(grid.shape, grid.geotransform, lambda crs: bool(srs.IsSame(spatial_reference(crs))))
    if preset is None:
        return grid
    return Grid.from_extent(*preset.extent, grid.width, grid.height, preset.crs)


GLOBAL_QUARTER_DEGREE = Georeference(expected_shape=(720, 1440), presets=True)
