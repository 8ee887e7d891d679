"""The plugin's check of QGIS's Python at load, and the texts that say what is missing and how to install it on this
platform, in the user's language.

The logic lives in :mod:`.core.optional` (Qt-free: which packages, found with ``importlib.util.find_spec`` so the
check imports nothing, and the install command for Windows/OSGeo4W, macOS QGIS.app, Debian/Ubuntu, conda); this
module only puts its texts through Qt's translation. Nothing is ever installed by the plugin.

Who uses it: :class:`~.plugin.CryoPlugin` (one message-bar notice at desktop start-up; the Time series button
explains instead of opening the dock without pyqtgraph), :class:`~.processing.base.CryoAlgorithm` (an algorithm
whose package is missing is listed, says so in its help and refuses to run with the instruction), and
:func:`classFactory` (without numpy or GDAL's bindings nothing can work: :class:`PluginWithoutEssentials`).
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .core import optional

CONTEXT = "CryoAlgorithm"
TITLE = QT_TRANSLATE_NOOP("CryoAlgorithm", "Cryosphere")


_translate = QCoreApplication.translate  # pylupdate5 extracts _translate("CryoAlgorithm", "...") with its context


def translated(text: str) -> str:
    """``text``, marked with ``QT_TRANSLATE_NOOP("CryoAlgorithm", ...)`` where it is defined, in the user's language."""
    return _translate(CONTEXT, text)


def missing_packages() -> List[str]:
    """The packages of :data:`~.core.optional.PACKAGES` QGIS's Python lacks (required first, then optional)."""
    absent = optional.missing()
    return [m for m in absent if optional.PACKAGES[m].required] + [
        m for m in absent if not optional.PACKAGES[m].required]


def instruction(modules: Sequence[str], kind: Optional[str] = None) -> str:
    """What is missing, what needs it and the command for this platform, one sentence a line."""
    return optional.install_instruction(list(modules), kind, translated)


def startup_notice(absent: Optional[Sequence[str]] = None) -> Tuple[str, str]:
    """The one notice of the desktop's start-up, ``(text, details)``: what is missing and the command on one line,
    and the same with what it means for the "Show more" button; ``("", "")`` when nothing required is missing (an
    optional package alone, openpyxl, has its fallback and is only logged)."""
    absent = missing_packages() if absent is None else list(absent)
    if not any(optional.PACKAGES[m].required for m in absent if m in optional.PACKAGES):
        return "", ""
    kind = optional.platform_kind()
    command = optional.install_command(absent, kind)
    text = _translate("CryoAlgorithm", "Missing Python package(s) {}: install, then restart QGIS.").format(
        ", ".join(absent))
    if command:
        text += " " + translated(optional.INSTRUCTIONS[kind]).format(command=command)
    details = "\n".join([_translate(
        "CryoAlgorithm", "Some parts of the plugin are off until these packages are installed: the algorithms that "
        "need them are listed but refuse to run, and say what to install; the other tools work."),
        instruction(absent, kind), translated(optional.NOTHING_INSTALLED)])
    return text, details


def refusal(modules: Sequence[str]) -> str:
    """Why an algorithm does not run (the message of its QgsProcessingException / parameter check)."""
    return _translate("CryoAlgorithm", "This algorithm cannot run with these inputs.") + "\n" + instruction(modules)


def help_note(always: Sequence[str], for_some_inputs: Sequence[str]) -> str:
    """An HTML paragraph put before an algorithm's help when a package it needs (``always``) or needs for some
    inputs (``for_some_inputs``, e.g. h5py for HDF5) is missing; '' when none is."""
    if not always and not for_some_inputs:
        return ""
    if always:
        lead = _translate("CryoAlgorithm", "This algorithm cannot run here until the missing package is installed.")
    else:
        lead = _translate("CryoAlgorithm", "Inputs that need the missing package are refused until it is installed; "
                                           "other inputs work.")
    lines = instruction(list(always) + [m for m in for_some_inputs if m not in always]).split("\n")
    return "<p style=\"color:#b00000\"><b>{}</b><br>{}</p>".format(lead, "<br>".join(lines))


def dock_message() -> str:
    """What the Time series button says instead of opening the dock without pyqtgraph."""
    return "\n".join([_translate("CryoAlgorithm", "The Time series dock cannot open."), instruction(["pyqtgraph"]),
                      translated(optional.NOTHING_INSTALLED)])


class PluginWithoutEssentials:
    """Stands for the plugin when numpy or GDAL's Python bindings are missing (nothing of it can work, not even be
    imported): registers nothing and says, once, what to install."""

    def __init__(self, iface, absent: Sequence[str]) -> None:
        self.iface = iface
        self.absent = list(absent)

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        pass

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        if self.iface is not None:
            from qgis.core import Qgis

            text = _translate("CryoAlgorithm", "The plugin is not loaded.") + "\n" + instruction(self.absent)
            self.iface.messageBar().pushMessage(translated(TITLE), text, Qgis.MessageLevel.Critical, 0)

    def unload(self) -> None:
        pass
