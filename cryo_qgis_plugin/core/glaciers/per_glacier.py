"""One number per glacier: the outlines burnt once into a label image on the DEM grid, and per-glacier area,
measured fraction, mean dh, volume change, mass balance and their errors from sums over that image.

* **Label image** (:func:`glacier_labels`): a cell belongs to the glacier whose outline holds the cell's centre
  (GDAL's rasterisation, one pass for all outlines). Where outlines overlap, the cell goes to the glacier with
  the **largest outline area** (areas in the layer's CRS), whatever the order of the features, so that each cell
  counts once and the glaciers' volume changes add up to the regional total.
* **Sums** (:func:`glacier_table`): ``np.bincount`` over the labels of the glacier cells, vectorised; Python
  loops only over the glaciers for the small tables.
* **Mean dh and volume**: a glacier's mean dh is the mean of its cells after void filling; cells still void
  count with that mean (a glacier without any value takes the mean of all glaciers). ``ΔV_i = mean_i · A_i``
  with ``A_i`` its cells' area on the grid. The **regional total is the sum of the glaciers' ΔV_i** (every
  glacier cell belongs to exactly one glacier), and the regional mean dh is that sum over the total area.
* **Errors** (:class:`.uncertainty.ErrorModel`): each glacier's mean-dh error is the error model for its own
  area; the regional total's is the same model for the total area (see :mod:`.uncertainty`, item 5).
* **Mass balance** per glacier as for the total (Huss 2013): m w.e. per year when the years are known, else
  none.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
from osgeo import ogr

from . import uncertainty
from ..io.crs_checks import LayerGeometries, feature_id, geometries_in_crs
from ..io.grid import Grid
from ..io.rasterize import Polygons, polygon_labels

# void_fill_method values (data, not translated)
NO_VOIDS = "no_voids"
OWN_CURVE = "local_hypsometric"
REGIONAL_CURVE = "regional_hypsometric"
COLUMNS = ("id", "area_km2", "valid_fraction", "mean_dh_m", "volume_change_m3", "volume_error_m3",
           "mass_balance_mwe", "mass_balance_error_mwe", "void_fill_method")


def glacier_labels(grid: Grid, polygons: Polygons) -> np.ndarray:
    """Label image: ``i + 1`` where the centre of a cell lies in outline ``i`` (0 elsewhere); overlaps go to the
    largest outline (module docstring). uint16, or uint32 for 65,535 outlines or more."""
    wkb = polygons.wkb
    areas = np.array([_area(w) for w in wkb])
    order = np.argsort(areas, kind="stable")  # smallest first: the largest is burnt last and wins
    if np.all(order[:-1] < order[1:]):
        return polygon_labels(grid, wkb, polygons.crs_wkt)
    ids = [feature_id(wkb, int(i)) for i in order]
    ordered = LayerGeometries([wkb[int(i)] for i in order], getattr(wkb, "layer", ""), ids)
    burnt = polygon_labels(grid, ordered, polygons.crs_wkt)
    lookup = np.zeros(len(wkb) + 1, dtype=burnt.dtype)
    lookup[1:] = order + 1
    return lookup[burnt]


def union_area_m2(polygons: Polygons, grid: Grid) -> float:
    """Planar area of the union of the outlines in the grid's CRS, by one cascaded union (GEOS): fast for
    thousands of outlines (a union added outline by outline grows quadratically)."""
    collection = ogr.Geometry(ogr.wkbMultiPolygon)
    for geometry in geometries_in_crs(polygons.wkb, polygons.crs_wkt, grid.crs_wkt):
        if geometry is None or geometry.IsEmpty():
            continue
        parts = ogr.ForceToMultiPolygon(geometry)
        for i in range(parts.GetGeometryCount()):
            collection.AddGeometry(parts.GetGeometryRef(i))
    union = collection.UnaryUnion() if hasattr(collection, "UnaryUnion") else collection.UnionCascaded()
    return union.GetArea() if union is not None else 0.0


def _area(wkb: bytes) -> float:
    geometry = ogr.CreateGeometryFromWkb(bytes(wkb)) if wkb else None
    return geometry.GetArea() if geometry is not None else 0.0


@dataclass
class GlacierTable:
    """Per-glacier results, one entry per outline in the order of the outlines (``label - 1``)."""

    ids: List[object]
    cells: np.ndarray           # cells on the grid
    measured: np.ndarray        # cells with a measured dh (after outlier removal, before void filling)
    area_m2: np.ndarray
    mean_dh: np.ndarray         # m; NaN for a glacier without cells on the grid
    mean_dh_error: np.ndarray   # m, 1 sigma
    effective_samples: np.ndarray
    mass: uncertainty.MassBalance  # arrays: volume, its error, rate and its error (None without years)
    fill_method: List[str]
    total_volume_m3: float
    notes: List[str] = field(default_factory=list)

    @property
    def valid_fraction(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.cells > 0, self.measured / np.maximum(self.cells, 1), np.nan)

    def rows(self) -> List[Dict[str, object]]:
        """One dict per glacier with the :data:`COLUMNS` (None where a value does not apply)."""
        mass = self.mass
        columns = {"area_km2": self.area_m2 / 1e6, "valid_fraction": self.valid_fraction,
                   "mean_dh_m": self.mean_dh, "volume_change_m3": mass.volume_m3,
                   "volume_error_m3": mass.volume_error_m3, "mass_balance_mwe": mass.rate_mwe,
                   "mass_balance_error_mwe": mass.rate_error_mwe}
        rows = []
        for i, glacier_id in enumerate(self.ids):
            row: Dict[str, object] = {"id": glacier_id}
            for name, values in columns.items():
                value = None if values is None or (self.cells[i] == 0 and name != "area_km2") else float(values[i])
                row[name] = value if value is not None and math.isfinite(value) else None
            row["void_fill_method"] = self.fill_method[i]
            rows.append(row)
        return rows


def glacier_table(labels_of_cells: np.ndarray, measured: np.ndarray, filled: np.ndarray, count: int,
                  ids: Sequence[object], cell_area: float, error_model: uncertainty.ErrorModel,
                  fill_voids: str, own_curve: Optional[np.ndarray], years: Optional[float], density: float,
                  density_error: float) -> GlacierTable:
    """Per-glacier statistics of the glacier cells (module docstring): ``labels_of_cells`` their labels 1..count,
    ``measured`` their dh before void filling (NaN = none), ``filled`` after."""
    if len(ids) != count:
        raise ValueError("{} glacier ids for {} outlines".format(len(ids), count))
    labels = labels_of_cells.astype(np.int64)
    size = count + 1
    cells = np.bincount(labels, minlength=size)[1:]
    valid = np.isfinite(measured)
    measured_cells = np.bincount(labels[valid], minlength=size)[1:]
    finite = np.isfinite(filled)
    sums = np.bincount(labels[finite], weights=filled[finite].astype(np.float64), minlength=size)[1:]
    finite_cells = np.bincount(labels[finite], minlength=size)[1:]
    regional_mean = float(sums.sum() / finite_cells.sum()) if finite_cells.sum() else float("nan")
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_dh = np.where(finite_cells > 0, sums / np.maximum(finite_cells, 1), regional_mean)
    mean_dh = np.where(cells > 0, mean_dh, np.nan)
    area = cells * cell_area
    errors, n_eff = error_model.mean_dh_errors(area, np.arange(1, size))
    mass = uncertainty.mass_balance(np.where(cells > 0, mean_dh, 0.0), errors, area, years, density,
                                    density_error)  # rates NaN for a glacier without cells
    volume = mass.volume_m3
    voids = cells > measured_cells
    methods = [_method(fill_voids, own_curve, label) if has_voids else NO_VOIDS
               for label, has_voids in enumerate(voids, start=1)]
    notes = []
    empty = int(np.count_nonzero(cells == 0))
    if empty:
        notes.append("{} of the {} glacier outlines hold no cell centre of the grid (outside the DEM, too small, or "
                     "covered by larger outlines): their statistics are empty".format(empty, count))
    return GlacierTable(list(ids), cells, measured_cells, area, mean_dh, errors, n_eff, mass, methods,
                        math.fsum(volume.tolist()), notes)


def _method(fill_voids: str, own_curve: Optional[np.ndarray], label: int) -> str:
    if fill_voids != OWN_CURVE or own_curve is None:
        return fill_voids
    return OWN_CURVE if label < own_curve.size and own_curve[label] else REGIONAL_CURVE


def default_ids(polygons: Polygons) -> List[object]:
    """The feature ids of the outlines (1..n for a plain list of geometries)."""
    return [feature_id(polygons.wkb, i) for i in range(len(polygons.wkb))]
