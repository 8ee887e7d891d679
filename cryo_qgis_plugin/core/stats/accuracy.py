"""Accuracy of a classified map against a reference: confusion matrix, overall accuracy, Cohen's kappa.

With the confusion matrix ``m[i, j]`` = cells mapped as class i whose reference class is j (Congalton &
Green 2009, *Assessing the Accuracy of Remotely Sensed Data*, ch. 5; Cohen 1960)::

    N = Σ m                OA = Σ m[i, i] / N
    p_e = Σ_i (row_i / N)(column_i / N)          kappa = (OA − p_e) / (1 − p_e)
    user's accuracy of i = m[i, i] / row_i       producer's accuracy of j = m[j, j] / column_j

The reference is a raster (resampled onto the map's grid by nearest neighbour when it is on another grid),
polygons with a class field (burnt onto the map's grid, cell centres inside), or points with a class field
(each compared with the map cell it falls in). Cells with nodata on either side are left out and counted.
A grouping such as ``1:1;2,3:0`` merges classes before the comparison (here permafrost vs not).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr, osr

from ..errors import CryoInputError
from ..io.grid import Grid, spatial_reference
from ..io.raster import band_on_grid, grid_of, open_raster


def parse_grouping(text: str) -> Dict[int, int]:
    """``"1:1;2,3:0"`` → {1: 1, 2: 0, 3: 0}: source classes before the colon, the group after it."""
    grouping: Dict[int, int] = {}
    for part in filter(None, (p.strip() for p in (text or "").split(";"))):
        match = re.fullmatch(r"([-\d\s,]+):\s*(-?\d+)", part)
        if not match:
            raise CryoInputError("Cannot read the class grouping {!r} in {!r}: write groups as "
                                 "'1:1;2,3:0' (classes before the colon, their new class after it)".format(part, text))
        target = int(match.group(2))
        for item in filter(None, (c.strip() for c in match.group(1).split(","))):
            code = int(item)
            if code in grouping and grouping[code] != target:
                raise CryoInputError("The class {} is put in two groups in {!r}".format(code, text))
            grouping[code] = target
    return grouping


@dataclass
class Accuracy:
    classes: List[int]
    matrix: np.ndarray  # rows: map classes, columns: reference classes
    excluded: Dict[str, int] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return int(self.matrix.sum())

    @property
    def overall(self) -> float:
        return float(np.trace(self.matrix) / self.n) if self.n else float("nan")

    @property
    def kappa(self) -> float:
        n = self.n
        if not n:
            return float("nan")
        expected = float(np.sum(self.matrix.sum(axis=1) * self.matrix.sum(axis=0))) / (n * n)
        return (self.overall - expected) / (1 - expected) if expected < 1 else float("nan")

    @property
    def users(self) -> np.ndarray:
        rows = self.matrix.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(rows > 0, np.diag(self.matrix) / rows, np.nan)

    @property
    def producers(self) -> np.ndarray:
        columns = self.matrix.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(columns > 0, np.diag(self.matrix) / columns, np.nan)


def confusion(mapped: np.ndarray, reference: np.ndarray, excluded: Optional[Dict[str, int]] = None) -> Accuracy:
    """Confusion matrix of paired integer classes (1-D arrays of equal length, nodata already removed)."""
    classes = sorted(set(np.unique(mapped).tolist()) | set(np.unique(reference).tolist()))
    position = {c: i for i, c in enumerate(classes)}
    lookup = np.vectorize(position.get, otypes=[np.int64]) if classes else None
    matrix = np.zeros((len(classes), len(classes)), np.int64)
    if classes:
        np.add.at(matrix, (lookup(mapped), lookup(reference)), 1)
    return Accuracy([int(c) for c in classes], matrix, dict(excluded or {}))


def _group(values: np.ndarray, keep: np.ndarray, grouping: Dict[int, int]) -> Tuple[np.ndarray, np.ndarray]:
    """Apply ``grouping`` (empty: unchanged); values it does not list are dropped from ``keep``."""
    if not grouping:
        return values, keep
    codes = np.array(sorted(grouping))
    listed = np.isin(values, codes)
    mapped = np.array([grouping[c] for c in codes])[np.searchsorted(codes, np.where(listed, values, codes[0]))]
    return np.where(listed, mapped, 0), keep & listed


def _pairs(mapped: np.ndarray, map_valid: np.ndarray, reference: np.ndarray, ref_valid: np.ndarray,
           grouping: Dict[int, int], reference_grouping: Dict[int, int]) -> Accuracy:
    excluded = {"map_nodata": int(np.sum(ref_valid & ~map_valid)), "reference_nodata": int(np.sum(map_valid & ~ref_valid))}
    both = map_valid & ref_valid
    if not both.any():
        raise CryoInputError("The map and the reference have no cell in common with a value on both sides; check "
                             "that they cover the same area (and their CRS)")
    mapped, keep = _group(mapped, both, grouping)
    reference, keep = _group(reference, keep, reference_grouping)
    excluded["not_in_classes"] = int(np.sum(both & ~keep))
    if not keep.any():
        raise CryoInputError("No cell is left after the class grouping; check CLASSES against the class values")
    return confusion(mapped[keep].astype(np.int64), reference[keep].astype(np.int64), excluded)


def _map(path: str) -> Tuple[gdal.Dataset, Grid, np.ndarray, np.ndarray]:
    ds = open_raster(path, "classified map")
    band = ds.GetRasterBand(1)
    data = band.ReadAsArray()
    if data.dtype.kind == "f":
        raise CryoInputError("The map {} holds {} values; a classified map has integer classes".format(
            path, data.dtype))
    nodata = band.GetNoDataValue()
    valid = np.ones(data.shape, bool) if nodata is None else data != nodata
    return ds, grid_of(ds), data.astype(np.int64), valid


def accuracy_against_raster(map_path: str, reference_path: str, grouping: Dict[int, int],
                            reference_grouping: Dict[int, int]) -> Accuracy:
    _, grid, mapped, map_valid = _map(map_path)
    reference_ds = open_raster(reference_path, "reference map")
    reference, nodata = band_on_grid(reference_ds, grid, "near")
    if reference.dtype.kind == "f":
        finite = np.isfinite(reference)
        if np.any(reference[finite] != np.round(reference[finite])):
            raise CryoInputError("The reference {} holds fractional values; it must hold classes".format(reference_path))
        ref_valid = finite & ((reference != nodata) if nodata is not None else True)
        reference = np.where(finite, reference, 0)
    else:
        ref_valid = np.ones(reference.shape, bool) if nodata is None else reference != nodata
    return _pairs(mapped, map_valid, reference.astype(np.int64), ref_valid, grouping, reference_grouping)


def accuracy_against_features(map_path: str, wkb: Sequence[bytes], classes: Sequence[Optional[int]], crs_wkt: str,
                              grouping: Dict[int, int], reference_grouping: Dict[int, int]) -> Accuracy:
    """Reference features: polygons are burnt onto the map grid, points pick the cell they fall in. A
    feature whose class is None (NULL) counts as reference nodata."""
    _, grid, mapped, map_valid = _map(map_path)
    geometries = [ogr.CreateGeometryFromWkb(bytes(g)) for g in wkb]
    kinds = {ogr.GT_Flatten(g.GetGeometryType()) for g in geometries if g is not None}
    points = {ogr.wkbPoint, ogr.wkbMultiPoint}
    if kinds and kinds <= points:
        return _point_pairs(mapped, map_valid, grid, geometries, classes, crs_wkt, grouping, reference_grouping)
    if kinds & points:
        raise CryoInputError("The reference layer mixes points and polygons; give one kind")
    reference, ref_valid = _burn(grid, geometries, classes, crs_wkt)
    return _pairs(mapped, map_valid, reference, ref_valid, grouping, reference_grouping)


def _in_grid_crs(geometries, classes, crs_wkt: str, grid: Grid):
    """(geometry in the grid's CRS, class) of the features that have both."""
    transform = None
    if crs_wkt and not spatial_reference(crs_wkt).IsSame(spatial_reference(grid.crs_wkt)):
        transform = osr.CoordinateTransformation(spatial_reference(crs_wkt), spatial_reference(grid.crs_wkt))
    for geometry, value in zip(geometries, classes):
        if geometry is None or value is None:
            continue
        geometry = geometry.Clone()
        if transform is not None:
            geometry.Transform(transform)
        yield geometry, value


def _burn(grid: Grid, geometries, classes, crs_wkt: str) -> Tuple[np.ndarray, np.ndarray]:
    srs = spatial_reference(grid.crs_wkt)
    vector = ogr.GetDriverByName("Memory").CreateDataSource("reference")
    layer = vector.CreateLayer("reference", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger64))
    for geometry, value in _in_grid_crs(geometries, classes, crs_wkt, grid):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        feature.SetField("label", int(value))
        layer.CreateFeature(feature)
    target = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 2, gdal.GDT_Int32)
    target.SetGeoTransform(grid.geotransform)
    target.SetProjection(grid.crs_wkt)
    gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=label"])
    gdal.RasterizeLayer(target, [2], layer, burn_values=[1])
    return target.GetRasterBand(1).ReadAsArray().astype(np.int64), target.GetRasterBand(2).ReadAsArray() > 0


def _point_pairs(mapped, map_valid, grid: Grid, geometries, classes, crs_wkt, grouping, reference_grouping) -> Accuracy:
    x0, dx, _, y0, _, dy = grid.geotransform
    rows, cols, values = [], [], []
    outside = 0
    for geometry, value in _in_grid_crs(geometries, classes, crs_wkt, grid):
        for k in range(max(1, geometry.GetGeometryCount())):
            point = geometry.GetGeometryRef(k) if geometry.GetGeometryCount() else geometry
            col, row = int(np.floor((point.GetX() - x0) / dx)), int(np.floor((point.GetY() - y0) / dy))
            if 0 <= row < grid.height and 0 <= col < grid.width:
                rows.append(row)
                cols.append(col)
                values.append(int(value))
            else:
                outside += 1
    if not rows:
        raise CryoInputError("No reference point falls on the map; check that they cover the same area (and CRS)")
    rows_a, cols_a = np.array(rows), np.array(cols)
    result = _pairs(mapped[rows_a, cols_a], map_valid[rows_a, cols_a], np.array(values, np.int64),
                    np.ones(len(values), bool), grouping, reference_grouping)
    result.excluded["outside_map"] = outside
    return result
