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
    """``(..., dates)`` stored displacements -> float64 ``(..., band)``: the bands of
    :func:`~..permafrost.deformation_fit.band_names` (NaN where not solved)."""
    space = stored.shape[:-1]
    flat = np.ascontiguousarray(stored.reshape(-1, stored.shape[-1]).T)  # (dates, pixels) as a row block is
    raw = flat.astype(np.float64)
    if nodata is not None and not np.isnan(nodata):
        np.copyto(raw, np.nan, where=flat == nodata)
    block = to_millimetres(raw, factor * scale, "a tile", units, offset / scale)
    if ref is not None:
        block -= block[ref].copy()
    chunk = fit_chunk(block, design.block(slice(0, 1), block.shape[1]), frost_heave, porosity, saturation, False)
    return np.moveaxis(chunk.bands, 0, -1).reshape(space + (chunk.bands.shape[0],))


def deformation_components(displacement, design: Design, units: str = "m", reference_date: Optional[dt.date] = None,
                           frost_heave: bool = False, porosity: Optional[float] = None,
                           saturation: Optional[float] = None, scale: float = 1.0, offset: float = 0.0):
    """The components of every pixel: float64 DataArray ``(band, y, x)`` with the bands of
    :func:`~..permafrost.deformation.deformation_raster` (velocity, amplitude, ..., their standard errors, r2,
    offset), NaN where a pixel is not solved."""
    xr = require("xarray")
    dates: List[dt.date] = dates_of(displacement)
    factor, _, ref = checked_setup(dates, design, units, reference_date)
    names = band_names(frost_heave, porosity is not None and saturation is not None)
    if displacement.chunks is not None:
        displacement = displacement.chunk({"time": -1})
    result = xr.apply_ufunc(
        _fit_kernel, displacement, input_core_dims=[["time"]], output_core_dims=[["band"]],
        kwargs={"design": design, "factor": factor, "ref": ref, "nodata": displacement.attrs.get("nodata"),
                "scale": scale, "offset": offset, "units": units, "frost_heave": frost_heave,
                "porosity": porosity, "saturation": saturation},
        dask="parallelized", output_dtypes=[np.float64], dask_gufunc_kwargs={"output_sizes": {"band": len(names)}})
    return result.assign_coords(band=names).transpose("band", "y", "x")
