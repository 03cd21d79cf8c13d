"""Run the benchmarks: ``python -m benchmarks [--quick] [--only NAME,...] [--json PATH]``.

Prints a table of medians (with min..max) and ratios against each baseline, and
writes the same rows as JSON (``benchmarks/results/latest.json`` by default).
``--quick`` runs few rounds: CI uses it only to keep the scripts working.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
from pathlib import Path

from .harness import table

SUITES = ["startup", "fire", "batch", "history", "tables", "scale", "js", "notebooks", "delivery"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few rounds; for CI smoke runs")
    parser.add_argument("--only", default=",".join(SUITES), help="comma-separated suites: " + ", ".join(SUITES))
    parser.add_argument("--json", type=Path, default=Path(__file__).parent / "results" / "latest.json")
    args = parser.parse_args(argv)
    rows = []
    for name in args.only.split(","):
        module = importlib.import_module(f".bench_{name.strip()}", __package__)
        rows.extend(module.run(args.quick))
    print(table(rows))
    machine = {"python": sys.version.split()[0], "platform": platform.platform(terse=True),
               "processor": platform.machine(), "quick": args.quick}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.json.with_suffix(".tmp")
    tmp.write_text(json.dumps({"machine": machine, "rows": [r.as_dict() for r in rows]}, indent=1) + "\n")
    tmp.replace(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
