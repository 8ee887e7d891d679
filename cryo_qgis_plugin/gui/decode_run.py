"""A background run of ``cryo:decodefreezethaw`` started by the import dialog: its context, feedback and output."""
from __future__ import annotations

from typing import List

from qgis.core import QgsProcessingContext, QgsProcessingFeedback


class DecodeFeedback(QgsProcessingFeedback):
    """Feedback that keeps the algorithm's error messages (reported from the task's thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: List[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:
        self.errors.append(error)
        super().reportError(error, fatalError)


class DecodeRun:
    """One background run: the context and feedback its task uses (the task only refers to them), its output."""

    def __init__(self, context: QgsProcessingContext, feedback: DecodeFeedback, output: str) -> None:
        self.context = context
        self.feedback = feedback
        self.output = output
        self.finished = False
