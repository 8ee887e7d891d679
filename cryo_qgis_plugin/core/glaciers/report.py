"""The HTML report of a DEM differencing run: the numbers, the accuracy of the stable terrain, the error budget,
a dh map, stable-terrain histograms, glacier hypsometry and the per-glacier table.

Self-contained (inline SVG and an embedded PNG, no script, no external file), so it opens in any browser and in
QGIS's results viewer, and can be archived with the outputs. Volumes are given in 10⁶ m³ (and km³), masses in Gt,
with thousands separators and rounded to what the errors justify.
"""
from __future__ import annotations

import html
import math
from typing import List, Optional, Sequence, Tuple

import numpy as np

from .accuracy import linear_error_90
from .elevation_change import DemDifferenceResult
from .report_map import map_html
from .report_plots import histogram_svg, hypsometry_svg, variogram_svg
from .voids import BAND_WIDTH, MIN_BAND_CELLS, MIN_LOCAL_FRACTION

STYLE = ("body{font-family:sans-serif;max-width:64em;margin:1em auto;color:#222}table{border-collapse:collapse;"
         "margin:0.5em 0}th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:0.9em}"
         "td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:0.5em 0}")


def number(value: Optional[float], digits: int = 3) -> str:
    """``value`` rounded to ``digits`` decimals with thousands separators; an en dash when there is none."""
    if value is None or not math.isfinite(value):
        return "–"
    return "{:,.{}f}".format(value, digits)


def volume(value_m3: Optional[float], error_m3: Optional[float] = None) -> str:
    """A volume in 10⁶ m³ (and km³), e.g. ``−867.97 ± 3.21 × 10⁶ m³ (−0.868 km³)``."""
    if value_m3 is None or not math.isfinite(value_m3):
        return "–"
    text = number(value_m3 / 1e6, 2)
    if error_m3 is not None and math.isfinite(error_m3):
        text += " ± " + number(error_m3 / 1e6, 2)
    return "{} × 10⁶ m³ ({} km³)".format(text, number(value_m3 / 1e9, 4))


def _rows(rows: Sequence[Tuple[str, str]]) -> str:
    return "".join("<tr><th>{}</th><td>{}</td></tr>".format(html.escape(k), html.escape(v)) for k, v in rows)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], text_columns: Sequence[int] = (0,)) -> str:
    """A table whose columns other than ``text_columns`` hold numbers (right-aligned)."""
    head = "".join("<th>{}</th>".format(html.escape(h)) for h in header)
    body = "".join("<tr>{}</tr>".format("".join(
        '<td{}>{}</td>'.format("" if i in text_columns else ' class="n"', html.escape(c)) for i, c in enumerate(row)))
        for row in rows)
    return "<table><tr>{}</tr>{}</table>".format(head, body)


def _overview(result: DemDifferenceResult, reference: str, dem: str) -> List[Tuple[str, str]]:
    shift = result.coregistration.shift
    options = result.options
    numbers = [
        ("Reference DEM (kept fixed)", reference), ("DEM (aligned)", dem), ("Grid", result.grid.describe()),
        ("Co-registration", "{} ({} iterations, {} stable samples)".format(
            options.coregister, result.coregistration.iterations, result.coregistration.samples)),
        ("SHIFT_X / SHIFT_Y / SHIFT_Z (m, applied to the DEM)",
         "{} / {} / {}".format(number(shift.x), number(shift.y), number(shift.z))),
        ("Stable terrain before: median / NMAD (m) / cells", "{} / {} / {:,}".format(
            number(result.stable_before.median), number(result.stable_before.nmad), result.stable_before.count)),
        ("Stable terrain after: median / NMAD (m) / cells", "{} / {} / {:,}".format(
            number(result.stable_after.median), number(result.stable_after.nmad), result.stable_after.count)),
        ("Stable outliers removed (> {:g} NMAD)".format(options.outlier_nmad), "{:,}".format(result.stable_outliers)),
    ]
    glacier = result.glacier
    if glacier is not None:
        mass = glacier.mass
        numbers += [
            ("Glaciers: outlines / area on the grid", "{:,} / {} km² ({:,} cells; polygons {} km²)".format(
                len(glacier.glaciers.ids) if glacier.glaciers else 0, number(glacier.area_km2),
                glacier.cells, number(glacier.polygons_area_km2))),
            ("Glacier cells: measured / outliers removed / voids filled ({})".format(options.fill_voids),
             "{:,} / {:,} / {:,}".format(glacier.valid_cells, glacier.outlier_cells, glacier.filled_cells)),
            ("Mean glacier dh", "{} ± {} m".format(number(glacier.mean_dh), number(glacier.mean_dh_error))),
            ("Volume change (sum of the glaciers)", volume(mass.volume_m3, mass.volume_error_m3)),
            ("Mass change (density {:g} kg m⁻³)".format(options.density), "{} ± {} Gt".format(
                number(mass.volume_m3 * options.density / 1e12, 4), number(_mass_error_gt(glacier, options), 4))),
            ("Mass balance", "{} ± {} m w.e. a⁻¹ over {} years".format(
                number(mass.rate_mwe), number(mass.rate_error_mwe), number(options.years, 2))
             if mass.rate_mwe is not None else "give REFERENCE_YEAR and DEM_YEAR for a rate"),
        ]
    return numbers


def _mass_error_gt(glacier, options) -> float:
    mass = glacier.mass
    return math.hypot(mass.volume_error_m3 * options.density, mass.volume_m3 * options.density_error) / 1e12


def _accuracy(result: DemDifferenceResult) -> List[str]:
    accuracy = result.accuracy
    if accuracy is None:
        return []
    coreg = result.coregistration
    ce90 = ("{} m (σ_x {} m, σ_y {} m; CE90 = 2.146 σ_c, σ_c = √((σ_x² + σ_y²)/2), circular normal)".format(
        number(accuracy.ce90), number(coreg.sigma_x), number(coreg.sigma_y))
        if accuracy.ce90 is not None else "– (no horizontal fit)")
    rows = [("LE90: 90th percentile of |stable dh| after co-registration", "{} m".format(number(accuracy.le90))),
            ("CE90 of the horizontal co-registration (from the standard errors of the fitted shift)", ce90)]
    classes = [("{:.0f}–{:.0f}°".format(c.low, c.high) if c.high < 90 else "over {:.0f}°".format(c.low),
                number(c.median), number(c.nmad), "{:,}".format(c.count)) for c in accuracy.slope_classes]
    return ["<h2>Accuracy of the stable terrain after co-registration</h2>", "<table>", _rows(rows), "</table>",
            _table(("slope of the reference", "median dh (m)", "NMAD (m)", "cells"), classes)]


def _point_reference(result: DemDifferenceResult) -> List[str]:
    """With reference points: how many were used and the residuals h − DEM before and after co-registration,
    with LE90 of the stable points (the 90th percentile of |h − aligned DEM|)."""
    points = getattr(result, "points", None)
    if points is None:
        return []
    le90 = linear_error_90(points.after[points.used])
    rows = [("Points on the DEM / outside its grid / on DEM voids", "{:,} / {:,} / {:,}".format(
                points.x.size, points.outside, points.void)),
            ("Stable points (off glacier and unstable polygons) / inliers used", "{:,} / {:,}".format(
                int(np.count_nonzero(points.stable)), points.n_points)),
            ("Stable h − DEM before: median / NMAD", "{} / {} m".format(
                number(points.median_before), number(points.nmad_before))),
            ("Stable h − aligned DEM after: median / NMAD", "{} / {} m".format(
                number(points.median_after), number(points.nmad_after))),
            ("LE90 of the stable points after (90th percentile of |h − aligned DEM|)", "{} m".format(number(le90)))]
    return ["<h2>Co-registration to reference points</h2><p>The DEM was co-registered to the points (Nuth &amp; Kääb "
            "2011 on point − DEM differences, slope and aspect of the DEM at each point), not to the reference "
            "DEM.</p>", "<table>", _rows(rows), "</table>"]


def _error_budget(result: DemDifferenceResult) -> List[str]:
    glacier, options, model = result.glacier, result.options, result.variogram_model
    if glacier is None:
        return []
    mass = glacier.mass
    independent, correlated = glacier.volume_error_bounds
    rows = [
        ("σ_dh: NMAD of stable dh after co-registration", "{} m".format(number(result.stable_after.nmad))),
        ("Spatial correlation of the errors (spherical variogram of stable dh)",
         "nugget {} m², partial sill {} m², range {:,.0f} m".format(
             number(model.nugget), number(model.partial_sill), model.range) if model
         else "no model could be fitted: errors taken as correlated over the largest lag"),
        ("Effective samples over the glacier area (Rolstad et al. 2009, disk of that area)",
         "{:,.1f}".format(glacier.effective_samples)),
        ("σ of the mean glacier dh = σ_dh / √N_eff", "{} m".format(number(glacier.mean_dh_error))),
        ("σ of the volume change = σ_mean dh × area", volume(mass.volume_error_m3)),
        ("  bounds from the glaciers' own errors: independent (root-sum-square) / fully correlated (sum)",
         "{} / {} × 10⁶ m³".format(number(independent / 1e6, 2), number(correlated / 1e6, 2))),
    ]
    hugonnet = getattr(result, "error_model", None)
    if hasattr(hugonnet, "budget"):  # Hugonnet et al. 2022: its pieces are itemised in the next section
        rows[0] = ("σ_dh: mean over the glaciers of σ(slope, curvature) (stable NMAD {} m)".format(
            number(result.stable_after.nmad)), "{} m".format(number(hugonnet.sigma(0))))
        rows[1] = ("Spatial correlation of the errors", "nugget and two spherical models of dh / σ_dh, ranges "
                   "{:,.0f} m and {:,.0f} m (next section)".format(*hugonnet.model.ranges))
        rows[2] = ("Effective samples over the glacier area (Rolstad et al. 2009 per model, disk of that area)",
                   rows[2][1])
    rows += [
        ("Residual vertical bias (stable median after, not added to the error)",
         "{} m".format(number(result.stable_after.median))),
        ("Density {:g} ± {:g} kg m⁻³ (Huss 2013)".format(options.density, options.density_error),
         "{:.1f} % of the mass".format(100 * options.density_error / options.density)),
    ]
    if mass.rate_mwe is not None:
        scale = glacier.area_km2 * 1e6 * options.years * 1000.0
        rows += [("σ of the mass balance from dh errors / from density",
                  "{} / {} m w.e. a⁻¹".format(number(abs(mass.volume_error_m3 * options.density / scale)),
                                              number(abs(mass.volume_m3 * options.density_error / scale)))),
                 ("σ of the mass balance (the two combined in quadrature)",
                  "{} m w.e. a⁻¹".format(number(mass.rate_error_mwe)))]
    return ["<h2>Error budget (1 sigma)</h2>",
            "<p>The regional total's error is the error model for the total glacier area, as if the glaciers were "
            "one region: errors of neighbouring glaciers are correlated over the variogram's range, so the "
            "root-sum-square of independent glacier errors would understate it and their plain sum overstate it; "
            "both are shown as bounds. Outline errors are not included.</p>", "<table>", _rows(rows), "</table>"]


def error_model_section(model, area_m2: float) -> List[str]:
    """The Hugonnet et al. (2022) error model (:class:`.error_model.VariogramErrorModel`): σ_dh by slope, the
    variogram of the standardised stable dh with its fitted model, and the error of the mean dh over ``area_m2``
    itemised by model part (their squares add up). Empty for other error models."""
    if getattr(model, "variogram", None) is None or not hasattr(model, "budget"):
        return []
    fit = model.model
    error, n_eff = model.mean_dh_error(area_m2, 0)
    rows = [("Model", "σ_dh(slope, curvature) binned on stable terrain; z = dh / σ_dh; variogram of z fitted by a "
             "nugget and two spherical models; Rolstad et al. (2009) disk integral per model (Hugonnet et al. 2022)"),
            ("Nugget / short-range / long-range partial sill (of z)", "{} / {} / {}".format(
                number(fit.nugget), number(fit.sills[0]), number(fit.sills[1]))),
            ("Short / long range", "{:,.0f} m / {:,.0f} m{}".format(
                fit.ranges[0], fit.ranges[1], "" if model.fitted else " (no fit: correlated over the largest lag)")),
            ("Mean σ_dh over the glaciers", "{} m".format(number(model.sigma(0))))]
    rows += [("  σ of the mean glacier dh from the " + name, "{} m".format(number(value)))
             for name, value in model.budget(area_m2, 0)]
    rows.append(("σ of the mean glacier dh (root-sum-square of the above; N_eff {:,.1f})".format(n_eff),
                 "{} m".format(number(error))))
    parts = ["<h2>Error model (Hugonnet et al. 2022)</h2>", "<table>", _rows(rows), "</table>"]
    if model.table is not None:
        centres, sigma = model.table.by_slope()
        edges = model.table.slope_edges
        parts.append(_table(("slope of the reference (°)", "σ_dh (m)", "stable cells sampled"), [
            ("{:.1f}–{:.1f}".format(a, b), number(s), "{:,}".format(int(n)))
            for a, b, s, n in zip(edges[:-1], edges[1:], sigma, model.table.counts.sum(axis=1))]))
    v = model.variogram
    if v.lags.size:
        parts.append(variogram_svg(v.lags, v.gamma, fit, fit.ranges))
    return parts


def _glacier_table(result: DemDifferenceResult) -> List[str]:
    glacier = result.glacier
    if glacier is None or glacier.glaciers is None:
        return []
    rate = result.options.years is not None
    rows = []
    for row in glacier.glaciers.rows():
        fraction = row["valid_fraction"]
        rows.append((str(row["id"]), number(row["area_km2"], 3),
                     "–" if fraction is None else "{:.0f} %".format(100 * fraction), number(row["mean_dh_m"], 2),
                     _pm(row["volume_change_m3"], row["volume_error_m3"], 1e6, 3),
                     _pm(row["mass_balance_mwe"], row["mass_balance_error_mwe"], 1, 2) if rate else "–",
                     row["void_fill_method"]))
    header = ("id", "area (km²)", "measured", "mean dh (m)", "volume change (10⁶ m³)",
              "mass balance (m w.e. a⁻¹)", "void filling")
    return ["<h2>Per glacier</h2><p>{:,} glaciers; their volume changes add up to the regional total. A cell "
            "belongs to the outline that holds its centre, to the largest one where outlines overlap. Each glacier's "
            "error is the error model for its own area. Measured = share of its cells with a measured dh before void "
            "filling. Local hypsometric filling uses a glacier's own 50 m bands (those with at least {} measured "
            "cells) when at least {:.0f} % of its cells are measured, else the curve of all glaciers "
            "(regional_hypsometric).</p>".format(len(rows), MIN_BAND_CELLS, 100 * MIN_LOCAL_FRACTION),
            _table(header, rows, (0, len(header) - 1))]


def _pm(value: Optional[float], error: Optional[float], unit: float, digits: int) -> str:
    if value is None:
        return "–"
    return "{} ± {}".format(number(value / unit, digits), number(None if error is None else error / unit, digits))


def html_report(result: DemDifferenceResult, reference: str, dem: str) -> str:
    """The report page for ``result``."""
    options, glacier = result.options, result.glacier
    histogram = histogram_svg(result.histogram_edges, [
        ("before co-registration", "#7f7f7f", result.histogram_before),
        ("after co-registration", "#2166ac", result.histogram_after)], "stable-terrain dh (m)")
    body = ["<h1>DEM differencing report</h1>", "<table>", _rows(_overview(result, reference, dem)), "</table>"]
    if result.preview is not None:
        body += ["<h2>Elevation change (reference − aligned DEM)</h2>", map_html(result.preview)]
    body += _point_reference(result)
    body += _error_budget(result)
    if glacier is not None:
        body += error_model_section(getattr(result, "error_model", None), glacier.area_km2 * 1e6)
    body += _accuracy(result)
    body += ["<h2>Stable terrain elevation differences</h2>", histogram]
    if glacier is not None and glacier.hypsometry:
        body += ["<h2>Glacier elevation change by elevation band</h2>", hypsometry_svg(glacier.hypsometry, BAND_WIDTH),
                 _table(("band (m)", "area (km²)", "median dh (m)", "measured cells"), [
                     ("{:,.0f}–{:,.0f}".format(b, b + BAND_WIDTH), number(a, 3), number(d, 2), "{:,}".format(n))
                     for b, a, d, n in glacier.hypsometry])]
    body += _glacier_table(result)
    if result.messages:
        body += ["<h2>Log</h2><ul>", "".join("<li>{}</li>".format(html.escape(m)) for m in result.messages), "</ul>"]
    body.append("<p>Methods: Nuth &amp; Kääb (2011) co-registration, the vertical shift estimated again as the median "
                "of stable dh after the last horizontal step; NMAD outlier filter (Höhle &amp; Höhle 2009) per "
                "elevation band of each glacier; {} void filling (McNabb et al. 2019); error of the mean from a "
                "spherical variogram of stable dh (Rolstad et al. 2009, Hugonnet et al. 2022); density conversion "
                "after Huss (2013).</p>".format(html.escape(options.fill_voids)))
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>DEM differencing report</title>'
            "<style>{}</style></head><body>{}</body></html>\n".format(STYLE, "\n".join(body)))
