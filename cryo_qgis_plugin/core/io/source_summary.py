"""What a daily-grid source holds, for previewing it before decoding: datasets, dates and gaps, one day.

:class:`SourceSummary` opens a source (file or folder) with :func:`~.stack.open_stack` and keeps the stack
open for reading single days; when the stack cannot be opened it records why, and whether a start date
would fix it. :func:`thumbnail_codes` and :func:`code_colours` turn one day's codes into a small RGB image.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from ..codes import ClassTable
from ..errors import CryoInputError
from ..optional import lazy
from .gdal_sources import GDAL_SUFFIXES, gdal_variables
from .grid import Georeference
from .hdf5_datasets import HDF5_SUFFIXES, choose_hdf5_dataset, hdf5_grid_datasets, is_hdf5_file
from .stack import Stack, open_stack

h5py = lazy("h5py")  # imported at its first use: the plugin loads without h5py

# Previews accept any grid shape (on the global extent, or the EASE grid of a recognised SMAP/NSIDC-0477
# product); the grid the decoding uses is chosen separately.
PREVIEW_GEOREF = Georeference(presets=True)
UNKNOWN_COLOUR = (214, 39, 40)  # codes missing from the class table
DateRange = Tuple[dt.date, dt.date]


@dataclass(frozen=True)
class DatasetInfo:
    """One dataset of an HDF5 file, or one variable of a netCDF/HDF4 file (as GDAL lists it)."""

    name: str  # absolute path in the file, e.g. "/Grid/FT" (what DATASET accepts)
    shape: Tuple[int, ...]
    dtype: str
    is_grid: bool  # a 2-D or 3-D numeric dataset, which a stack can read


def hdf5_datasets(path: str) -> List[DatasetInfo]:
    """Every dataset of an HDF5 file, in the file's order, marking those a stack can read."""
    grids = hdf5_grid_datasets(path)
    found: List[DatasetInfo] = []

    def visit(name: str, obj) -> None:
        if isinstance(obj, h5py.Dataset):
            found.append(DatasetInfo("/" + name, tuple(obj.shape), str(obj.dtype), "/" + name in grids))

    with h5py.File(path, "r") as h5:
        h5.visititems(visit)
    return found


def gdal_datasets(path: str) -> List[DatasetInfo]:
    """Every variable of a netCDF or HDF4 file GDAL lists, named as DATASET accepts them (netCDF-4 groups
    included: ``/Freeze_Thaw_Retrieval_Data_Global/transition_direction``)."""
    return [DatasetInfo(v.name, v.shape, v.dtype, v.is_grid) for v in gdal_variables(path)]


def date_gaps(dates: List[dt.date]) -> List[DateRange]:
    """The runs of missing days between consecutive sorted ``dates``, as ``(first, last)`` missing day."""
    one = dt.timedelta(days=1)
    return [(before + one, after - one) for before, after in zip(dates, dates[1:]) if after - before > one]


def first_file(path: str) -> Optional[str]:
    """``path`` itself for a file; for a folder its first daily file by name (None when it has none)."""
    if not os.path.isdir(path):
        return path if os.path.isfile(path) else None
    names = sorted(n for n in os.listdir(path) if n.lower().endswith(HDF5_SUFFIXES + GDAL_SUFFIXES))
    return os.path.join(path, names[0]) if names else None


class SourceSummary:
    """A source opened for preview: its HDF5 datasets, its dates and gaps, and any day's grid.

    ``problem`` says why the stack could not be opened (then ``dates`` is empty); ``needs_start_date`` is
    True when it is a single file whose grids carry no date but which opens once a start date is given.
    Close it (or use it as a context manager) to release the open files.
    """

    def __init__(self, path: str, dataset: Optional[str] = None, start_date: Optional[dt.date] = None,
                 passes: str = "auto"):
        self.path = path
        self.inspected_file = first_file(path)
        self.datasets: List[DatasetInfo] = []
        self.default_dataset: Optional[str] = None
        self.stack: Optional[Stack] = None
        self.problem: Optional[str] = None
        self.needs_start_date = False
        self.missing_package: Optional[str] = None  # a package the source needs is missing (h5py)
        try:
            lower = (self.inspected_file or "").lower()
            if lower.endswith(HDF5_SUFFIXES) and (not lower.endswith(".hdf") or is_hdf5_file(self.inspected_file)):
                self.datasets = hdf5_datasets(self.inspected_file)
                self.default_dataset = _default_dataset(self.inspected_file)
            elif lower.endswith((".nc", ".nc4", ".hdf")):
                self.datasets = gdal_datasets(self.inspected_file)
                grids = [d.name for d in self.datasets if d.is_grid]
                self.default_dataset = grids[0] if len(grids) == 1 else None
            self.stack = open_stack(path, dataset, start_date, PREVIEW_GEOREF, passes)
        except CryoInputError as exc:
            self.problem = str(exc)
            self.missing_package = getattr(exc, "module", None)
            self.needs_start_date = (start_date is None and os.path.isfile(path)
                                     and _opens_with_a_date(path, dataset, passes))
        self.dataset = dataset or self.default_dataset

    @property
    def dates(self) -> List[dt.date]:
        return self.stack.dates if self.stack is not None else []

    @property
    def gaps(self) -> List[DateRange]:
        return date_gaps(self.dates)

    @property
    def missing_days(self) -> int:
        return sum((last - first).days + 1 for first, last in self.gaps)

    @property
    def grid_shape(self) -> Optional[Tuple[int, int]]:
        """``(rows, columns)`` of the grids, None when the source could not be opened."""
        return self.stack.grid.shape if self.stack is not None else None

    def day(self, index: int) -> np.ndarray:
        """The whole grid of the ``index``-th date."""
        return self.stack.read(slice(None), [index])[0]

    def close(self) -> None:
        if self.stack is not None:
            self.stack.close()

    def __enter__(self) -> "SourceSummary":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _default_dataset(path: str) -> Optional[str]:
    """The dataset the stack reader picks without a DATASET (None when the file holds several grids or none)."""
    try:
        return choose_hdf5_dataset(path, None)
    except CryoInputError:
        return None


def _opens_with_a_date(path: str, dataset: Optional[str], passes: str) -> bool:
    try:
        open_stack(path, dataset, dt.date(2000, 1, 1), PREVIEW_GEOREF, passes).close()
    except CryoInputError:
        return False
    return True


def thumbnail_codes(codes: np.ndarray, max_rows: int, max_cols: int) -> np.ndarray:
    """``codes`` resized by a whole factor to fit ``max_rows`` x ``max_cols``, without mixing classes:
    every n-th cell of a large grid, or each cell of a small grid repeated n x n times."""
    rows, cols = codes.shape
    if rows <= max_rows and cols <= max_cols:
        factor = max(1, min(max_rows // rows, max_cols // cols))
        return np.repeat(np.repeat(codes, factor, axis=0), factor, axis=1)
    step = max(-(-rows // max_rows), -(-cols // max_cols))
    return codes[::step, ::step]


def code_colours(codes: np.ndarray, table: ClassTable) -> np.ndarray:
    """RGB (``rows, cols, 3`` uint8) of each code from ``table``; other codes get :data:`UNKNOWN_COLOUR`."""
    rgb = np.empty(codes.shape + (3,), np.uint8)
    rgb[:] = UNKNOWN_COLOUR
    for code in table:
        rgb[codes == code.value] = code.color
    return rgb
