"""The glacier part of a DEM difference: outliers per elevation band, void filling, mean elevation change, volume
and geodetic mass balance with errors, and the hypsometry (dh per 50 m band) of the glacier cells
(:func:`glacier_change`, called by :func:`.elevation_change.dem_difference`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from . import uncertainty, voids
from .plausible import warn_implausible_rates
from ..errors import CryoInputError
from ..io.grid import Grid
from ..io.rasterize import Polygons, polygons_area_m2
from ..run import Run
from ..stats.robust import group_medians


@dataclass(frozen=True)
class DemDifferenceOptions:
    coregister: str = "nuth_kaab"
    max_iterations: int = 10
    outlier_nmad: float = 3.0
    fill_voids: str = "local_hypsometric"
    reference_year: Optional[float] = None
    dem_year: Optional[float] = None
    density: float = 850.0
    density_error: float = 60.0

    @property
    def years(self) -> Optional[float]:
        if self.reference_year is None or self.dem_year is None or self.reference_year == self.dem_year:
            return None
        return self.reference_year - self.dem_year


@dataclass
class GlacierChange:
    area_km2: float
    polygons_area_km2: float
    cells: int
    valid_cells: int
    outlier_cells: int
    filled_cells: int
    mean_dh: float
    mean_dh_error: float
    effective_samples: float
    mass: uncertainty.MassBalance
    hypsometry: List[Tuple[float, float, float, int]]  # (band bottom m, area km², median dh m, valid cells)


def glacier_change(dh: np.ndarray, reference: np.ndarray, elevation_from_dem: np.ndarray, labels: np.ndarray,
                   glaciers: Polygons, grid: Grid, cell_area: float, sigma_dh: float,
                   model: uncertainty.SphericalModel, options: DemDifferenceOptions,
                   run: Run) -> GlacierChange:
    """Outliers per band, void filling, mean dh, volume and mass change over the glacier cells (in place).

    Where the reference is void, a cell's reference elevation is estimated as the aligned DEM's elevation plus
    the hypsometric dh of all glaciers at that elevation, so that it falls in the right band."""
    cells = np.flatnonzero(labels.ravel())
    values = dh.ravel()[cells]
    elevation = reference.ravel()[cells].astype(np.float64)
    from_dem = np.isin(cells, elevation_from_dem, assume_unique=True)
    regional = voids.hypsometric_curve(values, elevation) if from_dem.any() else None
    if regional is not None:
        elevation[from_dem] += regional(elevation[from_dem])
    outliers = voids.band_outliers(values, elevation, options.outlier_nmad)
    values[outliers] = np.nan
    valid_cells = int(np.count_nonzero(np.isfinite(values)))
    if valid_cells == 0:
        raise CryoInputError("No glacier cell has an elevation change: both DEMs are void over the glaciers")
    hypsometry = hypsometry_bands(values, elevation, cell_area)
    values = voids.FILL_METHODS[options.fill_voids](values, elevation, labels, cells, dh, run)
    dh.ravel()[cells] = values
    finite = np.isfinite(values)
    still_void = cells.size - int(np.count_nonzero(finite))
    filled_cells = cells.size - still_void - valid_cells
    mean_dh = float(np.mean(values[finite], dtype=np.float64))
    area = cells.size * cell_area
    polygons_area = polygons_area_m2(glaciers.wkb, glaciers.crs_wkt, grid)
    if polygons_area > 1.02 * area + cell_area:
        run.info("The glacier polygons cover {:.3f} km² but only {:.3f} km² of them lie on the reference grid: the "
                 "statistics are for the part inside the DEM".format(polygons_area / 1e6, area / 1e6))
    if still_void:
        run.info("{} glacier cells are still void: they count with the mean dh".format(still_void))
    error, n_eff = uncertainty.standard_error(sigma_dh, model, area, cell_area)
    mass = uncertainty.mass_balance(mean_dh, error, area, options.years, options.density, options.density_error)
    warn_implausible_rates(mean_dh, options.years, mass.rate_mwe, run)
    run.info("Glaciers: {:.3f} km², mean dh {:.3f} ± {:.3f} m ({} outliers removed, {} voids filled, {:.1f} effective "
             "samples)".format(area / 1e6, mean_dh, error, int(outliers.sum()), filled_cells, n_eff))
    return GlacierChange(area / 1e6, polygons_area / 1e6, cells.size, valid_cells, int(outliers.sum()),
                         filled_cells, mean_dh, error, n_eff, mass, hypsometry)


def hypsometry_bands(values: np.ndarray, elevation: np.ndarray,
                     cell_area: float) -> List[Tuple[float, float, float, int]]:
    """Per 50 m band of glacier elevation: bottom, area, median dh of the valid cells, valid cells."""
    known = np.isfinite(elevation)
    bands = voids.elevation_bands(elevation[known])
    all_bands, cells = np.unique(bands, return_counts=True)
    finite = np.isfinite(values[known])
    labels, medians, valid = group_medians(bands[finite], values[known][finite])
    index = np.searchsorted(labels, all_bands)
    present = (index < labels.size) & (labels[np.minimum(index, labels.size - 1)] == all_bands)
    return [(float(band * voids.BAND_WIDTH), n * cell_area / 1e6,
             float(medians[i]) if ok else float("nan"), int(valid[i]) if ok else 0)
            for band, n, i, ok in zip(all_bands, cells, index, present)]
