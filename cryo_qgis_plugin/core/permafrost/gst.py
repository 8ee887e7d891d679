"""Ground-surface temperature (GST) from land-surface temperatures (LST): a ridge regression fitted on
station records, and its application to daily LST stacks.

The model (as for the Tarim Basin permafrost map, which used the four daily MODIS/TRIMS LST overpasses)::

    GST = b0 + Σ_i b_i · LST_i                    (°C)

is fitted by ridge regression on standardised predictors z_i = (LST_i − mean_i) / sd_i (Hoerl & Kennard
1970; Hastie, Tibshirani & Friedman 2009, *The Elements of Statistical Learning*, eq. 3.41-3.44)::

    β(α) = argmin (1/n) ||y − ȳ − Zβ||² + α ||β||²  =  (ZᵀZ/n + α I)⁻¹ Zᵀ(y − ȳ)/n

The penalty α is chosen from :data:`PENALTIES` by k-fold cross-validation (rows shuffled with a fixed
seed, standardisation refitted inside each fold, smallest mean squared error of the out-of-fold
predictions). R², RMSE and MAE are those out-of-fold predictions' scores at the chosen α. The final
coefficients are refitted on all rows and returned in the original units: b_i = β_i / sd_i,
b0 = ȳ − Σ b_i · mean_i.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Dict, List, Sequence

import numpy as np

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.outputs import write_text_atomic
from ..io.stack import Stack
from ..run import Run, blocks
from ..io.temperature import Packing

PENALTIES = tuple(float(a) for a in np.logspace(-6, 2, 33))
NODATA = -9999.0
FOLD_SEED = 20240601
MAX_PREDICTORS = 4


@dataclass
class GstModel:
    """A fitted GST model in original units (°C), with its cross-validated scores."""

    predictors: List[str]
    coefficients: List[float]
    intercept: float
    penalty: float
    folds: int
    n: int
    r2: float
    rmse: float
    mae: float
    units: str = "degC"

    def predict(self, lst: Sequence[np.ndarray]) -> np.ndarray:
        """GST (°C) from one array of LST (°C) per predictor, in :attr:`predictors` order (NaN propagates)."""
        out = np.full(np.shape(lst[0]), self.intercept, np.float32)
        for coefficient, values in zip(self.coefficients, lst):
            out += np.float32(coefficient) * values
        return out

    def to_json(self) -> str:
        return json.dumps(dict(asdict(self), model="ridge", target="GST"), indent=2)

    @classmethod
    def from_json(cls, text: str, source: str = "the model") -> "GstModel":
        try:
            data = json.loads(text)
            model = cls(**{k: data[k] for k in cls.__dataclass_fields__})
        except (ValueError, KeyError, TypeError) as exc:
            raise CryoInputError("{} is not a GST model written by cryo:gstmodel ({})".format(source, exc)) from None
        if len(model.coefficients) != len(model.predictors) or not model.predictors:
            raise CryoInputError("{} lists {} predictors but {} coefficients".format(
                source, len(model.predictors), len(model.coefficients)))
        return model


def read_model(path: str) -> GstModel:
    try:
        with open(path, encoding="utf-8") as fh:
            return GstModel.from_json(fh.read(), path)
    except OSError as exc:
        raise CryoInputError("The GST model {} cannot be read ({})".format(path, exc)) from None


def write_model(model: GstModel, path: str) -> None:
    write_text_atomic(path, model.to_json() + "\n")


def _ridge(x: np.ndarray, y: np.ndarray, penalties: Sequence[float]):
    """Standardised ridge fits for every penalty: (mean, sd, y mean, betas ``(len(penalties), p)``)."""
    mean, sd = x.mean(axis=0), x.std(axis=0)
    z = (x - mean) / sd
    y_mean = y.mean()
    gram = z.T @ z / len(y)
    moment = z.T @ (y - y_mean) / len(y)
    betas = np.array([np.linalg.solve(gram + a * np.eye(len(mean)), moment) for a in penalties])
    return mean, sd, y_mean, betas


def fold_of_rows(n: int, folds: int) -> np.ndarray:
    """Fold number (0 .. folds-1) of each row: a fixed-seed shuffle split into near-equal parts."""
    fold = np.empty(n, np.int64)
    for k, rows in enumerate(np.array_split(np.random.default_rng(FOLD_SEED).permutation(n), folds)):
        fold[rows] = k
    return fold


def fit_gst_model(gst: np.ndarray, lst: Dict[str, np.ndarray], folds: int = 10,
                  penalties: Sequence[float] = PENALTIES, run: Run = Run()) -> GstModel:
    """Fit the model of the module docstring. ``gst`` and each ``lst`` array are °C per station-day, with no
    missing values (drop incomplete rows first). Progress and cancel go through ``run`` fold by fold."""
    names = list(lst)
    if not 1 <= len(names) <= MAX_PREDICTORS:
        raise CryoInputError("Give 1 to {} LST fields, got {}".format(MAX_PREDICTORS, len(names)))
    x = np.column_stack([np.asarray(lst[name], float) for name in names])
    y = np.asarray(gst, float)
    n = len(y)
    if folds < 2:
        raise CryoInputError("FOLDS must be at least 2, got {}".format(folds))
    if n < max(folds, len(names) + 2):
        raise CryoInputError("Only {} complete rows: need at least {} (FOLDS) and more than the number of "
                             "predictors + 1 to fit and cross-validate".format(n, max(folds, len(names) + 2)))
    constant = [name for name, column in zip(names, x.T) if np.ptp(column) == 0]
    if constant:
        raise CryoInputError("The LST field(s) {} hold one value in every row, so they cannot predict GST; leave "
                             "them out".format(", ".join(constant)))
    fold = fold_of_rows(n, folds)
    predicted = np.empty((len(penalties), n))
    for k in range(folds):
        run.report(k / (folds + 1))
        train, test = fold != k, fold == k
        if np.any(x[train].std(axis=0) == 0):
            raise CryoInputError("A predictor is constant inside a cross-validation fold; use fewer FOLDS")
        mean, sd, y_mean, betas = _ridge(x[train], y[train], penalties)
        predicted[:, test] = y_mean + betas @ ((x[test] - mean) / sd).T
    run.report(folds / (folds + 1))
    mse = np.mean((predicted - y) ** 2, axis=1)
    best = int(np.argmin(mse))
    residual = predicted[best] - y
    mean, sd, y_mean, betas = _ridge(x, y, [penalties[best]])
    coefficients = betas[0] / sd
    return GstModel(names, [float(c) for c in coefficients], float(y_mean - coefficients @ mean),
                    float(penalties[best]), folds, n,
                    float(1 - np.sum(residual ** 2) / np.sum((y - y.mean()) ** 2)),
                    float(np.sqrt(np.mean(residual ** 2))), float(np.mean(np.abs(residual))))


# --------------------------------------------------------------------------------- applying a model

def check_same_stacks(stacks: Sequence[Stack]) -> None:
    """Every stack on the first one's grid and with its dates."""
    first = stacks[0]
    for other in stacks[1:]:
        if not other.grid.matches(first.grid):
            raise CryoInputError("The LST stacks {} and {} are on different grids:\n  {}\n  {}\nwarp them to one grid "
                                 "first".format(first.source, other.source, first.grid.describe(),
                                                other.grid.describe()))
        if other.dates != first.dates:
            only_first = sorted(set(first.dates) - set(other.dates))
            only_other = sorted(set(other.dates) - set(first.dates))
            raise CryoInputError(
                "The LST stacks {} and {} do not hold the same dates ({} vs {}){}{}; give stacks of the same "
                "days".format(
                    first.source, other.source, len(first.dates), len(other.dates),
                    "; only in the first: {}".format(", ".join(map(str, only_first[:5]))) if only_first else "",
                    "; only in the second: {}".format(", ".join(map(str, only_other[:5]))) if only_other else ""))


def lst_to_gst(stacks: Sequence[Stack], model: GstModel, packing: Packing, output_path: str,
               run: Run = Run()) -> int:
    """Write the daily GST stack (float32 °C, one band per date described by its ISO date, nodata -9999)
    from one LST stack per predictor, in the model's predictor order. GST is nodata on a day where any
    predictor is missing. Returns the number of pixel-days with a GST value."""
    if len(stacks) != len(model.predictors):
        raise CryoInputError("The model uses {} predictors ({}) but {} LST stack(s) were given; give one stack per "
                             "predictor, in that order".format(len(model.predictors), ", ".join(model.predictors),
                                                               len(stacks)))
    check_same_stacks(stacks)
    first = stacks[0]
    grid = first.grid
    dates: List[dt.date] = first.dates
    per_pixel_day = 4 * (len(stacks) + 2) + sum(s.dtype.itemsize for s in stacks)
    slabs = blocks(len(dates), grid.width * grid.height * per_pixel_day, run.budget_bytes,
                   max(s.time_chunk for s in stacks))
    row_blocks = [(0, grid.height)]
    if grid.width * grid.height * per_pixel_day > run.budget_bytes:  # a single date larger than the budget
        row_blocks = blocks(grid.height, grid.width * per_pixel_day, run.budget_bytes, align=256)
        slabs = [(t, t + 1) for t in range(len(dates))]
    names = [d.isoformat() for d in dates]
    valid_values = 0
    metadata = {"CRYO_PRODUCT": "gst", "UNITS": "degC", "MODEL": ", ".join(
        "{:+.4f}*{}".format(c, p) for c, p in zip(model.coefficients, model.predictors)) + " {:+.4f}".format(
        model.intercept)}
    with GeoTiffWriter(output_path, grid, names, np.float32, NODATA, band_dates=names, metadata=metadata,
                       units="degC") as out:
        steps, done = len(slabs) * len(row_blocks), 0
        for t0, t1 in slabs:
            for r0, r1 in row_blocks:
                run.report(done / steps)
                done += 1
                lst = [packing.celsius(s.read(slice(r0, r1), slice(t0, t1)), s.nodata, "INPUT " + s.source)
                       for s in stacks]
                gst = model.predict(lst)
                del lst
                valid_values += int(np.count_nonzero(~np.isnan(gst)))
                gst[np.isnan(gst)] = NODATA
                for k in range(t1 - t0):
                    out.write_band(t0 + k + 1, r0, gst[k])
            out.flush()
        run.report(1.0)
    total = len(dates) * grid.width * grid.height
    run.info("GST has a value on {:.1f} % of the {} pixel-days (a day needs every LST predictor)".format(
        100.0 * valid_values / total, total))
    return valid_values
