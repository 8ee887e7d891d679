"""Toolbox context-menu action "Copy as Model…" on the plugin's shipped workflows: opens a copy in QGIS's Model
Designer (desktop only: it needs the Processing plugin's GUI). The shipped models are read-only (they belong to
the plugin's provider, and a plugin update replaces them); the copy has no file yet, so saving it asks for a new
path, by default in the user's models folder, where the "Models" provider lists it."""
from __future__ import annotations

from typing import List

from qgis.core import QgsProcessingModelAlgorithm
from qgis.PyQt.QtGui import QIcon

try:  # the Processing plugin's GUI: on the desktop (plain Python and qgis_process have no toolbox)
    from processing.gui.ContextAction import ContextAction
    from processing.gui.ProviderActions import ProviderContextMenuActions
    from processing.modeler.ModelerDialog import ModelerDialog
except ImportError:
    ContextAction = ProviderContextMenuActions = ModelerDialog = None

PROVIDER_ID = "cryo"


def is_workflow(algorithm) -> bool:
    """Whether ``algorithm`` (the toolbox item) is one of the plugin's workflows."""
    if not isinstance(algorithm, QgsProcessingModelAlgorithm):
        return False
    provider = algorithm.provider()
    return provider is not None and provider.id() == PROVIDER_ID


def editable_copy(workflow: QgsProcessingModelAlgorithm) -> QgsProcessingModelAlgorithm:
    """A plain model with the content of ``workflow``, named by its (translated) title, with no file: the Model
    Designer saves it under a new name."""
    copy = QgsProcessingModelAlgorithm()
    copy.loadVariant(workflow.toVariant())
    copy.setName(workflow.displayName())
    copy.setSourceFilePath("")
    return copy


class CopyWorkflowAction(ContextAction or object):
    """"Copy as Model…", enabled on the plugin's workflows."""

    def __init__(self) -> None:
        super().__init__()
        self.name = self.tr("Copy as Model…")  # ContextAction.tr: context CopyWorkflowAction
        self.itemData = None
        self.dialog = None

    def icon(self) -> QIcon:
        return QIcon(":/images/themes/default/processingModel.svg")

    def isEnabled(self) -> bool:
        return is_workflow(self.itemData)

    def execute(self):
        """Open the copy in a Model Designer window and return that window."""
        self.dialog = ModelerDialog.create(editable_copy(self.itemData))
        self.dialog.show()
        self.dialog.activate()
        return self.dialog


def register() -> List[CopyWorkflowAction]:
    """Add the action to the Processing toolbox's context menu; returns what :func:`unregister` takes (nothing
    without the Processing plugin)."""
    if ProviderContextMenuActions is None:
        return []
    actions = [CopyWorkflowAction()]
    ProviderContextMenuActions.registerProviderContextMenuActions(actions)
    return actions


def unregister(actions: List[CopyWorkflowAction]) -> None:
    """Remove the actions :func:`register` added (those still registered)."""
    if not actions:
        return
    ProviderContextMenuActions.deregisterProviderContextMenuActions(
        [action for action in actions if action in ProviderContextMenuActions.actions])
