"""The grids of an HDF5 file: which 2-D/3-D numeric datasets it holds, which one to read, its fill value."""
from __future__ import annotations

from typing import Dict, Optional, Tuple

import h5py
import numpy as np

from ..errors import CryoInputError

HDF5_SUFFIXES = (".h5", ".hdf5", ".he5", ".hdf")


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
        name = dataset if dataset.startswith("/") else "/" + dataset
        if name not in found:
            raise CryoInputError("{} has no 2-D or 3-D numeric dataset {!r}; it has: {}".format(
                path, dataset, ", ".join(sorted(found)) or "none"))
        return name
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
