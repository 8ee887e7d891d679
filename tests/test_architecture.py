"""The layout keeps its promises: the core imports neither QGIS nor Qt (checked by importing every core module
with both made unimportable), imports go one way (core <- qgis_io <- processing, gui; gui never reaches into
processing), no module grows past ~400 lines, and no `PyQt5` import is left in the plugin."""
import ast
import glob
import os
import subprocess
import sys

import pytest

from conftest import ROOT

PLUGIN = os.path.join(ROOT, "cryo_qgis_plugin")
MAX_LINES = 420


def modules(folder=PLUGIN):
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.py"), recursive=True)):
        yield os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".").replace(".__init__", ""), path


def imported(path):
    """Absolute names of the modules ``path`` imports (relative imports resolved)."""
    package = os.path.relpath(os.path.dirname(path), ROOT).replace(os.sep, ".")
    names = set()
    for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            names.add(module)
            names.update("{}.{}".format(module, alias.name) for alias in node.names)
    return names


def test_core_imports_without_qgis_or_qt():
    """Every core module imports in a Python where qgis, PyQt5, PyQt6 and sip cannot be imported."""
    core = [name for name, _ in modules(os.path.join(PLUGIN, "core"))]
    script = (
        "import importlib, sys\n"
        "class Refuse:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip'):\n"
        "            raise ImportError('the core must not import ' + name)\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "sys.path.insert(0, {root!r})\n"
        "for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6')]\n"
        "print(len({core!r}))\n").format(root=ROOT, core=core)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) == len(core) > 25


@pytest.mark.parametrize("layer, forbidden", [
    ("core", ("cryo_qgis_plugin.qgis_io", "cryo_qgis_plugin.processing", "cryo_qgis_plugin.gui",
              "cryo_qgis_plugin.plugin", "qgis", "PyQt5", "PyQt6")),
    ("qgis_io", ("cryo_qgis_plugin.processing", "cryo_qgis_plugin.gui", "cryo_qgis_plugin.plugin")),
    ("processing", ("cryo_qgis_plugin.gui", "cryo_qgis_plugin.plugin")),
    ("gui", ("cryo_qgis_plugin.processing", "cryo_qgis_plugin.plugin")),
])
def test_imports_go_one_way(layer, forbidden):
    wrong = ["{}: {}".format(os.path.relpath(path, ROOT), name)
             for _, path in modules(os.path.join(PLUGIN, layer)) for name in sorted(imported(path))
             if name.startswith(forbidden)]
    assert not wrong, "\n".join(wrong)


FRONT_ENDS = ("cryo_qgis_plugin.core.scale", "cryo_qgis_plugin.core.__main__")  # above the sciences, like Processing


def test_core_domains_do_not_import_each_other_in_circles():
    """Within the core, io and the shared modules never import a science package (freezethaw, permafrost,
    glaciers, lakeice, snow) and stats imports no science package either; only the front ends (the dask backend
    and the command line) sit above the sciences, and nothing else in the core imports them."""
    sciences = tuple("cryo_qgis_plugin.core." + d for d in ("freezethaw", "permafrost", "glaciers", "lakeice", "snow"))
    wrong = []
    for name, path in modules(os.path.join(PLUGIN, "core")):
        if name.startswith(FRONT_ENDS):
            continue
        wrong += ["{}: {}".format(name, n) for n in imported(path) if n.startswith(FRONT_ENDS)]
        if name.startswith(sciences):
            continue
        wrong += ["{}: {}".format(name, n) for n in imported(path) if n.startswith(sciences)]
    assert not wrong, "\n".join(wrong)


def test_no_module_is_too_long():
    long = ["{}: {} lines".format(os.path.relpath(path, ROOT), n) for _, path in modules()
            for n in [sum(1 for _ in open(path, encoding="utf-8"))] if n > MAX_LINES]
    assert not long, "split these modules:\n" + "\n".join(long)


def test_no_pyqt5_import_in_the_plugin():
    found = [os.path.relpath(path, ROOT) for _, path in modules()
             if any(n.split(".")[0] in ("PyQt5", "PyQt6") for n in imported(path))]
    assert not found, "import Qt through qgis.PyQt: " + ", ".join(found)
