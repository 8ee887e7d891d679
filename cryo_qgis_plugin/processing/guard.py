"""The one guard around every ``cryo`` algorithm run (applied by :class:`~.base.CryoAlgorithm` to each
``processAlgorithm``):

- before anything runs, every output path is checked against every input (files, folders, layers' sources) and
  against the other outputs, and its folder must exist and be writable;
- before anything runs, every output path is checked against the layers of the project (``context.project()``,
  else ``QgsProject.instance()``; :func:`check_open_layers`): a layer being edited is never replaced, and on
  Windows no open layer is (see :data:`OPEN_FILES_BLOCK_REPLACE` for why, and why not elsewhere); elsewhere the
  layer that Processing reuses for such an output is reopened on the new file (:func:`reload_replaced_layers`);
- the run's outputs are written under temporary names and put in place together only when the whole run
  succeeded (:func:`~..core.io.outputs.output_set`); a failed or cancelled run leaves none of them;
- every exception (the core's, GDAL's, h5py's, the OS's, numpy's) becomes a ``QgsProcessingException`` that says
  what failed, on which file, and what to do; an unexpected one is reported as a bug, its traceback in the QGIS
  message log, never as a traceback in the dialog.
"""
from __future__ import annotations

import errno
import functools
import os
import shutil
import sys
import traceback
from typing import Callable, Dict, Iterable, List, Optional, Tuple

from osgeo import ogr
from qgis.core import (QgsFeatureSink, QgsMessageLog, QgsProcessingException, QgsProcessingOutputLayerDefinition,
                       QgsProcessingLayerPostProcessorInterface, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFileDestination,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterVectorDestination,
                       QgsProject, QgsProperty, QgsProviderRegistry)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import FLAG_OPTIONAL, MESSAGE_CRITICAL
from ..core.errors import Cancelled, CryoInputError
from ..core.io.outputs import check_before_commit, finish, output_set, remove_leftovers, temporary_name

_translate = QCoreApplication.translate  # pylupdate5 extracts _translate("CryoAlgorithm", "...") like pyuic's code

DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
NO_PERMISSION = (errno.EACCES, errno.EPERM, errno.EROFS)
_DISK_FULL_TEXTS = ("no space left", "free disk space", "disk full", "not enough space")
_PERMISSION_TEXTS = ("permission denied", "read-only file system", "access is denied")
_DAMAGED_TEXTS = ("can't read data", "inflate", "filter returned failure", "decompress", "tiffread", "ireadblock",
                  "corrupt", "truncated", "bad object header", "unable to open object", "checksum")


def guarded(process_algorithm: Callable) -> Callable:
    """Decorator for ``processAlgorithm`` (see the module docstring)."""

    @functools.wraps(process_algorithm)
    def process_guarded(algorithm, parameters, context, feedback):
        parameters = algorithm.effective_parameters(parameters)
        outputs = destination_paths(algorithm, parameters)
        check_destinations(outputs, source_paths(algorithm, parameters, context))
        layers = project_layers(context)
        check_open_layers(outputs, layers)
        try:
            with output_set():
                results = process_algorithm(algorithm, parameters, context, feedback)
                if feedback is not None and feedback.isCanceled():
                    raise Cancelled()
            reload_replaced_layers(context, outputs, layers)
            return results
        except QgsProcessingException:
            raise
        except Exception as exc:  # noqa: BLE001 (the point of the guard)
            message = explain(exc, [path for _, path in outputs])
            if not isinstance(exc, (CryoInputError, Cancelled)):
                QgsMessageLog.logMessage("{}: {}\n{}".format(algorithm.id(), message, traceback.format_exc()),
                                         "Cryo", MESSAGE_CRITICAL)
            raise QgsProcessingException(message) from None

    process_guarded.is_guarded = True
    return process_guarded


# ------------------------------------------------------------------------------------------- paths

_DESTINATIONS = (QgsProcessingParameterRasterDestination, QgsProcessingParameterFileDestination,
                 QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)


def file_of_value(value) -> Optional[str]:
    """The file a destination parameter's value names, or None (a temporary or memory output, a database)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or value == "TEMPORARY_OUTPUT" or value.startswith(("memory:", "ogr:", "postgis:", "postgres:")):
        return None
    return value.split("|")[0]


def destination_paths(algorithm, parameters) -> List[Tuple[str, str]]:
    """``(parameter name, file)`` of every output the run is asked to write to a named file (with the parameter's
    default extension when the name has none, as QGIS adds it)."""
    found = []
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, _DESTINATIONS):
            continue
        path = file_of_value(parameters.get(definition.name()))
        if path:
            found.append((definition.name(), path if os.path.isdir(path) else with_extension(path, definition)))
    return found


def with_extension(path: str, definition) -> str:
    """``path`` with the destination's default extension when it has none (QGIS adds it the same way)."""
    if not os.path.splitext(path)[1] and definition.defaultFileExtension():
        return "{}.{}".format(path, definition.defaultFileExtension())
    return path


def source_paths(algorithm, parameters, context) -> List[Tuple[str, str]]:
    """``(parameter name, file or folder)`` of every input: file parameters and the sources of layers."""
    found = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or parameters.get(definition.name()) is None:
            continue
        kind = definition.type()
        name = definition.name()
        if kind == "file":
            found.append((name, algorithm.parameterAsFile(parameters, name, context)))
        elif kind in ("raster", "vector", "source", "layer", "mesh", "pointcloud"):
            found.append((name, _layer_file(algorithm.parameterAsLayer(parameters, name, context))))
        elif kind == "multilayer":
            found += [(name, _layer_file(layer)) for layer in algorithm.parameterAsLayerList(parameters, name, context)]
    return [(name, path) for name, path in found if path]


def _layer_file(layer) -> Optional[str]:
    if layer is None:
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return parts.get("path") or None


def same_file_key(path: str) -> str:
    """What two paths of the same file have in common: links resolved and, on Windows, case and separators
    folded (``C:/Data/a.tif`` and ``c:\\data\\A.TIF`` are one file there)."""
    return os.path.normcase(os.path.realpath(path))


def check_destinations(outputs: Iterable[Tuple[str, str]], inputs: Iterable[Tuple[str, str]]) -> None:
    """Refuse, before anything is written, an output that is an input or another output, names a folder, or lies
    in a folder that does not exist or cannot be written."""
    inputs_by_path: Dict[str, str] = {same_file_key(path): name for name, path in inputs}
    seen: Dict[str, str] = {}
    for name, path in outputs:
        real = os.path.realpath(path)
        key = same_file_key(path)
        if key in inputs_by_path:
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "The output {} ({}) is one of the inputs ({}): choose another output name so the "
                "input is kept").format(name, path, inputs_by_path[key]))
        if key in seen:
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "{} and {} are the same file {}; give each output its own name").format(
                seen[key], name, path))
        seen[key] = name
        if os.path.isdir(real):
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "The output {} ({}) is a folder: give a file name inside it").format(name, path))
        folder = os.path.dirname(real)
        if not os.path.isdir(folder):
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "The folder of the output {} does not exist: {}; create it or choose another "
                "folder").format(name, folder))
        if not os.access(folder, os.W_OK):
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "The folder of the output {} cannot be written (read-only or no permission): {}; "
                "choose a folder you can write to").format(name, folder))


# Windows cannot rename a file onto one that another handle holds open: GDAL and OGR (hence QGIS's raster and
# vector layers) open files without FILE_SHARE_DELETE, so the final ``os.replace`` of a run would fail with
# "access denied" after the whole computation. There an output that is a layer of the project is refused before
# the run. On Linux and macOS the replace only renames: the open layer keeps reading the previous file until it
# is removed, exactly as after QGIS's own algorithms (GDAL deletes and re-creates the file), and Processing loads
# the new result as a new layer, so running again into the output of the previous run works as QGIS users expect.
OPEN_FILES_BLOCK_REPLACE = sys.platform == "win32"


def project_layers(context) -> List[Tuple[str, str, bool]]:
    """``(layer name, file, being edited)`` of every file-based layer of the run's project (``context.project()``,
    else ``QgsProject.instance()``; in ``qgis_process`` usually none). Only read: safe from the task's thread."""
    project = context.project() if context is not None else None
    if project is None:
        project = QgsProject.instance()
    found = []
    for layer in project.mapLayers().values():
        path = _layer_file(layer)
        if path:
            editing = bool(getattr(layer, "isEditable", lambda: False)())
            found.append((layer.name(), path, editing))
    return found


def check_open_layers(outputs: Iterable[Tuple[str, str]], layers: Iterable[Tuple[str, str, bool]],
                      replace_blocked: Optional[bool] = None) -> None:
    """Refuse, before anything runs, an output that is the file of a layer being edited (its edits would be lost
    or written into the replaced file), and, where open files cannot be replaced (``replace_blocked``, default
    :data:`OPEN_FILES_BLOCK_REPLACE`: Windows), one that is the file of any layer of the project."""
    blocked = OPEN_FILES_BLOCK_REPLACE if replace_blocked is None else replace_blocked
    layers_by_path: Dict[str, Tuple[str, bool]] = {}
    for layer_name, path, editing in layers:
        key = same_file_key(path)
        if editing or key not in layers_by_path:  # the layer being edited is the one to name
            layers_by_path[key] = (layer_name, editing)
    for name, path in outputs:
        layer = layers_by_path.get(same_file_key(path))
        if layer is None:
            continue
        layer_name, editing = layer
        if editing:
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "The output {} ({}) is the file of the layer '{}', which is being edited: "
                "save or discard its edits and remove it from the project, or choose another output "
                "name").format(name, path, layer_name))
        if blocked:
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "The output {} ({}) is open in QGIS as the layer '{}', and Windows cannot "
                "replace a file that is open: remove the layer from the project (Layers panel, right-click, Remove "
                "Layer) and run again, or choose another output name").format(name, path, layer_name))


def reload_replaced_layers(context, outputs: Iterable[Tuple[str, str]],
                           layers: Iterable[Tuple[str, str, bool]]) -> None:
    """After a run that replaced the file of a layer of the project: when Processing loads that output it finds
    the layer already there and reuses it, which would keep showing the previous file (QGIS's own algorithms
    leave it so). Have it reopened from the new file then, on the main thread (:class:`ReloadReplacedLayers`)."""
    if context is None:
        return
    open_files = {same_file_key(path) for _, path, _ in layers}
    replaced = {same_file_key(path) for _, path in outputs} & open_files
    if not replaced:
        return
    for loaded in list(context.layersToLoadOnCompletion()):
        key = same_file_key(file_of_value(loaded) or loaded)
        if key in replaced:
            details = context.layerToLoadOnCompletionDetails(loaded)
            details.setPostProcessor(ReloadReplacedLayers(key, details.postProcessor()))


class ReloadReplacedLayers(QgsProcessingLayerPostProcessorInterface):
    """Reopens every layer of the project on the replaced file ``key`` (the one Processing loads included), then
    runs the output's own post-processor (its style)."""

    _alive = []  # Processing keeps only a C++ pointer: keep the Python objects alive

    def __init__(self, key: str, then=None) -> None:
        super().__init__()
        self.key = key
        self.then = then
        ReloadReplacedLayers._alive.append(self)

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        project = context.project() or QgsProject.instance()
        candidates = dict(project.mapLayers(), **{layer.id(): layer})
        for other in candidates.values():
            path = _layer_file(other)
            if path and same_file_key(path) == self.key:
                other.reload()
                other.triggerRepaint()
        if self.then is not None:
            self.then.postProcessLayer(layer, context, feedback)


def staged_sink(algorithm, parameters, name: str, context, fields, geometry_type, crs=None):
    """``parameterAsSink`` whose file is written under a temporary name and put in place with the run's other
    outputs (a table that fails half-way is never left behind); ``(sink, final destination)``."""
    value = parameters.get(name)
    final = file_of_value(value)
    args = (fields, geometry_type) + ((crs,) if crs is not None else ())
    if not final:
        sink, written = algorithm.parameterAsSink(parameters, name, context, *args)
        if sink is None and not algorithm.parameterDefinition(name).flags() & FLAG_OPTIONAL:
            raise QgsProcessingException(_translate(
                "CryoAlgorithm", "No destination for the output {}: give it a file name (with qgis_process on "
                "QGIS 3.22 name every required output, in a workflow as step:output)").format(name))
        return sink, written
    final = with_extension(final, algorithm.parameterDefinition(name))
    remove_leftovers(final)
    temporary = temporary_name(final)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        staged = QgsProcessingOutputLayerDefinition(value)
        staged.sink = QgsProperty.fromValue(temporary)
    else:
        staged = temporary
    sink, written = algorithm.parameterAsSink(dict(parameters, **{name: staged}), name, context, *args)
    if sink is None:
        return sink, written
    layers = context.layersToLoadOnCompletion()
    if written in layers:
        layers[final] = layers.pop(written)
        context.setLayersToLoadOnCompletion(layers)
    checked = CheckedSink(sink, written.split("|")[0], final)
    check_before_commit(checked.close_and_check)
    finish(checked.path, final, siblings=True)
    return checked, final


class CheckedSink:
    """A feature sink that raises when a row cannot be written (QGIS's returns False, e.g. on a full disk) and,
    before the run's outputs are put in place, is closed and its file checked to hold every row."""

    def __init__(self, sink, path: str, final: str) -> None:
        self._sink = sink
        self.path = path
        self.final = final
        self.count = 0

    def addFeature(self, feature, flags=QgsFeatureSink.Flags()) -> bool:  # noqa: N802 (QGIS API)
        if not self._sink.addFeature(feature, flags):
            raise OSError(errno.EIO, _translate("CryoAlgorithm", "a row could not be written ({})").format(
                self._sink.lastError()), self.final)
        self.count += 1
        return True

    def close_and_check(self) -> None:
        self._sink = None  # the only reference: QGIS closes and flushes the file
        written = _feature_count(self.path)
        if written != self.count:
            raise OSError(errno.EIO, _translate(
                "CryoAlgorithm", "only {} of {} rows reached the file (is the disk full?)").format(
                written, self.count), self.final)


def _feature_count(path: str) -> int:
    dataset = ogr.Open(path)
    if dataset is None or dataset.GetLayerCount() == 0:
        return -1
    return dataset.GetLayer(0).GetFeatureCount()


# ------------------------------------------------------------------------------------------ messages

def explain(exc: BaseException, outputs: List[str]) -> str:
    """What went wrong and what to do, for a person."""
    if isinstance(exc, CryoInputError):
        return str(exc)
    if isinstance(exc, Cancelled):
        return _translate("CryoAlgorithm", "Cancelled: no output was written")
    if isinstance(exc, MemoryError):
        return _translate(
            "CryoAlgorithm", "Out of memory ({}): process a smaller EXTENT or period, or close other programs; no "
            "output was written").format(str(exc) or _translate("CryoAlgorithm", "an array did not fit"))
    text = str(exc)
    lower = text.lower()
    number = getattr(exc, "errno", None)
    # a failed os.replace names the hidden temporary first and the output second: name the output
    file = getattr(exc, "filename2", None) or getattr(exc, "filename", None) or (outputs[0] if outputs else "")
    full = [path for path in outputs if _almost_full(os.path.dirname(os.path.abspath(path)))]
    if number in DISK_FULL or any(t in lower for t in _DISK_FULL_TEXTS) or (
            full and isinstance(exc, (OSError, RuntimeError))):  # GDAL says only "IO error writing tag data"
        file = full[0] if full else file
        folder = os.path.dirname(os.path.abspath(file)) if file else ""
        return _translate(
            "CryoAlgorithm", "The disk is full: {} could not be written ({} free in {}). Free some space or choose "
            "an output folder on another disk; no output was written").format(file, _free_space(folder), folder)
    if OPEN_FILES_BLOCK_REPLACE and number in NO_PERMISSION and getattr(exc, "filename2", None) and \
            os.path.exists(file):  # Windows: the output is open elsewhere (a spreadsheet, another QGIS)
        return _translate(
            "CryoAlgorithm", "{} could not be replaced because it is open, in QGIS as a layer or in another program "
            "(a spreadsheet, another QGIS): close it or remove the layer from the project and run again, or choose "
            "another output name").format(file)
    if number in NO_PERMISSION or any(t in lower for t in _PERMISSION_TEXTS):
        return _translate(
            "CryoAlgorithm", "No permission to write or read {}: {}. Choose an output folder you can write to, and "
            "check that the inputs can be read; no output was written").format(
                file, (getattr(exc, "filename2", None) and exc.strerror) or text)
    if number == errno.ENOENT:
        return _translate(
            "CryoAlgorithm", "File or folder not found: {}; check the paths of the inputs and outputs").format(file)
    if isinstance(exc, (OSError, RuntimeError)) and any(t in lower for t in _DAMAGED_TEXTS):
        return _translate(
            "CryoAlgorithm", "An input could not be read, it looks damaged or incomplete ({}): download it again or "
            "leave it out; no output was written").format(text)
    if isinstance(exc, (OSError, RuntimeError)):
        return _translate(
            "CryoAlgorithm", "Reading or writing failed: {}. Check the files named above; no output was "
            "written").format(text)
    return _translate(
        "CryoAlgorithm", "Unexpected error ({}: {}); no output was written. This is a fault of the plugin: please "
        "report it with the log (the QGIS message log, tab Cryo, has the details)").format(type(exc).__name__, text)


def _almost_full(folder: str) -> bool:
    """Less than 1 MiB free in ``folder``: a write that failed there most likely failed for lack of space."""
    try:
        return shutil.disk_usage(folder).free < 2 ** 20
    except OSError:
        return False


def _free_space(folder: str) -> str:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return "?"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if free < 1024 or unit == "GiB":
            return "{:.0f} {}".format(free, unit) if unit == "B" else "{:.1f} {}".format(free, unit)
        free /= 1024
    return "?"
