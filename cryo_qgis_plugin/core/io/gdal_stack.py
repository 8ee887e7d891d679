"""A stack GDAL reads from one raster: multi-band GeoTIFF, a netCDF variable (also in a netCDF-4 group), an HDF4
subdataset (MODIS). One band per date, or two (AM and PM) per date in granules with a pass dimension."""
from __future__ import annotations

import datetime as dt
import os
import re
from typing import List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from ..errors import CryoInputError
from .dates import date_from_description, date_from_name
from .gdal_sources import (choose_gdal_variable, gdal_array_dtype, gdal_grid, gdal_nodata, gdal_packing,
                           open_gdal)
from .grid import Georeference
from .passes import effective_pass, gdal_band_groups, select_pass
from .stack_base import Stack, TimeIndex, time_positions

BandGroups = List[Tuple[int, ...]]


def netcdf_dates(ds: gdal.Dataset, bands: Sequence[int]) -> Optional[List[dt.date]]:
    """Dates of netCDF ``bands`` from ``NETCDF_DIM_time`` and ``time#units`` ("days since 2002-06-01")."""
    md = ds.GetMetadata() or {}
    units = md.get("time#units", "")
    match = re.match(r"\s*(days|hours|seconds)\s+since\s+(\d{4}-\d{1,2}-\d{1,2})", units)
    if not match:
        return None
    per_day = {"days": 1.0, "hours": 24.0, "seconds": 86400.0}[match.group(1)]
    origin = dt.date(*(int(v) for v in match.group(2).split("-")))
    dates = []
    for b in bands:
        value = ds.GetRasterBand(b).GetMetadata().get("NETCDF_DIM_time")
        if value is None:
            return None
        dates.append(origin + dt.timedelta(days=int(np.floor(float(value) / per_day))))
    return dates


def band_groups(ds: gdal.Dataset, source: str) -> Tuple[BandGroups, bool]:
    """The bands of each date (one, or AM and PM) and whether the raster has a pass dimension."""
    band_metadata = [ds.GetRasterBand(b).GetMetadata() or {} for b in range(1, ds.RasterCount + 1)]
    groups, pass_dimension = gdal_band_groups(ds.GetMetadata() or {}, band_metadata, source)
    return groups, pass_dimension is not None


def read_groups(ds: gdal.Dataset, groups: BandGroups, r0: int, r1: int, width: int, passes: Optional[str],
                nodata: Optional[float]) -> np.ndarray:
    """Rows ``r0:r1`` of the dates made of band ``groups``: ``(len(groups), r1 - r0, width)``."""
    bands = [b for group in groups for b in group]
    data = ds.ReadAsArray(0, r0, width, r1 - r0, band_list=bands).reshape(len(bands), r1 - r0, width)
    if passes is None:
        return data
    pairs = data.reshape(len(groups), 2, r1 - r0, width)
    return np.stack([select_pass(pair, passes, nodata) for pair in pairs])


class GdalStack(Stack):
    """A raster read through GDAL (GeoTIFF, netCDF variable, HDF4 subdataset), one band (or AM/PM pair) per day."""

    def __init__(self, path: str, dataset: Optional[str], start_date: Optional[dt.date], georef: Georeference,
                 passes: str = "auto"):
        open_path = choose_gdal_variable(path, dataset)
        ds = open_gdal(open_path)
        groups, has_passes = band_groups(ds, path)
        chosen = effective_pass(passes, has_passes, path)
        n = len(groups)
        if start_date is not None:
            dates = [start_date + dt.timedelta(days=i) for i in range(n)]
        else:
            firsts = [g[0] for g in groups]
            dates = netcdf_dates(ds, firsts) or [date_from_description(ds.GetRasterBand(b).GetDescription())
                                                 for b in firsts]
            if n == 1 and dates[0] is None:
                dates = [date_from_name(os.path.basename(path))]
            if any(d is None for d in dates):
                raise CryoInputError("{}: the bands carry no dates (band descriptions YYYY-MM-DD, netCDF time or "
                                     "a date in the file name); give START_DATE for a daily series".format(path))
        band = ds.GetRasterBand(1)
        super().__init__(path, dates, gdal_grid(ds, georef, path, open_path),
                         gdal_array_dtype(band.DataType), gdal_nodata(ds))
        self.scale, self.offset = gdal_packing(ds)
        self.passes = chosen
        self.open_path = open_path
        self._groups = groups
        self._ds = ds

    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        r0, r1, _ = rows.indices(self.grid.height)
        positions = time_positions(len(self.dates), stored)
        if not positions:
            return np.empty((0, r1 - r0, self.grid.width), self.dtype)
        return read_groups(self._ds, [self._groups[t] for t in positions], r0, r1, self.grid.width, self.passes,
                           self.nodata)

    def close(self) -> None:
        self._ds = None
