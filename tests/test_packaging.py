"""The installable plugin: `make zip` gives a zip QGIS's "Install from ZIP" accepts, on QGIS 3.22 .. 4.x."""
import configparser
import os
import re
import shutil
import subprocess
import zipfile
from urllib.parse import urlparse

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


# ----------------------------------------------------------- the QGIS plugin repository's rules, written out
# As plugins.qgis.org checks an upload (qgis/QGIS-Django, plugins/validator.py) and the publishing guidelines of
# the PyQGIS cookbook ask, without network: the repository also fetches the three URLs (HEAD < 400), which the
# placeholders of the Makefile pass but a real address must be set before publishing.
MAX_UPLOAD_BYTES = 25_000_000
REQUIRED = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "tracker",
            "repository")
RECOMMENDED = ("homepage", "tags", "icon", "changelog", "category")
URL_KEYS = ("homepage", "tracker", "repository")
BUILDER_DEFAULT_URLS = {"homepage": "http://homepage", "tracker": "http://bugs", "repository": "http://repo"}
VERSION = re.compile(r"^\d+\.\d+(\.\d+)?$")
CHANGELOG_HEADER = re.compile(r"^(\d+\.\d+(\.\d+)?)( \(unreleased\)| \(\d{4}-\d{2}-\d{2}\))?$")


def _built_zip():
    subprocess.run(["make", "-s", "-C", ROOT, "zip"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, "dist", "cryo_qgis_plugin.zip")


def _metadata(text):
    """metadata.txt as the repository reads it: UTF-8, an INI file with a [general] section, keys case-kept."""
    parser = configparser.ConfigParser(interpolation=None)  # strict: a repeated key is an error
    parser.optionxform = str
    parser.read_string(text)
    assert parser.has_section("general")
    return parser["general"]


def _version_key(text):
    return tuple(int(part) for part in text.split("."))


def test_zip_passes_the_plugin_repository_rules():
    path = _built_zip()
    assert os.path.getsize(path) <= MAX_UPLOAD_BYTES
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # no CRC error
        names = archive.namelist()
        infos = archive.infolist()
        metadata_bytes = archive.read("cryo_qgis_plugin/metadata.txt")
        top = {name.split("/")[0] for name in names}
        assert top == {"cryo_qgis_plugin"} and re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", "cryo_qgis_plugin")
        for name in names:
            parts = name.rstrip("/").split("/")
            assert ".." not in name and not name.startswith(("/", "\\")) and ":" not in name, name
            assert not [p for p in parts if p in ("__pycache__", "__MACOSX", ".git")], name
            assert not [p for p in parts if p.startswith(".")], "hidden file or folder: " + name
            assert not name.endswith((".pyc", ".pyo", ".so", ".pyd", ".dll", ".dylib", ".o")), name
            assert "\\" not in name, name  # zip entries use "/" whatever the system that built them
        assert {"cryo_qgis_plugin/__init__.py", "cryo_qgis_plugin/metadata.txt",
                "cryo_qgis_plugin/LICENSE"} <= set(names)
        assert b"GNU GENERAL PUBLIC LICENSE" in archive.read("cryo_qgis_plugin/LICENSE")
        assert not [i.filename for i in infos if i.file_size > 5_000_000]  # no data set slipped in
        general = _metadata(metadata_bytes.decode("utf-8"))
        icon = general["icon"].lstrip("./")
        assert "cryo_qgis_plugin/" + icon in names, icon
        assert archive.read("cryo_qgis_plugin/" + icon).lstrip().startswith((b"<?xml", b"<svg"))
    missing = [key for key in REQUIRED if not general.get(key, "").strip()]
    assert not missing, "required by plugins.qgis.org: {}".format(missing)
    assert not [key for key in RECOMMENDED if not general.get(key, "").strip()]
    assert VERSION.match(general["version"]), general["version"]
    assert VERSION.match(general["qgisMinimumVersion"]) and VERSION.match(general["qgisMaximumVersion"])
    assert "/" not in general["author"]  # the repository refuses slashes in the author
    assert re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", general["email"])
    for key in URL_KEYS:
        parsed = urlparse(general[key])
        assert parsed.scheme in ("http", "https") and parsed.netloc, (key, general[key])
        assert general[key] != BUILDER_DEFAULT_URLS[key]
    for flag in ("experimental", "deprecated", "server"):
        assert general[flag].lower() in ("true", "false", "1", "0"), flag
    assert general["hasProcessingProvider"] in ("yes", "no")
    assert len(general["description"]) < len(general["about"])  # one line, and the About text says more
    tags = [tag.strip() for tag in general["tags"].split(",")]
    assert len(tags) == len(set(tags)) and all(tags)
    # a changelog kept per version, newest first, with an entry for the version shipped
    headers, entry = [], None
    for line in general["changelog"].splitlines():
        if not line.strip():
            continue
        match = CHANGELOG_HEADER.match(line.strip())
        if match:
            headers.append(match.group(1))
            entry = match.group(1)
        else:
            assert entry and line.strip().startswith("* "), "changelog line outside a version: " + line
    assert general["version"] in headers
    assert headers == sorted(headers, key=_version_key, reverse=True) and len(set(headers)) == len(headers)


def makefile_variable(name):
    with open(os.path.join(ROOT, "Makefile"), encoding="utf-8") as fh:
        found = re.findall(r"^{}\s*:?=\s*(.+?)\s*$".format(name), fh.read(), re.MULTILINE)
    assert len(found) == 1, name
    return found[0]


def test_the_urls_come_from_the_makefile():
    """HOMEPAGE, TRACKER and REPOSITORY in the Makefile are the one place to set them: `make zip` writes them into
    the zip's metadata.txt, and the committed metadata.txt (read by "Install from ZIP" of a hand-made zip) agrees."""
    with open(os.path.join(ROOT, "metadata.txt"), encoding="utf-8") as fh:
        committed = _metadata(fh.read())
    with zipfile.ZipFile(_built_zip()) as archive:
        shipped = _metadata(archive.read("cryo_qgis_plugin/metadata.txt").decode("utf-8"))
    for key in URL_KEYS:
        assert shipped[key] == committed[key] == makefile_variable(key.upper()), key
    assert {k: v for k, v in shipped.items() if k not in URL_KEYS} == \
        {k: v for k, v in committed.items() if k not in URL_KEYS}


def test_stage_plugin_writes_the_urls_and_leaves_out_hidden_and_compiled_files(tmp_path):
    """On a copy of the repository (the work tree is never written): an editor's or the Finder's leftovers and byte
    code in the package stay out of what is installed and zipped."""
    subprocess.run(["make", "-s", "-C", ROOT, "translations"], check=True, stdout=subprocess.DEVNULL)
    repo = tmp_path / "repo"
    shutil.copytree(os.path.join(ROOT, "cryo_qgis_plugin"), str(repo / "cryo_qgis_plugin"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "scripts").mkdir()
    for name in ("metadata.txt", "LICENSE", os.path.join("scripts", "stage-plugin")):
        shutil.copy2(os.path.join(ROOT, name), str(repo / name))
    for stray in (".DS_Store", "core/.notes.swp", "core/stray.pyc", ".git/config"):
        (repo / "cryo_qgis_plugin" / stray).parent.mkdir(parents=True, exist_ok=True)
        (repo / "cryo_qgis_plugin" / stray).write_bytes(b"x")
    env = dict(os.environ, CRYO_HOMEPAGE="https://example.org/home", CRYO_TRACKER="https://example.org/issues",
               CRYO_REPOSITORY="https://example.org/git")
    stage = str(repo / "scripts" / "stage-plugin")
    subprocess.run([stage, str(tmp_path / "out")], check=True, env=env)
    staged = tmp_path / "out" / "cryo_qgis_plugin"
    general = _metadata((staged / "metadata.txt").read_text(encoding="utf-8"))
    assert (general["homepage"], general["tracker"], general["repository"]) == (
        "https://example.org/home", "https://example.org/issues", "https://example.org/git")
    left = [str(p) for p in staged.rglob("*") if p.name.startswith(".") or p.suffix in (".pyc", ".ts")]
    assert not left, left
    bad = subprocess.run([stage, str(tmp_path / "bad")], env=dict(env, CRYO_TRACKER="bugs"), capture_output=True,
                         text=True)
    assert bad.returncode != 0 and "CRYO_TRACKER must be an http(s) URL" in bad.stderr
