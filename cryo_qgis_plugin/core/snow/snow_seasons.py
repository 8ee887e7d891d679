"""Per-cell snow season indicators from the daily classes of one season (after cloud removal).

A season starts on ``year_start`` (MM-DD, default 08-01: the hydrological year of the snow season) and is named by
the calendar year it starts in; day 1 is its first day. As for the freeze/thaw indicators
(:mod:`..freezethaw.seasons`), only seasons the stack covers completely get indicators, and a day that is not snow
(no snow, cloud left, water, nodata, or a date absent from the stack) breaks a run:

* ``snow_cover_duration``: the length in days of the longest run of consecutive snow days (0 without snow);
* ``snow_onset``, ``snow_end``: the first and the last day of that run (of the earliest one when several are
  equally long; nodata without snow);
* ``snow_days``: the number of snow days in the season.

A cell without a single clear day (snow or no snow) in the season (water, outside the swath) is nodata in every
band.
"""
from __future__ import annotations

import numpy as np

from ..codes import SNOW
from ..style import pseudocolor_qml

INDICATORS = ("snow_cover_duration", "snow_onset", "snow_end", "snow_days")
INDICATOR_NODATA = -32768
# Duration in days (first band): light (short) to dark blue (long), a sequential ramp readable without hue.
DURATION_STYLE = pseudocolor_qml([(0, "#f7fbff", "0 days"), (60, "#c6dbef", "60"), (120, "#6baed6", "120"),
                                  (180, "#2171b5", "180"), (270, "#08306b", "270 days")])


def season_indicators(states: np.ndarray) -> np.ndarray:
    """int16 ``(len(INDICATORS),) + states.shape[1:]`` of one season's ``states`` (consecutive days on axis 0,
    day 0 = the season's first day); days are numbered from 1. One step per day over arrays of one day's cells."""
    shape = states.shape[1:]
    run = np.zeros(shape, np.int16)  # snow days in a row up to the current day
    longest = np.zeros(shape, np.int16)
    end = np.zeros(shape, np.int16)  # the day (0-based) the first longest run ended
    days = np.zeros(shape, np.int16)
    observed = np.zeros(shape, bool)
    snow = np.empty(shape, bool)
    longer = np.empty(shape, bool)
    for day in range(states.shape[0]):
        np.equal(states[day], SNOW, out=snow)
        np.add(run, 1, out=run)
        np.multiply(run, snow, out=run)
        np.add(days, snow, out=days)
        np.greater(run, longest, out=longer)
        np.copyto(longest, run, where=longer)
        np.copyto(end, day, where=longer)
        np.logical_or(observed, states[day] <= SNOW, out=observed)
    out = np.full((len(INDICATORS),) + shape, INDICATOR_NODATA, np.int16)
    has_snow = longest > 0
    out[0] = longest
    np.copyto(out[1], end - longest + 2, where=has_snow)
    np.copyto(out[2], end + 1, where=has_snow)
    out[3] = days
    out[:, ~observed] = INDICATOR_NODATA
    return out
