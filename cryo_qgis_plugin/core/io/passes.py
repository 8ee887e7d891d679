"""Satellite passes stored side by side in one daily granule (SMAP AM/PM), and other dimensions that are not time.

SMAP Level-3 freeze/thaw and soil-moisture granules hold one day: the descending (about 6 am local solar time)
and ascending (about 6 pm) half-orbits are stored as two planes of one array, ``[am_pm][row][col]`` with
"AM (dimension AMPM=0) and PM (AMPM=1) observations stored separately in the array" (SMAP L3 FT product
specification, O'Neill et al., NSIDC SPL3FTP; the attribute text of every such dataset). Those planes are
never two days: a stack takes the AM plane, the PM plane, or both combined (AM where AM holds a value, else PM).

The pass dimension is recognised by name (netCDF dimension, HDF5 dimension scale or ``DIMENSION_LABELS``) or,
in SMAP HDF5 files that carry no dimension names, by the layout: a dataset of shape (2, rows, cols) under a
``Freeze_Thaw_Retrieval_Data*`` group.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import CryoInputError

PASS_CHOICES = ("auto", "am", "pm", "combined")
# dimension names of AM/PM (descending/ascending) passes
PASS_DIMENSIONS = ("am_pm", "ampm", "pass", "passes", "overpass", "orbit_pass", "asc_des", "ascdes", "orbit")
# dimension names that are never time (a stack refuses them when they have several levels)
OTHER_DIMENSIONS = ("band", "bands", "channel", "frequency", "polarization", "polarisation", "depth", "level",
                    "lev", "layer", "height", "z")
SMAP_FT_GROUP = re.compile(r"Freeze_Thaw_Retrieval_Data", re.IGNORECASE)


def check_pass_choice(choice: Optional[str]) -> str:
    """``choice`` lower-cased ('auto' when None), refused unless one of :data:`PASS_CHOICES`."""
    value = (choice or "auto").strip().lower()
    if value not in PASS_CHOICES:
        raise CryoInputError("PASS must be one of {}, got {!r}".format(", ".join(PASS_CHOICES), choice))
    return value


def is_pass_dimension(name: str) -> bool:
    return name.strip().lower() in PASS_DIMENSIONS


def effective_pass(choice: str, has_passes: bool, source: str) -> Optional[str]:
    """What a stack reads: 'am', 'pm' or 'combined' for a granule with a pass dimension, None without one
    (``auto`` is then ignored; an explicit am/pm/combined is refused, it would silently read something else)."""
    choice = check_pass_choice(choice)
    if has_passes:
        return "combined" if choice == "auto" else choice
    if choice != "auto":
        raise CryoInputError("{} has no AM/PM pass dimension, so PASS={} cannot be applied; set PASS=auto (or "
                             "choose the dataset of that pass with DATASET)".format(source, choice))
    return None


def select_pass(planes: np.ndarray, choice: str, nodata: Optional[float]) -> np.ndarray:
    """One grid from ``planes`` (``(2, rows, cols)``, AM first): the AM plane, the PM plane, or AM where AM holds a
    value (neither ``nodata`` nor NaN), else PM."""
    if choice == "am":
        return planes[0]
    if choice == "pm":
        return planes[1]
    am, pm = planes[0], planes[1]
    missing = np.isnan(am) if am.dtype.kind == "f" else np.zeros(am.shape, bool)
    if nodata is not None and not np.isnan(nodata):
        missing |= am == np.asarray(nodata).astype(am.dtype)
    return np.where(missing, pm, am)


def describe_pass(choice: Optional[str]) -> str:
    return {"am": "AM pass (descending, 6 am)", "pm": "PM pass (ascending, 6 pm)",
            "combined": "AM pass, PM where AM has no value"}.get(choice or "", "")

# ----------------------------------------------------------------------------------------------- HDF5


def hdf5_dimension_names(ds) -> List[str]:
    """The names of an h5py dataset's dimensions: its dimension labels, else the names of the attached
    dimension scales ('' when neither says)."""
    names = []
    for dim in ds.dims:
        name = dim.label or ""
        if not name:
            try:
                keys = list(dim.keys())
            except (OSError, RuntimeError, KeyError):
                keys = []
            name = keys[0].split("/")[-1] if keys else ""
        names.append(name)
    return names


def hdf5_pass_axis(ds, name: str, source: str) -> Optional[int]:
    """The axis of an h5py dataset (3-D) holding AM/PM passes, or None. Other named non-time dimensions with
    several levels are refused."""
    if ds.ndim != 3:
        return None
    names = hdf5_dimension_names(ds)
    for axis, dim in enumerate(names):
        if is_pass_dimension(dim) and ds.shape[axis] == 2 and axis in (0, 2):
            return axis
    for axis, dim in enumerate(names):
        if dim.strip().lower() in OTHER_DIMENSIONS and ds.shape[axis] > 1:
            raise CryoInputError("{}: {} has a dimension {!r} of {} levels, which is not time; extract one level "
                                 "first".format(source, name, dim, ds.shape[axis]))
    if ds.shape[0] == 2 and SMAP_FT_GROUP.search(name):
        return 0
    return None

# ----------------------------------------------------------------------------------------------- GDAL


def _extra_dimensions(metadata: Dict[str, str]) -> List[str]:
    text = metadata.get("NETCDF_DIM_EXTRA", "")
    return [d.strip() for d in text.strip("{} ").split(",") if d.strip()]


def gdal_band_groups(metadata: Dict[str, str], band_metadata: Sequence[Dict[str, str]],
                     source: str) -> Tuple[List[Tuple[int, ...]], Optional[str]]:
    """How the bands of a GDAL raster (netCDF: ``NETCDF_DIM_*`` metadata) make dates: a list, per date in band
    order, of the 1-based bands holding it (one band, or the AM and PM bands), and the pass dimension's name
    (None without one). Other known non-time dimensions with several levels are refused."""
    n = len(band_metadata)
    extra = _extra_dimensions(metadata)
    for dim in extra:
        levels = {md.get("NETCDF_DIM_" + dim) for md in band_metadata}
        if dim.strip().lower() in OTHER_DIMENSIONS and len(levels) > 1:
            raise CryoInputError("{}: the variable has a dimension {!r} of {} levels, which is not time; extract "
                                 "one level first (e.g. gdal_translate -b)".format(source, dim, len(levels)))
    passes = [d for d in extra if is_pass_dimension(d)]
    if not passes:
        return [(b,) for b in range(1, n + 1)], None
    dim = passes[0]
    key = "NETCDF_DIM_" + dim
    values = [md.get(key) for md in band_metadata]
    levels = sorted(set(values), key=_level_order)
    if len(levels) != 2 or None in levels:
        raise CryoInputError("{}: the pass dimension {!r} has {} levels; an AM and a PM level are expected"
                             .format(source, dim, len(levels)))
    others = [tuple(sorted((k, v) for k, v in md.items() if k.startswith("NETCDF_DIM_") and k != key))
              for md in band_metadata]
    groups: Dict[tuple, List[Optional[int]]] = {}
    for band, (value, rest) in enumerate(zip(values, others), start=1):
        groups.setdefault(rest, [None, None])[levels.index(value)] = band
    if any(b is None for pair in groups.values() for b in pair):
        raise CryoInputError("{}: some dates have only one of the AM/PM passes; the file is incomplete"
                             .format(source))
    return [tuple(pair) for pair in groups.values()], dim


def _level_order(value: Optional[str]):
    try:
        return (0, float(value), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(value))
