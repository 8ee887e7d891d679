"""The algorithms the ``cryo`` provider registers."""
from .altimetry_difference import AltimetryDifference
from .decode_freezethaw import DecodeFreezeThaw
from .dem_difference import DemDifference
from .freezethaw_indicators import FreezeThawIndicators
from .lake_ice_phenology import LakeIcePhenology
from .trend import Trend

ALGORITHMS = [DecodeFreezeThaw, FreezeThawIndicators, Trend, DemDifference, AltimetryDifference, LakeIcePhenology]
