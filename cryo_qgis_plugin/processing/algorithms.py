"""The algorithms the ``cryo`` provider registers."""
from .altimetry_difference import AltimetryDifference
from .decode_freezethaw import DecodeFreezeThaw
from .dem_difference import DemDifference
from .freezethaw_indicators import FreezeThawIndicators
from .trend import Trend

ALGORITHMS = [DecodeFreezeThaw, FreezeThawIndicators, Trend, DemDifference, AltimetryDifference]
