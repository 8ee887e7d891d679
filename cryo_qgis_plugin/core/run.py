"""The run contract of every core entry point: how a computation reports progress, writes to the log (each
message with its own severity), notices that it should stop, and how much memory its blocks may take.

A caller passes one :class:`Run`; the default runs silently with :data:`DEFAULT_BUDGET`. QGIS Processing adapts
its feedback to a Run once (``qgis_io.run.run_for``), a script or a cluster worker uses the default or its own
callbacks. Stacks are streamed in blocks sized by :func:`blocks` from ``run.budget_bytes``, so memory depends
on the budget, not on how many days a stack holds.
"""
from __future__ import annotations

import enum
import os
from dataclasses import dataclass, replace
from typing import Callable, List, Tuple

from .errors import Cancelled, CryoInputError

DEFAULT_BUDGET = 256 * 1024 * 1024  # bytes of arrays one computation may hold at a time


class Severity(enum.Enum):
    """How a log message should be shown: INFO is a step or a figure, WARNING something the user should check."""

    INFO = "info"
    WARNING = "warning"


def _ignore_progress(_fraction: float) -> None:
    pass


def _ignore_message(_message: str, _severity: Severity) -> None:
    pass


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Run:
    """Callbacks and limits of one computation.

    ``progress`` receives the done fraction in 0..1, ``log`` a message and its :class:`Severity`, ``cancelled``
    is polled between blocks (the computation then raises :class:`~.errors.Cancelled` and writes nothing),
    ``budget_bytes`` bounds the arrays held at a time."""

    progress: Callable[[float], None] = _ignore_progress
    log: Callable[[str, Severity], None] = _ignore_message
    cancelled: Callable[[], bool] = _never
    budget_bytes: int = DEFAULT_BUDGET

    def check(self) -> None:
        """Raise :class:`~.errors.Cancelled` when the caller asked to stop."""
        if self.cancelled():
            raise Cancelled()

    def report(self, fraction: float) -> None:
        """Progress ``fraction`` (clipped to 0..1) after checking for a stop request."""
        self.check()
        self.progress(min(1.0, max(0.0, fraction)))

    def info(self, message: str) -> None:
        self.log(message, Severity.INFO)

    def warning(self, message: str) -> None:
        self.log(message, Severity.WARNING)

    def part(self, start: float, stop: float) -> "Run":
        """The same run with its progress mapped onto ``start``..``stop`` of the caller's (a step of a chain)."""
        outer = self.progress
        return replace(self, progress=lambda fraction: outer(start + (stop - start) * fraction))

    def with_budget(self, budget_bytes: int) -> "Run":
        return replace(self, budget_bytes=int(budget_bytes))


def memory_ceiling() -> float:
    """Half the machine's physical memory (a single block above it would not fit beside QGIS and the OS);
    infinite where the platform does not say."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2
    except (AttributeError, OSError, ValueError):
        return float("inf")


def blocks(count: int, bytes_each: int, budget_bytes: int, align: int = 1) -> List[Tuple[int, int]]:
    """Split ``count`` rows (or dates) into ``(start, stop)`` blocks of at most ``budget_bytes`` each.

    ``bytes_each`` is the memory one row (or date) needs; a single one beyond :func:`memory_ceiling` is refused
    before anything is allocated. Blocks start on multiples of ``align`` when the budget
    allows, so tiled outputs are written tile row by tile row and chunked inputs are read whole chunks at a time.
    """
    if bytes_each > memory_ceiling():
        raise CryoInputError(
            "One step of this computation needs {:.1f} GiB of memory, more than this machine can give ({:.1f} GiB "
            "for one step): choose a smaller EXTENT or period, or resample the input to coarser cells".format(
                bytes_each / 2 ** 30, memory_ceiling() / 2 ** 30))
    size = max(1, int(budget_bytes // max(1, bytes_each)))
    if size >= align:
        size -= size % align
    return [(start, min(start + size, count)) for start in range(0, count, size)]
