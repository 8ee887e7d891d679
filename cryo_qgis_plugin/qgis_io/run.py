"""A Processing run's feedback as the core's :class:`~..core.run.Run`."""
from __future__ import annotations

from qgis.core import QgsProcessingFeedback

from ..core.run import DEFAULT_BUDGET, Run, Severity


def run_for(feedback: QgsProcessingFeedback, budget_bytes: int = DEFAULT_BUDGET) -> Run:
    """A Run that reports progress to ``feedback`` (percent), stops when it is cancelled, and writes INFO messages
    as info and WARNING messages as warnings to its log."""

    def log(message: str, severity: Severity) -> None:
        if severity is Severity.WARNING:
            feedback.pushWarning(message)
        else:
            feedback.pushInfo(message)

    return Run(progress=lambda fraction: feedback.setProgress(100.0 * fraction), log=log,
               cancelled=feedback.isCanceled, budget_bytes=budget_bytes)
