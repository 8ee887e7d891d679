#!/usr/bin/env python3
"""What the plugin adds to QGIS's start-up (issue 19): ``qgis_process list`` with the plugin deployed and enabled
against the same command with no plugin, best of N runs each (target: under 0.3 s added). Also the plugin's own
load inside one Python (``classFactory`` + provider with its algorithms), and which heavy packages that load
imports (none: h5py, scipy, pyqtgraph and openpyxl are imported only by what uses them).

Usage: ``python3 scripts/bench_startup.py [RUNS]`` (also part of ``make bench``).
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QGIS_PROCESS = os.path.join(ROOT, "scripts", "qgis-process")
TARGET_SECONDS = 0.3
HEAVY = ("h5py", "scipy", "pyqtgraph", "openpyxl")
LOAD = """
import sys, time
sys.path.insert(0, {root!r})
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
t0 = time.perf_counter()
import cryo_qgis_plugin
plugin = cryo_qgis_plugin.classFactory(None)
plugin.initProcessing()
plugin.provider.refreshAlgorithms()
seconds = time.perf_counter() - t0
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
print(seconds, len(plugin.provider.algorithms()), ",".join(heavy))
"""


def best_of(runs: int, env: dict) -> float:
    """The fastest of ``runs`` wall-clock runs of ``qgis_process list`` (after one warm-up run)."""
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        done = subprocess.run([QGIS_PROCESS, "list"], env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise RuntimeError("qgis_process list failed: " + done.stderr[-2000:])
    return min(times[1:])


def listed(env: dict) -> int:
    done = subprocess.run([QGIS_PROCESS, "list"], env=env, capture_output=True, text=True, check=True)
    return sum(1 for line in done.stdout.splitlines() if line.strip().startswith("cryo:"))


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory(prefix="cryo-startup-") as folder:
        deployed, empty = os.path.join(folder, "deployed"), os.path.join(folder, "empty")
        os.makedirs(empty)
        subprocess.run(["make", "-s", "-C", ROOT, "deploy", "QGIS_PLUGINPATH=" + deployed], check=True,
                       stdout=subprocess.DEVNULL)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        with_plugin, without = dict(env, QGIS_PLUGINPATH=deployed), dict(env, QGIS_PLUGINPATH=empty)
        assert listed(with_plugin) > 0 and listed(without) == 0
        bare = best_of(runs, without)
        loaded = best_of(runs, with_plugin)
    out = subprocess.run([sys.executable, "-c", LOAD.format(root=ROOT, heavy=HEAVY)], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    seconds, algorithms, heavy = float(out[0]), int(out[1]), out[2] if len(out) > 2 else ""
    added = loaded - bare
    print("\nStart-up: `qgis_process list`, best of {} runs each".format(runs))
    print("  {:<34} {:>8} {:>8} {:>8}".format("", "without", "with", "added"))
    print("  {:<34} {:7.2f}s {:7.2f}s {:7.2f}s  (target < {:.1f} s: {})".format(
        "plugin deployed and enabled", bare, loaded, added, TARGET_SECONDS,
        "met" if added < TARGET_SECONDS else "NOT met"))
    print("  the plugin's own load (classFactory + provider, {} algorithms) in one Python: {:.3f} s; heavy packages "
          "imported by it: {}".format(algorithms, seconds, heavy or "none"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
