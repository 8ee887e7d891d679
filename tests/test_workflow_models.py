"""The shipped workflows in the Model Designer and the toolbox: every box laid out (distinct positions, no
overlaps, inputs left of the steps that use them, each step right of its sources), every step with a comment and a
description; titles, group and help through the plugin's translation; "Copy as Model…" opens an unsaved copy."""
import os

import pytest
from qgis.PyQt.QtCore import QRectF, QTranslator

from conftest import ROOT

MODELS = os.path.join(ROOT, "cryo_qgis_plugin", "models")
WORKFLOWS = sorted(f[:-7] for f in os.listdir(MODELS) if f.endswith(".model3"))


def load(name):
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(MODELS, name + ".model3"))
    return model


def boxes(model):
    """(label, rectangle) of every box the designer draws: inputs, steps, outputs and non-empty comments."""
    components = [("input " + n, c) for n, c in model.parameterComponents().items()]
    for child_id, child in model.childAlgorithms().items():
        components.append(("step " + child_id, child))
        components += [("output " + n, o) for n, o in child.modelOutputs().items()]
        if child.comment().description():
            components.append(("comment " + child_id, child.comment()))
    return [(label, QRectF(c.position().x() - c.size().width() / 2, c.position().y() - c.size().height() / 2,
                           c.size().width(), c.size().height())) for label, c in components]


@pytest.mark.parametrize("name", WORKFLOWS)
def test_every_box_has_its_own_place(qgis_app, name):
    placed = boxes(load(name))
    centres = [(r.center().x(), r.center().y()) for _, r in placed]
    assert len(set(centres)) == len(centres), name
    assert all(r.width() >= 100 and r.height() >= 30 for _, r in placed)
    overlaps = [(a, b) for i, (a, ra) in enumerate(placed) for b, rb in placed[i + 1:] if ra.intersects(rb)]
    assert not overlaps, overlaps


@pytest.mark.parametrize("name", WORKFLOWS)
def test_steps_are_in_columns_by_dependency_and_described(qgis_app, name):
    from cryo_qgis_plugin.compat import MODEL_SOURCE_CHILD_OUTPUT

    model = load(name)
    inputs_x = {c.position().x() for c in model.parameterComponents().values()}
    assert len(inputs_x) == 1  # one column of inputs
    children = model.childAlgorithms()
    for child in children.values():
        x = child.position().x()
        assert x > max(inputs_x) + 200, child.childId()
        sources = [s.outputChildId() for many in child.parameterSources().values() for s in many
                   if s.source() == MODEL_SOURCE_CHILD_OUTPUT] + [d.childId for d in child.dependencies()]
        for source in sources:
            assert x > children[source].position().x() + 200, (child.childId(), source)
        for output in child.modelOutputs().values():
            assert output.position().x() > x and abs(output.position().y() - child.position().y()) < 200
        assert len(child.comment().description()) > 20 and child.description(), child.childId()


class MarkingTranslator(QTranslator):
    """Translates every text of the context "Workflow" to "[zh] " + text, and records what it was asked."""

    def __init__(self):
        super().__init__()
        self.asked = []

    def translate(self, context, source, disambiguation=None, n=-1):
        if context != "Workflow":
            return ""  # not ours: Qt keeps the source text
        self.asked.append(source)
        return "[zh] " + source

    def isEmpty(self):  # noqa: N802 (Qt API)
        return False


def test_titles_group_and_help_go_through_the_translator(qgis_app):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    from cryo_qgis_plugin.processing.workflow_texts import WORKFLOWS as TEXTS

    registry = QgsApplication.processingRegistry()
    english = registry.createAlgorithmById("cryo:workflowpermafrostfromlst")
    title, description = TEXTS["workflowpermafrostfromlst"]
    assert english.displayName() == title == "Permafrost map from LST (GST model → degree days → TTOP → accuracy)"
    assert english.group() == "Workflows" and description in english.shortHelpString()
    translator = MarkingTranslator()
    assert QCoreApplication.installTranslator(translator)
    try:
        for name in WORKFLOWS:
            workflow = registry.createAlgorithmById("cryo:" + name)  # what the dialogs and qgis_process run
            title, description = TEXTS[name]
            assert workflow.displayName() == "[zh] " + title != "[zh] " + name
            assert workflow.group() == "[zh] Workflows"
            assert "[zh] " + description in workflow.shortHelpString()
        assert {text for pair in TEXTS.values() for text in pair} <= set(translator.asked)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert english.displayName() == TEXTS["workflowpermafrostfromlst"][0]


def test_copy_as_model_opens_an_unsaved_copy_in_the_model_designer(qgis_app):
    from qgis.core import QgsApplication

    from cryo_qgis_plugin.gui import model_actions

    registry = QgsApplication.processingRegistry()
    workflow = registry.algorithmById("cryo:workflowlakeicephenology")
    action = model_actions.CopyWorkflowAction()
    for other in (registry.algorithmById("cryo:lakeicephenology"), registry.algorithmById("native:buffer"), None):
        action.setData(other, None)
        assert not action.isEnabled()
    action.setData(workflow, None)
    assert action.isEnabled() and action.name == "Copy as Model…"
    dialog = action.execute()
    try:
        model = dialog.model()
        assert model.sourceFilePath() == "" and workflow.sourceFilePath().endswith("workflowlakeicephenology.model3")
        assert model.name() == "Lake-ice phenology from a stack and lake polygons"
        assert sorted(model.childAlgorithms()) == sorted(workflow.childAlgorithms())
        assert model.provider() is None or model.provider().id() != "cryo"  # not the read-only shipped one
        positions = {c.childId(): c.position() for c in model.childAlgorithms().values()}
        assert positions == {c.childId(): c.position() for c in workflow.childAlgorithms().values()}
    finally:
        dialog.close()


def test_the_action_is_registered_and_unregistered(qgis_app):
    from processing.gui.ProviderActions import ProviderContextMenuActions

    from cryo_qgis_plugin.gui import model_actions

    actions = model_actions.register()
    try:
        assert [a for a in ProviderContextMenuActions.actions if isinstance(a, model_actions.CopyWorkflowAction)]
    finally:
        model_actions.unregister(actions)
    assert not [a for a in ProviderContextMenuActions.actions if isinstance(a, model_actions.CopyWorkflowAction)]
