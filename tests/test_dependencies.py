"""Python packages missing from QGIS's Python (issue #19): the plugin loads without h5py, scipy, pyqtgraph and
openpyxl, the algorithms that need none of them run, those that do refuse with the install command for this
platform, and the desktop shows one notice.

A package is made unimportable in a QGIS process (``qgis_process``, the desktop) by a ``sitecustomize.py`` put on
``PYTHONPATH`` that installs a meta-path finder refusing it (:func:`blocking_env`): the embedded Python of QGIS
reads ``PYTHONPATH`` and imports ``sitecustomize`` at start-up like any other. In this process, a module is hidden
with ``sys.modules[name] = None`` (what ``import`` and ``find_spec`` treat as absent).
"""
import concurrent.futures
import datetime as dt
import glob
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from cryo_qgis_plugin.core import optional
from test_bad_inputs import ALGORITHMS, OUTPUT_NAMES, inputs  # noqa: F401 (inputs: the fixture)
from test_desktop import run_desktop

QGIS_PROCESS = os.path.join(ROOT, "scripts", "qgis-process")
HEAVY = ("h5py", "scipy", "pyqtgraph", "openpyxl")
BLOCKER = '''import os
import sys

BLOCKED = {name for name in os.environ.get("CRYO_BLOCK_MODULES", "").split(",") if name}


class BlockModules:
    """Refuses the modules named in CRYO_BLOCK_MODULES (and their submodules), as if they were not installed."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError("No module named {!r}".format(name), name=name)
        return None


sys.meta_path.insert(0, BlockModules())
'''
NEEDS_DESKTOP = pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
                                   reason="needs the QGIS desktop and Xvfb (make deps)")


def blocking_env(env, folder, *modules):
    """``env`` with ``modules`` unimportable in the Python processes it starts (QGIS's embedded one too)."""
    os.makedirs(str(folder), exist_ok=True)
    with open(os.path.join(str(folder), "sitecustomize.py"), "w") as fh:
        fh.write(BLOCKER)
    path = os.pathsep.join(p for p in (str(folder), env.get("PYTHONPATH", "")) if p)
    return dict(env, PYTHONPATH=path, CRYO_BLOCK_MODULES=",".join(modules))


def qgis_process(env, *args):
    return subprocess.run([QGIS_PROCESS] + list(args), env=env, capture_output=True, text=True, timeout=600)


def run_args(algorithm, parameters):
    args = ["run", algorithm, "--json", "--"]
    for key, value in parameters.items():
        args += ["{}={}".format(key, item) for item in (value if isinstance(value, list) else [value])]
    return args


# --------------------------------------------------------------------------------------------- the core's logic

@pytest.mark.parametrize("environ, platform, prefix, kind, command", [
    ({}, "win32", "C:/OSGeo4W/apps/Python39", "windows", "python -m pip install h5py pyqtgraph"),
    ({}, "darwin", "/Applications/QGIS-LTR.app/Contents/MacOS/lib/python3.9", "macos",
     "/Applications/QGIS-LTR.app/Contents/MacOS/bin/python3 -m pip install h5py pyqtgraph"),
    ({"CONDA_PREFIX": "/opt/conda/envs/qgis"}, "linux", "/opt/conda/envs/qgis", "conda",
     "conda install -c conda-forge h5py pyqtgraph"),
])
def test_install_command_for_each_platform(environ, platform, prefix, kind, command, monkeypatch):
    monkeypatch.setattr(sys, "prefix", prefix)
    assert optional.platform_kind(environ, platform, prefix) == kind
    assert optional.install_command(["h5py", "pyqtgraph"], kind) == command


def test_install_command_on_debian_and_conda_meta(tmp_path):
    assert optional.install_command(["h5py", "pyqtgraph", "scipy", "openpyxl"], "debian") == \
        "sudo apt install python3-h5py python3-pyqtgraph python3-scipy python3-openpyxl"
    (tmp_path / "conda-meta").mkdir()
    assert optional.platform_kind({}, "win32", str(tmp_path)) == "conda"
    if os.path.exists("/etc/debian_version"):
        assert optional.platform_kind({}, "linux", "/usr") == "debian"
    # GDAL's bindings come with QGIS: no pip command for them, the instruction says to repair QGIS
    text = optional.install_instruction(["osgeo"], "windows")
    assert "pip" not in text and "reinstall QGIS" in text


def test_the_missing_package_error_names_the_package_and_the_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "h5py", None)
    assert not optional.is_available("h5py") and optional.is_available("numpy")
    h5py = optional.lazy("h5py")
    with pytest.raises(optional.MissingPackage) as raised:
        h5py.File("x.h5", "r")
    assert isinstance(raised.value, optional.CryoInputError)  # the guard shows its message unchanged
    assert "h5py" in str(raised.value) and optional.install_command(["h5py"]) in str(raised.value)


def test_hdf5_is_recognised_without_h5py(tmp_path):
    """The signature test that tells whether a source needs h5py agrees with h5py's, and needs no h5py."""
    import h5py
    import numpy as np
    from cryo_qgis_plugin.core.io.hdf5_datasets import is_hdf5_file
    from cryo_qgis_plugin.core.io.stack import is_hdf5_source

    plain = str(tmp_path / "plain.h5")
    with h5py.File(plain, "w") as h5:
        h5.create_dataset("FT", data=np.zeros((2, 3), np.uint8))
    with_block = str(tmp_path / "userblock.hdf")
    with h5py.File(with_block, "w", userblock_size=1024) as h5:
        h5.create_dataset("FT", data=np.zeros((2, 3), np.uint8))
    hdf4 = str(tmp_path / "MOD11A1.A2021227.hdf")
    with open(hdf4, "wb") as fh:
        fh.write(b"\x0e\x03\x13\x01" + bytes(2000))
    for path in (plain, with_block, hdf4):
        assert is_hdf5_file(path) == h5py.is_hdf5(path), path
    assert is_hdf5_source(plain) and is_hdf5_source(with_block) and not is_hdf5_source(hdf4)
    assert is_hdf5_source(str(tmp_path)) is False  # its first file by name is MOD11A1...hdf (HDF4)
    assert not is_hdf5_source(str(tmp_path / "missing.h5"))


def test_the_plugin_imports_without_the_heavy_packages_and_does_not_import_them_at_load(tmp_path):
    """Every module of the plugin imports with h5py, scipy, pyqtgraph and openpyxl unimportable; and loading the
    plugin as QGIS does (classFactory, the provider and its algorithms) imports none of them even when present."""
    modules = sorted(os.path.relpath(p, ROOT)[:-3].replace(os.sep, ".").replace(".__init__", "")
                     for p in glob.glob(os.path.join(ROOT, "cryo_qgis_plugin", "**", "*.py"), recursive=True))
    script = (
        "import importlib, sys\n"
        "sys.path.insert(0, {root!r})\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False)\n"
        "app.initQgis()\n"
        "sys.path.append(app.pkgDataPath() + '/python/plugins')  # Processing's own package, as in QGIS\n"
        "import cryo_qgis_plugin\n"
        "plugin = cryo_qgis_plugin.classFactory(None)\n"
        "plugin.initProcessing()\n"
        "plugin.provider.refreshAlgorithms()\n"
        "assert len(plugin.provider.algorithms()) >= 12\n"
        "for algorithm in plugin.provider.algorithms():\n"
        "    algorithm.shortHelpString()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))\n"
        "for name in {modules!r}:\n"
        "    importlib.import_module(name)\n").format(root=ROOT, heavy=HEAVY, modules=modules)
    for blocked in ((), HEAVY):
        env = blocking_env(dict(os.environ, QT_QPA_PLATFORM="offscreen"), tmp_path / "blocker", *blocked)
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        assert done.stdout.strip().splitlines()[-1] == "[]", (blocked, done.stdout)


def test_without_gdal_bindings_the_plugin_only_says_what_to_install(qgis_app, monkeypatch):
    """No numpy or no GDAL bindings: nothing of the plugin can work; classFactory returns a stand-in that registers
    nothing and pushes one critical notice."""
    import cryo_qgis_plugin
    from cryo_qgis_plugin.dependencies import PluginWithoutEssentials

    pushed = []

    class Bar:
        def pushMessage(self, *args):  # noqa: N802 (QGIS API)
            pushed.append(args)

    class Iface:
        def messageBar(self):  # noqa: N802 (QGIS API)
            return Bar()

    monkeypatch.setitem(sys.modules, "osgeo", None)
    plugin = cryo_qgis_plugin.classFactory(Iface())
    assert isinstance(plugin, PluginWithoutEssentials)
    plugin.initProcessing()
    plugin.initGui()
    plugin.unload()
    assert len(pushed) == 1 and "osgeo" in pushed[0][1] and "restart QGIS" in pushed[0][1]


# ------------------------------------------------------------------------------------ algorithms, in-process

def test_an_algorithm_whose_package_is_missing_says_so_and_refuses(qgis_app, monkeypatch, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    registry = QgsApplication.processingRegistry()
    trend, decode = registry.algorithmById("cryo:trend"), registry.algorithmById("cryo:decodefreezethaw")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    assert "Missing from the Python of QGIS" not in trend.shortHelpString()
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "h5py", None)
    assert "scipy" in trend.shortHelpString().split("</p>")[0]
    assert "h5py" in decode.shortHelpString().split("</p>")[0]
    ok, message = trend.checkParameterValues({"INPUT": [str(tmp_path / "x.tif")]}, context)
    assert not ok and optional.install_command(["scipy"]) in message
    assert not trend.create().prepare({"INPUT": [str(tmp_path / "x.tif")]}, context, feedback)  # models, qgis_process
    import processing

    with pytest.raises(QgsProcessingException, match="python3-scipy|pip install scipy|conda-forge scipy"):
        processing.run("cryo:trend", {"INPUT": [str(tmp_path / "x.tif")], "OUTPUT": str(tmp_path / "t.tif")})
    geotiff = str(tmp_path / "stack.tif")
    open(geotiff, "wb").close()
    assert decode.create().missing_modules({"INPUT": geotiff}, context) == []  # GeoTIFF: no h5py needed


# ----------------------------------------------------------------------------------------- qgis_process

def test_qgis_process_without_h5py(qgis_process_env, inputs, tmp_path):  # noqa: F811 (the fixture)
    """h5py unimportable: all algorithms are listed; those without HDF5 inputs run (a GeoTIFF stack too); Decode
    on an HDF5 folder and a workflow on it refuse with the install instruction, rc != 0, no traceback."""
    env = blocking_env(qgis_process_env, tmp_path / "blocker", "h5py")
    _, valid = inputs
    listing = qgis_process(env, "list")
    assert listing.returncode == 0, listing.stderr
    listed = [line.split()[0] for line in listing.stdout.splitlines() if line.strip().startswith("cryo:")]
    assert set(ALGORITHMS) <= set(listed) and len(listed) == len(ALGORITHMS) + 5  # + the 5 workflows
    runs = {"cryo:demdifference": valid["cryo:demdifference"][0], "cryo:degreedays": valid["cryo:degreedays"][0]}
    for algorithm, parameters in runs.items():
        outputs = {name: str(tmp_path / (algorithm.split(":")[1] + "_" + file))
                   for name, file in valid[algorithm][1].items()}
        done = qgis_process(env, *run_args(algorithm, dict(parameters, **outputs)))
        assert done.returncode == 0, (algorithm, done.stderr[-3000:] + done.stdout[-3000:])
        assert all(os.path.exists(path) for path in outputs.values())
    folder = valid["cryo:decodefreezethaw"][0]["INPUT"]
    assert glob.glob(os.path.join(folder, "*.h5"))
    for args in (run_args("cryo:decodefreezethaw", {"INPUT_FOLDER": folder, "OUTPUT": str(tmp_path / "ft.tif")}),
                 run_args("cryo:workflowfreezethawtrend", {
                     "daily": folder, "decode:decoded": str(tmp_path / "w_decoded.tif"),
                     "decode:areas": str(tmp_path / "w_areas.csv"),
                     "indicators:indicators": str(tmp_path / "w_indicators.tif"),
                     "trend_frozen_days:trend_frozen_days": str(tmp_path / "w_trend.tif"),
                     "trend_freeze_onset:trend_freeze_onset": str(tmp_path / "w_onset.tif")})):
        refused = qgis_process(env, *args)
        said = refused.stdout + refused.stderr
        assert refused.returncode != 0, said
        assert optional.install_command(["h5py"]) in said and "restart QGIS" in said, said
        assert "Traceback" not in said and "Unexpected error" not in said, said
    assert not os.path.exists(str(tmp_path / "ft.tif")) and not os.path.exists(str(tmp_path / "w_decoded.tif"))


def test_qgis_process_without_pyqtgraph_runs_every_algorithm(qgis_process_env, inputs, tmp_path):  # noqa: F811
    env = blocking_env(qgis_process_env, tmp_path / "blocker", "pyqtgraph")
    _, valid = inputs

    def run_one(algorithm):
        parameters, outputs = valid[algorithm]
        outputs = {name: str(tmp_path / (algorithm.split(":")[1] + "_" + file)) for name, file in outputs.items()}
        return algorithm, qgis_process(env, *run_args(algorithm, dict(parameters, **outputs))), outputs

    with concurrent.futures.ThreadPoolExecutor(min(6, os.cpu_count() or 2)) as pool:
        for algorithm, done, outputs in pool.map(run_one, ALGORITHMS):
            assert done.returncode == 0, (algorithm, done.stderr[-3000:] + done.stdout[-3000:])
            assert sorted(outputs) == sorted(OUTPUT_NAMES[algorithm])
            assert all(os.path.exists(path) for path in outputs.values()), algorithm


# ---------------------------------------------------------------------------------------------- desktop

@NEEDS_DESKTOP
@pytest.mark.parametrize("blocked", ["pyqtgraph", "h5py"])
def test_desktop_shows_one_notice(blocked, qgis_process_env, tmp_path):
    """The real desktop with pyqtgraph (then h5py) unimportable: the plugin loads with all its algorithms, one
    message-bar notice names the package and the command, the Time series button explains instead of opening the
    dock without pyqtgraph (and opens it without h5py), the import dialog explains an HDF5 folder without h5py."""
    from samples import sampledata

    folder = str(tmp_path / "daily")
    sampledata.write_freeze_thaw_folder(folder, dt.date(2005, 10, 1), dt.date(2005, 10, 5))
    env = blocking_env(qgis_process_env, tmp_path / "blocker", blocked)
    seen, screenshots = run_desktop(env, tmp_path, {"scenario": "dependencies", "sample_folder": folder})
    notices = [n for n in seen["notices"] if n["title"] == "Cryosphere"]
    assert len(notices) == 1, seen["notices"]
    command = optional.install_command([blocked])
    assert blocked in notices[0]["text"] and command in notices[0]["text"]
    assert len([a for a in seen["algorithms"] if not a.startswith("cryo:workflow")]) == len(ALGORITHMS)
    if blocked == "pyqtgraph":
        assert not seen["dock_visible"] and not seen["action_checked"]
        assert "pyqtgraph" in seen["dock_message"] and command in seen["dock_message"]
        assert "123" not in seen["import_dates"] and "5</b> dates" in seen["import_dates"]
    else:
        assert seen["dock_visible"] and not seen["dock_message"]
        assert command in seen["import_dates"]
    assert seen["unloaded"]
    for name in ("dependencies_notice.png", "dependencies_timeseries.png", "dependencies_import_dialog.png"):
        assert os.path.getsize(str(screenshots / name)) > 10000
