"""One pixel through every band of a stack (core.pixel_series, the time-series dock's reader)."""
import datetime as dt
import os

import numpy as np
import pytest
from osgeo import gdal

from conftest import ROOT
from cryo_qgis_plugin.core import freezethaw
from cryo_qgis_plugin.core.codes import (FREEZE_THAW, NSIDC0477_FREEZE_THAW, PERMAFROST_CLASSES, PERMAFROST_ZONES,
                                         SMAP_FREEZE_THAW, SNOW_COVER, TABLES)
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.pixel_series import OutsideRaster, class_table_of, read_pixel_series
from cryo_qgis_plugin.core.io.stack import open_stack

# 12 columns x 20 rows of 500 m: x 500000 .. 506000, y 7990000 .. 8000000.
GRID = Grid.from_extent(500000, 7990000, 506000, 8000000, 12, 20, "EPSG:32633")
DAYS = ["2010-01-01", "2010-01-02", "2010-01-03", "2010-01-05", "2010-01-06"]


def codes() -> np.ndarray:
    data = np.random.default_rng(7).choice(np.array([0, 1, 2, 3, 15], np.uint8), (len(DAYS), 20, 12))
    data[2, 4:9, 2:7] = 255  # nodata on the third day
    return data


def write(path, data, descriptions, band_dates=None, nodata=255, class_table=None, metadata=None):
    with GeoTiffWriter(str(path), GRID, descriptions, data.dtype, nodata=nodata, class_table=class_table,
                       band_dates=band_dates, metadata=metadata) as out:
        out.write(0, data)
    return str(path)


def centre(column: int, row: int):
    x0, dx, _, y0, _, dy = GRID.geotransform
    return x0 + (column + 0.5) * dx, y0 + (row + 0.5) * dy


def test_values_match_gdal_band_by_band(tmp_path):
    path = write(tmp_path / "codes.tif", codes(), DAYS, band_dates=DAYS, class_table=FREEZE_THAW)
    ds = gdal.Open(path)
    for column, row in [(0, 0), (11, 19), (3, 5), (4, 6), (8, 13)]:
        series = read_pixel_series(path, *centre(column, row))
        expected = np.array([ds.GetRasterBand(b).ReadAsArray(column, row, 1, 1)[0, 0]
                             for b in range(1, ds.RasterCount + 1)], np.float64)
        expected[expected == 255] = np.nan
        assert (series.column, series.row) == (column, row)
        assert series.values.dtype == np.float64 and series.values.shape == (len(DAYS),)
        np.testing.assert_array_equal(series.values, expected)
    nodata_pixel = read_pixel_series(path, *centre(3, 5))
    assert np.isnan(nodata_pixel.values[2]) and not np.isnan(nodata_pixel.values).all()
    assert nodata_pixel.path == path and nodata_pixel.x == centre(3, 5)[0] and nodata_pixel.y == centre(3, 5)[1]


def test_pixel_of_a_coordinate_follows_the_geotransform(tmp_path):
    path = write(tmp_path / "codes.tif", codes(), DAYS)
    # column = floor((502345 - 500000) / 500) = floor(4.69) = 4; row = floor((8000000 - 7996789) / 500) = 6
    series = read_pixel_series(path, 502345.0, 7996789.0)
    assert (series.column, series.row) == (4, 6)
    corner = read_pixel_series(path, 500000.0, 8000000.0)  # the left and top edges are on the raster
    assert (corner.column, corner.row) == (0, 0)
    last = read_pixel_series(path, 505999.9, 7990000.1)
    assert (last.column, last.row) == (11, 19)


def test_dates_from_band_metadata_or_descriptions_else_band_labels(tmp_path):
    expected = [dt.date.fromisoformat(d) for d in DAYS]
    from_metadata = write(tmp_path / "meta.tif", codes(), ["day {}".format(i) for i in range(5)], band_dates=DAYS)
    series = read_pixel_series(from_metadata, *centre(1, 1))
    assert series.dates == expected and series.labels == ["day {}".format(i) for i in range(5)]
    from_descriptions = write(tmp_path / "descriptions.tif", codes(), ["FT " + d for d in DAYS])
    assert read_pixel_series(from_descriptions, *centre(1, 1)).dates == expected

    undated = write(tmp_path / "undated.tif", codes(), [""] * 5)
    series = read_pixel_series(undated, *centre(1, 1))
    assert series.dates is None
    assert series.labels == ["band 1", "band 2", "band 3", "band 4", "band 5"]
    partly = write(tmp_path / "partly.tif", codes(), DAYS[:4] + ["mean"])
    series = read_pixel_series(partly, *centre(1, 1))
    assert series.dates is None and series.labels[-1] == "mean"


def test_a_rewritten_file_is_read_again(tmp_path):
    path = write(tmp_path / "codes.tif", codes(), DAYS)
    assert read_pixel_series(path, *centre(1, 1)).dates[0] == dt.date(2010, 1, 1)
    write(tmp_path / "codes.tif", codes(), [d.replace("2010", "2011") for d in DAYS])
    assert read_pixel_series(path, *centre(1, 1)).dates[0] == dt.date(2011, 1, 1)


def test_points_off_the_raster_are_refused(tmp_path):
    path = write(tmp_path / "codes.tif", codes(), DAYS)
    inside_x, inside_y = centre(5, 5)
    for x, y in [(499999.0, inside_y), (506001.0, inside_y), (inside_x, 8000001.0), (inside_x, 7989999.0),
                 (506000.0, inside_y), (inside_x, 7990000.0)]:  # the right and bottom edges are outside
        message = (r"\({:.0f}, {:.0f}\) is outside .*codes.tif, "
                   r"whose extent is x 500000 \.\. 506000, y 7990000 \.\. 8000000")
        with pytest.raises(OutsideRaster, match=message.format(x, y)):
            read_pixel_series(path, x, y)
    assert issubclass(OutsideRaster, CryoInputError)


def test_rotated_rasters_are_refused(tmp_path):
    path = str(tmp_path / "rotated.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 4, 4, 2, gdal.GDT_Byte)
    ds.SetGeoTransform((0, 1, 0.2, 10, 0.1, -1))
    ds = None
    with pytest.raises(CryoInputError, match="rotated.tif has a rotated geotransform; warp it"):
        read_pixel_series(path, 1, 8)
    with pytest.raises(CryoInputError, match="missing.tif cannot be opened as a raster"):
        read_pixel_series(str(tmp_path / "missing.tif"), 1, 8)


def test_class_table_of_decoded_legacy_categorical_and_continuous_rasters(tmp_path):
    source = write(tmp_path / "source.tif", np.where(codes() == 255, 0, codes()).astype(np.uint8), DAYS)
    decoded = str(tmp_path / "decoded.tif")
    with open_stack(source) as stack:
        freezethaw.decode(stack, decoded, None)
    ds = gdal.Open(decoded)
    assert ds.GetMetadataItem("CRYO_CLASS_TABLE") == "freeze_thaw"
    assert class_table_of(ds) is FREEZE_THAW
    assert read_pixel_series(decoded, *centre(2, 3)).class_table is FREEZE_THAW

    legacy = write(tmp_path / "legacy.tif", codes(), DAYS, metadata={"CRYO_PRODUCT": "freeze_thaw_codes"})
    assert class_table_of(gdal.Open(legacy)) is FREEZE_THAW  # decoded before CRYO_CLASS_TABLE existed
    zones = write(tmp_path / "zones.tif", np.ones((1, 20, 12), np.uint8), ["permafrost_zones"], nodata=0,
                  class_table=PERMAFROST_ZONES)
    assert class_table_of(gdal.Open(zones)) is PERMAFROST_ZONES
    continuous = write(tmp_path / "ddt.tif", np.full((2, 20, 12), 1234.5, np.float32), ["ddt_2010", "ddt_2011"],
                       nodata=-9999, metadata={"CRYO_PRODUCT": "degree_days"})
    series = read_pixel_series(continuous, *centre(0, 0))
    assert series.class_table is None and class_table_of(gdal.Open(continuous)) is None
    np.testing.assert_array_equal(series.values, [1234.5, 1234.5])
    assert TABLES == {"freeze_thaw": FREEZE_THAW, "smap_l3ft": SMAP_FREEZE_THAW, "nsidc0477": NSIDC0477_FREEZE_THAW,
                      "permafrost_classes": PERMAFROST_CLASSES, "permafrost_zones": PERMAFROST_ZONES,
                      "snow_cover": SNOW_COVER}


def test_float32_nodata_becomes_nan(tmp_path):
    data = np.full((2, 20, 12), 0.1, np.float32)
    path = write(tmp_path / "fraction.tif", data, ["a", "b"], nodata=0.1)  # 0.1 is not exact in float32
    assert np.isnan(read_pixel_series(path, *centre(0, 0)).values).all()


def test_decoded_stacks_use_small_band_interleaved_tiles(tmp_path):
    """96 x 96 tiles, band-interleaved: picks through 18 years of days and one-day maps both read fast
    (figures in scripts/bench_pick.py)."""
    source = write(tmp_path / "source.tif", np.ones((len(DAYS), 20, 12), np.uint8), DAYS)
    decoded = str(tmp_path / "decoded.tif")
    with open_stack(source) as stack:
        freezethaw.decode(stack, decoded, None)
    ds = gdal.Open(decoded)
    assert ds.GetRasterBand(1).GetBlockSize() == [96, 96]
    assert ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == "BAND"
    assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"


def test_single_band_raster_and_closing(tmp_path):
    """A one-band raster reads its one value (the band split between readers must not leave a reader with no
    band, which GDAL would take as "all bands"); closing the kept rasters lets a pick reopen them."""
    from cryo_qgis_plugin.core.io.pixel_series import close_all

    path = str(tmp_path / "one.tif")
    grid = Grid.from_extent(0.0, 0.0, 3.0, 2.0, 3, 2, "EPSG:4326")
    with GeoTiffWriter(path, grid, ["dem"], np.float32) as out:
        out.write(0, np.array([[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]], dtype=np.float32))
    assert read_pixel_series(path, 2.5, 0.5).values.tolist() == [6.5]
    close_all()
    assert read_pixel_series(path, 0.5, 1.5).values.tolist() == [1.5]


def test_a_product_file_as_downloaded_is_plotted_with_its_product_classes():
    from cryo_qgis_plugin.gui.series import pixel_plot_series

    smap = os.path.join(ROOT, "tests", "data", "real_products", "smap", "SMAP_L3_FT_P_fill_uint_input.tif")
    ds = gdal.Open(smap)
    gt = ds.GetGeoTransform()
    codes = ds.ReadAsArray()
    row, col = map(int, np.argwhere(codes == 1)[0])  # a frozen cell
    pixel = read_pixel_series(smap, gt[0] + (col + 0.5) * gt[1], gt[3] + (row + 0.5) * gt[5])
    assert pixel.class_table is None  # the file records no class table
    series = pixel_plot_series("smap", pixel)
    assert series.class_table is SMAP_FREEZE_THAW and series.describe_value(0) == "Frozen (1)"
