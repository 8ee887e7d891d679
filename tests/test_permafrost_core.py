"""The permafrost chain in the core library: GST ridge model, degree days, TTOP, ensemble, map accuracy,
checked against hand calculations, closed forms and a plain per-pixel reimplementation."""
import datetime as dt
import json

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from cryo_qgis_plugin.core.stats import accuracy
from cryo_qgis_plugin.core.permafrost import degreedays, gst
from cryo_qgis_plugin.core import permafrost
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.rasterize import Polygons
from cryo_qgis_plugin.core.io.stack import open_stack
from cryo_qgis_plugin.core.io.temperature import Packing
from cryo_qgis_plugin.core.run import Run

UTM = "EPSG:32645"


def utm_grid(width, height, cell=1000.0):
    return Grid.from_extent(500000, 4000000, 500000 + width * cell, 4000000 + height * cell, width, height, UTM)


def write_stack(path, values, first, dtype=np.float32, nodata=-9999.0, skip=()):
    """A daily multi-band GeoTIFF (band descriptions = ISO dates); days in ``skip`` are left out."""
    days = [d for d in range(values.shape[0]) if d not in skip]
    grid = utm_grid(values.shape[2], values.shape[1])
    names = [(first + dt.timedelta(days=d)).isoformat() for d in days]
    with GeoTiffWriter(str(path), grid, names, dtype, nodata=nodata) as out:
        out.write(0, values[days].astype(dtype))
    return str(path)


def write_grid(path, array, dtype, nodata):
    grid = utm_grid(array.shape[-1], array.shape[-2])
    bands = array if array.ndim == 3 else array[np.newaxis]
    with GeoTiffWriter(str(path), grid, ["b{}".format(i) for i in range(len(bands))], dtype, nodata=nodata) as out:
        out.write(0, bands)
    return str(path)


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


# ------------------------------------------------------------------------------------------- GST model

def test_ridge_recovers_known_coefficients_from_noisy_station_table():
    rng = np.random.default_rng(7)
    n = 3000
    surface = rng.normal(-5, 12, n)  # a shared signal makes the four LSTs strongly correlated, as they are
    lst = {"terra_day": surface + 8 + rng.normal(0, 3, n), "terra_night": surface - 6 + rng.normal(0, 3, n),
           "aqua_day": surface + 6 + rng.normal(0, 3, n), "aqua_night": surface - 7 + rng.normal(0, 3, n)}
    truth = {"terra_day": 0.25, "terra_night": 0.35, "aqua_day": 0.15, "aqua_night": 0.20}
    noise = rng.normal(0, 0.5, n)
    y = 1.2 + sum(truth[k] * lst[k] for k in truth) + noise
    model = gst.fit_gst_model(y, lst, folds=10)
    assert model.predictors == list(truth)
    assert model.coefficients == pytest.approx(list(truth.values()), abs=0.02)
    assert model.intercept == pytest.approx(1.2, abs=0.1)
    # Out-of-fold errors are those of the noise; R² = 1 - noise variance / GST variance.
    assert model.rmse == pytest.approx(0.5, abs=0.03)
    assert model.mae == pytest.approx(0.5 * np.sqrt(2 / np.pi), abs=0.03)
    assert model.r2 == pytest.approx(1 - 0.25 / np.var(y), abs=0.002)
    assert model.n == n and model.folds == 10
    # The refit equals the closed form (ZᵀZ/n + αI)β = Zᵀ(y - ȳ)/n solved independently as an augmented
    # least-squares problem [Z; sqrt(nα) I] β = [y - ȳ; 0].
    x = np.column_stack([lst[k] for k in truth])
    z = (x - x.mean(0)) / x.std(0)
    augmented = np.vstack([z, np.sqrt(n * model.penalty) * np.eye(4)])
    beta = np.linalg.lstsq(augmented, np.concatenate([y - y.mean(), np.zeros(4)]), rcond=None)[0]
    assert model.coefficients == pytest.approx(list(beta / x.std(0)), rel=1e-9)
    # JSON round trip; predict with the original units.
    again = gst.GstModel.from_json(model.to_json())
    assert again == model
    assert json.loads(model.to_json())["units"] == "degC"
    assert again.predict([np.float32(lst[k][:3]) for k in truth]) == pytest.approx(
        model.intercept + x[:3] @ np.array(model.coefficients), abs=1e-4)


def test_strong_collinearity_is_penalised():
    rng = np.random.default_rng(3)
    n = 60
    a = rng.normal(0, 10, n)
    lst = {"a": a, "b": a + rng.normal(0, 0.01, n)}  # two nearly identical predictors
    y = 0.5 * a + rng.normal(0, 2, n)
    model = gst.fit_gst_model(y, lst, folds=5)
    assert model.penalty > gst.PENALTIES[0]
    assert sum(model.coefficients) == pytest.approx(0.5, abs=0.1)


def test_gst_model_bad_tables():
    with pytest.raises(CryoInputError, match="one value in every row"):
        gst.fit_gst_model(np.arange(20.0), {"a": np.ones(20), "b": np.arange(20.0)})
    with pytest.raises(CryoInputError, match="complete rows"):
        gst.fit_gst_model(np.arange(5.0), {"a": np.arange(5.0)}, folds=10)
    with pytest.raises(CryoInputError, match="1 to 4 LST fields"):
        gst.fit_gst_model(np.arange(50.0), {str(k): np.arange(50.0) + k for k in range(5)})


def test_lst_to_gst_applies_the_model_with_packing_and_missing_values(tmp_path):
    first = dt.date(2006, 1, 1)
    day_k = np.array([[[273.15, 283.15], [263.15, 0]]] * 3)  # Kelvin; 0 = no retrieval
    night_k = day_k - 10
    night_k[1, 0, 0] = 0
    packed = [write_stack(tmp_path / "{}.tif".format(n), np.round(v / 0.02) * (v > 0), first, np.uint16, 0)
              for n, v in (("day", day_k), ("night", night_k))]
    model = gst.GstModel(["day", "night"], [0.5, 0.25], 1.0, 1e-3, 10, 100, 0.9, 1.0, 0.8)
    stacks = [open_stack(p) for p in packed]
    out = tmp_path / "gst.tif"
    assert gst.lst_to_gst(stacks, model, Packing(0.02, 0, "kelvin"), str(out)) == 3 * 3 - 1
    values = read(out)
    # GST = 1 + 0.5 * day(°C) + 0.25 * night(°C): (0, -10) -> -1.5; (10, 0) -> 6; (-10, -20) -> -9.
    assert values[0].ravel().tolist() == pytest.approx([-1.5, 6.0, -9.0, -9999.0], abs=0.02)  # 0.02 K packing
    assert values[1, 0, 0] == -9999.0  # a missing predictor makes the day missing
    ds = gdal.Open(str(out))
    assert [ds.GetRasterBand(b).GetDescription() for b in (1, 2, 3)] == ["2006-01-01", "2006-01-02", "2006-01-03"]


def test_lst_stacks_must_share_grid_and_dates(tmp_path):
    first = dt.date(2006, 1, 1)
    a = write_stack(tmp_path / "a.tif", np.zeros((3, 2, 2)), first)
    b = write_stack(tmp_path / "b.tif", np.zeros((3, 2, 2)), first, skip=(1,))
    model = gst.GstModel(["a", "b"], [1.0, 1.0], 0.0, 1e-3, 10, 100, 0.9, 1.0, 0.8)
    with pytest.raises(CryoInputError, match="do not hold the same dates.*only in the first: 2006-01-02"):
        gst.lst_to_gst([open_stack(a), open_stack(b)], model, Packing(), str(tmp_path / "gst.tif"))
    with pytest.raises(CryoInputError, match="2 predictors"):
        gst.lst_to_gst([open_stack(a)], model, Packing(), str(tmp_path / "gst.tif"))
    assert not (tmp_path / "gst.tif").exists()


# ------------------------------------------------------------------------------------------ degree days

def season_of_days(first, values, **kwargs):
    """Degree days of a (days, 1, n) float °C series starting ``first`` (NaN = missing), season from 07-01."""
    import tempfile
    import os
    folder = tempfile.mkdtemp()
    path = write_stack(os.path.join(folder, "t.tif"), np.nan_to_num(values, nan=-9999.0), first,
                       **kwargs.pop("write", {}))
    result = degreedays.degree_days(open_stack(path), os.path.join(folder, "ddf.tif"), os.path.join(folder, "ddt.tif"),
                                    **kwargs)
    return result, read(os.path.join(folder, "ddf.tif")), read(os.path.join(folder, "ddt.tif"))


def test_degree_days_hand_sums_with_gaps_and_the_nodata_rule():
    first = dt.date(2005, 7, 1)
    n = 365
    t = np.full((n, 1, 4), 2.0)
    t[100:200] = -3.0  # 100 freezing days
    # pixel 1: a 3-day gap inside the winter between -3 and -3 -> filled with -3
    t[150:153, 0, 1] = np.nan
    # pixel 2: a 2-day gap across the 0 crossing: day 199 = -3, days 200-201 missing, day 202 = 2 -> filled
    # linearly: -3 + 5/3 = -1.333 and -3 + 10/3 = 0.333
    t[200:202, 0, 2] = np.nan
    # pixel 3: a 6-day gap, longer than MAX_GAP = 5 -> nodata
    t[10:16, 0, 3] = np.nan
    result, ddf, ddt = season_of_days(first, t, max_gap=5)
    assert result.years == [2005]
    assert ddf[0, 0] == pytest.approx(300.0)
    assert ddt[0, 0] == pytest.approx(265 * 2.0)
    assert ddf[0, 1] == pytest.approx(300.0)
    assert ddf[0, 2] == pytest.approx(300.0 + 4 / 3)
    assert ddt[0, 2] == pytest.approx(263 * 2.0 + 1 / 3, abs=1e-4)
    assert ddf[0, 3] == ddt[0, 3] == degreedays.NODATA
    assert result.nodata_pixels == {2005: 1}


def test_degree_days_kelvin_scale_factor_absent_dates_and_record_edges():
    first = dt.date(2005, 7, 1)
    # MODIS-style packing: uint16 x 0.02 K, 0 = no value. 13708 -> 274.16 K = 1.01 °C; 13608 -> -0.99 °C.
    stored = np.empty((365, 1, 2))
    stored[:, 0, 0] = 13708
    stored[:, 0, 1] = 13608
    stored[0:2, 0, 1] = 0  # record start: the nearest value fills two days
    stored[-3:, 0, 0] = 0  # record end: the last value fills three days
    # Day 40 is absent from the stack (no band): filled like a missing day.
    result, ddf, ddt = season_of_days(first, stored, packing=Packing(0.02, 0.0, "kelvin"), max_gap=3,
                                      write={"dtype": np.uint16, "nodata": 0, "skip": (40,)})
    assert ddt[0].tolist() == pytest.approx([365 * 1.01, 0.0], abs=0.02)
    assert ddf[0].tolist() == pytest.approx([0.0, 365 * 0.99], abs=0.02)
    # One day more missing at the end than MAX_GAP allows: nodata.
    stored[-4:, 0, 0] = 0
    _, ddf, ddt = season_of_days(first, stored, packing=Packing(0.02, 0.0, "kelvin"), max_gap=3,
                                 write={"dtype": np.uint16, "nodata": 0})
    assert ddt[0, 0] == ddf[0, 0] == degreedays.NODATA


def test_partial_seasons_are_left_out_and_no_complete_season_is_an_error():
    first = dt.date(2005, 3, 1)
    t = np.ones((700, 1, 1))
    result, ddf, _ = season_of_days(first, t)
    assert result.years == [2005] and result.partial_years == [2004, 2006]
    assert ddf.shape == (1, 1)
    with pytest.raises(CryoInputError, match="complete season"):
        season_of_days(first, np.ones((200, 1, 1)))


def reference_series(series, max_gap):
    """Gap filling written independently, per pixel, as a plain loop over runs of missing days."""
    s, ok = series.copy(), ~np.isnan(series)
    filled = ok.copy()
    n, i = len(s), 0
    while i < n:
        if ok[i]:
            i += 1
            continue
        j = i
        while j < n and not ok[j]:
            j += 1
        if j - i <= max_gap and ok.any():
            if i == 0:
                s[i:j] = s[j]
            elif j == n:
                s[i:j] = s[i - 1]
            else:
                s[i:j] = s[i - 1] + (s[j] - s[i - 1]) * np.arange(1, j - i + 1) / (j - i + 1)
            filled[i:j] = True
        i = j
    return s, filled


@pytest.mark.parametrize("max_gap,budget", [(0, 160 * 2 ** 20), (4, 160 * 2 ** 20), (4, 3000), (12, 3000)])
def test_degree_days_equal_a_per_pixel_reimplementation(tmp_path, max_gap, budget):
    rng = np.random.default_rng(max_gap)
    first = dt.date(2004, 7, 1)
    n, h, w = 3 * 365 + 1 + 15, 5, 6
    days = np.arange(n)
    t = (-4 + 14 * np.sin(2 * np.pi * (days - 100) / 365.25))[:, None, None] + rng.normal(0, 3, (n, h, w))
    t[rng.random((n, h, w)) < 0.2] = np.nan
    t[360:370, 1, 1] = np.nan  # a gap across the 2005-07-01 season boundary (day 365)
    t[0:3, 2, 2] = np.nan
    t[-5:, 3, 3] = np.nan
    t[:, 4, 5] = np.nan  # never a value
    path = write_stack(tmp_path / "t.tif", np.nan_to_num(t, nan=-9999.0), first, skip=(500, 501))
    t[500:502] = np.nan
    result = degreedays.degree_days(open_stack(path), str(tmp_path / "ddf.tif"), str(tmp_path / "ddt.tif"),
                                    max_gap=max_gap, run=Run(budget_bytes=budget))
    ddf, ddt = read(tmp_path / "ddf.tif"), read(tmp_path / "ddt.tif")
    assert result.years == [2004, 2005, 2006]
    for i in range(h):
        for j in range(w):
            s, filled = reference_series(t[:, i, j].astype(np.float32), max_gap)
            for k, year in enumerate(result.years):
                a, b = (dt.date(year, 7, 1) - first).days, (dt.date(year + 1, 7, 1) - first).days
                if not filled[a:b].all():
                    assert ddf[k, i, j] == ddt[k, i, j] == degreedays.NODATA
                else:
                    assert ddf[k, i, j] == pytest.approx(np.maximum(-s[a:b], 0).sum(), abs=2e-3)
                    assert ddt[k, i, j] == pytest.approx(np.maximum(s[a:b], 0).sum(), abs=2e-3)


# ---------------------------------------------------------------------------------------------- TTOP

def test_ttop_both_branches_by_hand():
    # rk·nt·DDT = 0.8·1.2·1000 = 960 < nf·DDF = 0.5·2000 = 1000: (960 - 1000) / 365
    assert permafrost.ttop(2000.0, 1000.0, 0.5, 1.2, 0.8) == pytest.approx(-40 / 365)
    # rk·nt·DDT = 1350 ≥ nf·DDF = 900: (1500 - 900 / 0.9) / 365
    assert permafrost.ttop(1500.0, 1500.0, 0.6, 1.0, 0.9) == pytest.approx(500 / 365)
    # at the switch both branches give 0
    assert permafrost.ttop(1000.0, 1250.0, 1.0, 1.0, 0.8) == pytest.approx(0.0)
    assert permafrost.ttop(0.0, 3000.0, 1.0, 1.0, 1.0, period=366) == pytest.approx(3000 / 366)


def write_indices(tmp_path, ddf, ddt):
    return (write_grid(tmp_path / "ddf.tif", np.asarray(ddf, np.float32), np.float32, -9999.0),
            write_grid(tmp_path / "ddt.tif", np.asarray(ddt, np.float32), np.float32, -9999.0))


def test_ttop_map_every_class_and_areas(tmp_path):
    # cells: permafrost, seasonally frozen, unfrozen, nodata | glacier, lake (permafrost and frozen-ground values)
    ddf = np.array([[2000, 900, 0, -9999], [2000, 900, 2000, 900]], np.float32)
    ddt = np.array([[1000, 1500, 3000, 500], [1000, 1500, 1000, 1500]], np.float32)
    ddf_path, ddt_path = write_indices(tmp_path, ddf, ddt)
    grid = utm_grid(4, 2)
    x0, _, _, y0 = grid.extent[0], 0, 0, grid.extent[3]

    def square(col, row):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for dx, dy in ((0.2, 0.2), (0.8, 0.2), (0.8, 0.8), (0.2, 0.8), (0.2, 0.2)):
            ring.AddPoint_2D(x0 + (col + dx) * 1000, y0 - (row + dy) * 1000)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        return polygon.ExportToWkb()

    srs = osr.SpatialReference()
    srs.SetFromUserInput(UTM)
    params = permafrost.constant_parameters(1.0, 1.0, 0.9)
    result = permafrost.ttop_map(
        permafrost.TtopInputs(ddf_path, ddt_path, glaciers=Polygons([square(0, 1)], srs.ExportToWkt()),
                              lakes=Polygons([square(1, 1)], srs.ExportToWkt())),
        permafrost.TtopOutputs(str(tmp_path / "ttop.tif"), str(tmp_path / "classes.tif")), params)
    classes = read(tmp_path / "classes.tif")
    assert classes.tolist() == [[1, 2, 3, 0], [4, 5, 1, 2]]
    ttop_values = read(tmp_path / "ttop.tif")
    assert ttop_values[0, 0] == pytest.approx((0.9 * 1000 - 2000) / 365)
    assert ttop_values[0, 1] == pytest.approx((1500 - 900 / 0.9) / 365)
    assert ttop_values[0, 3] == permafrost.NODATA
    assert result.permafrost_area_km2 == pytest.approx(2.0)
    assert result.permafrost_fraction == pytest.approx(2 / 5)
    assert result.class_area_km2["glacier"] == pytest.approx(1.0)
    assert open(tmp_path / "classes.qml").read().count("paletteEntry") == 5


def test_multiband_indices_are_averaged_over_years_with_values(tmp_path):
    ddf = np.array([[[1000.0]], [[2000.0]], [[-9999.0]]])
    ddt = np.array([[[900.0]], [[1100.0]], [[5000.0]]])
    ddf_path, ddt_path = write_indices(tmp_path, ddf, ddt)
    permafrost.ttop_map(permafrost.TtopInputs(ddf_path, ddt_path),
                        permafrost.TtopOutputs(str(tmp_path / "t.tif"), str(tmp_path / "c.tif")),
                        permafrost.constant_parameters(1, 1, 1))
    # DDF mean 1500 over the two years with a value; DDT mean over all three = 7000/3
    assert read(tmp_path / "t.tif") == pytest.approx((7000 / 3 - 1500) / 365)


def test_air_indices_apply_nfactors_by_land_cover(tmp_path):
    ddf_path, ddt_path = write_indices(tmp_path, [[2000, 2000, 2000]], [[1000, 1000, 1000]])
    lc = write_grid(tmp_path / "lc.tif", np.array([[10, 20, 255]], np.uint8), np.uint8, 255)
    table = tmp_path / "nf.csv"
    table.write_text("# test table\nclass,name,nf,nt,rk,source\n10,tundra,0.5,1.2,0.8,test\n20,forest,0.3,0.9,,test\n")
    params = permafrost.read_nfactors(str(table), default_rk=1.0)
    permafrost.ttop_map(permafrost.TtopInputs(ddf_path, ddt_path, lc),
                        permafrost.TtopOutputs(str(tmp_path / "t.tif"), str(tmp_path / "c.tif")), params,
                        options=permafrost.TtopOptions(indices_from="air"))
    values = read(tmp_path / "t.tif")
    assert values[0, 0] == pytest.approx((0.8 * 1.2 * 1000 - 0.5 * 2000) / 365)
    assert values[0, 1] == pytest.approx((0.9 * 1000 - 0.3 * 2000 / 1.0) / 365)  # rk empty -> default 1
    assert values[0, 2] == permafrost.NODATA  # land-cover nodata
    # ground indices: only rk applies
    permafrost.ttop_map(permafrost.TtopInputs(ddf_path, ddt_path, lc),
                        permafrost.TtopOutputs(str(tmp_path / "t2.tif"), str(tmp_path / "c2.tif")), params)
    assert read(tmp_path / "t2.tif")[0, 0] == pytest.approx((0.8 * 1000 - 2000) / 365)


def test_ttop_bad_inputs_leave_no_file(tmp_path):
    ddf_path, ddt_path = write_indices(tmp_path, [[2000, 2000]], [[1000, 1000]])
    lc = write_grid(tmp_path / "lc.tif", np.array([[10, 30]], np.uint8), np.uint8, 255)
    table = tmp_path / "nf.csv"
    table.write_text("class,nf,nt,rk\n10,0.5,1.2,0.8\n")
    outputs = permafrost.TtopOutputs(str(tmp_path / "t.tif"), str(tmp_path / "c.tif"))
    with pytest.raises(CryoInputError, match=r"missing from the NFACTORS table: 30 \(1 cells\)"):
        permafrost.ttop_map(permafrost.TtopInputs(ddf_path, ddt_path, lc), outputs,
                            permafrost.read_nfactors(str(table), 1.0))
    with pytest.raises(CryoInputError, match="rk must be > 0"):
        permafrost.constant_parameters(1.0, 1.0, 0.0)
    table.write_text("class,nf,nt,rk,rk_min,rk_max\n10,0.5,1.2,0.8,0.9,1.0\n")
    with pytest.raises(CryoInputError, match="outside its range"):
        permafrost.read_nfactors(str(table), 1.0)
    other = write_grid(tmp_path / "other.tif", np.ones((3, 3), np.float32), np.float32, -9999.0)
    with pytest.raises(CryoInputError, match="different grids"):
        permafrost.ttop_map(permafrost.TtopInputs(ddf_path, other), outputs, permafrost.constant_parameters(1, 1, 1))
    with pytest.raises(CryoInputError, match="needs parameter ranges"):
        permafrost.ttop_map(permafrost.TtopInputs(ddf_path, ddt_path),
                            permafrost.TtopOutputs(outputs.ttop, outputs.classes, probability=str(tmp_path / "p.tif")),
                            permafrost.constant_parameters(1, 1, 1), options=permafrost.TtopOptions(members=10))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ddf.tif", "ddt.tif", "lc.tif", "nf.csv", "other.tif"]


def ensemble(tmp_path, ddf, ddt, table_text, members, indices_from="ground", seed=1):
    ddf_path, ddt_path = write_indices(tmp_path, ddf, ddt)
    codes = np.array([[10] * np.shape(ddf)[1]], np.uint8)
    codes[0, 1::2] = 20
    lc = write_grid(tmp_path / "lc.tif", codes, np.uint8, 255)
    table = tmp_path / "nf.csv"
    table.write_text(table_text)
    result = permafrost.ttop_map(
        permafrost.TtopInputs(ddf_path, ddt_path, lc),
        permafrost.TtopOutputs(str(tmp_path / "t.tif"), str(tmp_path / "c.tif"), str(tmp_path / "p.tif"),
                               str(tmp_path / "z.tif")),
        permafrost.read_nfactors(str(table), 1.0),
        options=permafrost.TtopOptions(indices_from, members=members, seed=seed))
    return result, read(tmp_path / "p.tif"), read(tmp_path / "z.tif")


def test_ensemble_ranges_on_one_side_of_zero_give_zero_or_one(tmp_path):
    # class 10: rk in [0.5, 0.7] -> rk·DDT ≤ 700 < DDF = 1000 always; class 20: rk in [2.5, 3] -> rk·500 ≥ 1250
    table = "class,nf,nt,rk,rk_min,rk_max\n10,1,1,0.6,0.5,0.7\n20,1,1,2.7,2.5,3.0\n"
    _, p, z = ensemble(tmp_path, [[1000, 1000, 1000, 1000]], [[1000, 500, 1000, 500]], table, 200)
    assert p.tolist() == [[1.0, 0.0, 1.0, 0.0]]
    assert z.tolist() == [[1, 5, 1, 5]]  # continuous / no permafrost


def test_ensemble_symmetric_and_asymmetric_ranges(tmp_path):
    # ground: class 10 rk in [0.8, 1.2] with DDF = DDT: permafrost iff rk < 1 -> p ≈ 0.5;
    # air: class 20 nf in [0.2, 1.0], nt = rk = 1, DDF = 1000, DDT = 400: permafrost iff nf > 0.4 -> p ≈ 0.75
    table = "class,nf,nt,rk,nf_min,nf_max,rk_min,rk_max\n10,1,1,1,1,1,0.8,1.2\n20,0.6,1,1,0.2,1.0,1,1\n"
    _, p, z = ensemble(tmp_path, [[1000, 1000]], [[1000, 400]], table, 2000, indices_from="air")
    assert p[0, 0] == pytest.approx(0.5, abs=0.04)
    assert p[0, 1] == pytest.approx(0.75, abs=0.04)
    assert z.tolist() == [[2, 2]]
    _, p_again, _ = ensemble(tmp_path, [[1000, 1000]], [[1000, 400]], table, 2000, indices_from="air")
    assert p_again.tolist() == p.tolist()  # same seed, same draws


def test_zones_thresholds():
    p = np.array([1.0, 0.91, 0.9, 0.5, 0.49, 0.1, 0.09, 0.005, 0.0, 0.3])
    valid = np.ones(p.shape, bool)
    valid[-1] = False
    assert permafrost.zones(p, valid).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 0]


# ------------------------------------------------------------------------------------------ accuracy

def test_overall_accuracy_and_kappa_of_the_textbook_matrix():
    # [[45, 5], [10, 40]]: OA = 85/100; p_e = (50·55 + 50·45)/100² = 0.5; kappa = (0.85 - 0.5)/0.5
    mapped = np.array([1] * 50 + [2] * 50)
    reference = np.array([1] * 45 + [2] * 5 + [1] * 10 + [2] * 40)
    result = accuracy.confusion(mapped, reference)
    assert result.matrix.tolist() == [[45, 5], [10, 40]]
    assert result.overall == pytest.approx(0.85)
    assert result.kappa == pytest.approx(0.70)
    assert result.users.tolist() == pytest.approx([0.9, 0.8])
    assert result.producers.tolist() == pytest.approx([45 / 55, 40 / 45])


def test_grouping_parsing():
    assert accuracy.parse_grouping("1:1;2,3:0") == {1: 1, 2: 0, 3: 0}
    assert accuracy.parse_grouping(" ") == {}
    with pytest.raises(CryoInputError, match="two groups"):
        accuracy.parse_grouping("1:1;1,2:0")
    with pytest.raises(CryoInputError, match="Cannot read"):
        accuracy.parse_grouping("1=1")


def test_accuracy_against_raster_polygons_and_points(tmp_path):
    classes = np.array([[1, 1, 2, 3], [1, 2, 2, 0]], np.uint8)  # 0 = nodata
    map_path = write_grid(tmp_path / "map.tif", classes, np.uint8, 0)
    # a reference raster on a coarser grid in the same CRS: 2 x 2 cells of 2 km
    coarse = Grid.from_extent(500000, 4000000, 504000, 4002000, 2, 1, UTM)
    with GeoTiffWriter(str(tmp_path / "ref.tif"), coarse, ["ref"], np.uint8, nodata=255) as out:
        out.write(0, np.array([[1, 0]], np.uint8))  # 1 = permafrost, 0 = none
    result = accuracy.accuracy_against_raster(map_path, str(tmp_path / "ref.tif"), {1: 1, 2: 0, 3: 0}, {})
    # left half (map 1,1,1,2) vs 1; right half (2,3,2 and nodata) vs 0
    assert result.classes == [0, 1]
    assert result.matrix.tolist() == [[3, 1], [0, 3]]
    assert result.excluded["map_nodata"] == 1
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_geo = osr.CoordinateTransformation(_srs(UTM), srs)
    points = []
    for x, y in ((500500, 4001500), (502500, 4000500), (510000, 4000500)):  # map 1, map 2, off the map
        lon, lat, _ = to_geo.TransformPoint(x, y)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(lon, lat)
        points.append(point.ExportToWkb())
    result = accuracy.accuracy_against_features(map_path, points, [1, 1, 1], srs.ExportToWkt(), {}, {})
    assert result.classes == [1, 2] and result.matrix.tolist() == [[1, 0], [1, 0]]
    assert result.excluded["outside_map"] == 1
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((500000, 4000000), (502000, 4000000), (502000, 4002000), (500000, 4002000), (500000, 4000000)):
        ring.AddPoint_2D(x, y)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    result = accuracy.accuracy_against_features(map_path, [polygon.ExportToWkb()], [1], _srs(UTM).ExportToWkt(),
                                                {}, {})
    assert result.matrix.tolist() == [[3, 0], [1, 0]] and result.excluded["reference_nodata"] == 3
    far = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
    with pytest.raises(CryoInputError, match="no cell in common"):
        accuracy.accuracy_against_features(map_path, [far.ExportToWkb()], [1], _srs(UTM).ExportToWkt(), {}, {})


def _srs(text):
    srs = osr.SpatialReference()
    srs.SetFromUserInput(text)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def test_the_shipped_nfactor_table_reads_and_cites_a_source_for_every_row():
    import csv
    import os

    from conftest import ROOT
    path = os.path.join(ROOT, "cryo_qgis_plugin", "tables", "nfactors_default.csv")
    parameters = permafrost.read_nfactors(path, default_rk=1.0)
    assert [p.code for p in parameters] == [1, 2]
    assert parameters[0].nf == permafrost.Parameter(0.5, 0.32, 0.58)
    assert parameters[1].nt.value == 1.25 and parameters[1].rk.value == 1.0
    with open(path) as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert all(len(row["source"]) > 40 for row in rows)


def test_gap_sums_closed_forms_equal_explicit_sums():
    rng = np.random.default_rng(11)
    a = rng.normal(0, 5, 500).astype(np.float32)
    b = rng.normal(0, 5, 500).astype(np.float32)
    a[:3], b[:3] = [-2, 0, 3], [0, -4, 0]  # zeros at either end
    run = rng.integers(1, 9, 500)
    signed, positive = degreedays.gap_sums(a, b, run)
    for i in range(500):
        values = a[i] + (b[i] - a[i]) * np.arange(1, run[i] + 1) / (run[i] + 1)
        assert signed[i] == pytest.approx(values.sum(), abs=1e-4)
        assert positive[i] == pytest.approx(np.maximum(values, 0).sum(), abs=1e-4)
