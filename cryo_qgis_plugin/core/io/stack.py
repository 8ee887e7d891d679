"""Stacks of daily grids: one object for every layout the data centres ship.

A :class:`Stack` is a time series of co-registered 2-D grids with its dates, its :class:`~.grid.Grid`
and its nodata value. It never holds the whole series in memory: callers read ``(times, rows, cols)``
slabs with :meth:`Stack.read`, in blocks of rows or of dates sized by :func:`blocks` to a memory budget.

Layouts, opened with :func:`open_stack`:

* one HDF5 file holding a 3-D dataset ``(time, row, col)`` (dates from ``start_date``, one per day) or a
  2-D dataset (one day, dated by the file name or ``start_date``);
* a folder of daily HDF5 or GeoTIFF files whose names carry the date (``AMSR_20070125_FT_25.h5``);
* a multi-band raster GDAL reads (GeoTIFF, netCDF): dates from the band descriptions (ISO dates, as
  this plugin writes them), from netCDF time metadata, or from ``start_date``.

HDF5 files carry no georeferencing in the freeze/thaw products, so they get the extent and CRS the caller
gives (:class:`~.grid.Georeference`), by default the global 0.25° EPSG:4326 grid.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from abc import ABC, abstractmethod
from typing import Dict, List, Optional, Sequence, Tuple, Union

import h5py
import numpy as np
from osgeo import gdal

from .dates import date_from_description, date_from_name
from ..errors import CryoInputError
from .grid import GLOBAL_QUARTER_DEGREE, Georeference, Grid
from .hdf5_datasets import HDF5_SUFFIXES, choose_hdf5_dataset, hdf5_nodata

GDAL_SUFFIXES = (".tif", ".tiff", ".nc", ".nc4")
TimeIndex = Union[slice, Sequence[int]]


class Stack(ABC):
    """A dated series of grids on one :class:`Grid`."""

    def __init__(self, source: str, dates: List[dt.date], grid: Grid, dtype: np.dtype,
                 nodata: Optional[float]):
        if not dates:
            raise CryoInputError("{} holds no grid (0 dates); check that it is the right file and dataset"
                                 .format(source))
        _check_unique_dates(source, dates)
        order = sorted(range(len(dates)), key=dates.__getitem__)
        # bands stored out of date order (unambiguous: every band has its date) are read in date order
        self._stored: Optional[List[int]] = order if order != list(range(len(dates))) else None
        self.source = source
        self.dates = [dates[i] for i in order]
        self.grid = grid
        self.dtype = np.dtype(dtype)
        self.nodata = nodata

    @property
    def shape(self) -> Tuple[int, int, int]:
        return (len(self.dates),) + self.grid.shape

    def read(self, rows: slice, times: TimeIndex = slice(None)) -> np.ndarray:
        """Read the rows ``rows`` of the grids at (date-ordered) positions ``times``: array ``(t, r, width)``.
        A grid that cannot be read (a damaged compressed block, a truncated file) is named by file and date."""
        if self._stored is not None:
            times = [self._stored[p] for p in _time_positions(len(self.dates), times)]
        try:
            return self._read(rows, times)
        except (OSError, RuntimeError) as exc:
            raise self._unreadable(rows, _time_positions(len(self.dates), times), exc) from None

    @abstractmethod
    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        """Read the rows ``rows`` of the grids at the positions ``stored`` in storage order."""

    def file_of(self, stored: int) -> str:
        """The file holding the grid at storage position ``stored``."""
        return self.source

    def _unreadable(self, rows: slice, stored: List[int], exc: Exception) -> CryoInputError:
        """The error naming the first grid of ``stored`` that cannot be read on its own."""
        r0, r1, _ = rows.indices(self.grid.height)
        by_date = {t: i for i, t in enumerate(self._stored)} if self._stored is not None else None
        for t in stored:
            try:
                self._read(rows, [t])
            except (OSError, RuntimeError) as single:
                p = by_date[t] if by_date is not None else t
                return CryoInputError(
                    "{}: the grid of {} (date {} of {}, rows {}-{}) cannot be read ({}): the file is damaged or "
                    "incomplete; download it again, or choose a period without that date".format(
                        self.file_of(t), self.dates[p], p + 1, len(self.dates), r0, r1 - 1, single))
        return CryoInputError("{}: reading rows {}-{} failed ({}); check that the file is complete".format(
            self.source, r0, r1 - 1, exc))

    @property
    def files(self) -> List[str]:
        """The files the stack reads (outputs must never replace them)."""
        return [self.source]

    @property
    def time_chunk(self) -> int:
        """How many dates the storage compresses together (read whole multiples of it)."""
        return 1

    def close(self) -> None:
        """Release open files (the default layouts open files per read, so nothing to do)."""

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def describe(self) -> str:
        text = "{}: {} dates {} .. {}, {}".format(self.source, len(self.dates), self.dates[0], self.dates[-1],
                                                  self.grid.describe())
        if self._stored is not None:
            text += "; its grids are not stored in date order (the first is {}): read in date order".format(
                self.dates[self._stored.index(0)])
        return text


def _check_unique_dates(source: str, dates: Sequence[dt.date]) -> None:
    seen: Dict[dt.date, int] = {}
    for i, day in enumerate(dates):
        if day in seen:
            raise CryoInputError("{}: the date {} occurs twice (positions {} and {}); remove the duplicate "
                                 "file or band".format(source, day, seen[day] + 1, i + 1))
        seen[day] = i


def _time_positions(n: int, times: TimeIndex) -> List[int]:
    return list(range(n))[times] if isinstance(times, slice) else [int(t) for t in times]

# --------------------------------------------------------------------------------------------- HDF5


class Hdf5Stack(Stack):
    """One HDF5 file: a 3-D ``(time, row, col)`` dataset, or a 2-D dataset for a single day."""

    def __init__(self, path: str, dataset: Optional[str], start_date: Optional[dt.date], georef: Georeference):
        self.dataset = choose_hdf5_dataset(path, dataset)
        with h5py.File(path, "r") as h5:
            ds = h5[self.dataset]
            shape, dtype, nodata = ds.shape, ds.dtype, hdf5_nodata(ds)
        grid = georef.grid_for(shape[-2:], path)
        n_times = shape[0] if len(shape) == 3 else 1
        first = start_date or (date_from_name(os.path.basename(path)) if n_times == 1 else None)
        if first is None:
            raise CryoInputError("{}: cannot tell the date of the first grid; give START_DATE (YYYY-MM-DD)"
                                 .format(path))
        dates = [first + dt.timedelta(days=i) for i in range(n_times)]
        super().__init__(path, dates, grid, dtype, nodata)
        self._h5 = h5py.File(path, "r")
        self._ds = self._h5[self.dataset]

    @property
    def time_chunk(self) -> int:
        return self._ds.chunks[0] if self._ds.ndim == 3 and self._ds.chunks else 1

    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        positions = _time_positions(len(self.dates), stored)
        if self._ds.ndim == 2:
            return np.repeat(self._ds[rows][np.newaxis], len(positions), axis=0)
        if not positions:
            return np.empty((0, len(range(*rows.indices(self.grid.height))), self.grid.width), self.dtype)
        if positions == list(range(positions[0], positions[-1] + 1)):
            return self._ds[positions[0]:positions[-1] + 1, rows, :]
        return np.stack([self._ds[t, rows, :] for t in positions])

    def close(self) -> None:
        self._h5.close()

# ------------------------------------------------------------------------------------------- folders


class FolderStack(Stack):
    """A folder of daily single-grid files (HDF5 or GeoTIFF), dated by their names."""

    def __init__(self, folder: str, dataset: Optional[str], georef: Georeference):
        files = _dated_files(folder)
        first = files[0][1]
        self.is_hdf5 = first.lower().endswith(HDF5_SUFFIXES)
        if self.is_hdf5:
            self.dataset = choose_hdf5_dataset(first, dataset)
            grid, dtype, nodata = self._check_hdf5_files(files, georef)
        else:
            self.dataset = None
            grid, dtype, nodata = self._check_gdal_files(files, georef)
        self.paths = [p for _, p in files]
        super().__init__(folder, [d for d, _ in files], grid, dtype, nodata)

    def _check_hdf5_files(self, files, georef: Georeference):
        grid = dtype = nodata = None
        for _, path in files:
            try:
                with h5py.File(path, "r") as h5:
                    if self.dataset not in h5:
                        raise CryoInputError("{} has no dataset {} (found in {}); every file of the folder "
                                             "must be the same product".format(path, self.dataset, files[0][1]))
                    ds = h5[self.dataset]
                    if ds.ndim != 2:
                        raise CryoInputError("{}: {} is {}-D; a folder stack needs one 2-D grid per file"
                                             .format(path, self.dataset, ds.ndim))
                    if grid is None:
                        grid, dtype, nodata = georef.grid_for(ds.shape, path), ds.dtype, hdf5_nodata(ds)
                        reference = path
                    elif ds.shape != grid.shape:
                        raise CryoInputError("{} is {} rows x {} columns but {} is {} x {}; every file of the "
                                             "folder must be on one grid".format(path, *ds.shape, reference,
                                                                                 *grid.shape))
            except OSError as exc:
                raise CryoInputError("{} is not a readable HDF5 file ({}); remove it from the folder"
                                     .format(path, exc)) from None
        return grid, dtype, nodata

    @staticmethod
    def _check_gdal_files(files, georef: Georeference):
        reference = None
        for _, path in files:
            ds = _open_gdal(path)
            file_grid = _gdal_grid(ds, georef, path)
            if reference is None:
                reference = (file_grid, path)
                band = ds.GetRasterBand(1)
                dtype = gdal_array_dtype(band.DataType)
                nodata = band.GetNoDataValue()
            elif not file_grid.matches(reference[0]):
                raise CryoInputError(
                    "{} is on another grid than {}:\n  {}\n  {}\nwarp the files to one grid first".format(
                        path, reference[1], file_grid.describe(), reference[0].describe()))
        return reference[0], dtype, nodata

    @property
    def files(self) -> List[str]:
        return list(self.paths)

    def file_of(self, stored: int) -> str:
        return self.paths[stored]

    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        r0, r1, _ = rows.indices(self.grid.height)
        positions = _time_positions(len(self.paths), stored)
        out = np.empty((len(positions), r1 - r0, self.grid.width), self.dtype)
        for i, t in enumerate(positions):
            path = self.paths[t]
            if self.is_hdf5:
                with h5py.File(path, "r") as h5:
                    h5[self.dataset].read_direct(out, np.s_[r0:r1, :], np.s_[i])
            else:
                ds = gdal.Open(path)
                out[i] = ds.GetRasterBand(1).ReadAsArray(0, r0, self.grid.width, r1 - r0)
        return out


def _dated_files(folder: str) -> List[Tuple[dt.date, str]]:
    names = sorted(n for n in os.listdir(folder) if n.lower().endswith(HDF5_SUFFIXES + GDAL_SUFFIXES))
    if not names:
        raise CryoInputError("{} holds no HDF5 (.h5) or GeoTIFF (.tif) files".format(folder))
    kinds = {n.lower().endswith(HDF5_SUFFIXES) for n in names}
    if len(kinds) > 1:
        raise CryoInputError("{} mixes HDF5 and GeoTIFF/netCDF files; keep one product per folder".format(folder))
    undated = [n for n in names if date_from_name(n) is None]
    if undated:
        raise CryoInputError(
            "{}: {} file(s) have no date in their name ({}{}); daily files must be named with YYYYMMDD or "
            "YYYYDDD (e.g. AMSR_20070125_FT_25.h5): rename or move them".format(
                folder, len(undated), ", ".join(undated[:5]), ", ..." if len(undated) > 5 else ""))
    files = sorted((date_from_name(n), os.path.join(folder, n)) for n in names)
    for (d1, p1), (d2, p2) in zip(files, files[1:]):
        if d1 == d2:
            raise CryoInputError("{} and {} carry the same date {}; remove one of them".format(p1, p2, d1))
    return files

# ---------------------------------------------------------------------------------------------- GDAL


def gdal_array_dtype(gdal_type: int) -> np.dtype:
    from osgeo import gdal_array
    return np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(gdal_type))


def _open_gdal(path: str) -> gdal.Dataset:
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise CryoInputError("{} cannot be opened as a raster ({})".format(path, exc)) from None
    if ds is None or ds.RasterCount == 0:
        raise CryoInputError("{} has no raster bands; for netCDF/HDF5 with several variables give DATASET"
                             .format(path))
    return ds


def _gdal_grid(ds: gdal.Dataset, georef: Georeference, path: str) -> Grid:
    """The raster's own grid, or the one ``georef`` gives when it carries no georeferencing."""
    gt = ds.GetGeoTransform(can_return_null=True)
    wkt = ds.GetProjection()
    if gt is None or not wkt:
        return georef.grid_for((ds.RasterYSize, ds.RasterXSize), path)
    return Grid(ds.RasterXSize, ds.RasterYSize, tuple(gt), wkt)


def _netcdf_dates(ds: gdal.Dataset) -> Optional[List[dt.date]]:
    """Dates of netCDF bands from ``NETCDF_DIM_time`` and ``time#units`` ("days since 2002-06-01")."""
    md = ds.GetMetadata() or {}
    units = md.get("time#units", "")
    match = re.match(r"\s*(days|hours|seconds)\s+since\s+(\d{4}-\d{1,2}-\d{1,2})", units)
    if not match:
        return None
    per_day = {"days": 1.0, "hours": 24.0, "seconds": 86400.0}[match.group(1)]
    origin = dt.date(*(int(v) for v in match.group(2).split("-")))
    dates = []
    for b in range(1, ds.RasterCount + 1):
        value = ds.GetRasterBand(b).GetMetadata().get("NETCDF_DIM_time")
        if value is None:
            return None
        dates.append(origin + dt.timedelta(days=int(np.floor(float(value) / per_day))))
    return dates


class GdalStack(Stack):
    """A multi-band raster read through GDAL (GeoTIFF, netCDF variable, ...), one band per day."""

    def __init__(self, path: str, dataset: Optional[str], start_date: Optional[dt.date], georef: Georeference):
        open_path = path
        if path.lower().endswith((".nc", ".nc4")):
            open_path = self._netcdf_variable(path, dataset)
        ds = _open_gdal(open_path)
        n = ds.RasterCount
        if start_date is not None:
            dates = [start_date + dt.timedelta(days=i) for i in range(n)]
        else:
            dates = _netcdf_dates(ds) or [date_from_description(ds.GetRasterBand(b).GetDescription())
                                          for b in range(1, n + 1)]
            if n == 1 and dates[0] is None:
                dates = [date_from_name(os.path.basename(path))]
            if any(d is None for d in dates):
                raise CryoInputError("{}: the bands carry no dates (band descriptions YYYY-MM-DD or netCDF time); "
                                     "give START_DATE for a daily series".format(path))
        band = ds.GetRasterBand(1)
        super().__init__(path, dates, _gdal_grid(ds, georef, path), gdal_array_dtype(band.DataType),
                         band.GetNoDataValue())
        self.open_path = open_path
        self._ds = ds

    @staticmethod
    def _netcdf_variable(path: str, dataset: Optional[str]) -> str:
        ds = _open_gdal_any(path)
        subs = [name for name, _ in ds.GetSubDatasets()]
        if not subs:
            return path
        if dataset:
            wanted = [s for s in subs if s.split(":")[-1] == dataset.lstrip("/")]
            if not wanted:
                raise CryoInputError("{} has no variable {!r}; it has: {}".format(
                    path, dataset, ", ".join(s.split(":")[-1] for s in subs)))
            return wanted[0]
        raise CryoInputError("{} holds several variables ({}); choose one with the DATASET parameter".format(
            path, ", ".join(s.split(":")[-1] for s in subs)))

    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        r0, r1, _ = rows.indices(self.grid.height)
        positions = _time_positions(len(self.dates), stored)
        if not positions:
            return np.empty((0, r1 - r0, self.grid.width), self.dtype)
        data = self._ds.ReadAsArray(0, r0, self.grid.width, r1 - r0, band_list=[t + 1 for t in positions])
        return data.reshape(len(positions), r1 - r0, self.grid.width)

    def close(self) -> None:
        self._ds = None


def _open_gdal_any(path: str) -> gdal.Dataset:
    try:
        return gdal.Open(path)
    except RuntimeError as exc:
        raise CryoInputError("{} cannot be opened ({})".format(path, exc)) from None

# ------------------------------------------------------------------------------------------- opening


def open_stack(path: str, dataset: Optional[str] = None, start_date: Optional[dt.date] = None,
               georef: Optional[Georeference] = None) -> Stack:
    """Open a daily stack from a file or a folder (see the module docstring for the layouts).

    ``georef`` georeferences files that carry none (HDF5 always; default: global 0.25° EPSG:4326);
    raster files with their own georeferencing keep it.
    """
    georef = georef or GLOBAL_QUARTER_DEGREE
    if not os.path.exists(path):
        raise CryoInputError("{} does not exist; check the INPUT path".format(path))
    if os.path.isdir(path):
        return FolderStack(path, dataset, georef)
    if path.lower().endswith(HDF5_SUFFIXES):
        return Hdf5Stack(path, dataset, start_date, georef)
    return GdalStack(path, dataset, start_date, georef)
