"""Outputs that appear only when complete: written under hidden temporary names, put in place together.

Every file the plugin writes is built as a hidden sibling ``.<stem>.partial-<pid><ext>`` of its final name
(same folder, so the final rename is atomic) and renamed onto the final name only when it is complete, so a
cancel, a full disk or a crash never leaves a half-written output, nor destroys an older file of the same name
before the new one is ready.

Inside :func:`output_set` (one per algorithm run) the renames wait until the whole run has succeeded and are
then done together: a run that fails leaves none of its outputs (a GeoTIFF whose table could not be written is
removed with it). Outside one (a script calling the core), each file is put in place as soon as it is complete.

A run that was killed leaves its hidden files behind: they are removed the next time the same output is
written (only those of processes that are no longer running).
"""
from __future__ import annotations

import contextlib
import contextvars
import os
import re
import sys
import time
from typing import Callable, Iterator, List, Optional, Tuple

PARTIAL_TAG = ".partial-"
_ORPHAN_AGE_S = 24 * 3600  # where a process cannot be asked whether it still runs (Windows), a leftover this old


class OutputSet:
    """The files of one run waiting to be put in place: ``(temporary, final)`` pairs; a ``None`` temporary
    means "remove ``final``" (a stale sidecar of an older output)."""

    def __init__(self) -> None:
        self.pending: List[Tuple[Optional[str], str]] = []
        self.with_siblings: List[str] = []  # temporaries whose sibling files (.shp/.dbf/...) move with them
        self.checks: List[Callable[[], None]] = []  # run before the renames: close files, check them complete

    def add(self, temporary: Optional[str], final: str, siblings: bool = False) -> None:
        self.pending.append((temporary, final))
        if siblings and temporary is not None:
            self.with_siblings.append(temporary)

    def will_exist(self, path: str) -> bool:
        real = os.path.realpath(path)
        return any(tmp is not None and os.path.realpath(final) == real for tmp, final in self.pending)

    def commit(self) -> None:
        for check in self.checks:
            check()
        for tmp, final in self.pending:
            if tmp is None:
                remove_quietly(final)
            elif tmp in self.with_siblings:
                for sibling, target in _sibling_pairs(tmp, final):
                    os.replace(sibling, target)
            else:
                os.replace(tmp, final)
        self.pending.clear()

    def discard(self) -> None:
        for tmp, _ in self.pending:
            if tmp is not None:
                remove_quietly(tmp)
                for sibling, _target in _sibling_pairs(tmp, tmp):
                    remove_quietly(sibling)
        self.pending.clear()


_current: contextvars.ContextVar[Optional[OutputSet]] = contextvars.ContextVar("cryo_output_set", default=None)


@contextlib.contextmanager
def output_set() -> Iterator[OutputSet]:
    """The outputs written inside this block are put in place together when it ends without an exception, and
    all removed when it raises (also ``KeyboardInterrupt`` and cancels)."""
    outputs = OutputSet()
    token = _current.set(outputs)
    try:
        yield outputs
    except BaseException:
        outputs.discard()
        raise
    finally:
        _current.reset(token)
    try:
        outputs.commit()
    except BaseException:
        outputs.discard()
        raise


def temporary_name(path: str) -> str:
    """The hidden sibling of ``path`` that this process writes first (same folder, so the rename is atomic)."""
    folder, name = os.path.split(os.path.abspath(path))
    stem, ext = os.path.splitext(name)
    return os.path.join(folder, ".{}{}{}{}".format(stem, PARTIAL_TAG, os.getpid(), ext))


def finish(temporary: str, path: str, siblings: bool = False) -> None:
    """``temporary`` is complete: it becomes ``path`` now, or when the current :func:`output_set` succeeds."""
    outputs = _current.get()
    if outputs is None:
        if siblings:
            for sibling, target in _sibling_pairs(temporary, path):
                os.replace(sibling, target)
        else:
            os.replace(temporary, path)
    else:
        outputs.add(temporary, path, siblings)


def check_before_commit(check: Callable[[], None]) -> None:
    """Run ``check`` (which raises when an output is incomplete) before the current :func:`output_set` puts its
    files in place; outside one, now."""
    outputs = _current.get()
    if outputs is None:
        check()
    else:
        outputs.checks.append(check)


def remove_when_finished(path: str) -> None:
    """Remove ``path`` (a stale sidecar) now, or when the current :func:`output_set` succeeds."""
    outputs = _current.get()
    if outputs is None:
        remove_quietly(path)
    else:
        outputs.add(None, path)


def will_exist(path: str) -> bool:
    """``path`` exists, or will when the current :func:`output_set` succeeds."""
    outputs = _current.get()
    return os.path.exists(path) or (outputs is not None and outputs.will_exist(path))


@contextlib.contextmanager
def atomic_path(path: str) -> Iterator[str]:
    """Yield a temporary sibling of ``path`` to write; it becomes ``path`` only if the block succeeds (see
    :func:`finish`). Leftovers of killed runs for the same ``path`` are removed first."""
    remove_leftovers(path)
    tmp = temporary_name(path)
    try:
        yield tmp
    except BaseException:
        remove_quietly(tmp)
        raise
    finish(tmp, path)


def write_text_atomic(path: str, text: str) -> None:
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)


def remove_leftovers(path: str) -> List[str]:
    """Remove the hidden partial files of ``path`` (and their sidecars) left by processes that no longer run;
    the removed paths."""
    folder, name = os.path.split(os.path.abspath(path))
    stem = os.path.splitext(name)[0]
    pattern = re.compile(r"^\.{}{}(\d+)(\..*)?$".format(re.escape(stem), re.escape(PARTIAL_TAG)))
    removed = []
    try:
        entries = os.listdir(folder)
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry)
        if match and _is_orphan(int(match.group(1)), os.path.join(folder, entry)):
            remove_quietly(os.path.join(folder, entry))
            removed.append(os.path.join(folder, entry))
    return removed


def _is_orphan(pid: int, path: str) -> bool:
    if pid == os.getpid():
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process there
        try:
            return time.time() - os.path.getmtime(path) > _ORPHAN_AGE_S
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def _sibling_pairs(temporary: str, final: str) -> List[Tuple[str, str]]:
    """``temporary`` and the files beside it named like it with another extension (a shapefile's .dbf, .shx,
    ...), each with its name under ``final``'s stem."""
    folder, name = os.path.split(temporary)
    tmp_stem = os.path.splitext(name)[0]
    final_folder, final_name = os.path.split(final)
    final_stem = os.path.splitext(final_name)[0]
    pairs = []
    for entry in sorted(os.listdir(folder)):
        if entry.startswith(tmp_stem + ".") or entry.startswith(tmp_stem + "-"):  # .dbf, .gpkg-wal
            pairs.append((os.path.join(folder, entry), os.path.join(final_folder, final_stem + entry[len(tmp_stem):])))
    return pairs


def remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
