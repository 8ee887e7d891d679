"""Optional dask backend: the core's block kernels on dask-backed xarray DataArrays, in-process or on a cluster.

A stack opened lazily (:mod:`.lazy_stack`) is a DataArray ``(time, y, x)`` chunked whole-season in time and in
tiles in space; the functions of :mod:`.freezethaw_scaled` and :mod:`.trend_scaled` run the same kernels as the
one-process path (``SeasonState``, ``trend_statistics``) on each chunk through ``xarray.apply_ufunc(...,
dask="parallelized")``, so they give the same numbers whatever the chunking, and :mod:`.cluster` computes them on a
``distributed`` scheduler with progress and cancel. dask, distributed and xarray are imported only when this
package is used: the plugin and its one-process path need none of them.
"""
