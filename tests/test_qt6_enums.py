"""Qt enums written so that both QGIS 3 (PyQt5) and QGIS 4 (PyQt6) resolve them.

PyQt6 only knows scoped enums (``Qt.ItemDataRole.UserRole``; ``Qt.UserRole`` is an AttributeError there), PyQt5
5.15 knows both forms. Every attribute chain of the plugin (and of tests/, scripts/, samples/) whose root is a
name imported from ``qgis.PyQt.QtX`` (``Qt``, ``QHeaderView``, ``QImage``, ...) and that ends in an upper-case
name (an enum type or member) is resolved against the real bindings, each in its own subprocess (PyQt5 and PyQt6
cannot share a process): any chain that does not resolve is listed with its file and line. The PyQt6 check needs
Debian's python3-pyqt6 (``make deps``) and is skipped without it.
"""
import ast
import glob
import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT

# the plugin, and the tests and scripts that drive it in QGIS
SOURCES = sorted(path for folder in ("cryo_qgis_plugin", "tests", "scripts", "samples")
                 for path in glob.glob(os.path.join(ROOT, folder, "**", "*.py"), recursive=True))

# Chains that are only evaluated on Qt5 builds of QGIS (behind a version check), so they need not exist in PyQt6.
QT5_ONLY = {
    ("cryo_qgis_plugin/compat.py", "QVariant.Type.String"),  # QgsField types before QGIS 3.38
    ("cryo_qgis_plugin/compat.py", "QVariant.Type.Double"),
    ("cryo_qgis_plugin/compat.py", "QVariant.Type.Int"),
}

# Runs in the subprocess: resolve each chain in the binding given as argv[1]. qgis.PyQt on Qt6 still serves the
# classes that moved from QtWidgets to QtGui from QtWidgets too (QGIS PRs 55658, 57467); QGIS 3.22 on Qt5 does
# not serve them from QtGui, so there is no fallback the other way.
RESOLVER = textwrap.dedent("""
    import importlib, json, sys

    binding = sys.argv[1]
    try:
        importlib.import_module(binding + ".QtCore")
    except ImportError as exc:
        print(json.dumps({"skip": "{} is not importable: {}".format(binding, exc)}))
        sys.exit(0)
    moved = {"QAction", "QActionGroup", "QShortcut"} if binding == "PyQt6" else set()
    unresolved = []
    for chain in json.load(sys.stdin):
        try:
            value = importlib.import_module(binding + "." + chain["module"])
            if chain["name"]:
                if chain["name"] in moved and not hasattr(value, chain["name"]):
                    value = importlib.import_module(binding + ".QtGui")
                value = getattr(value, chain["name"])
            for part in chain["attributes"]:
                value = getattr(value, part)
        except (ImportError, AttributeError) as exc:
            unresolved.append(dict(chain, error=str(exc)))
    print(json.dumps({"unresolved": unresolved}))
""")


def qt_imports(tree: ast.AST) -> dict:
    """Local name -> (Qt module, class name) for ``from qgis.PyQt.QtX import Name [as Local]``, and
    local name -> (Qt module, "") for ``from qgis.PyQt import QtX``."""
    names = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if node.module == "qgis.PyQt":
            for alias in node.names:
                names[alias.asname or alias.name] = (alias.name, "")
        elif node.module.startswith("qgis.PyQt."):
            module = node.module.split(".")[2]
            for alias in node.names:
                names[alias.asname or alias.name] = (module, alias.name)
    return names


def enum_chains(source: str, filename: str):
    """Every ``Root.A.B`` whose root is a Qt name imported from qgis.PyQt, cut after its last upper-case
    attribute (``Qt.ItemDataRole.UserRole.value`` -> ``Qt.ItemDataRole.UserRole``); chains without an upper-case
    attribute (``QTimer.singleShot``) are method calls, not enums, and left out."""
    tree = ast.parse(source, filename)
    names = qt_imports(tree)
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    chains = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner:
            continue
        parts, base = [], node
        while isinstance(base, ast.Attribute):
            parts.insert(0, base.attr)
            base = base.value
        if not isinstance(base, ast.Name) or base.id not in names:
            continue
        upper = [i for i, part in enumerate(parts) if part[:1].isupper()]
        if not upper:
            continue
        module, name = names[base.id]
        chains.append({"file": filename, "line": node.lineno, "module": module, "name": name,
                       "attributes": parts[:upper[-1] + 1],
                       "text": ".".join([base.id] + parts[:upper[-1] + 1])})
    return sorted(chains, key=lambda c: (c["line"], c["text"]))


def unresolved_chains(chains, binding: str):
    proc = subprocess.run([sys.executable, "-c", RESOLVER, binding], input=json.dumps(chains), capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout.strip().splitlines()[-1])
    if "skip" in answer:
        pytest.skip(answer["skip"] + " (install python3-pyqt6: make deps)")
    return answer["unresolved"]


def plugin_chains():
    chains = []
    for path in SOURCES:
        relative = os.path.relpath(path, ROOT).replace(os.sep, "/")
        with open(path, encoding="utf-8") as fh:
            chains.extend(enum_chains(fh.read(), relative))
    return chains


def report(unresolved) -> str:
    return "\n".join("{file}:{line}: {text} ({error})".format(**c) for c in unresolved)


@pytest.mark.parametrize("binding", ["PyQt6", "PyQt5"])
def test_every_qt_enum_resolves(binding):
    chains = plugin_chains()
    assert len(chains) > 20  # the collector does find the plugin's enums
    if binding == "PyQt6":
        chains = [c for c in chains if (c["file"], c["text"]) not in QT5_ONLY]
    unresolved = unresolved_chains(chains, binding)
    assert not unresolved, "{} Qt names that {} does not have (write enums scoped):\n{}".format(
        len(unresolved), binding, report(unresolved))


def test_an_unscoped_enum_is_flagged():
    source = textwrap.dedent("""\
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QAction, QHeaderView as Header
        from qgis.PyQt import QtGui
        role = Qt.UserRole
        scoped = Qt.ItemDataRole.UserRole.value
        mode = Header.Stretch
        format = QtGui.QImage.Format_RGB888
        action = QAction.MenuRole.NoRole
        timer = Qt.mightBeRichText("x")
        """)
    chains = enum_chains(source, "scratch.py")
    assert [c["text"] for c in chains] == [
        "Qt.UserRole", "Qt.ItemDataRole.UserRole", "Header.Stretch", "QtGui.QImage.Format_RGB888",
        "QAction.MenuRole.NoRole"]
    unresolved = unresolved_chains(chains, "PyQt6")
    assert [(c["line"], c["text"]) for c in unresolved] == [
        (4, "Qt.UserRole"), (6, "Header.Stretch"), (7, "QtGui.QImage.Format_RGB888")], report(unresolved)
