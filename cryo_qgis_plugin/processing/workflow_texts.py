"""The group, titles and descriptions of the shipped workflows (``models/*.model3``), in English, marked for
pylupdate5 (context "Workflow"). ``scripts/build_models.py`` writes these texts into the models (``ALG_TITLE``,
``ALG_DESC``) and the provider shows them in the user's language (:class:`.provider.Workflow`)."""
from __future__ import annotations

from typing import Dict, Tuple

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Workflow"
GROUP = QT_TRANSLATE_NOOP("Workflow", "Workflows")

# workflow name -> (title, description)
WORKFLOWS: Dict[str, Tuple[str, str]] = {
    "workflowfreezethawtrend": (
        QT_TRANSLATE_NOOP("Workflow", "Freeze/thaw season trend (decode → indicators → trends)"),
        QT_TRANSLATE_NOOP("Workflow", "Daily freeze/thaw grids → decoded, styled stack → season indicators of every "
                                      "complete season year → Sen slope / Mann-Kendall trend of the frozen days and "
                                      "of the freeze onset.")),
    "workflowpermafrostfromlst": (
        QT_TRANSLATE_NOOP("Workflow", "Permafrost map from LST (GST model → degree days → TTOP → accuracy)"),
        QT_TRANSLATE_NOOP("Workflow", "Station table → ridge GST model → daily GST from the LST stacks → "
                                      "freezing/thawing degree days → TTOP with an ensemble (probability, zones) → "
                                      "accuracy against a reference map.")),
    "workflowglaciermassbalance": (
        QT_TRANSLATE_NOOP("Workflow", "Glacier mass balance from a DEM pair"),
        QT_TRANSLATE_NOOP("Workflow", "Two DEMs and glacier outlines (optionally ICESat-2 ATL06 or other reference "
                                      "points) → Nuth & Kääb co-registration on stable terrain → elevation change → "
                                      "outliers and voids → volume change and geodetic mass balance with errors, "
                                      "and an HTML report. With two altimetry epochs (ICESat-2 granules or points), "
                                      "also their gridded elevation-change rate.")),
    "workflowlakeicephenology": (
        QT_TRANSLATE_NOOP("Workflow", "Lake-ice phenology from a stack and lake polygons"),
        QT_TRANSLATE_NOOP("Workflow", "Daily lake-ice stack + lake polygons → daily lake means (shore buffer), as "
                                      "a table → freeze-up and break-up dates and durations per lake and winter, as "
                                      "a table and on the polygons. With a daily air-temperature stack, → ice "
                                      "thickness by the Stefan degree-day law from each freeze-up.")),
    "workflowinsardeformationfromlst": (
        QT_TRANSLATE_NOOP("Workflow", "InSAR ground deformation from LST (GST model → daily GST → thaw index → "
                                      "seasonal and long-term)"),
        QT_TRANSLATE_NOOP("Workflow", "Station table → ridge GST model → daily GST from the LST stacks → per pixel, "
                                      "the thaw index of its GST and the least-squares split of the InSAR "
                                      "displacements into a long-term velocity and a seasonal (Stefan) term (Liu et "
                                      "al. 2010, 2012), with the fitted model at every date.")),
}

# every text above, for tests/test_translation.py
WORKFLOW_TEXTS: Tuple[str, ...] = (GROUP,) + tuple(text for pair in WORKFLOWS.values() for text in pair)


def translated(text: str) -> str:
    """``text`` (one of :data:`WORKFLOW_TEXTS`, or any other) in the user's language when a translation exists."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
