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

The map is read, and the reference brought onto it, in blocks of rows (a few million cells), the counts summed
over the blocks; ``run`` is checked between blocks. Vector references whose coordinates do not fit their CRS
are refused (:mod:`..io.crs_checks`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from ..errors import CryoInputError
from ..io.crs_checks import geometries_in_crs
from ..io.grid import Grid, spatial_reference
from ..io.raster import band_on_grid, grid_of, open_raster
from ..run import Run, blocks

CELLS_PER_BLOCK = 1 << 21  # a block takes a fraction of a second, so a cancel is honoured quickly
BYTES_PER_CELL = 64  # map, reference, masks and groupings of one cell, as int64 and bool arrays


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
    tally = _Tally({}, {})
    tally.count(np.asarray(mapped, np.int64), np.asarray(reference, np.int64))
    return tally.accuracy(dict(excluded or {}))


def _group(values: np.ndarray, keep: np.ndarray, grouping: Dict[int, int]) -> Tuple[np.ndarray, np.ndarray]:
    """Apply ``grouping`` (empty: unchanged); values it does not list are dropped from ``keep``."""
    if not grouping:
        return values, keep
    codes = np.array(sorted(grouping))
    listed = np.isin(values, codes)
    mapped = np.array([grouping[c] for c in codes])[np.searchsorted(codes, np.where(listed, values, codes[0]))]
    return np.where(listed, mapped, 0), keep & listed


class _Tally:
    """Counts of (map class, reference class) pairs and of the cells left out, summed over blocks."""

    def __init__(self, grouping: Dict[int, int], reference_grouping: Dict[int, int]) -> None:
        self.grouping, self.reference_grouping = grouping, reference_grouping
        self.pairs: Dict[Tuple[int, int], int] = {}
        self.excluded = {"map_nodata": 0, "reference_nodata": 0, "not_in_classes": 0}
        self.in_common = 0

    def add(self, mapped: np.ndarray, map_valid: np.ndarray, reference: np.ndarray, ref_valid: np.ndarray) -> None:
        self.excluded["map_nodata"] += int(np.sum(ref_valid & ~map_valid))
        self.excluded["reference_nodata"] += int(np.sum(map_valid & ~ref_valid))
        both = map_valid & ref_valid
        self.in_common += int(both.sum())
        mapped, keep = _group(mapped, both, self.grouping)
        reference, keep = _group(reference, keep, self.reference_grouping)
        self.excluded["not_in_classes"] += int(np.sum(both & ~keep))
        self.count(mapped[keep].astype(np.int64), reference[keep].astype(np.int64))

    def count(self, mapped: np.ndarray, reference: np.ndarray) -> None:
        if not mapped.size:
            return
        m0, r0 = int(mapped.min()), int(reference.min())
        m_span, r_span = int(mapped.max()) - m0 + 1, int(reference.max()) - r0 + 1
        if m_span * r_span <= 1 << 20:  # the usual few classes: one bincount
            counts = np.bincount((mapped - m0) * r_span + (reference - r0), minlength=m_span * r_span)
            found = [((m0 + k // r_span, r0 + k % r_span), counts[k]) for k in np.flatnonzero(counts)]
        else:
            pairs, counts = np.unique(np.stack([mapped, reference], axis=1), axis=0, return_counts=True)
            found = [((m, r), c) for (m, r), c in zip(pairs.tolist(), counts)]
        for key, number in found:
            self.pairs[key] = self.pairs.get(key, 0) + int(number)

    def accuracy(self, excluded: Dict[str, int]) -> Accuracy:
        classes = sorted({m for m, _ in self.pairs} | {r for _, r in self.pairs})
        position = {c: i for i, c in enumerate(classes)}
        matrix = np.zeros((len(classes), len(classes)), np.int64)
        for (m, r), number in self.pairs.items():
            matrix[position[m], position[r]] += number
        return Accuracy([int(c) for c in classes], matrix, excluded)

    def result(self) -> Accuracy:
        if not self.in_common:
            raise CryoInputError("The map and the reference have no cell in common with a value on both sides; "
                                 "check that they cover the same area (and their CRS)")
        if not self.pairs:
            raise CryoInputError("No cell is left after the class grouping; check CLASSES against the class values")
        return self.accuracy(dict(self.excluded))


class _Map:
    """The classified map, read a block of rows at a time."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.ds = open_raster(path, "classified map")
        self.band = self.ds.GetRasterBand(1)
        if self.band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64, gdal.GDT_CFloat32, gdal.GDT_CFloat64):
            raise CryoInputError("The map {} holds {} values; a classified map has integer classes".format(
                path, gdal.GetDataTypeName(self.band.DataType)))
        self.nodata = self.band.GetNoDataValue()
        self.grid = grid_of(self.ds)

    def row_blocks(self, run: Run) -> Iterator[Tuple[int, int]]:
        width = max(1, self.grid.width)
        rows = blocks(self.grid.height, width * BYTES_PER_CELL,
                      min(run.budget_bytes, CELLS_PER_BLOCK * BYTES_PER_CELL))
        for k, (r0, r1) in enumerate(rows):
            run.report(k / len(rows))
            yield r0, r1
        run.check()

    def read(self, r0: int, r1: int) -> Tuple[np.ndarray, np.ndarray]:
        data = self.band.ReadAsArray(0, r0, self.grid.width, r1 - r0)
        valid = np.ones(data.shape, bool) if self.nodata is None else data != self.nodata
        return data.astype(np.int64), valid

    def rows(self, r0: int, r1: int) -> Grid:
        """The grid of rows r0..r1."""
        x0, dx, rx, y0, ry, dy = self.grid.geotransform
        return Grid(self.grid.width, r1 - r0, (x0, dx, rx, y0 + r0 * dy, ry, dy), self.grid.crs_wkt)


def _reference_classes(reference: np.ndarray, nodata, path: str) -> Tuple[np.ndarray, np.ndarray]:
    if reference.dtype.kind == "f":
        finite = np.isfinite(reference)
        if np.any(reference[finite] != np.round(reference[finite])):
            raise CryoInputError("The reference {} holds fractional values; it must hold classes".format(path))
        ref_valid = finite & ((reference != nodata) if nodata is not None else True)
        reference = np.where(finite, reference, 0)
    else:
        ref_valid = np.ones(reference.shape, bool) if nodata is None else reference != nodata
    return reference.astype(np.int64), ref_valid


def accuracy_against_raster(map_path: str, reference_path: str, grouping: Dict[int, int],
                            reference_grouping: Dict[int, int], run: Run = Run()) -> Accuracy:
    source = _Map(map_path)
    reference_ds = open_raster(reference_path, "reference map")
    same_grid = grid_of(reference_ds).matches(source.grid)
    tally = _Tally(grouping, reference_grouping)
    for r0, r1 in source.row_blocks(run):
        mapped, map_valid = source.read(r0, r1)
        if same_grid:
            band = reference_ds.GetRasterBand(1)
            reference, nodata = band.ReadAsArray(0, r0, source.grid.width, r1 - r0), band.GetNoDataValue()
        else:
            reference, nodata = band_on_grid(reference_ds, source.rows(r0, r1), "near")
        tally.add(mapped, map_valid, *_reference_classes(reference, nodata, reference_path))
    return tally.result()


def accuracy_against_features(map_path: str, wkb: Sequence[bytes], classes: Sequence[Optional[int]], crs_wkt: str,
                              grouping: Dict[int, int], reference_grouping: Dict[int, int],
                              run: Run = Run()) -> Accuracy:
    """Reference features: polygons are burnt onto the map grid, points pick the cell they fall in. A
    feature whose class is None (NULL) counts as reference nodata. ``wkb`` may be a
    :class:`~..io.crs_checks.LayerGeometries` naming the layer in messages."""
    source = _Map(map_path)
    geometries = geometries_in_crs(wkb, crs_wkt, source.grid.crs_wkt, "reference")
    run.check()
    kinds = {ogr.GT_Flatten(g.GetGeometryType()) for g in geometries if g is not None}
    points = {ogr.wkbPoint, ogr.wkbMultiPoint}
    features = [(g, value) for g, value in zip(geometries, classes) if g is not None and value is not None]
    tally = _Tally(grouping, reference_grouping)
    if kinds and kinds <= points:
        return _point_pairs(source, features, tally, run)
    if kinds & points:
        raise CryoInputError("The reference layer mixes points and polygons; give one kind")
    layer_source, layer = _memory_layer(source.grid, features)
    for r0, r1 in source.row_blocks(run):
        mapped, map_valid = source.read(r0, r1)
        tally.add(mapped, map_valid, *_burn(source.rows(r0, r1), layer))
    del layer_source
    return tally.result()


def _memory_layer(grid: Grid, features):
    vector = ogr.GetDriverByName("Memory").CreateDataSource("reference")
    layer = vector.CreateLayer("reference", spatial_reference(grid.crs_wkt), ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger64))
    for geometry, value in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        feature.SetField("label", int(value))
        layer.CreateFeature(feature)
    return vector, layer


def _burn(grid: Grid, layer) -> Tuple[np.ndarray, np.ndarray]:
    """The polygons' classes on ``grid`` (cell centres inside) and where a polygon covers a cell."""
    target = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 2, gdal.GDT_Int32)
    target.SetGeoTransform(grid.geotransform)
    target.SetProjection(grid.crs_wkt)
    gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=label"])
    gdal.RasterizeLayer(target, [2], layer, burn_values=[1])
    return target.GetRasterBand(1).ReadAsArray().astype(np.int64), target.GetRasterBand(2).ReadAsArray() > 0


def _point_pairs(source: _Map, features, tally: _Tally, run: Run) -> Accuracy:
    grid = source.grid
    x0, dx, _, y0, _, dy = grid.geotransform
    rows, cols, values = [], [], []
    outside = 0
    for k, (geometry, value) in enumerate(features):
        if k % 10000 == 0:
            run.check()
        for part in range(max(1, geometry.GetGeometryCount())):
            point = geometry.GetGeometryRef(part) if geometry.GetGeometryCount() else geometry
            col, row = int(np.floor((point.GetX() - x0) / dx)), int(np.floor((point.GetY() - y0) / dy))
            if 0 <= row < grid.height and 0 <= col < grid.width:
                rows.append(row)
                cols.append(col)
                values.append(int(value))
            else:
                outside += 1
    if not rows:
        raise CryoInputError("No reference point falls on the map; check that they cover the same area (and CRS)")
    rows_a, cols_a, values_a = np.array(rows), np.array(cols), np.array(values, np.int64)
    for r0, r1 in source.row_blocks(run):
        here = (rows_a >= r0) & (rows_a < r1)
        if here.any():
            mapped, map_valid = source.read(r0, r1)
            picked = (rows_a[here] - r0, cols_a[here])
            tally.add(mapped[picked], map_valid[picked], values_a[here], np.ones(int(here.sum()), bool))
    result = tally.result()
    result.excluded["outside_map"] = outside
    return result
