"""Freeze/thaw core: indicators on hand-made sequences, streaming over stacks, class areas on known grids.

Expected values are worked out by hand from the definitions in the issue (day 1 = first season day).
"""
import csv
import datetime as dt
import math
import os

import h5py
import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.dates import complete_seasons
from cryo_qgis_plugin.core.freezethaw import INDICATOR_NODATA as ND, INDICATORS, decode, indicators, season_indicators
from cryo_qgis_plugin.core.io.grid import Georeference
from cryo_qgis_plugin.core.io.stack import open_stack
from conftest import keep
from cryo_qgis_plugin.core.run import Run

SYMBOL = {".": 0, "F": 1, "T": 2, "P": 3, "I": 15, "X": 7}


def indicators_of(sequence, min_run=5, precipitation_as_thawed=True):
    codes = np.array([[SYMBOL[ch]] for ch in sequence.replace(" ", "")], np.uint8)
    values = season_indicators(codes, min_run, precipitation_as_thawed)[:, 0]
    return dict(zip(INDICATORS, values.tolist()))


def expect(freeze_onset=ND, thaw_onset=ND, freeze_end=ND, length=ND, frozen=ND, thawed=ND, valid=ND):
    return dict(zip(INDICATORS, (freeze_onset, thaw_onset, freeze_end, length, frozen, thawed, valid)))


def test_simple_season():
    # 10 thawed, 20 frozen, 10 thawed: frozen from day 11, thawed again from day 31.
    assert indicators_of("T" * 10 + "F" * 20 + "T" * 10) == expect(11, 31, 30, 20, 20, 20, 40)


def test_missing_day_breaks_the_freeze_run():
    # FFFF . FFFFF: the first run has 4 days only, so freeze onset is day 6; the missing day counts nowhere.
    assert indicators_of("FFFF.FFFFF TTTTT") == expect(6, 11, 10, 5, 9, 5, 14)


def test_unknown_code_and_ice_break_runs_and_count_nowhere():
    assert indicators_of("FFFXFFFFF TTTTT", min_run=4) == expect(5, 10, 9, 5, 8, 5, 13)
    assert indicators_of("FFFIFFFFF TTTTT", min_run=4) == expect(5, 10, 9, 5, 8, 5, 13)


def test_precipitation_as_thawed_or_missing():
    seq = "FFFFF TTPTTTTT"
    # PRECIPITATION=thawed: the thawed run starts on day 6 and code 3 counts as thawed.
    assert indicators_of(seq) == expect(1, 6, 5, 5, 5, 8, 13)
    # PRECIPITATION=missing: the rain day (day 8) breaks the run, which restarts on day 9; it is still valid.
    assert indicators_of(seq, precipitation_as_thawed=False) == expect(1, 9, 5, 8, 5, 7, 13)


def test_onsets_at_the_season_edges():
    # Frozen from day 1, thawed for the last 5 days (days 16..20).
    assert indicators_of("F" * 15 + "T" * 5) == expect(1, 16, 15, 15, 15, 5, 20)
    # The final thawed run is one day short of MIN_RUN: no thaw onset, so no freeze end either.
    assert indicators_of("F" * 16 + "T" * 4) == expect(1, ND, ND, ND, 16, 4, 20)


def test_never_freezing_and_always_frozen():
    assert indicators_of("T" * 30) == expect(frozen=0, thawed=30, valid=30)
    assert indicators_of("F" * 30) == expect(freeze_onset=1, frozen=30, thawed=0, valid=30)
    # Short frozen spells never make a freeze onset.
    assert indicators_of("FFFFT" * 6) == expect(frozen=24, thawed=6, valid=30)


def test_water_and_ice_sheet_pixels_are_nodata():
    assert indicators_of("." * 30) == expect()
    assert indicators_of("I" * 30) == expect()
    assert indicators_of(".I" * 15) == expect()


def test_thaw_before_freeze_is_not_a_thaw_onset_and_freeze_end_is_last_frozen_day():
    assert indicators_of("TTTTT FFFFF TTTTT") == expect(6, 11, 10, 5, 5, 10, 15)
    # A single thawed day inside winter is not an onset; the last frozen day before thaw onset is day 7.
    assert indicators_of("FFFFF T F TTTTT") == expect(1, 8, 7, 7, 6, 6, 12)


def test_pixels_are_independent():
    columns = ["T" * 10 + "F" * 20 + "T" * 10, "." * 40, "F" * 40, "FFFF." * 8]
    codes = np.array([[SYMBOL[c] for c in col] for col in columns], np.uint8).T
    result = season_indicators(codes, 5)
    for i, col in enumerate(columns):
        assert dict(zip(INDICATORS, result[:, i].tolist())) == indicators_of(col)


def test_negative_codes_of_a_signed_stack_are_unknown_days():
    """An int16 stack's −1 fill: not a code of the table, so a missing day counted as unknown, as code 300 is."""
    from cryo_qgis_plugin.core.freezethaw import SeasonState

    column = [SYMBOL[c] for c in "FFFFF" + "T" * 8]
    for fill in (-1, -32768, 300):
        codes = np.array([column, column[:5] + [fill] * 3 + column[8:]], np.int16).T
        state = SeasonState(2, 5)
        for day in range(codes.shape[0]):
            state.add_day(day, codes[day])
        assert state.unknown_days.tolist() == [0, 3], fill
        assert state.counts[2].tolist() == [13, 10], fill  # valid days


def test_complete_seasons():
    dates = [dt.date(2004, 7, 15) + dt.timedelta(days=i) for i in range(800)]  # .. 2006-09-22
    assert complete_seasons(dates, (8, 1)) == ([2004, 2005], [2003, 2006])
    assert complete_seasons(dates[17:17 + 365], (8, 1)) == ([2004], [])  # exactly 2004-08-01 .. 2005-07-31


# ------------------------------------------------------------------------------------- stack level

def write_daily_h5(folder, codes_by_date):
    os.makedirs(folder, exist_ok=True)
    for day, grid in codes_by_date.items():
        with h5py.File(os.path.join(folder, "AMSR_{:%Y%m%d}_FT_25.h5".format(day)), "w") as h5:
            h5.create_dataset("ft", data=grid, compression="gzip")


def season_folder(folder, shape=(6, 8), skip=()):
    """Season 2005 (2005-08-01 .. 2006-07-31) plus 10 days either side, on a small grid.

    Pixel (r, c) freezes on season day 10 + r + c and thaws on day 200 + 2 r; row 0 is water.
    """
    start = dt.date(2005, 8, 1)
    days = {}
    rows, cols = np.indices(shape)
    for d in range(-10, 375):
        day = start + dt.timedelta(days=d)
        if day in skip:
            continue
        season_day = d + 1
        frozen = (season_day >= 10 + rows + cols) & (season_day < 200 + 2 * rows)
        grid = np.where(frozen, 1, 2).astype(np.uint8)
        grid[0] = 0
        days[day] = grid
    write_daily_h5(folder, days)
    return Georeference((0, 30, shape[1], 30 + shape[0]), "EPSG:4326")


def read_bands(path):
    ds = gdal.Open(path)
    names = [ds.GetRasterBand(b).GetDescription() for b in range(1, ds.RasterCount + 1)]
    return dict(zip(names, ds.ReadAsArray().reshape(ds.RasterCount, ds.RasterYSize, ds.RasterXSize)))


def test_indicators_over_a_stack_streamed_in_small_blocks(tmp_path):
    georef = season_folder(str(tmp_path / "ft"))
    notes = []
    with open_stack(str(tmp_path / "ft"), georef=georef) as stack:
        result = indicators(stack, str(tmp_path / "ind.tif"), run=Run(log=keep(notes), budget_bytes=1))
    assert result.years == [2005] and result.skipped_years == [2004, 2006]
    assert any("2004, 2006" in n for n in notes)
    bands = read_bands(str(tmp_path / "ind.tif"))
    assert list(bands) == ["{}_2005".format(name) for name in INDICATORS]
    rows, cols = np.indices((6, 8))
    onset, thaw = 10 + rows + cols, 200 + 2 * rows
    land = rows > 0
    np.testing.assert_array_equal(bands["freeze_onset_2005"][land], onset[land])
    np.testing.assert_array_equal(bands["thaw_onset_2005"][land], thaw[land])
    np.testing.assert_array_equal(bands["freeze_end_2005"][land], thaw[land] - 1)
    np.testing.assert_array_equal(bands["frozen_season_length_2005"][land], (thaw - onset)[land])
    np.testing.assert_array_equal(bands["frozen_days_2005"][land], (thaw - onset)[land])
    np.testing.assert_array_equal(bands["valid_days_2005"][land], 365)
    assert (bands["freeze_onset_2005"][0] == ND).all() and (bands["valid_days_2005"][0] == ND).all()
    assert gdal.Open(str(tmp_path / "ind.tif")).GetRasterBand(1).GetNoDataValue() == ND


def test_absent_dates_are_missing_days(tmp_path):
    # Without 2005-08-12 (season day 12) the pixels whose frozen run would start on days 8..12 need day 13.
    georef = season_folder(str(tmp_path / "ft"), skip={dt.date(2005, 8, 12)})
    notes = []
    with open_stack(str(tmp_path / "ft"), georef=georef) as stack:
        indicators(stack, str(tmp_path / "ind.tif"), run=Run(log=keep(notes)))
    assert any("1 date(s) absent" in n for n in notes)
    bands = read_bands(str(tmp_path / "ind.tif"))
    rows, cols = np.indices((6, 8))
    onset = 10 + rows + cols
    expected = np.where((onset >= 8) & (onset <= 12), 13, onset)
    np.testing.assert_array_equal(bands["freeze_onset_2005"][1:], expected[1:])
    np.testing.assert_array_equal(bands["valid_days_2005"][1:], 364)


def test_stack_shorter_than_a_season_is_refused(tmp_path):
    write_daily_h5(str(tmp_path / "ft"), {dt.date(2005, 8, 1) + dt.timedelta(days=d): np.ones((2, 2), np.uint8)
                                          for d in range(100)})
    with open_stack(str(tmp_path / "ft"), georef=Georeference((0, 0, 2, 2))) as stack:
        with pytest.raises(CryoInputError, match="does not hold one complete season starting 08-01"):
            indicators(stack, str(tmp_path / "ind.tif"))
    assert not os.path.exists(str(tmp_path / "ind.tif"))


def test_decode_areas_on_a_sphere_and_unknown_codes(tmp_path):
    """Frozen band 0..30°N on a sphere of radius R: its area is 2πR²(sin 30° - sin 0°) = πR²."""
    path = str(tmp_path / "cube.h5")
    codes = np.zeros((2, 180, 360), np.uint8)  # 1° cells, row 0 at 90°N
    codes[:, 60:90] = 1           # 30°N .. 0°
    codes[0, 90:120] = 2          # 0° .. 30°S, first day
    codes[1, 90:120] = 3          # second day: precipitation
    codes[1, 0, :10] = 9          # unknown code on day 2
    with h5py.File(path, "w") as h5:
        h5.create_dataset("ft", data=codes)
    radius_km = 6371.0
    sphere = Georeference((-180, -90, 180, 90), "+proj=longlat +R=6371000 +no_defs")
    notes = []
    with open_stack(path, start_date=dt.date(2007, 1, 1), georef=sphere) as stack:
        result = decode(stack, str(tmp_path / "ft.tif"), str(tmp_path / "areas.csv"), run=Run(log=keep(notes)))
    band_area = math.pi * radius_km ** 2
    assert result.areas_km2[0, 1] == pytest.approx(band_area, rel=1e-9)
    assert result.areas_km2[0, 2] == pytest.approx(band_area, rel=1e-9)
    assert result.areas_km2[1, 3] == pytest.approx(band_area, rel=1e-9)
    polar_cell = radius_km ** 2 * math.radians(1) * (1 - math.sin(math.radians(89)))
    assert result.areas_km2[1, 5] == pytest.approx(10 * polar_cell, rel=1e-9)
    assert result.areas_km2.sum(axis=1) == pytest.approx([4 * math.pi * radius_km ** 2] * 2, rel=1e-12)
    assert result.unknown_values == {9: 10} and any("9: 10 pixel-days" in n for n in notes)
    with open(str(tmp_path / "areas.csv")) as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["date", "water_or_missing_km2", "frozen_km2", "thawed_km2", "precipitation_km2",
                             "perennial_snow_ice_km2", "unknown_km2", "frozen_fraction"]
    assert rows[1]["date"] == "2007-01-02" and float(rows[0]["frozen_fraction"]) == pytest.approx(0.5)
    decoded = gdal.Open(str(tmp_path / "ft.tif"))
    assert decoded.GetRasterBand(2).GetDescription() == "2007-01-02"
    np.testing.assert_array_equal(decoded.ReadAsArray(), np.where(codes == 9, 255, codes))  # unknown: nodata


def test_decode_with_mask_and_period(tmp_path):
    path = str(tmp_path / "cube.h5")
    with h5py.File(path, "w") as h5:
        h5.create_dataset("ft", data=np.ones((5, 180, 360), np.uint8))
    sphere = Georeference((-180, -90, 180, 90), "+proj=longlat +R=6371000 +no_defs")
    mask = np.zeros((180, 360), bool)
    mask[:90] = True  # northern hemisphere
    with open_stack(path, start_date=dt.date(2007, 1, 1), georef=sphere) as stack:
        result = decode(stack, None, None, period=(dt.date(2007, 1, 2), dt.date(2007, 1, 3)), mask=mask)
        with pytest.raises(CryoInputError, match="falls in the period"):
            decode(stack, None, None, period=(dt.date(2008, 1, 1), None))
    assert result.dates == [dt.date(2007, 1, 2), dt.date(2007, 1, 3)]
    assert result.areas_km2[:, 1] == pytest.approx([2 * math.pi * 6371.0 ** 2] * 2, rel=1e-12)
