"""Daily soil freeze/thaw products: decoding to GeoTIFF with class areas (:mod:`.decoding`), and per-pixel
season indicators (:mod:`.seasons`).

Codes (:data:`~.codes.FREEZE_THAW`): 0 water body or missing, 1 frozen, 2 thawed, 3 precipitation,
15 perennial snow/ice. Any other value is *unknown*: kept unchanged in the decoded stack, counted in the
area table and in the log, and treated as a missing day by the indicators.

Season indicators follow the definitions used with the freeze/thaw Earth System Data Records (Kim et al.
2011, IEEE TGRS 49(3); Kim et al. 2017, ESSD 9) and the AMSR-E/AMSR2 freeze/thaw product papers: within a
season year starting on ``year_start`` (named by the calendar year it starts in; day 1 = its first day),

* ``freeze_onset``: first day d such that d ... d+min_run-1 are all frozen (code 1);
* ``thaw_onset``: first day d > freeze_onset such that d ... d+min_run-1 are all thawed (code 2, and 3
  when precipitation counts as thawed);
* ``freeze_end``: last frozen day before thaw_onset; ``frozen_season_length`` = thaw_onset - freeze_onset;
* ``frozen_days``, ``thawed_days``, ``valid_days`` (codes 1, 2, 3) in the season.

A missing day (code 0, 15, an unknown code, or a date absent from the stack) breaks runs and counts
nowhere. An onset that does not occur is nodata, and so is every indicator of a pixel with no valid day
(water, ice sheet). Seasons the stack covers only in part are left out.
"""
from .decoding import DECODED_TILE, OUTPUT_NODATA, AREA_COLUMNS, DecodeResult, class_areas, decode, period_positions
from .seasons import INDICATOR_NODATA, INDICATORS, IndicatorResult, SeasonState, indicators, season_indicators

__all__ = ["AREA_COLUMNS", "DECODED_TILE", "DecodeResult", "INDICATORS", "INDICATOR_NODATA", "IndicatorResult",
           "OUTPUT_NODATA", "SeasonState", "class_areas", "decode", "indicators", "period_positions",
           "season_indicators"]
