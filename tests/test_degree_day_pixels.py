"""Each pixel's degree days depend on its own values only: a gap inside one season is summed in closed form and
one across a season's first day day by day, whichever other pixels close a gap on the same day (before, a run
inside a season was summed day by day when another pixel's run straddled seasons, which changed its float32 sums
in 44 of these 300 cases). The dask backend relies on it to give the one-process numbers whatever the tiles."""
import numpy as np

from cryo_qgis_plugin.core.permafrost.degreedays import DegreeDayState

SEASONS = ((2000, 0, 20), (2001, 20, 40))


def indices(values):
    state, out = DegreeDayState(values.shape[1], 9, list(SEASONS)), {}
    for day in range(values.shape[0]):
        for season in state.advance_to(day):
            out[season.year] = season.indices()
        today = values[day].copy()
        missing = np.isnan(today)
        today[missing] = 0
        state.add_day(day, today, missing)
    for season in state.finish(values.shape[0]):
        out[season.year] = season.indices()
    return out


def test_a_pixel_gives_the_same_indices_alone_and_next_to_a_gap_across_seasons():
    rng = np.random.default_rng(0)
    for _ in range(300):
        values = rng.normal(0, 3, (40, 2)).astype(np.float32)
        values[21:24, 0] = np.nan  # a gap inside season 2001, closing on day 24 ...
        values[16:24, 1] = np.nan  # ... and one across its first day, closing on day 24 too
        together, alone = indices(values), indices(values[:, :1])
        for year in (2000, 2001):
            for k in (0, 1):
                assert together[year][k][0] == alone[year][k][0]
