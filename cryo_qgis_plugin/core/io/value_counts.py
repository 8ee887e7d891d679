"""The distinct values of a raster band and their number of cells, from a bounded read: a band larger than
``max_cells`` is read decimated (nearest neighbour, from its overviews when it has them) and the counts scaled up
to the whole band, so the answer comes in a fraction of a second on any size."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

MAX_CELLS = 4_000_000


@dataclass
class ValueCounts:
    values: np.ndarray  # distinct valid values (nodata and NaN left out), ascending
    cells: np.ndarray  # cells of each value in the band (estimated when ``sampled``)
    sampled: bool  # read decimated: the counts are estimates


def band_value_counts(path: str, band: int = 1, max_cells: int = MAX_CELLS) -> ValueCounts:
    """Distinct values of ``band`` of the raster at ``path`` and their cells."""
    dataset = gdal.Open(path)
    if dataset is None:
        raise OSError("cannot open {}".format(path))
    raster = dataset.GetRasterBand(band)
    width, height = dataset.RasterXSize, dataset.RasterYSize
    step = max(1, math.ceil(math.sqrt(width * height / max_cells)))
    if step > 1:
        read_width, read_height = max(1, width // step), max(1, height // step)
        data = raster.ReadAsArray(buf_xsize=read_width, buf_ysize=read_height,
                                  resample_alg=gdal.GRIORA_NearestNeighbour)
    else:
        data = raster.ReadAsArray()
    values = data.ravel()
    nodata = raster.GetNoDataValue()
    keep = np.ones(values.shape, dtype=bool)
    if values.dtype.kind == "f":
        keep &= np.isfinite(values)
    if nodata is not None and not math.isnan(nodata):
        keep &= values != nodata
    found, counts = np.unique(values[keep], return_counts=True)
    scale = (width * height) / values.size
    return ValueCounts(found, np.round(counts * scale).astype(np.int64), step > 1)
