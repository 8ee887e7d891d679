"""Installable wherever QGIS runs (issue #19): file handling that also holds on Windows and macOS.

- The plugin's sources build no file path by string concatenation (``folder + "/" + name``, ``f"{a}/{b}"``,
  ``"{}/{}".format``, ``"%s/%s"``), name no ``/tmp`` (``tempfile`` / ``QgsProcessingUtils.tempFolder()``), and open
  no text file without an encoding (Windows' default is a code page, not UTF-8). Paths inside HDF5 files use "/" on
  every platform: those few lines are listed below (NOT_DISK_PATHS) with the reason.
- An output that is a layer of the project: on Windows it is refused before the run (the final ``os.replace`` of
  an open file fails there), elsewhere the run replaces it and the layer Processing reuses is reopened on the new
  file; a layer being edited is never replaced. The Windows branch is run here by setting the flag Windows sets.
"""
import ast
import glob
import hashlib
import os
import re

import pytest

from conftest import ROOT

PLUGIN = os.path.join(ROOT, "cryo_qgis_plugin")

# Joins with "/" that build no path on disk: (file under cryo_qgis_plugin/, pattern of the source, why)
NOT_DISK_PATHS = [
    ("core/io/source_summary.py", r'^"/" \+ name$', "HDF5 object path (h5py visititems names lack the root /)"),
    ("core/io/hdf5_datasets.py", r'^"/" \+ (name|key)$', "HDF5 object path"),
    ("core/glaciers/altimetry_granules.py", r'^(pair \+ "/\w+"|"\{\}/[\w/]+")$',
     "ICESat-2 beam and pair groups (HDF5)"),
    ("gui/import_dialog.py", r'^name \+ "/"$', "label of an HDF5 group in the dataset tree"),
    ("core/optional.py", r'"/Contents/MacOS/bin/python3"$', "QGIS.app's Python in a command shown on macOS only"),
]
SLASH_FORMAT = re.compile(r"(\{[^{}]*\}|%[sd])[/\\]|[/\\](\{[^{}]*\}|%[sd])")


def plugin_sources():
    for path in sorted(glob.glob(os.path.join(PLUGIN, "**", "*.py"), recursive=True)):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        yield os.path.relpath(path, PLUGIN).replace(os.sep, "/"), text, ast.parse(text)


def _is_str(node):
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_separator_edge(value):
    return value.startswith(("/", "\\")) or value.endswith(("/", "\\"))


def path_concatenations(text, tree):
    """``(line, source)`` of every expression that joins text with a path separator: ``x + "/"``, ``"/" + x``,
    ``f"{a}/{b}"``, and string literals such as ``"{}/{}"`` or ``"%s/%s"``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if any(_is_str(side) and _is_separator_edge(side.value) for side in (node.left, node.right)):
                found.append((node.lineno, ast.get_source_segment(text, node)))
        elif isinstance(node, ast.JoinedStr):
            parts = node.values
            for i, part in enumerate(parts):
                if not _is_str(part):
                    continue
                after_value = i > 0 and not _is_str(parts[i - 1]) and part.value.startswith(("/", "\\"))
                before_value = i + 1 < len(parts) and not _is_str(parts[i + 1]) and part.value.endswith(("/", "\\"))
                if after_value or before_value:
                    found.append((node.lineno, ast.get_source_segment(text, node)))
        elif _is_str(node) and SLASH_FORMAT.search(node.value) and "<" not in node.value:  # not XML/HTML markup
            found.append((node.lineno, ast.get_source_segment(text, node)))
    return sorted(set(found))


def test_no_path_is_built_by_string_concatenation():
    wrong = []
    for name, text, tree in plugin_sources():
        for line, source in path_concatenations(text, tree):
            if not any(name == file and re.search(pattern, source) for file, pattern, _ in NOT_DISK_PATHS):
                wrong.append("cryo_qgis_plugin/{}:{}: {}".format(name, line, source))
    assert not wrong, "use os.path.join (or os.path.splitext for a new suffix):\n" + "\n".join(wrong)


def test_the_scan_finds_what_it_looks_for():
    sample = ('a = folder + "/" + name\nb = f"{folder}/{name}"\nc = "{}/{}".format(d, n)\nd = "%s/%s" % (d, n)\n'
              'e = folder + "\\\\out.tif"\nf = os.path.join(folder, name)\ng = "x" + ".tif"\n')
    lines = {line for line, _ in path_concatenations(sample, ast.parse(sample))}
    assert lines == {1, 2, 3, 4, 5}


def test_no_tmp_literal():
    """Temporary files go to ``tempfile`` or ``QgsProcessingUtils.tempFolder()``: there is no /tmp on Windows."""
    wrong = ["cryo_qgis_plugin/{}:{}: {!r}".format(name, node.lineno, node.value)
             for name, _, tree in plugin_sources() for node in ast.walk(tree)
             if _is_str(node) and re.search(r"(^|[\s\"'=:(])/(var/)?tmp\b|\\temp\\", node.value, re.IGNORECASE)]
    assert not wrong, "\n".join(wrong)


def test_text_files_are_opened_with_an_encoding():
    """``open(path)`` in text mode without ``encoding=`` reads cp1252 on Windows: a UTF-8 CSV breaks there."""
    wrong = []
    for name, _, tree in plugin_sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open"):
                continue
            mode = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "mode"), None)
            binary = _is_str(mode) and "b" in mode.value
            if not binary and not any(k.arg == "encoding" for k in node.keywords):
                wrong.append("cryo_qgis_plugin/{}:{}".format(name, node.lineno))
    assert not wrong, "\n".join(wrong)


# ------------------------------------------------------------------------------- outputs open as layers

def _digest(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def _partials(folder):
    return [n for n in os.listdir(folder) if ".partial-" in n]


@pytest.fixture
def project_cleanup(qgis_app):
    from qgis.core import QgsProject

    before = set(QgsProject.instance().mapLayers())
    yield QgsProject.instance()
    QgsProject.instance().removeMapLayers([i for i in QgsProject.instance().mapLayers() if i not in before])


@pytest.fixture(scope="module")
def ft_daily(qgis_app, tmp_path_factory):
    from test_processing_freezethaw import small_season_folder

    return small_season_folder(str(tmp_path_factory.mktemp("ft") / "daily"))


def _decode(folder, out, last):
    from test_processing_freezethaw import SMALL_EXTENT

    return {"INPUT": folder, "EXTENT": SMALL_EXTENT, "PERIOD_START": "2005-12-31", "PERIOD_END": last,
            "OUTPUT": out}


def test_running_again_into_the_loaded_output_shows_the_new_result(ft_daily, tmp_path, project_cleanup):
    """The desktop workflow (Linux, macOS): run, the output is loaded, change a parameter, run again into the same
    file. Processing reuses the loaded layer; it must show the new file, not the replaced one."""
    import processing

    out = str(tmp_path / "ft.tif")
    processing.runAndLoadResults("cryo:decodefreezethaw", _decode(ft_daily, out, "2006-01-02"))
    layers = [layer for layer in project_cleanup.mapLayers().values() if layer.source() == out]
    assert len(layers) == 1 and layers[0].bandCount() == 3
    processing.runAndLoadResults("cryo:decodefreezethaw", _decode(ft_daily, out, "2006-01-04"))
    layers = [layer for layer in project_cleanup.mapLayers().values() if layer.source() == out]
    assert len(layers) == 1 and layers[0].bandCount() == 5  # reopened on the new file
    assert layers[0].renderer().type() == "paletted"  # and still styled from the sidecar (chained post-processor)
    assert layers[0].dataProvider().bandStatistics(5).maximumValue >= 1
    assert not _partials(str(tmp_path))


def test_windows_refuses_an_output_open_as_a_layer_before_the_run(ft_daily, tmp_path, project_cleanup, monkeypatch):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject, QgsRasterLayer

    from cryo_qgis_plugin.processing import guard

    out = str(tmp_path / "ft.tif")
    processing.run("cryo:decodefreezethaw", _decode(ft_daily, out, "2006-01-02"), context=QgsProcessingContext())
    project_cleanup.addMapLayer(QgsRasterLayer(out, "my frozen days"))
    before = _digest(out)
    monkeypatch.setattr(guard, "OPEN_FILES_BLOCK_REPLACE", True)  # what sys.platform == "win32" sets
    with pytest.raises(QgsProcessingException) as refused:  # a context without a project: QgsProject.instance()
        processing.run("cryo:decodefreezethaw", _decode(ft_daily, out, "2006-01-04"), context=QgsProcessingContext())
    message = str(refused.value)
    assert "'my frozen days'" in message and out in message and "remove the layer from the project" in message
    assert _digest(out) == before and not _partials(str(tmp_path))
    # the run's own project is the one compared when it is set (the desktop's, or a qgis_process --PROJECT_PATH)
    other = QgsProject()
    context = QgsProcessingContext()
    context.setProject(other)
    result = processing.run("cryo:decodefreezethaw", _decode(ft_daily, out, "2006-01-04"), context=context)
    assert result["N_DATES"] == 5
    # another output name is always possible
    elsewhere = str(tmp_path / "ft2.tif")
    assert processing.run("cryo:decodefreezethaw", _decode(ft_daily, elsewhere, "2006-01-04"),
                          context=QgsProcessingContext())["N_DATES"] == 5


def test_a_layer_being_edited_is_never_replaced(qgis_app, tmp_path, project_cleanup):
    from osgeo import ogr, osr
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsVectorLayer

    from cryo_qgis_plugin.processing.guard import check_open_layers, project_layers

    path = str(tmp_path / "lakes.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    ds.CreateLayer("lakes", srs, ogr.wkbPoint)
    ds = None
    layer = QgsVectorLayer(path + "|layername=lakes", "lakes", "ogr")
    assert layer.isValid()
    project_cleanup.addMapLayer(layer)
    context = QgsProcessingContext()
    context.setProject(project_cleanup)
    check_open_layers([("OUTPUT", path)], project_layers(context), replace_blocked=False)  # not edited: allowed
    layer.startEditing()
    try:
        with pytest.raises(QgsProcessingException, match="'lakes', which is being edited"):
            check_open_layers([("OUTPUT", path)], project_layers(context), replace_blocked=False)
    finally:
        layer.rollBack()


def test_check_open_layers_matches_the_same_file_under_another_name(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    from cryo_qgis_plugin.processing.guard import check_open_layers

    target = tmp_path / "out.tif"
    target.write_bytes(b"x")
    link = tmp_path / "link.tif"
    os.symlink(str(target), str(link))
    layers = [("out", str(target), False)]
    check_open_layers([("OUTPUT", str(link))], layers, replace_blocked=False)
    with pytest.raises(QgsProcessingException, match="open in QGIS as the layer 'out'"):
        check_open_layers([("OUTPUT", str(link))], layers, replace_blocked=True)
    check_open_layers([("OUTPUT", str(tmp_path / "new.tif"))], layers, replace_blocked=True)


def test_a_replace_that_fails_names_the_output_not_the_hidden_file(qgis_app, tmp_path, monkeypatch):
    """``os.replace`` reports the hidden temporary first and the output second; on Windows an "access denied"
    there means the output is open elsewhere (a spreadsheet, another QGIS)."""
    import errno

    from cryo_qgis_plugin.processing import guard

    final = tmp_path / "areas.csv"
    final.write_text("x", encoding="utf-8")
    hidden = str(tmp_path / ".areas.partial-1.csv")
    exc = PermissionError(errno.EACCES, "Access is denied", hidden, None, str(final))
    message = guard.explain(exc, [str(final)])
    assert str(final) in message and hidden not in message
    monkeypatch.setattr(guard, "OPEN_FILES_BLOCK_REPLACE", True)
    message = guard.explain(exc, [str(final)])
    assert message.startswith("{} could not be replaced because it is open".format(final))
    assert "choose another output name" in message
