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
    """Median and NMAD of a 1-D array of finite values, computed in place: ``values`` is overwritten.

    For arrays of hundreds of millions of cells this needs no memory beyond the array itself.
    """
    if values.size == 0:
        return float("nan"), float("nan")
    centre = float(np.median(values, overwrite_input=True))
    np.subtract(values, values.dtype.type(centre), out=values)
    np.abs(values, out=values)
    return centre, NMAD_FACTOR * float(np.median(values, overwrite_input=True))


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
