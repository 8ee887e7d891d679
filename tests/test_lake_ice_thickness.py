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
