"""Glacier elevation change from a DEM pair: grids, co-registration, outliers, voids, volume and mass change.

The chain (each step cited in its module):

1. The DEM to align is resampled (bilinear) onto the reference grid. A reference in a geographic CRS is
   first warped to the UTM zone of its centre, at its cell size in metres, because slopes, shifts and areas
   need metres.
2. Stable terrain = cells valid in both DEMs, outside the glacier and the other unstable polygons.
3. Co-registration (:mod:`.coregistration`): Nuth & Kääb (2011), or the vertical bias only, or none.
4. ``dh = reference − aligned DEM`` (newer minus older when the reference is the later DEM). Stable cells
   farther than k NMAD from the stable median, and glacier cells farther than k NMAD from the median of
   their glacier's 50 m elevation band (:mod:`.voids`), become nodata.
5. Glacier voids are filled (:mod:`.voids`, in :mod:`.glacier_change`); per glacier (outlines burnt once into a
   label image, :mod:`.per_glacier`) and in total, the mean dh times the area is the volume change; its error and
   the mass balance follow :mod:`.uncertainty`.
6. Accuracy metrics of the stable terrain after co-registration (LE90, CE90, median and NMAD by slope class,
   :mod:`.accuracy`) and a small copy of dh for the report's map (:mod:`.report_map`).
"""
from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field, replace
from typing import List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from . import accuracy as metrics, coregistration, error_model as hugonnet, per_glacier, point_coregistration
from . import uncertainty, voids
from .altimetry import Points, project
from .plausible import check_array_heights, check_band_heights
from .report_map import DhPreview, dh_preview
from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.grid import Grid, spatial_reference
from ..io.raster import grid_of, open_raster, read_whole_band
from ..io.rasterize import Polygons, polygon_labels
from ..stats.robust import median_and_nmad
from ..style import diverging_qml
from ..run import Run, Severity
from .glacier_change import DemDifferenceOptions, GlacierChange, glacier_change

COREGISTER_METHODS = tuple(coregistration.METHODS)
NODATA = -9999.0
MIN_STABLE_CELLS = 1000
HISTOGRAM_BINS = 80
HISTOGRAM_SAMPLES = 2_000_000
APPLY_ROWS = 512


@dataclass(frozen=True)
class Summary:
    median: float
    nmad: float
    count: int

    @classmethod
    def of(cls, dh: np.ndarray, cells: np.ndarray, what: str) -> Tuple["Summary", np.ndarray]:
        """Statistics of ``dh`` over ``cells``, and a sample of at most :data:`HISTOGRAM_SAMPLES` values."""
        values = dh[cells]
        if values.size < MIN_STABLE_CELLS:
            raise CryoInputError(
                "Only {} stable-terrain cells are left {}: at least {} are needed. Check that the DEMs overlap "
                "outside the glacier and unstable polygons, and that the polygons do not cover the whole "
                "DEM".format(values.size, what, MIN_STABLE_CELLS))
        sample = values[::max(1, values.size // HISTOGRAM_SAMPLES)].copy()
        count = int(values.size)
        centre, spread = median_and_nmad(values)
        return cls(centre, spread, count), sample


@dataclass
class DemDifferenceResult:
    grid: Grid
    coregistration: coregistration.Coregistration
    stable_before: Summary
    stable_after: Summary
    stable_outliers: int
    histogram_edges: np.ndarray
    histogram_before: np.ndarray
    histogram_after: np.ndarray
    variogram: uncertainty.Variogram
    variogram_model: Optional[uncertainty.SphericalModel]
    glacier: Optional[GlacierChange]
    options: DemDifferenceOptions
    messages: List[str] = field(default_factory=list)
    accuracy: Optional[metrics.Accuracy] = None
    preview: Optional[DhPreview] = None
    points: Optional[point_coregistration.PointCoregistration] = None  # with reference points: the DEM's fit
    error_model: Optional[uncertainty.ErrorModel] = None  # Hugonnet et al. 2022, behind the ErrorModel interface


def _utm_for(lon: float, lat: float) -> int:
    return (32600 if lat >= 0 else 32700) + int((lon + 180) // 6) % 60 + 1


def _as_float(ds: gdal.Dataset, path: str, role: str) -> np.ndarray:
    """Band 1 of ``ds`` as float32 metres, NaN where nodata or not finite; undeclared fill values and heights
    outside the Earth's range are refused (:mod:`.plausible`, naming the ``role`` DEM ``path``)."""
    band = ds.GetRasterBand(1)
    data = read_whole_band(band).astype(np.float32, copy=False)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        data[data == np.float32(nodata)] = np.nan
    data[~np.isfinite(data)] = np.nan
    check_array_heights(data, nodata, path, role)
    return data


def working_reference(path: str, run: Run, role: str = "reference DEM") -> Tuple[Grid, np.ndarray]:
    """The reference DEM (the ``role`` DEM) as float32 (NaN = nodata) on a metric grid: its own, or UTM if it is
    geographic."""
    ds = open_raster(path, role)
    grid = grid_of(ds)
    if not grid.is_geographic:
        srs = spatial_reference(grid.crs_wkt)
        if abs(srs.GetLinearUnits() - 1.0) > 1e-9:
            raise CryoInputError("The {} {} is in a CRS with {} units; warp it to a CRS in metres "
                                 "first".format(role, path, srs.GetLinearUnitsName()))
        return grid, _as_float(ds, path, role)
    check_band_heights(ds.GetRasterBand(1), path, role)  # before warping mixes fill values in
    xmin, ymin, xmax, ymax = grid.extent
    lon, lat = (xmin + xmax) / 2, (ymin + ymax) / 2
    if xmax - xmin > 12 or max(abs(ymin), abs(ymax)) > 84:
        raise CryoInputError(
            "The {} {} is in geographic coordinates and spans {:.1f}° of longitude and latitudes "
            "{:.1f}..{:.1f}°: too large or too polar for one UTM zone. Warp the DEMs to a projected CRS in metres "
            "(e.g. a polar stereographic or local equal-area CRS) and run again".format(
                role, path, xmax - xmin, ymin, ymax))
    epsg = _utm_for(lon, lat)
    cell = min(abs(grid.geotransform[1]) * 111320.0 * math.cos(math.radians(lat)),
               abs(grid.geotransform[5]) * 110574.0)
    cell = float(np.round(cell, 1))
    warped = gdal.Warp("", ds, format="MEM", dstSRS="EPSG:{}".format(epsg), xRes=cell, yRes=cell,
                       resampleAlg="bilinear", outputType=gdal.GDT_Float32, dstNodata=float("nan"),
                       targetAlignedPixels=True)
    run.info("The {} is geographic: it was warped to EPSG:{} (UTM) at {} m; outputs use that grid".format(
        role, epsg, cell))
    return grid_of(warped), _as_float(warped, path, role)


def dem_on_grid(path: str, grid: Grid, run: Run) -> np.ndarray:
    """The DEM to align as float32 (NaN = nodata) on ``grid``, resampled bilinearly unless it already is on it."""
    ds = open_raster(path, "DEM")
    own = grid_of(ds)
    if own.matches(grid):
        return _as_float(ds, path, "DEM")
    check_band_heights(ds.GetRasterBand(1), path, "DEM")  # before resampling mixes fill values in
    xmin, ymin, xmax, ymax = grid.extent
    warped = gdal.Warp("", ds, format="MEM", dstSRS=grid.crs_wkt, outputBounds=(xmin, ymin, xmax, ymax),
                       width=grid.width, height=grid.height, resampleAlg="bilinear",
                       outputType=gdal.GDT_Float32, dstNodata=float("nan"))
    run.info("The DEM was resampled (bilinear) from {} onto the reference grid {}".format(
        own.describe(), grid.describe()))
    return _as_float(warped, path, "DEM")


def dem_difference(reference_path: str, dem_path: str, output_path: str,
                   glaciers: Optional[Polygons] = None, unstable: Optional[Polygons] = None,
                   options: DemDifferenceOptions = DemDifferenceOptions(),
                   aligned_path: Optional[str] = None, run: Run = Run(),
                   glacier_ids: Optional[Sequence[object]] = None,
                   reference_points: Optional[Points] = None) -> DemDifferenceResult:
    """Run the whole chain (module docstring) and write the elevation change (and aligned DEM) GeoTIFFs;
    ``glacier_ids`` name the glacier outlines in the per-glacier table (default: their feature ids). With
    ``reference_points`` (heights in the DEMs' vertical datum) the DEM is co-registered to the points
    (:mod:`.point_coregistration`, stable points off the glacier and unstable polygons) instead of to the reference
    DEM, which it is then differenced against as usual."""
    if options.coregister not in COREGISTER_METHODS:
        raise CryoInputError("Unknown co-registration {!r}: use one of {}".format(
            options.coregister, ", ".join(COREGISTER_METHODS)))
    if options.fill_voids not in voids.FILL_METHODS:
        raise CryoInputError("Unknown void filling {!r}: use one of {}".format(
            options.fill_voids, ", ".join(voids.FILL_METHODS)))
    messages: List[str] = []  # the notes also go into the report
    shown = run.log

    def keep(message: str, severity: Severity) -> None:
        messages.append(message)
        shown(message, severity)

    run = replace(run, log=keep)
    grid, reference, dem, valid = _load_pair(reference_path, dem_path, run)
    pixel = (abs(grid.geotransform[1]), abs(grid.geotransform[5]))
    cell_area = pixel[0] * pixel[1]
    run.report(0.05)

    labels = _labels(grid, glaciers, "glacier", per_glacier.glacier_labels)
    stable = valid.copy()
    if labels is not None:
        stable &= labels == 0
    unstable_labels = _labels(grid, unstable, "unstable")
    if unstable_labels is not None:
        stable &= unstable_labels == 0
    terrain = None
    if reference_points is not None:  # stable terrain for the points: off the polygons, whatever the DEMs hold
        terrain = np.ones(grid.shape, dtype=bool) if labels is None else labels == 0
        if unstable_labels is not None:
            terrain &= unstable_labels == 0
    del unstable_labels
    dh = np.subtract(reference, dem)  # this buffer is reused for the final dh
    before, sample = Summary.of(dh, stable, "before co-registration")
    edges = _histogram_edges(before)
    histogram_before = np.histogram(sample, bins=edges)[0]
    run.report(0.1)

    points = None
    if reference_points is not None:
        x, y = project(reference_points, grid.crs_wkt)
        points = point_coregistration.coregister_to_points(
            dem, grid.geotransform, x, y, reference_points.z, terrain, options.coregister, options.max_iterations,
            options.outlier_nmad, run.part(0.1, 0.5))
        coreg = points.coregistration
        del terrain
    else:
        coreg = coregistration.METHODS[options.coregister](reference, dem, stable, pixel, options.max_iterations,
                                                           options.outlier_nmad, run.part(0.1, 0.5))
    run.info("Shift applied to the DEM: x {:+.3f} m, y {:+.3f} m, z {:+.3f} m".format(
        coreg.shift.x, coreg.shift.y, coreg.shift.z))
    run.report(0.5)

    with contextlib.ExitStack() as outputs:  # every output file appears only when the whole run succeeded
        aligned = None
        if aligned_path:
            aligned = outputs.enter_context(GeoTiffWriter(
                aligned_path, grid, ["aligned_elevation_m"], np.float32, nodata=NODATA,
                metadata={"SHIFT_X": repr(coreg.shift.x), "SHIFT_Y": repr(coreg.shift.y),
                          "SHIFT_Z": repr(coreg.shift.z)}, units="m"))
        _apply(reference, dem, coreg.shift, pixel, aligned, out=dh)
        elevation_from_dem = None
        if labels is not None:
            elevation_from_dem = _fill_glacier_elevation(reference, dem, labels, coreg.shift, pixel)
        del dem
        run.report(0.6)

        stable &= np.isfinite(dh)
        stable_outliers = 0
        if options.outlier_nmad > 0:
            centre, spread = _subsample_median_and_nmad(dh, stable)
            stable_outliers = _remove_outliers(dh, stable, centre, options.outlier_nmad * spread)
        after, sample = Summary.of(dh, stable, "after co-registration")
        histogram_after = np.histogram(sample, bins=edges)[0]
        accuracy = metrics.stable_accuracy(dh, stable, reference, pixel, coreg)
        run.report(0.7)

        variogram, model, _ = _error_model(dh, stable, min(pixel), run)  # the single-spherical fit of the report
        error_model = hugonnet.hugonnet_error_model(dh, reference, stable, pixel, labels)
        fit = error_model.model
        run.info("Error model (Hugonnet et al. 2022): mean σ_dh {:.3f} m over the glaciers, ranges {:.0f} / {:.0f} m, "
                 "partial sills {:.3f} / {:.3f}, nugget {:.3f}".format(
                     error_model.sigma(0), *fit.ranges, *fit.sills, fit.nugget))
        run.report(0.8)

        glacier = None
        if labels is not None:
            glacier = glacier_change(dh, reference, elevation_from_dem, labels, glaciers, grid, cell_area,
                                     error_model, options, run, glacier_ids)
        run.report(0.9)
        preview = dh_preview(dh, labels, pixel, _style_limit(dh))
        del labels

        _write_dh(output_path, grid, dh, preview.limit)
    run.report(1.0)
    return DemDifferenceResult(grid, coreg, before, after, stable_outliers, edges, histogram_before,
                               histogram_after, variogram, model, glacier, options, messages, accuracy, preview,
                               points, error_model)


def _load_pair(reference_path: str, dem_path: str,
               run: Run) -> Tuple[Grid, np.ndarray, np.ndarray, np.ndarray]:
    """Working grid, reference, DEM on that grid, and the cells valid in both; refuses empty overlaps."""
    grid, reference = working_reference(reference_path, run)
    if not np.isfinite(reference).any():
        raise CryoInputError("The reference DEM {} has no valid elevation (all nodata)".format(reference_path))
    dem = dem_on_grid(dem_path, grid, run)
    valid = np.isfinite(reference) & np.isfinite(dem)
    if not valid.any():
        raise CryoInputError(
            "The DEM {} has no valid elevation where the reference DEM {} has one: the two DEMs do not overlap, "
            "or the DEM is all nodata".format(dem_path, reference_path))
    return grid, reference, dem, valid


def _error_model(dh: np.ndarray, stable: np.ndarray, pixel: float, run: Run) -> Tuple[
        uncertainty.Variogram, Optional[uncertainty.SphericalModel], uncertainty.SphericalModel]:
    """Empirical variogram of stable dh, its fitted spherical model (None if no fit), and the model the errors
    use: the fit, or a conservative correlation over the largest lag when there is none."""
    variogram = uncertainty.empirical_variogram(dh, stable, pixel)
    model = uncertainty.fit_spherical(variogram)
    if model is not None:
        run.info("Stable-terrain variogram: nugget {:.3f} m², partial sill {:.3f} m², range {:.0f} m".format(
            model.nugget, model.partial_sill, model.range))
        return variogram, model, model
    largest = float(variogram.lags.max()) if variogram.lags.size else pixel
    run.info("No spherical model could be fitted to the stable-terrain variogram; the error assumes dh errors "
             "correlated over {:.0f} m (the largest lag), which is conservative".format(largest))
    return variogram, None, uncertainty.SphericalModel(0.0, 1.0, largest)


def _write_dh(path: str, grid: Grid, dh: np.ndarray, limit: float) -> None:
    """The elevation change GeoTIFF (NaN -> nodata, in place), styled diverging around 0 over ±``limit``."""
    dh[~np.isfinite(dh)] = NODATA
    with GeoTiffWriter(path, grid, ["elevation_change_m"], np.float32, nodata=NODATA,
                       metadata={"UNITS": "m", "DEFINITION": "reference - aligned DEM"},
                       style_qml=diverging_qml(limit), units="m") as out:
        for r0 in range(0, grid.height, APPLY_ROWS):
            out.write(r0, dh[r0:r0 + APPLY_ROWS])


def _labels(grid: Grid, polygons: Optional[Polygons], role: str, burn=None) -> Optional[np.ndarray]:
    if polygons is None or not len(polygons.wkb):
        return None
    labels = burn(grid, polygons) if burn else polygon_labels(grid, polygons.wkb, polygons.crs_wkt)
    if not labels.any():
        raise CryoInputError("None of the {} {} polygons covers the centre of a reference DEM cell: they lie "
                             "outside the DEM (check their CRS and extent)".format(len(polygons.wkb), role))
    return labels


def _apply(reference: np.ndarray, dem: np.ndarray, shift: coregistration.Shift, pixel: Tuple[float, float],
           aligned: Optional[GeoTiffWriter], out: np.ndarray) -> None:
    """``out = reference − shifted dem`` (NaN = nodata), block by block; the aligned DEM goes to ``aligned``."""
    for r0 in range(0, reference.shape[0], APPLY_ROWS):
        r1 = min(r0 + APPLY_ROWS, reference.shape[0])
        shifted = coregistration.shifted_rows(dem, shift, pixel, r0, r1)
        np.subtract(reference[r0:r1], shifted, out=out[r0:r1])
        if aligned is not None:
            aligned.write(r0, np.where(np.isfinite(shifted), shifted, NODATA))


def _subsample_median_and_nmad(dh: np.ndarray, cells: np.ndarray, samples: int = 2_000_000) -> Tuple[float, float]:
    """Median and NMAD of ``dh`` over ``cells`` on a regular sub-grid of at most about ``samples`` cells
    (enough for an outlier threshold, and cheap on 10^8 cells)."""
    step = max(1, int(np.sqrt(dh.size / samples)))
    return median_and_nmad(dh[::step, ::step][cells[::step, ::step]])


def _remove_outliers(dh: np.ndarray, stable: np.ndarray, centre: float, threshold: float) -> int:
    """Set stable cells with ``|dh − centre| > threshold`` to NaN and drop them from ``stable`` (in place, by
    row blocks); returns how many there were."""
    removed = 0
    for r0 in range(0, dh.shape[0], APPLY_ROWS):
        block, cells = dh[r0:r0 + APPLY_ROWS], stable[r0:r0 + APPLY_ROWS]
        bad = cells & (np.abs(block - np.float32(centre)) > threshold)
        block[bad] = np.nan
        cells &= ~bad
        removed += int(np.count_nonzero(bad))
    return removed


def _fill_glacier_elevation(reference: np.ndarray, dem: np.ndarray, labels: np.ndarray,
                            shift: coregistration.Shift, pixel: Tuple[float, float]) -> np.ndarray:
    """Give glacier cells where the reference is void the aligned DEM's elevation (in place; the reference
    is not used for anything else afterwards) and return their flat indices."""
    holes = np.flatnonzero((labels.ravel() > 0) & ~np.isfinite(reference.ravel()))
    if holes.size:
        rows, cols = np.divmod(holes, reference.shape[1])
        aligned = coregistration.bilinear_at(dem, rows + shift.y / pixel[1], cols - shift.x / pixel[0])
        reference.ravel()[holes] = aligned + shift.z
    return holes


def _histogram_edges(before: Summary) -> np.ndarray:
    """Bins centred on 0 wide enough for the stable dh before co-registration (after is narrower)."""
    half = max(abs(before.median) + 4 * before.nmad, 1.0)
    return np.linspace(-half, half, HISTOGRAM_BINS + 1)


def _style_limit(dh: np.ndarray) -> float:
    """A round colour-ramp limit: the 98th percentile of |dh| (1, 2 or 5 times a power of ten)."""
    step = max(1, int(np.sqrt(dh.size / 1_000_000)))
    values = np.abs(dh[::step, ::step])
    values = values[np.isfinite(values)]
    if not values.size:
        return 1.0
    top = float(np.percentile(values, 98)) or 1.0
    power = 10 ** math.floor(math.log10(top))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= top)
