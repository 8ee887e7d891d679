"""InSAR deformation decomposition (long-term velocity + seasonal Stefan term): the core solver against planted
values and numpy.linalg.lstsq, nodata for unsolvable pixels, MintPy HDF5 and dated GeoTIFF giving the same numbers
through cryo:insardeformation, and bad inputs refused with clear messages and no output."""
import csv
import datetime as dt

import h5py
import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.mintpy import open_displacement, open_mintpy
from cryo_qgis_plugin.core.permafrost import deformation, deformation_fit, thaw_index
from cryo_qgis_plugin.core.run import Run

START = dt.date(2017, 1, 1)
DAYS = [START + dt.timedelta(days=i) for i in range(4 * 365 + 1)]
INSAR = [dt.date(2017, 1, 6) + dt.timedelta(days=12 * i) for i in range(110)]
SIGMA = 2.0  # mm
ROWS, COLS = 12, 10
V, E, F = -12.0, -0.9, 0.4  # mm/yr, mm/sqrt(°C·day), mm/sqrt(°C·day)


def temperatures():
    """Daily mean temperature (°C): a cold-permafrost annual cycle, thawing May-September."""
    doy = np.array([d.timetuple().tm_yday for d in DAYS])
    return -6.0 + 14.0 * np.sin(2 * np.pi * (doy - 115) / 365.25)


def planted(frost_heave=False, seed=3, dates=INSAR):
    """(dates, rows, cols) displacement in mm with planted v, e (and f) varying in space, noise SIGMA."""
    design = thaw_index.design_matrix(dates, DAYS, temperatures(), frost_heave=frost_heave).matrix
    rng = np.random.default_rng(seed)
    v = V * (1 + 0.3 * rng.random((ROWS, COLS)))
    e = E * (1 + 0.3 * rng.random((ROWS, COLS)))
    d = 5.0 + design[:, 1, None, None] * v + design[:, 2, None, None] * e
    if frost_heave:
        d = d + design[:, 3, None, None] * F
    return d + rng.normal(0, SIGMA, d.shape), v, e, design


def test_thaw_index_is_zero_before_the_onset_and_reset_each_year():
    design = thaw_index.design_matrix(INSAR, DAYS, temperatures())
    t = temperatures()
    onset = next(i for i, x in enumerate(t) if x > 0)
    assert design.thaw_index[INSAR.index(dt.date(2017, 1, 6))] == 0
    day = INSAR[17]  # 2017-07-29
    expected = np.maximum(t[onset:DAYS.index(day) + 1], 0).sum()
    assert design.thaw_index[INSAR.index(day)] == pytest.approx(expected)
    assert design.thaw_index[INSAR.index(dt.date(2018, 1, 1))] == 0  # reset on YEAR_START


def test_planted_velocity_and_seasonal_coefficient_are_recovered():
    d, v, e, design = planted()
    fit = deformation_fit.fit_block(design, d.reshape(len(INSAR), -1))
    got_v, got_e = fit.coefficients[1], fit.coefficients[2]
    assert np.all(np.abs(got_v - v.ravel()) <= 0.05 * np.abs(v.ravel()))
    assert np.all(np.abs(got_e - e.ravel()) <= 0.05 * np.abs(e.ravel()))
    within = np.abs(got_v - v.ravel()) <= 2.5 * fit.standard_errors[1]
    assert within.mean() > 0.9
    assert np.mean(np.abs(got_e - e.ravel()) <= 2.5 * fit.standard_errors[2]) > 0.9
    assert np.median(fit.rmse) == pytest.approx(SIGMA, rel=0.15)


def test_frost_heave_term_is_recovered():
    dates = INSAR[16:]  # the freezing index accumulates from 07-01: the series starts 2017-01-01
    d, v, e, design = planted(frost_heave=True, dates=dates)
    fit = deformation_fit.fit_block(design, d.reshape(len(dates), -1))
    assert np.median(fit.coefficients[3]) == pytest.approx(F, abs=0.1)
    assert np.all(np.abs(fit.coefficients[1] - v.ravel()) <= 0.05 * np.abs(v.ravel()))


def test_solution_equals_lstsq_with_gaps_and_unsolvable_pixels_are_nodata():
    d, _, _, design = planted(seed=5)
    block = d.reshape(len(INSAR), -1).copy()
    rng = np.random.default_rng(8)
    block[rng.random(block.shape) < 0.15] = np.nan
    block[4:, 0] = np.nan  # too few dates
    winter = np.array([x.month in (1, 2, 3) for x in INSAR])
    block[~winter, 1] = np.nan  # singular: no thaw between its dates
    fit = deformation_fit.fit_block(design, block)
    assert np.isnan(fit.coefficients[:, :2]).all() and fit.unsolved[:2].all()
    assert fit.unsolved.sum() == 2
    for p in (2, 17, 55, 119):
        ok = np.isfinite(block[:, p])
        expected = np.linalg.lstsq(design[ok], block[ok, p], rcond=None)[0]
        np.testing.assert_allclose(fit.coefficients[:, p], expected, rtol=0, atol=1e-9)
        residual = block[ok, p] - design[ok] @ expected
        s2 = residual @ residual / (ok.sum() - 3)
        se = np.sqrt(np.diag(np.linalg.inv(design[ok].T @ design[ok])) * s2)
        np.testing.assert_allclose(fit.standard_errors[:, p], se, rtol=1e-9)


def write_inputs(folder, d_mm, scale_to_m=True, nan_pixel=True):
    """The same displacements as a MintPy geo_timeseries.h5 (metres) and a dated GeoTIFF (metres), and a
    temperature CSV."""
    d = d_mm.astype(np.float32) / (1000.0 if scale_to_m else 1.0)
    if nan_pixel:
        d[5:, 0, 0] = np.nan
    h5_path = str(folder / "geo_timeseries.h5")
    with h5py.File(h5_path, "w") as f:  # MintPy's layout: root datasets, metadata as root attributes (text)
        f.create_dataset("timeseries", data=d)
        f.create_dataset("date", data=np.array([x.strftime("%Y%m%d").encode() for x in INSAR]))
        f.create_dataset("bperp", data=np.zeros(len(INSAR), np.float32))
        for key, value in {"FILE_TYPE": "timeseries", "UNIT": "m", "X_FIRST": "90.0", "Y_FIRST": "35.0",
                           "X_STEP": "0.01", "Y_STEP": "-0.01", "X_UNIT": "degrees", "Y_UNIT": "degrees",
                           "EPSG": "4326", "REF_DATE": INSAR[0].strftime("%Y%m%d"), "LENGTH": str(ROWS),
                           "WIDTH": str(COLS)}.items():
            f.attrs[key] = value
    grid = Grid.from_extent(90.0, 35.0 - 0.01 * ROWS, 90.0 + 0.01 * COLS, 35.0, COLS, ROWS, "EPSG:4326")
    tif_path = str(folder / "displacement.tif")
    with GeoTiffWriter(tif_path, grid, [x.isoformat() for x in INSAR], np.float32, nodata=-9999.0) as w:
        w.write(0, np.where(np.isnan(d), -9999.0, d))
    csv_path = str(folder / "temperature.csv")
    with open(csv_path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["date", "temperature"])
        for day, value in zip(DAYS, temperatures()):
            writer.writerow([day.isoformat(), "{:.4f}".format(value)])
    return h5_path, tif_path, csv_path


def test_mintpy_reader_gives_dates_grid_and_metres(tmp_path):
    d, _, _, _ = planted()
    h5_path, tif_path, _ = write_inputs(tmp_path, d)
    with open_mintpy(h5_path) as stack:
        assert stack.dates == INSAR and stack.grid.shape == (ROWS, COLS)
        assert stack.grid.geotransform == pytest.approx((90.0, 0.01, 0.0, 35.0, 0.0, -0.01))
        assert stack.reference_date == INSAR[0]
        np.testing.assert_allclose(stack.read(slice(2, 4))[:, :, 3], d[:, 2:4, 3] / 1000.0, rtol=1e-6)
    with open_displacement(tif_path) as stack:
        assert stack.dates == INSAR


def read_bands(path):
    ds = gdal.Open(path)
    names = [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)]
    return {n: ds.GetRasterBand(i + 1).ReadAsArray() for i, n in enumerate(names)}


def test_core_raster_streams_blocks_and_counts_nodata(tmp_path):
    d, v, _, _ = planted()
    _, tif_path, _ = write_inputs(tmp_path, d)
    messages = []
    with open_displacement(tif_path) as stack:
        result = deformation.deformation_raster(
            stack, thaw_index.design_matrix(stack.dates, DAYS, temperatures()), str(tmp_path / "out.tif"),
            porosity=0.4, saturation=0.8,
            run=Run(log=lambda m, s: messages.append(m), budget_bytes=200_000))
    bands = read_bands(str(tmp_path / "out.tif"))
    assert list(bands) == deformation_fit.band_names(False, True)
    assert bands["velocity_mm_yr"][0, 0] == -9999 and result.n_unsolved == 1
    assert result.n_pixels == ROWS * COLS - 1
    assert any("fewer than 4 valid dates" in m for m in messages)
    amplitude = bands["seasonal_amplitude_mm"][1:, 1:]
    np.testing.assert_allclose(bands["alt_m"][1:, 1:], np.abs(amplitude) / 1000 * 917 / (0.4 * 0.8 * 83),
                               rtol=1e-5)
    np.testing.assert_allclose(bands["velocity_mm_yr"][1:], v[1:], rtol=0.05)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d, v, e, _ = planted()
    folder = tmp_path_factory.mktemp("insar")
    return (folder,) + write_inputs(folder, d) + (v, e)


def run_alg(qgis_app, **parameters):
    from test_processing_freezethaw import run

    return run("cryo:insardeformation", dict(dict(DATE_FIELD="date", TEMPERATURE_FIELD="temperature"), **parameters))


def test_mintpy_and_geotiff_give_the_same_numbers(qgis_app, inputs):
    folder, h5_path, tif_path, csv_path, v, e = inputs
    results = {}
    for name, path in (("h5", h5_path), ("tif", tif_path)):
        out = str(folder / "deformation_{}.tif".format(name))
        results[name] = run_alg(qgis_app, INPUT=path, TEMPERATURE=csv_path, DATE_FIELD="date",
                                TEMPERATURE_FIELD="temperature", REFERENCE_DATE=INSAR[3].isoformat(),
                                OUTPUT=out)
        results[name]["bands"] = read_bands(out)
    for band in deformation_fit.band_names(False, False):
        np.testing.assert_array_equal(results["h5"]["bands"][band], results["tif"]["bands"][band])
    assert results["h5"]["N_PIXELS"] == results["tif"]["N_PIXELS"] == ROWS * COLS - 1
    assert results["h5"]["MEDIAN_VELOCITY"] == pytest.approx(np.median(v.ravel()[1:]), rel=0.05)
    assert results["h5"]["MEDIAN_R2"] > 0.9
    np.testing.assert_allclose(results["h5"]["bands"]["seasonal_coef"][1:], e[1:], rtol=0.05)


def _refused(qgis_app, folder, match, **parameters):
    from qgis.core import QgsProcessingException

    out = folder / "refused.tif"
    with pytest.raises(QgsProcessingException, match=match):
        run_alg(qgis_app, **dict(dict(OUTPUT=str(out), DATE_FIELD="date", TEMPERATURE_FIELD="temperature"),
                                 **parameters))
    assert not out.exists()


def test_bad_inputs_are_refused_without_output(qgis_app, inputs, tmp_path):
    folder, h5_path, tif_path, csv_path, _, _ = inputs
    short = tmp_path / "short.csv"
    short.write_text("date,temperature\n" + "".join("{},{:.3f}\n".format(day, t) for day, t in
                                                    zip(DAYS[:800], temperatures()[:800])))
    _refused(qgis_app, tmp_path, r"does not cover the InSAR date 2019-03-21.*the day 2019-03-12 is missing",
             INPUT=h5_path,
             TEMPERATURE=str(short))
    kelvin = tmp_path / "kelvin.csv"
    kelvin.write_text("date,temperature\n" + "".join("{},{:.3f}\n".format(day, t + 273.15) for day, t in
                                                     zip(DAYS, temperatures())))
    _refused(qgis_app, tmp_path, r"Kelvin|kelvin", INPUT=h5_path, TEMPERATURE=str(kelvin),
             UNITS_TEMPERATURE="celsius")
    mm_folder = tmp_path / "mm"
    mm_folder.mkdir()
    d, _, _, _ = planted()
    mm_h5, _, _ = write_inputs(mm_folder, d, scale_to_m=False)
    _refused(qgis_app, tmp_path, r"units mixed up\? set UNITS", INPUT=mm_h5, TEMPERATURE=csv_path)
    few = tmp_path / "few"
    few.mkdir()
    grid = Grid.from_extent(90.0, 34.9, 91.0, 35.0, 2, 2, "EPSG:4326")
    few_tif = str(few / "few.tif")
    with GeoTiffWriter(few_tif, grid, [x.isoformat() for x in INSAR[10:13]], np.float32) as w:
        w.write(0, np.zeros((3, 2, 2), np.float32))
    _refused(qgis_app, tmp_path, r"3 InSAR dates, fewer than the 4", INPUT=few_tif, TEMPERATURE=csv_path)
    with pytest.raises(CryoInputError, match="10 m"):
        with open_displacement(mm_h5) as stack:
            deformation.deformation_raster(stack, thaw_index.design_matrix(stack.dates, DAYS, temperatures()),
                                           str(tmp_path / "x.tif"))
    assert not (tmp_path / "x.tif").exists()


def test_dates_covering_no_thaw_are_refused(tmp_path):
    winter = [x for x in INSAR if x.month in (1, 2, 3) and x.year == 2018]
    grid = Grid.from_extent(90.0, 34.9, 91.0, 35.0, 2, 2, "EPSG:4326")
    path = str(tmp_path / "winter.tif")
    with GeoTiffWriter(path, grid, [x.isoformat() for x in winter], np.float32) as w:
        w.write(0, np.zeros((len(winter), 2, 2), np.float32))
    with open_displacement(path) as stack, pytest.raises(CryoInputError, match="no thaw season is covered"):
        deformation.deformation_raster(stack, thaw_index.design_matrix(stack.dates, DAYS, temperatures()),
                                       str(tmp_path / "out.tif"))
    assert not (tmp_path / "out.tif").exists()


def test_line_of_sight_to_vertical_and_the_model_stack(qgis_app, inputs, tmp_path):
    """Displacements written along a line of sight at 35° (a constant angle, and a raster of angles varying by
    column) give the velocities of the vertical data; the model stack equals the noise-free planted signal
    within the noise's averaging."""
    folder, _, tif_path, csv_path, v, e = inputs
    vertical = run_alg(qgis_app, INPUT=tif_path, TEMPERATURE=csv_path, OUTPUT=str(tmp_path / "vertical.tif"),
                       OUTPUT_MODEL=str(tmp_path / "model.tif"))
    assert vertical["OUTPUT_MODEL"] == str(tmp_path / "model.tif")
    angles = np.tile(np.linspace(30.0, 45.0, COLS), (ROWS, 1))
    for name, degrees in (("constant", np.full((ROWS, COLS), 35.0)), ("raster", angles)):
        with open_displacement(tif_path) as stack:
            data = stack.read(slice(0, ROWS)).astype(float)
            data[data == stack.nodata] = np.nan
            grid = stack.grid
        los_path = str(tmp_path / "los_{}.tif".format(name))
        with GeoTiffWriter(los_path, grid, [x.isoformat() for x in INSAR], np.float32, nodata=-9999.0) as w:
            w.write(0, np.where(np.isnan(data), -9999.0, data * np.cos(np.radians(degrees))))
        angle_path = str(tmp_path / "angles.tif")
        with GeoTiffWriter(angle_path, grid, ["incidence"], np.float32) as w:
            w.write(0, degrees[None].astype(np.float32))
        how = dict(LOS_TO_VERTICAL="incidence_angle", INCIDENCE_ANGLE=35.0) if name == "constant" else dict(
            LOS_TO_VERTICAL="incidence_raster", INCIDENCE_RASTER=angle_path)
        out = str(tmp_path / "from_los_{}.tif".format(name))
        run_alg(qgis_app, INPUT=los_path, TEMPERATURE=csv_path, OUTPUT=out, **how)
        got, expected = read_bands(out), read_bands(str(tmp_path / "vertical.tif"))
        for band in ("velocity_mm_yr", "seasonal_coef", "offset_mm"):
            np.testing.assert_allclose(got[band][1:], expected[band][1:], rtol=2e-4, atol=2e-3)
    model = gdal.Open(str(tmp_path / "model.tif"))
    assert [model.GetRasterBand(i + 1).GetDescription() for i in range(model.RasterCount)] == [
        x.isoformat() for x in INSAR]
    assert model.GetMetadataItem("CRYO_KIND") == "insar_model"
    fitted = model.ReadAsArray()
    design = thaw_index.design_matrix(INSAR, DAYS, temperatures()).matrix
    bands = read_bands(str(tmp_path / "vertical.tif"))
    rebuilt = (bands["offset_mm"] + design[:, 1, None, None] * bands["velocity_mm_yr"]
               + design[:, 2, None, None] * bands["seasonal_coef"])
    np.testing.assert_allclose(fitted[:, 1:], rebuilt[:, 1:], atol=1e-3)
    assert np.all(fitted[:, 0, 0] == -9999)
    d, _, _, _ = planted()
    truth = 5.0 + design[:, 1, None, None] * v + design[:, 2, None, None] * e
    assert np.sqrt(np.mean((fitted[:, 1:] - truth[:, 1:]) ** 2)) < 0.6 * SIGMA


def test_incidence_mistakes_are_refused(qgis_app, inputs, tmp_path):
    folder, _, tif_path, csv_path, _, _ = inputs
    _refused(qgis_app, tmp_path, "needs INCIDENCE_ANGLE", INPUT=tif_path, TEMPERATURE=csv_path,
             LOS_TO_VERTICAL="incidence_angle")
    with open_displacement(tif_path) as stack:
        grid = stack.grid
    radians = str(tmp_path / "radians.tif")
    with GeoTiffWriter(radians, grid, ["incidence"], np.float32) as w:
        w.write(0, np.full((1, ROWS, COLS), 0.61, np.float32))
    _refused(qgis_app, tmp_path, "look like radians", INPUT=tif_path, TEMPERATURE=csv_path,
             LOS_TO_VERTICAL="incidence_raster", INCIDENCE_RASTER=radians)
    other = str(tmp_path / "other_grid.tif")
    with GeoTiffWriter(other, Grid.from_extent(0, 0, 1, 1, 4, 4, "EPSG:4326"), ["incidence"], np.float32) as w:
        w.write(0, np.full((1, 4, 4), 35.0, np.float32))
    _refused(qgis_app, tmp_path, "not on the grid of the displacements", INPUT=tif_path, TEMPERATURE=csv_path,
             LOS_TO_VERTICAL="incidence_raster", INCIDENCE_RASTER=other)
