"""QGIS plugin object: registers the ``cryo`` Processing provider (desktop and ``qgis_process``)."""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication

from .processing.provider import CryoProvider


class CryoPlugin:
    """Plugin entry point; safe with ``iface`` None, as ``qgis_process`` loads it."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: Optional[CryoProvider] = None

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        self.provider = CryoProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        self.initProcessing()

    def unload(self) -> None:
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
