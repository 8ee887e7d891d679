"""Lake ice: daily lake means from a stack and lake polygons (:mod:`.lake_means`: lake-ice values, or air
temperature for the ice-thickness model), daily series from per-lake CSV/.xlsx tables (:mod:`.tables`), and
freeze-up/break-up dates and durations per lake and season (:mod:`.freeze_events`; Kropáček et al. 2013, Du et
al. 2017)."""
from .freeze_events import (COLUMNS, DATE_COLUMNS, VALUE_TYPES, Event, PhenologyOptions, Series, fill_gaps,
                            phenology, series_from_records, smooth)
from .lake_means import MIN_COVERAGE, LakeCells, daily_means, lake_cells, shrink, zonal_series, zonal_temperature

__all__ = ["COLUMNS", "DATE_COLUMNS", "Event", "LakeCells", "MIN_COVERAGE", "PhenologyOptions", "Series",
           "VALUE_TYPES", "daily_means", "fill_gaps", "lake_cells", "phenology", "series_from_records", "shrink",
           "smooth", "zonal_series", "zonal_temperature"]
