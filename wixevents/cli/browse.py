"""CLI commands that read the catalog: ``list``, ``show``, ``sample``, ``validate``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InvalidPayload
from ..events.catalog import catalog
from ..events.payloads import validate
from ..events.samples import sample
from .commands import command, parse_sets


def _list_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--module", help="only events of this Velo module, e.g. wix-ecom-backend")
    p.add_argument("--search", help="only events whose name, module or summary contain TEXT")
    p.add_argument("--deprecated", action=argparse.BooleanOptionalAction, default=None,
                   help="only deprecated events (--deprecated) or only current ones (--no-deprecated)")


@command("list", "list event types", _list_setup)
def cmd_list(args: argparse.Namespace) -> int:
    frame = catalog.search(args.search) if args.search else catalog.to_frame()
    if args.module:
        frame = frame[frame["module"] == args.module]
    if args.deprecated is not None:
        frame = frame[frame["deprecated"] == args.deprecated]
    for row in frame.itertuples():
        flag = " [deprecated]" if row.deprecated else ""
        print(f"{row.name:<60} {row.module:<28} {row.kind}{flag}")
    print(f"{len(frame)} event(s)")
    return 0


def _name_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("name")


@command("show", "show one event: summary, docs link and field table", _name_setup)
def cmd_show(args: argparse.Namespace) -> int:
    event = catalog[args.name]
    print(f"{event.name}  ({event.module}, {event.kind} payload)")
    print(event.summary)
    if event.deprecated:
        print(f"Deprecated; use {event.replacement or 'the replacement named in the docs'}.")
    if event.aliases:
        print(f"Also spelled: {', '.join(event.aliases)}")
    print(f"Docs: {event.docs_url}")
    if event.slug:
        print(f"Webhook slug: {event.slug}")
    print(f"Samples: {', '.join(event.samples())}\n")
    print(event.fields().to_string(index=False, max_colwidth=60))
    return 0


def _sample_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("name")
    p.add_argument("--variant", default="default")
    p.add_argument("--set", action="append", metavar="PATH=VALUE", help="override a field (repeatable)")
    p.add_argument("--seed", type=int, default=None, help="generate another realistic payload for this seed")


@command("sample", "print a sample payload as JSON", _sample_setup)
def cmd_sample(args: argparse.Namespace) -> int:
    payload = sample(args.name, args.variant, overrides=parse_sets(args.set), seed=args.seed)
    print(json.dumps(payload, indent=2, ensure_ascii=False))
    if args.set:  # an override may break the payload: say so, and exit 1 as `validate` would
        try:
            event = validate(args.name, payload)
        except InvalidPayload as exc:
            print(f"warning: the printed payload is not valid after --set: {exc}", file=sys.stderr)
            return 1
        for warning in event.warnings:  # accepted as Wix's own payloads are; strict validation would reject it
            print(f"warning: {warning} (accepted; `wixevents validate --strict` rejects it)", file=sys.stderr)
    return 0


def _validate_setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("name")
    p.add_argument("file", type=Path)
    p.add_argument("--strict", action="store_true", help="reject departures from the typings (warnings) too")


@command("validate", "check a JSON payload file against an event", _validate_setup)
def cmd_validate(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    event = validate(args.name, text, source=str(args.file), strict=args.strict)
    extra = f" ({len(event.unknown_fields)} field(s) the catalog does not know)" if event.unknown_fields else ""
    print(f"{args.file}: valid {catalog[args.name].name} payload{extra}")
    for warning in event.warnings:  # accepted: Wix's own payloads depart from the typings this way
        print(f"  warning: {warning}")
    return 0
