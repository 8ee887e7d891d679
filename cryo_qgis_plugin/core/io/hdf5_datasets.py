"""The grids of an HDF5 file: which 2-D/3-D numeric datasets it holds, which one to read, its fill value and
packing (``scale_factor``, ``add_offset``); how a DATASET name matches the grids of a file (HDF5 or netCDF)."""
from __future__ import annotations

import os
from typing import Dict, Iterable, List, Optional, Tuple

import numpy as np

from ..errors import CryoInputError
from ..optional import lazy

h5py = lazy("h5py")  # imported at its first use: the plugin loads without h5py

HDF5_SUFFIXES = (".h5", ".hdf5", ".he5", ".hdf")
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


def is_hdf5_file(path: str) -> bool:
    """Whether ``path`` is an HDF5 file: its signature at offset 0, 512, 1024, 2048, ... (where the HDF5 library
    looks for it; read here without h5py, so that the need for h5py is known before it is imported). A ``.hdf``
    file may as well be HDF4 (MODIS), which GDAL reads."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            offset = 0
            while offset + len(HDF5_SIGNATURE) <= size:
                fh.seek(offset)
                if fh.read(len(HDF5_SIGNATURE)) == HDF5_SIGNATURE:
                    return True
                offset = 512 if offset == 0 else offset * 2
    except OSError:
        return False
    return False


def match_dataset_name(names: Iterable[str], wanted: str) -> List[str]:
    """The names among ``names`` (paths such as ``/Group/var``) that DATASET ``wanted`` designates: the one equal
    to it (the leading / optional, ``:`` taken as /), else every one ending with it on a / boundary (a leaf
    name such as ``transition_direction``, or a partial path). More than one means ``wanted`` is ambiguous."""
    names = list(names)
    key = wanted.strip().replace(":", "/").strip("/")
    exact = [n for n in names if n.strip("/") == key]
    if exact or not key:
        return exact[:1]
    return [n for n in names if n.strip("/").endswith("/" + key)]


def hdf5_grid_datasets(path: str) -> Dict[str, Tuple[int, ...]]:
    """All numeric 2-D and 3-D datasets of an HDF5 file, as ``{name: shape}``."""
    found: Dict[str, Tuple[int, ...]] = {}

    def visit(name: str, obj) -> None:
        if isinstance(obj, h5py.Dataset) and obj.ndim in (2, 3) and obj.dtype.kind in "uif":
            found["/" + name] = tuple(obj.shape)

    try:
        with h5py.File(path, "r") as h5:
            h5.visititems(visit)
    except OSError as exc:
        raise CryoInputError("{} is not a readable HDF5 file ({})".format(path, exc)) from None
    return found


def choose_hdf5_dataset(path: str, dataset: Optional[str]) -> str:
    """The dataset to read: ``dataset`` when given (checked), else the only 2-D/3-D numeric dataset."""
    found = hdf5_grid_datasets(path)
    if dataset:
        matches = match_dataset_name(found, dataset)
        if len(matches) > 1:
            raise CryoInputError("{}: DATASET {!r} is ambiguous, the file has {}; give the full path".format(
                path, dataset, " and ".join(sorted(matches))))
        if not matches:
            raise CryoInputError("{} has no 2-D or 3-D numeric dataset {!r}; it has: {}".format(
                path, dataset, ", ".join(sorted(found)) or "none"))
        return matches[0]
    if len(found) == 1:
        return next(iter(found))
    if not found:
        raise CryoInputError("{} holds no 2-D or 3-D numeric dataset, so it has no grid to read; check that "
                             "it is a gridded daily product".format(path))
    raise CryoInputError("{} holds several grids ({}); choose one with the DATASET parameter".format(
        path, ", ".join("{} {}".format(k, v) for k, v in sorted(found.items()))))


def hdf5_nodata(ds: h5py.Dataset) -> Optional[float]:
    """The dataset's fill value from its _FillValue, missing_value or nodata attribute (None without one)."""
    for key in ("_FillValue", "missing_value", "nodata"):
        if key in ds.attrs:
            return float(np.asarray(ds.attrs[key]).ravel()[0])
    return None


def hdf5_packing(ds: h5py.Dataset) -> Tuple[Optional[float], Optional[float]]:
    """The dataset's ``scale_factor`` and ``add_offset`` attributes (None for each one it lacks)."""
    return tuple(float(np.asarray(ds.attrs[key]).ravel()[0]) if key in ds.attrs else None
                 for key in ("scale_factor", "add_offset"))
