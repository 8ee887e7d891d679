"""The outputs of the snow cover computation as it streams: rows of output tiles gathered before they are written,
the states kept between the two passes of the snow line, the log of the steps and the daily area table."""
from __future__ import annotations

import csv
import os
from typing import List, Optional, Tuple

import numpy as np

from ..codes import SNOW_COVER
from ..io.geotiff import GeoTiffWriter
from ..io.outputs import atomic_path, remove_quietly, temporary_name
from ..run import Run

AREA_KEYS = tuple(c.key for c in SNOW_COVER)
STEP_TITLES = {"terra_aqua": "1 Terra/Aqua", "temporal": "2 temporal", "spatial": "3 spatial",
               "snow_line": "4 snow line", "seasonal": "5 seasonal", "nearest": "6 nearest clear day"}


class TileRows:
    """The rows of some bands of an output gathered until a whole row of tiles is complete, then written."""

    def __init__(self, writer: GeoTiffWriter, bands: List[int], tile: int, height: int, width: int, dtype):
        self.writer, self.bands, self.tile, self.height = writer, bands, tile, height
        self.rows = np.empty((len(bands), tile, width), dtype)
        self.first = 0  # the grid row of self.rows[:, 0]

    def add(self, r0: int, values: np.ndarray) -> None:
        """Rows ``r0 : r0 + len`` of every band (``values``: bands x rows x width), in row order."""
        done = 0
        while done < values.shape[1]:
            row = r0 + done
            stop = min(self.first + self.tile, self.height)
            take = min(values.shape[1] - done, stop - row)
            self.rows[:, row - self.first:row - self.first + take] = values[:, done:done + take]
            done += take
            if row + take == stop:
                for i, band in enumerate(self.bands):
                    self.writer.write_band(band, self.first, self.rows[i, :stop - self.first])
                self.writer.flush()
                self.first = stop


class Spill:
    """The states after step 3 of a window's blocks, from the first pass to the second: the only block in memory,
    several blocks in a temporary raw file beside the output (hidden, removed at the end, or by the next run after a
    crash), read back in the order they were put."""

    def __init__(self, output_path: str, blocks_count: int):
        self.path = None if blocks_count == 1 else os.path.splitext(temporary_name(output_path))[0] + ".states"
        self._kept: Optional[np.ndarray] = None
        self._file = open(self.path, "w+b") if self.path else None
        self._written = False

    def put(self, states: np.ndarray) -> None:
        if self._file is None:
            self._kept = np.ascontiguousarray(states)
            return
        for day in states:
            self._file.write(np.ascontiguousarray(day).data)

    def get(self, shape: Tuple[int, int, int]) -> np.ndarray:
        if self._file is None:
            states, self._kept = self._kept, None
            return states
        if not self._written:
            self._file.flush()
            self._file.seek(0)
            self._written = True
        states = np.fromfile(self._file, np.uint8, count=int(np.prod(shape)))
        return states.reshape(shape)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            remove_quietly(self.path)

    def __enter__(self) -> "Spill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def log_steps(result, run: Run) -> None:
    """The cloud before and after and the pixel-days each step changed, in the log."""
    cloud = max(result.cloud_before, 1)
    run.info("Cloud in INPUT: {:,} of {:,} land pixel-days ({:.2%})".format(
        result.cloud_before, result.land_before, result.cloud_fraction_before))
    for step, title in STEP_TITLES.items():
        run.info("Step {}: {:,} pixel-days changed ({:.1%} of INPUT's cloud)".format(
            title, result.changed[step], result.changed[step] / cloud))
    run.info("Cloud left: {:,} of {:,} land pixel-days ({:.2%})".format(
        result.cloud_after, result.land_after, result.cloud_fraction_after))
    lines = np.isfinite(result.snow_line_m) | np.isfinite(result.land_line_m)
    if lines.any():
        run.info("Snow line on {} of {} dates (median {:.0f} m), land line median {:.0f} m".format(
            int(lines.sum()), len(result.dates), np.nanmedian(result.snow_line_m) if np.isfinite(
                result.snow_line_m).any() else np.nan, np.nanmedian(result.land_line_m) if np.isfinite(
                result.land_line_m).any() else np.nan))


def write_snow_table(path: str, result) -> None:
    """CSV: date, the area of each class (km²), cloud_input_km2, snow_fraction = snow / (snow + no snow),
    cloud_fraction = cloud / (snow + no snow + cloud), land_line_m and snow_line_m (empty without a line)."""
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(("date",) + tuple("{}_km2".format(k) for k in AREA_KEYS) + (
            "cloud_input_km2", "snow_fraction", "cloud_fraction", "land_line_m", "snow_line_m"))
        keys = list(AREA_KEYS)
        for i, day in enumerate(result.dates):
            row = result.areas_km2[i]
            no_snow, snow, cloud = row[keys.index("no_snow")], row[keys.index("snow")], row[keys.index("cloud")]
            out.writerow([day.isoformat()] + ["{:.3f}".format(v) for v in row] + [
                "{:.3f}".format(result.cloud_input_km2[i]), _ratio(snow, snow + no_snow),
                _ratio(cloud, snow + no_snow + cloud), _metres(result.land_line_m[i]), _metres(result.snow_line_m[i])])


def _ratio(part: float, whole: float) -> str:
    return "{:.6f}".format(part / whole) if whole > 0 else ""


def _metres(value: float) -> str:
    return "" if np.isnan(value) else "{:.1f}".format(value)
