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
from cryo_qgis_plugin.core.glaciers import accuracy, coregistration, elevation_change as dem, per_glacier, uncertainty
from cryo_qgis_plugin.core.glaciers import voids
from cryo_qgis_plugin.core.glaciers.report import html_report, volume
from cryo_qgis_plugin.core.glaciers.report_plots import nice_ticks, tick_label
from cryo_qgis_plugin.core.io.grid import Grid
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
    # the standard errors of the fitted shift: positive, and the shift lies within a few of them of the truth
    assert 0 < result.sigma_x < 0.01 and 0 < result.sigma_y < 0.01


def test_vertical_shift_is_the_stable_median_after_the_last_horizontal_step():
    """On flat stable terrain with a different bias from the slopes, the median of all stable dh after the shift is
    0 (the sloping cells the fit uses alone would leave the flat cells' offset)."""
    x, y = centres(600, 20.0)
    tba = hills(x, y).astype(np.float32)
    tba[:, :300] = 400.0  # a flat half
    ref = tba + 1.0
    ref[:, :300] += 0.2  # the flat half differs by 1.2 m, the hills by 1.0 m
    ref += np.random.default_rng(2).normal(0, 0.3, ref.shape).astype(np.float32)
    stable = np.ones(ref.shape, bool)
    result = coregistration.nuth_kaab(ref, tba, stable, (20.0, 20.0))
    dh = ref - coregistration.shifted_rows(tba, result.shift, (20.0, 20.0), 0, 600)
    assert abs(np.nanmedian(dh)) < 0.005


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


def test_per_glacier_void_filling_rule_on_a_hand_case():
    """Glacier 1 (60 % measured) fills from its own bands, glacier 2 (20 % measured) from the regional curve; in
    glacier 3 a band with only 5 measured cells (< 10) is left out of its own curve and interpolated across."""
    band_z = np.repeat([125.0, 175.0, 225.0], 20)  # three 50 m bands, 20 cells each, per glacier
    elevation = np.tile(band_z, 3)
    glacier = np.repeat([1, 2, 3], 60)
    dh = np.where(glacier == 1, -10.0, np.where(glacier == 2, 5.0, 0.0)) + 0.02 * (elevation - 175)
    dh[glacier == 3] = np.repeat([-1.0, 40.0, -3.0], 20)  # glacier 3's middle band: an odd value ...
    truth = dh.copy()
    measured = np.ones(dh.size, bool)
    measured[np.flatnonzero(glacier == 1)[::5]] = False             # 80 % measured ... then
    measured[np.flatnonzero(glacier == 1)[1::5]] = False            # 60 % measured
    measured[np.flatnonzero(glacier == 2)[np.arange(60) % 5 != 0]] = False  # 20 % measured
    measured[np.flatnonzero(glacier == 3)[20:35]] = False           # ... of which only 5 cells are measured
    values = np.where(measured, dh, np.nan)
    filled, own = voids.fill_hypsometric_by_glacier(values, elevation, glacier)
    assert own.tolist() == [False, True, False, True]  # by label 0..3
    one = glacier == 1
    np.testing.assert_allclose(filled[one], truth[one], atol=1e-9)  # glacier 1 from its own bands
    regional = voids.hypsometric_curve(values, elevation)
    two = (glacier == 2) & ~measured
    np.testing.assert_allclose(filled[two], regional(elevation[two]))  # glacier 2 from the regional curve
    three = (glacier == 3) & ~measured
    np.testing.assert_allclose(filled[three], -2.0)  # between -1 (125 m) and -3 (225 m), not the 5 cells' 40
    # the glacier table records the method per glacier
    table = per_glacier.glacier_table(glacier, values, filled, 4, ["a", "b", "c", "d"], 400.0,
                                      uncertainty.DiskErrorModel(1.0, uncertainty.SphericalModel(0, 1, 100), 400.0),
                                      "local_hypsometric", own, None, 850, 60)
    assert table.fill_method == ["local_hypsometric", "regional_hypsometric", "local_hypsometric", "no_voids"]
    assert table.valid_fraction[:3].tolist() == [0.6, 0.2, 0.75] and np.isnan(table.valid_fraction[3])
    assert table.total_volume_m3 == pytest.approx(float(np.sum(filled)) * 400.0, rel=1e-12)
    assert table.rows()[3]["mean_dh_m"] is None and table.rows()[3]["area_km2"] == 0.0


def test_overlapping_outlines_give_their_cells_to_the_largest():
    grid = Grid(100, 100, (500000.0, 20.0, 0.0, 8660000.0, 0.0, -20.0), osr_wkt(UTM33))
    large = square(500000, 8658000, 501000, 8659000)  # 50 x 50 cells
    small = square(500800, 8658800, 501400, 8659400)  # 30 x 30 cells, 10 x 10 of them inside the large one
    for order in ((large, small), (small, large)):
        polygons = Polygons([p.wkb[0] for p in order], large.crs_wkt)
        labels = per_glacier.glacier_labels(grid, polygons)
        large_label = 1 + order.index(large)
        assert np.count_nonzero(labels == large_label) == 2500
        assert np.count_nonzero(labels == 3 - large_label) == 900 - 100
        assert labels.max() == 2


def osr_wkt(crs):
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    return srs.ExportToWkt()


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


def test_ce90_is_the_90th_percentile_of_a_circular_normal_error():
    ce90, sigma_c = accuracy.ce90(0.3, 0.3)
    assert sigma_c == pytest.approx(0.3) and ce90 == pytest.approx(2.1460 * 0.3, rel=1e-4)
    assert 1 - math.exp(-ce90 ** 2 / (2 * sigma_c ** 2)) == pytest.approx(0.9)  # Rayleigh distribution
    radial = np.hypot(*np.random.default_rng(8).normal(0, 0.3, (2, 200_000)))
    assert np.percentile(radial, 90) == pytest.approx(ce90, rel=0.01)
    assert accuracy.ce90(None, None) == (None, None)


def test_slope_classes_and_le90_of_a_planted_heteroscedastic_error():
    """dh noise whose sigma grows with slope (0.5 m + 0.05 m per degree): the NMAD of each slope class is that
    sigma at the class's slopes, the median 0; LE90 is the 90th percentile of |dh|."""
    x, y = centres(1000, 20.0)
    reference = hills(x, y).astype(np.float32)
    rows, cols = np.mgrid[1:999, 1:999]
    slope = np.full(reference.shape, np.nan)
    slope[1:999, 1:999] = accuracy.slope_degrees(reference, rows.ravel(), cols.ravel(), (20.0, 20.0)).reshape(998, 998)
    sigma = 0.5 + 0.05 * np.nan_to_num(slope)
    dh = (np.random.default_rng(9).normal(0, 1, reference.shape) * sigma).astype(np.float32)
    stable = np.ones(dh.shape, bool)
    result = accuracy.stable_accuracy(dh, stable, reference, (20.0, 20.0), coregistration.Coregistration(
        coregistration.Shift(), sigma_x=0.01, sigma_y=0.02))
    assert result.le90 == pytest.approx(np.percentile(np.abs(dh[1:-1, 1:-1]), 90), rel=1e-6)
    assert result.ce90 == pytest.approx(2.146 * math.sqrt((0.01 ** 2 + 0.02 ** 2) / 2), rel=1e-3)
    assert [c.key for c in result.slope_classes] == ["0_10", "10_20", "20_30", "30_40", "over_40"]
    for c in result.slope_classes:
        if c.count > 2000:
            inside = (slope >= c.low) & (slope < c.high)
            expected = float(np.median(sigma[inside]))
            assert abs(c.median) < 0.05 and c.nmad == pytest.approx(expected, rel=0.05), c
    assert result.slope_classes[0].nmad < result.slope_classes[2].nmad


def test_report_numbers_are_rounded_with_units_and_plots_have_scales():
    assert volume(-8.7e8, 3.2e6) == "-870.00 ± 3.20 × 10⁶ m³ (-0.8700 km³)"
    ticks = nice_ticks(-7.3, 7.3)
    assert ticks == [-5.0, -2.5, 0.0, 2.5, 5.0] and tick_label(2.5, ticks) == "2.5"
    assert nice_ticks(150, 1050) == [200, 400, 600, 800, 1000] and tick_label(1000, [0, 500, 1000]) == "1,000"


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
    assert abs(result.stable_after.median) < 0.01  # the vertical shift is estimated after the last horizontal step
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
    # one number per glacier: the 40 outlines, whose volume changes add up to the regional total
    table = glacier.glaciers
    assert len(table.ids) == 40 and int(table.cells.sum()) == glacier.cells
    assert glacier.mass.volume_m3 == pytest.approx(float(np.sum(table.mass.volume_m3)), rel=1e-12)
    independent, correlated = glacier.volume_error_bounds
    assert np.all(table.mass.volume_error_m3 > 0) and independent <= correlated
    page = html_report(result, "ref.tif", "dem.tif")
    assert page.count("data:image/png;base64,") == 1 and "Per glacier" in page and "Error budget" in page
    assert "LE90" in page and "over 40°" in page and "× 10⁶ m³" in page and "e+08" not in page
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
