"""cryo:lakeiceseries: a stack and lake polygons -> the daily lake means, checked by hand, and chained into
cryo:lakeicephenology with the same events as the phenology algorithm's own stack input."""
import datetime as dt

import pytest

from test_lakeice_core import day, season_series
from test_processing_freezethaw import run
from test_processing_lakeice import read_csv, stack_and_lakes


def test_daily_lake_means_by_hand(qgis_app, tmp_path):
    stack, lakes = stack_and_lakes(tmp_path)
    out = str(tmp_path / "series.csv")
    result = run("cryo:lakeiceseries", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": out})
    assert result["N_LAKES"] == 2 and result["N_DAYS"] == 365
    rows = read_csv(out)
    assert [r["lake"] for r in rows] == ["A"] * 365 + ["B"] * 365
    values = season_series()
    cloudy = (dt.date(2005, 12, 1) - day(0)).days
    for d in (0, 100, 104, 200, 251, 364):
        a, b = rows[d], rows[365 + d]
        assert a["date"] == b["date"] == day(d).isoformat()
        assert float(a["value"]) == pytest.approx(values[d])  # the 2 x 2 cells of A all hold the season's value
        assert float(b["value"]) == pytest.approx(values[d] * 4 / 6)  # B: 4 of its 6 cells freeze, 2 stay open
    # 3 of A's 4 cells are cloudy on 2005-12-01: under half of the lake has a value, so the day is empty
    assert rows[cloudy]["value"] == "" and float(rows[365 + cloudy]["value"]) == pytest.approx(values[cloudy] * 4 / 6)


def test_series_then_phenology_equals_the_phenology_of_the_stack(qgis_app, tmp_path):
    stack, lakes = stack_and_lakes(tmp_path)
    series = str(tmp_path / "series.csv")
    run("cryo:lakeiceseries", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": series})
    chained, direct = str(tmp_path / "chained.csv"), str(tmp_path / "direct.csv")
    run("cryo:lakeicephenology", {"INPUT": series, "LAKE_FIELD": "lake", "DATE_FIELD": "date", "VALUE_FIELD": "value",
                                  "OUTPUT": chained})
    run("cryo:lakeicephenology", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": direct})
    assert read_csv(chained) == read_csv(direct)
    assert read_csv(chained)[0]["fus"] == "2005-11-10"


def test_series_table_with_lakes_maps_the_dates_onto_the_polygons(qgis_app, tmp_path):
    """The chain of the lake-ice workflow: cryo:lakeiceseries's table (column lake) with the polygons (field name)
    gives the same lakes output as the phenology of the stack."""
    from qgis.core import QgsVectorLayer

    stack, lakes = stack_and_lakes(tmp_path)
    series = str(tmp_path / "series.gpkg")
    run("cryo:lakeiceseries", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": series})
    outputs = {}
    for name, source in (("chained", series), ("direct", stack)):
        outputs[name] = str(tmp_path / (name + "_lakes.gpkg"))
        result = run("cryo:lakeicephenology", {"INPUT": source, "LAKES": lakes, "LAKE_FIELD": "name",
                                               "OUTPUT": str(tmp_path / (name + ".csv")),
                                               "OUTPUT_LAKES": outputs[name]})
        assert result["N_LAKES"] == 2
    rows = {name: [f.attributes()[1:] for f in QgsVectorLayer(path).getFeatures()] for name, path in outputs.items()}
    assert rows["chained"] == rows["direct"] and len(rows["chained"]) == 2
    fields = QgsVectorLayer(outputs["chained"]).fields().names()
    assert rows["chained"][0][fields.index("fus_2005") - 1] == "2005-11-10"


def test_lakes_on_one_side_only_are_reported(qgis_app, tmp_path):
    """A series table of lakes A and B with polygons A, B and C: C is reported and keeps empty dates."""
    from osgeo import ogr
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    stack, lakes = stack_and_lakes(tmp_path)
    series = str(tmp_path / "series.csv")
    run("cryo:lakeiceseries", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": series})
    vector = ogr.Open(lakes, 1)
    layer = vector.GetLayer(0)
    extra = ogr.Feature(layer.GetLayerDefn())
    extra.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"))
    extra.SetField("name", "C")
    layer.CreateFeature(extra)
    vector = None
    errors = []

    class Feedback(QgsProcessingFeedback):
        def reportError(self, error, fatal=False):  # noqa: N802 (Qt API)
            errors.append(error)

    out = str(tmp_path / "lakes_out.gpkg")
    run("cryo:lakeicephenology", {"INPUT": series, "LAKES": lakes, "LAKE_FIELD": "name",
                                  "OUTPUT": str(tmp_path / "events.csv"), "OUTPUT_LAKES": out}, Feedback())
    assert "Polygons without a series in the table: C" in errors
    by_name = {f["name"]: f for f in QgsVectorLayer(out).getFeatures()}
    assert by_name["A"]["fus_2005"] == "2005-11-10" and not by_name["C"]["fus_2005"]  # NULL


def test_missing_lake_field_is_named(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    stack, lakes = stack_and_lakes(tmp_path)
    with pytest.raises(QgsProcessingException, match="has no field 'lake_id'"):
        run("cryo:lakeiceseries", {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "lake_id",
                                   "OUTPUT": str(tmp_path / "o.csv")})
    assert not (tmp_path / "o.csv").exists()


def test_an_output_on_an_input_is_refused_and_the_input_kept(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    stack, lakes = stack_and_lakes(tmp_path)
    before = {path: open(path, "rb").read() for path in (stack, lakes)}
    for algorithm in ("cryo:lakeiceseries", "cryo:lakeicephenology"):
        for target in (stack, lakes):
            with pytest.raises(QgsProcessingException, match="is one of the inputs"):
                run(algorithm, {"INPUT": stack, "LAKES": lakes, "LAKE_FIELD": "name", "OUTPUT": target})
    assert {path: open(path, "rb").read() for path in (stack, lakes)} == before
