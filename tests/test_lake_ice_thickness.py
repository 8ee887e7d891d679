"""cryo:lakeicethickness: the Stefan law against its analytic solution, the snow-insulated case against an
independent numerical integration, melt, a season without freeze-up, phenology dates, bad inputs and Processing."""
import csv
import datetime as dt
import math
import os

import numpy as np
import pytest

from conftest import keep
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.temperature import Packing
from cryo_qgis_plugin.core.lakeice import ice_thickness as it
from cryo_qgis_plugin.core.run import Run
from test_processing_freezethaw import run

FIRST = dt.date(2005, 8, 1)


def days_of(temperatures, snow=None, lake="A", first=FIRST):
    n = len(temperatures)
    dates = [first + dt.timedelta(days=d) for d in range(n)]
    return it.lake_days([lake] * n, dates, list(temperatures), snow=None if snow is None else list(snow))


def season(warm=30, cold=-10.0, n_cold=200, after=None, total=365):
    """``warm`` days at +5 °C, ``n_cold`` days at ``cold``, then ``after`` (default +5 °C) to ``total`` days."""
    t = np.full(total, 5.0 if after is None else after)
    t[:warm] = 5.0
    t[warm:warm + n_cold] = cold
    return t


def test_alpha_from_the_constants():
    assert it.ALPHA == pytest.approx(100 * math.sqrt(2 * 2.24 / (917 * 333400) * 86400), rel=1e-12)
    assert it.ALPHA == pytest.approx(3.5582, abs=1e-4)


@pytest.mark.parametrize("h0, alpha", [(0.0, it.ALPHA), (5.0, it.ALPHA), (2.0, 2.4)])
def test_constant_temperature_follows_the_analytic_stefan_solution(h0, alpha):
    t = season()  # freeze-up on day 30 (first of a run of 5 days below 0 after a day at +5)
    result = it.ice_thickness(days_of(t), it.ThicknessOptions(h0=h0, alpha=alpha))
    k = np.arange(1, 201)  # days of growth at −10 °C, the freeze-up day included
    exact = np.sqrt(h0 ** 2 + alpha ** 2 * 10.0 * k)
    np.testing.assert_allclose(result.thickness[0, 30:230], exact, rtol=1e-12)
    assert (result.thickness[0, :30] == 0).all()
    row, = result.seasons
    assert row.freeze_up == FIRST + dt.timedelta(days=30)
    assert row.max_thickness_cm == pytest.approx(exact[-1], abs=1e-3)
    assert row.date_max == FIRST + dt.timedelta(days=229) and row.afdd == 2000.0


def integrate(temperature_c, snow_cm, h0_cm, k_s, steps_per_day=2000):
    """ρ_i L_f dh/dt = k_i (0 − T) / (h + k_i h_s / k_s) in SI units, classic 4th-order Runge-Kutta."""
    k_i, rho, latent = 2.24, 917.0, 333.4e3
    dt_s = 86400.0 / steps_per_day
    h = h0_cm / 100
    out = []
    for t, hs in zip(temperature_c, snow_cm):
        def rate(x):
            return k_i * (0.0 - t) / (rho * latent * (x + k_i * hs / 100 / k_s))
        for _ in range(steps_per_day):
            a = rate(h)
            b = rate(h + dt_s * a / 2)
            c = rate(h + dt_s * b / 2)
            d = rate(h + dt_s * c)
            h += dt_s * (a + 2 * b + 2 * c + d) / 6
        out.append(h * 100)
    return np.array(out)


def test_snow_insulated_growth_against_a_numerical_integration():
    t = season(n_cold=60, cold=-15.0, total=120)
    snow = np.zeros(120)
    snow[40:] = 10.0
    snow[60:] = 25.0  # cm of snow on the ice
    result = it.ice_thickness(days_of(t, snow), it.ThicknessOptions(h0=1.0, k_snow=0.3))
    expected = integrate(t[30:90], snow[30:90], 1.0, 0.3)
    np.testing.assert_allclose(result.thickness[0, 30:90], expected, atol=1e-6)
    bare = it.stefan_thickness(15.0 * 60, 1.0)
    assert expected[-1] < bare - 10  # the snow insulates: over 10 cm less ice than bare ice
    assert result.thickness[0, 89] == pytest.approx(expected[-1], abs=1e-6)


def test_melt_by_thawing_degree_days_from_the_melt_onset():
    t = season(n_cold=60, after=4.0)
    t[50] = 3.0  # a mid-winter thaw day (no run of THAW_RUN = 5 days above 0 °C): no growth, no melt
    result = it.ice_thickness(days_of(t), it.ThicknessOptions(melt=0.6))
    h = result.thickness[0]
    assert h[50] == h[49]
    peak = it.stefan_thickness(10.0 * 59)
    assert h[89] == pytest.approx(peak, rel=1e-12)
    n_melt = math.ceil(peak / (0.6 * 4.0))  # days at +4 °C until the ice is gone
    np.testing.assert_allclose(h[90:90 + n_melt - 1], peak - 2.4 * np.arange(1, n_melt), rtol=1e-12)
    assert h[90 + n_melt - 1] == 0 and (h[90 + n_melt:] == 0).all()
    row, = result.seasons
    assert row.break_up == FIRST + dt.timedelta(days=90 + n_melt - 1)
    assert row.ice_days == 60 + n_melt - 1 and row.note == ""
    # a frost day inside the melt season grows the ice (Stefan step from its thickness) and does not stop the melt
    t[100] = -2.0
    h = it.ice_thickness(days_of(t), it.ThicknessOptions(melt=0.6)).thickness[0]
    assert h[99] == pytest.approx(peak - 2.4 * 10, rel=1e-12)
    assert h[100] == pytest.approx(math.sqrt(h[99] ** 2 + it.ALPHA ** 2 * 2.0), rel=1e-12)
    assert h[101] == pytest.approx(h[100] - 2.4, rel=1e-12)


def test_ice_that_melts_out_early_freezes_again_and_the_longest_period_is_reported():
    t = season(warm=30, n_cold=6, cold=-5.0)  # thin ice on days 30-35, then 10 days at +5 °C melt it out
    t[46:196] = -10.0  # the lasting ice season
    result = it.ice_thickness(days_of(t))
    h = result.thickness[0]
    thin = it.stefan_thickness(5.0 * 6)
    assert h[35] == pytest.approx(thin, rel=1e-12) and h[36] == pytest.approx(thin - 2.5, rel=1e-12)
    gone = 36 + math.ceil(thin / 2.5) - 1
    assert h[gone] == 0 and (h[gone:46] == 0).all()
    np.testing.assert_allclose(h[46:196], it.stefan_thickness(10.0 * np.arange(1, 151)), rtol=1e-12)
    row, = result.seasons
    assert row.freeze_up == FIRST + dt.timedelta(days=46) and row.break_up is not None
    assert row.note.startswith("2 ice periods")
    assert row.ice_days == np.count_nonzero(h > 0) and row.afdd == 30.0 + 1500.0


def test_a_season_without_freeze_up_is_a_row_with_empty_values():
    warm = np.full(730, 3.0)
    cold = np.concatenate([season(n_cold=335), np.full(365, 3.0)])  # frozen to the end of season 2005
    messages = []
    days = it.lake_days(["warm"] * 730 + ["cold"] * 730, [FIRST + dt.timedelta(days=d) for d in range(730)] * 2,
                        list(warm) + list(cold))
    result = it.ice_thickness(days, run=Run(log=keep(messages)))
    rows = {(r.lake, r.season): r for r in result.seasons}
    assert set(rows) == {("cold", 2005), ("cold", 2006), ("warm", 2005), ("warm", 2006)}
    empty = rows[("warm", 2005)]
    assert (empty.freeze_up, empty.break_up, empty.max_thickness_cm, empty.date_max, empty.ice_days) == (
        None, None, None, None, None)
    assert "no run of 5 days below 0 °C" in empty.note
    assert rows[("cold", 2005)].freeze_up == FIRST + dt.timedelta(days=30)
    assert rows[("cold", 2005)].break_up is None and "ice remains" in rows[("cold", 2005)].note
    assert any("3 lake-season(s) without a modelled ice season" in m for m in messages)
    assert (result.thickness[result.lakes.index("warm")] == 0).all()  # open water, known


def test_phenology_dates_drive_the_season():
    t = season()
    fu, bu = FIRST + dt.timedelta(days=40), FIRST + dt.timedelta(days=150)
    result = it.ice_thickness(days_of(t), phenology={("A", 2005): it.Phenology(fu, bu)})
    h = result.thickness[0]
    assert (h[:40] == 0).all() and (h[150:] == 0).all()
    np.testing.assert_allclose(h[40:150], it.stefan_thickness(10.0 * np.arange(1, 111)), rtol=1e-12)
    row, = result.seasons
    assert (row.freeze_up, row.break_up, row.source) == (fu, bu, "phenology")
    assert it.ice_thickness(days_of(t), phenology={}).seasons[0].freeze_up is None
    row, = it.ice_thickness(days_of(t), phenology={("A", 2005): it.Phenology(fu, None)}).seasons
    peak = it.stefan_thickness(10.0 * 190)  # no observed break-up: the modelled melt-out is the break-up
    assert row.break_up == FIRST + dt.timedelta(days=230 + math.ceil(peak / 2.5) - 1)


def test_a_season_that_starts_frozen_and_long_gaps_are_not_guessed():
    t = season(warm=0)  # frozen from the first day of the record
    row, = it.ice_thickness(days_of(t)).seasons
    assert row.freeze_up is None and "beginning of the record" in row.note
    t = season()
    t[100:110] = np.nan  # 10 missing days inside the ice season, more than MAX_GAP = 5
    result = it.ice_thickness(days_of(t))
    assert np.isnan(result.thickness[0, 100:]).all() and np.isfinite(result.thickness[0, :100]).all()
    assert "gap longer than MAX_GAP days on 2005-11-09" in result.seasons[0].note


def test_bad_temperatures_and_rows_are_refused():
    with pytest.raises(CryoInputError, match="these look like Kelvin: set UNITS=kelvin"):
        days_of(season() + 273.15)
    assert days_of(season() + 273.15 - 273.15).temperature.shape == (1, 365)
    kelvin = it.lake_days(["A"], [FIRST], [263.15], Packing(units="kelvin"))
    assert kelvin.temperature[0, 0] == pytest.approx(-10.0)
    with pytest.raises(CryoInputError, match="Rows 1 and 2 both give lake A on 2005-08-01"):
        it.lake_days(["A", "A"], [FIRST, FIRST], [1.0, 2.0])
    with pytest.raises(CryoInputError, match="snow depth -3.0 is not a depth in cm"):
        it.lake_days(["A"], [FIRST], [1.0], snow=[-3.0])
    with pytest.raises(CryoInputError, match="ALPHA must be between"):
        it.ice_thickness(days_of(season()), it.ThicknessOptions(alpha=0.0))


def write_air(path, lakes):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["lake", "date", "temperature"])
        for lake, temperatures in lakes.items():
            writer.writerows((lake, (FIRST + dt.timedelta(days=d)).isoformat(), "" if np.isnan(v) else round(v, 3))
                             for d, v in enumerate(temperatures))
    return str(path)


def read(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def test_through_processing_with_and_without_phenology(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    from test_processing_lakeice import season_table

    air = write_air(tmp_path / "air.csv", {"A": season(warm=100, n_cold=150), "B": np.full(365, 2.0)})
    out, seasons = str(tmp_path / "h.csv"), str(tmp_path / "seasons.csv")
    result = run("cryo:lakeicethickness", {"INPUT": air, "OUTPUT": out, "OUTPUT_SEASONS": seasons})
    assert (result["N_LAKES"], result["N_SEASONS"], result["N_NO_FREEZE_UP"]) == (2, 1, 1)
    assert result["ALPHA_USED"] == pytest.approx(3.5582, abs=1e-4)
    daily = read(out)
    assert len(daily) == 730 and daily[0] == {"lake": "A", "date": "2005-08-01", "h_cm": "0"}
    assert float(daily[100]["h_cm"]) == pytest.approx(it.stefan_thickness(10.0), abs=1e-4)
    a, b = read(seasons)
    assert (a["lake"], a["season"], a["freeze_up"], a["source"]) == ("A", "2005", "2005-11-09", "temperature")
    assert float(a["max_thickness_cm"]) == pytest.approx(it.stefan_thickness(1500.0), abs=1e-3)
    assert (b["lake"], b["freeze_up"], b["max_thickness_cm"], b["ice_days"]) == ("B", "", "", "")
    assert "no freeze-up" in b["note"]
    # with the phenology of cryo:lakeicephenology (lake A: FUE 2005-11-18, BUE 2006-04-18)
    phenology = str(tmp_path / "phenology.csv")
    run("cryo:lakeicephenology", {"INPUT": season_table(tmp_path / "series.csv", lakes=("A",)), "OUTPUT": phenology})
    result = run("cryo:lakeicethickness", {"INPUT": air, "PHENOLOGY": phenology, "ALPHA": 2.5, "OUTPUT": out,
                                           "OUTPUT_SEASONS": seasons})
    a, b = read(seasons)
    assert (a["freeze_up"], a["break_up"], a["source"]) == ("2005-11-18", "2006-04-18", "phenology")
    assert float(a["max_thickness_cm"]) == pytest.approx(2.5 * math.sqrt(10.0 * 141), abs=1e-3)  # to 2006-04-07
    assert result["ALPHA_USED"] == 2.5 and b["freeze_up"] == ""
    # bad inputs: refused with a clear message, nothing written
    for name in ("h2.csv", "s2.csv"):
        assert not os.path.exists(tmp_path / name)
    bad = {"OUTPUT": str(tmp_path / "h2.csv"), "OUTPUT_SEASONS": str(tmp_path / "s2.csv")}
    with pytest.raises(QgsProcessingException, match=r"INPUT has no field 'lake_id' \(its fields: lake, date, "
                                                     r"temperature\)"):
        run("cryo:lakeicethickness", dict(bad, INPUT=air, LAKE_FIELD="lake_id"))
    kelvin = write_air(tmp_path / "kelvin.csv", {"A": season() + 273.15})
    with pytest.raises(QgsProcessingException, match="these look like Kelvin: set UNITS=kelvin"):
        run("cryo:lakeicethickness", dict(bad, INPUT=kelvin))
    assert not [n for n in os.listdir(tmp_path) if n.startswith(("h2", "s2", ".h2", ".s2"))]
    run("cryo:lakeicethickness", dict(bad, INPUT=kelvin, UNITS="kelvin"))
    assert read(tmp_path / "s2.csv")[0]["freeze_up"] == "2005-08-31"


def test_help_cites_the_method_and_every_parameter_has_help(qgis_app):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("cryo:lakeicethickness")
    text = alg.shortHelpString()
    for needed in ("Leppäranta 1993", "Ashton 1989", "3.558", "2.24", "917", "333.4", "Maykut", "Bilello",
                   "FREEZE_RUN", "THAW_RUN"):
        assert needed in text
    assert all(p.help() for p in alg.parameterDefinitions())


# -- TEMPERATURE_STACK + LAKES --------------------------------------------------------------------------------
UTM = 32645  # the stack's CRS; the lakes are drawn in EPSG:4326
X0, Y0, CELL = 600000.0, 3500000.0, 1000.0


def cell_series():
    """The series of the stack's cells (°C, multiples of 0.25, so that lake means are exact): P (columns 0-2 of rows
    0-1), Q (column 3 of rows 0-1), R (row 3, column 5); every other cell +20 °C, far from any lake."""
    p = season(warm=100, n_cold=150)
    q = season(warm=60, n_cold=110, cold=-6.25)
    r = season(warm=45, n_cold=120, cold=-4.5)
    values = np.full((365, 4, 6), 20.0)
    values[:, 0:2, 0:3] = p[:, None, None]
    values[:, 0:2, 3] = q[:, None]
    values[:, 3, 5] = r
    return values, p, q, r


def write_temperature_stack(path, values, kind=None, nodata=-9999.0, scale=None):
    from osgeo import gdal, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(UTM)
    days, rows, cols = values.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, days, kind or gdal.GDT_Float32)
    ds.SetGeoTransform((X0, CELL, 0, Y0, 0, -CELL))
    ds.SetProjection(srs.ExportToWkt())
    for d in range(days):
        band = ds.GetRasterBand(d + 1)
        band.SetDescription((FIRST + dt.timedelta(days=d)).isoformat())
        band.SetNoDataValue(nodata)
        if scale is not None:
            band.SetScale(scale)
        band.WriteArray(values[d])
    ds = None
    return str(path)


def write_lakes(path):
    """Lakes in EPSG:4326 over the UTM stack (corners 100 m inside the cells they cover, reprojected): A over the
    2 x 2 P cells of columns 0-1, B over columns 2-3 of rows 0-1 (two P and two Q cells: mean (P + Q) / 2) and C,
    a 300 m pond inside the R cell (no cell centre: the cell under its centroid)."""
    from osgeo import ogr, osr

    utm, lonlat = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(UTM)
    lonlat.ImportFromEPSG(4326)
    lonlat.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_lonlat = osr.CoordinateTransformation(utm, lonlat)
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = vector.CreateLayer("lakes", lonlat, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, (x0, x1, y0, y1) in (("A", (0.1, 1.9, 0.1, 1.9)), ("B", (2.1, 3.9, 0.1, 1.9)),
                                   ("C", (5.1, 5.4, 3.1, 3.4))):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
            ring.AddPoint_2D(X0 + x * CELL, Y0 - y * CELL)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        polygon.Transform(to_lonlat)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(polygon)
        feature.SetField("name", name)
        layer.CreateFeature(feature)
    vector = None
    return str(path)


def stack_inputs(tmp_path):
    """The stack (with nodata cells in lake A: one of its four cells on day 20, three on day 21, so that day 21 is
    missing: under half of A's cells), the lakes, and the equivalent table of daily lake temperatures."""
    values, p, q, r = cell_series()
    stored = values.copy()
    stored[20, 0, 0] = -9999.0
    stored[21, 0:2, 0] = -9999.0
    stored[21, 1, 1] = -9999.0
    a = p.copy()
    a[21] = np.nan
    table = write_air(tmp_path / "lake_air.csv", {"A": a, "B": (p + q) / 2, "C": r})
    return write_temperature_stack(tmp_path / "t2m.tif", stored), write_lakes(tmp_path / "lakes.gpkg"), table


def test_lake_temperatures_from_a_stack_by_hand(tmp_path):
    from cryo_qgis_plugin.core.io.rasterize import Polygons
    from cryo_qgis_plugin.core.io.stack import open_stack
    from cryo_qgis_plugin.core.lakeice import zonal_temperature
    from osgeo import ogr

    stack_path, lakes_path, _ = stack_inputs(tmp_path)
    source = ogr.Open(lakes_path)
    layer = source.GetLayer()
    features = list(layer)
    polygons = Polygons([f.GetGeometryRef().ExportToWkb() for f in features], layer.GetSpatialRef().ExportToWkt())
    messages = []
    _, p, q, r = cell_series()
    with open_stack(stack_path) as stack:
        series = zonal_temperature(stack, polygons, [f.GetField("name") for f in features],
                                   run=Run(log=keep(messages), budget_bytes=4096))  # several blocks of dates
    assert series.lakes == ["A", "B", "C"] and series.first == FIRST
    a, b, c = series.values
    assert a[20] == p[20] and np.isnan(a[21]) and (np.delete(a, 21) == np.delete(p, 21)).all()
    assert (b == (p + q) / 2).all() and (c == r).all()
    assert any("1 lake(s) cover no cell centre of TEMPERATURE_STACK and take the cell under their centroid: C" in m
               for m in messages)


def test_stack_and_lakes_give_the_seasons_and_thickness_of_the_equivalent_table(qgis_app, tmp_path):
    stack, lakes, table = stack_inputs(tmp_path)
    from_table = [str(tmp_path / n) for n in ("h_table.csv", "s_table.csv")]
    from_stack = [str(tmp_path / n) for n in ("h_stack.csv", "s_stack.csv")]
    expected = run("cryo:lakeicethickness", {"INPUT": table, "OUTPUT": from_table[0], "OUTPUT_SEASONS": from_table[1]})
    result = run("cryo:lakeicethickness", {"TEMPERATURE_STACK": stack, "LAKES": lakes, "LAKE_FIELD": "name",
                                           "OUTPUT": from_stack[0], "OUTPUT_SEASONS": from_stack[1]})
    assert result["N_LAKES"] == expected["N_LAKES"] == 3 and result["N_SEASONS"] == 3
    assert read(from_stack[0]) == read(from_table[0]) and read(from_stack[1]) == read(from_table[1])
    a, b, c = read(from_stack[1])
    assert (a["lake"], a["freeze_up"], b["lake"], c["lake"], c["freeze_up"]) == (
        "A", "2005-11-09", "B", "C", "2005-09-15")
    assert float(c["max_thickness_cm"]) == pytest.approx(it.stefan_thickness(4.5 * 120), abs=1e-3)


def test_kelvin_and_packed_stacks(qgis_app, tmp_path):
    from osgeo import gdal
    from qgis.core import QgsProcessingException

    values, _, _, _ = cell_series()
    lakes = write_lakes(tmp_path / "lakes.gpkg")
    table = write_air(tmp_path / "air.csv", {"A": values[:, 0, 0], "B": (values[:, 0, 2] + values[:, 0, 3]) / 2,
                                             "C": values[:, 3, 5]})
    expected = str(tmp_path / "s_table.csv")
    run("cryo:lakeicethickness", {"INPUT": table, "OUTPUT": str(tmp_path / "h_table.csv"), "OUTPUT_SEASONS": expected})
    kelvin = write_temperature_stack(tmp_path / "kelvin.tif", values + 273.15)
    packed = write_temperature_stack(tmp_path / "packed.tif", values * 4, gdal.GDT_Int16, -32768, scale=0.25)
    common = {"LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": str(tmp_path / "h.csv")}
    with pytest.raises(QgsProcessingException, match="TEMPERATURE_STACK: temperatures up to 278.1 °C after "
                                                     "UNITS=celsius.*these look like Kelvin: set UNITS=kelvin"):
        run("cryo:lakeicethickness", dict(common, TEMPERATURE_STACK=kelvin, OUTPUT_SEASONS=str(tmp_path / "s.csv")))
    assert not os.path.exists(tmp_path / "s.csv")
    run("cryo:lakeicethickness", dict(common, TEMPERATURE_STACK=kelvin, UNITS="kelvin",
                                      OUTPUT_SEASONS=str(tmp_path / "s_kelvin.csv")))
    for got, want in zip(read(tmp_path / "s_kelvin.csv"), read(expected)):  # float32 K: equal to 1e-5 °C
        assert [got[k] for k in ("lake", "freeze_up", "break_up", "date_max", "ice_days")] == \
            [want[k] for k in ("lake", "freeze_up", "break_up", "date_max", "ice_days")]
        assert float(got["max_thickness_cm"]) == pytest.approx(float(want["max_thickness_cm"]), abs=1e-3)
    # int16 quarter degrees with the file's scale 0.25 (SCALE empty), then with SCALE given: exactly the table
    for extra in ({}, {"SCALE": 0.25, "OFFSET": 0}):
        run("cryo:lakeicethickness", dict(common, TEMPERATURE_STACK=packed, OUTPUT_SEASONS=str(tmp_path / "s_p.csv"),
                                          **extra))
        assert read(tmp_path / "s_p.csv") == read(expected)


@pytest.mark.parametrize("given, message", [
    ({"INPUT": "table", "TEMPERATURE_STACK": "stack", "LAKES": "lakes"},
     "Both INPUT and TEMPERATURE_STACK are given. Give the daily temperatures once"),
    ({}, "No temperatures are given. Give a table of daily air temperature per lake"),
    ({"TEMPERATURE_STACK": "stack"}, "TEMPERATURE_STACK needs LAKES. Give the lake polygons"),
    ({"INPUT": "table", "LAKES": "lakes"}, "LAKES is used only with TEMPERATURE_STACK"),
    ({"TEMPERATURE_STACK": "stack", "LAKES": "lakes", "SNOW_FIELD": "snow"},
     "SNOW_FIELD is a field of the INPUT table"),
])
def test_table_or_stack_exactly_one(qgis_app, tmp_path, given, message):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException

    stack, lakes, table = stack_inputs(tmp_path)
    paths = {"table": table, "stack": stack, "lakes": lakes}
    parameters = {k: paths.get(v, v) for k, v in given.items()}
    parameters.update(OUTPUT=str(tmp_path / "h.csv"), OUTPUT_SEASONS=str(tmp_path / "s.csv"), LAKE_FIELD="name")
    with pytest.raises(QgsProcessingException, match=message):
        run("cryo:lakeicethickness", parameters)
    alg = QgsApplication.processingRegistry().createAlgorithmById("cryo:lakeicethickness")
    ok, text = alg.checkParameterValues(parameters, QgsProcessingContext())
    assert not ok and text.startswith(message) and text.endswith(".")
    assert not os.path.exists(tmp_path / "h.csv") and not os.path.exists(tmp_path / "s.csv")


def test_a_stack_that_is_not_daily_is_refused(tmp_path):
    from osgeo import gdal, ogr

    from cryo_qgis_plugin.core.io.rasterize import Polygons
    from cryo_qgis_plugin.core.io.stack import open_stack
    from cryo_qgis_plugin.core.lakeice import zonal_temperature

    path = write_temperature_stack(tmp_path / "monthly.tif", np.zeros((3, 4, 6)))
    ds = gdal.Open(path, gdal.GA_Update)
    for k, day in enumerate(("2005-08-01", "2005-09-01", "2005-10-01")):  # monthly means
        ds.GetRasterBand(k + 1).SetDescription(day)
    ds = None
    square = ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        X0, Y0 - 2000, X0 + 2000, Y0))
    with open_stack(path) as stack:
        with pytest.raises(CryoInputError, match=r"TEMPERATURE_STACK holds one grid every 30.5 days \(median spacing "
                                                 r"of its 3 dates\): the ice model needs daily mean temperatures"):
            zonal_temperature(stack, Polygons([square.ExportToWkb()], stack.grid.crs_wkt), ["A"])


def era5_land_like(path, celsius, west, north, step):
    """A netCDF like an ERA5-Land download: t2m and d2m (time, latitude, longitude) int16 in K packed with
    scale_factor 0.001 and add_offset 273.15, time in hours since 1900-01-01 (12:00 each day), lon/lat coordinate
    variables and no CRS (GDAL reads no projection from it)."""
    from osgeo import gdal

    days, rows, cols = celsius.shape
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(path))
    root = ds.GetRootGroup()
    dims = [root.CreateDimension(n, None, None, s) for n, s in (("time", days), ("latitude", rows),
                                                                ("longitude", cols))]
    text = gdal.ExtendedDataType.CreateString()
    hours = ((FIRST - dt.date(1900, 1, 1)).days + np.arange(days)) * 24 + 12
    for dim, values, units, axis in ((dims[0], hours, "hours since 1900-01-01 00:00:00.0", "T"),
                                     (dims[1], north - step * (0.5 + np.arange(rows)), "degrees_north", "Y"),
                                     (dims[2], west + step * (0.5 + np.arange(cols)), "degrees_east", "X")):
        coordinate = root.CreateMDArray(dim.GetName(), [dim], gdal.ExtendedDataType.Create(gdal.GDT_Float64))
        coordinate.Write(np.asarray(values, np.float64))
        coordinate.CreateAttribute("units", [], text).Write(units)
        coordinate.CreateAttribute("axis", [], text).Write(axis)
    for name in ("t2m", "d2m"):
        array = root.CreateMDArray(name, dims, gdal.ExtendedDataType.Create(gdal.GDT_Int16))
        array.SetNoDataValueDouble(-32767)
        array.SetScale(0.001)
        array.SetOffset(273.15)
        array.Write(np.round(celsius / 0.001).astype(np.int16))
    ds = None
    return str(path)


def test_an_era5_land_like_netcdf_with_packed_kelvin(qgis_app, tmp_path):
    from osgeo import ogr, osr
    from qgis.core import QgsProcessingException

    values = np.full((365, 3, 4), 20.0)
    p, q = season(warm=100, n_cold=150, cold=-9.5), season(warm=70, n_cold=130, cold=-12.25)
    values[:, 0, 0:2] = p[:, None]
    values[:, 1:3, 3] = q[:, None]
    stack = era5_land_like(tmp_path / "era5_land_t2m.nc", values, 90.0, 31.0, 0.1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lakes = str(tmp_path / "lakes.gpkg")
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(lakes)
    layer = vector.CreateLayer("lakes", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, (x0, x1, y0, y1) in (("A", (90.01, 90.19, 30.91, 30.99)), ("B", (90.32, 90.34, 30.72, 30.74))):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON(({0} {2},{1} {2},{1} {3},{0} {3},{0} {2}))".format(
            x0, x1, y0, y1)))
        feature.SetField("name", name)
        layer.CreateFeature(feature)
    vector = None
    expected = str(tmp_path / "s_table.csv")
    run("cryo:lakeicethickness", {"INPUT": write_air(tmp_path / "air.csv", {"A": p, "B": q}),
                                  "OUTPUT": str(tmp_path / "h_table.csv"), "OUTPUT_SEASONS": expected})
    given = {"TEMPERATURE_STACK": stack, "LAKES": lakes, "LAKE_FIELD": "name", "UNITS": "kelvin",
             "OUTPUT": str(tmp_path / "h.csv"), "OUTPUT_SEASONS": str(tmp_path / "s.csv")}
    with pytest.raises(QgsProcessingException, match="DATASET"):  # two variables: name one
        run("cryo:lakeicethickness", given)
    with pytest.raises(QgsProcessingException, match="EXTENT and CRS"):  # no CRS in the file: place it
        run("cryo:lakeicethickness", dict(given, DATASET="t2m"))
    run("cryo:lakeicethickness", dict(given, DATASET="t2m", EXTENT="90,90.4,30.7,31 [EPSG:4326]", CRS="EPSG:4326"))
    for got, want in zip(read(tmp_path / "s.csv"), read(expected)):  # scale 0.001 K: within 0.0005 °C
        assert [got[k] for k in ("lake", "freeze_up", "break_up", "date_max", "ice_days")] == \
            [want[k] for k in ("lake", "freeze_up", "break_up", "date_max", "ice_days")]
        assert float(got["max_thickness_cm"]) == pytest.approx(float(want["max_thickness_cm"]), abs=1e-2)
