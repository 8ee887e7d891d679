"""Permafrost ground deformation from an InSAR time series: long-term trend and seasonal (Stefan) component.

Per pixel, for the displacement d(t) (mm, line of sight or vertical) at the acquisition dates t::

    d(t) = d0 + v·(t − t0) + e·sqrt(A_T(t)) [+ f·sqrt(A_F(t))]

(Liu, Zhang & Wahr 2010, J. Geophys. Res. 115, F03023, eq. 4-5: the seasonal subsidence of the active layer
follows the Stefan solution, proportional to the square root of the accumulated degree days of thawing since
the thaw starts each year; Liu et al. 2012, J. Geophys. Res. 117, F01005, eq. 1-3, with the same basis). ``v`` is
the long-term velocity (mm/yr, t − t0 in years of 365.25 days from the first date), ``e`` the seasonal
coefficient (mm per sqrt(°C·day)), ``f`` the optional frost-heave coefficient. The indices and the design are in
:mod:`.thaw_index`, the vectorised least squares and the output bands in :mod:`.deformation_fit`; this module
streams a displacement stack through them by row blocks.

Line of sight to vertical (optional): d_v = d_los / cos θ (:mod:`..io.incidence`), applied before the fit.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.incidence import Incidence
from ..io.stack_base import Stack
from ..style import pseudocolor_qml
from ..run import Run, blocks
from .deformation_fit import apply, band_names, fit_bands, fit_block
from .thaw_index import BlockDesign, Design

MAX_DISPLACEMENT_MM = 10000.0  # |d| above 10 m: units mixed up
NODATA = -9999.0
# band 1 (velocity) opens on a diverging ramp: subsidence (thaw settlement, degradation) red, uplift blue
VELOCITY_STYLE = pseudocolor_qml([(-20.0, "#b2182b", "-20 mm/yr (subsidence)"), (0.0, "#f7f7f7", "0 mm/yr"),
                                  (20.0, "#2166ac", "+20 mm/yr (uplift)")])
MODEL_STYLE = pseudocolor_qml([(-50.0, "#b2182b", "-50 mm"), (0.0, "#f7f7f7", "0 mm"), (50.0, "#2166ac", "+50 mm")])
# the unit of each output band (the seasonal coefficients e and f multiply the square root of a degree-day index);
# r2 and n_dates have none
BAND_UNITS = {"velocity_mm_yr": "mm/yr", "velocity_se": "mm/yr", "seasonal_coef": "mm/(degC day)^0.5",
              "seasonal_coef_se": "mm/(degC day)^0.5", "seasonal_amplitude_mm": "mm",
              "frost_heave_coef": "mm/(degC day)^0.5", "rmse_mm": "mm", "alt_m": "m", "offset_mm": "mm"}
# dataset metadata of the outputs, read by the time-series dock to overlay the model on the data
KIND_KEY = "CRYO_KIND"
RUN_KEY = "CRYO_RUN_ID"  # the same in the components raster and the model stack of one run
T0_KEY = "CRYO_T0"  # the first date (t0 of the velocity term)
TO_MM_KEY = "CRYO_INPUT_TO_MM"  # mm per unit of INPUT
REFERENCE_KEY = "CRYO_REFERENCE_DATE"  # the date subtracted from INPUT before the fit, or empty
INCIDENCE_KEY = "CRYO_INCIDENCE"  # empty (no conversion), an angle in degrees or the incidence raster's path
COMPONENTS_KIND, MODEL_KIND = "insar_components", "insar_model"


@dataclass
class DeformationResult:
    bands: List[str]
    n_pixels: int  # pixels solved
    n_unsolved: int  # pixels with data but too few dates or a singular design
    median_velocity: float
    median_r2: float


def check_units(units: str) -> float:
    """mm per unit of the displacements (``units`` m or mm)."""
    if units not in ("m", "mm"):
        raise CryoInputError("UNITS must be m or mm, got {!r}".format(units))
    return 1000.0 if units == "m" else 1.0


def reference_index(dates: List[dt.date], reference_date: Optional[dt.date]) -> Optional[int]:
    """The position of ``reference_date`` among the acquisition dates (refused when it is not one of them)."""
    if reference_date is None:
        return None
    if reference_date not in dates:
        raise CryoInputError("REFERENCE_DATE {} is not an acquisition date of INPUT ({} .. {})".format(
            reference_date, dates[0], dates[-1]))
    return dates.index(reference_date)


def check_enough_dates(dates: List[dt.date], unknowns: int) -> None:
    if len(dates) < unknowns + 1:
        raise CryoInputError("{} InSAR dates, fewer than the {} the model needs ({} unknowns + 1): give a longer "
                             "time series".format(len(dates), unknowns + 1, unknowns))


def checked_setup(dates: List[dt.date], design: Design, units: str,
                  reference_date: Optional[dt.date]) -> Tuple[float, int, Optional[int]]:
    """mm per unit, the number of unknowns and the reference date's position, with every check of the inputs
    that comes before the fit (units, enough dates, reference date, a design that can be solved)."""
    factor = check_units(units)
    k = design.unknowns
    check_enough_dates(dates, k)
    ref = reference_index(dates, reference_date)
    if isinstance(design, Design):
        design.check_solvable(dates)
    return factor, k, ref


def to_millimetres(values: np.ndarray, factor: float, where: str, units: str, offset: float = 0.0) -> np.ndarray:
    """Displacements (dates, pixels) as float64 mm (``(values + offset)·factor``, in place when ``values`` is
    already float64), refused when some exceeds :data:`MAX_DISPLACEMENT_MM`."""
    block = np.asarray(values, np.float64)
    if offset:
        block += offset
    block *= factor
    biggest = max(np.nanmax(block, initial=0.0), -np.nanmin(block, initial=0.0))
    if biggest > MAX_DISPLACEMENT_MM:
        raise CryoInputError("INPUT: a displacement of {:,.1f} m ({}) read with UNITS={}: no ground moves more "
                             "than 10 m between acquisitions; units mixed up? set UNITS (m or mm)".format(
                                 biggest / 1000.0, where, units))
    return block


@dataclass
class ChunkFit:
    """The fit of a block of pixels (or points): output bands (bands, pixels), NaN where not solved."""

    bands: np.ndarray
    model: Optional[np.ndarray]  # (dates, pixels) the fitted model, when asked
    solved: int
    unsolved: int  # with data but too few dates or a singular design
    uncovered: int  # without temperature for some of their dates


def fit_chunk(block: np.ndarray, part: BlockDesign, frost_heave: bool, porosity: Optional[float],
              saturation: Optional[float], with_model: bool) -> ChunkFit:
    """Fit displacements ``block`` (dates, pixels; mm, referenced, vertical as wanted) on the design ``part``."""
    fit = fit_block(part.matrix, block)
    no_temperature = part.uncovered if part.uncovered is not None else np.zeros(block.shape[1], bool)
    fit.coefficients[:, no_temperature] = np.nan
    bands = fit_bands(part, fit, frost_heave, porosity, saturation)
    bands[:, no_temperature] = np.nan
    model = apply(part.matrix, fit.coefficients) if with_model else None
    return ChunkFit(bands, model, int(np.isfinite(bands[0]).sum()), int((fit.unsolved & ~no_temperature).sum()),
                    int(no_temperature.sum()))


def _metadata(kind: str, run_id: str, dates: List[dt.date], factor: float, reference_date: Optional[dt.date],
              incidence: Optional[Incidence]) -> dict:
    angle = "" if incidence is None else (
        "{:g}".format(incidence.degrees) if incidence.degrees is not None else incidence.path)
    return {KIND_KEY: kind, RUN_KEY: run_id, T0_KEY: dates[0].isoformat(), TO_MM_KEY: "{:g}".format(factor),
            REFERENCE_KEY: reference_date.isoformat() if reference_date else "", INCIDENCE_KEY: angle}


def deformation_raster(stack: Stack, design: Design, output_path: str, units: str = "m",
                       reference_date: Optional[dt.date] = None, frost_heave: bool = False,
                       porosity: Optional[float] = None, saturation: Optional[float] = None,
                       incidence: Optional[Incidence] = None, model_path: Optional[str] = None,
                       run: Run = Run()) -> DeformationResult:
    """Fit the model to every pixel of a displacement ``stack`` (``units`` m or mm) streamed by row blocks and
    write a float32 GeoTIFF (bands :func:`~.deformation_fit.band_names`, nodata −9999). ``design``: a
    :class:`~.thaw_index.Design` (one temperature series) or a design of a temperature stack (the same
    ``unknowns`` and ``block(rows, width)``). ``reference_date``: displacements re-referenced to that
    acquisition date; ``incidence``: line of sight to vertical; ``model_path``: also write the fitted model at
    every acquisition date (mm, a stack with the dates of INPUT)."""
    dates = list(stack.dates)
    factor, k, ref = checked_setup(dates, design, units, reference_date)
    with_alt = porosity is not None and saturation is not None
    names = band_names(frost_heave, with_alt)
    height, width = stack.grid.shape
    # a per-pixel design (a temperature stack) also holds its matrix and the fit's copy of it for every pixel
    row_bytes = width * (8 * ((6 + 2 * k) * len(dates) + 3 * k * k + 4 * len(names)) +
                         design.bytes_per_pixel)
    solved = unsolved = uncovered = 0
    velocities, r2s = [], []
    run_id = uuid.uuid4().hex
    writers = [GeoTiffWriter(output_path, stack.grid, names, np.float32, nodata=NODATA, style_qml=VELOCITY_STYLE,
                             metadata=_metadata(COMPONENTS_KIND, run_id, dates, factor, reference_date, incidence),
                             units=[BAND_UNITS.get(name, "") for name in names])]
    if model_path:
        writers.append(GeoTiffWriter(
            model_path, stack.grid, [d.isoformat() for d in dates], np.float32, nodata=NODATA,
            band_dates=[d.isoformat() for d in dates], style_qml=MODEL_STYLE,
            metadata=_metadata(MODEL_KIND, run_id, dates, factor, reference_date, incidence), units="mm"))
    if incidence is not None:
        run.info("Line of sight to vertical: d_v = d_los / cos θ, {}".format(incidence.describe()))
    with contextlib.ExitStack() as open_writers:
        writer, model_writer = [open_writers.enter_context(w) for w in writers] + [None] * (2 - len(writers))
        parts = blocks(height, row_bytes, run.budget_bytes)
        for i, (r0, r1) in enumerate(parts):
            run.check()
            stored = stack.read(slice(r0, r1)).reshape(len(dates), -1)
            raw = stored.astype(np.float64)
            if stack.nodata is not None and not np.isnan(stack.nodata):
                np.copyto(raw, np.nan, where=stored == stack.nodata)
            scale = stack.scale or 1.0
            block = to_millimetres(raw, factor * scale, "rows {}-{}".format(r0, r1 - 1), units,
                                   (stack.offset or 0.0) / scale)
            if ref is not None:
                block -= block[ref].copy()
            if incidence is not None:
                block /= incidence.cosines(slice(r0, r1))
            chunk = fit_chunk(block, design.block(slice(r0, r1), width), frost_heave, porosity, saturation,
                              with_model=model_writer is not None)
            solved += chunk.solved
            unsolved += chunk.unsolved
            uncovered += chunk.uncovered
            ok = np.isfinite(chunk.bands[0])
            velocities.append(chunk.bands[0][ok])
            r2 = chunk.bands[names.index("r2")]
            r2s.append(r2[ok & np.isfinite(r2)])
            bands = np.where(np.isfinite(chunk.bands), chunk.bands, NODATA)
            writer.write(r0, bands.reshape(len(names), r1 - r0, width))
            if model_writer is not None:
                model = np.where(np.isfinite(chunk.model), chunk.model, NODATA)
                model_writer.write(r0, model.reshape(len(dates), r1 - r0, width))
            run.report((i + 1) / len(parts))
    if unsolved:
        run.warning("{} pixels with data have fewer than {} valid dates or a singular design (no thaw between "
                    "their dates): nodata".format(unsolved, k + 1))
    if uncovered:
        run.warning("{} pixels have no temperature for some of their dates: nodata".format(uncovered))
    velocity = np.concatenate(velocities) if velocities else np.empty(0)
    r2 = np.concatenate(r2s) if r2s else np.empty(0)
    median_velocity = float(np.median(velocity)) if velocity.size else float("nan")
    run.info("{} pixels fitted; median velocity {:.2f} mm/yr".format(solved, median_velocity))
    return DeformationResult(names, solved, unsolved, median_velocity,
                             float(np.median(r2)) if r2.size else float("nan"))
