"""`pip install .` installs the science core as a library with the `cryo` command line, usable without QGIS
(issue #18): built in a fresh virtual environment from a copy of the sources, run outside the checkout."""
import datetime as dt
import json
import os
import shutil
import subprocess
import sys

import numpy as np
from osgeo import gdal

from conftest import ROOT
from cryo_qgis_plugin.core.freezethaw.seasons import indicators
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.stack import open_stack


def test_pip_install_gives_the_core_and_the_cryo_command(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(os.path.join(ROOT, name), str(source / name))
    shutil.copytree(os.path.join(ROOT, "cryo_qgis_plugin"), str(source / "cryo_qgis_plugin"),
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index",
           "-q", str(source)]
    done = subprocess.run(pip, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # a 2-season code stack, and the command line on it from outside the checkout, with QGIS never imported
    grid = Grid.from_extent(0.0, 0.0, 5.0, 3.0, 20, 12, "EPSG:4326")
    days = [dt.date(2010, 8, 1) + dt.timedelta(days=d) for d in range(731)]
    codes = np.random.default_rng(1).choice([1, 2, 3], size=(731,) + grid.shape).astype(np.uint8)
    stack = str(tmp_path / "codes.tif")
    with GeoTiffWriter(stack, grid, [d.isoformat() for d in days], np.uint8,
                       band_dates=[d.isoformat() for d in days]) as out:
        out.write(0, codes)
    expected = str(tmp_path / "expected.tif")
    with open_stack(stack) as opened:
        indicators(opened, expected)
    output = str(tmp_path / "out.tif")
    probe = ("import runpy, sys; sys.argv = ['cryo', 'freezethawindicators', '--INPUT', {!r}, '--OUTPUT', {!r}]; "
             "import cryo_qgis_plugin.core.__main__ as m; code = m.main(sys.argv[1:]); "
             "assert not any(n.split('.')[0] in ('qgis', 'PyQt5') for n in sys.modules), 'QGIS imported'; "
             "sys.exit(code)").format(stack, output)
    run = subprocess.run([str(venv / "bin" / "python"), "-c", probe], cwd=str(tmp_path), capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip())["N_YEARS"] == 2
    assert np.array_equal(gdal.Open(expected).ReadAsArray(), gdal.Open(output).ReadAsArray())
    installed = subprocess.run([str(venv / "bin" / "python"), "-c", "import cryo_qgis_plugin.core as c; "
                                "print(c.__file__)"], cwd=str(tmp_path), capture_output=True, text=True)
    assert str(venv) in installed.stdout
    assert (venv / "bin" / "cryo").exists()
