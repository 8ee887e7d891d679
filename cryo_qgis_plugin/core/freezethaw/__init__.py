"""Daily soil freeze/thaw products: decoding to GeoTIFF with class areas (:mod:`.decoding`), and per-pixel
season indicators (:mod:`.seasons`).

Codes follow a product profile (:mod:`.products`: AMSR/TPDC, SMAP L3 FT, NSIDC-0477, or a custom table), each
class with a role (frozen, thawed, precipitation, transitional, missing). The AMSR/TPDC codes
(:data:`~.codes.FREEZE_THAW`): 0 water body or missing, 1 frozen, 2 thawed, 3 precipitation, 15 perennial
snow/ice. Any value outside the product's table is *unknown*: written as nodata (255) in the decoded stack,
counted in the area table and in the log, and treated as a missing day by the indicators.

Season indicators follow the definitions used with the freeze/thaw Earth System Data Records (Kim et al.
2011, IEEE TGRS 49(3); Kim et al. 2017, ESSD 9) and the AMSR-E/AMSR2 freeze/thaw product papers: within a
season year starting on ``year_start`` (named by the calendar year it starts in; day 1 = its first day),

* ``freeze_onset``: first day d such that d ... d+min_run-1 are all frozen (AMSR code 1);
* ``thaw_onset``: first day d > freeze_onset such that d ... d+min_run-1 are all thawed (AMSR code 2, and 3
  when precipitation counts as thawed);
* ``freeze_end``: last frozen day before thaw_onset; ``frozen_season_length`` = thaw_onset - freeze_onset;
* ``frozen_days``, ``thawed_days``, ``valid_days`` (AMSR codes 1, 2, 3; transitional days are valid) in the
  season.

A missing day (AMSR code 0, 15, an unknown code, or a date absent from the stack) breaks runs and counts
nowhere; a transitional day (NSIDC-0477 codes 2 and 3) breaks runs and is a valid day. An onset that does not
occur is nodata, and so is every indicator of a pixel with no valid day (water, ice sheet). Seasons the stack
covers only in part are left out.
"""
from .decoding import (AREA_COLUMNS, DECODED_TILE, DecodeResult, area_columns, class_areas, decode,
                       period_positions)
from .products import (OUTPUT_NODATA, PRODUCT_CHOICES, PRODUCTS, FreezeThawProduct, detect_product, product_by_name,
                       read_custom_product)
from .seasons import INDICATOR_NODATA, INDICATORS, IndicatorResult, SeasonState, indicators, season_indicators

__all__ = ["AREA_COLUMNS", "DECODED_TILE", "DecodeResult", "FreezeThawProduct", "INDICATORS", "INDICATOR_NODATA",
           "IndicatorResult", "OUTPUT_NODATA", "PRODUCTS", "PRODUCT_CHOICES", "SeasonState", "area_columns",
           "class_areas", "decode", "detect_product", "indicators", "period_positions", "product_by_name",
           "read_custom_product",
           "season_indicators"]
