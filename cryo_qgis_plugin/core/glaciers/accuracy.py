"""Accuracy metrics of a co-registered DEM difference on stable terrain, as reviewers ask for them.

* **LE90**: the 90th percentile of ``|dh|`` over the stable cells after co-registration and outlier removal
  (the linear error at 90 % confidence, measured directly rather than as 1.6449·σ under a normal assumption,
  since stable dh are not normal).
* **CE90** of the co-registration: the radius of the circle that holds the true horizontal misregistration left
  after co-registration with 90 % probability. Nuth & Kääb give no per-point horizontal residuals, so it comes
  from the standard errors σ_x, σ_y of the fitted shift (:mod:`.coregistration`) under a circular normal
  assumption: ``CE90 = 2.1460 σ_c`` with ``σ_c = √((σ_x² + σ_y²) / 2)``. For σ_x = σ_y the radial error is Rayleigh
  distributed and ``P(r ≤ kσ) = 1 − exp(−k²/2) = 0.9`` gives ``k = √(2 ln 10) = 2.1460`` (Greenwalt & Shultz 1968,
  *Principles of error theory and cartographic applications*, ACIC Technical Report 96; FGDC 1998, NSSDA,
  FGDC-STD-007.3). Bins are treated as independent in the fit, so with spatially correlated errors this is a
  lower bound of the misregistration.
* **Median and NMAD by slope class** (0-10, 10-20, 20-30, 30-40, over 40°): the stable-terrain dh grouped by the
  slope of the reference DEM (central differences, cells next to a void or the edge left out), which shows the
  heteroscedasticity of DEM errors with slope (Hugonnet et al. 2022).

On grids of more than :data:`MAX_SAMPLES` stable cells the metrics use a regular sub-grid of about that many.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from .coregistration import Coregistration
from ..stats.robust import median_and_nmad

SLOPE_EDGES = (0.0, 10.0, 20.0, 30.0, 40.0, 90.0)  # degrees; the last class is "over 40°"
CE90_FACTOR = float(np.sqrt(2 * np.log(10)))  # 2.1460
MAX_SAMPLES = 2_000_000


@dataclass(frozen=True)
class SlopeClass:
    low: float   # degrees
    high: float
    median: float  # m (NaN without cells)
    nmad: float
    count: int

    @property
    def key(self) -> str:
        """``0_10`` ... ``over_40``: the suffix of the algorithm's result names."""
        return "over_{:.0f}".format(self.low) if self.high >= 90 else "{:.0f}_{:.0f}".format(self.low, self.high)


@dataclass(frozen=True)
class Accuracy:
    le90: float
    ce90: Optional[float]     # m; None without a horizontal fit
    sigma_c: Optional[float]  # m, the circular standard error CE90 comes from
    slope_classes: List[SlopeClass]
    samples: int


def ce90(sigma_x: Optional[float], sigma_y: Optional[float]) -> Tuple[Optional[float], Optional[float]]:
    """``(CE90, σ_c)`` from the standard errors of a horizontal shift (module docstring); None without them."""
    if sigma_x is None or sigma_y is None:
        return None, None
    sigma_c = float(np.sqrt((sigma_x ** 2 + sigma_y ** 2) / 2))
    return CE90_FACTOR * sigma_c, sigma_c


def slope_degrees(reference: np.ndarray, rows: np.ndarray, cols: np.ndarray, pixel: Tuple[float, float]) -> np.ndarray:
    """Slope (degrees) of ``reference`` at inner cells by central differences; NaN next to a void."""
    east = (reference[rows, cols + 1] - reference[rows, cols - 1]) / (2 * pixel[0])
    north = (reference[rows - 1, cols] - reference[rows + 1, cols]) / (2 * pixel[1])
    return np.degrees(np.arctan(np.hypot(east, north)))


def linear_error_90(residuals: np.ndarray) -> float:
    """LE90: the 90th percentile of the absolute residuals (NaN when there are none)."""
    return float(np.percentile(np.abs(residuals), 90)) if residuals.size else float("nan")


def stable_accuracy(dh: np.ndarray, stable: np.ndarray, reference: np.ndarray, pixel: Tuple[float, float],
                    coregistration: Coregistration, max_samples: int = MAX_SAMPLES) -> Accuracy:
    """LE90, CE90 and the statistics by slope class of ``dh`` over the ``stable`` cells (module docstring)."""
    stride = max(1, int(np.sqrt(np.count_nonzero(stable) / max_samples)))
    cells = stable[1:-1:stride, 1:-1:stride] & np.isfinite(dh[1:-1:stride, 1:-1:stride])
    rows, cols = np.nonzero(cells)
    rows, cols = rows * stride + 1, cols * stride + 1
    values = dh[rows, cols].astype(np.float64)
    le90 = linear_error_90(values)
    slope = slope_degrees(reference, rows, cols, pixel)
    index = np.digitize(slope, SLOPE_EDGES[1:-1])  # NaN slopes go past the last class
    classes = []
    for k, (low, high) in enumerate(zip(SLOPE_EDGES[:-1], SLOPE_EDGES[1:])):
        chosen = values[(index == k) & np.isfinite(slope)]
        centre, spread = median_and_nmad(chosen) if chosen.size else (float("nan"), float("nan"))
        classes.append(SlopeClass(low, high, centre, spread, int(chosen.size)))
    circular, sigma_c = ce90(coregistration.sigma_x, coregistration.sigma_y)
    return Accuracy(le90, circular, sigma_c, classes, int(values.size))
