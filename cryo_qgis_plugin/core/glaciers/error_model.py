"""The error model of Hugonnet et al. (2022, *IEEE JSTARS* 15, 6456-6472) as ``xdem.spatialstats`` implements
it, in numpy/scipy, behind :class:`.uncertainty.ErrorModel`:

1. heteroscedasticity: σ_dh(slope, maximum curvature) binned on stable terrain (:mod:`.heteroscedasticity`);
2. the standardised stable errors ``z = dh / σ_dh`` (``|z| > 7`` left out, as xdem does), their empirical variogram
   sampled in rings and a nugget plus two spherical models fitted to it (:mod:`.variogram`);
3. the error of the mean dh over a glacier (or all glaciers) of area ``A``: the mean σ_dh over that glacier's
   cells times the standardised error of the mean over a disk of area ``A`` (Rolstad et al. 2009's closed form per
   spherical model, summed by partial sill; :mod:`.variogram`), as ``xdem.spatialstats.spatial_error_propagation``
   does with a numeric area (``neff_circular_approx_numerical``): ``σ_mean = mean(σ_dh) / √N_eff``.

The squared error splits into the parts of the nugget, the short-range and the long-range model
(:meth:`VariogramErrorModel.budget`), which the report lists.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from . import heteroscedasticity as hetero
from .uncertainty import ErrorModel
from .variogram import CENTRES, EmpiricalVariogram, SphericalSum, disk_fraction, fit_two_spherical, ring_variogram

OUTLIER_Z = 7.0


@dataclass(frozen=True)
class VariogramErrorModel(ErrorModel):
    """Mean σ_dh per glacier label (index 0: all glaciers together) and the standardised variogram model."""

    sigma_by_label: np.ndarray      # m
    model: SphericalSum             # of the standardised errors (sill ≈ 1)
    cell_area_m2: float
    table: Optional[hetero.SigmaTable] = None
    variogram: Optional[EmpiricalVariogram] = None
    fitted: bool = True             # False: no fit, a conservative correlation over the largest lag instead

    def sigma(self, label: int = 0) -> float:
        """Mean σ_dh (m) over glacier ``label``'s cells (0: all glaciers)."""
        if 0 <= label < self.sigma_by_label.size and np.isfinite(self.sigma_by_label[label]):
            return float(self.sigma_by_label[label])
        return float(self.sigma_by_label[0])

    def mean_dh_error(self, area_m2: float, label: int = 0) -> Tuple[float, float]:
        fraction = self.model.mean_variance_fraction(area_m2, self.cell_area_m2)
        if fraction <= 0:
            return 0.0, float("inf")
        return self.sigma(label) * float(np.sqrt(fraction)), 1.0 / fraction

    def budget(self, area_m2: float, label: int = 0) -> List[Tuple[str, float]]:
        """The error of the mean dh split by model part, ``(name, σ in m)``: their squares add up to the total's."""
        model, sigma = self.model, self.sigma(label)
        sill = model.sill or 1.0
        parts = [("nugget (uncorrelated at the cell scale)",
                  model.nugget / sill * min(1.0, self.cell_area_m2 / area_m2))]
        for name, c, a in zip(("short-range", "long-range"), model.sills, model.ranges):
            parts.append(("{} model (range {:,.0f} m)".format(name, a),
                          c / sill * disk_fraction(area_m2, a)))
        return [(name, sigma * float(np.sqrt(max(share, 0.0)))) for name, share in parts]


def hugonnet_error_model(dh: np.ndarray, elevation: np.ndarray, stable: np.ndarray, pixel: Tuple[float, float],
                         labels: Optional[np.ndarray] = None, seed: int = 0) -> VariogramErrorModel:
    """:class:`VariogramErrorModel` from the stable cells of ``dh`` (after co-registration), the reference
    ``elevation`` (slope and curvature; it must have elevations on the glaciers, e.g. voids filled from the other
    DEM) and the glacier ``labels`` (1..n, 0 outside; None: no glaciers, index 0 is then the stable mean σ)."""
    rng = np.random.default_rng(seed)
    cell_area = float(pixel[0] * pixel[1])
    usable = stable & np.isfinite(dh)
    sample = hetero.random_cells(usable, hetero.BINNING_SAMPLES, rng)
    rows, cols = np.divmod(sample, dh.shape[1])
    slope, curvature = hetero.terrain_at(elevation, rows, cols, pixel)
    table = hetero.sigma_table(dh.ravel()[sample].astype(np.float64), slope, curvature)

    def sigma_at(r: np.ndarray, c: np.ndarray) -> np.ndarray:
        if table is None:
            return np.full(r.size, _nmad(dh.ravel()[sample]))
        return table.sigma(*hetero.terrain_at(elevation, r, c, pixel))

    def z_at(r: np.ndarray, c: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            z = dh[r, c].astype(np.float64) / sigma_at(r, c)
        z[~usable[r, c] | (np.abs(z) > OUTLIER_Z)] = np.nan
        return z

    centres = hetero.random_cells(usable, CENTRES, rng)
    variogram = ring_variogram(z_at, centres, dh.shape, pixel, rng)
    model = fit_two_spherical(variogram, min(pixel))
    fitted = model is not None
    if model is None:  # conservative: every error correlated over the largest lag sampled
        largest = float(variogram.lags.max()) if variogram.lags.size else variogram.max_lag
        model = SphericalSum(0.0, (1.0, 0.0), (largest, largest))
    if labels is None or not labels.any():
        sigma_by_label = np.array([float(np.mean(sigma_at(rows, cols)))]) if sample.size else np.array([np.nan])
    else:
        sigma_by_label = _mean_sigma_by_label(labels, sigma_at)
    return VariogramErrorModel(sigma_by_label, model, cell_area, table, variogram, fitted)


def _mean_sigma_by_label(labels: np.ndarray, sigma_at) -> np.ndarray:
    """Mean σ_dh over each label's cells (index 0: over all labelled cells), in chunks of cells."""
    size = int(labels.max()) + 1
    total, count = np.zeros(size), np.zeros(size)
    width = labels.shape[1]
    step = max(1, hetero.GATHER_CHUNK // width)
    for r0 in range(0, labels.shape[0], step):
        block = labels[r0:r0 + step].ravel()
        cells = np.flatnonzero(block)
        if not cells.size:
            continue
        r, c = np.divmod(cells, width)
        sigma = sigma_at(r + r0, c)
        label = block[cells].astype(np.int64)
        total += np.bincount(label, weights=sigma, minlength=size)
        count += np.bincount(label, minlength=size)
    total[0], count[0] = total[1:].sum(), count[1:].sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        return total / count


def _nmad(values: np.ndarray) -> float:
    values = values[np.isfinite(values)].astype(np.float64)
    return float(1.4826 * np.median(np.abs(values - np.median(values)))) if values.size else float("nan")
