"""The algorithms the ``cryo`` provider registers."""
from .decode_freezethaw import DecodeFreezeThaw
from .freezethaw_indicators import FreezeThawIndicators
from .trend import Trend

ALGORITHMS = [DecodeFreezeThaw, FreezeThawIndicators, Trend]
