"""Stacks of daily grids: one object for every layout the data centres ship.

A :class:`Stack` is a time series of co-registered 2-D grids with its dates, its :class:`~.grid.Grid`
and its nodata value. It never holds the whole series in memory: callers read ``(times, rows, cols)``
slabs with :meth:`Stack.read`, in blocks of rows or of dates sized by :func:`blocks` to a memory budget.

Layouts, opened with :func:`open_stack`:

* one HDF5 file holding a 3-D dataset ``(time, row, col)`` (dates from ``start_date``, one per day) or a
  2-D dataset (one day, dated by the file name or ``start_date``);
* one SMAP L3 granule whose dataset holds the AM and PM passes of ONE day (``[am_pm][row][col]``, see
  :mod:`.passes`): one date, from the name (``SMAP_L3_FT_P_20180616_R16020_001.h5``) or ``start_date``, read as
  the AM pass, the PM pass or both combined (``passes``);
* a folder of daily files whose names carry the date (``AMSR_20070125_FT_25.h5``, ``MOD11A1.A2021227...hdf``):
  HDF5 (2-D grids or SMAP AM/PM granules), GeoTIFF, netCDF or HDF4 (:mod:`.folder_stack`);
* a raster GDAL reads (multi-band GeoTIFF, a netCDF variable also inside netCDF-4 groups, an HDF4 subdataset of
  MODIS; :mod:`.gdal_stack`): dates from the band descriptions (ISO dates, as this plugin writes them), from
  netCDF time metadata, from the file name for a single date, or from ``start_date``.

``.hdf`` files are read with h5py only when they are HDF5 (their signature); HDF4 goes to GDAL. The stack
exposes the stored values' own packing (``scale``, ``offset``: ``scale_factor``/``add_offset``, None when the
file gives none).

HDF5 files carry no georeferencing in the freeze/thaw products, so they get the extent and CRS the caller
gives (:class:`~.grid.Georeference`), by default the global 0.25° EPSG:4326 grid, or the EASE grid of a SMAP
or NSIDC-0477 product recognised by its shape and name (:mod:`.ease_grid`).
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Optional, Tuple

import numpy as np

from ..errors import CryoInputError
from ..optional import lazy
from .dates import date_from_name
from .folder_stack import FolderStack, dated_files
from .gdal_sources import GDAL_SUFFIXES, choose_gdal_variable, gdal_array_dtype, gdal_packing, open_gdal
from .gdal_stack import GdalStack
from .grid import GLOBAL_QUARTER_DEGREE, Georeference
from .hdf5_datasets import HDF5_SUFFIXES, choose_hdf5_dataset, hdf5_nodata, hdf5_packing, is_hdf5_file
from .passes import PASS_CHOICES, check_pass_choice, effective_pass, hdf5_pass_axis, select_pass
from .stack_base import Stack, TimeIndex, time_positions

h5py = lazy("h5py")  # imported at its first use: the plugin loads without h5py

__all__ = ["FolderStack", "GDAL_SUFFIXES", "GdalStack", "Hdf5Stack", "PASS_CHOICES", "Stack", "TimeIndex",
           "gdal_array_dtype", "is_hdf5_source", "open_stack", "stored_packing"]

# --------------------------------------------------------------------------------------------- HDF5


class Hdf5Stack(Stack):
    """One HDF5 file: a 3-D ``(time, row, col)`` dataset, a 2-D dataset for a single day, or the AM and PM planes
    of a single day."""

    def __init__(self, path: str, dataset: Optional[str], start_date: Optional[dt.date], georef: Georeference,
                 passes: str = "auto"):
        self.dataset = choose_hdf5_dataset(path, dataset)
        with h5py.File(path, "r") as h5:
            ds = h5[self.dataset]
            shape, dtype, nodata, packing = ds.shape, ds.dtype, hdf5_nodata(ds), hdf5_packing(ds)
            self._pass_axis = hdf5_pass_axis(ds, self.dataset, path)
        chosen = effective_pass(passes, self._pass_axis is not None, path)
        grid = georef.grid_for(tuple(n for i, n in enumerate(shape) if i != self._pass_axis)[-2:], path,
                               self.dataset)
        n_times = shape[0] if len(shape) == 3 and self._pass_axis is None else 1
        first = start_date or (date_from_name(os.path.basename(path)) if n_times == 1 else None)
        if first is None:
            raise CryoInputError("{}: cannot tell the date of the first grid; give START_DATE (YYYY-MM-DD)"
                                 .format(path))
        dates = [first + dt.timedelta(days=i) for i in range(n_times)]
        super().__init__(path, dates, grid, dtype, nodata)
        self.scale, self.offset = packing
        self.passes = chosen
        self._h5 = h5py.File(path, "r")
        self._ds = self._h5[self.dataset]

    @property
    def time_chunk(self) -> int:
        return self._ds.chunks[0] if self._ds.ndim == 3 and self._ds.chunks and self._pass_axis is None else 1

    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        positions = time_positions(len(self.dates), stored)
        if self._ds.ndim == 2:
            return np.repeat(self._ds[rows][np.newaxis], len(positions), axis=0)
        if self._pass_axis is not None:
            planes = self._ds[:, rows, :] if self._pass_axis == 0 else np.moveaxis(self._ds[rows, :, :], -1, 0)
            return np.repeat(select_pass(planes, self.passes, self.nodata)[np.newaxis], len(positions), axis=0)
        if not positions:
            return np.empty((0, len(range(*rows.indices(self.grid.height))), self.grid.width), self.dtype)
        if positions == list(range(positions[0], positions[-1] + 1)):
            return self._ds[positions[0]:positions[-1] + 1, rows, :]
        return np.stack([self._ds[t, rows, :] for t in positions])

    def close(self) -> None:
        self._h5.close()

# ------------------------------------------------------------------------------------------- opening


def open_stack(path: str, dataset: Optional[str] = None, start_date: Optional[dt.date] = None,
               georef: Optional[Georeference] = None, passes: str = "auto") -> Stack:
    """Open a daily stack from a file or a folder (see the module docstring for the layouts).

    ``georef`` georeferences files that carry none (HDF5 always; default: global 0.25° EPSG:4326, or the EASE
    grid of a recognised SMAP/NSIDC-0477 product); raster files with their own georeferencing keep it.
    ``passes`` (one of :data:`~.passes.PASS_CHOICES`) says which pass of granules holding AM and PM to read:
    ``am``, ``pm``, ``combined`` (AM where it has a value, else PM) or ``auto`` (combined for such granules,
    nothing to choose otherwise).
    """
    georef = georef or GLOBAL_QUARTER_DEGREE
    passes = check_pass_choice(passes)
    if not os.path.exists(path):
        raise CryoInputError("{} does not exist; check the INPUT path".format(path))
    if os.path.isdir(path):
        stack: Stack = FolderStack(path, dataset, georef, passes)
    elif path.lower().endswith(HDF5_SUFFIXES) and (not path.lower().endswith(".hdf") or is_hdf5_file(path)):
        stack = Hdf5Stack(path, dataset, start_date, georef, passes)
    else:
        stack = GdalStack(path, dataset, start_date, georef, passes)
    stack.open_arguments = (path, dataset, start_date, georef, passes)  # to open it again in another process
    return stack


def is_hdf5_source(path: str) -> bool:
    """Whether :func:`open_stack` reads ``path`` (a file or a folder of daily files) with h5py: HDF5 files, by
    their name (a ``.hdf`` only with the HDF5 signature; HDF4 goes to GDAL). False for what cannot be read at all
    (the stack reader says why)."""
    try:
        if os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.lower().endswith(HDF5_SUFFIXES + GDAL_SUFFIXES))
            return bool(names) and names[0].lower().endswith(HDF5_SUFFIXES) and \
                is_hdf5_file(os.path.join(path, names[0]))
    except OSError:
        return False
    lower = path.lower()
    named_hdf5 = os.path.isfile(path) and lower.endswith(HDF5_SUFFIXES)
    return named_hdf5 and (not lower.endswith(".hdf") or is_hdf5_file(path))


def stored_packing(path: str, dataset: Optional[str] = None) -> Tuple[Optional[float], Optional[float]]:
    """The ``(scale, offset)`` a source stores its values with (``scale_factor``/``add_offset`` of the dataset,
    GDAL's band scale/offset), read from the file or a folder's first daily file without opening the stack;
    None for each one it does not give."""
    if os.path.isdir(path):
        path = dated_files(path)[0][1]
    lower = path.lower()
    if lower.endswith(HDF5_SUFFIXES) and (not lower.endswith(".hdf") or is_hdf5_file(path)):
        name = choose_hdf5_dataset(path, dataset)
        try:
            with h5py.File(path, "r") as h5:
                return hdf5_packing(h5[name])
        except OSError as exc:
            raise CryoInputError("{} is not a readable HDF5 file ({})".format(path, exc)) from None
    return gdal_packing(open_gdal(choose_gdal_variable(path, dataset)))
