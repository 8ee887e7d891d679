"""Every class table's colours and the plot's curve palette stay apart for readers with a colour-vision deficiency
and stand out from the white map and plot background.

Each colour is seen as with protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity
1.0, in linear sRGB) and with normal vision; the CIEDE2000 difference of every pair of classes of a table (and of
the curve colours) must be at least :data:`BETWEEN` and that of every colour against white at least
:data:`AGAINST_WHITE`. A just noticeable difference is about 1 ΔE00 for large patches side by side (Sharma et al.
2005); thin lines, small map cells and legend swatches need several times more to be told apart (Stone, Szafir &
Setlur 2014; Szafir 2018, IEEE TVCG 24(1)), hence 10 between the categories a reader must name and 8 against the
background a colour must stand out from (a near-white class on a white map vanishes at ΔE00 2-3)."""
import itertools

import pytest

from colour_vision import MACHADO, VISIONS, ciede2000, difference, hex_rgb, lab, linear, simulate
from cryo_qgis_plugin.core.codes import FREEZE_THAW, TABLES

BETWEEN = 10.0
AGAINST_WHITE = 8.0
WHITE = (255, 255, 255)


def palette():
    pytest.importorskip("pyqtgraph")
    from cryo_qgis_plugin.gui.plot_panel import PALETTE

    return [(colour, hex_rgb(colour)) for colour in PALETTE]


def too_close(colours):
    """The pairs of ``colours`` ((name, rgb)) and the colours against white that fail a threshold, per vision."""
    failures = []
    for vision in VISIONS:
        for (n1, c1), (n2, c2) in itertools.combinations(colours, 2):
            delta = difference(c1, c2, vision)
            if delta < BETWEEN:
                failures.append("{}: {} vs {} ΔE00 {:.1f}".format(vision, n1, n2, delta))
        for name, colour in colours:
            delta = difference(colour, WHITE, vision)
            if delta < AGAINST_WHITE:
                failures.append("{}: {} vs white ΔE00 {:.1f}".format(vision, name, delta))
    return failures


@pytest.mark.parametrize("name", sorted(TABLES))
def test_class_colours_are_told_apart_with_every_colour_vision(name):
    table = TABLES[name]
    assert too_close([(code.key, code.color) for code in table]) == []


def test_curve_palette_is_told_apart_with_every_colour_vision():
    colours = palette()
    assert len(colours) >= 6 and len({c for c, _ in colours}) == len(colours)
    assert too_close(colours) == []


def test_the_check_fails_on_the_colours_it_replaced():
    """The former colours: perennial snow/ice #f5f5f5 on white, Thawed vs Precipitation for protanopes."""
    assert difference((245, 245, 245), WHITE, "normal") < 3
    assert difference((227, 150, 62), (51, 160, 44), "protanopia") < 5 < difference((227, 150, 62), (51, 160, 44),
                                                                                    "normal")
    thawed = FREEZE_THAW.by_value()[2].color
    assert too_close([("thawed", thawed), ("precipitation", (51, 160, 44))]) != []


def test_ciede2000_matches_the_published_test_pairs():
    """Pairs 1, 7, 17, 25 and 34 of Sharma, Wu & Dalal (2005), table 1."""
    pairs = [((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
             ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
             ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
             ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
             ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082)]
    for lab1, lab2, expected in pairs:
        assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
        assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_simulation_keeps_greys_and_merges_the_confusion_colours():
    """Machado matrices map white and greys onto themselves (rows sum to 1); sRGB white is L* 100; a dichromat
    confuses red and green (protan, deutan) or blue and green (tritan) far more than normal vision does."""
    for matrix in MACHADO.values():
        assert matrix.sum(axis=1) == pytest.approx([1, 1, 1], abs=1e-3)
    assert lab(linear(WHITE)) == pytest.approx([100, 0, 0], abs=1e-3)
    assert simulate((128, 128, 128), "tritanopia") == pytest.approx(linear((128, 128, 128)), abs=2e-3)
    red, green = (200, 60, 60), (90, 130, 40)
    for vision in ("protanopia", "deuteranopia"):
        assert difference(red, green, vision) < difference(red, green, "normal") / 3
    blue, teal = (40, 90, 200), (40, 150, 140)
    assert difference(blue, teal, "tritanopia") < difference(blue, teal, "normal") / 2
