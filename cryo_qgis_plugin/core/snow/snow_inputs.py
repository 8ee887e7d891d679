"""The inputs of the snow cover computation: the Terra and Aqua stacks of daily MOD10A1/MYD10A1 codes and the DEM.

Stacks are read by the shared readers of :mod:`..io.stack` (the path the MODIS LST stacks take): a multi-band
GeoTIFF of the codes dated by its band descriptions, or a folder of daily files dated by their names (HDF4 granules
as downloaded, ``MOD10A1.A2021001.h24v05.061.<production>.hdf``, dated by ``AYYYYDDD``; tiles of one date mosaicked
on their union grid, :mod:`..io.tile_mosaic`). In HDF4 granules the grid ``NDSI_Snow_Cover`` is chosen by default.

A folder holding both MOD (Terra) and MYD (Aqua) files, told apart by the start of their names, is read as two
stacks, one per satellite, through the same folder reader.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from ..errors import CryoInputError
from ..io.folder_stack import FolderStack, dated_files
from ..io.gdal_sources import gdal_variables
from ..io.grid import GLOBAL_QUARTER_DEGREE, Georeference, Grid
from ..io.hdf5_datasets import HDF5_SUFFIXES, is_hdf5_file, match_dataset_name
from ..io.raster import grid_of, open_raster
from ..io.stack import open_stack
from ..io.stack_base import Stack
from .modis_codes import check_dtype

SNOW_DATASET = "NDSI_Snow_Cover"
_SENSOR = re.compile(r"(?i)^(MOD|MYD)")  # MOD10A1: Terra, MYD10A1: Aqua


class GranuleStack(FolderStack):
    """The files of one satellite among a folder's daily files, read exactly as :class:`FolderStack` reads a folder
    (GDAL, tiles of one date mosaicked)."""

    def __init__(self, folder: str, files: List[Tuple[dt.date, str]], dataset: Optional[str],
                 georef: Georeference, label: str):
        super().__init__(folder, dataset, georef, files=files, label="{} ({} files)".format(folder, label))


@dataclass
class SnowInputs:
    """The daily code stacks: ``terra`` (INPUT, or the MOD files of a mixed folder) and ``aqua`` (INPUT_AQUA, or the
    MYD files; None without one)."""

    terra: Stack
    aqua: Optional[Stack] = None

    @property
    def files(self) -> List[str]:
        return self.terra.files + (self.aqua.files if self.aqua is not None else [])

    def describe(self) -> str:
        text = "Terra/INPUT: " + self.terra.describe()
        if self.aqua is not None:
            text += "\nAqua: " + self.aqua.describe()
        return text

    def close(self) -> None:
        self.terra.close()
        if self.aqua is not None:
            self.aqua.close()

    def __enter__(self) -> "SnowInputs":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def snow_dataset(path: str, dataset: Optional[str]) -> Optional[str]:
    """DATASET as given, else ``NDSI_Snow_Cover`` for HDF4 files that hold it (MOD10A1/MYD10A1), else None (a file
    with a single grid). An HDF4 file without it is refused as not being a snow cover product."""
    if dataset:
        return dataset
    first = path
    if os.path.isdir(path):
        first = dated_files(path)[0][1]
    if first.lower().endswith(HDF5_SUFFIXES) and is_hdf5_file(first):
        return None
    if not first.lower().endswith(".hdf"):
        return None
    names = [v.name for v in gdal_variables(first)]
    if not names or match_dataset_name(names, SNOW_DATASET):
        return SNOW_DATASET if names else None
    raise CryoInputError("{} holds no {} grid (it holds {}): it is not a MOD10A1/MYD10A1 snow cover file. Give the "
                         "daily snow cover granules, or name the grid of NDSI_Snow_Cover codes in DATASET".format(
                             first, SNOW_DATASET, ", ".join(names)))


def open_snow_inputs(path: str, aqua_path: Optional[str] = None, dataset: Optional[str] = None,
                     start_date: Optional[dt.date] = None, georef: Optional[Georeference] = None) -> SnowInputs:
    """The Terra and Aqua stacks of ``path`` (file or folder) and ``aqua_path`` (optional; file or folder).

    A folder with both MOD and MYD files gives both stacks (``aqua_path`` must then be empty). ``dataset``
    (default ``NDSI_Snow_Cover`` in HDF4 granules), ``start_date`` and ``georef`` are read as
    :func:`..io.stack.open_stack` reads them. Both stacks must lie on one grid.
    """
    split = _split_by_sensor(path) if os.path.isdir(path) else None
    if split is not None:
        if aqua_path:
            raise CryoInputError("{} holds both MOD (Terra) and MYD (Aqua) files, read as the two satellites; leave "
                                 "INPUT_AQUA empty (or give the MYD files only there)".format(path))
        chosen = snow_dataset(path, dataset)
        terra = GranuleStack(path, split[0], chosen, georef or GLOBAL_QUARTER_DEGREE, "MOD")
        try:
            aqua = GranuleStack(path, split[1], chosen, georef or GLOBAL_QUARTER_DEGREE, "MYD")
        except BaseException:
            terra.close()
            raise
        return _checked(SnowInputs(terra, aqua))
    terra = open_stack(path, snow_dataset(path, dataset), start_date, georef)
    if not aqua_path:
        return _checked(SnowInputs(terra))
    try:
        aqua = open_stack(aqua_path, snow_dataset(aqua_path, dataset), start_date, georef)
    except BaseException:
        terra.close()
        raise
    return _checked(SnowInputs(terra, aqua))


def _split_by_sensor(folder: str) -> Optional[Tuple[List[Tuple[dt.date, str]], List[Tuple[dt.date, str]]]]:
    """``(MOD files, MYD files)`` of a folder holding both, None otherwise."""
    files = dated_files(folder)
    sensors = [_sensor_of(p) for _, p in files]
    if "MOD" not in sensors or "MYD" not in sensors:
        return None
    other = [os.path.basename(p) for (_, p), s in zip(files, sensors) if s is None]
    if other:
        raise CryoInputError("{} holds MOD (Terra) and MYD (Aqua) files but also {} other file(s) ({}); keep only "
                             "the MOD10A1 and MYD10A1 files in the folder".format(folder, len(other),
                                                                                  ", ".join(other[:3])))
    return ([f for f, s in zip(files, sensors) if s == "MOD"], [f for f, s in zip(files, sensors) if s == "MYD"])


def _sensor_of(path: str) -> Optional[str]:
    match = _SENSOR.match(os.path.basename(path))
    return match.group(1).upper() if match else None


def _checked(inputs: SnowInputs) -> SnowInputs:
    try:
        for stack in (inputs.terra, inputs.aqua):
            if stack is not None:
                check_dtype(stack.dtype, stack.source)
        if inputs.aqua is not None and not inputs.aqua.grid.matches(inputs.terra.grid):
            raise CryoInputError(
                "The Aqua stack {} is on another grid than the Terra stack {}:\n  {}\n  {}\ngive both satellites on "
                "one grid (the same tiles)".format(inputs.aqua.source, inputs.terra.source,
                                                   inputs.aqua.grid.describe(), inputs.terra.grid.describe()))
    except BaseException:
        inputs.close()
        raise
    return inputs


class Dem:
    """A DEM on the grid of the snow stacks, read by rows (metres; nodata and non-finite values are NaN)."""

    def __init__(self, path: str, grid: Grid):
        self.path = path
        self._ds = open_raster(path, "DEM")
        own = grid_of(self._ds)
        if not own.matches(grid):
            xmin, ymin, xmax, ymax = grid.extent
            raise CryoInputError(
                "The DEM {} is on another grid than the snow cover stack:\n  DEM:   {}\n  stack: {}\nwarp it onto the "
                "stack's grid first, e.g. gdalwarp -t_srs <the stack's CRS> -te {:.6f} {:.6f} {:.6f} {:.6f} -ts {} {} "
                "-r bilinear (QGIS: Raster > Projections > Warp, with the stack as the extent and its cell "
                "size)".format(
                    path, own.describe(), grid.describe(), xmin, ymin, xmax, ymax, grid.width, grid.height))
        band = self._ds.GetRasterBand(1)
        self.nodata = band.GetNoDataValue()
        low, high = np.inf, -np.inf
        for r0 in range(0, grid.height, 256):
            rows = self.read(r0, min(grid.height, r0 + 256))
            if np.isfinite(rows).any():
                low, high = min(low, float(np.nanmin(rows))), max(high, float(np.nanmax(rows)))
        if not np.isfinite(low):
            raise CryoInputError("The DEM {} holds no elevation (every cell is nodata); give a DEM of the "
                                 "area".format(path))
        self.range = (low, high)

    def read(self, r0: int, r1: int) -> np.ndarray:
        """Rows ``r0:r1`` as float32 metres, NaN where the DEM has no value."""
        try:
            rows = self._ds.GetRasterBand(1).ReadAsArray(0, r0, self._ds.RasterXSize, r1 - r0).astype(np.float32)
        except RuntimeError as exc:
            raise CryoInputError("The DEM {} cannot be read ({}): it looks damaged".format(self.path, exc)) from None
        if self.nodata is not None:
            rows[rows == np.float32(self.nodata)] = np.nan
        rows[~np.isfinite(rows)] = np.nan
        return rows

    def close(self) -> None:
        self._ds = None


def open_dem(path: Optional[str], grid: Grid) -> Optional[Dem]:
    """The DEM at ``path`` on ``grid`` (refused on another grid); None without a path."""
    if not path:
        return None
    if not os.path.exists(path):
        raise CryoInputError("The DEM {} does not exist; check the DEM path".format(path))
    return Dem(path, grid)
