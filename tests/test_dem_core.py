"""Glacier DEM differencing in the core library, against known shifts, planted spikes and voids, hand-computed
errors, the Longyearbyen stand-in's ground truth and xdem's figures on the same pair."""
import json
import math
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from scipy.integrate import quad

from conftest import ROOT
from cryo_qgis_plugin.core.glaciers import coregistration, elevation_change as dem, uncertainty, voids
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.rasterize import Polygons
from conftest import keep
from cryo_qgis_plugin.core.run import Run

LYB = os.path.join(ROOT, "data", "longyearbyen")
UTM33 = "EPSG:25833"


def hills(x, y):
    """Smooth analytic terrain (m) of x, y (m), separable so that large grids are cheap to build."""
    return (400 + 150 * np.outer(np.cos(2 * np.pi * y / 2300), np.sin(2 * np.pi * x / 3000))
            + 60 * np.outer(np.sin(2 * np.pi * y / 1100), np.sin(2 * np.pi * x / 900 + 1))
            + 0.02 * (x[None, :] - 500000))


def centres(n, cell, x0=500000.0, y0=8660000.0):
    return x0 + (np.arange(n) + 0.5) * cell, y0 - (np.arange(n) + 0.5) * cell


def write_tif(path, array, cell=20.0, x0=500000.0, y0=8660000.0, crs=UTM33, nodata=-9999.0):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(np.where(np.isfinite(array), array, nodata))
    ds = None
    return str(path)


def square(x0, y0, x1, y1, crs=UTM33):
    ring = "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x1, y1)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    return Polygons([bytes(ogr.CreateGeometryFromWkt(ring).ExportToWkb())], srs.ExportToWkt())


def longyearbyen_glaciers():
    ds = ogr.Open(os.path.join(LYB, "glacier_outlines_1990_from_mask.gpkg"))
    layer = ds.GetLayer()
    return Polygons([bytes(f.GetGeometryRef().ExportToWkb()) for f in layer], layer.GetSpatialRef().ExportToWkt())


# --- co-registration ------------------------------------------------------------------------------------

def test_nuth_kaab_recovers_a_known_subpixel_shift_within_a_centimetre():
    x, y = centres(800, 20.0)
    sx, sy, sz = 7.31, -4.07, 2.5  # reference = DEM translated by (sx, sy, sz)
    tba = hills(x, y).astype(np.float32)
    ref = (hills(x - sx, y - sy) + sz).astype(np.float32)
    ref += np.random.default_rng(1).normal(0, 0.3, ref.shape).astype(np.float32)
    result = coregistration.nuth_kaab(ref, tba, np.ones(ref.shape, bool), (20.0, 20.0))
    assert abs(result.shift.x - sx) < 0.01 and abs(result.shift.y - sy) < 0.01
    assert abs(result.shift.z - sz) < 0.005
    assert result.iterations < 10


def test_shifted_rows_is_an_exact_translation_for_whole_cells():
    array = np.arange(30, dtype=np.float32).reshape(5, 6)
    # x +20 m = one cell east: the value of column c comes from column c - 1; y +40 m: from two rows south
    out = coregistration.shifted_rows(array, coregistration.Shift(20.0, 40.0, 1.0), (20.0, 20.0), 0, 5)
    np.testing.assert_array_equal(out[:3, 1:], array[2:, :-1] + 1)
    assert np.isnan(out[:, 0]).all() and np.isnan(out[3:]).all()


def test_vertical_only_is_the_median_stable_difference():
    ref = np.full((40, 40), 100.0, np.float32)
    tba = ref - 3.0
    tba[:5] = np.nan
    result = coregistration.vertical_shift(ref, tba, np.isfinite(tba))
    assert result.shift == coregistration.Shift(0.0, 0.0, 3.0)


# --- outliers and voids ---------------------------------------------------------------------------------

def test_band_outliers_flag_exactly_the_planted_spikes():
    rng = np.random.default_rng(3)
    elevation = rng.uniform(100, 600, 5000)
    dh = -20 + 0.03 * elevation + rng.normal(0, 0.5, elevation.size)
    spikes = rng.choice(elevation.size, 25, replace=False)
    dh[spikes] += rng.choice([-1, 1], 25) * rng.uniform(30, 80, 25)
    flagged = voids.band_outliers(dh, elevation, 5.0)
    assert set(np.flatnonzero(flagged)) == set(spikes)


def test_local_hypsometric_fill_recovers_a_gradient_per_glacier():
    rng = np.random.default_rng(4)
    elevation = rng.uniform(100, 900, 4000)
    glacier = np.repeat([1, 2], 2000)
    truth = np.where(glacier == 1, -30 + 0.04 * elevation, -5 + 0.01 * elevation)
    dh = truth.copy()
    holes = np.flatnonzero((elevation > 400) & (elevation < 600))[::2]
    dh[holes] = np.nan
    filled = voids.fill_local_hypsometric(dh, elevation, glacier)
    # linear in elevation: band medians sit on the line, so the curve reproduces it up to the band's sampling
    np.testing.assert_allclose(filled[holes], truth[holes], atol=0.05)


def test_small_glacier_uses_the_curve_of_all_glaciers():
    elevation = np.r_[np.linspace(100, 900, 400), [300.0, 500.0]]
    glacier = np.r_[np.ones(400, int), [2, 2]]
    dh = np.r_[-30 + 0.04 * elevation[:400], [np.nan, np.nan]]
    filled = voids.fill_local_hypsometric(dh, elevation, glacier)
    np.testing.assert_allclose(filled[400:], [-30 + 0.04 * 300, -30 + 0.04 * 500], atol=0.05)


def test_linear_fill_is_exact_on_a_plane():
    rows, cols = np.indices((60, 80))
    plane = (2.0 + 0.3 * rows - 0.1 * cols).astype(np.float32)
    dh = plane.copy()
    dh[20:30, 30:45] = np.nan
    dh[5, 5] = np.nan
    filled = voids.fill_linear(dh, np.ones(dh.shape, bool))
    np.testing.assert_allclose(filled, plane, atol=1e-4)


# --- uncertainty ----------------------------------------------------------------------------------------

def test_effective_samples_match_rolstad_closed_form_and_numerical_integration():
    model = uncertainty.SphericalModel(0.0, 1.0, 200.0)
    # A large disk (R > a): N_eff = 5 A / (pi a^2) (Rolstad et al. 2009)
    assert uncertainty.effective_samples(model, 1e6, 1.0) == pytest.approx(5e6 / (math.pi * 200 ** 2), rel=1e-12)

    def by_integration(area):
        radius = math.sqrt(area / math.pi)
        rho = lambda h: 1 - model(np.array([h]))[0]  # noqa: E731
        return 2 / radius ** 2 * quad(lambda h: h * rho(h), 0, radius, points=[200.0])[0]

    for area in (math.pi * 100 ** 2, 1e6):
        assert uncertainty.mean_variance_fraction(model, area, 1e-6) == pytest.approx(by_integration(area), rel=1e-6)


def test_mass_balance_matches_a_hand_calculation():
    mass = uncertainty.mass_balance(-10.0, 0.5, 2e6, 10.0, 850.0, 60.0)
    assert mass.volume_m3 == -2e7 and mass.volume_error_m3 == 1e6
    assert mass.rate_mwe == pytest.approx(-2e7 * 850 / (2e6 * 10 * 1000))  # -0.85
    assert mass.rate_error_mwe == pytest.approx(math.sqrt((1e6 * 850) ** 2 + (2e7 * 60) ** 2) / 2e10)  # 0.0735
    assert uncertainty.mass_balance(-10.0, 0.5, 2e6, None).rate_mwe is None


def test_spherical_fit_recovers_model_parameters():
    lags = np.geomspace(20, 5000, 24)
    truth = uncertainty.SphericalModel(0.3, 2.0, 800.0)
    fitted = uncertainty.fit_spherical(uncertainty.Variogram(lags, truth(lags), np.full(lags.size, 1000)))
    assert fitted.nugget == pytest.approx(0.3, abs=1e-3) and fitted.partial_sill == pytest.approx(2.0, rel=1e-3)
    assert fitted.range == pytest.approx(800.0, rel=1e-3)


def test_variogram_of_white_noise_is_flat_at_its_variance():
    noise = np.random.default_rng(5).normal(0, 2.0, (400, 400))
    variogram = uncertainty.empirical_variogram(noise, np.ones(noise.shape, bool), 10.0)
    np.testing.assert_allclose(variogram.gamma, 4.0, rtol=0.08)


# --- the whole chain ------------------------------------------------------------------------------------

def test_longyearbyen_stand_in_meets_its_ground_truth(tmp_path):
    with open(os.path.join(LYB, "DEM_2009_standin_truth.json")) as fh:
        truth = json.load(fh)
    true_shift = truth["true_shift_to_apply_to_tba_m"]
    out = str(tmp_path / "dh.tif")
    result = dem.dem_difference(os.path.join(LYB, "DEM_2009_standin_synthetic.tif"),
                                os.path.join(LYB, "DEM_1990.tif"), out, glaciers=longyearbyen_glaciers(),
                                options=dem.DemDifferenceOptions(reference_year=2009.0, dem_year=1990.0))
    shift = result.coregistration.shift
    assert abs(shift.x - true_shift["x"]) < 0.1 and abs(shift.y - true_shift["y"]) < 0.1
    assert abs(shift.z - true_shift["z"]) < 0.02
    assert abs(result.stable_after.median) < 0.05
    # xdem 0.2.3 on the same pair and stable mask: median -2.23447, NMAD 2.35595 over 1,133,607 cells
    assert result.stable_before.count == 1133607
    assert result.stable_before.median == pytest.approx(-2.23447, abs=1e-4)
    assert result.stable_before.nmad == pytest.approx(2.35595, abs=1e-4)
    assert result.stable_after.nmad < 1.1  # the stand-in's 1 m noise, after the shift is removed
    glacier = result.glacier
    assert glacier.cells == truth["glacier_mask_pixels"]
    assert glacier.area_km2 == pytest.approx(truth["glacier_mask_area_m2"] / 1e6)
    volume = truth["true_glacier_volume_change_m3_ref_minus_aligned_tba_no_noise"]
    assert glacier.mass.volume_m3 == pytest.approx(volume, rel=0.01)
    assert 0 < glacier.mass.volume_error_m3 < 0.01 * abs(volume)
    assert glacier.mass.rate_mwe == pytest.approx(glacier.mass.volume_m3 * 0.85 / (glacier.area_km2 * 1e6 * 19))
    ds = gdal.Open(out)
    assert ds.GetGeoTransform() == gdal.Open(os.path.join(LYB, "DEM_2009_standin_synthetic.tif")).GetGeoTransform()
    assert ds.GetRasterBand(1).GetNoDataValue() == dem.NODATA
    assert 'classificationMin="-' in open(out[:-4] + ".qml").read()


def synthetic_glacier_pair(tmp_path, spikes=(), hole=None):
    """Reference = DEM + dh + N(0, 0.3 m), dh = -20 + 0.02 (z - 300) on a 1 km square glacier; no shift."""
    x, y = centres(300, 20.0)
    tba = hills(x, y).astype(np.float32)
    on_glacier = np.outer((y > 8656000) & (y < 8657000), (x > 502000) & (x < 503000))
    dh = np.where(on_glacier, -20 + 0.02 * (tba - 300), 0).astype(np.float32)
    ref = tba + dh + np.random.default_rng(6).normal(0, 0.3, tba.shape).astype(np.float32)
    for r, c, value in spikes:
        ref[r, c] += value
    if hole is not None:
        ref[hole] = np.nan
    return (write_tif(tmp_path / "ref.tif", ref), write_tif(tmp_path / "tba.tif", tba),
            square(502000, 8656000, 503000, 8657000), float(dh[on_glacier].mean()))


def test_planted_spikes_and_voids_are_removed_and_filled(tmp_path):
    glacier_rows, glacier_cols = slice(150, 200), slice(100, 150)
    spikes = [(160, 110, 80.0), (170, 140, -60.0), (190, 120, 45.0), (20, 20, 90.0)]
    hole = (slice(170, 180), slice(120, 135))
    ref, tba, glaciers, true_mean = synthetic_glacier_pair(tmp_path, spikes, hole)
    for method in ("local_hypsometric", "linear"):
        out = str(tmp_path / "dh_{}.tif".format(method))
        result = dem.dem_difference(ref, tba, out, glaciers=glaciers, options=dem.DemDifferenceOptions(
            coregister="none", fill_voids=method, outlier_nmad=6.0))
        glacier = result.glacier
        assert glacier.cells == 2500 and glacier.outlier_cells == 3 and result.stable_outliers == 1
        assert glacier.filled_cells == 150 + 3
        assert glacier.mean_dh == pytest.approx(true_mean, abs=0.03), method
        dh = gdal.Open(out).ReadAsArray()
        assert np.all(dh[glacier_rows, glacier_cols] != dem.NODATA) and dh[20, 20] == dem.NODATA


def test_without_filling_voids_count_with_the_mean(tmp_path):
    ref, tba, glaciers, _ = synthetic_glacier_pair(tmp_path, hole=(slice(150, 160), slice(100, 150)))
    result = dem.dem_difference(ref, tba, str(tmp_path / "dh.tif"), glaciers=glaciers,
                                options=dem.DemDifferenceOptions(coregister="none", fill_voids="none",
                                                                 outlier_nmad=0.0))
    valid = gdal.Open(str(tmp_path / "dh.tif")).ReadAsArray()[160:200, 100:150]
    assert result.glacier.filled_cells == 0 and result.glacier.valid_cells == 2000
    assert result.glacier.mean_dh == pytest.approx(float(valid.mean()), abs=1e-4)
    assert result.glacier.mass.volume_m3 == pytest.approx(valid.mean() * 1e6, rel=1e-5)


def test_dem_on_another_grid_is_resampled_onto_the_reference(tmp_path):
    x, y = centres(300, 20.0)
    ref = write_tif(tmp_path / "ref.tif", (hills(x, y) + 1.5).astype(np.float32))
    x30, y30 = centres(220, 30.0, x0=499900.0, y0=8660100.0)
    tba = write_tif(tmp_path / "tba.tif", hills(x30, y30).astype(np.float32), cell=30.0, x0=499900.0, y0=8660100.0)
    messages = []
    result = dem.dem_difference(ref, tba, str(tmp_path / "dh.tif"), run=Run(log=keep(messages)))
    assert any("resampled" in m for m in messages)
    assert abs(result.coregistration.shift.x) < 0.3 and abs(result.coregistration.shift.y) < 0.3
    assert result.coregistration.shift.z == pytest.approx(1.5, abs=0.05)
    assert gdal.Open(str(tmp_path / "dh.tif")).RasterXSize == 300


def test_geographic_reference_is_worked_on_in_utm(tmp_path):
    x, y = centres(300, 20.0)
    utm = write_tif(tmp_path / "utm.tif", hills(x, y).astype(np.float32))
    geographic = str(tmp_path / "geo.tif")
    gdal.Warp(geographic, utm, dstSRS="EPSG:4326", resampleAlg="bilinear")
    messages = []
    result = dem.dem_difference(geographic, utm, str(tmp_path / "dh.tif"), run=Run(log=keep(messages)),
                                options=dem.DemDifferenceOptions(coregister="vertical"))
    assert "EPSG:32633" in " ".join(messages)
    assert abs(result.stable_after.median) < 0.05
    srs = osr.SpatialReference(wkt=gdal.Open(str(tmp_path / "dh.tif")).GetProjection())
    assert srs.GetAuthorityCode(None) == "32633"


@pytest.mark.parametrize("case, message", [
    ("no_overlap", "do not overlap"),
    ("all_nodata", "no valid elevation"),
    ("glaciers_outside", "outside the DEM"),
    ("no_stable_terrain", "stable-terrain cells are left"),
    ("continental_geographic", "too large or too polar"),
])
def test_bad_input_is_refused_with_a_clear_message(tmp_path, case, message):
    x, y = centres(100, 20.0)
    terrain = hills(x, y).astype(np.float32)
    ref = write_tif(tmp_path / "ref.tif", terrain)
    tba = write_tif(tmp_path / "tba.tif", terrain)
    glaciers = None
    if case == "no_overlap":
        tba = write_tif(tmp_path / "far.tif", terrain, x0=600000.0)
    elif case == "all_nodata":
        tba = write_tif(tmp_path / "void.tif", np.full_like(terrain, np.nan))
    elif case == "glaciers_outside":
        glaciers = square(700000, 8000000, 701000, 8001000)
    elif case == "no_stable_terrain":
        glaciers = square(499000, 8657000, 503000, 8661000)
    elif case == "continental_geographic":
        ref = write_tif(tmp_path / "world.tif", np.zeros((90, 180), np.float32), cell=2.0, x0=-180.0, y0=90.0,
                        crs="EPSG:4326")
    out = tmp_path / "dh.tif"
    with pytest.raises(CryoInputError, match=message):
        dem.dem_difference(ref, tba, str(out), glaciers=glaciers)
    assert not out.exists() and not any(p.name.startswith(".dh") for p in tmp_path.iterdir())
