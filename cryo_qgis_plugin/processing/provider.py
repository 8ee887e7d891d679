"""The ``cryo`` ("Cryosphere") Processing provider."""
from __future__ import annotations

import glob
import os
from typing import List

from qgis.core import Qgis, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider, QgsProcessingUtils
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms import ALGORITHMS
from .base import ICON_PATH

MODELS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")

# The group, titles (ALG_TITLE) and descriptions (ALG_DESC) of the shipped models, for translation: keep them
# equal to what scripts/build_models.py writes (tests/test_translation.py checks it).
WORKFLOW_TEXTS = (
    QT_TRANSLATE_NOOP("Workflow", "Workflows"),
    QT_TRANSLATE_NOOP("Workflow", "Freeze/thaw season trend (decode → indicators → trends)"),
    QT_TRANSLATE_NOOP("Workflow", "Daily freeze/thaw grids → decoded, styled stack → season indicators of every "
                                  "complete season year → Sen slope / Mann-Kendall trend of the frozen days and of "
                                  "the freeze onset."),
    QT_TRANSLATE_NOOP("Workflow", "Permafrost map from LST (GST model → degree days → TTOP → accuracy)"),
    QT_TRANSLATE_NOOP("Workflow", "Station table → ridge GST model → daily GST from the LST stacks → "
                                  "freezing/thawing degree days → TTOP with an ensemble (probability, zones) → "
                                  "accuracy against a reference map."),
    QT_TRANSLATE_NOOP("Workflow", "Glacier mass balance from a DEM pair"),
    QT_TRANSLATE_NOOP("Workflow", "Two DEMs and glacier outlines → Nuth & Kääb co-registration on stable "
                                  "terrain → elevation change → outliers and voids → volume change and geodetic "
                                  "mass balance with errors, and an HTML report."),
    QT_TRANSLATE_NOOP("Workflow", "Lake-ice phenology from a stack and lake polygons"),
    QT_TRANSLATE_NOOP("Workflow", "Daily lake-ice stack + lake polygons → lake means (shore buffer) → freeze-up "
                                  "and break-up dates and durations per lake and winter, as a table and on the "
                                  "polygons."),
    QT_TRANSLATE_NOOP("Workflow", "InSAR ground deformation from LST (GST model → daily GST → thaw index → "
                                  "seasonal and long-term)"),
    QT_TRANSLATE_NOOP("Workflow", "Station table → ridge GST model → daily GST from the LST stacks → per pixel, "
                                  "the thaw index of its GST and the least-squares split of the InSAR "
                                  "displacements into a long-term velocity and a seasonal (Stefan) term (Liu et "
                                  "al. 2010, 2012), with the fitted model at every date."),
)


class CryoProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "cryo"

    def name(self) -> str:
        return QCoreApplication.translate("CryoProvider", "Cryosphere")

    def longName(self) -> str:
        return QCoreApplication.translate("CryoProvider",
                                          "Cryosphere Toolkit (freeze/thaw, permafrost, glaciers, lake ice, snow)")

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:
        return ICON_PATH

    def supportedOutputRasterLayerExtensions(self):
        return ["tif"]

    def loadAlgorithms(self) -> None:
        for algorithm_class in ALGORITHMS:
            self.addAlgorithm(algorithm_class())
        for path in workflow_files():
            model = Workflow()
            if model.fromFile(path):
                self.addAlgorithm(model)
            else:
                QgsMessageLog.logMessage(QCoreApplication.translate(
                    "CryoProvider", "Could not load the workflow {}").format(path), "Cryosphere",
                    Qgis.MessageLevel.Warning)


class Workflow(QgsProcessingModelAlgorithm):
    """A shipped model, listed under its title (its name is the short id used on the command line); group, title
    and description in the user's language when :data:`WORKFLOW_TEXTS` has them."""

    def displayName(self) -> str:
        return QCoreApplication.translate("Workflow", self.helpContent().get("ALG_TITLE", self.name()))

    def group(self) -> str:
        return QCoreApplication.translate("Workflow", super().group())

    def shortHelpString(self) -> str:
        content = dict(self.helpContent())
        description = content.get("ALG_DESC") or ""
        in_language = QCoreApplication.translate("Workflow", description) if description else ""
        if in_language == description:
            return super().shortHelpString()
        content["ALG_DESC"] = in_language
        return QgsProcessingUtils.formatHelpMapAsHtml(content, self)


def workflow_files() -> List[str]:
    """The example models shipped in ``models/`` (group "Workflows"; written by scripts/build_models.py)."""
    return sorted(glob.glob(os.path.join(MODELS, "*.model3")))
