"""Lake-ice phenology on hand-made series: the dates are worked out from the definitions by hand."""
import datetime as dt

import numpy as np
import pytest

from cryo_qgis_plugin.core import lakeice
from cryo_qgis_plugin.core.errors import CryoInputError
from conftest import keep
from cryo_qgis_plugin.core.run import Run

AUG1 = dt.date(2005, 8, 1)


def day(n, start=AUG1):
    return start + dt.timedelta(days=n)


def season_series(up=100, down=250, days=365, top=100.0):
    """0 % until day ``up``, +10 %/day to ``top``, flat, then −10 %/day from day ``down``.

    By hand (LOW 10, HIGH 90): ≥ 10 first on day up+1, ≥ 90 on day up+9, < 90 on day down+2, < 10 on down+10.
    """
    d = np.arange(days, dtype=float)
    rise = np.clip(10 * (d - up), 0, top)
    fall = np.clip(top - 10 * (d - down), 0, top)
    return np.minimum(rise, fall)


def one_lake(values, first=AUG1):
    return lakeice.Series(["L1"], first, np.asarray(values, dtype=float)[None, :])


def test_dates_and_durations_of_a_clean_season_crossing_new_year():
    events = lakeice.phenology(one_lake(season_series()))
    assert len(events) == 1
    e = events[0]
    assert (e.fus, e.fue, e.bus, e.bue) == (day(101), day(109), day(252), day(260))
    assert e.fus == dt.date(2005, 11, 10) and e.bue == dt.date(2006, 4, 18)  # across 1 January
    assert (e.icd, e.cfd, e.fd, e.bd) == (159, 143, 8, 8) and e.main and e.season == 2005 and e.valid_days == 365


def test_noise_and_short_spikes_do_not_make_events():
    rng = np.random.default_rng(1)
    clean = season_series()
    noise = rng.uniform(0, 3, 365)
    values = np.where(clean == 100, clean - noise, np.where(clean == 0, noise, clean))  # noise on the plateaus
    values[60] = 50.0  # a one-day spike in open water (shorter than MIN_RUN)
    values[180:183] = 60.0  # a three-day dip in full ice
    e, = lakeice.phenology(one_lake(values))
    assert (e.fus, e.fue, e.bus, e.bue) == (day(101), day(109), day(252), day(260))


def test_short_gaps_are_filled_and_long_gaps_leave_dates_empty():
    values = season_series()
    values[103:106] = np.nan  # inside the linear rise: interpolation restores it exactly
    values[200:204] = np.nan
    e, = lakeice.phenology(one_lake(values))
    assert (e.fus, e.fue, e.bus, e.bue) == (day(101), day(109), day(252), day(260))
    values[95:116] = np.nan  # both freeze-up crossings fall in a 21-day gap
    messages = []
    e, = lakeice.phenology(one_lake(values), run=Run(log=keep(messages)))
    assert e.fus is None and e.fue is None and (e.bus, e.bue) == (day(252), day(260))
    assert e.icd is None and e.bd == 8
    assert "freeze-up start left empty" in messages[0] and "freeze-up end" in messages[0]


def test_partial_freeze_has_only_start_and_end():
    d = np.arange(365)
    values = np.where((d >= 120) & (d < 140), 50.0, 0.0)
    e, = lakeice.phenology(one_lake(values))
    assert (e.fus, e.fue, e.bus, e.bue) == (day(120), None, None, day(140))
    assert e.icd == 20 and e.cfd is None and e.fd is None and e.bd is None


def test_two_events_in_one_season_main_is_the_longest():
    values = np.maximum(season_series(up=60, down=75), season_series(up=110, down=250))
    # first event: FUS 61, FUE 69, BUS 77, BUE 85; second as in the clean season
    first, second = lakeice.phenology(one_lake(values))
    assert (first.fus, first.fue, first.bus, first.bue) == (day(61), day(69), day(77), day(85))
    assert (second.fus, second.bue) == (day(111), day(260))
    assert not first.main and second.main


def test_season_cut_by_the_start_and_the_end_of_the_record():
    values = season_series()
    start = 150  # the record starts in full ice
    messages = []
    e, = lakeice.phenology(one_lake(values[start:], first=day(start)), run=Run(log=keep(messages)))
    assert e.fus is None and e.fue is None and (e.bus, e.bue) == (day(252), day(260))
    assert e.valid_days == 365 - start
    e, = lakeice.phenology(one_lake(values[:200]), run=Run(log=keep(messages)))
    assert (e.fus, e.fue, e.bus, e.bue) == (day(101), day(109), None, None)
    assert "ends before the break-up start" in messages[-1]


def test_several_lakes_and_seasons_at_once():
    two_years = np.r_[season_series(), season_series(up=90, down=240)]
    series = lakeice.Series(["A", "B"], AUG1, np.vstack([two_years, two_years * 0]))
    events = lakeice.phenology(series)
    assert [(e.lake, e.season) for e in events] == [("A", 2005), ("A", 2006)]
    assert events[1].fus == dt.date(2006, 8, 1) + dt.timedelta(days=91)


def test_ice_fraction_and_smoothing():
    values = season_series() / 100.0
    e, = lakeice.phenology(one_lake(values), lakeice.PhenologyOptions(value_type="ice_fraction", smoothing=3))
    # a centred 3-day mean leaves a straight ramp unchanged except at its two ends; crossings are the same
    assert (e.fus, e.fue, e.bus, e.bue) == (day(101), day(109), day(252), day(260))


def test_brightness_temperature_two_levels():
    ice = season_series() / 100.0
    tb = 160.0 + 90.0 * ice  # open water 160 K, full ice 250 K (36.5 GHz H-pol-like levels)
    e, = lakeice.phenology(one_lake(tb), lakeice.PhenologyOptions(value_type="brightness_temperature"))
    assert (e.fus, e.fue, e.bus, e.bue) == (day(101), day(109), day(252), day(260))
    messages = []
    flat = lakeice.phenology(one_lake(np.full(365, 170.0) + np.arange(365) % 3),
                             lakeice.PhenologyOptions(value_type="brightness_temperature"), run=Run(log=keep(messages)))
    assert flat == [] and "no ice signal" in messages[0]


def test_fill_gaps_and_smooth_by_hand():
    values = np.array([[0.0, np.nan, np.nan, 6.0, np.nan, np.nan, np.nan, 1.0]])
    np.testing.assert_allclose(lakeice.fill_gaps(values, 2), [[0, 2, 4, 6, np.nan, np.nan, np.nan, 1]])
    np.testing.assert_allclose(lakeice.smooth(np.array([[3.0, 6.0, 9.0, np.nan, 3.0]]), 3),
                               [[4.5, 6.0, 7.5, np.nan, 3.0]])


def test_records_to_series_and_bad_records():
    series = lakeice.series_from_records(["b", "a", "a"], [dt.date(2005, 1, 3), dt.date(2005, 1, 1),
                                                           dt.date(2005, 1, 3)], [50, 10, 20], "ice_percent")
    assert series.lakes == ["a", "b"] and series.first == dt.date(2005, 1, 1)
    np.testing.assert_array_equal(series.values, [[10, np.nan, 20], [np.nan, np.nan, 50]])
    with pytest.raises(CryoInputError, match="Rows 1 and 3 both give lake a on 2005-01-01"):
        lakeice.series_from_records(["a", "b", "a"], [dt.date(2005, 1, 1)] * 3, [1, 2, 3], "ice_percent")
    with pytest.raises(CryoInputError, match="Row 2 .* outside 0.0..1.0"):
        lakeice.series_from_records(["a", "a"], [dt.date(2005, 1, 1), dt.date(2005, 1, 2)], [0.5, 40],
                                    "ice_fraction")
    with pytest.raises(CryoInputError, match="THRESHOLD_LOW < THRESHOLD_HIGH"):
        lakeice.phenology(one_lake(season_series()), lakeice.PhenologyOptions(low=90, high=10))
