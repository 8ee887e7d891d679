"""The deformation model's design from a daily temperature STACK (one thaw index per InSAR pixel, issue 20):
the same design as one series when every cell holds that series, per-cell thaw indices against sums done by hand,
planted per-pixel velocity and seasonal coefficient recovered through deformation_raster, the batched 3-D solve
against numpy.linalg.lstsq, gap filling and uncovered pixels, grids in another CRS or partly outside, Kelvin."""
import datetime as dt

import numpy as np
import pytest

from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.mintpy import open_displacement
from cryo_qgis_plugin.core.io.stack import open_stack
from cryo_qgis_plugin.core.io.temperature import Packing
from cryo_qgis_plugin.core.permafrost import deformation, deformation_fit, thaw_index
from cryo_qgis_plugin.core.permafrost.temperature_stack_design import StackDesign
from cryo_qgis_plugin.core.run import Run
from test_insar_deformation import DAYS, INSAR, SIGMA, read_bands, temperatures

CRS = "EPSG:32645"
# temperature cells of 500 m (5 x 6), InSAR pixels of 100 m (20 x 24) inside them, shifted by half a cell
T_GRID = Grid.from_extent(500000, 3897500, 503000, 3900000, 6, 5, CRS)
GRID = Grid.from_extent(500250, 3897800, 502650, 3899800, 24, 20, CRS)
ROWS, COLS = GRID.shape
NODATA = -9999.0


def cell_of(r, c):
    """The temperature cell (row, col) of InSAR pixel (r, c), from the layout above: centre x = 500300 + 100 c,
    y = 3899750 - 100 r."""
    return (250 + 100 * r) // 500, (300 + 100 * c) // 500


def series32():
    return temperatures().astype(np.float32)


def cell_temperatures():
    """(days, rows, cols) °C: the annual cycle, 1.5 °C warmer per column and 0.5 °C colder per row."""
    rows, cols = T_GRID.shape
    offset = 1.5 * np.arange(cols)[None, :] - 0.5 * np.arange(rows)[:, None]
    return (temperatures()[:, None, None] + offset[None]).astype(np.float32)


def write_stack(path, grid, days, values, nodata=NODATA):
    """A dated float32 GeoTIFF stack (small tiles: the grids are tiny and hold 1,461 bands)."""
    values = np.where(np.isnan(values), nodata, values).astype(np.float32)
    with GeoTiffWriter(str(path), grid, [d.isoformat() for d in days], np.float32, nodata=nodata, tile=16) as w:
        w.write(0, values)
    return str(path)


def uniform_stack(tmp_path, values=None, days=DAYS, grid=T_GRID, name="t.tif"):
    values = series32() if values is None else values
    return write_stack(tmp_path / name, grid, days, np.broadcast_to(values[:, None, None], (len(days),) + grid.shape))


def write_displacement(path, d_mm, grid=GRID):
    return write_stack(path, grid, INSAR, d_mm)


def hand_thaw_index(series, day, start=(1, 1)):
    """Σ max(T, 0) from the season start of ``day`` to ``day``, one day at a time."""
    season = dt.date(day.year if (day.month, day.day) >= start else day.year - 1, *start)
    total = 0.0
    for i in range(DAYS.index(season), DAYS.index(day) + 1):
        total += max(float(series[i]), 0.0)
    return total


def test_uniform_stack_gives_the_design_of_one_series(tmp_path):
    """Every cell holding the series (with a 3-day nodata gap and 2 dates absent from the stack) gives exactly
    the matrix of thaw_index.design_matrix, for every pixel, with and without frost heave."""
    values = series32().astype(float)
    values[DAYS.index(dt.date(2018, 6, 20)):DAYS.index(dt.date(2018, 6, 23))] = np.nan
    absent = {dt.date(2019, 7, 3), dt.date(2019, 7, 4)}
    days = [d for d in DAYS if d not in absent]
    path = uniform_stack(tmp_path, values[[DAYS.index(d) for d in days]], days)
    known = [i for i, d in enumerate(DAYS) if d not in absent and np.isfinite(values[i])]
    for frost_heave, dates in ((False, INSAR), (True, INSAR[16:])):
        series = thaw_index.design_matrix(dates, [DAYS[i] for i in known], values[known], frost_heave=frost_heave)
        with open_stack(path) as stack:
            design = StackDesign(stack, GRID, dates, frost_heave=frost_heave)
            part = design.block(slice(3, 9), COLS)
            points = design.at_points(np.array([500300.0, 502600.0]), np.array([3899750.0, 3897850.0]))
        assert design.unknowns == series.unknowns == (4 if frost_heave else 3)
        assert part.matrix.shape == (len(dates), 6 * COLS, design.unknowns)
        np.testing.assert_array_equal(part.matrix, np.broadcast_to(series.matrix[:, None], part.matrix.shape))
        np.testing.assert_array_equal(points.matrix[:, 1], series.matrix)
        np.testing.assert_array_equal(part.max_thaw_index, series.max_thaw_index)
        assert not part.uncovered.any() and not points.uncovered.any()
        assert "25 InSAR pixels each" in design.describe() and "A_T from 01-01" in design.describe()


def test_uniform_stack_gives_the_bands_of_one_series(tmp_path):
    rng = np.random.default_rng(11)
    design = thaw_index.design_matrix(INSAR, DAYS, series32())
    v = -10 * (1 + 0.3 * rng.random((ROWS, COLS)))
    e = -0.8 * (1 + 0.3 * rng.random((ROWS, COLS)))
    d = 3 + design.matrix[:, 1, None, None] * v + design.matrix[:, 2, None, None] * e
    d = d + rng.normal(0, SIGMA, d.shape)
    d[rng.random(d.shape) < 0.1] = np.nan
    insar = write_displacement(tmp_path / "d.tif", d)
    temperature = uniform_stack(tmp_path)
    with open_displacement(insar) as stack, open_stack(temperature) as t:
        deformation.deformation_raster(stack, design, str(tmp_path / "one.tif"), units="mm")
        deformation.deformation_raster(stack, StackDesign(t, GRID, stack.dates), str(tmp_path / "stack.tif"),
                                       units="mm", run=Run(budget_bytes=300_000))
    one, per_pixel = read_bands(str(tmp_path / "one.tif")), read_bands(str(tmp_path / "stack.tif"))
    assert list(one) == list(per_pixel)
    for band in one:
        np.testing.assert_allclose(per_pixel[band], one[band], rtol=2e-6, atol=2e-6, err_msg=band)
    np.testing.assert_allclose(one["velocity_mm_yr"], v, rtol=0.05)


def test_per_cell_thaw_index_and_planted_coefficients(tmp_path):
    """Cells 1.5 °C apart per column: A_T of pixels against sums by hand from January 1; planted v and e of
    every pixel (its cell's A_T) recovered within 5 % through deformation_raster."""
    cells = cell_temperatures()
    temperature = write_stack(tmp_path / "t.tif", T_GRID, DAYS, cells)
    by_hand = {}
    for r in range(T_GRID.height):
        for c in range(T_GRID.width):
            by_hand[r, c] = np.array([hand_thaw_index(cells[:, r, c], day) for day in INSAR])
    with open_stack(temperature) as t:
        design = StackDesign(t, GRID, INSAR)
        part = design.block(slice(0, ROWS), COLS)
    assert not part.uncovered.any()
    for r, c in ((0, 0), (2, 7), (7, 2), (12, 23), (19, 11), (19, 23)):
        np.testing.assert_allclose(part.matrix[:, r * COLS + c, 2] ** 2, by_hand[cell_of(r, c)], rtol=1e-9,
                                   atol=1e-9)
        span = slice(DAYS.index(INSAR[0]), DAYS.index(INSAR[-1]) + 1)
        year_max = max(hand_thaw_index(cells[:, cell_of(r, c)[0], cell_of(r, c)[1]], DAYS[i])
                       for i in range(span.start, span.stop) if DAYS[i].month == 12 and DAYS[i].day == 31)
        assert part.max_thaw_index[r * COLS + c] == pytest.approx(year_max, rel=1e-9)
    assert len({round(by_hand[cell_of(0, c)][20], 3) for c in range(COLS)}) == 6  # the columns differ
    rng = np.random.default_rng(4)
    v = -12 * (1 + 0.3 * rng.random((ROWS, COLS)))
    e = -0.9 * (1 + 0.3 * rng.random((ROWS, COLS)))
    years = thaw_index.years_since_first(INSAR)
    d = np.empty((len(INSAR), ROWS, COLS))
    for r in range(ROWS):
        for c in range(COLS):
            d[:, r, c] = 5 + v[r, c] * years + e[r, c] * np.sqrt(by_hand[cell_of(r, c)])
    d += rng.normal(0, SIGMA, d.shape)
    insar = write_displacement(tmp_path / "d.tif", d)
    with open_displacement(insar) as stack, open_stack(temperature) as t:
        result = deformation.deformation_raster(stack, StackDesign(t, GRID, stack.dates), str(tmp_path / "o.tif"),
                                                units="mm", run=Run(budget_bytes=400_000))
    bands = read_bands(str(tmp_path / "o.tif"))
    assert result.n_pixels == ROWS * COLS
    np.testing.assert_allclose(bands["velocity_mm_yr"], v, rtol=0.05)
    np.testing.assert_allclose(bands["seasonal_coef"], e, rtol=0.05)
    assert np.mean(np.abs(bands["seasonal_coef"] - e) <= 2.5 * bands["seasonal_coef_se"]) > 0.9


def test_batched_solve_equals_lstsq_on_sampled_pixels(tmp_path):
    cells = cell_temperatures()
    cells[DAYS.index(dt.date(2019, 5, 1)):DAYS.index(dt.date(2019, 5, 20)), 2, 3] = np.nan  # uncovered cell
    temperature = write_stack(tmp_path / "t.tif", T_GRID, DAYS, cells)
    with open_stack(temperature) as t:
        part = StackDesign(t, GRID, INSAR).block(slice(0, ROWS), COLS)
    rng = np.random.default_rng(9)
    truth = np.array([5.0, -11.0, -0.85])
    block = np.einsum("dpk,k->dp", np.nan_to_num(part.matrix), truth) + rng.normal(0, SIGMA, part.matrix.shape[:2])
    block[rng.random(block.shape) < 0.15] = np.nan
    fit = deformation_fit.fit_block(part.matrix, block)
    uncovered = np.flatnonzero(part.uncovered)
    assert uncovered.size == 25 and np.isnan(part.matrix[:, uncovered]).any()
    for p in (0, 37, 150, 299, 478, int(uncovered[3])):
        ok = np.isfinite(block[:, p]) & np.isfinite(part.matrix[:, p]).all(axis=1)
        expected = np.linalg.lstsq(part.matrix[ok, p], block[ok, p], rcond=None)[0]
        np.testing.assert_allclose(fit.coefficients[:, p], expected, rtol=0, atol=1e-9)


def test_short_gaps_filled_and_longer_gaps_uncovered(tmp_path):
    cells = cell_temperatures()
    short = [DAYS.index(dt.date(2018, 7, 10)) + i for i in range(5)]
    cells[short, 0, 0] = np.nan
    cells[[DAYS.index(dt.date(2018, 7, 10)) + i for i in range(6)], 1, 1] = np.nan
    temperature = write_stack(tmp_path / "t.tif", T_GRID, DAYS, cells)
    filled = cell_temperatures()[:, 0, 0].astype(float)
    a, b = filled[short[0] - 1], filled[short[-1] + 1]
    for k, i in enumerate(short, start=1):
        filled[i] = a + (b - a) * k / 6
    day = dt.date(2018, 8, 5)
    assert day in INSAR
    with open_stack(temperature) as t:
        part = StackDesign(t, GRID, INSAR).block(slice(0, ROWS), COLS)
    assert part.matrix[INSAR.index(day), 0, 2] ** 2 == pytest.approx(hand_thaw_index(filled, day), rel=1e-12)
    expected = np.zeros((ROWS, COLS), bool)
    expected[3:8, 2:7] = True  # the InSAR pixels of cell (1, 1)
    assert all(cell_of(r, c) == (1, 1) for r, c in zip(*np.nonzero(expected)))
    np.testing.assert_array_equal(part.uncovered.reshape(ROWS, COLS), expected)
    d = np.broadcast_to(np.linspace(0, 30, len(INSAR))[:, None, None], (len(INSAR), ROWS, COLS))
    d = d + np.random.default_rng(2).normal(0, SIGMA, d.shape)
    insar = write_displacement(tmp_path / "d.tif", d)
    messages = []
    with open_displacement(insar) as stack, open_stack(temperature) as t:
        result = deformation.deformation_raster(stack, StackDesign(t, GRID, stack.dates), str(tmp_path / "o.tif"),
                                                units="mm", run=Run(log=lambda m, s: messages.append(m)))
    velocity = read_bands(str(tmp_path / "o.tif"))["velocity_mm_yr"]
    np.testing.assert_array_equal(velocity == NODATA, expected)
    assert result.n_pixels == ROWS * COLS - 25
    assert "25 pixels have no temperature for some of their dates: nodata" in messages


def test_other_crs_refused_and_pixels_outside_the_grid_nodata(tmp_path):
    temperature = uniform_stack(tmp_path)
    other = Grid.from_extent(500250, 3897800, 502650, 3899800, 24, 20, "EPSG:32646")
    far = Grid.from_extent(600000, 3897800, 602400, 3899800, 24, 20, CRS)
    with open_stack(temperature) as t:
        with pytest.raises(CryoInputError, match=r"EPSG|UTM.*warp the temperature stack.*Raster > Projections > Warp"):
            StackDesign(t, other, INSAR)
        with pytest.raises(CryoInputError, match="does not overlap the InSAR grid"):
            StackDesign(t, far, INSAR)
    left = Grid.from_extent(500000, 3897500, 501500, 3900000, 3, 5, CRS)  # the west half of T_GRID
    temperature = uniform_stack(tmp_path, grid=left, name="left.tif")
    design = thaw_index.design_matrix(INSAR, DAYS, series32()).matrix
    d = 2 + design[:, 1, None, None] * -10.0 + design[:, 2, None, None] * np.full((ROWS, COLS), -0.8)
    insar = write_displacement(tmp_path / "d.tif", d)
    messages = []
    with open_displacement(insar) as stack, open_stack(temperature) as t:
        result = deformation.deformation_raster(
            stack, StackDesign(t, GRID, stack.dates, run=Run(log=lambda m, s: messages.append(m))),
            str(tmp_path / "o.tif"), units="mm", run=Run(log=lambda m, s: messages.append(m)))
        points = StackDesign(t, GRID, stack.dates).at_points(np.array([501450.0, 501550.0]),
                                                             np.array([3899000.0, 3899000.0]))
    np.testing.assert_array_equal(points.uncovered, [False, True])
    velocity = read_bands(str(tmp_path / "o.tif"))["velocity_mm_yr"]
    assert (velocity[:, 12:] == NODATA).all()  # centres east of 501500 m
    np.testing.assert_allclose(velocity[:, :12], -10.0, rtol=1e-4)
    assert result.n_pixels == ROWS * 12
    assert "240 InSAR pixels lie outside the grid of TEMPERATURE: nodata" in messages
    assert "240 pixels have no temperature for some of their dates: nodata" in messages


def test_kelvin_read_as_celsius_and_dates_not_covered_refused(tmp_path):
    kelvin = uniform_stack(tmp_path, series32() + np.float32(273.15), name="kelvin.tif")
    with open_stack(kelvin) as t:
        with pytest.raises(CryoInputError, match="look like Kelvin: set UNITS=kelvin"):
            StackDesign(t, GRID, INSAR)
        part = StackDesign(t, GRID, INSAR, Packing(units="kelvin")).block(slice(0, 2), COLS)
    expected = thaw_index.design_matrix(INSAR, DAYS, series32()).matrix
    np.testing.assert_allclose(part.matrix[:, 5], expected, rtol=1e-5, atol=1e-3)
    late = uniform_stack(tmp_path, series32()[31:], DAYS[31:], name="late.tif")
    holes = [d for d in DAYS if not dt.date(2019, 6, 1) <= d <= dt.date(2019, 6, 8)]
    holey = uniform_stack(tmp_path, series32()[[DAYS.index(d) for d in holes]], holes, name="holes.tif")
    with open_stack(late) as t, pytest.raises(
            CryoInputError, match=r"does not cover the InSAR date 2017-01-06: .* from 2017-01-01 .* no grid of "
                                  r"2017-01-01 \(stack 2017-02-01 \.\. 2020-12-31"):
        StackDesign(t, GRID, INSAR)
    with open_stack(holey) as t, pytest.raises(CryoInputError, match=r"InSAR date 2019-06-\d\d: .*2019-06-01"):
        StackDesign(t, GRID, INSAR)


@pytest.mark.parametrize("budget, n_reads", [(10 ** 9, 1), (20_000, 5)])
def test_temperature_rows_read_once_for_the_blocks(tmp_path, budget, n_reads):
    """InSAR row blocks smaller than a temperature row reuse its indices: every temperature row is read once
    (all at once when the budget allows, one at a time on a small budget), and only the days from the season
    start of the first InSAR date to the last InSAR date (with the gap margin each side) are read."""
    temperature = write_stack(tmp_path / "t.tif", T_GRID, DAYS, cell_temperatures())
    with open_stack(temperature) as t:
        reads = []
        original = t.read

        def spy(rows, times=slice(None)):
            out = original(rows, times)
            if isinstance(times, slice):
                reads.append((rows.indices(T_GRID.height)[:2], out.shape[0]))
            return out

        whole = StackDesign(t, GRID, INSAR[30:]).block(slice(0, ROWS), COLS).matrix
        t.read = spy
        design = StackDesign(t, GRID, INSAR[30:], run=Run(budget_bytes=budget))
        parts = [design.block(slice(r, r + 2), COLS).matrix for r in range(0, ROWS, 2)]
    rows_read = [r for (lo, hi), _ in reads for r in range(lo, hi)]
    assert sorted(rows_read) == list(range(T_GRID.height)) and len(reads) == n_reads
    first_needed = dt.date(INSAR[30].year, 1, 1)
    assert {n for _, n in reads} == {(INSAR[-1] - first_needed).days + 1 + 2 * (thaw_index.MAX_GAP + 1)}
    np.testing.assert_array_equal(np.concatenate(parts, axis=1), whole)
