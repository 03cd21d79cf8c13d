"""Generate the schema-derived sample payloads in ``sample_payloads/``.

Usage::

    python tools/gen_samples.py           # (re)write the generated files
    python tools/gen_samples.py --check   # exit 1 and list files that are stale

For every catalog event it owns three kinds of file in ``sample_payloads/<name>/``:
``default.json`` (a full payload: optional fields filled near the top),
``minimal.json`` (required fields only) and, for events that two modules document,
``<module>.json`` holding the other module's shape. Every other file there is
hand-curated and never touched. Values come from ``tools/values.py`` and are
the same on every run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from naming import words  # noqa: E402  (tools/ is a folder of scripts)
from values import Faker  # noqa: E402

from wixevents.events.catalog import EventType, catalog  # noqa: E402

OUT = ROOT / "sample_payloads"


def consistent(payload: dict[str, Any]) -> dict[str, Any]:
    """Make the envelope agree with itself: ``metadata.entityId`` is the entity's ID."""
    entity, meta = payload.get("entity"), payload.get("metadata")
    if isinstance(entity, dict) and isinstance(meta, dict) and "_id" in entity and "entityId" in meta:
        meta["entityId"] = entity["_id"]
    return payload


def render(event: EventType) -> dict[str, str]:
    """File name -> JSON text of every generated sample of one event."""
    out = {}
    for index, shape in enumerate(event.shapes):
        for full in (True, False) if index == 0 else (True,):
            faker = Faker(event.name, words(event.event), full=full)
            payload = consistent(faker.value(shape.payload, "$", "event"))
            name = ("default" if full else "minimal") if index == 0 else shape.module
            out[f"{name}.json"] = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for name in catalog:
        folder = OUT / name
        for filename, text in render(catalog[name]).items():
            path = folder / filename
            if path.exists() and path.read_text(encoding="utf-8") == text:
                continue
            stale.append(str(path.relative_to(ROOT)))
            if not args.check:
                folder.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(path)
    verb = "stale" if args.check else "written"
    print(f"{len(stale)} sample file(s) {verb}" + "".join(f"\n  {s}" for s in stale[:20]))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
