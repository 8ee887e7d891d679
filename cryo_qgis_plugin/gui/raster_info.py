"""What the time-series dock reads of a raster besides its pixel values, and pixels it reads by cell rather than
by map point (on the grid of an InSAR model stack).

:func:`raster_info` gives a raster's dataset metadata (the ``CRYO_*`` items the plugin writes, e.g. those of the
``cryo:insardeformation`` outputs) and the packing of its first band, read once per file version (same
modification time and size), so that a pick costs one ``stat`` per raster. :func:`incidence_cosine` and
:func:`mintpy_pixel` read one cell of an incidence raster or of a MintPy time series: both are on the grid of
the displacements, hence of the model stack, and a MintPy file has no geotransform QGIS could place on the map.
These run in the pick's background task.
"""
from __future__ import annotations

import datetime as dt
import math
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

import numpy as np
from osgeo import gdal

from ..core.errors import CryoInputError
from ..core.io.gdal_sources import gdal_packing
from ..core.io.hdf5_datasets import is_hdf5_file
from ..core.io.incidence import MINTPY_DATASET
from ..core.io.mintpy import DATASET as MINTPY_TIMESERIES
from ..core.io.mintpy import is_mintpy
from ..core.optional import lazy
from ..core.permafrost.deformation import KIND_KEY

h5py = lazy("h5py")

_KEPT = 64  # rasters whose information is kept


@dataclass(frozen=True)
class RasterInfo:
    """A raster's dataset metadata (default domain) and the scale and offset of its first band (1 and 0 when it
    gives none); empty for a file GDAL cannot open."""

    metadata: Dict[str, str] = field(default_factory=dict)
    scale: float = 1.0
    offset: float = 0.0

    @property
    def kind(self) -> str:
        """``CRYO_KIND`` of the plugin's outputs (e.g. ``insar_model``), empty for any other raster."""
        return self.metadata.get(KIND_KEY, "")


_infos: "OrderedDict[Tuple[str, int, int], RasterInfo]" = OrderedDict()
_lock = threading.Lock()


def raster_info(path: str) -> RasterInfo:
    """The :class:`RasterInfo` of ``path``; never raises (an unreadable file has an empty one)."""
    try:
        stat = os.stat(path)
        key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    except OSError:  # not a plain file (a /vsi path, a subdataset): read each time
        return _read_info(path)
    with _lock:
        info = _infos.get(key)
    if info is None:
        info = _read_info(path)
        with _lock:
            _infos[key] = info
            while len(_infos) > _KEPT:
                _infos.popitem(last=False)
    return info


def _read_info(path: str) -> RasterInfo:
    try:
        ds = gdal.Open(path)
    except RuntimeError:
        ds = None
    if ds is None or ds.RasterCount == 0:
        return RasterInfo()
    scale, offset = gdal_packing(ds)
    return RasterInfo(dict(ds.GetMetadata() or {}), 1.0 if scale is None else scale, 0.0 if offset is None else offset)


def cosine_of(degrees: float) -> float:
    """cos θ of an incidence angle in degrees; NaN for no angle (NaN, ≤ 0 or ≥ 90°, as the algorithm reads
    them)."""
    return math.cos(math.radians(degrees)) if np.isfinite(degrees) and 0 < degrees < 90 else float("nan")


def incidence_cosine(setting: str, column: int, row: int) -> float:
    """cos θ at a cell of the displacement grid from the ``CRYO_INCIDENCE`` item of an InSAR output: 1 when it is
    empty (no conversion), from the angle it gives (degrees), or read from the incidence raster it names (a
    GeoTIFF or MintPy ``geometryGeo.h5``)."""
    setting = (setting or "").strip()
    if not setting:
        return 1.0
    try:
        return cosine_of(float(setting))
    except ValueError:
        pass
    if not os.path.isfile(setting):
        raise CryoInputError("the incidence raster {} of the run is not there any more".format(setting))
    if is_hdf5_file(setting):
        with h5py.File(setting, "r") as h5:
            angles = h5[MINTPY_DATASET]
            _check_cell(setting, angles.shape[-2:], column, row)
            return cosine_of(float(angles[row, column]))
    ds = gdal.Open(setting)
    _check_cell(setting, (ds.RasterYSize, ds.RasterXSize), column, row)
    band = ds.GetRasterBand(1)
    value = float(band.ReadAsArray(column, row, 1, 1)[0, 0])
    return float("nan") if value == band.GetNoDataValue() else cosine_of(value)


def mintpy_pixel(path: str, column: int, row: int) -> Tuple[List[dt.date], np.ndarray]:
    """The dates and displacements (metres, NaN where missing) of a MintPy time series at a cell."""
    with h5py.File(path, "r") as h5:
        series = h5[MINTPY_TIMESERIES]
        _check_cell(path, series.shape[1:], column, row)
        values = np.asarray(series[:, row, column], dtype=float)
        dates = [dt.datetime.strptime(_text(d).strip()[:8], "%Y%m%d").date() for d in h5["date"][()]]
    return dates, values


def is_mintpy_file(path: str) -> bool:
    """Whether ``path`` is a MintPy time series (False for anything unreadable)."""
    try:
        return is_mintpy(path)
    except (OSError, RuntimeError, CryoInputError):
        return False


def _check_cell(path: str, shape, column: int, row: int) -> None:
    if not (0 <= row < shape[0] and 0 <= column < shape[1]):
        raise CryoInputError("{} ({} x {} cells) has no cell at column {}, row {}: it is not on the grid of the "
                             "model".format(os.path.basename(path), shape[1], shape[0], column + 1, row + 1))


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
