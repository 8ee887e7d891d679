"""Styles of the vector outputs that have no ``.qml`` of their own, applied when Processing loads them: lakes shaded
by their ice-cover duration, points by a signed value on a diverging scale centred on 0 (ColorBrewer RdBu and Blues,
Harrower & Brewer 2003). Class limits come from the layer's values (the first :data:`SAMPLE` features)."""
from __future__ import annotations

import re
from typing import List, Optional, Sequence

import numpy as np
from qgis.core import (QgsFeatureRequest, QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsMarkerSymbol,
                       QgsRendererRange, QgsSingleSymbolRenderer, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import REQUEST_NO_GEOMETRY

SAMPLE = 100000
BLUES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
RED_BLUE = ("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0")  # negative (subsidence, loss) red
LAKE_OUTLINE = "#08306b"


def tr(text: str) -> str:
    return QCoreApplication.translate("VectorStyles", text)


def field_values(layer: QgsVectorLayer, field: str) -> np.ndarray:
    """The finite values of ``field`` in the first :data:`SAMPLE` features."""
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([field], layer.fields())
    request.setLimit(SAMPLE)
    values = []
    for feature in layer.getFeatures(request):
        try:
            values.append(float(feature[field]))
        except (TypeError, ValueError):
            continue
    array = np.asarray(values, dtype=float)
    return array[np.isfinite(array)]


def _graduated(field: str, edges: Sequence[float], colours: Sequence[str], symbol_of, label: str):
    ranges = [QgsRendererRange(float(low), float(high), symbol_of(colour), label.format(low, high))
              for low, high, colour in zip(edges[:-1], edges[1:], colours)]
    return QgsGraduatedSymbolRenderer(field, ranges)


def _lake_symbol(colour: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": LAKE_OUTLINE, "outline_width": "0.3"})


def _point_symbol(colour: str) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "2",
                                         "outline_color": "#404040", "outline_width": "0.1"})


def latest_season_field(layer: QgsVectorLayer, prefix: str) -> Optional[str]:
    """The ``<prefix>_<year>`` field of the latest season that has a value."""
    names = sorted(n for n in layer.fields().names() if re.fullmatch(re.escape(prefix) + r"_\d{4}", n))
    for name in reversed(names):
        if field_values(layer, name).size:
            return name
    return None


def style_lakes(layer: QgsVectorLayer) -> None:
    """Lake polygons: five equal classes of the ice-cover duration (``icd_<year>``, days) of the latest season with
    values, light to dark blue; plain water blue when no season has one."""
    field = latest_season_field(layer, "icd")
    values = field_values(layer, field) if field else np.empty(0)
    if values.size == 0 or values.max() == values.min():
        layer.setRenderer(QgsSingleSymbolRenderer(_lake_symbol(BLUES[2])))
        return
    edges = np.linspace(values.min(), values.max(), len(BLUES) + 1)
    layer.setRenderer(_graduated(field, edges, BLUES, _lake_symbol, tr("{:.0f} – {:.0f} days")))


def diverging_edges(values: np.ndarray, classes: int = len(RED_BLUE)) -> List[float]:
    """Class limits symmetric about 0 over ±the 98th percentile of |value| (the middle class straddles 0), the
    outer classes stretched to the extremes."""
    reach = float(np.percentile(np.abs(values), 98)) or float(np.abs(values).max()) or 1.0
    edges = list(np.linspace(-reach, reach, classes + 1))
    edges[0] = min(edges[0], float(values.min()))
    edges[-1] = max(edges[-1], float(values.max()))
    return edges


def style_signed_points(layer: QgsVectorLayer, field: str) -> None:
    """Points coloured by the signed ``field`` (a velocity, a residual): red below 0, white about 0, blue above."""
    values = field_values(layer, field) if field in layer.fields().names() else np.empty(0)
    if values.size == 0:
        layer.setRenderer(QgsSingleSymbolRenderer(_point_symbol(RED_BLUE[2])))
        return
    layer.setRenderer(_graduated(field, diverging_edges(values), RED_BLUE, _point_symbol, "{:.3g} – {:.3g}"))
