"""The benchmark scripts keep working (quick mode). No timing is asserted: figures live in benchmarks/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_the_quick_benchmarks_run_and_write_their_rows_as_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--only",
                           "startup,fire,tables,scale,js,delivery", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    suites = {row["benchmark"] for row in report["rows"]}
    assert {"import", "first use", "fire (python)", "tables", "scale", "fire (js)", "delivery"} <= suites
    assert "ratio" in done.stdout.splitlines()[0]
    assert all(row["candidate_us"] >= 0 for row in report["rows"])
