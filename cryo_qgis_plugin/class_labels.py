"""The class names of :mod:`.core.codes` in the user's language, for legends, plot axes, read-outs and algorithm
help (the core stays English; CSV exports keep the English names, which are data). Every label of every class
table is listed here so that ``make translations-update`` extracts it; tests/test_translation.py checks the list
is complete."""
from __future__ import annotations

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .core.codes import ClassCode

CONTEXT = "ClassLabels"
LABELS = (
    QT_TRANSLATE_NOOP("ClassLabels", "Water body or missing"),
    QT_TRANSLATE_NOOP("ClassLabels", "Frozen"),
    QT_TRANSLATE_NOOP("ClassLabels", "Thawed"),
    QT_TRANSLATE_NOOP("ClassLabels", "Precipitation"),
    QT_TRANSLATE_NOOP("ClassLabels", "Perennial snow/ice"),
    QT_TRANSLATE_NOOP("ClassLabels", "No retrieval (fill)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Transitional (AM frozen, PM thawed)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Inverse transitional (AM thawed, PM frozen)"),
    QT_TRANSLATE_NOOP("ClassLabels", "No data defined"),
    QT_TRANSLATE_NOOP("ClassLabels", "Outside the cold-constrained domain"),
    QT_TRANSLATE_NOOP("ClassLabels", "Open water"),
    QT_TRANSLATE_NOOP("ClassLabels", "Permafrost (TTOP < 0 °C)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Seasonally frozen ground"),
    QT_TRANSLATE_NOOP("ClassLabels", "Unfrozen ground (no freezing)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Glacier"),
    QT_TRANSLATE_NOOP("ClassLabels", "Lake"),
    QT_TRANSLATE_NOOP("ClassLabels", "Continuous (p > 0.9)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Discontinuous (0.5 ≤ p ≤ 0.9)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Sporadic (0.1 ≤ p < 0.5)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Isolated patches (0 < p < 0.1)"),
    QT_TRANSLATE_NOOP("ClassLabels", "No permafrost (p = 0)"),
    QT_TRANSLATE_NOOP("ClassLabels", "No snow"),
    QT_TRANSLATE_NOOP("ClassLabels", "Snow"),
    QT_TRANSLATE_NOOP("ClassLabels", "Cloud (not removed)"),
    QT_TRANSLATE_NOOP("ClassLabels", "Water (inland or ocean)"),
    QT_TRANSLATE_NOOP("ClassLabels", "No data (missing, no decision, night, saturated, fill)"),
)


def class_label(code: ClassCode) -> str:
    """``code``'s label in the user's language."""
    return QCoreApplication.translate(CONTEXT, code.label)
