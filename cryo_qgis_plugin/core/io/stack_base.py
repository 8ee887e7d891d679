"""The base of the daily stacks: a dated series of grids on one grid, read in blocks (see :mod:`.stack`)."""
from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from typing import Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..errors import CryoInputError
from .grid import Grid
from .passes import describe_pass

TimeIndex = Union[slice, Sequence[int]]


class Stack(ABC):
    """A dated series of grids on one :class:`Grid`."""

    def __init__(self, source: str, dates: List[dt.date], grid: Grid, dtype: np.dtype,
                 nodata: Optional[float]):
        if not dates:
            raise CryoInputError("{} holds no grid (0 dates); check that it is the right file and dataset"
                                 .format(source))
        _check_unique_dates(source, dates)
        order = sorted(range(len(dates)), key=dates.__getitem__)
        # bands stored out of date order (unambiguous: every band has its date) are read in date order
        self._stored: Optional[List[int]] = order if order != list(range(len(dates))) else None
        self.source = source
        self.dates = [dates[i] for i in order]
        self.grid = grid
        self.dtype = np.dtype(dtype)
        self.nodata = nodata
        # the stored values' own packing (scale_factor, add_offset), None where the file gives none
        self.scale: Optional[float] = None
        self.offset: Optional[float] = None
        # the satellite pass read from granules holding AM and PM ('am', 'pm', 'combined'; None: no passes)
        self.passes: Optional[str] = None
        # the arguments of :func:`~.stack.open_stack` that made this stack (None for stacks made otherwise)
        self.open_arguments: Optional[tuple] = None

    @property
    def shape(self) -> Tuple[int, int, int]:
        return (len(self.dates),) + self.grid.shape

    def read(self, rows: slice, times: TimeIndex = slice(None)) -> np.ndarray:
        """Read the rows ``rows`` of the grids at (date-ordered) positions ``times``: array ``(t, r, width)``.
        A grid that cannot be read (a damaged compressed block, a truncated file) is named by file and date."""
        if self._stored is not None:
            times = [self._stored[p] for p in time_positions(len(self.dates), times)]
        try:
            return self._read(rows, times)
        except (OSError, RuntimeError) as exc:
            raise self._unreadable(rows, time_positions(len(self.dates), times), exc) from None

    @abstractmethod
    def _read(self, rows: slice, stored: TimeIndex) -> np.ndarray:
        """Read the rows ``rows`` of the grids at the positions ``stored`` in storage order."""

    def file_of(self, stored: int) -> str:
        """The file holding the grid at storage position ``stored``."""
        return self.source

    def _unreadable(self, rows: slice, stored: List[int], exc: Exception) -> CryoInputError:
        """The error naming the first grid of ``stored`` that cannot be read on its own."""
        r0, r1, _ = rows.indices(self.grid.height)
        by_date = {t: i for i, t in enumerate(self._stored)} if self._stored is not None else None
        for t in stored:
            try:
                self._read(rows, [t])
            except (OSError, RuntimeError) as single:
                p = by_date[t] if by_date is not None else t
                return CryoInputError(
                    "{}: the grid of {} (date {} of {}, rows {}-{}) cannot be read ({}): the file is damaged or "
                    "incomplete; download it again, or choose a period without that date".format(
                        self.file_of(t), self.dates[p], p + 1, len(self.dates), r0, r1 - 1, single))
        return CryoInputError("{}: reading rows {}-{} failed ({}); check that the file is complete".format(
            self.source, r0, r1 - 1, exc))

    @property
    def files(self) -> List[str]:
        """The files the stack reads (outputs must never replace them)."""
        return [self.source]

    @property
    def time_chunk(self) -> int:
        """How many dates the storage compresses together (read whole multiples of it)."""
        return 1

    def close(self) -> None:
        """Release open files (the default layouts open files per read, so nothing to do)."""

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def describe(self) -> str:
        text = "{}: {} dates {} .. {}, {}".format(self.source, len(self.dates), self.dates[0], self.dates[-1],
                                                  self.grid.describe())
        if self.passes:
            text += "; {}".format(describe_pass(self.passes))
        if self.scale is not None or self.offset is not None:
            text += "; packed as value x {:g} + {:g}".format(
                1.0 if self.scale is None else self.scale, 0.0 if self.offset is None else self.offset)
        if self._stored is not None:
            text += "; its grids are not stored in date order (the first is {}): read in date order".format(
                self.dates[self._stored.index(0)])
        return text


def _check_unique_dates(source: str, dates: Sequence[dt.date]) -> None:
    seen: Dict[dt.date, int] = {}
    for i, day in enumerate(dates):
        if day in seen:
            raise CryoInputError("{}: the date {} occurs twice (positions {} and {}); remove the duplicate "
                                 "file or band".format(source, day, seen[day] + 1, i + 1))
        seen[day] = i


def time_positions(n: int, times: TimeIndex) -> List[int]:
    return list(range(n))[times] if isinstance(times, slice) else [int(t) for t in times]
