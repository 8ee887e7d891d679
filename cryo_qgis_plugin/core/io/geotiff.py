"""Atomic GeoTIFF writing: tiled, DEFLATE-compressed, with band descriptions, nodata and style sidecar.

The file is built under a hidden temporary name in the output folder and put in place only when every band is
complete (:mod:`.outputs`), so a cancel or a crash never leaves a half-written output (nor destroys an older
file of the same name before the new one is ready).
"""
from __future__ import annotations

import os
from typing import Dict, Optional, Sequence, Union

import numpy as np
from osgeo import gdal, gdal_array

from ..codes import ClassTable
from ..errors import CryoInputError
from .grid import Grid
from .outputs import (finish, remove_leftovers, remove_quietly, remove_when_finished, temporary_name,
                      write_text_atomic)
from ..style import paletted_qml

TILE = 256
MAX_BANDS = 65535  # the GeoTIFF format's limit (SamplesPerPixel is a 16-bit field)
DATE_KEY = "DATE"
CLASS_TABLE_KEY = "CRYO_CLASS_TABLE"  # dataset metadata: the name of the class table (codes.TABLES) of the values
UNITS_KEY = "UNITS"  # dataset (or band) metadata: the unit of the values, e.g. "degC", "cm", "mm/yr", "day", "class"


def style_sidecar(path: str) -> str:
    """The ``.qml`` beside a raster, which QGIS loads as the raster's default style."""
    return os.path.splitext(path)[0] + ".qml"


class GeoTiffWriter:
    """Context manager writing a multi-band GeoTIFF atomically.

    >>> with GeoTiffWriter(path, grid, ["2007-01-01", "2007-01-02"], np.uint8, nodata=255) as w:
    ...     w.write(0, block)          # block: (bands, rows, width), written at row 0

    Bands are stored one after the other (band interleave) in ``tile`` x ``tile`` tiles (a multiple of 16).
    A ``class_table`` is recorded by name in the dataset metadata item ``CRYO_CLASS_TABLE``. ``units`` is the unit
    of the values (UDUNITS-like ASCII: "degC", "degC days", "%", "m", "cm", "mm", "mm/yr", "day", "class"), set as
    every band's unit type: one for all bands (also the dataset metadata item ``UNITS``, unless ``metadata`` gives
    one), or one per band (also each band's metadata item ``UNITS``; "" for a band without unit).
    """

    def __init__(self, path: str, grid: Grid, band_descriptions: Sequence[str], dtype,
                 nodata: Optional[float] = None, class_table: Optional[ClassTable] = None,
                 band_dates: Optional[Sequence[str]] = None, metadata: Optional[Dict[str, str]] = None,
                 style_qml: Optional[str] = None, tile: int = TILE,
                 units: Union[str, Sequence[str], None] = None):
        if not band_descriptions:
            raise CryoInputError("Nothing to write to {}: no bands".format(path))
        if len(band_descriptions) > MAX_BANDS:
            raise CryoInputError(
                "{}: a GeoTIFF holds at most {:,} bands and this output needs {:,} (one per date); choose a shorter "
                "period (e.g. PERIOD_START/PERIOD_END) or split the input by year".format(
                    path, MAX_BANDS, len(band_descriptions)))
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise CryoInputError("The output folder {} does not exist".format(folder))
        self.path = path
        self.grid = grid
        self.descriptions = list(band_descriptions)
        self.dtype = np.dtype(dtype)
        self.nodata = nodata
        self.class_table = class_table
        self.band_dates = list(band_dates) if band_dates is not None else None
        self.metadata = metadata or {}
        if units is not None and not isinstance(units, str) and len(units) != len(self.descriptions):
            raise CryoInputError("{}: give one unit for all bands or a list as long as the bands; the list's length "
                                 "is {}, the band count {}".format(path, len(units), len(self.descriptions)))
        self.units = units
        self.style_qml = style_qml if style_qml is not None else (
            paletted_qml(class_table) if class_table is not None else None)
        self.tile = tile
        remove_leftovers(path)
        self._tmp = temporary_name(path)
        self._ds: Optional[gdal.Dataset] = None

    def __enter__(self) -> "GeoTiffWriter":
        options = ["TILED=YES", "BLOCKXSIZE={}".format(self.tile), "BLOCKYSIZE={}".format(self.tile),
                   "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER", "INTERLEAVE=BAND", "NUM_THREADS=ALL_CPUS"]
        if self.dtype.kind == "f":  # level 1: as small as the default level 6 for floats, 40 % faster
            options += ["PREDICTOR=3", "ZLEVEL=1"]
        gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(self.dtype)
        self._ds = gdal.GetDriverByName("GTiff").Create(self._tmp, self.grid.width, self.grid.height,
                                                        len(self.descriptions), gdal_type, options)
        self._ds.SetGeoTransform(self.grid.geotransform)
        self._ds.SetProjection(self.grid.crs_wkt)
        metadata = dict(self.metadata)
        if self.class_table is not None:
            metadata[CLASS_TABLE_KEY] = self.class_table.name
        if isinstance(self.units, str) and self.units:
            metadata.setdefault(UNITS_KEY, self.units)
        if metadata:
            self._ds.SetMetadata(metadata)
        colors = self._color_table()
        for i, description in enumerate(self.descriptions, start=1):
            band = self._ds.GetRasterBand(i)
            band.SetDescription(description)
            if self.band_dates is not None:
                band.SetMetadataItem(DATE_KEY, self.band_dates[i - 1])
            if self.units is not None:
                unit = self.units if isinstance(self.units, str) else self.units[i - 1]
                band.SetUnitType(unit)
                if not isinstance(self.units, str) and unit:
                    band.SetMetadataItem(UNITS_KEY, unit)
            if self.nodata is not None:
                band.SetNoDataValue(self.nodata)
            if colors is not None:
                band.SetRasterColorTable(colors)
                band.SetRasterCategoryNames(self._category_names())
        return self

    def _color_table(self) -> Optional[gdal.ColorTable]:
        """GDAL colour table for single-band categorical outputs (TIFF allows none on multi-band files,
        which rely on the ``.qml`` sidecar)."""
        if self.class_table is None or len(self.descriptions) > 1:
            return None
        table = gdal.ColorTable()
        for code in self.class_table:
            table.SetColorEntry(code.value, code.color + (255,))
        return table

    def _category_names(self):
        names = [""] * (max(self.class_table.values) + 1)
        for code in self.class_table:
            names[code.value] = code.label
        return names

    def write(self, row: int, block: np.ndarray) -> None:
        """Write ``block`` (bands, rows, width) or (rows, width) for a single band, starting at ``row``."""
        if block.ndim == 2:
            block = block[np.newaxis]
        for i in range(block.shape[0]):
            self.write_band(i + 1, row, block[i])

    def write_band(self, band: int, row: int, data: np.ndarray) -> None:
        self._ds.GetRasterBand(band).WriteArray(np.asarray(data, dtype=self.dtype), 0, row)

    def flush(self) -> None:
        """Write the blocks GDAL caches and release them, so memory stays bounded over many bands."""
        self._ds.FlushCache()

    def __exit__(self, exc_type, exc, tb) -> None:
        ds, self._ds = self._ds, None
        try:
            if exc_type is None:
                ds.FlushCache()  # raises on a full disk
            ds = None
        except BaseException:
            ds = None
            self._discard()
            raise
        if exc_type is not None:
            self._discard()
            return
        finish(self._tmp, self.path)
        if os.path.exists(self._tmp + ".aux.xml"):  # category names live in the PAM sidecar
            finish(self._tmp + ".aux.xml", self.path + ".aux.xml")
        else:
            remove_when_finished(self.path + ".aux.xml")
        if self.style_qml is not None:
            write_text_atomic(style_sidecar(self.path), self.style_qml)

    def _discard(self) -> None:
        remove_quietly(self._tmp)
        remove_quietly(self._tmp + ".aux.xml")
