"""The adversarial suite: hostile and careless inputs, each test stating the contract it checks.

Every module here sets ``AREA`` (a human name for what it attacks). At the end of a
run one line per area says how many cases ran and how many held:
``adversarial <AREA>: tried N, held M``. The default sizes fit a CI budget of
about a minute; ``--adversarial-full`` runs the large sizes (more threads, deeper
inputs, more Hypothesis examples) for local use.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest

_tried: Counter[str] = Counter()
_held: Counter[str] = Counter()


#: Set under ``--adversarial-full`` before test modules are imported, so Hypothesis budgets
#: (fixed when a module is imported) can read it: ``os.environ.get(FULL_ENV) == "1"``.
FULL_ENV = "WIXEVENTS_ADVERSARIAL_FULL"


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--adversarial-full", default=False):
        os.environ[FULL_ENV] = "1"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--adversarial-full", action="store_true", default=False,
                     help="run the adversarial suite at its large sizes (minutes, not seconds)")


@pytest.fixture
def adversarial_full(request: pytest.FixtureRequest) -> bool:
    """True under ``--adversarial-full``: tests pick their large sizes."""
    return bool(request.config.getoption("--adversarial-full", default=False))


def _area(item: pytest.Item) -> str | None:
    module = getattr(item, "module", None)
    area = getattr(module, "AREA", None)
    return area if isinstance(area, str) else None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    area = _area(item)
    if area is None or report.skipped:
        return
    if report.when == "call":
        _tried[area] += 1
        if report.passed:
            _held[area] += 1
    elif report.when == "setup" and report.failed:  # a broken fixture is a case that did not hold
        _tried[area] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for area in sorted(_tried):
        terminalreporter.write_line(f"adversarial {area}: tried {_tried[area]}, held {_held[area]}")
