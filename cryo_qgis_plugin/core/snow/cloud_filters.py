"""The cloud filters of the snow cover sequence on blocks of daily classes (:data:`~..codes.SNOW_COVER`: 0 no snow,
1 snow, 2 cloud, 3 water, 255 nodata), vectorised over cells (a loop over days at most, never over cells).

Each filter changes cloud cells (the Terra/Aqua combination also cells Terra did not observe) in place, reads the
states as they were before it started (its own fills never feed it), and returns the mask of the cells it changed.
The classic sequence follows Parajka & Blöschl (2008, J. Hydrol. 358, 240-258) and Gafurov & Bárdossy (2009,
Hydrol. Earth Syst. Sci. 13, 1361-1373):

1. :func:`combine_terra_aqua`: Terra (MOD10A1, about 10:30 local time) keeps its observation; where it saw cloud or
   nothing, Aqua's (MYD10A1, about 13:30) snow or no snow of the same day is taken.
2. :func:`temporal_filter` (±N days, N = 1..3): a cloud cell on day t takes the state of the nearest clear
   observation before it within t-N .. t-1 when the nearest clear observation after it within t+1 .. t+N has the
   same state; when they differ, or one side has no clear day within N days, it stays cloud.
3. :func:`spatial_filter`: a cloud cell with at least K clear (snow or no snow) cells among its 8 neighbours of the
   same day takes the majority state of those clear neighbours; a tie leaves it cloud. Cells beyond the grid's
   edge are not clear.
4. the regional snow line (:mod:`.snow_line`).
5. :func:`seasonal_filter`: a cloud cell whose nearest clear observations before and after it, within the same
   season, are both snow becomes snow.

After the classic sequence, an optional last resort (off by default):

6. :func:`nearest_filter` (at most ``max_days``): a cloud cell still left takes the state of the nearest clear
   observation of the same cell in time, before or after it within the same season and at most ``max_days`` days
   away; when the clear days before and after are equally far and disagree, the earlier one (the previous clear view
   the MODIS cloud-gap-filled products keep). This is the temporal gap filling of the cloud-gap-filled MOD10A1F and
   MYD10A1F products (Hall et al. 2010, Remote Sens. Environ. 114, 496-503; Hall et al. 2019, Hydrol. Earth Syst.
   Sci. 23, 5227: a cloud cell keeps the last clear view and its age is counted) taken on both sides, as forward
   and backward gap filling (Foppa & Seiz 2012, The Cryosphere 6, 331-342), bounded in age. Gafurov & Bárdossy's
   sequence likewise ends with a step that removes every remaining cloud, the least accurate one (about 80 %;
   Gafurov & Bárdossy 2010, EGU General Assembly, EGU2010-7250), hence off by default.
"""
from __future__ import annotations

import functools
from typing import Optional, Tuple

import numpy as np

from ..codes import CLOUD, NO_SNOW, SNOW, SNOW_NODATA

NONE = CLOUD  # "no clear observation" in the arrays of neighbouring states (compared with 0/1 only)


def _combination_tables():
    """Look-up tables over ``terra << 8 | aqua``: the combined class, and whether Aqua's snow or no snow was taken."""
    terra, aqua = np.divmod(np.arange(65536), 256)
    unobserved = (terra == CLOUD) | (terra == SNOW_NODATA)
    filled = unobserved & (aqua <= SNOW)
    combined = np.where(filled | ((terra == SNOW_NODATA) & (aqua != SNOW_NODATA)), aqua, terra).astype(np.uint8)
    return combined, filled


_COMBINED, _FILLED = _combination_tables()


def lookup(table: np.ndarray, values: np.ndarray, out: Optional[np.ndarray] = None) -> np.ndarray:
    """``table[values]`` one day (first axis) at a time: numpy turns the indices into 8-byte integers, so only one
    day's worth of them exists at once."""
    if out is None:
        out = np.empty(values.shape, table.dtype)
    if values.ndim < 3:
        return np.take(table, values, out=out)
    for days in day_chunks(values):
        np.take(table, values[days], out=out[days])
    return out


def day_chunks(block: np.ndarray, cells: int = 2 ** 16):
    """Slices of the first axis of ``block`` holding about ``cells`` cells each (at least one day)."""
    step = max(1, cells // max(1, block[0].size))
    return [slice(d, d + step) for d in range(0, block.shape[0], step)]


def combine_terra_aqua(terra: np.ndarray, aqua: np.ndarray) -> np.ndarray:
    """Step 1 on ``terra`` (classes, changed in place) with ``aqua`` (same shape, same days): returns the mask of the
    cells that took Aqua's snow or no snow. Where Terra has no observation (nodata) and Aqua sees cloud or water,
    that is kept too (a cloud the later steps may fill), but not counted."""
    filled = np.empty(terra.shape, bool)
    for days in day_chunks(terra) if terra.ndim > 1 else [slice(None)]:
        key = np.left_shift(terra[days], 8, dtype=np.uint16)
        key |= aqua[days]
        np.take(_FILLED, key, out=filled[days])
        np.take(_COMBINED, key, out=terra[days])
    return filled


def temporal_filter(states: np.ndarray, first: int, last: int, days: int) -> np.ndarray:
    """Step 2 on the days ``first:last`` of ``states`` (``(days, rows, cols)``, consecutive calendar days on axis 0;
    days outside ``first:last`` are only looked at). Returns the mask of the changed cells of ``states[first:last]``.
    Computed a few rows at a time (the neighbouring states take a few bytes a cell)."""
    filled = np.empty((last - first,) + states.shape[1:], bool)
    step = max(1, 2 ** 18 // max(1, states.shape[0] * int(np.prod(states.shape[2:]))))
    for r0 in range(0, states.shape[1], step):
        rows = slice(r0, r0 + step)
        filled[:, rows] = _temporal(states[:, rows], first, last, days)
    return filled


def _temporal(states: np.ndarray, first: int, last: int, days: int) -> np.ndarray:
    total = states.shape[0]
    target = states[first:last]
    clear = states <= SNOW
    before = np.full(target.shape, NONE, np.uint8)
    after = np.full(target.shape, NONE, np.uint8)
    for k in range(days, 0, -1):  # the farthest first: nearer days overwrite
        lo = max(first, k)
        if lo < last:
            np.copyto(before[lo - first:], states[lo - k:last - k], where=clear[lo - k:last - k])
        hi = min(last, total - k)
        if hi > first:
            np.copyto(after[:hi - first], states[first + k:hi + k], where=clear[first + k:hi + k])
    del clear
    filled = before == after
    filled &= before <= SNOW
    filled &= target == CLOUD
    np.copyto(target, before, where=filled)
    return filled


def _neighbour_sum(flags: np.ndarray) -> np.ndarray:
    """Sum of the 8 neighbours of each cell of the rows ``1:-1`` of ``flags`` (uint8, ``(days, rows + 2, cols)``);
    columns beyond the edges count 0. The sums must fit in uint8."""
    across = flags.copy()
    across[..., 1:] += flags[..., :-1]
    across[..., :-1] += flags[..., 1:]
    total = across[:, :-2] + across[:, 1:-1]
    total += across[:, 2:]
    total -= flags[:, 1:-1]
    return total


# A clear cell counts 1 and a snow cell 16 more, so one neighbour sum holds both counts (<= 8 each).
_PACKED = np.zeros(256, np.uint8)
_PACKED[NO_SNOW], _PACKED[SNOW] = 1, 17


def _spatial_decision(min_clear: int) -> np.ndarray:
    """uint8[256] over the packed neighbour sum: the state a cloud cell takes, or 255 when it stays cloud."""
    total = np.arange(256)
    clear, snowy = total & 15, total >> 4
    decide = (clear >= min_clear) & (2 * snowy != clear) & (clear <= 8)
    return np.where(decide, np.where(2 * snowy > clear, SNOW, NO_SNOW), 255).astype(np.uint8)


def spatial_filter(states: np.ndarray, min_clear: int) -> np.ndarray:
    """Step 3 on the rows ``1:-1`` of ``states`` ``(days, rows + 2, cols)``: rows 0 and -1 are the neighbouring
    rows of the block (nodata beyond the grid). Returns the mask of the changed cells of ``states[:, 1:-1]``.
    Computed a few days at a time (the neighbour counts of a day take a few bytes a cell)."""
    table = _spatial_decision(min_clear)
    target = states[:, 1:-1]
    filled = np.empty(target.shape, bool)
    for days in day_chunks(states, 2 ** 18):
        decision = lookup(table, _neighbour_sum(lookup(_PACKED, states[days])))
        fill = filled[days]
        np.equal(target[days], CLOUD, out=fill)
        fill &= decision != 255
        np.copyto(target[days], decision, where=fill)
    return filled


def seasonal_filter(states: np.ndarray) -> np.ndarray:
    """Step 5 on ``states`` (the consecutive days of ONE season on axis 0). Returns the mask of the changed cells."""
    before = np.empty(states.shape, np.uint8)
    last = np.full(states.shape[1:], NONE, np.uint8)
    for day in range(states.shape[0]):
        before[day] = last
        np.copyto(last, states[day], where=states[day] <= SNOW)
    filled = np.zeros(states.shape, bool)
    following = last
    following.fill(NONE)
    for day in range(states.shape[0] - 1, -1, -1):
        today = states[day]
        fill = filled[day]
        np.equal(today, CLOUD, out=fill)
        fill &= before[day] == SNOW
        fill &= following == SNOW
        np.copyto(following, today, where=today <= SNOW)
        today[fill] = SNOW
    return filled


NO_VIEW = 255  # packed "no clear day within reach" of :func:`nearest_filter`
MAX_NEAREST_DAYS = 120  # 2 x days + state must stay below NO_VIEW in a uint8


@functools.lru_cache(maxsize=8)
def _nearest_tables(max_days: int) -> Tuple[np.ndarray, np.ndarray]:
    """Look-up tables of step 6 on uint8 ``2 x age + state`` values (the state, 0 no snow or 1 snow, of the nearest
    clear day on one side and its distance in days; :data:`NO_VIEW` when there is none within ``max_days``):

    * ``advance[carried << 8 | today]``: what the next day sees, from what this day saw and this day's class;
    * ``choice[before << 8 | after]``: the state a cloud cell takes from its two sides (the nearer, the earlier on
      a tie), or :data:`NO_VIEW`."""
    carried, today = np.divmod(np.arange(65536), 256)
    later = np.where((carried == NO_VIEW) | (carried + 2 > 2 * max_days + 1), NO_VIEW, carried + 2)
    advance = np.where(today <= SNOW, 2 + today, later).astype(np.uint8)
    before, after = carried, today
    take_before = (before != NO_VIEW) & ((after == NO_VIEW) | (before >> 1 <= after >> 1))
    choice = np.where(take_before, before & 1, np.where(after != NO_VIEW, after & 1, NO_VIEW)).astype(np.uint8)
    return advance, choice


def _pair(first: np.ndarray, second: np.ndarray, key: np.ndarray) -> np.ndarray:
    """``first << 8 | second`` (uint8 arrays) into ``key`` (uint16)."""
    np.left_shift(first, 8, out=key, dtype=np.uint16)
    key |= second
    return key


def nearest_filter(states: np.ndarray, max_days: int) -> np.ndarray:
    """Step 6 on ``states`` (the consecutive days of ONE season on axis 0): a cloud cell takes the state of the
    nearest clear day of the same cell at most ``max_days`` (1..:data:`MAX_NEAREST_DAYS`) days before or after it
    (the earlier on a tie). Returns the mask of the changed cells. One day at a time over a day's cells: a forward
    pass keeps, per day, the nearest clear day before it (one byte a cell-day), a backward pass fills."""
    advance, choice = _nearest_tables(int(max_days))
    shape = states.shape[1:]
    key = np.empty(shape, np.uint16)
    before = np.empty(states.shape, np.uint8)
    before[0] = NO_VIEW
    for day in range(states.shape[0] - 1):
        lookup(advance, _pair(before[day], states[day], key), out=before[day + 1])
    filled = np.empty(states.shape, bool)
    carried = np.full(shape, NO_VIEW, np.uint8)
    taken = np.empty(shape, np.uint8)
    for day in range(states.shape[0] - 1, -1, -1):
        today, fill = states[day], filled[day]
        lookup(choice, _pair(before[day], carried, key), out=taken)
        np.equal(today, CLOUD, out=fill)
        fill &= taken != NO_VIEW
        lookup(advance, _pair(carried, today, key), out=carried)  # from the states before this step's fills
        np.copyto(today, taken, where=fill)
    return filled
