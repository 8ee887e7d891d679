"""A folder of daily files, one date each from its name: HDF5 (2-D grids, or SMAP granules whose AM and PM passes
are two planes of one array), GeoTIFF, netCDF or HDF4 (MODIS ``MOD11A1.A2021227...hdf``, dated by year and day
of year).

Files GDAL reads may repeat a date: they are then tiles of that date (MODIS ``hHHvVV`` sinusoidal tiles), read
as one mosaic per date on the union grid of all tiles (:mod:`.tile_mosaic`); they must share the data type,
nodata and packing. HDF5 files carry no georeferencing, so a repeated date is refused there."""
from __future__ import annotations

import datetime as dt
import os
from typing import List, Optional, Tuple

import numpy as np
from osgeo import gdal

from ..errors import CryoInputError
from ..optional import lazy
from .dates import date_from_name
from .gdal_sources import (GDAL_SUFFIXES, choose_gdal_variable, gdal_array_dtype, gdal_grid, gdal_nodata,
                           gdal_packing, open_gdal)
from .gdal_stack import band_groups, read_groups
from .grid import Georeference
from .hdf5_datasets import HDF5_SUFFIXES, choose_hdf5_dataset, hdf5_nodata, hdf5_packing, is_hdf5_file
from .passes import effective_pass, hdf5_pass_axis, select_pass
from .stack_base import Stack, TimeIndex, time_positions
from .tile_mosaic import TileLayout, mosaic_layout

h5py = lazy("h5py")  # imported at its first use: the plugin loads without h5py


class FolderStack(Stack):
    """A folder of daily single-date files (HDF5, GeoTIFF, netCDF, HDF4), dated by their names; files GDAL reads
    that share a date are the tiles of that date, mosaicked on the union grid of all tiles."""

    def __init__(self, folder: str, dataset: Optional[str], georef: Georeference, passes: str = "auto",
                 files: Optional[List[Tuple[dt.date, str]]] = None, label: Optional[str] = None):
        """``files``: a part of the folder's dated files (e.g. one satellite's), all of them when None;
        ``label``: what the stack is called in messages, the folder when None."""
        files = files if files is not None else dated_files(folder)
        first = files[0][1]
        self.is_hdf5 = _is_hdf5(first)
        self._pass_choice = passes
        self._pass_axis: Optional[int] = None
        self._chosen_pass: Optional[str] = None
        self._sources: List[Tuple[str, Tuple[int, ...]]] = []  # GDAL: what to open and the bands, per file
        self._layout: Optional[TileLayout] = None  # GDAL: where each date's files lie on the stack's grid
        if self.is_hdf5:
            self.dataset = choose_hdf5_dataset(first, dataset)
            grid, dtype, nodata, packing = self._check_hdf5_files(files, georef)
        else:
            self.dataset = dataset
            grid, dtype, nodata, packing = self._check_gdal_files(files, georef)
        self.paths = [p for _, p in files]
        dates = sorted({d for d, _ in files})
        if self._layout is None:
            self._layout = TileLayout.single(grid, len(dates))
        super().__init__(label or folder, dates, grid, dtype, nodata)
        self.scale, self.offset = packing
        self.passes = self._chosen_pass

    def _check_hdf5_files(self, files, georef: Georeference):
        grid = dtype = nodata = packing = None
        for _, path in files:
            try:
                with h5py.File(path, "r") as h5:
                    if self.dataset not in h5:
                        raise CryoInputError("{} has no dataset {} (found in {}); every file of the folder "
                                             "must be the same product".format(path, self.dataset, files[0][1]))
                    ds = h5[self.dataset]
                    axis = hdf5_pass_axis(ds, self.dataset, path)
                    if ds.ndim != 2 and axis is None:
                        raise CryoInputError("{}: {} is {}-D; a folder stack needs one 2-D grid per file (or the "
                                             "AM and PM planes of one day)".format(path, self.dataset, ds.ndim))
                    shape = tuple(n for i, n in enumerate(ds.shape) if i != axis)
                    if grid is None:
                        grid, dtype, nodata = georef.grid_for(shape, path, self.dataset), ds.dtype, hdf5_nodata(ds)
                        packing, reference, self._pass_axis = hdf5_packing(ds), path, axis
                        self._chosen_pass = effective_pass(self._pass_choice, axis is not None, path)
                    elif axis != self._pass_axis:
                        raise CryoInputError("{} and {} are not the same product (one holds AM and PM passes, the "
                                             "other not); keep one product per folder".format(path, reference))
                    elif shape != grid.shape:
                        raise CryoInputError("{} is {} rows x {} columns but {} is {} x {}; every file of the "
                                             "folder must be on one grid".format(path, *shape, reference,
                                                                                 *grid.shape))
            except OSError as exc:
                raise CryoInputError("{} is not a readable HDF5 file ({}); remove it from the folder"
                                     .format(path, exc)) from None
        return grid, dtype, nodata, packing

    def _check_gdal_files(self, files, georef: Georeference):
        reference = None
        grids = []
        tiled = len({d for d, _ in files}) < len(files)
        for _, path in files:
            open_path = choose_gdal_variable(path, self.dataset)
            ds = open_gdal(open_path)
            groups, has_passes = band_groups(ds, path)
            if has_passes and len(groups) > 1:
                raise CryoInputError("{} holds {} dates; a folder stack needs one date per file".format(
                    path, len(groups)))
            file_grid = gdal_grid(ds, georef, path, open_path)
            grids.append(file_grid)
            self._sources.append((open_path, groups[0]))
            kind = (gdal_array_dtype(ds.GetRasterBand(1).DataType), gdal_nodata(ds), gdal_packing(ds))
            if reference is None:
                reference = (file_grid, path, has_passes, kind)
                self._chosen_pass = effective_pass(self._pass_choice, has_passes, path)
            elif not tiled and not file_grid.matches(reference[0]):
                raise CryoInputError(
                    "{} is on another grid than {}:\n  {}\n  {}\nwarp the files to one grid first".format(
                        path, reference[1], file_grid.describe(), reference[0].describe()))
            elif has_passes != reference[2]:
                raise CryoInputError("{} and {} are not the same product (one has AM/PM passes, the other not); "
                                     "keep one product per folder".format(path, reference[1]))
            elif tiled:
                _check_same_values(path, kind, reference[1], reference[3])
        grid, (dtype, nodata, packing) = reference[0], reference[3]
        if tiled:
            self._layout = mosaic_layout([d for d, _ in files], grids, [p for _, p in files])
            grid = self._layout.grid
            if self._layout.incomplete and nodata is None:
                nodata = _gap_nodata(dtype, files[0][1], self._layout)
        return grid, dtype, nodata, packing

    @property
    def files(self) -> List[str]:
        return list(self.paths)

    def file_of(self, stored: int) -> str:
        if self.is_hdf5:
            return self.paths[stored]
        return " + ".join(self.paths[p.source] for p in self._layout.by_date[stored])

    def describe(self) -> str:
        text = super().describe()
        if self._layout is not None and self._layout.is_mosaic:
            text += "; " + self._layout.describe()
        return text

    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        r0, r1, _ = rows.indices(self.grid.height)
        positions = time_positions(len(self.dates), stored)
        if not self.is_hdf5:
            return self._read_tiles(r0, r1, positions)
        out = np.empty((len(positions), r1 - r0, self.grid.width), self.dtype)
        for i, t in enumerate(positions):
            with h5py.File(self.paths[t], "r") as h5:
                ds = h5[self.dataset]
                if self._pass_axis is None:
                    ds.read_direct(out, np.s_[r0:r1, :], np.s_[i])
                else:
                    planes = ds[:, r0:r1, :] if self._pass_axis == 0 else np.moveaxis(ds[r0:r1, :, :], -1, 0)
                    out[i] = select_pass(planes, self.passes, self.nodata)
        return out

    def _read_tiles(self, r0: int, r1: int, positions: List[int]) -> np.ndarray:
        """Rows ``r0:r1`` of the dates ``positions``, each the mosaic of its files (nodata where none lies)."""
        shape = (len(positions), r1 - r0, self.grid.width)
        if any(t in self._layout.incomplete for t in positions):
            out = np.full(shape, 0 if self.nodata is None else self.nodata, self.dtype)
        else:
            out = np.empty(shape, self.dtype)
        for i, t in enumerate(positions):
            for tile in self._layout.by_date[t]:
                first, end = tile.rows_within(r0, r1)
                if first >= end:
                    continue
                open_path, group = self._sources[tile.source]
                try:
                    block = read_groups(gdal.Open(open_path), [group], first - tile.row, end - tile.row,
                                        tile.width, self.passes, self.nodata)[0]
                except RuntimeError as exc:
                    raise RuntimeError("{}: {}".format(self.paths[tile.source], exc)) from None
                out[i, first - r0:end - r0, tile.col:tile.col + tile.width] = block
        return out


def _is_hdf5(path: str) -> bool:
    return path.lower().endswith(HDF5_SUFFIXES) and is_hdf5_file(path)


def _check_same_values(path: str, kind, reference_path: str, reference) -> None:
    """Refuse a tile whose data type, nodata or packing differ from the first tile's (mosaics mix no values)."""
    (dtype, nodata, (scale, offset)), (ref_dtype, ref_nodata, (ref_scale, ref_offset)) = kind, reference
    same_nodata = nodata == ref_nodata or (nodata is not None and ref_nodata is not None
                                           and np.isnan(nodata) and np.isnan(ref_nodata))
    same_packing = ((1.0 if scale is None else scale) == (1.0 if ref_scale is None else ref_scale)
                    and (offset or 0.0) == (ref_offset or 0.0))
    if dtype != ref_dtype or not same_nodata or not same_packing:
        raise CryoInputError(
            "{} stores its values otherwise than {} ({}, nodata {}, scale {}, offset {} vs {}, nodata {}, scale {}, "
            "offset {}); tiles mosaicked together must be the same product: remove it from the folder".format(
                path, reference_path, dtype, nodata, scale, offset, ref_dtype, ref_nodata, ref_scale, ref_offset))


def _gap_nodata(dtype: np.dtype, path: str, layout: TileLayout) -> float:
    """The nodata of the cells no tile covers when the tiles declare none: NaN for floats, refused otherwise."""
    if np.issubdtype(dtype, np.floating):
        return float("nan")
    raise CryoInputError(
        "{}: the tiles declare no nodata value, but {} date(s) of the mosaic have cells no tile covers (a missing "
        "tile, or tiles that do not fill a rectangle); give the tiles a nodata value (gdal_edit.py -a_nodata) or "
        "supply every tile of every date".format(path, len(layout.incomplete)))


def dated_files(folder: str) -> List[Tuple[dt.date, str]]:
    names = sorted(n for n in os.listdir(folder) if n.lower().endswith(HDF5_SUFFIXES + GDAL_SUFFIXES))
    if not names:
        raise CryoInputError("{} holds no HDF5 (.h5), HDF4 (.hdf), netCDF (.nc) or GeoTIFF (.tif) files"
                             .format(folder))
    kinds = {n.lower().endswith(HDF5_SUFFIXES) for n in names}
    if len(kinds) > 1:
        raise CryoInputError("{} mixes HDF5 and GeoTIFF/netCDF files; keep one product per folder".format(folder))
    undated = [n for n in names if date_from_name(n) is None]
    if undated:
        raise CryoInputError(
            "{}: {} file(s) have no date in their name ({}{}); daily files must be named with YYYYMMDD or "
            "YYYYDDD (e.g. AMSR_20070125_FT_25.h5, MOD11A1.A2021227...hdf): rename or move them".format(
                folder, len(undated), ", ".join(undated[:5]), ", ..." if len(undated) > 5 else ""))
    files = sorted((date_from_name(n), os.path.join(folder, n)) for n in names)
    if not _is_hdf5(files[0][1]):
        return files  # files GDAL reads that repeat a date are tiles of it, mosaicked by FolderStack
    for (d1, p1), (d2, p2) in zip(files, files[1:]):
        if d1 == d2:
            raise CryoInputError("{} and {} carry the same date {}; remove one of them (HDF5 files carry no "
                                 "georeferencing, so grids of one date are not mosaicked: keep one file per "
                                 "date)".format(p1, p2, d1))
    return files
