"""The shipped notebooks are all under nbval, and were committed as a clean top-to-bottom run.

nbval itself (``--nbval`` in ``pyproject.toml``) re-runs each notebook and compares
every output; these tests check what nbval cannot: that no notebook escapes it,
and that the committed outputs come from one run in order (re-create them with
``python tools/run_notebooks.py``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"
#: Text that would show where this machine keeps things; outputs must not contain it.
MACHINE_PATH = re.compile(r"(/tmp/|/home/|/root/|/work/|/Users/|site-packages|[A-Z]:\\\\)")


def load(path: Path) -> dict[str, Any]:
    nb: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return nb


def code_cells(path: Path) -> list[dict[str, Any]]:
    return [c for c in load(path)["cells"] if c["cell_type"] == "code"]


def tags(cell: dict[str, Any]) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def ignores_output(cell: dict[str, Any]) -> bool:
    source = "".join(cell["source"])
    return "nbval-ignore-output" in tags(cell) or "# NBVAL_IGNORE_OUTPUT" in source


def text_of(output: dict[str, Any]) -> str:
    if output["output_type"] == "stream":
        return "".join(output["text"])
    if output["output_type"] == "error":
        return "\n".join([output["ename"], output["evalue"], *output["traceback"]])
    data = output.get("data", {})
    return "\n".join("".join(v) if isinstance(v, list) else json.dumps(v)
                     for k, v in data.items() if k != WIDGET)


def test_there_are_notebooks() -> None:
    assert PATHS, "notebooks/ holds no notebook"


def test_pytest_runs_every_notebook_with_strict_nbval() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    options = config["addopts"].split()
    assert "notebooks" in config["testpaths"]
    assert "--nbval" in options and "--nbval-lax" not in options, "notebooks must be compared strictly"
    assert "--nbval-current-env" in options, "the kernel must be this environment's Python"
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "notebooks"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    for path in PATHS:
        collected = sum(1 for line in done.stdout.splitlines() if line.startswith(f"notebooks/{path.name}::"))
        assert collected == len(code_cells(path)), f"{path.name}: nbval collected {collected} cells"


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_was_run_top_to_bottom(path: Path) -> None:
    cells = code_cells(path)
    counts = [c["execution_count"] for c in cells]
    assert counts == list(range(1, len(cells) + 1)), (
        f"{path.name}: execution counts {counts}; re-run it with `python tools/run_notebooks.py {path}`")
    assert load(path)["metadata"]["kernelspec"]["name"] == "python3"
    for number, cell in enumerate(cells, 1):
        errors = [o for o in cell["outputs"] if o["output_type"] == "error"]
        # IPython reports a UsageError (a magic refusing its input) as a line on stderr, not as an error output.
        usage = [o for o in cell["outputs"] if o["output_type"] == "stream" and o["name"] == "stderr"
                 and "".join(o["text"]).startswith("UsageError:")]
        if "raises-exception" in tags(cell):
            assert errors or usage, f"{path.name} cell [{number}] is tagged raises-exception but raised nothing"
        else:
            assert not errors, f"{path.name} cell [{number}] raised {errors[0]['ename']}: {errors[0]['evalue']}"


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_outputs_are_compared_except_for_widgets(path: Path) -> None:
    for number, cell in enumerate(code_cells(path), 1):
        if ignores_output(cell):
            assert any(WIDGET in o.get("data", {}) for o in cell["outputs"]), (
                f"{path.name} cell [{number}] skips output comparison but does not display a widget")
        assert "nbval-skip" not in tags(cell) and "# NBVAL_SKIP" not in "".join(cell["source"]), (
            f"{path.name} cell [{number}] is skipped by nbval")


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_outputs_show_no_machine_paths(path: Path) -> None:
    for number, cell in enumerate(code_cells(path), 1):
        for output in cell["outputs"]:
            found = MACHINE_PATH.search(text_of(output))
            assert not found, f"{path.name} cell [{number}] shows a path of this machine: {found.group(0)!r}"


def test_readme_quickstart_is_the_quickstart_notebook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1]
    block = section.split("```python\n", 1)[1].split("\n```", 1)[0]
    cells = [c for c in code_cells(NOTEBOOKS / "00_quickstart.ipynb") if "exercise" not in tags(c)]
    assert block == "\n\n".join("".join(c["source"]) for c in cells), (
        "README's Quickstart must be the quickstart notebook's code (cells tagged 'exercise' left out)")
