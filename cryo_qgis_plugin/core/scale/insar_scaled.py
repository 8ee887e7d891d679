"""InSAR decomposition on dask: the seasonal (Stefan, sqrt of the thaw index) and long-term components of a
displacement DataArray ``(time, y, x)`` with one temperature series shared by every pixel
(:class:`~..permafrost.thaw_index.Design`), fitted on each tile by the one-process kernel
(:func:`~..permafrost.deformation.fit_chunk`) after the same conversion to millimetres and re-referencing."""
from __future__ import annotations

import datetime as dt
from typing import List, Optional

import numpy as np

from ..optional import require
from ..permafrost.deformation import checked_setup, fit_chunk, to_millimetres
from ..permafrost.deformation_fit import band_names
from ..permafrost.thaw_index import Design
from .lazy_stack import dates_of


def _fit_kernel(stored: np.ndarray, design: Design, factor: float, ref: Optional[int], nodata, scale: float,
                offset: float, units: str, frost_heave: bool, porosity: Optional[float],
                saturation: Optional[float]) -> np.ndarray:
    """``(dates, ...)`` stored displacements -> float64 ``(band, ...)``: the bands of
    :func:`~..permafrost.deformation_fit.band_names` (NaN where not solved). The block keeps the stack's layout
    (dates, pixels), as a one-process row block: no transposing copy."""
    space = stored.shape[1:]
    flat = np.ascontiguousarray(stored.reshape(stored.shape[0], -1))
    raw = flat.astype(np.float64)
    if nodata is not None and not np.isnan(nodata):
        np.copyto(raw, np.nan, where=flat == nodata)
    block = to_millimetres(raw, factor * scale, "a tile", units, offset / scale)
    if ref is not None:
        block -= block[ref].copy()
    chunk = fit_chunk(block, design.block(slice(0, 1), block.shape[1]), frost_heave, porosity, saturation, False)
    return chunk.bands.reshape((chunk.bands.shape[0],) + space)


def deformation_components(displacement, design: Design, units: str = "m", reference_date: Optional[dt.date] = None,
                           frost_heave: bool = False, porosity: Optional[float] = None,
                           saturation: Optional[float] = None, scale: float = 1.0, offset: float = 0.0):
    """The components of every pixel: float64 DataArray ``(band, y, x)`` with the bands of
    :func:`~..permafrost.deformation.deformation_raster` (velocity, amplitude, ..., their standard errors, r2,
    offset), NaN where a pixel is not solved. ``displacement`` has the dimensions ``(time, y, x)`` in this
    order."""
    xr = require("xarray")
    dates: List[dt.date] = dates_of(displacement)
    factor, _, ref = checked_setup(dates, design, units, reference_date)
    names = band_names(frost_heave, porosity is not None and saturation is not None)
    kwargs = {"design": design, "factor": factor, "ref": ref, "nodata": displacement.attrs.get("nodata"),
              "scale": scale, "offset": offset, "units": units, "frost_heave": frost_heave, "porosity": porosity,
              "saturation": saturation}
    data = displacement.data
    if hasattr(data, "map_blocks"):  # dask: every date of a tile in one block, in its (time, y, x) layout
        data = data.rechunk({0: -1})
        values = data.map_blocks(_fit_kernel, dtype=np.float64, chunks=((len(names),),) + data.chunks[1:], **kwargs)
    else:
        values = _fit_kernel(np.asarray(data), **kwargs)
    space = {name: displacement.coords[name] for name in ("y", "x") if name in displacement.coords}
    return xr.DataArray(values, dims=("band", "y", "x"), coords=dict(space, band=names))
