"""The ``fire`` and ``stub`` sub-commands of the ``wixevents`` command line.

``wixevents fire NAME --handlers FILE.py`` loads the file as the site's own
``events.js`` (its file name is the source), fires the sample or payload, and
prints the result table and each run's log lines. Exit code: 0 when every row is
fine (``ok``, or ``not_triggered_in_preview`` in ``--mode preview``), 1 when a
row failed (``error``, ``timeout``, ``invalid_payload``, or ``no_handler`` when
the file has no handler for the event), 2 for a usage error.

Registered into :data:`wixevents.cli.COMMANDS` when the parser is built.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from .cli import command, parse_sets
from .result import Result
from .runner import DEFAULT_TIMEOUT
from .site import Site
from .stubs import stub


def _fire_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="handler name, e.g. wixBilling_onInvoicePaid")
    p.add_argument("--handlers", type=Path, required=True, metavar="FILE.py",
                   help="Python file whose functions named like Wix handlers are registered")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--sample", metavar="VARIANT", help="sample variant to fire (default: default)")
    what.add_argument("--payload", type=Path, metavar="FILE.json", help="fire this JSON payload as given")
    p.add_argument("--set", action="append", metavar="PATH=VALUE", help="override a field (repeatable)")
    p.add_argument("--mode", choices=["published", "preview"], default="published")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"per-handler time limit (default {DEFAULT_TIMEOUT:g} s, Wix's backend web-module limit)")
    p.add_argument("--format", choices=["table", "json"], default="table")


@command("fire", "fire an event at the handlers of a Python file", _fire_setup)
def cmd_fire(args: argparse.Namespace) -> int:
    payload = None
    if args.payload is not None:
        try:
            payload = args.payload.read_text(encoding="utf-8")
        except OSError as exc:
            print(f"error: cannot read {args.payload}: {exc.strerror}", file=sys.stderr)
            return 2
    if not args.handlers.is_file():
        print(f"error: no handler file {args.handlers}", file=sys.stderr)
        return 2
    site = Site(mode=args.mode, timeout=args.timeout, source=args.handlers.name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # look-alikes are reported below, once
        report = site.load(args.handlers)
    for name, close in report.lookalikes.items():
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        print(f"warning: {name} in {args.handlers.name} is not a Wix handler name{hint}", file=sys.stderr)
    result = site.fire(args.name, args.sample, payload=payload, set=parse_sets(args.set))
    print(_json(result) if args.format == "json" else _table(result))
    return 0 if result.ok else 1


def _table(result: Result) -> str:
    lines = [repr(result)]
    for run in result:
        if run.logs:
            lines.append(f"\nlogs of {run.seq} {run.handler} ({run.source}):")
            lines += [f"  {line.level:<7} {line.message}" for line in run.logs]
        if run.error and run.error.traceback:
            lines.append(f"\n{run.error.traceback}")
    return "\n".join(lines)


def _json(result: Result) -> str:
    data = {"fire": result.fire.__dict__, "ok": result.ok, "runs": [run.to_dict() for run in result]}
    return json.dumps(data, indent=2, ensure_ascii=False)


def _stub_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="handler name, e.g. wixBilling_onInvoicePaid")
    p.add_argument("--lang", choices=["py", "js"], default="py", help="py (default) or js for events.js")


@command("stub", "print a handler skeleton (Python, or JavaScript for events.js)", _stub_setup)
def cmd_stub(args: argparse.Namespace) -> int:
    print(stub(args.name, args.lang), end="")
    return 0
