"""The ``cryo`` ("Cryosphere") Processing provider."""
from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..resources import qInitResources  # compiled from resources.qrc by `make resources`
from .algorithms import ALGORITHMS
from .base import ICON_PATH


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
