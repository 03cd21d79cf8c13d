"""The wixevents pytest plugin: fixtures, a marker and options for testing a Wix site's backend.

Registered as a ``pytest11`` entry point, so installing wixevents makes it
available in every pytest run of that environment. It costs nothing until used:
this module imports only pytest, and wixevents is imported when a test asks for
one of its fixtures or carries its marker. Disable it with
``-p no:wixevents_pytest``.

Fixtures (each test gets its own, closed after it):

* ``wix_site`` -- an empty ``wixevents.Site`` with a fixed clock;
* ``wix_backend`` -- such a site with the project's backend folder loaded
  (``events.js``, ``data.js``); the folder comes from ``--wix-backend PATH``, the
  ``wix_backend`` ini option or ``[tool.wixevents] backend`` in pyproject.toml;
* ``wix_sample`` -- a factory: ``wix_sample(event, variant="default", set={...})``
  returns a sample payload (a fresh dict);
* ``wix_snapshot`` -- ``wix_snapshot(result_or_site_or_value)`` compares with a
  JSON file under ``snapshots/`` beside the test (``--wix-update-snapshots`` writes it).

Marker: ``@pytest.mark.wix_samples("wixEcom_onOrderCreated", ...)`` runs the
test once per case of each event -- every sample variant, with the variant as
the test id -- passing it as ``wix_case`` (``wix_case.fire(site)``,
``wix_case.payload``). See :mod:`wixevents.testing`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from wixevents import Site
    from wixevents.testing import Snapshot

MARKER = "wix_samples"
_written = pytest.StashKey[list[Path]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("wixevents", "Wix site backends (wixevents)")
    group.addoption("--wix-backend", dest="wix_backend", metavar="PATH", default=None,
                    help="the site's backend folder (events.js, data.js) for the wix_backend fixture")
    group.addoption("--wix-update-snapshots", dest="wix_update_snapshots", action="store_true", default=False,
                    help="write the wix_snapshot golden files instead of comparing with them")
    parser.addini("wix_backend", "the site's backend folder for the wix_backend fixture (relative to this file)",
                  default=None)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}(event, ...): run the test once per sample variant (and other case) "
                                       "of each event, passed as the wix_case argument")
    config.stash[_written] = []


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker(MARKER)
    if marker is None:
        return
    if "wix_case" not in metafunc.fixturenames:
        pytest.fail(f"{metafunc.definition.nodeid}: @pytest.mark.{MARKER} passes each case as the 'wix_case' "
                    "argument; add wix_case to the test's parameters", pytrace=False)
    if not marker.args or not all(isinstance(a, str) for a in marker.args):
        pytest.fail(f"{metafunc.definition.nodeid}: @pytest.mark.{MARKER} needs one or more event names, "
                    f"e.g. @pytest.mark.{MARKER}('wixEcom_onOrderCreated'); got {marker.args!r}", pytrace=False)
    from wixevents.errors import UnknownEventType
    from wixevents.testing import cases

    try:
        found = [case for event in marker.args for case in cases(event)]
    except UnknownEventType as exc:
        pytest.fail(f"{metafunc.definition.nodeid}: {exc}", pytrace=False)
    several = len(marker.args) > 1
    metafunc.parametrize("wix_case", found, ids=[f"{c.event}-{c.id}" if several else c.id for c in found])


@pytest.fixture
def wix_site() -> Iterator[Site]:
    """An empty site with a fixed clock (reproducible IDs and times), closed after the test."""
    from wixevents import FixedClock, Site

    site = Site(clock=FixedClock())
    try:
        yield site
    finally:
        site.close()


@pytest.fixture
def wix_backend(request: pytest.FixtureRequest) -> Iterator[Site]:
    """A fresh site (fixed clock) with the project's backend folder loaded, closed after the test."""
    from wixevents.testing import backend_path, load_backend

    config = request.config
    ini = config.getini("wix_backend") or None
    try:
        path = backend_path(config.getoption("wix_backend"), config.invocation_params.dir, ini, config.inipath,
                            config.rootpath)
        site = load_backend(path)
    except (FileNotFoundError, ValueError) as exc:
        pytest.fail(f"wix_backend: {exc}", pytrace=False)
    try:
        yield site
    finally:
        site.close()


@pytest.fixture
def wix_sample() -> Callable[..., dict[str, Any]]:
    """``wix_sample(event, variant="default", set={"entity.status": "PAID"})``: a sample payload, a fresh dict."""
    import wixevents

    def make(event: str, variant: str = "default", *, set: dict[str, Any] | None = None) -> dict[str, Any]:
        return wixevents.sample(event, variant, overrides=set)

    return make


@pytest.fixture
def wix_snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """Compare effects, site data or any JSON value with golden files under ``snapshots/<test file>/``."""
    from wixevents.testing import Snapshot

    module = Path(request.node.path)
    snapshot = Snapshot(module.parent / "snapshots" / module.stem, request.node.name,
                        update=bool(request.config.getoption("wix_update_snapshots")))
    request.addfinalizer(lambda: request.config.stash[_written].extend(snapshot.written))
    return snapshot


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    written = config.stash.get(_written, [])
    if written:
        terminalreporter.section("wixevents snapshots")
        for path in written:
            terminalreporter.write_line(f"written: {path}")
