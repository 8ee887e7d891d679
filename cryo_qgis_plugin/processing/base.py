"""Shared plumbing of the ``cryo`` algorithms: groups, error and progress translation from the core."""
from __future__ import annotations

import contextlib
import os
from typing import Callable, Iterable, Iterator, Tuple

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingLayerPostProcessorInterface)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.errors import Cancelled, CryoInputError

ICON_PATH = ":/plugins/cryo_qgis_plugin/icons/cryo.svg"  # from resources.qrc

GROUPS = {
    "freezethaw": "Freeze/thaw",
    "permafrost": "Permafrost",
    "glaciers": "Glaciers",
    "lakeice": "Lake ice",
    "validation": "Validation",
}


class CryoAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``GROUP`` (a key of :data:`GROUPS`) and implement the usual methods."""

    GROUP = ""

    def createInstance(self) -> "CryoAlgorithm":  # noqa: N802 (QGIS API)
        return type(self)()

    def group(self) -> str:
        return self.tr(GROUPS[self.GROUP])

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("CryoAlgorithm", text)


def progress_reporter(feedback: QgsProcessingFeedback) -> Callable[[float], None]:
    """A core progress callback: sets the percentage and raises :class:`Cancelled` when asked to stop."""

    def report(fraction: float) -> None:
        if feedback.isCanceled():
            raise Cancelled()
        feedback.setProgress(100.0 * fraction)

    return report


@contextlib.contextmanager
def core_errors() -> Iterator[None]:
    """Turn the core's exceptions into ``QgsProcessingException`` with the same message."""
    try:
        yield
    except CryoInputError as exc:
        raise QgsProcessingException(str(exc)) from None
    except Cancelled:
        raise QgsProcessingException("Cancelled: no output was written") from None


def refuse_overwriting_inputs(outputs: Iterable[str], inputs: Iterable[str]) -> None:
    """Stop before an output path would replace one of the inputs."""
    real_inputs = {os.path.realpath(p) for p in inputs if p}
    for path in outputs:
        if path and os.path.realpath(path) in real_inputs:
            raise QgsProcessingException(
                "The output {} is one of the inputs; choose another output name so the input is kept".format(path))


class SidecarStyle(QgsProcessingLayerPostProcessorInterface):
    """Applies the ``.qml`` the core wrote beside an output when Processing loads that output as a layer
    (Processing loads outputs without their default style)."""

    _alive = []  # Processing keeps only a C++ pointer: keep the Python objects alive

    def __init__(self, qml_path: str) -> None:
        super().__init__()
        self.qml_path = qml_path

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        message, ok = layer.loadNamedStyle(self.qml_path)
        if not ok:
            feedback.pushWarning("Could not apply the style {}: {}".format(self.qml_path, message))
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context: QgsProcessingContext, output_path: str) -> None:
        """Style ``output_path`` from its sidecar when the run loads it (no-op when it is not loaded)."""
        qml = os.path.splitext(output_path)[0] + ".qml"
        if context.willLoadLayerOnCompletion(output_path) and os.path.exists(qml):
            processor = cls(qml)
            cls._alive.append(processor)
            context.layerToLoadOnCompletionDetails(output_path).setPostProcessor(processor)


def refuse_shared_outputs(outputs: Iterable[Tuple[str, str]]) -> None:
    """Stop before two outputs of one run (``(parameter, path)`` pairs) would be written to the same file."""
    seen = {}
    for name, path in outputs:
        if path and os.path.realpath(path) in seen:
            raise QgsProcessingException("{} and {} are the same file {}; give each output its own name".format(
                seen[os.path.realpath(path)], name, path))
        seen[os.path.realpath(path)] = name
