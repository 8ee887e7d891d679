"""Exact median and NMAD of large arrays (core/stats/robust.py): the bracketed selection against numpy's
full-array median, with ties, even and odd sizes, and a sample that misses the bracket (the fallback)."""
import numpy as np
import pytest

from cryo_qgis_plugin.core.stats import robust


def numpy_median_and_nmad(values):
    x = values.astype(np.float64)
    centre = np.median(x)
    return centre, 1.4826 * np.median(np.abs(x - centre))


@pytest.mark.parametrize("size", [robust.BRACKET_MIN_SIZE, robust.BRACKET_MIN_SIZE + 1])
def test_large_arrays_match_numpy_exactly(size):
    rng = np.random.default_rng(7)
    values = (rng.standard_t(3, size) * 1.3 - 2.2).astype(np.float32)
    values[::5] = np.round(values[::5], 1)  # many ties
    expected = numpy_median_and_nmad(values)
    assert robust.median_and_nmad(values.copy()) == expected


def test_discrete_values_and_a_misleading_sample(monkeypatch):
    rng = np.random.default_rng(3)
    values = rng.integers(0, 7, robust.BRACKET_MIN_SIZE).astype(np.float32)
    assert robust.median_and_nmad(values.copy()) == numpy_median_and_nmad(values)
    # a sample taken only from the lowest values brackets the wrong ranks: the whole array is used instead
    ordered = np.sort(values)

    class LowSample:
        def integers(self, low, high, size):
            return np.zeros(size, dtype=np.int64)

    monkeypatch.setattr(robust.np.random, "default_rng", lambda seed: LowSample())
    assert robust.bracketed_median(ordered) == np.median(ordered.astype(np.float64))
