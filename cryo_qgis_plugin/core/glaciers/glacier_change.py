"""The glacier part of a DEM difference: outliers per elevation band, void filling, mean elevation change, volume
and geodetic mass balance with errors, per glacier (:mod:`.per_glacier`) and in total, and the hypsometry (dh per
50 m band) of the glacier cells (:func:`glacier_change`, called by :func:`.elevation_change.dem_difference`).

The regional total volume change is the sum of the glaciers' volume changes; its error is the error model for
the total glacier area (:mod:`.uncertainty`, item 5), with the independent and fully correlated sums of the
glaciers' errors as bounds."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import List, Optional, Sequence, Tuple

import numpy as np

from . import per_glacier, uncertainty, voids
from .plausible import warn_implausible_rates
from ..errors import CryoInputError
from ..io.grid import Grid
from ..io.rasterize import Polygons
from ..run import Run
from ..stats.robust import group_medians


ELEVATION_ROUNDS = 2


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
    glaciers: Optional[per_glacier.GlacierTable] = None
    volume_error_bounds: Tuple[float, float] = (float("nan"), float("nan"))  # (independent, fully correlated) m³


def glacier_change(dh: np.ndarray, reference: np.ndarray, elevation_from_dem: np.ndarray, labels: np.ndarray,
                   glaciers: Polygons, grid: Grid, cell_area: float, error_model: uncertainty.ErrorModel,
                   options: DemDifferenceOptions, run: Run, ids: Optional[Sequence[object]] = None) -> GlacierChange:
    """Outliers per band, void filling, mean dh, volume and mass change over the glacier cells, per glacier and in
    total (in place); ``labels`` is the label image of :func:`.per_glacier.glacier_labels`, ``ids`` the glaciers'
    ids (default: feature ids).

    Where the reference is void, a cell's reference elevation is estimated as the aligned DEM's elevation plus
    its dh, so that it falls in the right band: first the hypsometric dh of all glaciers at that elevation, then,
    with local hypsometric filling, :data:`ELEVATION_ROUNDS` times the dh filled from its own glacier's curve (a
    fixed point that converges fast: a curve's slope dh/dz is far below 1)."""
    cells = np.flatnonzero(labels.ravel())
    cell_labels = labels.ravel()[cells]
    values = dh.ravel()[cells]
    elevation = reference.ravel()[cells].astype(np.float64)
    from_dem = np.isin(cells, elevation_from_dem, assume_unique=True)
    regional = voids.hypsometric_curve(values, elevation) if from_dem.any() else None
    dem_elevation = elevation[from_dem]
    if regional is not None:
        elevation[from_dem] = dem_elevation + regional(dem_elevation)
    outliers = voids.band_outliers(values, elevation, options.outlier_nmad, cell_labels)
    values[outliers] = np.nan
    valid_cells = int(np.count_nonzero(np.isfinite(values)))
    if valid_cells == 0:
        raise CryoInputError("No glacier cell has an elevation change: both DEMs are void over the glaciers")
    hypsometry = hypsometry_bands(values, elevation, cell_area)
    measured, fill = values, voids.FILL_METHODS[options.fill_voids]
    rounds = ELEVATION_ROUNDS if regional is not None and options.fill_voids == "local_hypsometric" else 0
    for done in range(rounds + 1):
        values, own_curve = fill(measured.copy(), elevation, labels, cells, dh, run if done == rounds else Run())
        elevation[from_dem] = dem_elevation + np.nan_to_num(values[from_dem])
    dh.ravel()[cells] = values
    still_void = cells.size - int(np.count_nonzero(np.isfinite(values)))
    filled_cells = cells.size - still_void - valid_cells
    table = per_glacier.glacier_table(
        cell_labels, measured, values, len(glaciers.wkb), per_glacier.default_ids(glaciers) if ids is None else ids,
        cell_area, error_model, options.fill_voids, own_curve, options.years, options.density, options.density_error)
    for note in table.notes:
        run.info(note)
    area = cells.size * cell_area
    mean_dh = table.total_volume_m3 / area
    polygons_area = per_glacier.union_area_m2(glaciers, grid)
    if polygons_area > 1.02 * area + cell_area:
        run.info("The glacier polygons cover {:.3f} km² but only {:.3f} km² of them lie on the reference grid: the "
                 "statistics are for the part inside the DEM".format(polygons_area / 1e6, area / 1e6))
    if still_void:
        run.info("{} glacier cells are still void: they count with their glacier's mean dh".format(still_void))
    error, n_eff = error_model.mean_dh_error(area, 0)
    mass = replace(uncertainty.mass_balance(mean_dh, error, area, options.years, options.density,
                                            options.density_error), volume_m3=table.total_volume_m3)
    warn_implausible_rates(mean_dh, options.years, mass.rate_mwe, run)
    run.info("Glaciers: {:.3f} km², mean dh {:.3f} ± {:.3f} m ({} outliers removed, {} voids filled, {:.1f} effective "
             "samples)".format(area / 1e6, mean_dh, error, int(outliers.sum()), filled_cells, n_eff))
    return GlacierChange(area / 1e6, polygons_area / 1e6, cells.size, valid_cells, int(outliers.sum()),
                         filled_cells, mean_dh, error, n_eff, mass, hypsometry, table,
                         uncertainty.volume_error_bounds(table.mass.volume_error_m3))


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
