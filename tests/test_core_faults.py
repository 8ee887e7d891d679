"""Faults the core must name instead of crashing or computing on: damaged blocks in HDF5 and GeoTIFF stacks,
stacks with no date or with dates out of order, outputs GeoTIFF cannot hold, blocks no machine can hold, and
outputs that must appear together or not at all (no QGIS here)."""
import datetime as dt
import os

import h5py
import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io import Georeference, open_stack
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.outputs import atomic_path, output_set, write_text_atomic
from cryo_qgis_plugin.core.run import blocks, memory_ceiling

GRID = Grid.from_extent(0.0, 35.0, 5.12, 40.12, 512, 512, "EPSG:4326")
DATES = [dt.date(2007, 1, 1) + dt.timedelta(days=d) for d in range(3)]


def smashed(path, offset, size=64):
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(b"\xff" * size)


def test_damaged_geotiff_tile_is_named_by_date(tmp_path):
    path = str(tmp_path / "stack.tif")
    rng = np.random.default_rng(1)
    with GeoTiffWriter(path, GRID, [d.isoformat() for d in DATES], np.float32) as writer:
        writer.write(0, rng.normal(0, 1, (3, 512, 512)))
    ds = gdal.Open(path)
    offset = int(ds.GetRasterBand(2).GetMetadataItem("BLOCK_OFFSET_0_1", "TIFF"))
    ds = None
    smashed(path, offset + 10)
    with open_stack(path) as stack:
        assert stack.read(slice(0, 256), [0, 2]).shape == (2, 256, 512)  # the other tiles still read
        with pytest.raises(CryoInputError, match=r"grid of 2007-01-02 \(date 2 of 3, rows 256-511\) cannot be read"):
            stack.read(slice(256, 512))


def test_damaged_hdf5_chunk_is_named_by_date(tmp_path):
    path = str(tmp_path / "ft.h5")
    with h5py.File(path, "w") as h5:
        h5.create_dataset("ft", data=np.random.default_rng(2).integers(0, 4, (3, 64, 64), dtype=np.uint8),
                          chunks=(1, 64, 64), compression="gzip")
    with h5py.File(path, "r") as h5:
        chunk = h5["ft"].id.get_chunk_info(2)
    smashed(path, chunk.byte_offset, min(64, chunk.size))
    with open_stack(path, start_date=DATES[0], georef=Georeference((0.0, 0.0, 64.0, 64.0), "EPSG:32633")) as stack:
        with pytest.raises(CryoInputError, match=r"ft.h5: the grid of 2007-01-03 \(date 3 of 3"):
            stack.read(slice(None))


def test_stack_of_no_date_is_refused(tmp_path):
    path = str(tmp_path / "empty.h5")
    with h5py.File(path, "w") as h5:
        h5.create_dataset("ft", shape=(0, 720, 1440), dtype=np.uint8)
    with pytest.raises(CryoInputError, match="holds no grid"):
        open_stack(path, start_date=DATES[0])


def test_bands_in_reverse_date_order_are_read_in_date_order(tmp_path):
    path = str(tmp_path / "reversed.tif")
    grid = Grid.from_extent(0.0, 0.0, 4.0, 3.0, 4, 3, "EPSG:4326")
    reverse = list(reversed(DATES))
    with GeoTiffWriter(path, grid, [d.isoformat() for d in reverse], np.int16) as writer:
        writer.write(0, np.stack([np.full((3, 4), d.day, np.int16) for d in reverse]))
    with open_stack(path) as stack:
        assert stack.dates == DATES
        assert stack.read(slice(None))[:, 0, 0].tolist() == [1, 2, 3]
        assert stack.read(slice(0, 1), [2, 0])[:, 0, 0].tolist() == [3, 1]
        assert "not stored in date order (the first is 2007-01-03)" in stack.describe()


def test_more_bands_than_geotiff_holds_are_refused_before_writing(tmp_path):
    path = str(tmp_path / "long.tif")
    with pytest.raises(CryoInputError, match="at most 65,535 bands and this output needs 200,000"):
        GeoTiffWriter(path, GRID, ["b{}".format(i) for i in range(200000)], np.uint8)
    assert not os.listdir(tmp_path)


def test_a_block_beyond_the_machine_is_refused_before_allocating():
    with pytest.raises(CryoInputError, match="GiB of memory"):
        blocks(10, int(memory_ceiling() * 1.5), 2 ** 28)
    assert blocks(10, 2 ** 20, 2 ** 22) == [(0, 4), (4, 8), (8, 10)]


def test_outputs_of_a_run_appear_together_or_not_at_all(tmp_path):
    table, model = str(tmp_path / "table.csv"), str(tmp_path / "model.json")
    with open(model, "w") as fh:
        fh.write("the older model")
    with pytest.raises(OSError):
        with output_set():
            write_text_atomic(table, "a,b\n")
            assert not os.path.exists(table)  # not before the whole run is complete
            with atomic_path(model) as tmp:
                with open(tmp, "w") as fh:
                    fh.write("half a mod")
                raise OSError(28, "No space left on device")
    assert os.listdir(tmp_path) == ["model.json"] and open(model).read() == "the older model"
    with output_set():
        write_text_atomic(table, "a,b\n")
        write_text_atomic(model, "{}")
    assert sorted(os.listdir(tmp_path)) == ["model.json", "table.csv"] and open(model).read() == "{}"


def test_folder_stack_reads_dates_in_any_order_and_names_its_files(tmp_path):
    folder = tmp_path / "daily"
    folder.mkdir()
    for day in DATES:
        with h5py.File(str(folder / "FT_{:%Y%m%d}.h5".format(day)), "w") as h5:
            h5.create_dataset("ft", data=np.full((6, 8), day.day, np.uint8))
    georef = Georeference((0.0, 30.0, 8.0, 36.0), "EPSG:4326")
    with open_stack(str(folder), georef=georef) as stack:
        assert stack.read(slice(2, 4), [2, 0])[:, 0, 0].tolist() == [3, 1]
        assert stack.file_of(2).endswith("FT_20070103.h5")
