"""QGIS layer styles (``.qml``) written as plain XML, from the class tables of :mod:`.codes`.

A ``.qml`` file beside a GeoTIFF with the same base name is loaded by QGIS as the layer's default style,
so categorical outputs open with the product's colours and labels even outside this plugin.
"""
from __future__ import annotations

from typing import Sequence, Tuple
from xml.sax.saxutils import quoteattr

from .codes import ClassTable

_HEADER = ('<!DOCTYPE qgis PUBLIC \'http://mrcc.com/qgis.dtd\' \'SYSTEM\'>\n'
           '<qgis version="3.22.0" styleCategories="AllStyleCategories">\n  <pipe>\n')
_FOOTER = "  </pipe>\n  <blendMode>0</blendMode>\n</qgis>\n"


def paletted_qml(table: ClassTable, band: int = 1) -> str:
    """A paletted/unique-values raster style: one colour and label per class code."""
    entries = "".join(
        '        <paletteEntry value="{}" color="{}" alpha="255" label={}/>\n'.format(
            code.value, code.hex_color, quoteattr(code.label))
        for code in table)
    return (_HEADER
            + '    <rasterrenderer type="paletted" opacity="1" alphaBand="-1" band="{}">\n'.format(band)
            + "      <rasterTransparency/>\n      <colorPalette>\n" + entries
            + "      </colorPalette>\n    </rasterrenderer>\n" + _FOOTER)


def pseudocolor_qml(stops: Sequence[Tuple[float, str, str]], band: int = 1, interpolation: str = "INTERPOLATED") -> str:
    """A continuous single-band pseudocolour style from ``(value, '#rrggbb', label)`` stops."""
    lo, hi = stops[0][0], stops[-1][0]
    items = "".join('            <item value="{}" color="{}" alpha="255" label={}/>\n'.format(
        value, colour, quoteattr(label)) for value, colour, label in stops)
    return (_HEADER
            + '    <rasterrenderer type="singlebandpseudocolor" opacity="1" alphaBand="-1" band="{}" '
              'classificationMin="{}" classificationMax="{}">\n'.format(band, lo, hi)
            + "      <rasterTransparency/>\n"
            + '      <rastershader>\n        <colorrampshader colorRampType="{}" classificationMode="1" '
              'clip="0" minimumValue="{}" maximumValue="{}">\n'.format(interpolation, lo, hi)
            + items + "        </colorrampshader>\n      </rastershader>\n    </rasterrenderer>\n" + _FOOTER)


def diverging_qml(limit: float) -> str:
    """Red (decrease) - white (0) - blue (increase) ramp over ``[-limit, limit]`` (trends, elevation change)."""
    label = "{:.3g}".format(limit)
    return pseudocolor_qml([(-limit, "#b2182b", "-" + label), (0.0, "#f7f7f7", "0"), (limit, "#2166ac", label)])
