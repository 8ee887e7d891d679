"""The installable plugin: `make zip` gives a zip QGIS's "Install from ZIP" accepts."""
import configparser
import os
import subprocess
import zipfile

from conftest import ROOT


def test_zip_has_one_top_folder_with_metadata():
    subprocess.run(["make", "-s", "-C", ROOT, "zip"], check=True, stdout=subprocess.DEVNULL)
    with zipfile.ZipFile(os.path.join(ROOT, "dist", "cryo_qgis_plugin.zip")) as archive:
        names = archive.namelist()
        assert {name.split("/")[0] for name in names} == {"cryo_qgis_plugin"}
        for required in ("__init__.py", "metadata.txt", "resources.py", "icons/cryo.svg", "LICENSE",
                         "processing/provider.py", "core/io/stack.py"):
            assert "cryo_qgis_plugin/" + required in names, required
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
        metadata = configparser.ConfigParser()
        metadata.read_string(archive.read("cryo_qgis_plugin/metadata.txt").decode("utf-8"))
    general = metadata["general"]
    assert general["qgisMinimumVersion"] == "3.22" and general["hasProcessingProvider"] == "yes"
    for field in ("name", "description", "about", "version", "author", "email", "tags", "icon"):
        assert general.get(field), field
