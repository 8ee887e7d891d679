"""The plot's date axis: pyqtgraph's DateAxisItem with its own choice of ticks, so that every width shows at least
three readable dates (a one-year daily series in a 300 px plot shows every other month, not a lone "2011") and an
empty plot shows none (not "00.100" seconds of 1 January 1970).

Ticks fall on round calendar steps (hours, days of the month, months, years); the finest step whose labels do not
overlap is taken. A label says no more than its step needs, as matplotlib's concise date labels: "2011" on 1
January, "Mar" on the first of a month, "11" on other days, "12:00" between midnights; when no label shows the
year, the first month (or day) that has room for it does ("Mar 2011")."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Callable, List, Optional, Tuple

from qgis.PyQt.QtCore import QRect, Qt
from qgis.PyQt.QtGui import QFont, QFontMetrics

from ..core.optional import lazy

pg = lazy("pyqtgraph")

EPOCH = dt.datetime(1970, 1, 1)
DAY = 86400.0
# (unit, step) from fine to coarse; their approximate length in seconds
STEPS = [("hour", 1), ("hour", 3), ("hour", 6), ("hour", 12), ("day", 1), ("day", 2), ("day", 5), ("day", 10),
         ("day", 15), ("month", 1), ("month", 2), ("month", 3), ("month", 6)] + [
            ("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)]
LENGTH = {"hour": 3600.0, "day": DAY, "month": 30.44 * DAY, "year": 365.25 * DAY}
MIN_TICKS = 3
GAP = 8.0  # pixels between two labels
MIN_SPAN = 60.0  # seconds: a narrower range is the empty plot's 0..1 (no dates to show)


def to_datetime(seconds: float) -> dt.datetime:
    return EPOCH + dt.timedelta(seconds=seconds)


def to_seconds(moment: dt.datetime) -> float:
    return (moment - EPOCH).total_seconds()


def tick_times(t0: float, t1: float, unit: str, step: int) -> List[float]:
    """The ticks of ``step`` ``unit`` s in [t0, t1] (POSIX seconds, UTC): whole hours and days since the epoch,
    days 1, 1 + step, ... of each month (none after the 28th, so a month's last tick is not next to the next
    month's first), months 1, 1 + step, ... of each year, years that are multiples of ``step``."""
    start = to_datetime(max(t0, to_seconds(dt.datetime(1, 1, 1)) + DAY))
    end = to_datetime(min(t1, to_seconds(dt.datetime(9999, 1, 1))))
    if unit in ("hour", "day") and (unit == "hour" or step == 1):
        size = LENGTH[unit] * step
        first = int(-(-t0 // size))
        return [k * size for k in range(first, int(t1 // size) + 1)]
    out = []
    if unit == "day":
        month = dt.datetime(start.year, start.month, 1)
        while month <= end:
            out += [to_seconds(month.replace(day=d)) for d in range(1, 29, step)]
            month = dt.datetime(month.year + month.month // 12, month.month % 12 + 1, 1)
    elif unit == "month":
        out = [to_seconds(dt.datetime(year, m, 1)) for year in range(start.year, end.year + 1)
               for m in range(1, 13, step)]
    else:
        out = [to_seconds(dt.datetime(year, 1, 1)) for year in range(start.year // step * step, end.year + 1, step)
               if year >= 1]
    return [t for t in out if t0 <= t <= t1]


def tick_label(seconds: float, unit: str, with_year: bool = False) -> str:
    """The label of a tick of ``unit``, as short as the step allows (as matplotlib's concise date labels): the year
    on 1 January, the month name on the first of a month, else the day of the month (day ticks) or the time (hour
    ticks, the day and month at midnight); plus the year when ``with_year``."""
    moment = to_datetime(seconds)
    month = moment.strftime("%b")
    if unit == "year" or (moment.month == 1 and moment.day == 1 and moment.hour == 0 and unit != "hour"):
        return str(moment.year)
    if unit == "month" or (unit == "day" and moment.day == 1):
        return "{} {}".format(month, moment.year) if with_year else month
    if unit == "day" and not with_year:
        return str(moment.day)
    text = "{} {}".format(moment.day, month) + (" {}".format(moment.year) if with_year else "")
    return text if moment.hour == 0 else (text + " " if with_year else "") + moment.strftime("%H:%M")


def choose_ticks(t0: float, t1: float, pixels: float,
                 width: Callable[[str], float]) -> Tuple[str, int, List[float], List[str]]:
    """The ticks of the range [t0, t1] drawn over ``pixels``: the finest step of :data:`STEPS` whose labels
    (``width`` measures one) keep :data:`GAP` apart and of which at least :data:`MIN_TICKS` fit inside the axis;
    and one of which shows the year: when none does by itself (1 January), the first one that can without
    crowding its neighbours (a date rather than a time). Else (a very narrow plot, a few hours) the step that
    comes closest, in this order of needs. Returns the unit, step, tick times and labels (no ticks for a range
    under :data:`MIN_SPAN`)."""
    span = t1 - t0
    if not span >= MIN_SPAN or pixels <= 0:
        return "day", 1, [], []
    best, best_score = ("day", 1, [], []), (False, False, False, 0)
    for unit, step in STEPS:
        if span / (LENGTH[unit] * step) > pixels / 8:  # far too many ticks: cheap test before making them
            continue
        times = tick_times(t0, t1, unit, step)
        px = [(t - t0) / span * pixels for t in times]
        texts = [tick_label(t, unit) for t in times]
        (apart, count), shown = _layout(px, texts, pixels, width)
        year = unit == "year" or any(_is_year(texts[i]) for i in shown)
        for i in [] if year else sorted(shown, key=lambda k: (":" in texts[k], texts[k].isdigit())):
            dated = texts[:i] + [tick_label(times[i], unit, with_year=True)] + texts[i + 1:]
            if _layout(px, dated, pixels, width)[0] >= (apart, count):
                texts, year = dated, True
                break
        score = (apart, count >= MIN_TICKS, year, count)
        if all(score):
            return unit, step, times, texts
        if score > best_score:
            best, best_score = (unit, step, times, texts), score
    return best


def _is_year(text: str) -> bool:
    """Whether a label shows the year (a year alone, or a label with the year added)."""
    return any(len(part) >= 4 and part.isdigit() for part in text.split())


def _layout(px: List[float], texts: List[str], pixels: float,
            width: Callable[[str], float]) -> Tuple[Tuple[bool, int], List[int]]:
    """Whether the labels drawn (those whose centred label lies within the axis: pyqtgraph drops the others)
    keep :data:`GAP` apart, how many they are, and which."""
    widths = [width(text) for text in texts]
    shown = [i for i, (x, w) in enumerate(zip(px, widths)) if x - w / 2 >= 0 and x + w / 2 <= pixels]
    apart = all(px[j] - px[i] >= (widths[i] + widths[j]) / 2 + GAP for i, j in zip(shown, shown[1:]))
    return (apart, len(shown)), shown


def date_axis():
    """A new bottom date axis (x in POSIX seconds, UTC) drawing the ticks of :func:`choose_ticks`."""
    return _date_axis_class()()


@functools.lru_cache(maxsize=None)
def _date_axis_class():
    """The class of :func:`date_axis`, made on first use (the plugin imports without pyqtgraph)."""

    class DateAxis(pg.DateAxisItem):
        def __init__(self) -> None:
            super().__init__(orientation="bottom", utcOffset=0)
            self.fontMetrics: Optional[QFontMetrics] = None  # set by generateDrawSpecs before the ticks are made
            self._labels: dict = {}

        def _width(self, text: str) -> float:
            """The width pyqtgraph gives the label (AxisItem.generateDrawSpecs) and a pixel to spare."""
            metrics = self.fontMetrics or QFontMetrics(self.style["tickFont"] or QFont())
            return metrics.boundingRect(QRect(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text).width() + 1.0

        def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803 (pyqtgraph's names)
            unit, step, times, texts = choose_ticks(float(minVal), float(maxVal), float(size), self._width)
            self._labels = dict(zip(times, texts))
            return [(LENGTH[unit] * step, times)] if times else []

        def tickStrings(self, values, scale, spacing):  # noqa: N802
            return [self._labels.get(v, tick_label(v, "day")) for v in values]

    return DateAxis
