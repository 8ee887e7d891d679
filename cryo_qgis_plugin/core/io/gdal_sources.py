"""Rasters GDAL reads for the stacks: netCDF variables (also inside netCDF-4 groups), HDF4 subdatasets (MODIS
HDF4-EOS grids), their grid, data type and packing.

A file with several variables lists them as GDAL subdatasets, e.g. ``NETCDF:"f.nc4":/Group/variable`` or
``HDF4_EOS:EOS_GRID:"f.hdf":MODIS_Grid_Daily_1km_LST:LST_Day_1km``. Each is named here by its path in the file
(``/Group/variable``, ``MODIS_Grid_Daily_1km_LST/LST_Day_1km``), and DATASET matches that name in full or by its
last parts (:func:`~.hdf5_datasets.match_dataset_name`): the names this module lists are the names it accepts.

Packing follows the file: GDAL's band scale/offset, else the ``scale_factor``/``add_offset`` metadata items. In
HDF4 files the metadata items follow the HDF4 calibration convention ``value = scale_factor * (stored -
add_offset)`` (HDF4 User's Guide, "Calibration attributes"; MODIS Land products), so the offset is
``-scale_factor * add_offset`` there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
from osgeo import gdal

from ..errors import CryoInputError
from .grid import Georeference, Grid, snapped_to_preset
from .hdf5_datasets import match_dataset_name

GDAL_SUFFIXES = (".tif", ".tiff", ".nc", ".nc4")
_SHAPE = re.compile(r"^\s*\[([\dx]+)\]\s*(\S+)?")


@dataclass(frozen=True)
class Variable:
    """One subdataset: its name in the file, what GDAL opens, its shape and data type (as GDAL says them)."""

    name: str
    open_path: str
    shape: Tuple[int, ...]
    dtype: str

    @property
    def is_grid(self) -> bool:
        return len(self.shape) in (2, 3)


def _variable(open_path: str, description: str) -> Variable:
    """The variable of a subdataset: its name is what follows the quoted file name, ``:`` read as ``/`` (a
    numbered HDF4 SDS is named by its description)."""
    tail = open_path[open_path.rfind('":') + 2:] if '":' in open_path else open_path.split(":")[-1]
    match = _SHAPE.match(description or "")
    shape = tuple(int(v) for v in match.group(1).split("x")) if match else ()
    if tail.isdigit() and match and match.group(2):
        tail = match.group(2)
    dtype = description[description.rfind("(") + 1:].rstrip(")") if "(" in (description or "") else ""
    return Variable(tail.replace(":", "/").replace("//", "/"), open_path, shape, dtype)


def gdal_variables(path: str) -> List[Variable]:
    """The subdatasets of ``path`` (empty for a raster that is a single variable)."""
    ds = open_gdal_any(path)
    return [_variable(name, description) for name, description in (ds.GetSubDatasets() or [])]


def choose_gdal_variable(path: str, dataset: Optional[str]) -> str:
    """What GDAL opens for DATASET ``dataset`` in ``path``: the file itself when it is a single raster, else the
    subdataset ``dataset`` designates (by full path or last parts, refused when ambiguous), or the only grid."""
    variables = gdal_variables(path)
    if not variables:
        return path
    names = [v.name for v in variables]
    if dataset:
        matches = match_dataset_name(names, dataset)
        if len(matches) > 1:
            raise CryoInputError("{}: DATASET {!r} is ambiguous, the file has {}; give the full path".format(
                path, dataset, " and ".join(matches)))
        if not matches:
            raise CryoInputError("{} has no variable {!r}; it has: {}".format(path, dataset, ", ".join(names)))
        return variables[names.index(matches[0])].open_path
    grids = [v for v in variables if v.is_grid]
    if len(grids) == 1:
        return grids[0].open_path
    raise CryoInputError("{} holds several variables ({}); choose one with the DATASET parameter".format(
        path, ", ".join(names)))


def gdal_array_dtype(gdal_type: int) -> np.dtype:
    from osgeo import gdal_array
    return np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(gdal_type))


def open_gdal_any(path: str) -> gdal.Dataset:
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise CryoInputError("{} cannot be opened ({})".format(path, exc)) from None
    if ds is None:
        raise CryoInputError("{} cannot be opened: GDAL does not recognise its format".format(path))
    return ds


def open_gdal(path: str) -> gdal.Dataset:
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise CryoInputError("{} cannot be opened as a raster ({})".format(path, exc)) from None
    if ds is None or ds.RasterCount == 0:
        raise CryoInputError("{} has no raster bands; for netCDF/HDF5 with several variables give DATASET"
                             .format(path))
    return ds


def gdal_grid(ds: gdal.Dataset, georef: Georeference, path: str, name: str = "") -> Grid:
    """The raster's own grid (put exactly on a known EASE grid when within a thousandth of a cell of it), or the
    one ``georef`` gives when it carries no georeferencing."""
    gt = ds.GetGeoTransform(can_return_null=True)
    wkt = ds.GetProjection()
    if gt is None or not wkt:
        return georef.grid_for((ds.RasterYSize, ds.RasterXSize), path, name)
    return snapped_to_preset(Grid(ds.RasterXSize, ds.RasterYSize, tuple(gt), wkt))


def _number(text: Optional[str]) -> Optional[float]:
    try:
        return float(str(text).split(",")[0]) if text not in (None, "") else None
    except ValueError:
        return None


def gdal_packing(ds: gdal.Dataset) -> Tuple[Optional[float], Optional[float]]:
    """``(scale, offset)`` of the first band (None for each one the file does not give)."""
    band = ds.GetRasterBand(1)
    scale, offset = band.GetScale(), band.GetOffset()
    metadata = dict(ds.GetMetadata() or {}, **(band.GetMetadata() or {}))
    if scale is None:
        scale = _number(metadata.get("scale_factor"))
    if offset is None:
        offset = _number(metadata.get("add_offset"))
        if offset is not None and ds.GetDriver().ShortName.startswith("HDF4"):
            offset = -offset * (scale if scale is not None else 1.0)
    return scale, offset


def gdal_nodata(ds: gdal.Dataset) -> Optional[float]:
    """The first band's nodata, else the ``_FillValue`` metadata item."""
    band = ds.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    if nodata is None:
        nodata = _number((band.GetMetadata() or {}).get("_FillValue") or (ds.GetMetadata() or {}).get("_FillValue"))
    return nodata
