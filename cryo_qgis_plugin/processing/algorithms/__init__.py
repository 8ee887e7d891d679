"""The algorithms the ``cryo`` provider registers."""
from .altimetry_difference import AltimetryDifference
from .decode_freezethaw import DecodeFreezeThaw
from .degree_days import DegreeDays
from .dem_difference import DemDifference
from .freezethaw_indicators import FreezeThawIndicators
from .gst_model import GstModelAlgorithm
from .insar_deformation import InsarDeformation
from .lake_ice_phenology import LakeIcePhenology
from .lake_ice_series import LakeIceSeries
from .lake_ice_thickness import LakeIceThickness
from .lst_to_gst import LstToGst
from .map_accuracy import MapAccuracy
from .snow_cover import SnowCover
from .snow_depth import SnowDepth
from .trend import Trend
from .ttop import Ttop

ALGORITHMS = [DecodeFreezeThaw, FreezeThawIndicators, Trend, GstModelAlgorithm, LstToGst, DegreeDays, Ttop,
              MapAccuracy, DemDifference, AltimetryDifference, LakeIceSeries, LakeIcePhenology,
              InsarDeformation, SnowDepth, LakeIceThickness, SnowCover]
