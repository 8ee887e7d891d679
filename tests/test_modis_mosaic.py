"""A folder of daily files whose dates repeat holds tiles of those dates: each date is read as the mosaic of its
tiles on the union grid of all tiles (issue #22).

The tiles are the real MOD11A1 tile h11v05 and a neighbour made from it: for HDF4-EOS the same file with its
EOS grid corners (``UpperLeftPointMtrs``/``LowerRightMtrs`` in ``StructMetadata.0``) moved one MODIS tile east,
to h12v05, by rewriting those numbers in place at the same length (GDAL's HDF4Image driver writes plain SDS
files without the EOS grid and its subdataset names); for GeoTIFF, tiles GDAL writes from the real grids, the
h12v05 one holding the night LST so that the two halves of the mosaic differ. Expected values are independent
GDAL reads of each tile.
"""
import datetime as dt
import json
import os
import re
import shutil

import numpy as np
import pytest
from osgeo import gdal

from conftest import ROOT
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.stack import open_stack, stored_packing

MODIS = os.path.join(ROOT, "tests", "data", "real_products", "modis", "MOD11A1.A2021227.h11v05.061.2021228105320.hdf")
MODIS_TILE = 1111950.5197665  # metres: the width of a MODIS sinusoidal tile (1200 cells of 926.625 m)
AUG15, AUG16 = dt.date(2021, 8, 15), dt.date(2021, 8, 16)


def subdataset(path, name="LST_Day_1km"):
    return 'HDF4_EOS:EOS_GRID:"{}":MODIS_Grid_Daily_1km_LST:{}'.format(path, name)


def gdal_read(path):
    ds = gdal.Open(path)  # keep the dataset referenced while its band is read
    return ds.GetRasterBand(1).ReadAsArray(), ds.GetGeoTransform()


def eos_neighbour(target, tiles_east=1):
    """Copy the real tile to ``target`` with its EOS grid moved ``tiles_east`` tiles east (same byte length)."""
    with open(MODIS, "rb") as f:
        data = f.read()

    def shifted(match):
        key, x, y = (match.group(i).decode() for i in (1, 2, 3))
        text = "{}({:.{}f},{})".format(key, float(x) + tiles_east * MODIS_TILE, len(x.split(".")[1]), y).encode()
        assert len(text) == len(match.group(0))
        return text

    patched, n = re.subn(rb"(UpperLeftPointMtrs=|LowerRightMtrs=)\((-?[\d.]+),(-?[\d.]+)\)", shifted, data)
    assert n == 2 and len(patched) == len(data)
    with open(target, "wb") as f:
        f.write(patched)


def geotiff_tile(target, name="LST_Day_1km", east=0.0, south=0.0, cell=None, crs=None, scale=None):
    """A GeoTIFF of the real tile's grid ``name``, its corner moved ``east``/``south`` tiles (and cell size or CRS
    replaced when given)."""
    ds = gdal.Translate(target, subdataset(MODIS, name), format="GTiff")
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    dx, dy = (cell, -cell) if cell else (dx, dy)
    ds.SetGeoTransform((x0 + east * MODIS_TILE, dx, 0.0, y0 - south * MODIS_TILE, 0.0, dy))
    if crs:
        ds.SetProjection(crs)
    if scale:
        ds.GetRasterBand(1).SetScale(scale)
    ds = None
    return target


@pytest.fixture
def hdf4_folder(tmp_path):
    """h11v05 and h12v05 on 2021-08-15 (day 227), only h11v05 on 2021-08-16 (day 228)."""
    folder = tmp_path / "mod11a1"
    folder.mkdir()
    shutil.copy(MODIS, str(folder / os.path.basename(MODIS)))
    eos_neighbour(str(folder / "MOD11A1.A2021227.h12v05.061.2021228105320.hdf"))
    shutil.copy(MODIS, str(folder / "MOD11A1.A2021228.h11v05.061.2021229105320.hdf"))
    return folder


def test_modis_hdf4_tiles_of_one_date_are_mosaicked_on_the_union_grid(hdf4_folder):
    west, west_gt = gdal_read(subdataset(MODIS))
    east, east_gt = gdal_read(subdataset(str(hdf4_folder / "MOD11A1.A2021227.h12v05.061.2021228105320.hdf")))
    assert east_gt[0] == pytest.approx(west_gt[0] + MODIS_TILE, abs=1e-3)  # GDAL sees the neighbour at h12v05
    with open_stack(str(hdf4_folder), "LST_Day_1km") as stack:
        assert stack.dates == [AUG15, AUG16]  # one date per day, whatever the number of tiles
        assert stack.shape == (2, 1200, west.shape[1] + east.shape[1])
        x0, dx, rx, y0, ry, dy = stack.grid.geotransform
        assert (x0, y0, rx, ry) == (pytest.approx(west_gt[0]), pytest.approx(west_gt[3]), 0.0, 0.0)
        assert (dx, dy) == (pytest.approx(west_gt[1]), pytest.approx(west_gt[5]))
        assert stack.grid.extent[2] == pytest.approx(east_gt[0] + 1200 * east_gt[1], abs=1e-3)
        assert stack.nodata == 0 and stack.scale == pytest.approx(0.02) and stack.dtype == np.uint16
        assert "2 tiles per date mosaicked" in stack.describe()
        assert "1 date(s) miss a tile" in stack.describe()
        assert len(stack.files) == 3
        full = stack.read(slice(None))
        assert np.array_equal(full[0, :, :1200], west) and np.array_equal(full[0, :, 1200:], east)
        assert np.array_equal(full[1, :, :1200], west)
        assert (full[1, :, 1200:] == 0).all()  # h12v05 missing on 2021-08-16: the band's nodata (_FillValue 0)
        block = stack.read(slice(590, 613), [1, 0])  # blocks and date subsets read the same cells
        assert np.array_equal(block, full[::-1, 590:613])
    assert stored_packing(str(hdf4_folder), "LST_Day_1km") == (pytest.approx(0.02), None)


def test_geotiff_tiles_in_two_rows_keep_each_tile_in_its_place(tmp_path):
    """h11v05 (day LST), h12v05 (night LST) and h11v06 below h11v05: the union is 2 x 2 tiles, its h12v06
    corner nodata on every date; on the second date only h12v05 is there."""
    folder = tmp_path / "tiles"
    folder.mkdir()
    day = str(folder / "MOD11A1.A2021227.h11v05.061.tif")
    night = str(folder / "MOD11A1.A2021227.h12v05.061.tif")
    below = str(folder / "MOD11A1.A2021227.h11v06.061.tif")
    geotiff_tile(day)
    geotiff_tile(night, "LST_Night_1km", east=1)
    geotiff_tile(below, "LST_Night_1km", south=1)
    shutil.copy(night, str(folder / "MOD11A1.A2021228.h12v05.061.tif"))
    (day_values, day_gt), (night_values, _), (below_values, _) = gdal_read(day), gdal_read(night), gdal_read(below)
    assert not np.array_equal(day_values, night_values)
    with open_stack(str(folder)) as stack:
        assert stack.dates == [AUG15, AUG16] and stack.shape == (2, 2400, 2400)
        assert stack.grid.geotransform[0] == pytest.approx(day_gt[0]) and stack.grid.geotransform[3] == day_gt[3]
        assert "3 tiles per date mosaicked" in stack.describe()
        full = np.concatenate([stack.read(slice(r, min(r + 700, 2400))) for r in range(0, 2400, 700)], axis=1)
    assert np.array_equal(full[0, :1200, :1200], day_values)
    assert np.array_equal(full[0, :1200, 1200:], night_values)
    assert np.array_equal(full[0, 1200:, :1200], below_values)
    assert (full[:, 1200:, 1200:] == 0).all()  # no h12v06 tile at all
    assert np.array_equal(full[1, :1200, 1200:], night_values)
    assert (full[1, :1200, :1200] == 0).all() and (full[1, 1200:, :1200] == 0).all()


@pytest.mark.parametrize("odd, message", [
    (dict(east=1, cell=1000.0), r"h12v05.*cells of 1000 x 1000.*one cell size"),
    (dict(east=1, crs="EPSG:3857"), r"h12v05.*another CRS.*one CRS"),
    (dict(east=0), r"same date 2021-08-15 and cover the same cells"),
    (dict(east=0.5), r"overlap on the common grid"),
    (dict(east=1, scale=0.01), r"h12v05.*stores its values otherwise.*scale 0.01"),
])
def test_tiles_that_cannot_be_mosaicked_are_refused_naming_the_file(tmp_path, odd, message):
    folder = tmp_path / "tiles"
    folder.mkdir()
    geotiff_tile(str(folder / "MOD11A1.A2021227.h11v05.061.tif"))
    if odd.get("east") == 0.5:  # half a tile east: on the lattice (600 cells) but overlapping
        odd = dict(odd, east=600 * 926.6254331391661 / MODIS_TILE)
    geotiff_tile(str(folder / "MOD11A1.A2021227.h12v05.061.tif"), **odd)
    with pytest.raises(CryoInputError, match=message):
        open_stack(str(folder))


def test_a_half_cell_shift_is_refused(tmp_path):
    folder = tmp_path / "tiles"
    folder.mkdir()
    geotiff_tile(str(folder / "MOD11A1.A2021227.h11v05.061.tif"))
    geotiff_tile(str(folder / "MOD11A1.A2021227.h12v05.061.tif"), east=1 + 0.5 * 926.6254331391661 / MODIS_TILE)
    with pytest.raises(CryoInputError, match=r"h12v05.*not on the grid lattice of .*h11v05.*1200\.500 columns"):
        open_stack(str(folder))


def test_lst_to_gst_runs_on_a_folder_of_tiles(qgis_app, hdf4_folder, tmp_path):
    """GST = LST in °C (one predictor, coefficient 1): the output covers both tiles, nodata where h12v05 is
    missing."""
    import processing

    model = tmp_path / "model.json"
    model.write_text(json.dumps({"predictors": ["lst_day"], "coefficients": [1.0], "intercept": 0.0,
                                 "penalty": 0.0, "folds": 5, "n": 10, "r2": 1.0, "rmse": 0.0, "mae": 0.0,
                                 "units": "degC"}))
    out = str(tmp_path / "gst.tif")
    processing.run("cryo:lsttogst", {"INPUT": [str(hdf4_folder)], "MODEL": str(model), "DATASET": "LST_Day_1km",
                                     "UNITS": "kelvin", "OUTPUT": out})
    west, _ = gdal_read(subdataset(MODIS))
    ds = gdal.Open(out)
    assert (ds.RasterCount, ds.RasterXSize, ds.RasterYSize) == (2, 2400, 1200)
    nodata = ds.GetRasterBand(1).GetNoDataValue()
    first, second = ds.GetRasterBand(1).ReadAsArray(), ds.GetRasterBand(2).ReadAsArray()
    valid = west > 0
    expected = west[valid] * 0.02 - 273.15
    assert np.allclose(first[:, :1200][valid], expected, atol=1e-3)
    assert np.allclose(first[:, 1200:][valid], expected, atol=1e-3)  # the neighbour holds the same values
    assert (second[:, 1200:] == nodata).all()
