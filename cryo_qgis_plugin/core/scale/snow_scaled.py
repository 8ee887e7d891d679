"""Snow-cover cloud filters on dask: the cell-by-cell and neighbourhood steps of :mod:`..snow.cloud_filters` on a
DataArray of daily snow classes ``(time, y, x)`` (:data:`~..codes.SNOW_COVER`, consecutive calendar days of one
season), each tile computed by the one-process kernel:

* the temporal filter (±N days), the seasonal filter and the nearest-day filter look along one cell's days: the
  season is one chunk in time, tiles in space;
* the spatial filter looks at the 8 neighbours of a cell on its day: tiles overlap by one cell
  (``map_overlap``), padded with nodata beyond the grid as the one-process blocks are, so a tile's cells see the
  neighbours they would see in one piece.

The regional snow line (step 4) is a statistic of the whole region's day, not of a tile, and is left to the
one-process path (``cryo:snowcover``); the chain here runs the other steps in their order.
"""
from __future__ import annotations

import numpy as np

from ..codes import SNOW_NODATA
from ..optional import require
from ..snow.cloud_filters import nearest_filter, seasonal_filter, spatial_filter, temporal_filter


def _along_time(states: np.ndarray, step: str, days: int) -> np.ndarray:
    """``(t, ...)`` classes -> the same after the temporal, seasonal or nearest filter (a new array: the block in
    the stack's own layout, as the one-process blocks, never the input)."""
    series = np.array(states, order="C")
    if step == "temporal":
        temporal_filter(series, 0, series.shape[0], days)
    elif step == "seasonal":
        seasonal_filter(series)
    else:
        nearest_filter(series, days)
    return series


def _spatial(block: np.ndarray, min_clear: int) -> np.ndarray:
    """A ``(t, rows + 2, cols + 2)`` tile with its one-cell border -> the tile after the spatial filter (border
    unchanged: ``map_overlap`` trims it)."""
    states = block.copy()
    spatial_filter(states, min_clear)  # rows 1:-1 changed; the border columns are nodata or neighbours
    return states


def cloud_filtered(states, temporal_days: int = 1, min_clear: int = 6, seasonal: bool = True, nearest_days: int = 0):
    """The classes after the temporal (``temporal_days`` > 0), spatial (``min_clear`` > 0), seasonal and nearest
    (``nearest_days`` > 0) filters, in that order: uint8 DataArray like ``states`` (lazy when it is dask-backed),
    whose dimensions are ``(time, y, x)`` in this order."""
    require("xarray")
    if states.chunks is not None:
        states = states.chunk({"time": -1})

    def along_time(array, step: str, days: int):  # on each tile's whole season, in its (time, y, x) layout
        data = array.data
        if hasattr(data, "map_blocks"):
            return array.copy(data=data.map_blocks(_along_time, dtype=np.uint8, step=step, days=days))
        return array.copy(data=_along_time(np.asarray(data), step, days))

    if temporal_days > 0:
        states = along_time(states, "temporal", temporal_days)
    if min_clear > 0:
        data = states.data
        if hasattr(data, "map_overlap"):
            data = data.map_overlap(_spatial, depth={0: 0, 1: 1, 2: 1}, boundary=SNOW_NODATA, dtype=np.uint8,
                                    min_clear=min_clear)
        else:
            padded = np.pad(np.asarray(data), ((0, 0), (1, 1), (1, 1)), constant_values=SNOW_NODATA)
            data = _spatial(padded, min_clear)[:, 1:-1, 1:-1]
        states = states.copy(data=data)
    if seasonal:
        states = along_time(states, "seasonal", 0)
    if nearest_days > 0:
        states = along_time(states, "nearest", nearest_days)
    return states
