"""The Python packages the plugin uses beyond QGIS itself, whether QGIS's Python has them, and what to run on this
platform to install one that is missing. The plugin never installs anything itself.

numpy and GDAL's bindings (``osgeo``) come with every QGIS and every module imports them. h5py, scipy, pyqtgraph
and openpyxl are imported lazily, only by the functions that use them, through :func:`require` or a
:func:`lazy` stand-in for the module (``h5py = lazy("h5py")`` at module level, the import happening at the first
``h5py.File``): the plugin loads without them, and what needs a missing one stops with :class:`MissingPackage`,
whose message names the package and the install command.

Which parts need what (docs: README "Install (QGIS users)"):

- h5py: reading HDF5 inputs (daily stacks as .h5, SMAP/AMSR granules, ICESat-2/ICESat granules); GeoTIFF, netCDF
  and HDF4 inputs are read through GDAL and need no h5py;
- scipy: the Sen slope / Mann-Kendall trend (its p-value) and the DEM difference (void filling, variogram fit);
- pyqtgraph: the Time series dock;
- openpyxl (optional): Excel lake-ice tables, read through GDAL when it is missing;
- dask, distributed, xarray (optional): DASK_SCHEDULER and the command line's ``--scheduler``
  (:mod:`.scale`); without them everything runs in-process.

The sentences are plain English here (the core imports no Qt); they are marked with :func:`QT_TRANSLATE_NOOP`
(a no-op defined here, found by pylupdate5 by its name) so that the desktop shows them in the user's language
(:mod:`cryo_qgis_plugin.dependencies`).
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence

from .errors import CryoInputError


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate5 looks for)
    """Marks ``text`` for translation under ``context`` (the desktop translates it); returns it unchanged."""
    return text


@dataclass(frozen=True)
class Package:
    module: str  # the import name
    pip: Optional[str]  # name on PyPI (None: comes with QGIS, reinstall QGIS)
    debian: str  # Debian/Ubuntu package
    conda: str  # conda-forge package
    purpose: str  # what needs it (English, marked for translation)
    required: bool = True  # False: a fallback exists without it


PACKAGES: Dict[str, Package] = {p.module: p for p in (
    Package("numpy", "numpy", "python3-numpy", "numpy", QT_TRANSLATE_NOOP("CryoAlgorithm", "every algorithm")),
    Package("osgeo", None, "python3-gdal", "gdal",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "every algorithm: GDAL's Python bindings")),
    Package("h5py", "h5py", "python3-h5py", "h5py",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "HDF5 inputs: .h5 daily grids and granules")),
    Package("scipy", "scipy", "python3-scipy", "scipy",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "the trend and the DEM difference")),
    Package("pyqtgraph", "pyqtgraph", "python3-pyqtgraph", "pyqtgraph",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "the Time series dock")),
    Package("openpyxl", "openpyxl", "python3-openpyxl", "openpyxl",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "Excel lake-ice tables, else read through GDAL"), False),
    Package("dask", "dask", "python3-dask", "dask",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "DASK_SCHEDULER: computing on a dask cluster, else in QGIS"), False),
    Package("distributed", "distributed", "python3-distributed", "distributed",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "DASK_SCHEDULER: computing on a dask cluster, else in QGIS"), False),
    Package("xarray", "xarray", "python3-xarray", "xarray",
            QT_TRANSLATE_NOOP("CryoAlgorithm", "DASK_SCHEDULER: computing on a dask cluster, else in QGIS"), False),
)}
ESSENTIAL = ("numpy", "osgeo")  # without these nothing of the plugin works

# How to install, per platform ({command}: the command for the missing packages). Keys: see platform_kind.
INSTRUCTIONS = {
    "windows": QT_TRANSLATE_NOOP("CryoAlgorithm", "In the OSGeo4W Shell (Start menu, QGIS folder; as administrator) "
                                                  "run: {command}"),
    "macos": QT_TRANSLATE_NOOP("CryoAlgorithm", "In the Terminal run: {command}"),
    "debian": QT_TRANSLATE_NOOP("CryoAlgorithm", "In a terminal run: {command}"),
    "conda": QT_TRANSLATE_NOOP("CryoAlgorithm", "In the conda environment of QGIS run: {command}"),
    "linux": QT_TRANSLATE_NOOP("CryoAlgorithm", "Install with your distribution's package manager, or into the "
                                                "Python QGIS uses: {command}"),
}
COMES_WITH_QGIS = QT_TRANSLATE_NOOP("CryoAlgorithm", "GDAL's Python bindings (osgeo) come with QGIS: repair or "
                                                     "reinstall QGIS with them.")
RESTART = QT_TRANSLATE_NOOP("CryoAlgorithm", "Then restart QGIS.")
NOTHING_INSTALLED = QT_TRANSLATE_NOOP("CryoAlgorithm", "The plugin installs nothing by itself.")
MISSING = QT_TRANSLATE_NOOP("CryoAlgorithm", "Missing from the Python of QGIS: {packages}.")
NEEDED_FOR = QT_TRANSLATE_NOOP("CryoAlgorithm", "{package} (for {purpose})")


def platform_kind(environ: Optional[Mapping[str, str]] = None, platform: Optional[str] = None,
                  prefix: Optional[str] = None) -> str:
    """Where this QGIS runs, as a key of :data:`INSTRUCTIONS`: ``conda`` (a conda environment: ``CONDA_PREFIX`` or
    ``conda-meta`` beside the Python), ``windows`` (OSGeo4W or the standalone installer, which is OSGeo4W too),
    ``macos`` (QGIS.app), ``debian`` (Debian, Ubuntu and derivatives) or ``linux`` (any other)."""
    environ = os.environ if environ is None else environ
    platform, prefix = platform or sys.platform, prefix or sys.prefix
    if environ.get("CONDA_PREFIX") or os.path.isdir(os.path.join(prefix, "conda-meta")):
        return "conda"
    if platform.startswith(("win", "cygwin")):
        return "windows"
    if platform == "darwin":
        return "macos"
    if os.path.exists("/etc/debian_version"):
        return "debian"
    return "linux"


def macos_python(prefix: Optional[str] = None, executable: Optional[str] = None) -> str:
    """The Python inside the QGIS.app that runs this code (QGIS-LTR.app, QGIS 3.34.app, ...), else the usual one."""
    for path in (prefix or sys.prefix, executable or sys.executable):
        match = re.match(r"^(.*?\.app)/", path or "")
        if match:
            return match.group(1) + "/Contents/MacOS/bin/python3"
    return "/Applications/QGIS.app/Contents/MacOS/bin/python3"


def install_command(modules: Iterable[str], kind: Optional[str] = None) -> str:
    """The command that installs ``modules`` (import names) on this platform ('' when none can be installed so,
    e.g. only GDAL's bindings, which come with QGIS)."""
    kind = kind or platform_kind()
    packages = [PACKAGES[m] for m in modules if m in PACKAGES]
    if kind == "debian":
        return "sudo apt install " + " ".join(p.debian for p in packages) if packages else ""
    if kind == "conda":
        return "conda install -c conda-forge " + " ".join(p.conda for p in packages) if packages else ""
    names = [p.pip for p in packages if p.pip]
    if not names:
        return ""
    python = {"windows": "python", "macos": macos_python()}.get(kind, "python3")
    if " " in python:
        python = '"{}"'.format(python)
    return "{} -m pip install {}".format(python, " ".join(names))


def _same(text: str) -> str:
    return text


def instruction_parts(modules: Sequence[str], kind: Optional[str] = None,
                      translate: Callable[[str], str] = _same) -> List[str]:
    """The sentences that say what to do on this platform: the install command, for GDAL's bindings that they come
    with QGIS, and to restart QGIS. ``translate`` gives a text marked above in the user's language (the desktop
    passes Qt's; the core's own messages stay in English)."""
    kind = kind or platform_kind()
    parts = []
    command = install_command(modules, kind)
    if command:
        parts.append(translate(INSTRUCTIONS[kind]).format(command=command))
    if "osgeo" in modules and kind not in ("debian", "conda"):
        parts.append(translate(COMES_WITH_QGIS))
    parts.append(translate(RESTART))
    return parts


def install_instruction(modules: Sequence[str], kind: Optional[str] = None,
                        translate: Callable[[str], str] = _same) -> str:
    """What is missing, what needs it and what to do, one sentence a line, e.g. "Missing from the Python of QGIS:
    h5py (for HDF5 inputs: ...)." / "In a terminal run: sudo apt install python3-h5py" / "Then restart QGIS. ..."."""
    modules = list(modules)
    missing = translate(MISSING).format(packages=", ".join(
        translate(NEEDED_FOR).format(package=m, purpose=translate(PACKAGES[m].purpose)) if m in PACKAGES else m
        for m in modules))
    return "\n".join([missing] + instruction_parts(modules, kind, translate))


def is_available(module: str) -> bool:
    """Whether ``module`` can be found, without importing it (no import cost at start-up)."""
    module = module.split(".")[0]  # find_spec of a submodule would import its package
    if sys.modules.get(module) is not None:
        return True
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a blocking finder, a broken package, a module without spec
        return False


def missing(modules: Iterable[str] = tuple(PACKAGES)) -> List[str]:
    """Those of ``modules`` that cannot be found, in the order given."""
    return [m for m in modules if not is_available(m)]


class MissingPackage(CryoInputError):
    """A package the operation needs cannot be imported; the message says which and how to install it."""

    def __init__(self, module: str, reason: str = "") -> None:
        self.module = module.split(".")[0]
        text = install_instruction([self.module])
        super().__init__(text + ("\n({})".format(reason) if reason else ""))


def require(module: str):
    """``module`` imported (e.g. ``require("scipy.optimize").curve_fit``), or :class:`MissingPackage`."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        # absent: nothing to add; a package that is there but fails to import (a broken install) says why
        absent = (exc.name or "").split(".")[0] == module.split(".")[0]
        raise MissingPackage(module, "" if absent else str(exc)) from None
    except ImportError as exc:
        raise MissingPackage(module, str(exc)) from None


class LazyModule:
    """Stands for a module that is imported at the first attribute read (``h5py.File``), through :func:`require`."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(require(self._name), attribute)

    def __repr__(self) -> str:
        return "<lazy module {}>".format(self._name)


def lazy(name: str) -> LazyModule:
    """A stand-in for the module ``name``, imported when first used (see the module docstring)."""
    return LazyModule(name)
