"""Shared plumbing of the ``cryo`` algorithms: groups, the guard around every run (:mod:`.guard`, applied by
:class:`CryoAlgorithm` to each ``processAlgorithm``), the Python packages each algorithm needs (``REQUIRES``,
checked before it runs), numeric results in the log, output styles, and the translation of texts for people into
the user's language (:meth:`CryoAlgorithm.tr`, :func:`translated`)."""
from __future__ import annotations

import functools
import os
import re
from typing import Callable, Dict, Iterable, List, Tuple

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingLayerPostProcessorInterface)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .. import dependencies
from ..core import optional
from ..core.io.geotiff import style_sidecar
from ..core.io.outputs import will_exist
from ..qgis_io.temporal_stack import make_temporal
from .guard import guarded, same_file_key

ICON_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "icons", "cryo.svg")

# Texts for people go through Qt's translation (i18n/*.ts, `make translations-update`). pylupdate5 files a
# `self.tr("...")` written in class Foo under the context "Foo", so CryoAlgorithm.tr looks a text up under the
# name of every class of the instance's MRO; module-level texts are marked with QT_TRANSLATE_NOOP or
# QCoreApplication.translate under TR_CONTEXT. Parameter names, option values, column names and the
# RESULT_LINE log entries are interfaces, not translated.
TR_CONTEXT = "CryoAlgorithm"

GROUPS = {
    "freezethaw": QT_TRANSLATE_NOOP("CryoAlgorithm", "Freeze/thaw"),
    "permafrost": QT_TRANSLATE_NOOP("CryoAlgorithm", "Permafrost"),
    "glaciers": QT_TRANSLATE_NOOP("CryoAlgorithm", "Glaciers"),
    "lakeice": QT_TRANSLATE_NOOP("CryoAlgorithm", "Lake ice"),
    "snow": QT_TRANSLATE_NOOP("CryoAlgorithm", "Snow"),
    "validation": QT_TRANSLATE_NOOP("CryoAlgorithm", "Validation"),
}


def translated(text: str) -> str:
    """``text``, marked with ``QT_TRANSLATE_NOOP("CryoAlgorithm", ...)`` where it is defined, in the user's
    language (itself when there is no translation)."""
    return QCoreApplication.translate(TR_CONTEXT, text)


class CryoAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``GROUP`` (a key of :data:`GROUPS`) and implement the usual methods.

    Python packages beyond numpy and GDAL (:mod:`..core.optional`): ``REQUIRES`` lists those every run needs,
    ``REQUIRES_FOR_SOME_INPUTS`` those only some inputs need (h5py: HDF5 files), which :meth:`required_modules`
    picks from the parameters of a run. An algorithm whose package is missing stays listed; its help starts with
    what to install, and it refuses to run with the install instruction, in the dialog
    (:meth:`checkParameterValues`) and in ``qgis_process`` and models (:meth:`prepareAlgorithm`)."""

    GROUP = ""
    REQUIRES: Tuple[str, ...] = ()
    REQUIRES_FOR_SOME_INPUTS: Tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        """Every ``processAlgorithm`` runs inside the guard (:mod:`.guard`): paths checked first, outputs put in
        place together only when complete, every failure a ``QgsProcessingException``; every ``shortHelpString``
        starts with what to install when a package the algorithm needs is missing."""
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None and not getattr(process, "is_guarded", False):
            cls.processAlgorithm = guarded(process)
        short_help = cls.__dict__.get("shortHelpString")
        if short_help is not None and not getattr(short_help, "notes_missing_packages", False):
            cls.shortHelpString = noting_missing_packages(short_help)

    # -- Python packages ---------------------------------------------------------------------------------------
    def required_modules(self, parameters, context) -> Tuple[str, ...]:
        """The packages a run with ``parameters`` needs: ``REQUIRES``, plus those of ``REQUIRES_FOR_SOME_INPUTS``
        its inputs need (subclasses that have such inputs say which)."""
        return self.REQUIRES

    def missing_modules(self, parameters, context) -> List[str]:
        try:
            needed = self.required_modules(parameters, context)
        except Exception:  # noqa: BLE001 (unusable inputs: the parameter checks and the run say what is wrong)
            needed = self.REQUIRES
        return optional.missing(needed)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """Refuses, before the run, a run whose packages are missing (the dialog shows the instruction)."""
        absent = self.missing_modules(parameters, context)
        if absent:
            return False, dependencies.refusal(absent)
        return super().checkParameterValues(parameters, context)

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802 (QGIS API)
        """The same refusal where the parameter check is not made (``qgis_process``, a model's steps)."""
        absent = self.missing_modules(parameters, context)
        if absent:
            raise QgsProcessingException(dependencies.refusal(absent))
        return super().prepareAlgorithm(parameters, context, feedback)

    def missing_packages_note(self) -> str:
        """The HTML note on missing packages put before the help ('' when nothing this algorithm uses is
        missing)."""
        return dependencies.help_note(optional.missing(self.REQUIRES), optional.missing(self.REQUIRES_FOR_SOME_INPUTS))

    def effective_parameters(self, parameters):
        """The parameters ``processAlgorithm`` sees (the guard calls this first): by default as given; a subclass
        may fold an alternative parameter into the one it replaces."""
        return parameters

    def createInstance(self) -> "CryoAlgorithm":  # noqa: N802 (QGIS API)
        return type(self)()

    def group(self) -> str:
        return translated(GROUPS[self.GROUP])

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def tr(self, text: str) -> str:
        """``text`` in the user's language, looked up under the name of each class of the instance down to
        CryoAlgorithm (pylupdate5 files a ``self.tr`` call under the class it is written in, which may be a base
        class of the instance's)."""
        for cls in type(self).__mro__:
            if cls is QgsProcessingAlgorithm:
                break
            text_in_language = QCoreApplication.translate(cls.__name__, text)
            if text_in_language != text:
                return text_in_language
        return text


def noting_missing_packages(short_help: Callable) -> Callable:
    """Wraps ``shortHelpString``: the note on missing packages first (:meth:`CryoAlgorithm.missing_packages_note`)."""

    @functools.wraps(short_help)
    def help_with_note(self) -> str:
        return self.missing_packages_note() + short_help(self)

    help_with_note.notes_missing_packages = True
    return help_with_note


RESULT_LINE = "Result of {algorithm}: {name} = {value}"
_RESULT_PATTERN = re.compile(r"^Result of (\S+): (\w+) = (.*)$")
NON_LAYER_OUTPUTS = ("outputNumber", "outputString", "outputBoolean")


def logs_results(process_algorithm: Callable) -> Callable:
    """Decorator for ``processAlgorithm``: also writes each number/text result to the log as a
    :data:`RESULT_LINE`. A QGIS 3.22 model returns only its file outputs, so this is how the numbers of its
    steps (R2, kappa, volume change, ...) reach a ``qgis_process run <model> --json`` caller (``log.info``)
    and the model's log in the dialog; :func:`results_in_log` reads them back."""

    @functools.wraps(process_algorithm)
    def process_and_log(self, parameters, context, feedback):
        results = process_algorithm(self, parameters, context, feedback)
        for output in self.outputDefinitions():
            if output.type() in NON_LAYER_OUTPUTS and results.get(output.name()) is not None:
                feedback.pushInfo(RESULT_LINE.format(algorithm=self.id(), name=output.name(),
                                                     value=results[output.name()]))
        return results

    return process_and_log


def results_in_log(lines: Iterable[str]) -> Dict[str, Dict[str, str]]:
    """The :data:`RESULT_LINE` entries of a log, as ``{algorithm id: {result name: text}}`` (a step that runs
    twice in a model, e.g. two trends, keeps both under ``id``, ``id#2``)."""
    found: Dict[str, Dict[str, str]] = {}
    for line in lines:
        match = _RESULT_PATTERN.match(line.strip())
        if match:
            algorithm, name, value = match.groups()
            key, n = algorithm, 1
            while name in found.get(key, {}):
                n += 1
                key = "{}#{}".format(algorithm, n)
            found.setdefault(key, {})[name] = value
    return found


def refuse_overwriting_inputs(outputs: Iterable[str], inputs: Iterable[str]) -> None:
    """Stop before an output path would replace one of the inputs (the files a stack reads, which the guard's
    check of the parameters does not see): paths compared as the guard compares them (:func:`.guard.same_file_key`)."""
    real_inputs = {same_file_key(p) for p in inputs if p}
    for path in outputs:
        if path and same_file_key(path) in real_inputs:
            raise QgsProcessingException(QCoreApplication.translate(
                "CryoAlgorithm",
                "The output {} is one of the inputs; choose another output name so the input is kept").format(path))


class SidecarStyle(QgsProcessingLayerPostProcessorInterface):
    """Applies the ``.qml`` the core wrote beside an output when Processing loads that output as a layer
    (Processing loads outputs without their default style); a dated stack then becomes temporal, its band
    following the map's date (:func:`..qgis_io.temporal_stack.make_temporal`)."""

    _alive = []  # Processing keeps only a C++ pointer: keep the Python objects alive

    def __init__(self, qml_path: str) -> None:
        super().__init__()
        self.qml_path = qml_path

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        message, ok = layer.loadNamedStyle(self.qml_path)
        if not ok:
            feedback.pushWarning(QCoreApplication.translate(
                "CryoAlgorithm", "Could not apply the style {}: {}").format(self.qml_path, message))
        make_temporal(layer)
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context: QgsProcessingContext, output_path: str) -> None:
        """Style ``output_path`` from its sidecar when the run loads it (no-op when it is not loaded)."""
        qml = style_sidecar(output_path)
        if context.willLoadLayerOnCompletion(output_path) and will_exist(qml):
            processor = cls(qml)
            cls._alive.append(processor)
            context.layerToLoadOnCompletionDetails(output_path).setPostProcessor(processor)
