"""The QGIS style (``.qml``) of the per-glacier outlines: a graduated, diverging red-white-blue fill on the mass
balance (or on the mean dh when no rate could be computed), seven classes symmetric around 0 with breaks at
±L/10, ±L/2 and ±L, where L is a round number (1, 2 or 5 times a power of ten) at or above the 98th percentile of
the absolute values (ColorBrewer RdBu, the ramp of the elevation-change raster). Plain XML that QGIS 3.22 to 4.x
read; the labels are numbers only, so they need no translation.
"""
from __future__ import annotations

import math
from typing import Iterable, List, Tuple
from xml.sax.saxutils import quoteattr

import numpy as np

COLOURS = ("178,24,43", "239,138,98", "253,219,199", "247,247,247", "209,229,240", "103,169,207", "33,102,172")
OUTLINE = "51,51,51,255"
OPEN_END = 1e9  # the outer classes reach this far


def round_limit(values: Iterable[float]) -> float:
    """L: a round number at or above the 98th percentile of ``|values|`` (1 when there are none)."""
    data = np.abs(np.array([v for v in values if v is not None], dtype=np.float64))
    data = data[np.isfinite(data)]
    top = float(np.percentile(data, 98)) if data.size else 0.0
    if top <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(top))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= top * (1 - 1e-12))


def classes(limit: float) -> List[Tuple[float, float, str]]:
    """``(lower, upper, label)`` of the seven classes."""
    edges = [-OPEN_END, -limit, -limit / 2, -limit / 10, limit / 10, limit / 2, limit, OPEN_END]
    decimals = max(0, -math.floor(math.log10(limit / 10) + 1e-9))

    def text(value: float) -> str:
        return "{:.{}f}".format(value, decimals)

    labels = ["< " + text(-limit)] + ["{} – {}".format(text(a), text(b)) for a, b in zip(edges[1:-2], edges[2:-1])]
    labels.append("> " + text(limit))
    return [(lower, upper, label) for lower, upper, label in zip(edges[:-1], edges[1:], labels)]


def _symbol(index: int, colour: str) -> str:
    properties = (("color", colour + ",255"), ("outline_color", OUTLINE), ("outline_style", "solid"),
                  ("outline_width", "0.26"), ("outline_width_unit", "MM"), ("style", "solid"),
                  ("joinstyle", "bevel"))
    options = "".join('<Option type="QString" name="{}" value="{}"/>'.format(k, v) for k, v in properties)
    props = "".join('<prop k="{}" v="{}"/>'.format(k, v) for k, v in properties)
    return ('<symbol alpha="1" type="fill" name="{}" clip_to_extent="1" force_rhr="0">'
            '<layer enabled="1" pass="0" locked="0" class="SimpleFill"><Option type="Map">{}</Option>{}</layer>'
            '</symbol>'.format(index, options, props))


def graduated_qml(field: str, limit: float) -> str:
    """The style: fill of ``field`` in seven diverging classes over ±``limit`` (module docstring)."""
    ranges = "".join('<range symbol="{}" label={} lower="{!r}" upper="{!r}" render="true"/>'.format(
        i, quoteattr(label), lower, upper) for i, (lower, upper, label) in enumerate(classes(limit)))
    symbols = "".join(_symbol(i, colour) for i, colour in enumerate(COLOURS))
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis version="3.22.0" styleCategories="Symbology">\n'
            '<renderer-v2 type="graduatedSymbol" attr={} graduatedMethod="GraduatedColor" symbollevels="0" '
            'forceraster="0" enableorderby="0"><ranges>{}</ranges><symbols>{}</symbols></renderer-v2>\n'
            "</qgis>\n".format(quoteattr(field), ranges, symbols))


def outline_qml(rows: Iterable[dict]) -> str:
    """The style of the per-glacier rows (:meth:`.per_glacier.GlacierTable.rows`): on ``mass_balance_mwe`` when
    any glacier has one, else on ``mean_dh_m``."""
    rows = list(rows)
    field = "mass_balance_mwe" if any(r.get("mass_balance_mwe") is not None for r in rows) else "mean_dh_m"
    return graduated_qml(field, round_limit(r.get(field) for r in rows))
