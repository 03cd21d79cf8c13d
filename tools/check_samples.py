"""Check every sample payload against the rules real payloads keep.

Usage::

    python tools/check_samples.py                  # every file in sample_payloads/
    python tools/check_samples.py path/to/x.json   # some files (named <event>/<variant>.json)

Each broken rule is one line: the file, the JSON path, the rule and what is
wrong; the exit status is 1 when any rule is broken. The rules
(``wixevents.events.checks``): no placeholder text; line total = price x
quantity; subtotal = sum of lines; total = subtotal - discount + tax + shipping
(+ fees); paid + balance = total; formatted amounts show their amount in the
payload's currency; created <= updated, issue <= due, start < end; the event
time is not before the entity's last update; ``metadata.entityId`` is the
entity's ID; one contact ID per payload; the event's own state (a paid event
is paid with balance 0, a canceled one canceled, ...); a ``minimal`` sample
still carries its entity; a MIME type matches its file's name (and an audio or
video event's file is audio or video).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from wixevents.events.checks import check  # noqa: E402  (tools/ is a folder of scripts)

SAMPLES = ROOT / "sample_payloads"


def check_file(path: Path) -> list[str]:
    """One line per broken rule in one sample file, each naming the file."""
    name, variant = path.parent.name, path.stem
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{where}: $: [json] {exc}"]
    return [f"{where}: {v}" for v in check(name, payload, variant)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="sample files (default: all of sample_payloads/)")
    args = parser.parse_args(argv)
    files = [p.resolve() for p in args.files] or sorted(SAMPLES.glob("*/*.json"))
    broken = [line for path in files for line in check_file(path)]
    print("\n".join(broken) if broken else f"{len(files)} sample file(s): every rule holds")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
