"""The TTOP permafrost model: temperature at the top of permafrost, ground thermal classes, and an
ensemble that gives permafrost probability and zones.

TTOP (Smith & Riseborough 1996, Permafrost Periglac. Process. 7, 301-309; 2002, 13, 1-15), with the air
freezing and thawing indices DDF, DDT (°C·days, positive), the freezing and thawing n-factors nf, nt,
the thawed/frozen thermal conductivity ratio rk and the period P (days)::

    TTOP = (rk·nt·DDT − nf·DDF) / P          when rk·nt·DDT < nf·DDF   (permafrost: TTOP < 0)
    TTOP = (nt·DDT − nf·DDF / rk) / P        otherwise                 (no permafrost: TTOP ≥ 0)

Indices already measured or estimated at the ground surface (e.g. from GST, as in the Tarim Basin map)
carry the n-factors inside them: then nf = nt = 1 and only rk applies (``indices_from = "ground"``).

Classes: 1 permafrost (TTOP < 0), 2 seasonally frozen ground (TTOP ≥ 0 and DDF > 0), 3 unfrozen
(DDF = 0), then 4 glacier and 5 lake where outlines are given (:data:`~.codes.PERMAFROST_CLASSES`).

Ensemble (Obu et al. 2019, Earth-Sci. Rev. 193, 299-316): ``members`` runs, each drawing nf, nt and rk
for every land-cover class uniformly within the class's ranges (one draw per class and member, from
``seed``, so the result does not depend on how the grid is split into blocks). A member finds
permafrost where rk·nt·DDT < nf·DDF; the permafrost probability is the fraction of members that do, and
the zones follow it: continuous > 0.9, discontinuous 0.5-0.9, sporadic 0.1-0.5, isolated 0-0.1, none 0.
Glaciers and lakes are not ground: their probability and zone are nodata.
"""
from __future__ import annotations

import contextlib
import csv
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

import numpy as np

from ..codes import GLACIER, LAKE, PERMAFROST, PERMAFROST_CLASSES, PERMAFROST_ZONES, SEASONALLY_FROZEN, UNFROZEN
from ..errors import CryoInputError
from ..io.geotiff import GeoTiffWriter
from ..io.grid import Grid
from ..io.raster import band_on_grid, grid_of, open_raster
from ..io.rasterize import Polygons, polygon_mask
from ..run import Run, blocks
from ..style import pseudocolor_qml

NODATA = -9999.0
CLASS_NODATA = 0
INDICES_FROM = ("ground", "air")
PARAMETERS = ("nf", "nt", "rk")
PROBABILITY_STYLE = pseudocolor_qml([(0.0, "#fff7ec", "0"), (0.1, "#c6dbef", "0.1"), (0.5, "#6baed6", "0.5"),
                                     (0.9, "#2171b5", "0.9"), (1.0, "#08306b", "1")])


# ----------------------------------------------------------------------------------------- the model

def ttop(ddf: np.ndarray, ddt: np.ndarray, nf, nt, rk, period: float = 365.0) -> np.ndarray:
    """TTOP (°C) from freezing and thawing indices (°C·days) with the two branches of the module docstring."""
    frozen_side = nf * ddf
    thawed_side = nt * ddt
    return np.where(rk * thawed_side < frozen_side, rk * thawed_side - frozen_side,
                    thawed_side - frozen_side / rk) / period


def classify(ttop_c: np.ndarray, ddf: np.ndarray, valid: np.ndarray, glacier: Optional[np.ndarray] = None,
             lake: Optional[np.ndarray] = None) -> np.ndarray:
    """uint8 ground thermal classes (module docstring); 0 where ``valid`` is False."""
    out = np.where(ttop_c < 0, PERMAFROST, np.where(ddf > 0, SEASONALLY_FROZEN, UNFROZEN)).astype(np.uint8)
    if glacier is not None:
        out[glacier] = GLACIER
    if lake is not None:
        out[lake] = LAKE
    out[~valid] = CLASS_NODATA
    return out


def zones(probability: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """uint8 permafrost zones (:data:`~.codes.PERMAFROST_ZONES`) of a probability grid; 0 where not ``valid``."""
    p = probability
    out = np.select([p > 0.9, p >= 0.5, p >= 0.1, p > 0], [1, 2, 3, 4], 5).astype(np.uint8)
    out[~valid] = CLASS_NODATA
    return out


# ------------------------------------------------------------------------------- surface parameters

@dataclass(frozen=True)
class Parameter:
    """A parameter's value and the range an ensemble draws it from (``low == high``: fixed)."""

    value: float
    low: float
    high: float

    @classmethod
    def fixed(cls, value: float) -> "Parameter":
        return cls(value, value, value)

    @property
    def varies(self) -> bool:
        return self.high > self.low


@dataclass(frozen=True)
class SurfaceParameters:
    """n-factors and rk of one land-cover class (``code``; 0 for constants applied everywhere)."""

    code: int
    nf: Parameter
    nt: Parameter
    rk: Parameter

    def get(self, name: str) -> Parameter:
        return getattr(self, name)


def constant_parameters(nf: float, nt: float, rk: float) -> List[SurfaceParameters]:
    parameters = [SurfaceParameters(0, Parameter.fixed(nf), Parameter.fixed(nt), Parameter.fixed(rk))]
    _check_parameters(parameters, "the NF/NT/RK parameters")
    return parameters


def _number(row: Dict[str, str], key: str, line: int, path: str) -> Optional[float]:
    text = (row.get(key) or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise CryoInputError("{} line {}: {} = {!r} is not a number".format(path, line, key, text)) from None


def read_nfactors(path: str, default_rk: float) -> List[SurfaceParameters]:
    """Read a CSV ``class,nf,nt,rk`` with optional ``<name>_min``/``<name>_max`` ranges and any other columns
    (names, sources); lines starting with ``#`` are comments. An empty ``rk`` takes ``default_rk``."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            lines = [(i, text) for i, text in enumerate(fh, start=1) if text.strip() and not text.startswith("#")]
    except OSError as exc:
        raise CryoInputError("The NFACTORS table {} cannot be read ({})".format(path, exc)) from None
    reader = csv.DictReader(text for _, text in lines)
    missing = [c for c in ("class", "nf", "nt") if c not in (reader.fieldnames or [])]
    if missing:
        raise CryoInputError("The NFACTORS table {} has no column(s) {}; it needs class,nf,nt (rk and "
                             "<name>_min/<name>_max ranges optional)".format(path, ", ".join(missing)))
    parameters, seen = [], set()
    for (line, _), row in zip(lines[1:], reader):
        code = _number(row, "class", line, path)
        if code is None or code != int(code):
            raise CryoInputError("{} line {}: class must be an integer land-cover code, got {!r}".format(
                path, line, row.get("class")))
        if int(code) in seen:
            raise CryoInputError("{} line {}: class {} is listed twice".format(path, line, int(code)))
        seen.add(int(code))
        values = {}
        for name in PARAMETERS:
            value = _number(row, name, line, path)
            if value is None:
                if name != "rk":
                    raise CryoInputError("{} line {}: class {} has no {} value".format(path, line, int(code), name))
                value = default_rk
            low, high = _number(row, name + "_min", line, path), _number(row, name + "_max", line, path)
            values[name] = Parameter(value, value if low is None else low, value if high is None else high)
        parameters.append(SurfaceParameters(int(code), values["nf"], values["nt"], values["rk"]))
    if not parameters:
        raise CryoInputError("The NFACTORS table {} lists no class".format(path))
    _check_parameters(parameters, path)
    return parameters


def _check_parameters(parameters: Sequence[SurfaceParameters], source: str) -> None:
    for p in parameters:
        for name in PARAMETERS:
            value = p.get(name)
            where = "{}, class {}".format(source, p.code) if p.code else source
            if not value.low <= value.value <= value.high:
                raise CryoInputError("{}: {} = {} is outside its range {} .. {}".format(
                    where, name, value.value, value.low, value.high))
            if name == "rk" and value.low <= 0:
                raise CryoInputError("{}: rk must be > 0 (a ratio of thermal conductivities), got {}".format(
                    where, value.low))
            if value.low < 0:
                raise CryoInputError("{}: the n-factor {} must be ≥ 0, got {}".format(where, name, value.low))


# ------------------------------------------------------------------------------------------ the map

@dataclass(frozen=True)
class TtopInputs:
    """The rasters and outlines TTOP is computed from: freezing and thawing indices (°C·days, one band per year),
    an optional land-cover raster whose codes select the surface parameters, optional glacier and lake outlines
    (their cells become classes 4 and 5)."""

    ddf: str
    ddt: str
    landcover: Optional[str] = None
    glaciers: Optional[Polygons] = None
    lakes: Optional[Polygons] = None


@dataclass(frozen=True)
class TtopOutputs:
    """GeoTIFF paths: TTOP (°C) and classes always; probability and zones with an ensemble (``members`` > 0)."""

    ttop: str
    classes: str
    probability: Optional[str] = None
    zones: Optional[str] = None


@dataclass(frozen=True)
class TtopOptions:
    indices_from: str = "ground"
    period: float = 365.0
    members: int = 0
    seed: int = 1


@dataclass
class TtopResult:
    grid: Grid
    years: int
    permafrost_area_km2: float
    permafrost_fraction: float
    class_area_km2: Dict[str, float]
    mean_probability: Optional[float]


def _index_grids(ddf_path: str, ddt_path: str):
    ddf_ds, ddt_ds = open_raster(ddf_path, "freezing index DDF"), open_raster(ddt_path, "thawing index DDT")
    grid = grid_of(ddf_ds)
    if not grid_of(ddt_ds).matches(grid):
        raise CryoInputError("DDF {} and DDT {} are on different grids:\n  {}\n  {}\nuse the two outputs of one "
                             "degree-day run, or warp one onto the other".format(
                                 ddf_path, ddt_path, grid.describe(), grid_of(ddt_ds).describe()))
    if ddf_ds.RasterCount != ddt_ds.RasterCount:
        raise CryoInputError("DDF has {} band(s) (years) but DDT has {}; give the same years for both".format(
            ddf_ds.RasterCount, ddt_ds.RasterCount))
    return ddf_ds, ddt_ds, grid


def _mean_over_bands(ds, r0: int, r1: int, name: str, path: str) -> np.ndarray:
    """Mean over the bands (years) of rows r0..r1, ignoring nodata; NaN where no band has a value. Negative
    values are refused: degree-day indices are sums of positive parts (``name`` and ``path`` say which input)."""
    data = ds.ReadAsArray(0, r0, ds.RasterXSize, r1 - r0).astype(np.float32).reshape(ds.RasterCount, r1 - r0, -1)
    nodata = ds.GetRasterBand(1).GetNoDataValue()
    if nodata is not None:
        data[data == np.float32(nodata)] = np.nan
    lowest = float(np.min(data, where=~np.isnan(data), initial=0.0))
    if lowest < 0:
        raise CryoInputError(
            "{} {} holds negative values (min {:,.1f} °C·d): degree-day indices are positive sums (a freezing index "
            "counts degrees below 0 °C as positive); give the absolute values{}".format(
                name, path, lowest, ", or set the band's nodata if {:g} marks missing values".format(lowest)
                if lowest in (-9999.0, -32768.0, -32767.0) or lowest < -1e30 else ""))
    count = np.sum(~np.isnan(data), axis=0)
    with np.errstate(invalid="ignore"):
        return np.where(count > 0, np.nansum(data, axis=0) / np.maximum(count, 1), np.nan)


def _landcover_index(path: str, grid: Grid, parameters: Sequence[SurfaceParameters],
                     run: Run) -> np.ndarray:
    """Per cell, the position of its land-cover class in ``parameters`` (-1 where the land cover is nodata)."""
    ds = open_raster(path, "land cover")
    if not grid_of(ds).matches(grid):
        run.warning("The land cover was resampled (mode) from {} onto the DDF grid".format(grid_of(ds).describe()))
    classes, nodata = band_on_grid(ds, grid, "mode")
    codes = np.array([p.code for p in parameters])
    order = np.argsort(codes)
    valid = np.ones(classes.shape, bool) if nodata is None else classes != nodata
    found, counts = np.unique(classes[valid], return_counts=True)
    missing = [(int(c), int(n)) for c, n in zip(found, counts) if c not in set(codes.tolist())]
    if missing:
        raise CryoInputError("The land cover {} has class(es) missing from the NFACTORS table: {}; add a row for "
                             "each (class,nf,nt,rk) or set those cells to the land cover's nodata".format(
                                 path, ", ".join("{} ({} cells)".format(c, n) for c, n in missing)))
    position = order[np.searchsorted(codes[order], np.where(valid, classes, codes[order[0]]))]
    return np.where(valid, position, -1).astype(np.int32)


def _draws(parameters: Sequence[SurfaceParameters], options: TtopOptions) -> Dict[str, np.ndarray]:
    """Per parameter, ``(members, classes)`` values drawn uniformly in each class's range."""
    rng = np.random.default_rng(options.seed)
    draws = {}
    for name in PARAMETERS:
        low = np.array([p.get(name).low for p in parameters])
        high = np.array([p.get(name).high for p in parameters])
        draws[name] = rng.uniform(low, high, size=(options.members, len(parameters)))
    if options.indices_from == "ground":
        draws["nf"][:] = 1.0
        draws["nt"][:] = 1.0
    return draws


def ttop_map(inputs: TtopInputs, outputs: TtopOutputs, parameters: Sequence[SurfaceParameters],
             options: TtopOptions = TtopOptions(), run: Run = Run()) -> TtopResult:
    """Write TTOP (°C), the ground thermal classes and, with ``options.members`` > 0, the permafrost
    probability and zones (module docstring). Multi-band DDF/DDT (one band per year) are averaged per
    pixel over the years that have a value. ``parameters`` holds one entry per land-cover class of
    ``inputs.landcover``, or a single entry (code 0) applied everywhere when there is no land cover."""
    if options.indices_from not in INDICES_FROM:
        raise CryoInputError("INDICES_FROM must be ground or air, got {!r}".format(options.indices_from))
    if options.period <= 0:
        raise CryoInputError("PERIOD must be a positive number of days, got {}".format(options.period))
    if options.members < 0:
        raise CryoInputError("MEMBERS must be 0 (no ensemble) or more, got {}".format(options.members))
    ddf_ds, ddt_ds, grid = _index_grids(inputs.ddf, inputs.ddt)
    if inputs.landcover:
        index = _landcover_index(inputs.landcover, grid, parameters, run)
    elif len(parameters) != 1:
        raise CryoInputError("An NFACTORS table needs a LANDCOVER raster that says which class each cell is")
    else:
        index = np.zeros(grid.shape, np.int32)
    if options.indices_from == "ground" and any(p.nf.value != 1 or p.nt.value != 1 for p in parameters):
        run.warning("INDICES_FROM = ground: the indices already hold the n-factors, so nf and nt are not applied "
                    "(only rk is)")
    ensemble = options.members > 0
    if ensemble:
        varied = {"ground": ("rk",), "air": PARAMETERS}[options.indices_from]
        if not any(p.get(name).varies for p in parameters for name in varied):
            raise CryoInputError("MEMBERS > 0 needs parameter ranges to draw from ({} with <name>_min/<name>_max "
                                 "columns in the NFACTORS table); with fixed values every member is the same "
                                 "map".format(", ".join(varied)))
        if not (outputs.probability or outputs.zones):
            raise CryoInputError("MEMBERS > 0: give OUTPUT_PROBABILITY or OUTPUT_ZONES for the ensemble's result")
        draws = _draws(parameters, options)
    glacier = polygon_mask(grid, inputs.glaciers.wkb, inputs.glaciers.crs_wkt) if inputs.glaciers else None
    lake = polygon_mask(grid, inputs.lakes.wkb, inputs.lakes.crs_wkt) if inputs.lakes else None
    apply_nfactors = options.indices_from == "air"
    fixed = {name: np.array([p.get(name).value if (apply_nfactors or name == "rk") else 1.0 for p in parameters])
             for name in PARAMETERS}
    row_areas = grid.row_cell_areas_km2()
    areas = {code.key: 0.0 for code in PERMAFROST_CLASSES}
    probability_sum = probability_cells = 0.0
    metadata = {"CRYO_PRODUCT": "ttop", "INDICES_FROM": options.indices_from, "PERIOD": str(options.period),
                "YEARS": str(ddf_ds.RasterCount)}
    bands = ddf_ds.RasterCount
    row_blocks = blocks(grid.height, grid.width * (16 * bands + 64), run.budget_bytes, align=256)
    with contextlib.ExitStack() as writers:
        out_ttop = writers.enter_context(GeoTiffWriter(outputs.ttop, grid, ["ttop"], np.float32, NODATA,
                                                       metadata=metadata, units="degC"))
        out_classes = writers.enter_context(GeoTiffWriter(outputs.classes, grid, ["classes"], np.uint8, CLASS_NODATA,
                                                          class_table=PERMAFROST_CLASSES, metadata=metadata,
                                                          units="class"))
        out_probability = out_zones = None
        if ensemble and outputs.probability:
            out_probability = writers.enter_context(GeoTiffWriter(
                outputs.probability, grid, ["permafrost_probability"], np.float32, NODATA, style_qml=PROBABILITY_STYLE,
                metadata=dict(metadata, MEMBERS=str(options.members), SEED=str(options.seed))))
        if ensemble and outputs.zones:
            out_zones = writers.enter_context(GeoTiffWriter(
                outputs.zones, grid, ["permafrost_zones"], np.uint8, CLASS_NODATA, class_table=PERMAFROST_ZONES,
                metadata=dict(metadata, MEMBERS=str(options.members), SEED=str(options.seed)), units="class"))
        extreme = 0.0
        for b, (r0, r1) in enumerate(row_blocks):
            run.report(b / len(row_blocks))
            ddf = _mean_over_bands(ddf_ds, r0, r1, "DDF", inputs.ddf)
            ddt = _mean_over_bands(ddt_ds, r0, r1, "DDT", inputs.ddt)
            idx = index[r0:r1]
            valid = ~np.isnan(ddf) & ~np.isnan(ddt) & (idx >= 0)
            safe = np.where(valid, idx, 0)
            with np.errstate(invalid="ignore"):
                t = ttop(ddf, ddt, fixed["nf"][safe], fixed["nt"][safe], fixed["rk"][safe], options.period)
            g = glacier[r0:r1] if glacier is not None else None
            w = lake[r0:r1] if lake is not None else None
            classes = classify(t, ddf, valid, g, w)
            t = np.where(valid, t, NODATA).astype(np.float32)
            if valid.any():
                extreme = max(extreme, float(np.abs(t[valid]).max()))
            out_ttop.write(r0, t)
            out_classes.write(r0, classes)
            cell_area = row_areas[r0:r1, None]
            for code in PERMAFROST_CLASSES:
                areas[code.key] += float(np.sum(cell_area * (classes == code.value)))
            if ensemble:
                ground_cells = valid & (classes <= UNFROZEN)
                p = _probability(ddf, ddt, safe, ground_cells, draws, run, b, len(row_blocks))
                probability_sum += float(p[ground_cells].sum())
                probability_cells += float(ground_cells.sum())
                if out_probability is not None:
                    out_probability.write(r0, np.where(ground_cells, p, NODATA).astype(np.float32))
                if out_zones is not None:
                    out_zones.write(r0, zones(p, ground_cells))
        limit = max(1.0, float(np.ceil(extreme)))
        out_ttop.style_qml = pseudocolor_qml([(-limit, "#2166ac", "{:g} °C".format(-limit)), (0.0, "#f7f7f7", "0 °C"),
                                              (limit, "#b2182b", "{:g} °C".format(limit))])
        run.report(1.0)
    land = areas["permafrost"] + areas["seasonally_frozen"] + areas["unfrozen"]
    return TtopResult(grid, bands, areas["permafrost"], areas["permafrost"] / land if land else float("nan"),
                      areas, probability_sum / probability_cells if ensemble and probability_cells else None)


def _probability(ddf: np.ndarray, ddt: np.ndarray, index: np.ndarray, cells: np.ndarray,
                 draws: Dict[str, np.ndarray], run: Run, block: int,
                 n_blocks: int) -> np.ndarray:
    """Fraction of ensemble members with permafrost (rk·nt·DDT < nf·DDF) in each cell of ``cells``."""
    members = draws["rk"].shape[0]
    i = index[cells]
    f, t = ddf[cells], ddt[cells]
    count = np.zeros(i.shape, np.int32)
    for m in range(members):
        if m % 20 == 0:
            run.report((block + m / members) / n_blocks)
        count += (draws["rk"][m][i] * draws["nt"][m][i]) * t < draws["nf"][m][i] * f
    out = np.zeros(ddf.shape, np.float32)
    out[cells] = count / members
    return out
