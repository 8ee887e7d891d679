"""Lake-ice tables as lake products ship them (issue #22): a folder of per-lake CSVs, Excel workbooks (one lake or
long form, Excel dates), a folder of workbooks, TPDC-style ice/water/cloud tables, and the errors that name the
file and row. Each gives the phenology of the equivalent long CSV."""
import csv
import datetime as dt
import os
import shutil
import sys

import pytest

from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.lakeice import tables
from test_lakeice_core import day, season_series
from test_processing_freezethaw import run
from test_processing_lakeice import read_csv, season_table

openpyxl = pytest.importorskip("openpyxl")
LAKES = ("A", "B")
MISSING_DAY = dt.date(2005, 9, 1)  # no row in season_table: an empty cell here


def lake_rows(k):
    """``(date, value)`` of lake ``k`` of season_table; the value None on the day season_table leaves out."""
    values = season_series(up=100 + 10 * k, down=250)
    return [(day(d), None if day(d) == MISSING_DAY else float(values[d])) for d in range(365)]


def write_csv(path, header, rows):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def lake_csv_folder(folder, name="{}.csv"):
    os.makedirs(folder, exist_ok=True)
    for k, lake in enumerate(LAKES):
        write_csv(os.path.join(folder, name.format(lake)), ("date", "value"),
                  [(d.isoformat(), "" if v is None else v) for d, v in lake_rows(k)])
    return str(folder)


def write_xlsx(path, header, rows, sheet="ice"):
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(list(header))
    for row in rows:
        book.active.append(list(row))
    book.save(str(path))
    return str(path)


def polygons(path, lake="A"):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = vector.CreateLayer("lakes", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("lake", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON((90 30,91 30,91 31,90 31,90 30))"))
    feature.SetField("lake", lake)
    layer.CreateFeature(feature)
    vector = None
    return str(path)


def phenology(tmp_path, name, **parameters):
    out = str(tmp_path / "{}.csv".format(name))
    result = run("cryo:lakeicephenology", dict({"OUTPUT": out}, **parameters))
    return result, read_csv(out)


@pytest.fixture
def expected(qgis_app, tmp_path):
    result, rows = phenology(tmp_path, "long", INPUT=season_table(tmp_path / "series.csv"))
    assert result["N_LAKES"] == 2 and [r["lake"] for r in rows] == ["A", "B"]
    assert rows[0]["fus"] == "2005-11-10" and rows[0]["valid_days"] == "364"
    return rows


def test_folder_of_per_lake_csvs_equals_the_long_table(expected, tmp_path):
    folder = lake_csv_folder(tmp_path / "lakes")
    assert tables.is_table_folder(folder)
    assert phenology(tmp_path, "folder", INPUT=folder)[1] == expected
    assert phenology(tmp_path, "picked", INPUT_FOLDER=folder)[1] == expected  # the dialog's folder picker


def test_lake_name_pattern(expected, tmp_path):
    folder = lake_csv_folder(tmp_path / "lakes", name="{}_ice_2005.csv")
    assert phenology(tmp_path, "pattern", INPUT=folder, LAKE_NAME_PATTERN=r"^(.+?)_ice")[1] == expected
    assert [r["lake"] for r in phenology(tmp_path, "stems", INPUT=folder)[1]] == ["A_ice_2005", "B_ice_2005"]


def test_xlsx_long_and_single_lake_with_excel_dates(expected, tmp_path):
    long = write_xlsx(tmp_path / "series.xlsx", ("lake", "date", "value"),
                      [(lake, d, v) for k, lake in enumerate(LAKES) for d, v in lake_rows(k)])
    assert phenology(tmp_path, "long_xlsx", INPUT=long)[1] == expected
    book = openpyxl.load_workbook(long)
    assert book.active["B2"].is_date  # written as Excel dates, not text
    single = write_xlsx(tmp_path / "A.xlsx", ("Date", "Value"), [(d, v) for d, v in lake_rows(0)], sheet="Sheet1")
    assert phenology(tmp_path, "single", INPUT=single)[1] == expected[:1]  # names matched ignoring case


def test_folder_of_xlsx_with_a_named_sheet(expected, tmp_path):
    folder = tmp_path / "books"
    folder.mkdir()
    for k, lake in enumerate(LAKES):
        book = openpyxl.Workbook()
        book.active.title = "notes"
        book.active.append(["made by hand"])
        sheet = book.create_sheet("ice")
        sheet.append(["date", "value"])
        for d, v in lake_rows(k):
            sheet.append([d.isoformat() if k else d, v])  # lake B with ISO text dates
        book.save(str(folder / "{}.xlsx".format(lake)))
    assert phenology(tmp_path, "books", INPUT=str(folder), SHEET="ice")[1] == expected
    with pytest.raises(Exception, match=r"A.xlsx has no sheet 'snow' \(its sheets: notes, ice\)"):
        phenology(tmp_path, "o", INPUT=str(folder), SHEET="snow")


def test_tpdc_areas_give_percent_ice(expected, tmp_path):
    """ice / water / cloud in km² of a 50 km² lake: percent ice = 100 · ice / (ice + water); a day under cloud
    (cloud > ice + water) is missing, a partly cloudy day keeps its ratio."""
    rows = []
    for d, v in lake_rows(0):
        if v is None:
            rows.append((d, 1.0, 0.0, 49.0))  # mostly cloud: missing, as the long table's missing day
        else:
            clear = 40.0 if d.day == 15 else 50.0  # 10 km² of cloud on the 15th: same percentage
            rows.append((d, clear * (1 - v / 100), clear * v / 100, 50.0 - clear))
    path = write_xlsx(tmp_path / "A.xlsx", ("date", "water", "ice", "cloud"), rows)
    with pytest.raises(Exception, match=r"(?s)A.xlsx has no column 'value'.*set VALUE_FIELD to ice and WATER_FIELD "
                                        r"to water"):
        phenology(tmp_path, "o", INPUT=path)
    result = phenology(tmp_path, "tpdc", INPUT=path, VALUE_FIELD="ice", WATER_FIELD="water", CLOUD_FIELD="cloud")[1]
    assert result == expected[:1]
    with pytest.raises(Exception, match="set VALUE_TYPE to ice_percent"):
        phenology(tmp_path, "o", INPUT=path, VALUE_FIELD="ice", WATER_FIELD="water", VALUE_TYPE="ice_fraction")


def test_single_csv_through_qgis(expected, tmp_path):
    """A lone per-lake CSV takes the table path of QGIS as before, its lake named after the file; WATER_FIELD and
    CLOUD_FIELD work there too."""
    folder = lake_csv_folder(tmp_path / "lakes")
    assert phenology(tmp_path, "single", INPUT=os.path.join(folder, "A.csv"))[1] == expected[:1]
    areas = write_csv(tmp_path / "A_areas.csv", ("date", "water", "ice", "cloud"),
                      [(d.isoformat(), "", "", 50) if v is None else (d.isoformat(), 100 - v, v, 0)
                       for d, v in lake_rows(0)])
    with pytest.raises(Exception, match="set VALUE_FIELD to ice and WATER_FIELD to water"):
        phenology(tmp_path, "o", INPUT=areas)
    rows = phenology(tmp_path, "areas", INPUT=areas, VALUE_FIELD="ice", WATER_FIELD="water", CLOUD_FIELD="cloud",
                     LAKE_NAME_PATTERN="^(.)_")[1]
    assert rows == expected[:1]


def test_bad_tables_are_named_with_file_and_row(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    folder = lake_csv_folder(tmp_path / "lakes")
    write_csv(os.path.join(folder, "notes.csv"), ("day", "value"), [("2005-08-01", 1)])
    with pytest.raises(QgsProcessingException, match=r"notes.csv has no column 'date' \(its columns: day, value\)"):
        phenology(tmp_path, "o", INPUT=folder)
    os.remove(os.path.join(folder, "notes.csv"))
    write_csv(os.path.join(folder, "C.csv"), ("date", "value"), [("2005-08-01", 1), ("01/08/2005", 2)])
    with pytest.raises(QgsProcessingException, match=r"C.csv, row 3: cannot read the date '01/08/2005' in column date"):
        phenology(tmp_path, "o", INPUT=folder)
    write_csv(os.path.join(folder, "C.csv"), ("date", "value"), [("2005-08-01", 1), ("2005-08-02", "ice")])
    with pytest.raises(QgsProcessingException, match=r"C.csv, row 3: the value 'ice' in column value is not a number"):
        phenology(tmp_path, "o", INPUT=folder)
    write_csv(os.path.join(folder, "C.csv"), ("date", "value"), [("2005-08-01", 1), ("2005-08-02", 250)])
    with pytest.raises(QgsProcessingException, match=r"C.csv, row 3 \(lake C, 2005-08-02\): the value 250.0 is "):
        phenology(tmp_path, "o", INPUT=folder)
    os.remove(os.path.join(folder, "C.csv"))
    write_xlsx(os.path.join(folder, "C.xlsx"), ("date", "value"), [(dt.date(2005, 8, 1), 1), ("1.8.2005", 2)])
    with pytest.raises(QgsProcessingException, match=r"C.xlsx, row 3: cannot read the date '1.8.2005'"):
        phenology(tmp_path, "o", INPUT=folder)
    os.remove(os.path.join(folder, "C.xlsx"))
    shutil.copy(os.path.join(folder, "A.csv"), os.path.join(folder, "A_copy.csv"))
    with pytest.raises(QgsProcessingException, match=r"A.csv, row 2 and A_copy.csv, row 2 both give lake A on "
                                                     r"2005-08-01; .*check LAKE_NAME_PATTERN"):
        phenology(tmp_path, "o", INPUT=folder, LAKE_NAME_PATTERN="^([^_]+)")
    os.remove(os.path.join(folder, "A_copy.csv"))
    with pytest.raises(QgsProcessingException, match=r"is one of the inputs \(INPUT\)"):
        phenology(tmp_path, "o", INPUT=folder, OUTPUT=os.path.join(folder, "A.csv"))
    with pytest.raises(QgsProcessingException, match=r"None of the table's lakes \(A, B\) is a lake of the LAKES "
                                                     r"polygons \(Z\)"):
        phenology(tmp_path, "o", INPUT=folder, LAKES=polygons(tmp_path / "lakes.gpkg", "Z"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(QgsProcessingException, match="empty"):
        phenology(tmp_path, "o", INPUT=str(empty))
    with pytest.raises(QgsProcessingException, match="empty"):
        phenology(tmp_path, "o", INPUT_FOLDER=str(empty))
    with open(empty / "readme.txt", "w") as fh:
        fh.write("no tables here")
    with pytest.raises(QgsProcessingException, match="not a table"):  # neither tables nor a stack
        phenology(tmp_path, "o", INPUT=str(empty))


def test_without_openpyxl(expected, tmp_path, monkeypatch):
    """A folder of workbooks needs openpyxl; a single long-form workbook is read through GDAL as before."""
    from qgis.core import QgsProcessingException

    long = write_xlsx(tmp_path / "series.xlsx", ("lake", "date", "value"),
                      [(lake, d, v) for k, lake in enumerate(LAKES) for d, v in lake_rows(k)])
    single = write_xlsx(tmp_path / "A.xlsx", ("date", "value"), [(d, v) for d, v in lake_rows(0)])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl raises ImportError
    folder = tmp_path / "books"
    folder.mkdir()
    os.rename(single, folder / "A.xlsx")
    with pytest.raises(QgsProcessingException, match="install python3-openpyxl.*pip install openpyxl"):
        phenology(tmp_path, "o", INPUT=str(folder))
    with pytest.raises(CryoInputError, match="install python3-openpyxl"):
        tables.read_tables([str(folder / "A.xlsx")], tables.TableColumns(), "ice_percent")
    assert phenology(tmp_path, "gdal", INPUT=long)[1] == expected


# ------------------------------------------------------------------------------------------ core, no QGIS

def test_core_rules_for_cells_and_names(tmp_path):
    path = write_csv(tmp_path / "Nam_Co_ice.csv", ("Date", "Ice"),
                     [("2005-08-01", "NULL"), ("2005-08-02T00:00:00", " 5 "), (), ("2005-08-03", "")])
    columns = tables.TableColumns(value="ice", lake_pattern=r"^(.+)_ice$")
    series = tables.read_tables([path], columns, "ice_percent")
    assert series.lakes == ["Nam_Co"] and series.first == dt.date(2005, 8, 1)
    assert [v if v == v else None for v in series.values[0]] == [None, 5.0, None]
    semicolons = tmp_path / "semi.csv"
    semicolons.write_text("lake;date;value\nX;2005-08-01;1\nY;2005-08-01;2\n")
    assert tables.read_tables([str(semicolons)], tables.TableColumns(), "ice_percent").lakes == ["X", "Y"]
    with pytest.raises(CryoInputError, match="does not give a lake name with LAKE_NAME_PATTERN"):
        tables.lake_name(path, "^lake_(.+)$")
    with pytest.raises(CryoInputError, match="is not a regular expression"):
        tables.lake_name(path, "(")
    with pytest.raises(CryoInputError, match=r"Nam_Co_ice.csv, row 2: the value inf in column ice is not a finite"):
        write_csv(path, ("date", "ice"), [("2005-08-01", "inf")])
        tables.read_tables([path], columns, "ice_percent")
    assert tables.ice_percent(1.0, 3.0, float("nan"), "") == 25.0
    assert tables.ice_percent(1.0, 3.0, 4.0, "") == 25.0  # cloud as large as the lake seen: kept
    assert tables.ice_percent(1.0, 3.0, 4.5, "") != tables.ice_percent(1.0, 3.0, 4.5, "")  # NaN: cloud dominates
    assert tables.ice_percent(0.0, 0.0, float("nan"), "") != 0.0  # nothing seen: NaN
    with pytest.raises(CryoInputError, match="row 5: the water value -1.0 is negative"):
        tables.ice_percent(1.0, -1.0, 0.0, "A.xlsx, row 5")
    empty = tmp_path / "no_tables"
    empty.mkdir()
    assert not tables.is_table_folder(str(empty))
    with pytest.raises(CryoInputError, match="holds no .csv or .xlsx tables"):
        tables.read_table_folder(str(empty), tables.TableColumns(), "ice_percent")
    (empty / "AMSR_20070125_FT_25.h5").write_bytes(b"")
    (empty / "stations.csv").write_text("date,value\n")
    assert not tables.is_table_folder(str(empty))  # daily grids beside a table: a stack
