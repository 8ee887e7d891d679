"""Positions of a model's boxes in QGIS's model designer, laid out left to right by dependency depth: the inputs
in a column on the left, each step one column right of its deepest source (an input, another step's output or a
conditional branch), its comment above it and its outputs stacked on its right. Positions are box centres, as the
designer draws them; inputs, steps and outputs are ~200 × 30 px boxes, comments COMMENT_SIZE."""
from typing import Dict, List

from qgis.core import QgsProcessingModelChildAlgorithm
from qgis.PyQt.QtCore import QPointF, QSizeF

from cryo_qgis_plugin.compat import MODEL_SOURCE_CHILD_OUTPUT

COLUMN = 470.0  # between the centres of two columns of steps
ROW = 45.0  # between the centres of two stacked inputs or outputs
OUTPUT_OFFSET = 235.0  # from a step's centre to its outputs' centres
COMMENT_SIZE = QSizeF(240.0, 70.0)
GAP = 40.0  # between two steps' blocks in one column
LEFT, TOP = 160.0, 60.0


def depths(children: List[QgsProcessingModelChildAlgorithm]) -> Dict[str, int]:
    """Column of each step: 1 + the deepest of the steps it takes an output or a branch from (inputs: 0).
    ``children`` in an order where every step comes after its sources."""
    depth: Dict[str, int] = {}
    for child in children:
        sources = [s.outputChildId() for many in child.parameterSources().values() for s in many
                   if s.source() == MODEL_SOURCE_CHILD_OUTPUT]
        sources += [d.childId for d in child.dependencies()]
        depth[child.childId()] = 1 + max((depth[s] for s in sources), default=0)
    return depth


def lay_out(parameter_components: list, children: List[QgsProcessingModelChildAlgorithm]) -> None:
    """Set the positions of the input components, the steps, their comments and their outputs."""
    for row, component in enumerate(parameter_components):
        component.setPosition(QPointF(LEFT, TOP + row * ROW))
    depth = depths(children)
    tops: Dict[int, float] = {}
    for child in children:
        column = depth[child.childId()]
        x = LEFT + column * COLUMN
        top = tops.get(column, TOP - ROW / 2)
        comment = child.comment()
        comment.setSize(COMMENT_SIZE)
        comment.setPosition(QPointF(x, top + COMMENT_SIZE.height() / 2))
        y = top + COMMENT_SIZE.height() + 10 + child.size().height() / 2
        child.setPosition(QPointF(x, y))
        outputs = child.modelOutputs()
        for row, name in enumerate(outputs):
            outputs[name].setPosition(QPointF(x + OUTPUT_OFFSET, y + row * ROW))
        child.setModelOutputs(outputs)
        tops[column] = y + max(len(outputs) - 1, 0) * ROW + child.size().height() / 2 + GAP
