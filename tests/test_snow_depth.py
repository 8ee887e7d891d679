"""cryo:snowdepth: SD = a·(Tb18H − Tb36H) + b by hand for each preset, the screening cases, season statistics,
units in the outputs, streaming, bad inputs (Tb in tenths of K, different grids or dates) and Processing."""
import datetime as dt
import os

import h5py
import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.stack import open_stack
from cryo_qgis_plugin.core.run import Run
from cryo_qgis_plugin.core.snow import snow_depth as sd
from test_bad_inputs import write_stack
from test_processing_freezethaw import run

FIRST = dt.date(2015, 7, 30)  # three days of season 2014, then season 2015


def write_tb(path, values, first=FIRST, nodata=0.0, kind=gdal.GDT_Float32, x0=500000.0, epsg=32645):
    """A dated GeoTIFF stack (days, rows, cols) of 25 km cells."""
    return write_stack(path, values, first, nodata, epsg, kind, geotransform=(x0, 25000, 0, 4000000, 0, -25000))


# one row of cells, each a screening case (Tb18H, Tb36H in K)
CASES = np.array([
    (250.0, 230.0),  # gradient 20 K: Chang 31.8 cm, Che 0.66·20 + 1.97 = 15.17 cm
    (240.0, 240.0),  # gradient 0: Chang 0, Che b = 1.97 cm
    (240.0, 241.0),  # gradient −1 K < 0: no dry snow -> 0 (Che would give 1.31 cm)
    (270.0, 256.0),  # Tb36H > 255 K: snow-free or wet -> 0 (Chang would give 22.26 cm)
    (270.0, 255.0),  # Tb36H = 255 K is not screened: Chang 23.85 cm
    (0.0, 230.0),  # Tb18H missing (nodata 0) -> nodata
])
CHANG = [31.8, 0.0, 0.0, 0.0, 23.85, None]
CHE = [15.17, 1.97, 0.0, 0.0, 0.66 * 15 + 1.97, None]


def case_stacks(tmp_path, days=3):
    tb18 = np.repeat(CASES[:, 0][None, None, :], days, axis=0)
    tb36 = np.repeat(CASES[:, 1][None, None, :], days, axis=0)
    return write_tb(tmp_path / "tb18.tif", tb18), write_tb(tmp_path / "tb36.tif", tb36)


def compute(tmp_path, coeffs, days=3, **kwargs):
    paths = case_stacks(tmp_path, days)
    out, seasons = str(tmp_path / "sd.tif"), str(tmp_path / "seasons.tif")
    with open_stack(paths[0]) as tb18, open_stack(paths[1]) as tb36:
        result = sd.snow_depth(tb18, tb36, out, seasons, coeffs, **kwargs)
    return result, out, seasons


def as_expected(values):
    return np.array([sd.NODATA if v is None else v for v in values], np.float32)


@pytest.mark.parametrize("preset, expected", [("chang1987", CHANG), ("che2008", CHE)])
def test_each_preset_by_hand_with_the_screening(tmp_path, preset, expected):
    result, out, _ = compute(tmp_path, sd.coefficients(preset))
    ds = gdal.Open(out)
    assert ds.RasterCount == 3
    for band in range(1, 4):
        np.testing.assert_allclose(ds.GetRasterBand(band).ReadAsArray()[0], as_expected(expected), rtol=1e-6)
    assert result.counts["warm_or_wet"] == 3 and result.counts["negative_gradient"] == 3
    assert result.counts["valid"] == 15


def test_custom_coefficients_and_negative_depth(tmp_path):
    # a = 2, b = −45: gradient 20 -> −5 -> 0 cm (a negative depth), gradient 15 (Tb36 255 K) -> −15 -> 0
    result, out, _ = compute(tmp_path, sd.coefficients("custom", 2.0, -45.0), days=1)
    assert gdal.Open(out).ReadAsArray()[0].tolist() == [0, 0, 0, 0, 0, sd.NODATA]
    assert result.counts["negative_depth"] == 3  # gradients 20, 0 and 15
    with pytest.raises(CryoInputError, match="COEFFICIENT_A"):
        sd.coefficients("custom", None, 1.0)
    with pytest.raises(CryoInputError, match="a must be > 0"):
        sd.coefficients("custom", -1.0, 0.0)


def test_units_dates_and_style_are_in_the_outputs(tmp_path):
    _, out, seasons = compute(tmp_path, sd.PRESETS["chang1987"])
    ds = gdal.Open(out)
    assert ds.GetMetadataItem("UNITS") == "cm" and ds.GetMetadataItem("COEFFICIENT_A") == "1.59"
    assert sd.unit_types(out) == ["cm"] * 3
    assert [ds.GetRasterBand(b).GetDescription() for b in (1, 3)] == ["2015-07-30", "2015-08-01"]
    assert ds.GetRasterBand(1).GetMetadataItem("DATE") == "2015-07-30"
    assert "cm" in open(os.path.splitext(out)[0] + ".qml").read()
    season_ds = gdal.Open(seasons)
    assert "depth cm, SWE mm" in season_ds.GetMetadataItem("UNITS")
    assert season_ds.GetMetadataItem("DENSITY_G_CM3") == "0.24"


def test_season_maximum_mean_and_swe_by_hand(tmp_path):
    # one cell, gradients 10, 30, 20 K on 2015-07-30/31 (season 2014) and 2015-08-01.. (season 2015)
    tb18 = np.array([240.0, 250.0, 240.0, 240.0, 230.0])[:, None, None]
    tb36 = np.array([230.0, 220.0, 220.0, 250.0, 250.0])[:, None, None]  # 10, 30 | 20, -10, -20 K
    paths = write_tb(tmp_path / "a.tif", tb18), write_tb(tmp_path / "b.tif", tb36)
    out, seasons = str(tmp_path / "sd.tif"), str(tmp_path / "seasons.tif")
    with open_stack(paths[0]) as a, open_stack(paths[1]) as b:
        result = sd.snow_depth(a, b, out, seasons, density=0.3)
    assert result.seasons == [2014, 2015]
    ds = gdal.Open(seasons)
    names = [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)]
    assert names[:5] == ["max_depth_cm_2014", "mean_depth_cm_2014", "max_swe_mm_2014", "mean_swe_mm_2014",
                         "valid_days_2014"]
    values = {name: float(ds.GetRasterBand(i + 1).ReadAsArray()[0, 0]) for i, name in enumerate(names)}
    # 2014: 15.9 and 47.7 cm; 2015: 31.8, 0, 0 cm; SWE = cm · 10 · 0.3 mm
    expected = {"max_depth_cm_2014": 47.7, "mean_depth_cm_2014": 31.8, "max_swe_mm_2014": 143.1,
                "mean_swe_mm_2014": 95.4, "valid_days_2014": 2, "max_depth_cm_2015": 31.8,
                "mean_depth_cm_2015": 10.6, "max_swe_mm_2015": 95.4, "mean_swe_mm_2015": 31.8, "valid_days_2015": 3}
    for name, value in expected.items():
        assert values[name] == pytest.approx(value, rel=1e-5), name


def test_a_small_memory_budget_gives_the_same_bytes(tmp_path):
    rng = np.random.default_rng(3)
    tb36 = rng.uniform(200, 265, (40, 7, 9))
    tb18 = tb36 + rng.uniform(-5, 40, tb36.shape)
    paths = write_tb(tmp_path / "a.tif", tb18, nodata=None), write_tb(tmp_path / "b.tif", tb36, nodata=None)
    arrays = []
    for budget in (256 * 2 ** 20, 3000):
        out, seasons = str(tmp_path / "sd{}.tif".format(budget)), str(tmp_path / "s{}.tif".format(budget))
        with open_stack(paths[0]) as a, open_stack(paths[1]) as b:
            sd.snow_depth(a, b, out, seasons, run=Run(budget_bytes=budget))
        arrays.append((gdal.Open(out).ReadAsArray(), gdal.Open(seasons).ReadAsArray()))
    np.testing.assert_array_equal(arrays[0][0], arrays[1][0])
    np.testing.assert_allclose(arrays[0][1], arrays[1][1], rtol=1e-6)
    expected = np.where((tb36 > 255) | (tb18 < tb36), 0, 1.59 * (tb18 - tb36)).astype(np.float32)
    np.testing.assert_allclose(arrays[0][0], expected, rtol=1e-5, atol=1e-4)


def test_snow_mask_zeroes_known_snow_free_cells_only(tmp_path):
    # every cell would have 31.8 cm; mask: 1 snow, 2 no snow, 3 cloud (unknown), 255 nodata
    tb18, tb36 = np.full((1, 1, 4), 250.0), np.full((1, 1, 4), 230.0)
    paths = write_tb(tmp_path / "a.tif", tb18), write_tb(tmp_path / "b.tif", tb36)
    mask = write_tb(tmp_path / "mask.tif", np.array([[[1, 2, 3, 255]]]), nodata=255, kind=gdal.GDT_Byte)
    out = str(tmp_path / "sd.tif")
    with open_stack(paths[0]) as a, open_stack(paths[1]) as b, open_stack(mask) as m:
        result = sd.snow_depth(a, b, out, mask=sd.SnowMask(m, (1,), (3,)))
    np.testing.assert_allclose(gdal.Open(out).ReadAsArray()[0], [31.8, 0, 31.8, 31.8], rtol=1e-6)
    assert result.counts["mask_no_snow"] == 1


def test_tenths_of_kelvin_different_grids_and_dates_are_refused_and_nothing_written(tmp_path):
    tb = np.full((3, 1, 2), 2500.0)  # Tb in tenths of a kelvin
    tenths = write_tb(tmp_path / "tenths.tif", tb)
    tenths36 = write_tb(tmp_path / "tenths36.tif", tb - 200)
    good = write_tb(tmp_path / "good.tif", tb / 10)
    out = str(tmp_path / "sd.tif")
    with open_stack(tenths) as a, open_stack(tenths36) as b:
        with pytest.raises(CryoInputError, match=r"2,500.0 to 2,500.0 K .* tenths of a kelvin: set SCALE to 0.1"):
            sd.snow_depth(a, b, out)
        sd.snow_depth(a, b, out, packing=sd.TbPacking(scale=0.1))  # with the scale factor: 20 K, 31.8 cm
    np.testing.assert_allclose(gdal.Open(out).ReadAsArray(), 31.8, rtol=1e-6)
    os.remove(out)
    os.remove(str(tmp_path / "sd.qml"))
    other = write_tb(tmp_path / "other.tif", tb / 10, x0=0.0)
    later = write_tb(tmp_path / "later.tif", tb / 10, first=FIRST + dt.timedelta(days=1))
    with open_stack(good) as a, open_stack(other) as b:
        with pytest.raises(CryoInputError, match="different grids"):
            sd.snow_depth(a, b, out)
    with open_stack(good) as a, open_stack(later) as b:
        with pytest.raises(CryoInputError, match=r"not have the same dates .*only in the 18 GHz stack \(first "
                                                 r"2015-07-30\).*only in the 36 GHz stack \(first 2015-08-02\)"):
            sd.snow_depth(a, b, out)
    assert not [n for n in os.listdir(tmp_path) if n.startswith(("sd", ".sd"))]


def hdf5_tb(path, values):
    """An AMSR2-L3-like HDF5 file: uint16 Tb × 100, 65535 = missing, no attributes saying so."""
    with h5py.File(str(path), "w") as h5:
        h5.create_dataset("Brightness_Temperature_H", data=values)
    return str(path)


def test_through_processing_hdf5_scaled_and_geotiff(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    tb18 = np.full((3, 2, 3), 25000, np.uint16)
    tb36 = np.full((3, 2, 3), 23000, np.uint16)
    tb18[1, 0, 0] = 65535
    a, b = hdf5_tb(tmp_path / "tb18.h5", tb18), hdf5_tb(tmp_path / "tb36.h5", tb36)
    out, seasons = str(tmp_path / "sd.tif"), str(tmp_path / "seasons.tif")
    common = {"INPUT": a, "INPUT_36": b, "START_DATE": "2016-01-01", "EXTENT": "0,75,0,50 [EPSG:4326]",
              "NODATA": 65535, "PRESET": "che2008", "OUTPUT": out, "OUTPUT_SEASONS": seasons}
    with pytest.raises(QgsProcessingException, match="hundredths of a kelvin .*: set SCALE to 0.01"):
        run("cryo:snowdepth", common)
    assert sorted(os.listdir(tmp_path)) == ["tb18.h5", "tb36.h5"]
    result = run("cryo:snowdepth", dict(common, SCALE=0.01))
    assert result["N_DATES"] == 3 and result["N_SEASONS"] == 1
    assert result["MAX_DEPTH_CM"] == pytest.approx(0.66 * 20 + 1.97, rel=1e-6)
    data = gdal.Open(out).ReadAsArray()
    assert data[1, 0, 0] == sd.NODATA and data[0, 1, 2] == pytest.approx(15.17, rel=1e-6)
    ds = gdal.Open(seasons)
    assert ds.GetRasterBand(5).GetDescription() == "valid_days_2015"
    assert ds.GetRasterBand(5).ReadAsArray()[0].tolist() == [2, 3, 3]
    assert ds.GetRasterBand(3).ReadAsArray()[0, 0] == pytest.approx(15.17 * 2.4, rel=1e-6)  # max SWE, mm
    # GeoTIFF stacks on different grids: refused, nothing written
    g18 = write_tb(tmp_path / "g18.tif", np.full((2, 1, 2), 250.0))
    g36 = write_tb(tmp_path / "g36.tif", np.full((2, 1, 2), 230.0), x0=0.0)
    with pytest.raises(QgsProcessingException, match="different grids"):
        run("cryo:snowdepth", {"INPUT": g18, "INPUT_36": g36, "OUTPUT": str(tmp_path / "g.tif")})
    assert not os.path.exists(tmp_path / "g.tif")


def test_help_cites_the_methods_and_every_parameter_has_help(qgis_app):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("cryo:snowdepth")
    text = alg.shortHelpString()
    for needed in ("Chang", "1.59", "Che", "0.66", "1.97", "255 K", "Sturm", "wet"):
        assert needed in text
    assert all(p.help() for p in alg.parameterDefinitions())


def test_a_cancel_stops_and_leaves_no_file(tmp_path):
    from cryo_qgis_plugin.core.errors import Cancelled

    paths = case_stacks(tmp_path)
    polls = []
    with open_stack(paths[0]) as a, open_stack(paths[1]) as b:
        with pytest.raises(Cancelled):
            sd.snow_depth(a, b, str(tmp_path / "sd.tif"), str(tmp_path / "seasons.tif"),
                          run=Run(cancelled=lambda: polls.append(1) or len(polls) > 1, budget_bytes=3000))
    assert sorted(os.listdir(tmp_path)) == ["tb18.tif", "tb36.tif"]
