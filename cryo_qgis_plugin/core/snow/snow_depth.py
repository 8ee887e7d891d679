"""Passive-microwave snow depth from two daily brightness-temperature stacks, streamed by blocks.

Dry snow scatters the 36/37 GHz emission of the ground more than the 18/19 GHz emission, so the horizontally
polarised brightness-temperature gradient grows with the depth of dry snow::

    SD = a · (Tb18H − Tb36H) + b        (cm; Tb in K)

Presets (every coefficient with its source):

* ``chang1987``: a = 1.59 cm/K, b = 0 (Chang, Foster & Hall 1987, Ann. Glaciol. 9, 39-44: Nimbus-7 SMMR 18 and
  37 GHz H, a snow density of 0.3 g/cm³ and a grain radius of 0.35 mm);
* ``che2008``: a = 0.66 cm/K, b = 1.97 cm (Che, Li, Jin, Armstrong & Zhang 2008, Ann. Glaciol. 49, 145-154:
  the Chang algorithm re-fitted to the stations of China, SSM/I 19 and 37 GHz H, as later studies cite that paper;
  not checked against the paper itself);
* ``custom``: a and b given by the caller.

Screening, per cell and day (counted and returned):

* Tb36H > 255 K: snow-free ground or wet snow (liquid water absorbs and emits, the scattering signal is gone): 0;
  under wet snow the depth is not known, it is not measured as 0 cm;
* Tb18H − Tb36H < 0: no volume scattering, hence no dry snow: 0;
* a negative SD (a custom b < 0): 0;
* with a snow mask (e.g. a ``cryo:snowcover`` stack on the same grid and dates): where the mask holds a valid
  code that is neither a snow code nor an "unknown" code (cloud), there is no snow: 0. Cells the mask leaves
  unknown (its nodata, cloud) keep the microwave depth.

Brightness temperatures are kelvin after ``stored · scale + offset``; values outside 100-320 K refuse the run with
the likely cause (tenths or hundredths of a kelvin read without their scale factor, °C, fill values).

Per season (from ``season_start``, named by the calendar year it starts in) and cell: the maximum and the mean
depth over the days with a value, the snow water equivalent of both, SWE = SD · ρ_s / ρ_w (mm, with SD in mm),
and the number of days with a value.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.stack import Stack
from ..run import Run, blocks
from ..style import pseudocolor_qml

NODATA = -9999.0
WET_SNOW_TB36_K = 255.0
PLAUSIBLE_TB_K = (100.0, 320.0)
WATER_DENSITY = 1.0  # g/cm³
# A bulk density of seasonal snow: about the initial density of the tundra and prairie classes of Sturm et al.
# 2010 (J. Hydrometeorol. 11, 1380-1393); Chang et al. 1987 assumed 0.30 g/cm³.
DEFAULT_DENSITY = 0.24
PRESET_CHOICES = ("chang1987", "che2008", "custom")
SEASON_BANDS = ("max_depth_cm", "mean_depth_cm", "max_swe_mm", "mean_swe_mm", "valid_days")
UNITS = "cm"


@dataclass(frozen=True)
class Coefficients:
    """``SD = a · (Tb18H − Tb36H) + b`` in cm, with where the numbers come from."""

    a: float
    b: float
    source: str = "custom coefficients"

    def __post_init__(self) -> None:
        if not (np.isfinite(self.a) and np.isfinite(self.b)):
            raise CryoInputError("The coefficients a and b must be finite numbers, got a={}, b={}".format(
                self.a, self.b))
        if self.a <= 0:
            raise CryoInputError("The coefficient a must be > 0 cm/K (snow deepens the 18-36 GHz gradient), got "
                                 "{}".format(self.a))

    def describe(self) -> str:
        return "SD = {:g} · (Tb18H − Tb36H) + {:g} cm ({})".format(self.a, self.b, self.source)


PRESETS: Dict[str, Coefficients] = {
    "chang1987": Coefficients(1.59, 0.0, "Chang, Foster & Hall 1987, Ann. Glaciol. 9, 39-44; SMMR 18/37 GHz H"),
    "che2008": Coefficients(
        0.66, 1.97, "Che, Li, Jin, Armstrong & Zhang 2008, Ann. Glaciol. 49, 145-154; SSM/I 19/37 GHz H, China"),
}


def coefficients(preset: str, a: Optional[float] = None, b: Optional[float] = None) -> Coefficients:
    """The coefficients of ``preset`` (:data:`PRESET_CHOICES`); ``custom`` needs ``a`` and ``b``."""
    if preset == "custom":
        if a is None or b is None:
            raise CryoInputError("PRESET custom needs both COEFFICIENT_A (cm/K) and COEFFICIENT_B (cm)")
        return Coefficients(float(a), float(b))
    if preset not in PRESETS:
        raise CryoInputError("PRESET must be one of {}, got {!r}".format(", ".join(PRESET_CHOICES), preset))
    return PRESETS[preset]


@dataclass(frozen=True)
class TbPacking:
    """How the stored values become kelvin: ``stored · scale + offset``; None takes each stack's own packing
    (``scale_factor``/``add_offset``), else 1 and 0. ``nodata`` replaces the stacks' own missing value."""

    scale: Optional[float] = None
    offset: Optional[float] = None
    nodata: Optional[float] = None

    def for_stack(self, stack: Stack) -> Tuple[float, float, Optional[float]]:
        scale = self.scale if self.scale is not None else (stack.scale if stack.scale is not None else 1.0)
        offset = self.offset if self.offset is not None else (stack.offset if stack.offset is not None else 0.0)
        if not np.isfinite(scale) or scale == 0:
            raise CryoInputError("SCALE must be a non-zero number, got {}".format(scale))
        return scale, offset, self.nodata if self.nodata is not None else stack.nodata


def kelvin(stored: np.ndarray, scale: float, offset: float, nodata: Optional[float], what: str) -> np.ndarray:
    """float32 kelvin, NaN where ``stored`` is ``nodata`` or NaN; refuses values outside :data:`PLAUSIBLE_TB_K`."""
    tb = np.multiply(stored, np.float32(scale), dtype=np.float32)
    if offset:
        tb += np.float32(offset)
    if nodata is not None and not np.isnan(nodata):
        tb[stored == nodata] = np.nan
    check_plausible_tb(tb, what, scale, offset)
    return tb


def check_plausible_tb(tb: np.ndarray, what: str, scale: float, offset: float) -> None:
    """Refuse brightness temperatures (K, NaN = missing) outside :data:`PLAUSIBLE_TB_K`, saying what to change."""
    low, high = PLAUSIBLE_TB_K
    valid = ~np.isnan(tb)
    if not valid.any():
        return
    lo = float(np.min(tb, where=valid, initial=np.inf))
    hi = float(np.max(tb, where=valid, initial=-np.inf))
    if low <= lo and hi <= high:
        return
    if 10 * low <= lo and hi <= 10 * high:
        cause = "these look like tenths of a kelvin: set SCALE to {:g}".format(scale / 10)
    elif 100 * low <= lo and hi <= 100 * high:
        cause = "these look like hundredths of a kelvin (AMSR2 L3 stores Tb × 100): set SCALE to {:g}".format(
            scale / 100)
    elif low - 273.15 <= lo and hi <= high - 273.15:
        cause = "these look like °C: brightness temperatures are kelvin, set OFFSET to {:g}".format(offset + 273.15)
    else:
        cause = ("check SCALE and OFFSET against the product's documentation; a fill value that is not the band's "
                 "nodata is given with NODATA")
    raise CryoInputError("{}: brightness temperatures from {:,.1f} to {:,.1f} K after value × {:g} + {:g}, outside the "
                         "{:g}..{:g} K of the Earth's microwave emission; {}".format(
                             what, lo, hi, scale, offset, low, high, cause))


def depth(tb18: np.ndarray, tb36: np.ndarray, coeffs: Coefficients,
          counts: Optional[Dict[str, int]] = None) -> np.ndarray:
    """Snow depth (cm, float32; NaN where either Tb is NaN) with the screening of the module docstring."""
    gradient = tb18 - tb36
    sd = gradient * np.float32(coeffs.a)
    sd += np.float32(coeffs.b)
    missing = np.isnan(sd)  # either temperature is missing
    with np.errstate(invalid="ignore"):
        warm = (tb36 > WET_SNOW_TB36_K) & ~missing
        inverse = (gradient < 0) & ~warm
        negative = (sd < 0) & ~warm & ~inverse
    sd[warm | inverse | negative] = 0.0
    if counts is not None:
        counts["warm_or_wet"] += int(np.count_nonzero(warm))
        counts["negative_gradient"] += int(np.count_nonzero(inverse))
        counts["negative_depth"] += int(np.count_nonzero(negative))
        counts["valid"] += int(missing.size - np.count_nonzero(missing))
    return sd


@dataclass(frozen=True)
class SnowMask:
    """A daily class stack on the grid of the Tb stacks: ``snow_codes`` mean snow, ``unknown_codes`` (cloud)
    and the stack's nodata mean "not known"; any other value means no snow."""

    stack: Stack
    snow_codes: Tuple[int, ...]
    unknown_codes: Tuple[int, ...] = ()

    def no_snow(self, values: np.ndarray) -> np.ndarray:
        known = ~np.isin(values, self.snow_codes + self.unknown_codes)
        if self.stack.nodata is not None:
            known &= values != self.stack.nodata
        if values.dtype.kind == "f":
            known &= ~np.isnan(values)
        return known


@dataclass
class SnowDepthResult:
    dates: List[dt.date]
    seasons: List[int]
    counts: Dict[str, int] = field(default_factory=dict)
    max_depth_cm: float = 0.0


def season_of(day: dt.date, start: Tuple[int, int]) -> int:
    """The season a day belongs to, named by the calendar year the season starts in."""
    return day.year if (day.month, day.day) >= start else day.year - 1


def check_pair(tb18: Stack, tb36: Stack) -> None:
    """The two stacks must share their grid and their dates."""
    if not tb18.grid.matches(tb36.grid):
        raise CryoInputError("The two brightness-temperature stacks are on different grids: {} is {}, {} is {}; "
                             "resample one onto the grid of the other".format(
                                 tb18.source, tb18.grid.describe(), tb36.source, tb36.grid.describe()))
    if tb18.dates != tb36.dates:
        only18 = sorted(set(tb18.dates) - set(tb36.dates))
        only36 = sorted(set(tb36.dates) - set(tb18.dates))
        detail = "; ".join(text for text in (
            "{} date(s) only in the 18 GHz stack (first {})".format(len(only18), only18[0]) if only18 else "",
            "{} date(s) only in the 36 GHz stack (first {})".format(len(only36), only36[0]) if only36 else "")
            if text)
        raise CryoInputError("The two brightness-temperature stacks do not have the same dates ({} and {} dates: {}); "
                             "give both channels for the same days".format(len(tb18.dates), len(tb36.dates), detail))


def _mask_positions(mask: SnowMask, tb: Stack) -> List[int]:
    if not mask.stack.grid.matches(tb.grid):
        raise CryoInputError("The snow mask {} is on another grid ({}) than the brightness temperatures ({}); "
                             "resample it onto their grid".format(mask.stack.source, mask.stack.grid.describe(),
                                                                  tb.grid.describe()))
    index = {day: i for i, day in enumerate(mask.stack.dates)}
    absent = [day for day in tb.dates if day not in index]
    if absent:
        raise CryoInputError("The snow mask {} has no grid for {} of the {} dates (first {}); give a mask covering "
                             "every date, or leave SNOW_MASK empty".format(
                                 mask.stack.source, len(absent), len(tb.dates), absent[0]))
    return [index[day] for day in tb.dates]


def _depth_style(limit: float) -> str:
    limit = max(float(limit), 1.0)
    return pseudocolor_qml([(0.0, "#f7fbff", "0 cm"), (limit / 2, "#6baed6", "{:.0f} cm".format(limit / 2)),
                            (limit, "#08306b", "{:.0f} cm".format(limit))])


def _segments(season_index: np.ndarray) -> List[Tuple[int, int, int]]:
    """``(season position, start, stop)`` runs of equal values in ``season_index`` (sorted dates)."""
    edges = np.flatnonzero(np.diff(season_index)) + 1
    starts = np.concatenate(([0], edges))
    stops = np.concatenate((edges, [season_index.size]))
    return [(int(season_index[a]), int(a), int(b)) for a, b in zip(starts, stops)]


def snow_depth(tb18: Stack, tb36: Stack, output: str, seasons_output: Optional[str] = None,
               coeffs: Coefficients = PRESETS["chang1987"], packing: TbPacking = TbPacking(),
               mask: Optional[SnowMask] = None, season_start: Tuple[int, int] = (8, 1),
               density: float = DEFAULT_DENSITY, run: Run = Run()) -> SnowDepthResult:
    """Write the daily snow-depth stack (float32 cm, one band per date, nodata −9999) and, when
    ``seasons_output`` is given, the season statistics (:data:`SEASON_BANDS` per season); see the module
    docstring. ``density`` is the snow density in g/cm³ for SWE."""
    if not 0.01 <= density <= 0.917:
        raise CryoInputError("DENSITY is the bulk density of snow in g/cm³ (fresh snow about 0.1, old snow up to "
                             "0.5), between 0.01 and 0.917; got {}".format(density))
    check_pair(tb18, tb36)
    for stack in (tb18, tb36):
        if stack.dtype.kind not in "uif":
            raise CryoInputError("{} holds {} values, not brightness temperatures".format(stack.source, stack.dtype))
    packs = [packing.for_stack(stack) for stack in (tb18, tb36)]
    mask_at = _mask_positions(mask, tb18) if mask is not None else None
    dates = tb18.dates
    season_index_of = {}
    for day in dates:
        season_index_of.setdefault(season_of(day, season_start), len(season_index_of))
    seasons = list(season_index_of)
    season_index = np.array([season_index_of[season_of(day, season_start)] for day in dates])
    grid = tb18.grid
    width, n_seasons = grid.width, len(seasons)
    counts = dict.fromkeys(("valid", "warm_or_wet", "negative_gradient", "negative_depth", "mask_no_snow"), 0)
    metadata = {"CRYO_PRODUCT": "snow_depth", "UNITS": UNITS, "FORMULA": "SD = a (Tb18H - Tb36H) + b",
                "COEFFICIENT_A": "{:g}".format(coeffs.a), "COEFFICIENT_B": "{:g}".format(coeffs.b),
                "COEFFICIENTS_SOURCE": coeffs.source, "SCREENING": "Tb36H > 255 K or Tb18H - Tb36H < 0 -> 0 cm",
                "SOURCE_18": tb18.source, "SOURCE_36": tb36.source}
    iso = [day.isoformat() for day in dates]
    season_names = ["{}_{}".format(name, year) for year in seasons for name in SEASON_BANDS]
    season_metadata = dict(metadata, CRYO_PRODUCT="snow_depth_seasons", DENSITY_G_CM3="{:g}".format(density),
                           SEASON_START="{:02d}-{:02d}".format(*season_start),
                           UNITS="depth cm, SWE mm (SWE = SD x density / water density), valid_days days")
    in_bytes = tb18.dtype.itemsize + tb36.dtype.itemsize + (mask.stack.dtype.itemsize if mask else 0)
    row_blocks = blocks(grid.height, width * n_seasons * 16, run.budget_bytes // 2, align=256)
    peak = 0.0
    with contextlib.ExitStack() as files:
        out = files.enter_context(GeoTiffWriter(output, grid, iso, np.float32, NODATA, band_dates=iso,
                                                metadata=metadata, units=UNITS))
        season_out = files.enter_context(GeoTiffWriter(
            seasons_output, grid, season_names, np.float32, NODATA, metadata=season_metadata,
            units=["cm", "cm", "mm", "mm", "day"] * n_seasons)) if seasons_output else None
        for b, (r0, r1) in enumerate(row_blocks):
            rows = r1 - r0
            top = np.full((n_seasons, rows, width), -np.inf, np.float32)
            total = np.zeros((n_seasons, rows, width), np.float64)
            days = np.zeros((n_seasons, rows, width), np.int32)
            slabs = blocks(len(dates), rows * width * (in_bytes + 16), run.budget_bytes // 4,
                           max(tb18.time_chunk, tb36.time_chunk))
            for t0, t1 in slabs:
                run.report((b + t0 / len(dates)) / len(row_blocks))
                tb = [kelvin(stack.read(slice(r0, r1), slice(t0, t1)), *pack, "INPUT " + stack.source)
                      for stack, pack in zip((tb18, tb36), packs)]
                sd = depth(tb[0], tb[1], coeffs, counts)
                del tb
                if mask is not None:
                    no_snow = mask.no_snow(mask.stack.read(slice(r0, r1), mask_at[t0:t1]))
                    no_snow &= sd > 0
                    counts["mask_no_snow"] += int(np.count_nonzero(no_snow))
                    sd[no_snow] = 0.0
                valid = ~np.isnan(sd)
                if valid.any():
                    peak = max(peak, float(np.max(sd, where=valid, initial=0.0)))
                for s, a, z in _segments(season_index[t0:t1]):
                    part, ok = sd[a:z], valid[a:z]
                    np.maximum(top[s], np.where(ok, part, -np.inf).max(axis=0), out=top[s])
                    total[s] += np.where(ok, part, 0.0).sum(axis=0)
                    days[s] += ok.sum(axis=0, dtype=np.int32)
                sd[~valid] = NODATA
                for k in range(t1 - t0):
                    out.write_band(t0 + k + 1, r0, sd[k])
                del sd, valid
            out.flush()
            if season_out is not None:
                _write_seasons(season_out, r0, top, total, days, density)
        out.style_qml = _depth_style(peak)
        if season_out is not None:
            season_out.style_qml = _depth_style(peak)
        run.report(1.0)
    _log(run, coeffs, counts, dates, seasons, peak)
    return SnowDepthResult(list(dates), seasons, counts, peak)


def _write_seasons(writer: GeoTiffWriter, r0: int, top: np.ndarray, total: np.ndarray, days: np.ndarray,
                   density: float) -> None:
    swe_per_cm = 10.0 * density / WATER_DENSITY  # mm of water per cm of snow
    for s in range(top.shape[0]):
        empty = days[s] == 0
        mean = np.where(empty, 0.0, total[s] / np.maximum(days[s], 1)).astype(np.float32)
        bands = (top[s], mean, top[s] * swe_per_cm, mean * swe_per_cm, days[s].astype(np.float32))
        for k, values in enumerate(bands):
            values = np.where(empty, NODATA, values).astype(np.float32)
            writer.write_band(s * len(SEASON_BANDS) + k + 1, r0, values)
    writer.flush()


def _log(run: Run, coeffs: Coefficients, counts: Dict[str, int], dates: Sequence[dt.date], seasons: Sequence[int],
         peak: float) -> None:
    run.info("{}; {} dates {} .. {}, seasons {}".format(coeffs.describe(), len(dates), dates[0], dates[-1],
                                                        ", ".join(map(str, seasons))))
    valid = max(counts["valid"], 1)
    run.info("Screened to 0 cm: {:,} cell-days with Tb36H > {:g} K (snow-free ground or wet snow, whose depth "
             "microwaves cannot tell) = {:.1%}; {:,} with Tb18H − Tb36H < 0 (no dry snow) = {:.1%}; {:,} with a "
             "negative depth = {:.1%}; {:,} set to 0 by the snow mask = {:.1%} of {:,} cell-days with both "
             "temperatures".format(
                 counts["warm_or_wet"], WET_SNOW_TB36_K, counts["warm_or_wet"] / valid, counts["negative_gradient"],
                 counts["negative_gradient"] / valid, counts["negative_depth"], counts["negative_depth"] / valid,
                 counts["mask_no_snow"], counts["mask_no_snow"] / valid, counts["valid"]))
    run.info("Deepest snow: {:.1f} cm".format(peak))
    if counts["valid"] == 0:
        run.warning("No cell-day has both brightness temperatures: the output is nodata everywhere")


def unit_types(path: str) -> List[str]:
    """The unit type of every band of ``path``."""
    ds = gdal.Open(path)
    return [ds.GetRasterBand(i + 1).GetUnitType() for i in range(ds.RasterCount)]
