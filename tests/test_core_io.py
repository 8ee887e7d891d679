"""Core I/O: stacks from every layout, their errors, block iteration, atomic GeoTIFF writing, cell areas.

No QGIS here: the core must work as a plain library.
"""
import datetime as dt
import math
import os

import h5py
import numpy as np
import pytest
from osgeo import gdal, osr

from cryo_qgis_plugin.core.codes import FREEZE_THAW
from cryo_qgis_plugin.core.io.dates import date_from_name, parse_month_day
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Georeference, Grid, quadrangle_area_km2
from cryo_qgis_plugin.core.io.stack import open_stack
from cryo_qgis_plugin.core.run import blocks

GLOBAL_SHAPE = (720, 1440)


def write_h5(path, data, name="FT", **datasets):
    with h5py.File(path, "w") as h5:
        h5.create_dataset(name, data=data, compression="gzip")
        for key, value in datasets.items():
            h5.create_dataset(key, data=value)


def daily_folder(folder, days, shape=GLOBAL_SHAPE, start=dt.date(2007, 1, 25)):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(1)
    cubes = []
    for i in range(days):
        day = start + dt.timedelta(days=i)
        grid = rng.integers(0, 4, size=shape, dtype=np.uint8)
        write_h5(os.path.join(folder, "AMSR_{:%Y%m%d}_FT_25.h5".format(day)), grid)
        cubes.append(grid)
    return np.stack(cubes)


def test_folder_of_daily_hdf5_reads_dates_grid_and_values(tmp_path):
    cube = daily_folder(str(tmp_path / "ft"), 4)
    with open_stack(str(tmp_path / "ft")) as stack:
        assert stack.dates == [dt.date(2007, 1, 25) + dt.timedelta(days=i) for i in range(4)]
        assert stack.shape == (4, 720, 1440)
        assert stack.grid.geotransform == (-180.0, 0.25, 0.0, 90.0, 0.0, -0.25)
        assert stack.grid.is_geographic
        np.testing.assert_array_equal(stack.read(slice(100, 130)), cube[:, 100:130])
        np.testing.assert_array_equal(stack.read(slice(0, 5), [3, 1]), cube[[3, 1], 0:5])


def test_day_of_year_names_and_sorting(tmp_path):
    folder = tmp_path / "doy"
    folder.mkdir()
    for doy, value in ((32, 2), (31, 1)):
        write_h5(str(folder / "FT_2008{:03d}.h5".format(doy)), np.full((4, 6), value, np.uint8))
    with open_stack(str(folder), georef=Georeference((70, 25, 106, 40), "EPSG:4326")) as stack:
        assert stack.dates == [dt.date(2008, 1, 31), dt.date(2008, 2, 1)]
        assert stack.read(slice(0, 1))[:, 0, 0].tolist() == [1, 2]
        assert stack.grid.geotransform == (70, 6.0, 0.0, 40, 0.0, -3.75)


def test_date_parsing():
    assert date_from_name("AMSR_20070125_FT_25.h5") == dt.date(2007, 1, 25)
    assert date_from_name("TP_FT_2004366.tif") == dt.date(2004, 12, 31)
    assert date_from_name("TP_FT_2005366.tif") is None  # 2005 has 365 days
    assert date_from_name("readme_v2.h5") is None
    assert parse_month_day("08-01") == (8, 1)
    with pytest.raises(CryoInputError, match="MM-DD"):
        parse_month_day("13-01")


def test_single_3d_hdf5_needs_start_date(tmp_path):
    path = str(tmp_path / "cube.h5")
    cube = np.arange(3 * 4 * 5, dtype=np.uint8).reshape(3, 4, 5)
    write_h5(path, cube)
    georef = Georeference((0, 0, 5, 4), "EPSG:4326")
    with pytest.raises(CryoInputError, match="START_DATE"):
        open_stack(path, georef=georef)
    with open_stack(path, start_date=dt.date(2010, 12, 31), georef=georef) as stack:
        assert stack.dates[-1] == dt.date(2011, 1, 2)
        np.testing.assert_array_equal(stack.read(slice(1, 3), [0, 2]), cube[[0, 2], 1:3])


def test_missing_path_is_named(tmp_path):
    with pytest.raises(CryoInputError, match="nothing_here.h5 does not exist"):
        open_stack(str(tmp_path / "nothing_here.h5"))


def test_hdf5_without_grid_dataset(tmp_path):
    path = str(tmp_path / "AMSR_20070125_FT_25.h5")
    with h5py.File(path, "w") as h5:
        h5.create_dataset("version", data=np.array([1, 2, 3]))
    with pytest.raises(CryoInputError, match="AMSR_20070125_FT_25.h5 holds no 2-D or 3-D"):
        open_stack(path)


def test_hdf5_with_several_grids_needs_dataset(tmp_path):
    path = str(tmp_path / "AMSR_20070125_FT_25.h5")
    lat = np.zeros(GLOBAL_SHAPE, np.float32)
    write_h5(path, np.ones(GLOBAL_SHAPE, np.uint8), name="ft", lat=lat)
    with pytest.raises(CryoInputError, match="several grids.*/ft.*/lat.*DATASET"):
        open_stack(path)
    with open_stack(path, dataset="ft") as stack:
        assert stack.dates == [dt.date(2007, 1, 25)] and stack.read(slice(0, 1)).max() == 1
    with pytest.raises(CryoInputError, match="no 2-D or 3-D numeric dataset 'temp'"):
        open_stack(path, dataset="temp")


def test_shape_not_matching_default_grid(tmp_path):
    path = str(tmp_path / "TP_20070125.h5")
    write_h5(path, np.ones((60, 80), np.uint8))
    with pytest.raises(CryoInputError, match=r"TP_20070125.h5.*60 rows x 80 columns.*EXTENT and CRS"):
        open_stack(path)


def test_undated_file_in_folder_is_named(tmp_path):
    daily_folder(str(tmp_path / "ft"), 2)
    write_h5(str(tmp_path / "ft" / "AMSR_latest.h5"), np.ones(GLOBAL_SHAPE, np.uint8))
    with pytest.raises(CryoInputError, match="AMSR_latest.h5.*YYYYMMDD"):
        open_stack(str(tmp_path / "ft"))


def test_duplicate_dates_in_folder(tmp_path):
    daily_folder(str(tmp_path / "ft"), 1)
    write_h5(str(tmp_path / "ft" / "FT_2007025.h5"), np.ones(GLOBAL_SHAPE, np.uint8))
    with pytest.raises(CryoInputError, match="same date 2007-01-25"):
        open_stack(str(tmp_path / "ft"))


def test_mixed_grids_in_hdf5_folder(tmp_path):
    folder = tmp_path / "ft"
    folder.mkdir()
    write_h5(str(folder / "A_20070101.h5"), np.ones((10, 20), np.uint8))
    write_h5(str(folder / "A_20070102.h5"), np.ones((10, 21), np.uint8))
    with pytest.raises(CryoInputError, match="A_20070102.h5 is 10 rows x 21 columns.*one grid"):
        open_stack(str(folder), georef=Georeference((0, 0, 20, 10)))


def write_tif(path, data, origin=(500000.0, 8000000.0), cell=1000.0, epsg=32633, descriptions=()):
    if data.ndim == 2:
        data = data[np.newaxis]
    ds = gdal.GetDriverByName("GTiff").Create(path, data.shape[2], data.shape[1], data.shape[0], gdal.GDT_Int16)
    ds.SetGeoTransform((origin[0], cell, 0, origin[1], 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for i in range(data.shape[0]):
        ds.GetRasterBand(i + 1).WriteArray(data[i])
        if descriptions:
            ds.GetRasterBand(i + 1).SetDescription(descriptions[i])
    ds = None


def test_mixed_grids_in_geotiff_folder(tmp_path):
    folder = tmp_path / "lst"
    folder.mkdir()
    write_tif(str(folder / "LST_20100101.tif"), np.zeros((1, 5, 6)))
    write_tif(str(folder / "LST_20100102.tif"), np.zeros((1, 5, 6)), origin=(501000.0, 8000000.0))
    with pytest.raises(CryoInputError, match="LST_20100102.tif is on another grid than .*LST_20100101.tif"):
        open_stack(str(folder))


def test_multiband_geotiff_dates_from_descriptions(tmp_path):
    path = str(tmp_path / "stack.tif")
    data = np.arange(2 * 5 * 6, dtype=np.int16).reshape(2, 5, 6)
    write_tif(path, data, descriptions=("2010-01-01", "2010-01-03"))
    with open_stack(path) as stack:
        assert stack.dates == [dt.date(2010, 1, 1), dt.date(2010, 1, 3)]
        assert stack.grid.extent == (500000.0, 7995000.0, 506000.0, 8000000.0)
        np.testing.assert_array_equal(stack.read(slice(2, 4)), data[:, 2:4])
    undated = str(tmp_path / "undated.tif")
    write_tif(undated, data)
    with pytest.raises(CryoInputError, match="undated.tif: the bands carry no dates.*START_DATE"):
        open_stack(undated)


def test_blocks_cover_rows_within_budget():
    split = blocks(720, bytes_each=1000, budget_bytes=300_000, align=256)
    assert split == [(0, 256), (256, 512), (512, 720)]
    assert blocks(10, bytes_each=1000, budget_bytes=10, align=256) == [(i, i + 1) for i in range(10)]


def test_geotiff_writer_is_atomic_and_styled(tmp_path):
    grid = Grid.from_extent(-180, -90, 180, 90, 1440, 720, "EPSG:4326")
    path = str(tmp_path / "codes.tif")
    days = ["2007-01-25", "2007-01-26"]
    data = np.zeros((2, 720, 1440), np.uint8)
    data[1, :10] = 15
    with GeoTiffWriter(path, grid, days, np.uint8, nodata=255, class_table=FREEZE_THAW, band_dates=days) as out:
        out.write(0, data)
    ds = gdal.Open(path)
    assert [ds.GetRasterBand(b).GetDescription() for b in (1, 2)] == days
    assert ds.GetRasterBand(2).GetMetadataItem("DATE") == "2007-01-26"
    assert ds.GetRasterBand(1).GetNoDataValue() == 255
    assert ds.GetRasterBand(2).ReadAsArray()[:10].min() == 15
    assert "COMPRESSION=DEFLATE" in gdal.Info(path) and ds.GetRasterBand(1).GetBlockSize() == [256, 256]
    qml = open(str(tmp_path / "codes.qml")).read()
    for code in FREEZE_THAW:
        assert 'value="{}" color="{}"'.format(code.value, code.hex_color) in qml and code.label in qml

    before = sorted(os.listdir(str(tmp_path)))
    with pytest.raises(RuntimeError, match="simulated crash"):
        with GeoTiffWriter(path, grid, days, np.uint8) as out:
            out.write(0, np.ones((2, 720, 1440), np.uint8))
            raise RuntimeError("simulated crash")
    assert sorted(os.listdir(str(tmp_path))) == before, "a failed write must leave no trace"
    assert gdal.Open(path).GetRasterBand(1).ReadAsArray().max() == 0, "the older output must be intact"


def test_sphere_cell_areas_match_the_analytic_formula():
    grid = Grid.from_extent(-180, -90, 180, 90, 360, 180, "+proj=longlat +R=6371000 +no_defs")
    areas = grid.row_cell_areas_km2()
    radius_km = 6371.0
    lat = np.radians(np.arange(90, -91, -1.0))
    expected = radius_km ** 2 * math.radians(1.0) * (np.sin(lat[:-1]) - np.sin(lat[1:]))
    np.testing.assert_allclose(areas, expected, rtol=1e-12)
    assert areas.sum() * 360 == pytest.approx(4 * math.pi * radius_km ** 2, rel=1e-12)


def test_wgs84_cell_areas_sum_to_the_ellipsoid_surface():
    areas = Grid.from_extent(-180, -90, 180, 90, 1440, 720, "EPSG:4326").row_cell_areas_km2()
    # Surface of the WGS 84 ellipsoid: 510,065,621.7 km² (e.g. Moritz 2000, Geodetic Reference System 1980).
    assert areas.sum() * 1440 == pytest.approx(510_065_621.7, rel=1e-9)
    np.testing.assert_allclose(areas, areas[::-1], rtol=1e-9)
    # An equatorial 0.25° cell is 27.83 km x 27.64 km (meridian arc on the ellipsoid): 769.3 km².
    assert areas[359] == pytest.approx(769.3, rel=1e-3)
    # Flattening makes a 1°x1° cell at the equator smaller than on the sphere of the same equatorial radius.
    assert quadrangle_area_km2(0, 1, 1)[()] < quadrangle_area_km2(0, 1, 1, inv_flattening=0)[()]


def test_projected_cell_area_is_pixel_area():
    grid = Grid.from_extent(0, 0, 25_000, 50_000, 1, 2, "EPSG:6933")
    np.testing.assert_allclose(grid.row_cell_areas_km2(), [625.0, 625.0])
