"""Robust statistics used by the DEM and altimetry methods: NMAD and per-group medians, vectorised.

NMAD (normalised median absolute deviation) = 1.4826 · median(|x − median(x)|), the robust estimate of the
standard deviation of elevation differences recommended by Höhle & Höhle (2009), *ISPRS J.* 64(4), 398-406.
"""
from __future__ import annotations

from typing import Optional, Tuple

import numpy as np

NMAD_FACTOR = 1.4826


def median(values: np.ndarray) -> float:
    """Median of a 1-D array (NaN when empty)."""
    return float(np.median(values)) if values.size else float("nan")


def nmad(values: np.ndarray, centre: Optional[float] = None) -> float:
    """1.4826 · median(|x − median(x)|) of a 1-D array of finite values (NaN when empty)."""
    if values.size == 0:
        return float("nan")
    if centre is None:
        centre = median(values)
    deviation = np.abs(values - centre)
    return NMAD_FACTOR * float(np.median(deviation, overwrite_input=True))


def median_and_nmad(values: np.ndarray) -> Tuple[float, float]:
    """Median and NMAD of a 1-D array of finite values; ``values`` may be overwritten.

    Small arrays are partitioned in place (no memory beyond the array itself). Above :data:`BRACKET_MIN_SIZE`
    values both medians are exact selections inside a bracket found on a random sample (:func:`bracketed_median`),
    several times faster than partitioning hundreds of millions of cells.
    """
    if values.size == 0:
        return float("nan"), float("nan")
    if values.size >= BRACKET_MIN_SIZE:
        centre = bracketed_median(values)
        return centre, NMAD_FACTOR * bracketed_median(values, centre)
    centre = float(np.median(values, overwrite_input=True))
    np.subtract(values, values.dtype.type(centre), out=values)
    np.abs(values, out=values)
    return centre, NMAD_FACTOR * float(np.median(values, overwrite_input=True))


BRACKET_MIN_SIZE = 4_000_000
BRACKET_SAMPLE = 200_000


def bracketed_median(values: np.ndarray, centre: Optional[float] = None, seed: int = 0) -> float:
    """The exact median of ``values`` (1-D, finite), or of ``|values − centre|`` when ``centre`` is given, without
    partitioning the whole array (the sampling idea of Floyd & Rivest 1975, *Commun. ACM* 18(3), 165-172).

    The order statistics wanted lie, with overwhelming probability, between two quantiles of a random sample of
    :data:`BRACKET_SAMPLE` values taken 6 standard errors of a rank either side. One pass by chunks, in float64 as
    the fallback compares them (so the counts are exact), counts the values below the bracket and takes those inside
    it (a fraction of a percent), where the wanted ranks are selected. Should the bracket miss them (the check is
    exact), the whole array is partitioned instead.
    """
    n = values.size
    wanted = sorted({(n - 1) // 2, n // 2})
    sample = values[np.random.default_rng(seed).integers(0, n, BRACKET_SAMPLE)].astype(np.float64)
    if centre is not None:
        sample = np.abs(sample - centre)
    sample.sort()
    margin = 6 * np.sqrt(0.25 * BRACKET_SAMPLE) + 2
    low = sample[max(0, int(0.5 * BRACKET_SAMPLE - margin))]
    high = sample[min(BRACKET_SAMPLE - 1, int(0.5 * BRACKET_SAMPLE + margin))]
    below, inside = _count_and_take(values, centre, low, high)
    if below <= wanted[0] and wanted[-1] < below + inside.size:
        ranks = [k - below for k in wanted]
        chosen = np.partition(inside, ranks)[ranks]
    else:  # the sample misled the bracket: select in the whole array
        whole = values.astype(np.float64) if centre is None else np.abs(values.astype(np.float64) - centre)
        chosen = np.partition(whole, wanted)[wanted]
    return float(np.mean(chosen))


def _count_and_take(values: np.ndarray, centre: Optional[float], low: float, high: float,
                    chunk: int = 1 << 20) -> Tuple[int, np.ndarray]:
    """How many of ``values`` (or of ``|values − centre|``), in float64, are below ``low``, and those in
    ``[low, high]``."""
    below, parts = 0, []
    for start in range(0, values.size, chunk):
        part = values[start:start + chunk].astype(np.float64)
        if centre is not None:
            part = np.abs(part - centre)
        below += int(np.count_nonzero(part < low))
        parts.append(part[(part >= low) & (part <= high)])
    return below, np.concatenate(parts)


FEW_GROUPS = 10_000


def group_medians(groups: np.ndarray, values: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Median of ``values`` in each group of the integer labels ``groups`` (both 1-D, same length).

    Returns ``(labels, medians, counts)`` for the labels present, sorted. With few groups (elevation bands) the
    data are sorted by label only and each group's median is a linear-time selection; with many (altimetry
    cells) one lexicographic sort by (label, value) gives every median at once.
    """
    if values.size == 0:
        empty = np.array([], dtype=np.float64)
        return np.array([], dtype=groups.dtype), empty, np.array([], dtype=np.int64)
    order = np.argsort(groups, kind="stable")
    sorted_groups = groups[order]
    starts = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
    counts = np.diff(np.r_[starts, sorted_groups.size])
    if starts.size <= FEW_GROUPS:
        sorted_values = values[order]
        medians = np.array([np.median(sorted_values[s:s + n]) for s, n in zip(starts, counts)], dtype=np.float64)
        return sorted_groups[starts], medians, counts
    order = np.lexsort((values, groups))
    sorted_values = values[order].astype(np.float64)
    lower = sorted_values[starts + (counts - 1) // 2]
    upper = sorted_values[starts + counts // 2]
    return sorted_groups[starts], (lower + upper) / 2.0, counts


def group_outliers(groups: np.ndarray, values: np.ndarray, k: float, min_count: int = 5) -> np.ndarray:
    """True for values farther than ``k`` NMAD from the median of their group.

    Groups with fewer than ``min_count`` values, or an NMAD of 0, flag nothing.
    """
    labels, medians, counts = group_medians(groups, values)
    index = np.searchsorted(labels, groups)
    deviation = np.abs(values - medians[index])
    _, mad, _ = group_medians(groups, deviation)
    spread = NMAD_FACTOR * mad[index]
    usable = (counts[index] >= min_count) & (spread > 0)
    return usable & (deviation > k * spread)
