"""The ``fire`` and ``stub`` sub-commands of the ``wixevents`` command line.

``wixevents fire NAME --handlers FILE.py`` loads the file as the site's own
``events.js`` (its file name is the source), fires the sample or payload, and
prints the result table and each run's log lines. ``--handlers events.js`` (any
``.js`` file, or a site's backend folder) loads JavaScript the same way, with
``site.load_js``: its imports, and ``data.js`` hooks beside it when a folder is
given; JavaScript errors print their JavaScript stack. Exit code: 0 when every
row is fine (``ok``, or ``not_triggered_in_preview`` in ``--mode preview``), 1
when a row failed (``error``, ``timeout``, ``out_of_memory``,
``invalid_payload``, or ``no_handler`` when the file has no handler for the
event; with ``--delivery duplicates``, also a handler that is not idempotent:
the idempotency table is printed after the runs), 2 for a usage error (a file
that cannot be loaded, the JavaScript extra missing).

Registered into :data:`wixevents.cli.COMMANDS` when the parser is built.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import traceback
import warnings
from dataclasses import replace
from pathlib import Path

from .._safe import safe_str
from ..errors import WixEventsError
from ..events.stubs import stub
from ..runtime.delivery import MODES, Delivery
from ..runtime.records import Run, json_default, jsonable
from ..runtime.result import Result
from ..runtime.runner import DEFAULT_TIMEOUT
from ..site import Site
from .commands import command, parse_sets


def _fire_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="handler name, e.g. wixBilling_onInvoicePaid")
    p.add_argument("--handlers", type=Path, required=True, metavar="FILE.py|FILE.js",
                   help="Python file, or JavaScript events.js (or backend folder), whose Wix-named handlers register")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--sample", metavar="VARIANT", help="sample variant to fire (default: default)")
    what.add_argument("--payload", type=Path, metavar="FILE.json", help="fire this JSON payload as given")
    p.add_argument("--set", action="append", metavar="PATH=VALUE", help="override a field (repeatable)")
    p.add_argument("--mode", choices=["published", "preview"], default="published")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"per-handler time limit (default {DEFAULT_TIMEOUT:g} s, Wix's backend web-module limit)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--delivery", choices=list(MODES), default="exactly_once",
                   help="deliver as Wix's webhooks may: duplicates (then also check idempotency), reorder, or "
                        "retries on Wix's resend schedule (virtual time)")
    p.add_argument("--seed", type=int, default=0, help="seed of the delivery's random choices (default 0)")


def _seconds(text: str) -> float:
    """A --timeout: a positive, finite number of seconds (argparse reports anything else, exit 2)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _read_payload(path: Path) -> str:
    """The payload file's text: UTF-8 (with or without a BOM), or UTF-16/32 with a BOM, as JSON allows."""
    data = path.read_bytes()
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
            (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    codec = next((name for bom, name in boms if data.startswith(bom)), "utf-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise _Usage(f"{path}, line {line}: not {codec.upper().replace('-SIG', '')} text ({exc.reason} at byte "
                     f"{exc.start}); save the payload as UTF-8 JSON") from None


class _Usage(Exception):
    """A one-line error for stderr; the command exits 2."""


def _load_problem(exc: BaseException, path: Path) -> str:
    """One line saying why a Python handler file did not load: file, line, error."""
    if isinstance(exc, SyntaxError):
        number = exc.lineno
        if number is None:  # "source code cannot contain null bytes" names no line: find the first
            try:
                data = path.read_bytes()
                number = data[:data.index(b"\x00")].count(b"\n") + 1 if b"\x00" in data else None
            except OSError:
                number = None
        line = f", line {number}" if number else ""
        return f"{path}{line}: {type(exc).__name__}: {safe_str(exc.msg)}"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).name == path.name]
    line = f", line {frames[-1].lineno}" if frames else ""
    return f"{path}{line}: {type(exc).__name__} while loading the file: {safe_str(exc)}"


@command("fire", "fire an event at the handlers of a Python or JavaScript file", _fire_setup)
def cmd_fire(args: argparse.Namespace) -> int:
    try:
        return _fire(args)
    except _Usage as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _fire(args: argparse.Namespace) -> int:
    payload = None
    if args.payload is not None:
        try:
            payload = _read_payload(args.payload)
        except OSError as exc:
            print(f"error: cannot read {args.payload}: {exc.strerror}", file=sys.stderr)
            return 2
    javascript = args.handlers.suffix == ".js" or args.handlers.is_dir()
    if not (args.handlers.is_file() or (javascript and args.handlers.is_dir())):
        print(f"error: no handler file {args.handlers}", file=sys.stderr)
        return 2
    if not javascript and args.handlers.suffix != ".py":
        raise _Usage(f"{args.handlers} is not a Python (.py) or JavaScript (.js) handler file, nor a backend folder")
    with Site(mode=args.mode, timeout=args.timeout, source=args.handlers.name) as site:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # look-alikes are reported below, once
            try:
                report = site.load_js(args.handlers) if javascript else site.load(args.handlers)
            except (WixEventsError, OSError) as exc:  # a JavaScript file that cannot load, or no js extra
                print(f"error: {exc}", file=sys.stderr)
                return 2
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # the Python file's own code failed at import (SyntaxError, ...)
                raise _Usage(_load_problem(exc, args.handlers)) from None
        for name, close in report.lookalikes.items():
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            print(f"warning: {name} in {args.handlers.name} is not a Wix handler name{hint}", file=sys.stderr)
        for problem in (p for p in report.problems if p.name not in report.lookalikes):
            print(f"warning: {problem}", file=sys.stderr)
        site.delivery = Delivery.named(args.delivery, seed=args.seed)
        result = site.fire(args.name, args.sample, payload=payload, set=parse_sets(args.set))
        result.runs[:] = [_cli_note(run, args.handlers.name) for run in result.runs]
        print(_printable(_json(result) if args.format == "json" else _table(result)))
        idempotent = True
        if args.delivery == "duplicates" and payload is None:
            report = site.check_idempotent(args.name, args.sample or "default")
            idempotent = bool(report["idempotent"].all())
            print(_printable(f"\nidempotency (each payload delivered twice, on a fresh site):\n"
                             f"{report.to_string(index=False)}"))
        return 0 if result.ok and idempotent else 1


def _printable(text: str) -> str:
    """Text any terminal encoding can take: lone surrogates (a print of undecodable bytes) as \\udcxx."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _cli_note(run: Run, handlers: str) -> Run:
    """A row that ran nothing, explained with this command's options rather than Python calls."""
    if run.status == "no_handler":
        return replace(run, note=f"No handler is registered for {run.event}: {handlers} does not define it. Add "
                                 f"def {run.event}(event): ... (or export function {run.event} in an events.js) "
                                 "and pass that file with --handlers.")
    if run.status == "not_triggered_in_preview":
        return replace(run, note="Backend events do not fire in preview on Wix, only on the published site: "
                                 "run the command again without --mode preview (or with --mode published).")
    return run


def _table(result: Result) -> str:
    """The compact table (each run's log lines under its row), then each failed run's traceback or stack."""
    lines = [repr(result)]
    for run in result:
        if run.error and run.error.traceback:
            lines.append(f"\n{run.error.traceback}")
    return "\n".join(lines)


def _json(result: Result) -> str:
    data = {"fire": result.fire.to_dict(), "ok": result.ok, "runs": [run.to_dict() for run in result]}
    try:
        return json.dumps(data, indent=2, ensure_ascii=False, default=json_default)
    except (TypeError, ValueError, RecursionError):  # an odd payload (non-text keys, too deep): JSON's own escapes
        return json.dumps(jsonable(data), indent=2, ensure_ascii=True, default=json_default)


def _stub_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="handler name, e.g. wixBilling_onInvoicePaid")
    p.add_argument("--lang", choices=["py", "js"], default="py", help="py (default) or js for events.js")


@command("stub", "print a handler skeleton (Python, or JavaScript for events.js)", _stub_setup)
def cmd_stub(args: argparse.Namespace) -> int:
    print(stub(args.name, args.lang), end="")
    return 0
