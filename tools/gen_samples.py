"""Generate every sample payload in ``sample_payloads/``.

Usage::

    python tools/gen_samples.py           # (re)write the sample files
    python tools/gen_samples.py --check   # exit 1 and list files that are stale

Two sources, one rule set. For every catalog event, ``default.json``,
``minimal.json`` and (for events two modules document) ``<module>.json`` come
from ``wixevents.events.generate`` with seed 0: values chosen by meaning, then
settled so money adds up, time runs forward and IDs agree. Curated variants (a
GDPR erase, a SEK invoice paid in two payments, non-ASCII names, ...) are
described in ``tools/data/curated/<event>/<variant>.json`` and pass through the
same settling, so they keep the invariants too. Nothing under
``sample_payloads/`` is edited by hand; every file there is written here, and a
file this script does not own is reported.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from wixevents.events import vocab  # noqa: E402  (tools/ is a folder of scripts)
from wixevents.events.catalog import catalog  # noqa: E402
from wixevents.events.generate import generate, generated_variants  # noqa: E402
from wixevents.events.settle import settle  # noqa: E402

OUT = ROOT / "sample_payloads"
CURATED = ROOT / "tools" / "data" / "curated"


def _text(payload: object) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render(name: str) -> dict[str, str]:
    """File name -> JSON text of every sample of one event."""
    out = {f"{v}.json": _text(generate(name, v)) for v in generated_variants(name)}
    for source in sorted((CURATED / name).glob("*.json")):
        described = json.loads(source.read_text(encoding="utf-8"))
        out[source.name] = _text(settle(name, described, float(vocab.TAXES[0][1])))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, write nothing")
    args = parser.parse_args(argv)
    stale, owned = [], set()
    for name in catalog:
        folder = OUT / name
        for filename, text in render(name).items():
            path = folder / filename
            owned.add(path)
            if path.exists() and path.read_text(encoding="utf-8") == text:
                continue
            stale.append(str(path.relative_to(ROOT)))
            if not args.check:
                folder.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(path)
    strays = sorted(str(p.relative_to(ROOT)) for p in OUT.glob("*/*.json") if p not in owned)
    verb = "stale" if args.check else "written"
    print(f"{len(stale)} sample file(s) {verb}" + "".join(f"\n  {s}" for s in stale[:20]))
    if strays:
        print(f"{len(strays)} file(s) no generator owns (describe them in tools/data/curated/):"
              + "".join(f"\n  {s}" for s in strays[:20]))
    return 1 if (args.check and stale) or strays else 0


if __name__ == "__main__":
    raise SystemExit(main())
