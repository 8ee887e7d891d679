"""Freeze/thaw product profiles (core/freezethaw/products.py, PRODUCT of decode and indicators): the real SMAP L3
FT GeoTIFF decoded with its own code table and areas on the EASE-Grid 2.0 cell area, an AMSR file holding the
fill value 255 decoded with 255 counted as unknown, NSIDC-0477 transitional days, a custom code table, and the
product chosen automatically (checked against hand counts and independent GDAL reads)."""
import csv
import datetime as dt
import os

import h5py
import numpy as np
import pyproj
import pytest
from osgeo import gdal, osr

from conftest import ROOT, keep
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.freezethaw import (INDICATORS, PRODUCTS, decode, detect_product, read_custom_product,
                                              season_indicators)
from cryo_qgis_plugin.core.io.stack import open_stack
from cryo_qgis_plugin.core.run import Run
from test_processing_freezethaw import run

EASE2_36KM = 36032.220840584  # m
SMAP_TIF = os.path.join(ROOT, "tests", "data", "real_products", "smap", "SMAP_L3_FT_P_fill_uint_input.tif")


def read_table(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def test_smap_geotiff_areas_are_cell_counts_times_the_ease_grid_cell_area(qgis_app, tmp_path):
    ds = gdal.Open(SMAP_TIF)
    codes = ds.ReadAsArray()
    # EASE-Grid 2.0 global 36 km: cells of 36032.220840584 m (Brodzik et al. 2012); HEG writes it rounded
    assert ds.GetGeoTransform()[1] == pytest.approx(EASE2_36KM, abs=0.01)
    cell_km2 = EASE2_36KM ** 2 / 1e6
    assert cell_km2 == pytest.approx(1298.3, abs=0.05)
    assert osr.SpatialReference(ds.GetProjection()).GetAttrValue("PROJECTION") == "Cylindrical_Equal_Area"
    result = run("cryo:decodefreezethaw", {"INPUT": SMAP_TIF, "START_DATE": "2018-06-16",
                                           "OUTPUT": str(tmp_path / "ft.tif"), "OUTPUT_TABLE": str(tmp_path / "a.csv")})
    assert result["N_DATES"] == 1 and result["FIRST_DATE"] == "2018-06-16" and result["UNKNOWN_PIXEL_DAYS"] == 0
    (row,) = read_table(tmp_path / "a.csv")
    assert list(row) == ["date", "thawed_km2", "frozen_km2", "no_retrieval_km2", "unknown_km2", "frozen_fraction"]
    for key, code in (("thawed_km2", 0), ("frozen_km2", 1), ("no_retrieval_km2", 254)):
        assert float(row[key]) == pytest.approx(np.count_nonzero(codes == code) * cell_km2, abs=1e-3)
    frozen, thawed = np.count_nonzero(codes == 1), np.count_nonzero(codes == 0)
    assert float(row["frozen_fraction"]) == pytest.approx(frozen / (frozen + thawed), abs=1e-6)
    assert 0 < float(row["frozen_fraction"]) < 0.5  # June 16: the northern summer, not "1.000" as with AMSR codes
    decoded = gdal.Open(str(tmp_path / "ft.tif"))
    assert decoded.GetMetadataItem("CRYO_CLASS_TABLE") == "smap_l3ft"
    np.testing.assert_array_equal(decoded.ReadAsArray(), codes)


def test_smap_read_with_the_amsr_table_is_flagged(tmp_path):
    notes = []
    with open_stack(SMAP_TIF, start_date=dt.date(2018, 6, 16)) as stack:
        result = decode(stack, None, None, product=PRODUCTS["amsr_tpdc"], run=Run(log=keep(notes)))
    assert result.unknown_values[254] > 0
    assert any("is PRODUCT right?" in n for n in notes)


def test_amsr_file_holding_255_decodes_with_255_counted_as_unknown(qgis_app, tmp_path):
    folder = tmp_path / "daily"
    folder.mkdir()
    codes = np.ones((6, 8), np.uint8)
    codes[0] = 255
    codes[1, :3] = 2
    for day in (1, 2):
        with h5py.File(str(folder / "AMSR_200701{:02d}_FT_25.h5".format(day)), "w") as h5:
            h5.create_dataset("FT", data=codes)
    result = run("cryo:decodefreezethaw", {"INPUT": str(folder), "EXTENT": "0,8,30,36 [EPSG:4326]",
                                           "OUTPUT": str(tmp_path / "ft.tif"), "OUTPUT_TABLE": str(tmp_path / "a.csv")})
    assert result["UNKNOWN_PIXEL_DAYS"] == 2 * 8
    decoded = gdal.Open(str(tmp_path / "ft.tif")).ReadAsArray()
    np.testing.assert_array_equal(decoded[0], codes)  # 255 = the output's nodata
    assert gdal.Open(str(tmp_path / "ft.tif")).GetRasterBand(1).GetNoDataValue() == 255
    row = read_table(tmp_path / "a.csv")[0]
    frozen, thawed = float(row["frozen_km2"]), float(row["thawed_km2"])
    assert float(row["unknown_km2"]) > 0 and float(row["frozen_fraction"]) == pytest.approx(frozen / (frozen + thawed))


def nsidc_stack(path, days):
    """A GeoTIFF stack on EASE-Grid 2.0 (EPSG:6933, 36 km) with NSIDC-0477 codes, one band per day."""
    ds = gdal.GetDriverByName("GTiff").Create(str(path), len(days[0][0]), len(days[0]), len(days), gdal.GDT_Byte)
    ds.SetGeoTransform((0, 36032.220840584, 0, 5000000, 0, -36032.220840584))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(6933)
    ds.SetProjection(srs.ExportToWkt())
    for i, grid in enumerate(days):
        band = ds.GetRasterBand(i + 1)
        band.SetDescription((dt.date(2010, 8, 1) + dt.timedelta(days=i)).isoformat())
        band.WriteArray(np.array(grid, np.uint8))
    ds = None
    return str(path)


def test_nsidc0477_transitional_days_are_valid_and_break_runs():
    # frozen days 1-3 and 5-10 around a transitional day (2), thawed 11-15, inverse transitional (3), open water:
    # the first run of 5 frozen days starts on day 5; transitional days are valid but neither frozen nor thawed
    nsidc = PRODUCTS["nsidc0477"]
    codes = np.array([[0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 3, 254]], np.uint8).T
    values = dict(zip(INDICATORS, season_indicators(codes, 5, product=nsidc)[:, 0]))
    assert values["freeze_onset"] == 5 and values["thaw_onset"] == 11 and values["freeze_end"] == 10
    assert (values["frozen_days"], values["thawed_days"], values["valid_days"]) == (9, 5, 16)


def test_smap_codes_give_the_indicators_of_the_same_season_in_amsr_codes():
    rng = np.random.default_rng(3)
    amsr = rng.choice([0, 1, 1, 1, 2, 2, 3], size=(120, 50)).astype(np.uint8)
    smap = np.select([amsr == 1, amsr == 0], [1, 254], default=0).astype(np.uint8)  # 2 and 3 (rain) are thawed
    np.testing.assert_array_equal(season_indicators(smap, 5, product=PRODUCTS["smap_l3ft"]),
                                  season_indicators(amsr, 5, precipitation_as_thawed=True))


def test_decode_nsidc0477_stack_by_name(qgis_app, tmp_path):
    days = [[[0, 1, 2, 3], [252, 253, 254, 255]]] * 3
    path = nsidc_stack(tmp_path / "NSIDC-0477_FT_2010.tif", days)
    run("cryo:decodefreezethaw", {"INPUT": path, "OUTPUT": str(tmp_path / "ft.tif"),
                                  "OUTPUT_TABLE": str(tmp_path / "a.csv")})
    rows = read_table(tmp_path / "a.csv")
    cell = 36032.220840584 ** 2 / 1e6
    assert [float(rows[0][k]) for k in ("frozen_km2", "thawed_km2", "transitional_km2", "inverse_transitional_km2",
                                        "open_water_km2", "unknown_km2")] == pytest.approx([cell] * 6)
    assert float(rows[0]["frozen_fraction"]) == pytest.approx(1 / 4)


def test_custom_code_table(qgis_app, tmp_path):
    table = tmp_path / "codes.csv"
    table.write_text("value,class,label,colour\n10,frozen,Gefroren,#1f78b4\n20,thawed,Aufgetaut,#e3963e\n"
                     "99,missing,Wasser,#a6cee3\n")
    days = [[[10, 10, 20, 99]]] * 2
    path = nsidc_stack(tmp_path / "my_ft.tif", days)
    run("cryo:decodefreezethaw", {"INPUT": path, "PRODUCT": "custom", "PRODUCT_TABLE": str(table),
                                  "OUTPUT": str(tmp_path / "ft.tif"), "OUTPUT_TABLE": str(tmp_path / "a.csv")})
    row = read_table(tmp_path / "a.csv")[0]
    assert list(row)[1:4] == ["gefroren_km2", "aufgetaut_km2", "wasser_km2"]
    assert float(row["frozen_fraction"]) == pytest.approx(2 / 3)
    table.write_text("value,class,label,colour\n300,frozen,x,#000000\n")
    with pytest.raises(CryoInputError, match="outside 0-254"):
        read_custom_product(str(table))


@pytest.mark.parametrize("names, expected", [
    (["/data/SMAP_L3_FT_P_20180616_R16020_001.h5"], "smap_l3ft"),
    (["/data/x.h5", "/Freeze_Thaw_Retrieval_Data_Global/freeze_thaw"], "smap_l3ft"),
    (["/data/AMSR_20070125_FT_25.h5"], "amsr_tpdc"),
    (["/data/2015001_FT_State05.h5"], "amsr_tpdc"),
    (["/data/SSMI_37V_PM_FT_2012_day366.h5"], "nsidc0477"),
    (["/data/grids/"], "amsr_tpdc"),
])
def test_product_detected_from_names(names, expected):
    product, reason = detect_product(names)
    assert product.name == expected and reason


def test_a_decoded_stack_keeps_its_product(qgis_app, tmp_path):
    """A decoded stack has a name no pattern knows (d.tif): its recorded class table says the product."""
    from cryo_qgis_plugin.core.freezethaw.products import product_for_stack

    run("cryo:decodefreezethaw", {"INPUT": SMAP_TIF, "START_DATE": "2018-06-16", "OUTPUT": str(tmp_path / "d.tif")})
    with open_stack(str(tmp_path / "d.tif")) as stack:
        product, reason = product_for_stack(stack)
    assert product.name == "smap_l3ft" and "records the class table smap_l3ft" in reason
    assert detect_product([str(tmp_path / "d.tif")])[0].name == "amsr_tpdc"  # the name alone would not tell


def test_tpdc_005_degree_files_are_on_the_global_005_degree_grid(tmp_path):
    folder = tmp_path / "ft05"
    folder.mkdir()
    codes = np.zeros((3600, 7200), np.uint8)
    codes[200:210, 3600:3610] = 1  # rows 200-209 from 90°N: 80-79.5°N; columns 3600-3609: 0-0.5°E
    for day in ("2010001", "2010002"):
        with h5py.File(str(folder / "{}_FT_State05.h5".format(day)), "w") as h5:
            h5.create_dataset("FT", data=codes, compression="gzip", chunks=(360, 720))
    with open_stack(str(folder)) as stack:
        assert stack.dates == [dt.date(2010, 1, 1), dt.date(2010, 1, 2)]
        assert stack.grid.extent == pytest.approx((-180, -90, 180, 90)) and stack.grid.shape == (3600, 7200)
        result = decode(stack, None, None, product=detect_product([stack.files[0]])[0])
    # 10 x 10 cells of 0.05°, between 79.5 and 80°N over 0.5° of longitude: pyproj's geodesic area on WGS 84 (its
    # edges are geodesics, not parallels: 1e-5 apart at this size)
    expected = abs(pyproj.Geod(ellps="WGS84").polygon_area_perimeter([0, 0.5, 0.5, 0], [79.5, 79.5, 80, 80])[0]) / 1e6
    assert result.areas_km2[0, 1] == pytest.approx(expected, rel=1e-4)
