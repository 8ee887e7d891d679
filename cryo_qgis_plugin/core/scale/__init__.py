"""Optional dask backend: the core's block kernels on dask-backed xarray DataArrays, in-process or on a cluster.

A stack opened lazily (:mod:`.lazy_stack`) is a DataArray ``(time, y, x)`` chunked whole-season in time and in
tiles in space; the functions of :mod:`.freezethaw_scaled`, :mod:`.permafrost_scaled`, :mod:`.trend_scaled` and the
others run the same kernels as the one-process path (``SeasonState``, ``DegreeDayState``, ``trend_statistics``) on
each chunk (through dask's ``map_blocks`` on the stack's own ``(time, y, x)`` blocks, or ``xarray.apply_ufunc(...,
dask="parallelized")``), so they give the same numbers whatever the chunking, and :mod:`.cluster` computes them on a
``distributed`` scheduler with progress and cancel. dask, distributed and xarray are imported only when this
package is used: the plugin and its one-process path need none of them.
"""
