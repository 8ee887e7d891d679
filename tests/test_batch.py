"""Batch mode: one row per year or region, run the way QGIS's batch dialog runs rows (BatchAlgorithmDialog in
QGIS 3.22: the same algorithm object, ``preprocessParameters``, a new context per row, ``run``), each row
returning its own numeric results; and the numbers reach the log, where a model's caller finds them."""
import os

from osgeo import ogr
from qgis.core import QgsProcessingFeedback

from samples import sampledata
from test_processing_freezethaw import SMALL_EXTENT, small_season_folder


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the info lines (the batch dialog shows them in its log)."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.lines.append(info)
        super().pushInfo(info)


def run_batch(algorithm_id, rows):
    """Rows of string values, as the batch table holds them; returns (results, log lines) per row."""
    from processing.tools import dataobjects
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    answers = []
    for row in rows:
        feedback = RecordingFeedback()
        parameters = algorithm.preprocessParameters(row)
        context = dataobjects.createContext(feedback)  # a new context per row, as the dialog does
        results, ok = algorithm.run(parameters, context, feedback)
        assert ok, (algorithm_id, row, feedback.lines)
        answers.append((results, feedback.lines))
    return answers


def test_decode_in_batch_one_row_per_season(qgis_app, tmp_path):
    from cryo_qgis_plugin.processing.base import results_in_log

    daily = small_season_folder(str(tmp_path / "daily"))
    rows = [{"INPUT": daily, "EXTENT": SMALL_EXTENT, "PERIOD_START": "{}-08-01".format(year),
             "PERIOD_END": "{}-07-31".format(year + 1), "OUTPUT": str(tmp_path / "decoded_{}.tif".format(year)),
             "OUTPUT_TABLE": str(tmp_path / "areas_{}.csv".format(year))} for year in (2005, 2007)]
    rows[1].update(INPUT="", INPUT_FOLDER=daily)  # the batch table's folder column, its file column left empty
    (first, log_first), (second, log_second) = run_batch("cryo:decodefreezethaw", rows)
    # 2005-08-01..2006-07-31 has 365 days, 2007-08-01..2008-07-31 366 (2008 is a leap year); the sample's one
    # unknown code sits on 2006-01-01, inside the first season only
    assert (first["N_DATES"], first["FIRST_DATE"], first["LAST_DATE"], first["UNKNOWN_PIXEL_DAYS"]) == \
        (365, "2005-08-01", "2006-07-31", 1)
    assert (second["N_DATES"], second["FIRST_DATE"], second["LAST_DATE"], second["UNKNOWN_PIXEL_DAYS"]) == \
        (366, "2007-08-01", "2008-07-31", 0)
    assert all(os.path.exists(row["OUTPUT"]) and os.path.exists(row["OUTPUT_TABLE"]) for row in rows)
    logged = results_in_log(log_second)["cryo:decodefreezethaw"]
    assert (logged["N_DATES"], logged["FIRST_DATE"], logged["UNKNOWN_PIXEL_DAYS"]) == ("366", "2007-08-01", "0")


def split_lakes(lakes, folder, regions):
    """One GeoPackage per region with the lakes named in it (the batch rows' inputs)."""
    paths = {}
    source = ogr.Open(lakes)
    for region, names in regions.items():
        paths[region] = os.path.join(folder, region + ".gpkg")
        target = ogr.GetDriverByName("GPKG").CreateDataSource(paths[region])
        layer = source.GetLayer(0)
        layer.SetAttributeFilter("name IN ({})".format(", ".join("'{}'".format(n) for n in names)))
        target.CopyLayer(layer, "lakes")
        target = None
    return paths


def test_lake_ice_in_batch_one_row_per_region(qgis_app, tmp_path):
    stack, lakes = sampledata.write_lake_ice_sample(str(tmp_path / "sample"))
    regions = {"west": ["Nam Co West", "Zhari Namco"], "east": ["Nam Co East", "Dagze Co", "Siling Co", "Pung Co"]}
    paths = split_lakes(lakes, str(tmp_path), regions)
    rows = [{"INPUT": stack, "LAKES": paths[region], "LAKE_FIELD": "name", "SHORE_BUFFER": "250",
             "OUTPUT": str(tmp_path / "phenology_{}.csv".format(region))} for region in regions]
    answers = run_batch("cryo:lakeicephenology", rows)
    # the sample has three winters (2015-2017) and one freeze event per lake and winter
    assert [(r["N_LAKES"], r["N_EVENTS"]) for r, _ in answers] == [(2, 6), (4, 12)]
    with open(rows[0]["OUTPUT"]) as fh:
        assert {line.split(",")[0].strip('"') for line in fh.readlines()[1:]} == set(regions["west"])
