"""Permafrost from temperatures: ground surface temperature from LST by ridge regression (:mod:`.gst`), freezing
and thawing degree-day indices streamed over daily stacks (:mod:`.degreedays`), and the TTOP model with n-factors,
rk, classes and an ensemble of permafrost probability and zones (:mod:`.ttop_model`; Smith & Riseborough 1996,
Obu et al. 2019)."""
from .degreedays import DegreeDayResult, degree_days
from .gst import GstModel, fit_gst_model, lst_to_gst, read_model, write_model
from .ttop_model import (INDICES_FROM, NODATA, Parameter, SurfaceParameters, TtopInputs, TtopOptions, TtopOutputs,
                         TtopResult, classify, constant_parameters, read_nfactors, ttop, ttop_map, zones)

__all__ = ["DegreeDayResult", "GstModel", "INDICES_FROM", "NODATA", "Parameter", "SurfaceParameters", "TtopInputs",
           "TtopOptions", "TtopOutputs", "TtopResult", "classify", "constant_parameters", "degree_days",
           "fit_gst_model", "lst_to_gst", "read_model", "read_nfactors", "ttop", "ttop_map", "write_model", "zones"]
