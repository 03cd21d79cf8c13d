"""The wheel ships everything the package reads at run time: catalog data, samples, JavaScript shims, py.typed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator

import pytest
from conftest import ROOT, SAMPLES

from wixevents.js.shims.install import SHIMS


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[set[str]]:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(next(out.glob("wixevents-*.whl"))) as built:
        yield set(built.namelist())


def test_the_wheel_ships_every_sample_payload(wheel: set[str]) -> None:
    shipped = {n for n in wheel if n.startswith("wixevents/sample_payloads/")}
    expected = {f"wixevents/sample_payloads/{p.parent.name}/{p.name}" for p in SAMPLES.glob("*/*.json")}
    assert expected and expected == shipped


def test_the_wheel_ships_the_catalog_data_and_the_typing_marker(wheel: set[str]) -> None:
    assert {f"wixevents/events/catalog/data/{n}" for n in ("events.json", "types.json", "hooks.json")} <= wheel
    assert "wixevents/py.typed" in wheel
    assert "wixevents/velo/data/modules.json" in wheel


def test_the_wheel_ships_the_javascript_shims(wheel: set[str]) -> None:
    shipped = {n for n in wheel if n.endswith(".js")}
    assert {f"wixevents/js/shims/{file}" for file in SHIMS.values()} | {"wixevents/js/prelude.js"} <= shipped


def test_the_wheel_leaves_out_tools_tests_and_notebooks(wheel: set[str]) -> None:
    assert not {n for n in wheel if n.split("/")[0] in ("tools", "tests", "notebooks", "benchmarks", "examples")}


def test_the_wheel_ships_the_pytest_plugin_module_beside_the_package(wheel: set[str]) -> None:
    assert "wixevents_pytest.py" in wheel
    assert {"wixevents/testing/__init__.py", "wixevents/strategies.py"} <= wheel
