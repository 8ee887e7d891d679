"""Reading and writing: daily stacks (HDF5, netCDF also in groups, HDF4 through GDAL, GeoTIFF, folders of daily
files, SMAP AM/PM granules), grids and their georeferencing (EASE-Grid presets), dates in names and band
descriptions, GeoTIFF outputs written atomically with their ``.qml`` style, polygon rasterisation, packed
temperatures, and the Qt-free helpers of the desktop (a pixel's series, a product's summary).

GDAL and OSR raise Python exceptions from here on (set once, for every core module: they all read through
this package).
"""
from osgeo import gdal, osr

gdal.UseExceptions()
osr.UseExceptions()

from .dates import date_from_description, date_from_name, parse_iso_date, parse_month_day, season_bounds  # noqa: E402
from .geotiff import GeoTiffWriter, style_sidecar  # noqa: E402
from .outputs import atomic_path, output_set, write_text_atomic  # noqa: E402
from .grid import GLOBAL_QUARTER_DEGREE, Georeference, Grid, crs_wkt_from_user, spatial_reference  # noqa: E402
from .raster import band_on_grid, grid_of, open_raster  # noqa: E402
from .rasterize import Polygons, polygon_labels, polygon_mask, polygons_area_m2  # noqa: E402
from .passes import PASS_CHOICES  # noqa: E402
from .stack import Stack, open_stack, stored_packing  # noqa: E402
from .temperature import Packing  # noqa: E402

__all__ = ["GLOBAL_QUARTER_DEGREE", "GeoTiffWriter", "Georeference", "Grid", "PASS_CHOICES", "Packing", "Polygons",
           "Stack",
           "atomic_path", "band_on_grid", "crs_wkt_from_user", "date_from_description", "date_from_name",
           "grid_of", "open_raster", "open_stack", "output_set", "parse_iso_date", "parse_month_day", "polygon_labels",
           "polygon_mask", "polygons_area_m2", "season_bounds", "spatial_reference", "stored_packing",
           "style_sidecar", "write_text_atomic"]
