"""The design of the deformation model from a daily temperature STACK: one thaw index per pixel.

The model and the columns are those of :mod:`.thaw_index` (Liu, Zhang & Wahr 2010, J. Geophys. Res. 115,
F03023, eq. 4-5; Liu et al. 2012, J. Geophys. Res. 117, F01005): 1, t − t0 (years of 365.25 days from the first
InSAR date), sqrt(A_T(t))[, sqrt(A_F(t))], but A_T and A_F come from the temperature of each pixel's own cell
(GST or LST as ``cryo:lsttogst`` writes, daily), so the design is one matrix per pixel (dates, pixels, k).

Rules (the same as :func:`.thaw_index.design_matrix` for one series, applied to every cell):

* A_T(t) = Σ max(T, 0) over the days from ``YEAR_START`` of t's season year to t (both included), A_F(t) =
  Σ max(−T, 0) from ``FREEZE_START``; both reset every year. T in °C: stored values × SCALE + OFFSET (− 273.15
  for Kelvin, ``packing``), the stack's nodata and NaN missing, implausible temperatures refused
  (:func:`~..io.temperature.check_plausible_celsius`: Kelvin read as °C).
* A cell's runs of at most :data:`~.thaw_index.MAX_GAP` missing days between two known days are filled
  linearly (dates absent from the stack are missing days of every cell); longer runs stay missing.
* Sampling: each InSAR pixel takes the temperature cell its centre falls in (nearest cell; temperature grids
  are usually coarser, MODIS 1 km against InSAR 30-100 m). The stack must be in the CRS of the InSAR grid
  (otherwise refused: warp it first). A pixel outside the temperature grid, or whose cell misses a day that
  the index of one of its dates accumulates, is ``uncovered`` (the caller writes it nodata and counts it).
* The dates of the stack must cover, for every InSAR date, the days its indices accumulate (from its season
  start to the date, gaps of at most MAX_GAP days filled), as for one series: otherwise refused, naming the
  InSAR date and the missing day.

Cost: the indices are computed once per temperature cell, vectorised over the cells of a row range (no loop
over cells; loops over seasons only), on the days from the earliest season start the first InSAR date needs to
the last InSAR date (plus MAX_GAP + 1 days each side for the gap filling), and gathered to the pixels. The
temperature rows of an InSAR row block are read once and kept while the next blocks still fall in them.
"""
from __future__ import annotations

import bisect
import datetime as dt
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import CryoInputError
from ..io.grid import Grid, spatial_reference
from ..io.stack_base import Stack
from ..io.temperature import Packing, check_plausible_celsius
from ..run import Run
from .thaw_index import MAX_GAP, BlockDesign, _month_day, season_start_of, years_since_first

READ_SHARE = 4  # the temperature reads of one step take at most run.budget_bytes / READ_SHARE
BYTES_PER_DAY_CELL = 48  # the daily series of a cell and the temporaries of its gap filling and indices
CellIndices = Tuple[np.ndarray, np.ndarray, np.ndarray]  # sqrt of the indices (dates, cells, n), max A_T, bad


def fill_short_gaps(series: np.ndarray, max_gap: int = MAX_GAP) -> np.ndarray:
    """``series`` (days, cells), NaN where missing, with every run of at most ``max_gap`` missing days between
    two known days of a cell filled linearly (in place; vectorised over cells). The values are those of
    ``numpy.interp`` between the two known days, as :func:`.thaw_index.daily_series` fills one series."""
    days = series.shape[0]
    known = np.isfinite(series)
    if known.all() or days == 0:
        return series
    index = np.arange(days, dtype=np.int32)[:, None]
    before = np.maximum.accumulate(np.where(known, index, -1), axis=0)
    after = np.minimum.accumulate(np.where(known, index, days)[::-1], axis=0)[::-1]
    fill = ~known & (before >= 0) & (after < days) & (after - before - 1 <= max_gap)
    day, cell = np.nonzero(fill)
    if day.size:
        start, stop = before[day, cell], after[day, cell]
        a, b = series[start, cell], series[stop, cell]
        slope = (b - a) / (stop - start).astype(float)
        series[day, cell] = slope * (day - start).astype(float) + a
    return series


class StackDesign:
    """The design of the deformation model from a daily temperature stack, per InSAR pixel: the interface of
    :class:`.thaw_index.Design` (``unknowns``, ``block``, ``at_points``, ``describe``).

    ``temperature``: daily stack (stored values, turned into °C by ``packing``) in the CRS of ``insar_grid``;
    ``insar_dates``: the acquisition dates (in order)."""

    def __init__(self, temperature: Stack, insar_grid: Grid, insar_dates: Sequence[dt.date],
                 packing: Packing = Packing(), year_start: str = "01-01", frost_heave: bool = False,
                 freeze_start: str = "07-01", run: Run = Run()):
        if not insar_dates:
            raise CryoInputError("INPUT holds no acquisition date")
        self.stack, self.grid, self.packing, self.run = temperature, insar_grid, packing, run
        self.dates = list(insar_dates)
        self.starts = [_month_day(year_start, "YEAR_START")]
        if frost_heave:
            self.starts.append(_month_day(freeze_start, "FREEZE_START"))
        self.years = years_since_first(self.dates)
        _check_same_crs(temperature.grid, insar_grid)
        first_needed = min(season_start_of(self.dates[0], s) for s in self.starts)
        self.first_needed = first_needed
        # MAX_GAP + 1 days each side, so that a gap reaching into the needed days is filled as in one series
        self.origin = first_needed - dt.timedelta(days=MAX_GAP + 1)
        self.n_days = (self.dates[-1] - self.origin).days + MAX_GAP + 2
        stack_dates = temperature.dates
        lo = bisect.bisect_left(stack_dates, self.origin)
        hi = bisect.bisect_right(stack_dates, self.origin + dt.timedelta(days=self.n_days - 1))
        self.times = slice(lo, hi)
        self.day_of_time = np.array([(d - self.origin).days for d in stack_dates[lo:hi]], int)
        self.date_days = np.array([(d - self.origin).days for d in self.dates], int)
        self._check_dates_cover()
        self.rows_of, self.cols_of = _nearest_cells(temperature.grid, insar_grid)
        self.used_cols = np.unique(self.cols_of[self.cols_of >= 0])
        self.col_position = np.searchsorted(self.used_cols, self.cols_of)
        inside = int((self.rows_of >= 0).sum()) * int((self.cols_of >= 0).sum())
        if inside == 0:
            raise CryoInputError("TEMPERATURE ({}) does not overlap the InSAR grid ({}): give a temperature "
                                 "stack of the same area".format(temperature.grid.describe(), insar_grid.describe()))
        outside = insar_grid.width * insar_grid.height - inside
        if outside:
            run.warning("{} InSAR pixels lie outside the grid of TEMPERATURE: nodata".format(outside))
        self._rows: Dict[int, CellIndices] = {}  # temperature row -> the indices of its used cells
        self._probe_plausibility()

    @property
    def unknowns(self) -> int:
        return 2 + len(self.starts)

    @property
    def bytes_per_pixel(self) -> int:
        """The memory one pixel's design takes in a block (the matrix, its gathered indices and the fit's copy
        of the matrix), for the caller's block size: a shared design (one series) takes none per pixel."""
        return len(self.dates) * 8 * (2 * self.unknowns + len(self.starts))

    def describe(self) -> str:
        g = self.stack.grid
        insar = self.grid.geotransform
        per_cell = abs(g.geotransform[1] * g.geotransform[5] / (insar[1] * insar[5]))
        return ("Temperature stack {}: {} days {} .. {}, {} x {} cells ({:.3g} InSAR pixels each), each pixel "
                "taking the cell of its centre; days {} .. {} used; A_T from {:02d}-{:02d}{} every year, gaps "
                "of at most {} days filled".format(
                    self.stack.source, len(self.stack.dates), self.stack.dates[0], self.stack.dates[-1], g.width,
                    g.height, per_cell, self.first_needed, self.dates[-1], *self.starts[0],
                    ", A_F from {:02d}-{:02d}".format(*self.starts[1]) if len(self.starts) > 1 else "", MAX_GAP))

    # ------------------------------------------------------------------------------------ the interface
    def block(self, rows: slice, width: int) -> BlockDesign:
        """The design of every pixel of the InSAR rows ``rows``: (dates, pixels, k), max A_T and uncovered per
        pixel (pixels in row order)."""
        if width != self.grid.width:
            raise ValueError("block width {} is not the InSAR grid's {}".format(width, self.grid.width))
        r0, r1, _ = rows.indices(self.grid.height)
        t_rows = self.rows_of[r0:r1]
        needed = np.unique(t_rows[t_rows >= 0])
        for row in [r for r in self._rows if needed.size and r < needed[0]]:
            del self._rows[row]  # blocks go down the grid: rows above this block are not needed again
        missing = [int(r) for r in needed if int(r) not in self._rows]
        if missing:  # read ahead: the next blocks' rows come with the same read (one decompression per tile)
            ahead = min(missing[0] + self._read_rows, int(self.rows_of.max()) + 1)
            self._compute_rows(missing[0], max(missing[-1] + 1, ahead))
        n_cols = self.used_cols.size
        parts = [self._rows[int(r)] for r in needed]
        sqrt_at, max_thaw, bad = self._with_sentinel(
            [np.concatenate([p[i] for p in parts], axis=1 if i == 0 else 0) if parts else None for i in range(3)],
            len(needed) * n_cols)
        row_position = np.searchsorted(needed, t_rows)
        cell = row_position[:, None] * n_cols + self.col_position[None, :]
        cell[(t_rows < 0)[:, None] | (self.cols_of < 0)[None, :]] = len(needed) * n_cols  # the sentinel
        return self._gather(sqrt_at, max_thaw, bad, cell.ravel())

    def at_points(self, xs: np.ndarray, ys: np.ndarray) -> BlockDesign:
        """The design of points (coordinates in the CRS of the InSAR grid): the cell each falls in."""
        g = self.stack.grid
        x0, dx, _, y0, _, dy = g.geotransform
        cols = np.floor((np.asarray(xs, float) - x0) / dx)
        rows = np.floor((np.asarray(ys, float) - y0) / dy)
        inside = (cols >= 0) & (cols < g.width) & (rows >= 0) & (rows < g.height)
        ids = np.where(inside, rows * g.width + cols, -1).astype(np.int64)
        cells, inverse = np.unique(ids[inside], return_inverse=True)
        results: List[CellIndices] = []
        cell_rows, cell_cols = cells // g.width, cells % g.width
        chunks: List[Tuple[int, int]] = []
        for row in sorted(set(cell_rows.tolist())):  # rows close together are read at once
            if chunks and row < chunks[-1][0] + self._read_rows:
                chunks[-1] = (chunks[-1][0], row + 1)
            else:
                chunks.append((row, row + 1))
        for lo, hi in chunks:
            pick = (cell_rows >= lo) & (cell_rows < hi)
            results.append(self._cell_indices(self._read(lo, hi), cell_rows[pick] - lo, cell_cols[pick]))
        sqrt_at, max_thaw, bad = self._with_sentinel(
            [np.concatenate([r[i] for r in results], axis=1 if i == 0 else 0) if results else None
             for i in range(3)], cells.size)
        cell = np.full(ids.shape, cells.size, np.int64)
        cell[inside] = inverse.ravel()
        return self._gather(sqrt_at, max_thaw, bad, cell)

    # ------------------------------------------------------------------------------------ the work
    def _gather(self, sqrt_at: np.ndarray, max_thaw: np.ndarray, bad: np.ndarray, cell: np.ndarray) -> BlockDesign:
        matrix = np.empty((len(self.dates), cell.size, self.unknowns))
        matrix[:, :, 0] = 1.0
        matrix[:, :, 1] = self.years[:, None]
        matrix[:, :, 2:] = np.take(sqrt_at, cell, axis=1)
        return BlockDesign(matrix, max_thaw[cell], bad[cell])

    def _with_sentinel(self, arrays: List[Optional[np.ndarray]], n_cells: int) -> CellIndices:
        """The cells' indices followed by one cell without temperature (for pixels outside the grid)."""
        n = len(self.starts)
        sqrt_at = np.full((len(self.dates), n_cells + 1, n), np.nan)
        max_thaw = np.full(n_cells + 1, np.nan)
        bad = np.ones(n_cells + 1, bool)
        if arrays[0] is not None:
            sqrt_at[:, :n_cells], max_thaw[:n_cells], bad[:n_cells] = arrays
        return sqrt_at, max_thaw, bad

    @property
    def _share(self) -> int:
        return max(1, int(self.run.budget_bytes // READ_SHARE))

    @property
    def _read_rows(self) -> int:
        """How many temperature rows one read takes: their stored values and the kept indices of their cells."""
        kept = len(self.dates) * self.used_cols.size * (len(self.starts) + 1) * 8
        stored = max(1, len(self.day_of_time)) * self.stack.grid.width * self.stack.dtype.itemsize
        return max(1, self._share // (stored + kept))

    def _read(self, lo: int, hi: int) -> np.ndarray:
        """The stored values (times, rows, width) of the temperature rows lo..hi-1 on the days used."""
        self.run.check()
        return self.stack.read(slice(lo, hi), self.times)

    def _compute_rows(self, lo: int, hi: int) -> None:
        """The indices of the used cells of the temperature rows lo..hi-1, kept by row."""
        n_cols = self.used_cols.size
        for start in range(lo, hi, self._read_rows):
            stop = min(start + self._read_rows, hi)
            rel = np.repeat(np.arange(stop - start), n_cols)
            sqrt_at, max_thaw, bad = self._cell_indices(self._read(start, stop), rel,
                                                        np.tile(self.used_cols, stop - start))
            for i, row in enumerate(range(start, stop)):
                part = slice(i * n_cols, (i + 1) * n_cols)
                self._rows[row] = (sqrt_at[:, part].copy(), max_thaw[part], bad[part])

    def _cell_indices(self, stored: np.ndarray, rel_rows: np.ndarray, cols: np.ndarray) -> CellIndices:
        """:meth:`_indices` of the cells (``rel_rows``, ``cols``) of ``stored`` (times, rows, width), computed
        a part of the cells at a time within the budget."""
        size = max(1, self._share // (self.n_days * BYTES_PER_DAY_CELL))
        parts = [self._indices(self._series(stored[:, rel_rows[i:i + size], cols[i:i + size]]))
                 for i in range(0, len(cols), size)]
        return tuple(np.concatenate([p[j] for p in parts], axis=1 if j == 0 else 0) for j in range(3))

    def _series(self, stored: np.ndarray) -> np.ndarray:
        """The daily °C (days, cells) on the days from :attr:`origin` of the ``stored`` values (times, cells),
        NaN where missing after filling the short gaps."""
        celsius, missing = self._celsius(stored)
        celsius[missing] = np.nan
        series = np.full((self.n_days, stored.shape[1]), np.nan)
        series[self.day_of_time] = celsius
        return fill_short_gaps(series)

    def _celsius(self, stored: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """°C (float64, as :func:`.thaw_index.design_matrix` converts) and the missing mask, checked."""
        celsius = stored.astype(float) * self.packing.scale + self.packing.celsius_offset
        missing = np.isnan(celsius)
        nodata = self.stack.nodata
        if nodata is not None and not np.isnan(nodata):
            missing |= stored == nodata
        check_plausible_celsius(celsius, missing, "TEMPERATURE {}".format(self.stack.source), self.packing)
        return celsius, missing

    def _indices(self, series: np.ndarray) -> CellIndices:
        """sqrt(A_T)[, sqrt(A_F)] at the InSAR dates (dates, cells, n), max A_T over the days from the first to
        the last InSAR date (cells,), and the cells missing a day that some date's index accumulates."""
        sqrt_at = np.empty((len(self.dates), series.shape[1], len(self.starts)))
        max_thaw = np.full(series.shape[1], np.nan)
        first_day = self.date_days[0]
        for n, start in enumerate(self.starts):
            for s, e in self._seasons(start):
                part = np.maximum(series[s:e], 0.0) if n == 0 else np.maximum(-series[s:e], 0.0)
                index = np.cumsum(part, axis=0)  # a missing day makes the rest of its season NaN
                inside = (self.date_days >= s) & (self.date_days < e)
                sqrt_at[inside, :, n] = np.sqrt(index[self.date_days[inside] - s])
                if n == 0 and first_day < e:
                    max_thaw = np.fmax(max_thaw, np.fmax.reduce(index[max(first_day - s, 0):], axis=0))
        bad = ~np.isfinite(sqrt_at).all(axis=(0, 2))
        return sqrt_at, max_thaw, bad

    def _seasons(self, start: Tuple[int, int]) -> List[Tuple[int, int]]:
        """[first, stop) day ranges (from :attr:`origin`) of the seasons holding InSAR dates (to the last)."""
        day = season_start_of(self.dates[0], start)
        bounds = []
        while day <= self.dates[-1]:
            bounds.append((day - self.origin).days)
            day = dt.date(day.year + 1, *start)
        stop = int(self.date_days[-1]) + 1
        return list(zip(bounds, bounds[1:] + [stop]))

    def _check_dates_cover(self) -> None:
        """Refuse InSAR dates whose indices need a day the stack has no grid of (every cell misses it)."""
        present = np.full((self.n_days, 1), np.nan)
        present[self.day_of_time] = 0.0
        fill_short_gaps(present)
        sqrt_at, _, _ = self._indices(present)
        uncovered = ~np.isfinite(sqrt_at[:, 0, :])
        if not uncovered.any():
            return
        i, n = (int(v[0]) for v in np.nonzero(uncovered))
        day = self.dates[i]
        needed_from = season_start_of(day, self.starts[n])
        span = present[(needed_from - self.origin).days:self.date_days[i] + 1, 0]
        missing = needed_from + dt.timedelta(days=int(np.flatnonzero(np.isnan(span))[0]))
        stack_dates = self.stack.dates
        raise CryoInputError(
            "TEMPERATURE does not cover the InSAR date {}: its index accumulates the daily temperatures from {} "
            "and the stack has no grid of {} (stack {} .. {}, {} grids; gaps of at most {} days are filled); give "
            "a longer temperature stack or leave that date out".format(
                day, needed_from, missing, stack_dates[0], stack_dates[-1], len(stack_dates), MAX_GAP))

    def _probe_plausibility(self) -> None:
        """Read three days of the rows under the InSAR grid and refuse implausible temperatures now (Kelvin read
        as °C), before the long run."""
        rows = self.rows_of[self.rows_of >= 0]
        times = range(self.times.start, self.times.stop)
        if not len(times):
            return
        picks = sorted({times[0], times[len(times) // 2], times[-1]})
        self._celsius(self.stack.read(slice(int(rows.min()), int(rows.max()) + 1), picks)[:, :, self.used_cols])


def _check_same_crs(temperature: Grid, insar: Grid) -> None:
    for name, grid in (("TEMPERATURE", temperature), ("INPUT", insar)):
        if grid.geotransform[2] or grid.geotransform[4]:
            raise CryoInputError("{} is on a rotated grid: warp it to a north-up grid first (Raster > "
                                 "Projections > Warp)".format(name))
    if not spatial_reference(temperature.crs_wkt).IsSame(spatial_reference(insar.crs_wkt)):
        raise CryoInputError(
            "TEMPERATURE is in {} but the InSAR grid in {}: warp the temperature stack to the InSAR CRS first "
            "(Raster > Projections > Warp, keeping its cell size; each InSAR pixel then takes the cell it falls "
            "in)".format(spatial_reference(temperature.crs_wkt).GetName(), spatial_reference(insar.crs_wkt).GetName()))


def _nearest_cells(temperature: Grid, insar: Grid) -> Tuple[np.ndarray, np.ndarray]:
    """The temperature row of every InSAR row and column of every InSAR column (the cell holding the pixel
    centres; −1 outside the temperature grid). Both grids are north-up, so rows and columns are separable."""
    x0, dx, _, y0, _, dy = insar.geotransform
    tx0, tdx, _, ty0, _, tdy = temperature.geotransform
    xs = x0 + (np.arange(insar.width) + 0.5) * dx
    ys = y0 + (np.arange(insar.height) + 0.5) * dy
    cols = np.floor((xs - tx0) / tdx)
    rows = np.floor((ys - ty0) / tdy)
    cols = np.where((cols >= 0) & (cols < temperature.width), cols, -1).astype(np.int64)
    rows = np.where((rows >= 0) & (rows < temperature.height), rows, -1).astype(np.int64)
    return rows, cols
