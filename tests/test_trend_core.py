"""Sen slope, Mann-Kendall and OLS against values worked out by hand."""
import numpy as np
import pytest

from cryo_qgis_plugin.core.stats.trend import TREND_NODATA, trend_statistics

YEARS = [2000, 2001, 2002, 2003, 2004]


def test_hand_computed_series():
    nan = np.nan
    values = np.array([
        [1, 1, nan, 4],
        [2, 2, nan, 3],
        [3, 2, nan, 2],
        [4, 3, 5, 1],
        [5, nan, 1, 0],
    ], float)
    out = trend_statistics(values, YEARS, min_years=4)
    # Column 0, 1..5: S = 10, Var = 5*4*15/18 = 16.667, Z = 9/4.0825 = 2.2045, p = 0.02749; slopes all 1.
    assert out["sen_slope"][0] == pytest.approx(1.0)
    assert out["mk_p"][0] == pytest.approx(0.027486, abs=1e-6)
    # Column 1, 1,2,2,3 in 2000-2003 (2004 missing): S = 5, ties {2,2}: Var = (4*3*13 - 2*1*9)/18 = 7.667,
    # Z = 4/2.7689 = 1.4446, p = 0.14856; pair slopes 1, 0.5, 0.667, 0, 0.5, 1 -> median 0.5833;
    # OLS: sum((t - 1.5)(x - 2)) / sum((t - 1.5)^2) = 3 / 5.
    assert out["sen_slope"][1] == pytest.approx(0.583333, abs=1e-6)
    assert out["mk_p"][1] == pytest.approx(0.148562, abs=1e-6)
    assert out["ols_slope"][1] == pytest.approx(0.6)
    assert out["n"][1] == 4
    # Column 2: only two years -> fewer than MIN_YEARS: nodata everywhere.
    assert [out[k][2] for k in ("sen_slope", "mk_p", "ols_slope", "n")] == [TREND_NODATA] * 4
    # Column 3, strictly decreasing 4..0: S = -10, p as column 0, slope -1.
    assert out["sen_slope"][3] == pytest.approx(-1.0) and out["mk_p"][3] == pytest.approx(0.027486, abs=1e-6)


def test_sen_slope_uses_year_spacing():
    # Years 2000, 2002, 2008 with values 0, 4, 4: pair slopes 2, 0.5, 0 -> median 0.5.
    out = trend_statistics(np.array([[0.0], [4.0], [4.0]]), [2000, 2002, 2008], min_years=3)
    assert out["sen_slope"][0] == pytest.approx(0.5)
