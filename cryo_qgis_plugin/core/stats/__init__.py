"""Statistics shared by the domains: Sen slope and Mann-Kendall trends (:mod:`.trend`), map accuracy with
Cohen's kappa (:mod:`.accuracy`), robust location and spread (median, NMAD; :mod:`.robust`)."""
from .accuracy import Accuracy, accuracy_against_features, accuracy_against_raster, confusion, parse_grouping
from .robust import median, median_and_nmad, nmad
from .trend import YearlyBand, trend_raster, trend_statistics, yearly_bands

__all__ = ["Accuracy", "YearlyBand", "accuracy_against_features", "accuracy_against_raster", "confusion", "median",
           "median_and_nmad", "nmad", "parse_grouping", "trend_raster", "trend_statistics", "yearly_bands"]
