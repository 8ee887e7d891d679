"""Command line of the science core, for data engineers without QGIS: ``python3 -m cryo_qgis_plugin.core`` (or the
``cryo`` console script of ``pip install .``).

The algorithms keep their Processing ids and parameter names, so a ``qgis_process run cryo:<id> --NAME=value``
line works here as ``cryo <id> --NAME=value``::

    cryo freezethawindicators --INPUT=daily_codes/ --OUTPUT=indicators.tif --YEAR_START=08-01 \\
        --DASK_SCHEDULER=tcp://scheduler:8786
    cryo trend --INPUT=frozen_days_2003.tif --INPUT=frozen_days_2004.tif ... --OUTPUT=trend.tif

``--DASK_SCHEDULER`` computes on a running dask scheduler (:mod:`.scale`); ``--DASK_SCHEDULER=local:N`` starts a
``LocalCluster`` of N worker processes for the run; without it the one-process path runs. Progress goes to stderr,
the results as JSON to stdout; a mistake in the inputs exits with status 2 and its message, a cancel (Ctrl+C) with
status 130.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Callable, Dict, List, Optional

from .errors import Cancelled, CryoInputError
from .io.dates import parse_month_day
from .run import Run, Severity


def _progress_run() -> Run:
    def progress(fraction: float) -> None:
        print("\r{:5.1f} %".format(100 * fraction), end="", file=sys.stderr, flush=True)

    def log(message: str, severity: Severity) -> None:
        print("\n{}{}".format("Warning: " if severity is Severity.WARNING else "", message), file=sys.stderr)

    return Run(progress=progress, log=log)


@contextlib.contextmanager
def _client(address: Optional[str]):
    """A dask client for ``address`` (``local:N`` starts a LocalCluster of N processes), or None."""
    if not address:
        yield None
        return
    from .scale.cluster import connect
    if address.startswith("local:"):
        from .optional import require
        distributed = require("distributed")
        with distributed.LocalCluster(n_workers=int(address[6:]), threads_per_worker=1,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            yield client
        return
    with connect(address) as client:
        yield client


def freezethaw_indicators(args: argparse.Namespace, run: Run) -> Dict[str, object]:
    from .freezethaw.products import product_for_stack
    from .freezethaw.seasons import indicators
    from .io.stack import open_stack

    year_start = parse_month_day(args.YEAR_START)
    with open_stack(args.INPUT[0], args.DATASET) as stack:
        product, reason = product_for_stack(stack, args.PRODUCT, args.PRODUCT_TABLE)
        run.info("{} ({})".format(stack.describe(), reason))
        with _client(args.DASK_SCHEDULER) as client:
            if client is None:
                result = indicators(stack, args.OUTPUT, year_start, args.MIN_RUN, args.PRECIPITATION == "thawed",
                                    product, run)
            else:
                from .scale.freezethaw_scaled import indicators_with_dask
                from .scale.lazy_stack import StackOpener
                result = indicators_with_dask(StackOpener.of(stack), args.OUTPUT, year_start, args.MIN_RUN,
                                              args.PRECIPITATION == "thawed", product, client, run)
    return {"OUTPUT": args.OUTPUT, "YEARS": ",".join(map(str, result.years)), "N_YEARS": len(result.years)}


def trend(args: argparse.Namespace, run: Run) -> Dict[str, object]:
    from .stats.trend import trend_raster, yearly_bands

    bands = yearly_bands(args.INPUT, args.BAND_PREFIX)
    with _client(args.DASK_SCHEDULER) as client:
        if client is None:
            trend_raster(bands, args.OUTPUT, args.MIN_YEARS, run)
        else:
            from .scale.trend_scaled import trend_with_dask
            trend_with_dask(bands, args.OUTPUT, args.MIN_YEARS, client, run)
    return {"OUTPUT": args.OUTPUT, "YEARS": ",".join(str(b.year) for b in bands)}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cryo", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="algorithm", required=True, metavar="ALGORITHM")
    indicators = commands.add_parser("freezethawindicators", help="freeze/thaw season indicators (cryo:"
                                     "freezethawindicators)")
    indicators.add_argument("--INPUT", action="append", required=True, help="daily code stack: file or folder")
    indicators.add_argument("--DATASET", default=None, help="HDF5/netCDF dataset or subdataset")
    indicators.add_argument("--PRODUCT", default="auto", help="freeze/thaw product profile (default auto)")
    indicators.add_argument("--PRODUCT_TABLE", default=None, help="CSV of a custom product's codes")
    indicators.add_argument("--YEAR_START", default="08-01", help="MM-DD a season year starts on")
    indicators.add_argument("--MIN_RUN", type=int, default=5, help="consecutive days that make an onset")
    indicators.add_argument("--PRECIPITATION", choices=("thawed", "missing"), default="thawed")
    indicators.add_argument("--OUTPUT", required=True, help="GeoTIFF to write")
    indicators.set_defaults(function=freezethaw_indicators)
    trend_command = commands.add_parser("trend", help="Sen slope and Mann-Kendall test (cryo:trend)")
    trend_command.add_argument("--INPUT", action="append", required=True, help="yearly raster (repeat)")
    trend_command.add_argument("--BAND_PREFIX", default="", help="take the bands named <prefix><year>")
    trend_command.add_argument("--MIN_YEARS", type=int, default=5, help="fewest years for a trend")
    trend_command.add_argument("--OUTPUT", required=True, help="GeoTIFF to write")
    trend_command.set_defaults(function=trend)
    for command in (indicators, trend_command):
        command.add_argument("--DASK_SCHEDULER", default="",
                             help="tcp://host:8786, or local:N for a LocalCluster of N processes; empty: in-process")
    return parser


def main(argv: Optional[List[str]] = None, run_factory: Callable[[], Run] = _progress_run) -> int:
    args = _parser().parse_args(argv)
    try:
        results = args.function(args, run_factory())
    except CryoInputError as exc:
        print("\nError: {}".format(exc), file=sys.stderr)
        return 2
    except (Cancelled, KeyboardInterrupt):
        print("\nCancelled: nothing was written", file=sys.stderr)
        return 130
    print(file=sys.stderr)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
