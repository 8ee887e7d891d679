"""QGIS feedback (a Processing run's or a task's) as the core's :class:`~..core.run.Run`."""
from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsFeedback, QgsProcessingFeedback

from ..core.run import DEFAULT_BUDGET, Run, Severity


def run_for(feedback: Optional[QgsFeedback], budget_bytes: int = DEFAULT_BUDGET,
            log: Optional[Callable[[str, Severity], None]] = None) -> Run:
    """A Run that reports progress to ``feedback`` (percent), stops when it is cancelled, and writes the log to it
    (Processing feedback: INFO as info, WARNING as warning) or to ``log``."""
    if feedback is None:
        return Run(budget_bytes=budget_bytes, **({"log": log} if log else {}))
    if log is None and isinstance(feedback, QgsProcessingFeedback):
        def log(message: str, severity: Severity) -> None:
            if severity is Severity.WARNING:
                feedback.pushWarning(message)
            else:
                feedback.pushInfo(message)
    return Run(progress=lambda fraction: feedback.setProgress(100.0 * fraction),
               cancelled=feedback.isCanceled, budget_bytes=budget_bytes, **({"log": log} if log else {}))
