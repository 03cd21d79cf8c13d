"""Parity: the same handler in Python and in JavaScript gives the same tables, for every sample of every seed category.

Each case builds two sites with a fixed clock and the same seed: one runs the
Python handler (and hooks), the other loads the JavaScript ``events.js`` (and
``data.js``) of :mod:`parity_handlers` and its sequels from a backend folder
with ``site.load_js``. Both fire the same sample, then these tables must be
equal (``pandas.testing.assert_frame_equal``):

* the history (``site.history.to_frame()``: status, value, error, log line
  counts, parents, run IDs, times...), with no column dropped: both sites use
  the same source name (``"notebook"``), a fixed clock (so ``duration_ms`` is
  0.0 on both and ``started`` and IDs come out in the same order) and the same
  ID seed;
* the logs (``site.logs()``) without the ``origin`` column, the one thing that
  legitimately differs: Python's ``print`` is ``stdout``, JavaScript's
  ``console.log`` is ``console``; the level, message and time must match;
* the effects (``site.effects()``), every column: each call's module,
  function, arguments, result, error, elevation and the runs it caused;
* the state: every collection, contacts, members, triggered emails and HTTP
  calls. These are compared without checking numeric dtypes
  (``check_dtype=False``): JavaScript has one number type and JSON writes no
  ``.0``, so a sample's ``36000.0`` comes back from JavaScript as the integer
  ``36000``, and a column may be int64 on one side and float64 on the other;
  the values must still be equal.

A second test fires every sample of an event in a row on the same two sites,
so the state that builds up (one contact per address, counts, cascades) is
compared too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

from parity_handlers import Pair
from parity_sdk import PAIRS

import wixevents
from wixevents import FixedClock, Site

BY_EVENT = {pair.event: pair for pair in PAIRS}
CASES = [(pair.event, variant) for pair in PAIRS for variant in wixevents.samples(pair.event)]


@pytest.fixture
def pair_sites(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    pair: Pair = BY_EVENT[request.param]
    python, javascript = Site(clock=FixedClock()), Site(clock=FixedClock())
    for name, fn in pair.python.items():
        python.register(fn, name=name)
    backend = tmp_path / "src" / "backend"
    backend.mkdir(parents=True)
    for file, text in pair.js.items():
        (backend / file).write_text(text, encoding="utf-8")
    report = javascript.load_js(backend)
    assert sorted(h.name for h in report.registered) == sorted(pair.python) and not report.problems
    for site in (python, javascript):
        pair.setup(site)
    yield python, javascript
    javascript.close()


def assert_same(python: Site, javascript: Site) -> None:
    pd.testing.assert_frame_equal(javascript.history.to_frame(), python.history.to_frame())
    pd.testing.assert_frame_equal(javascript.logs().drop(columns="origin"), python.logs().drop(columns="origin"))
    pd.testing.assert_frame_equal(javascript.effects(), python.effects())
    assert javascript.collections() == python.collections()
    for name in python.collections():
        pd.testing.assert_frame_equal(javascript.collection(name), python.collection(name), check_dtype=False)
    for table in ("contacts", "members", "emails", "http_calls"):
        pd.testing.assert_frame_equal(getattr(javascript, table)(), getattr(python, table)(), check_dtype=False)


@pytest.mark.parametrize(("pair_sites", "variant"), CASES, ids=[f"{e}/{v}" for e, v in CASES],
                         indirect=["pair_sites"])
def test_one_sample_gives_the_same_tables_in_python_and_javascript(pair_sites: tuple[Site, Site],
                                                                    variant: str) -> None:
    python, javascript = pair_sites
    event = python.handlers[0].name
    for site in pair_sites:
        site.fire(event, variant)
    assert python.history.runs[0].status == "ok", python.history.to_frame()[["event", "status", "error"]]
    assert_same(python, javascript)


@pytest.mark.parametrize("pair_sites", list(BY_EVENT), indirect=True)
def test_every_sample_in_a_row_gives_the_same_tables(pair_sites: tuple[Site, Site]) -> None:
    python, javascript = pair_sites
    event = python.handlers[0].name
    results = [site.fire_all(event) for site in pair_sites]
    assert results[0].ok, results[0].to_frame()[["variant", "status", "error"]]
    assert_same(python, javascript)


def test_every_seed_category_has_a_pair() -> None:
    assert set(BY_EVENT) == {
        "wixBilling_onInvoicePaid", "wixMediaManager_onFileUploaded", "wixCrm_onFormSubmit",
        "wixForms_onSubmissionCreated", "wixMembers_onMemberCreated", "wixData_onDataItemCreated",
        "wixData_onDataItemUpdated", "wixData_onDataItemDeleted", "wixBookings_onBookingCreated",
        "wixBookings_onBookingConfirmed", "wixBookings_onBookingCanceled", "wixBookingsV2_onBookingCreated",
        "wixBookingsV2_onBookingConfirmed", "wixBookingsV2_onBookingCanceled"}
    assert len(CASES) > 80
