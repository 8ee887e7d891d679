"""The ``cryo`` ("Cryosphere") Processing provider."""
from __future__ import annotations

import glob
import os
from typing import List

from qgis.core import Qgis, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..resources import qInitResources  # compiled from resources.qrc by `make resources`
from .algorithms import ALGORITHMS
from .base import ICON_PATH

MODELS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")


class CryoProvider(QgsProcessingProvider):
    def __init__(self) -> None:
        super().__init__()
        qInitResources()

    def id(self) -> str:
        return "cryo"

    def name(self) -> str:
        return "Cryosphere"

    def longName(self) -> str:  # noqa: N802 (QGIS API)
        return "Cryosphere Toolkit (freeze/thaw, permafrost, glaciers, lake ice)"

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:  # noqa: N802 (QGIS API)
        return ICON_PATH

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802 (QGIS API)
        return ["tif"]

    def loadAlgorithms(self) -> None:  # noqa: N802 (QGIS API)
        for algorithm_class in ALGORITHMS:
            self.addAlgorithm(algorithm_class())
        for path in workflow_files():
            model = Workflow()
            if model.fromFile(path):
                self.addAlgorithm(model)
            else:
                QgsMessageLog.logMessage("Could not load the workflow {}".format(path), "Cryosphere", Qgis.Warning)


class Workflow(QgsProcessingModelAlgorithm):
    """A shipped model, listed under its title (its name is the short id used on the command line)."""

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.helpContent().get("ALG_TITLE", self.name())


def workflow_files() -> List[str]:
    """The example models shipped in ``models/`` (group "Workflows"; written by scripts/build_models.py)."""
    return sorted(glob.glob(os.path.join(MODELS, "*.model3")))
