"""The ``cryo`` ("Cryosphere") Processing provider."""
from __future__ import annotations

import glob
import os
from typing import List

from qgis.core import Qgis, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider, QgsProcessingUtils
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms import ALGORITHMS
from .base import ICON_PATH
from .workflow_texts import WORKFLOW_TEXTS, WORKFLOWS, translated

__all__ = ["CryoProvider", "Workflow", "WORKFLOW_TEXTS", "workflow_files"]

MODELS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")


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
                model.setSourceFilePath(path)
                self.addAlgorithm(model)
            else:
                QgsMessageLog.logMessage(QCoreApplication.translate(
                    "CryoProvider", "Could not load the workflow {}").format(path), "Cryosphere",
                    Qgis.MessageLevel.Warning)


class Workflow(QgsProcessingModelAlgorithm):
    """A shipped model, listed and opened under its title (its name is the short id used on the command line);
    group, title and description in the user's language (:mod:`.workflow_texts`). Copies made by
    :meth:`create` (the dialogs, ``qgis_process``) are workflows too, so they keep the title."""

    def createInstance(self) -> "Workflow":  # noqa: N802 (QGIS API)
        copy = Workflow()
        copy.loadVariant(self.toVariant())
        copy.setSourceFilePath(self.sourceFilePath())
        return copy

    def english_title(self) -> str:
        """The title in English: that of :data:`WORKFLOWS`, else the model's own (a model someone added)."""
        return WORKFLOWS.get(self.name(), ("", ""))[0] or self.helpContent().get("ALG_TITLE") or self.name()

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return translated(self.english_title())

    def group(self) -> str:
        return translated(super().group())

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        content = dict(self.helpContent())
        description = WORKFLOWS.get(self.name(), ("", ""))[1] or content.get("ALG_DESC") or ""
        in_language = translated(description)
        if in_language == content.get("ALG_DESC", ""):
            return super().shortHelpString()
        content["ALG_DESC"] = in_language
        content["ALG_TITLE"] = self.displayName()
        return QgsProcessingUtils.formatHelpMapAsHtml(content, self)


def workflow_files() -> List[str]:
    """The example models shipped in ``models/`` (group "Workflows"; written by scripts/build_models.py)."""
    return sorted(glob.glob(os.path.join(MODELS, "*.model3")))
