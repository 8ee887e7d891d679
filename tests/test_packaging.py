"""The installable plugin: `make zip` gives a zip QGIS's "Install from ZIP" accepts, on QGIS 3.22 .. 4.x."""
import configparser
import os
import re
import subprocess
import zipfile

from conftest import ROOT


def test_zip_has_one_top_folder_with_metadata():
    subprocess.run(["make", "-s", "-C", ROOT, "zip"], check=True, stdout=subprocess.DEVNULL)
    with zipfile.ZipFile(os.path.join(ROOT, "dist", "cryo_qgis_plugin.zip")) as archive:
        names = archive.namelist()
        assert {name.split("/")[0] for name in names} == {"cryo_qgis_plugin"}
        for required in ("__init__.py", "metadata.txt", "icons/cryo.svg", "LICENSE", "processing/provider.py",
                         "core/io/stack.py", "compat.py"):
            assert "cryo_qgis_plugin/" + required in names, required
        assert "cryo_qgis_plugin/resources.py" not in names  # icons are loaded from their files, no pyrcc5 module
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
        # one zip for QGIS 3 (Qt5) and QGIS 4 (Qt6): Qt only through qgis.PyQt, never imported from PyQt5/6 directly
        direct_qt = [n for n in names if n.endswith(".py")
                     and re.search(rb"^\s*(from|import)\s+PyQt[56]\b", archive.read(n), re.MULTILINE)]
        assert not direct_qt, direct_qt
        metadata = configparser.ConfigParser()
        metadata.read_string(archive.read("cryo_qgis_plugin/metadata.txt").decode("utf-8"))
    general = metadata["general"]
    assert general["qgisMinimumVersion"] == "3.22" and general["hasProcessingProvider"] == "yes"
    assert general["qgisMaximumVersion"] == "4.99" and general["supportsQt6"] == "True"
    for field in ("name", "description", "about", "version", "author", "email", "tags", "icon"):
        assert general.get(field), field
