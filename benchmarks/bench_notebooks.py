"""Notebook suite: wall time of the strict nbval run over every notebook.

Baseline: executing the same notebooks without comparing outputs (``jupyter
nbconvert --execute`` to a temporary folder), so the ratio shows what strict
checking adds on top of running the code.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import Row

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=NOTEBOOKS.parent, capture_output=True, check=False)
    return (time.perf_counter() - start) * 1e6


def run(quick: bool) -> list[Row]:
    books = sorted(NOTEBOOKS.glob("*.ipynb"))
    if not books:
        return [Row("notebooks", "strict nbval, all notebooks", 0.0, 0.0, 0.0, "skipped: no notebooks", None, None)]
    if quick:  # CI: keep the script working on one notebook
        books = books[:1]
    nbval = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *map(str, books)]
    with tempfile.TemporaryDirectory() as out:
        plain = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                 "--output-dir", out, *map(str, books)]
        ours, theirs = _wall(nbval), _wall(plain)
    return [Row("notebooks", f"strict nbval, {len(books)} notebook(s)", ours, ours, ours,
                "nbconvert --execute", theirs, ours / theirs, note="wall time of the whole run")]
