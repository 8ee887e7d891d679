"""MintPy displacement time series (``timeseries.h5``, ``geo_timeseries.h5``) as a :class:`~.stack_base.Stack`.

Layout (MintPy's ``timeseries`` object, ``mintpy/objects/stack.py``; documented at
https://mintpy.readthedocs.io/en/latest/api/data_structure/#timeseries)::

    /                 root attributes: the metadata (FILE_TYPE=timeseries, REF_DATE, X_FIRST, ...)
    /timeseries       3-D float32 (n, length, width), displacement in metres relative to REF_DATE
    /date             1-D bytes (n,) 'YYYYMMDD'
    /bperp            1-D float32 (n,) metres (optional, not used)

Geocoding comes from the root attributes ``X_FIRST``, ``Y_FIRST`` (the upper-left corner of the upper-left pixel),
``X_STEP``, ``Y_STEP`` (negative for north-up) in degrees or metres, and the CRS from ``EPSG``, else
``UTM_ZONE`` (e.g. ``45N``), else geographic WGS 84 when the coordinates are degrees. MintPy stores attribute
values as text. A file in radar coordinates (no ``X_FIRST``) is refused: geocode it with MintPy first.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Dict, Optional

import numpy as np

from ..errors import CryoInputError
from ..optional import lazy
from .grid import Grid, crs_wkt_from_user
from .hdf5_datasets import HDF5_SUFFIXES, is_hdf5_file
from .stack import open_stack
from .stack_base import Stack, TimeIndex, time_positions

h5py = lazy("h5py")  # imported at its first use: the plugin loads without h5py

DATASET = "timeseries"


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray) and value.size == 1:
        return _text(value.item())
    return str(value)


def mintpy_crs(attrs: Dict[str, str], path: str) -> str:
    """``EPSG:n`` of a MintPy file's attributes (``EPSG``, else ``UTM_ZONE``, else WGS 84 for degrees)."""
    epsg = attrs.get("EPSG", "").strip()
    if epsg and epsg.lower() not in ("none", "nan"):
        return "EPSG:{}".format(int(float(epsg)))
    zone = attrs.get("UTM_ZONE", "").strip().upper()
    if zone and zone not in ("NONE", "NAN"):
        number = int(zone.rstrip("NS"))
        return "EPSG:{}".format((32700 if zone.endswith("S") else 32600) + number)
    unit = attrs.get("X_UNIT", attrs.get("Y_UNIT", "degrees")).lower()
    x, y = float(attrs["X_FIRST"]), float(attrs["Y_FIRST"])
    if unit.startswith("deg") and abs(x) <= 360 and abs(y) <= 90:
        return "EPSG:4326"
    raise CryoInputError("{}: its coordinates are in {} but it gives neither EPSG nor UTM_ZONE; add the EPSG "
                         "attribute (e.g. with MintPy's info/save tools)".format(path, unit))


class MintPyStack(Stack):
    """The ``timeseries`` dataset of a MintPy file, dated by its ``date`` dataset, on the grid of its attributes."""

    def __init__(self, path: str):
        with h5py.File(path, "r") as h5:
            if DATASET not in h5 or "date" not in h5:
                raise CryoInputError("{} is not a MintPy time series: it needs the datasets 'timeseries' and "
                                     "'date' (it has {})".format(path, ", ".join(sorted(h5.keys()))))
            ds = h5[DATASET]
            if ds.ndim != 3:
                raise CryoInputError("{}: 'timeseries' must be 3-D (dates, rows, columns), it has shape {}".format(
                    path, ds.shape))
            attrs = {k: _text(v) for k, v in h5.attrs.items()}
            raw_dates = [_text(d) for d in h5["date"][()]]
            shape, dtype = ds.shape, ds.dtype
        try:
            dates = [dt.datetime.strptime(d.strip()[:8], "%Y%m%d").date() for d in raw_dates]
        except ValueError:
            raise CryoInputError("{}: cannot read the dates {} (MintPy writes YYYYMMDD)".format(
                path, raw_dates[:3])) from None
        if len(dates) != shape[0]:
            raise CryoInputError("{}: {} dates for {} grids".format(path, len(dates), shape[0]))
        if "X_FIRST" not in attrs or "Y_FIRST" not in attrs:
            raise CryoInputError("{} is in radar coordinates (no X_FIRST/Y_FIRST attributes): geocode it first "
                                 "(MintPy geocode.py gives geo_timeseries.h5)".format(path))
        gt = (float(attrs["X_FIRST"]), float(attrs["X_STEP"]), 0.0, float(attrs["Y_FIRST"]), 0.0,
              float(attrs["Y_STEP"]))
        grid = Grid(shape[2], shape[1], gt, crs_wkt_from_user(mintpy_crs(attrs, path)))
        super().__init__(path, dates, grid, dtype, None)
        self.attributes = attrs
        self.reference_date: Optional[dt.date] = None
        if attrs.get("REF_DATE"):
            try:
                self.reference_date = dt.datetime.strptime(attrs["REF_DATE"].strip()[:8], "%Y%m%d").date()
            except ValueError:
                self.reference_date = None
        self._h5 = h5py.File(path, "r")
        self._ds = self._h5[DATASET]

    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        positions = time_positions(len(self.dates), stored)
        if positions and positions == list(range(positions[0], positions[-1] + 1)):
            return self._ds[positions[0]:positions[-1] + 1, rows, :]
        return np.stack([self._ds[t, rows, :] for t in positions])

    def close(self) -> None:
        self._h5.close()

    def describe(self) -> str:
        text = super().describe()
        if self.reference_date is not None:
            text += "; MintPy time series referenced to {}".format(self.reference_date)
        return text


def is_mintpy(path: str) -> bool:
    """Whether ``path`` is an HDF5 file with MintPy's ``timeseries`` and ``date`` datasets."""
    if not (os.path.isfile(path) and path.lower().endswith(HDF5_SUFFIXES) and is_hdf5_file(path)):
        return False
    with h5py.File(path, "r") as h5:
        return DATASET in h5 and "date" in h5


def open_mintpy(path: str) -> Stack:
    """Open a MintPy ``timeseries.h5``/``geo_timeseries.h5`` (module docstring)."""
    if not os.path.isfile(path):
        raise CryoInputError("{} does not exist; check the INPUT path".format(path))
    return MintPyStack(path)


def open_displacement(path: str) -> Stack:
    """A displacement time series: a MintPy file, else any dated stack :func:`~.stack.open_stack` reads (a
    GeoTIFF whose band descriptions are ISO dates)."""
    return open_mintpy(path) if is_mintpy(path) else open_stack(path)
