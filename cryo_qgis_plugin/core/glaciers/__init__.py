"""Glaciers: elevation change from a DEM pair after Nuth & Kääb (2011) co-registration (:mod:`.coregistration`,
methods chosen from :data:`.coregistration.METHODS`), outliers and voids by elevation band (:mod:`.voids`,
:data:`.voids.FILL_METHODS`), volume and mass change with errors from the stable-terrain variogram
(:mod:`.uncertainty`; Rolstad et al. 2009, Huss 2013), the HTML report (:mod:`.report`), and gridded rates from
repeat altimetry points (:mod:`.altimetry`)."""
from .altimetry import Points, RateGrid, altimetry_rate, write_rate
from .elevation_change import COREGISTER_METHODS, DemDifferenceOptions, DemDifferenceResult, dem_difference
from .report import html_report
from .voids import FILL_METHODS

__all__ = ["COREGISTER_METHODS", "DemDifferenceOptions", "DemDifferenceResult", "FILL_METHODS", "Points",
           "RateGrid", "altimetry_rate", "dem_difference", "html_report", "write_rate"]
