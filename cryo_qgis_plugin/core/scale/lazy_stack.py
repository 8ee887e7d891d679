"""A daily stack opened lazily as a dask-backed xarray DataArray ``(time, y, x)``.

Each chunk is read by the worker that computes it, through the same readers as the one-process path
(:func:`~..io.stack.open_stack`: HDF5 folders and granules, GeoTIFF, netCDF). A worker thread opens the stack once
(a cache keyed by the opener, which is a small picklable description, never an open file), so a graph can be
shipped to a remote scheduler; the process that builds the graph opens the stack only for its shape and dates.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np

from ..io.grid import GLOBAL_QUARTER_DEGREE, Georeference, Grid
from ..io.stack import open_stack
from ..io.stack_base import Stack
from ..optional import require


@dataclass(frozen=True)
class StackOpener:
    """What :func:`~..io.stack.open_stack` needs to open a stack again in another process."""

    path: str
    dataset: Optional[str] = None
    start_date: Optional[dt.date] = None
    georef: Georeference = GLOBAL_QUARTER_DEGREE
    passes: str = "auto"

    def open(self) -> Stack:
        """The stack, opened now; the caller closes it (``with opener.open() as stack``)."""
        return open_stack(self.path, self.dataset, self.start_date, self.georef, self.passes)

    @classmethod
    def of(cls, stack: Stack) -> "StackOpener":
        """How ``stack`` (made by :func:`~..io.stack.open_stack`) was opened."""
        return cls(*stack.open_arguments)


MAX_CHUNK_STACKS = 8  # stacks kept open per thread for reading chunks
_thread_stacks = threading.local()
_all_thread_stacks: List["OrderedDict[StackOpener, Stack]"] = []
_lock = threading.Lock()


def _chunk_stack(opener: StackOpener) -> Stack:
    """The stack this thread reads ``opener``'s chunks from: opened once per thread (a GDAL dataset is not shared
    between threads), kept for the next chunks, the least recently used closed beyond :data:`MAX_CHUNK_STACKS`."""
    stacks = getattr(_thread_stacks, "stacks", None)
    if stacks is None:
        stacks = _thread_stacks.stacks = OrderedDict()
        with _lock:
            _all_thread_stacks.append(stacks)
    stack = stacks.pop(opener, None)
    stacks[opener] = stack = opener.open() if stack is None else stack
    if len(stacks) > MAX_CHUNK_STACKS:
        stacks.popitem(last=False)[1].close()
    return stack


def close_chunk_stacks() -> None:
    """Close every stack this process opened to read chunks (after a computation in this process: a run on a
    cluster opens none here), so that no file stays open in QGIS after the run."""
    with _lock:
        for stacks in _all_thread_stacks:
            while stacks:
                stacks.popitem()[1].close()


def _read_chunk(opener: StackOpener, times: Tuple[int, int], rows: Tuple[int, int],
                cols: Tuple[int, int]) -> np.ndarray:
    """Grids ``times[0]:times[1]`` (date order), rows and columns of the stack: ``(t, r, c)``."""
    block = _chunk_stack(opener).read(slice(*rows), slice(*times))
    return np.ascontiguousarray(block[:, :, cols[0]:cols[1]])


def _bounds(size: int, chunk: int):
    return [(start, min(start + chunk, size)) for start in range(0, size, chunk)]


def lazy_stack(opener: StackOpener, time_chunk: int = 366, row_chunk: int = 256, col_chunk: Optional[int] = None,
               time_starts: Optional[Sequence[int]] = None):
    """The stack as a DataArray ``(time, y, x)`` of dask chunks ``time_chunk`` × ``row_chunk`` × ``col_chunk``
    (None: whole rows, which the readers read anyway: narrower tiles read the same rows once per tile), with its
    dates (``time``), cell-centre coordinates and, in ``attrs``, the grid, nodata and source. ``time_starts``
    (date positions) start a new time chunk instead, e.g. at each season's first date."""
    da = require("dask.array")
    xr = require("xarray")
    with opener.open() as stack:  # its shape, dates and grid; the chunks are read where they are computed
        n_times, height, width = stack.shape
        dtype, dates, grid, nodata, source = stack.dtype, stack.dates, stack.grid, stack.nodata, stack.source
    delayed = require("dask").delayed
    times = _bounds(n_times, time_chunk)
    if time_starts is not None:
        edges = sorted({0, n_times} | {int(t) for t in time_starts if 0 < t < n_times})
        times = list(zip(edges[:-1], edges[1:]))
    rows, cols = _bounds(height, row_chunk), _bounds(width, col_chunk or width)
    read = delayed(_read_chunk, pure=True)
    blocks = [[[da.from_delayed(read(opener, t, r, c), (t[1] - t[0], r[1] - r[0], c[1] - c[0]), dtype)
                for c in cols] for r in rows] for t in times]
    array = da.block(blocks)
    x0, dx, _, y0, _, dy = grid.geotransform
    coords = {"time": np.array(dates, dtype="datetime64[D]"),
              "y": y0 + (np.arange(height) + 0.5) * dy, "x": x0 + (np.arange(width) + 0.5) * dx}
    attrs = {"grid": grid, "nodata": nodata, "source": source}
    return xr.DataArray(array, dims=("time", "y", "x"), coords=coords, attrs=attrs)


def in_memory(array: np.ndarray, dates, grid: Grid, nodata: Optional[float] = None):
    """An in-memory DataArray ``(time, y, x)`` laid out as :func:`lazy_stack` lays a stack out (tests, scripts)."""
    xr = require("xarray")
    x0, dx, _, y0, _, dy = grid.geotransform
    coords = {"time": np.array(dates, dtype="datetime64[D]"),
              "y": y0 + (np.arange(grid.height) + 0.5) * dy, "x": x0 + (np.arange(grid.width) + 0.5) * dx}
    return xr.DataArray(array, dims=("time", "y", "x"), coords=coords,
                        attrs={"grid": grid, "nodata": nodata, "source": "memory"})


def dates_of(array) -> list:
    """The ``time`` coordinate as ``datetime.date`` objects."""
    return [dt.date.fromisoformat(str(day)[:10]) for day in array["time"].values]


def write_zarr(result, path: str, name: str = "values") -> None:
    """Write a result DataArray (lazy or not) to a new Zarr store at ``path`` (a folder) as the variable ``name``,
    chunk by chunk as dask computes them, with the grid's geotransform and CRS WKT in its attributes. An existing
    ``path`` is refused: an output never replaces another file."""
    import os

    from ..errors import CryoInputError

    if os.path.exists(path):
        raise CryoInputError("{} exists already; choose a new Zarr folder for the output".format(path))
    attrs = {key: value for key, value in result.attrs.items() if isinstance(value, (str, int, float))}
    grid = result.attrs.get("grid")
    if grid is not None:
        attrs.update(geotransform=list(grid.geotransform), crs_wkt=grid.crs_wkt)
    plain = result.copy(deep=False)
    plain.attrs = attrs
    plain.to_dataset(name=name).to_zarr(path, mode="w-")


def open_zarr(path: str, name: str = "values"):
    """The variable ``name`` of a Zarr store written by :func:`write_zarr` (or any store with a ``time``, ``y``,
    ``x`` variable), lazily, with its :class:`~..io.grid.Grid` back in ``attrs["grid"]`` when the store has one."""
    xr = require("xarray")
    array = xr.open_zarr(path)[name]
    attrs = dict(array.attrs)
    if "geotransform" in attrs and "crs_wkt" in attrs:
        attrs["grid"] = Grid(array.sizes["x"], array.sizes["y"], tuple(attrs["geotransform"]), attrs["crs_wkt"])
    return array.assign_attrs(attrs)
