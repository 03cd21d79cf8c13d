"""Batches (fire_many, fire_all): one thread hand-off per batch, the same rows as firing one by one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.runtime import batch, runner

FORM = "wixForms_onSubmissionCreated"


def payloads(n: int) -> list[dict[str, Any]]:
    base = wixevents.sample(FORM)
    # every third payload is invalid (a number where the status text is typed): one invalid_payload row each
    return [{**base, "entity": {**base["entity"], "status": "CONFIRMED" if i % 3 else 3}} for i in range(n)]


def two_handlers(site: Site, slow_on: int | None = None) -> None:
    calls = iter(range(10**9))

    @site.handler
    def wixForms_onSubmissionCreated(event: Any) -> Any:
        n = next(calls)
        print("first", n)
        if n == slow_on:
            time.sleep(1.5)
        return n

    @site.handler(source="second")
    def wixForms_onSubmissionCreated(event: Any) -> str:  # noqa: F811
        print("second")
        return "two"


def test_a_batch_records_the_same_history_as_firing_one_by_one() -> None:
    one_by_one, batched = Site(clock=FixedClock(), durations=False), Site(clock=FixedClock(), durations=False)
    two_handlers(one_by_one)
    two_handlers(batched)
    for p in payloads(30):
        one_by_one.fire(FORM, payload=p)
    results = batched.fire_many(FORM, payloads(30))
    assert batched.history == one_by_one.history
    assert [r.fire.fire for r in results] == list(range(1, 31))
    first_ok = next(r for r in batched.history if r.status == "ok")
    assert [line.message for line in first_ok.logs] == ["first 0"]


def test_a_batch_hands_off_to_a_worker_once_not_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    submitted: list[object] = []
    real = runner._POOL.submit
    monkeypatch.setattr(runner._POOL, "submit", lambda job: (submitted.append(job), real(job))[1])
    site = Site(clock=FixedClock())
    two_handlers(site)
    site.fire_many(FORM, payloads(50))
    invalid = len(range(0, 50, 3))
    assert len(submitted) == 1 and len(site.history) == 2 * (50 - invalid) + invalid
    submitted.clear()
    site.fire(FORM)
    assert len(submitted) == 2  # a single fire still hands each run off


def test_a_run_past_its_timeout_in_a_batch_is_a_timeout_row_and_the_batch_goes_on() -> None:
    site = Site(clock=FixedClock(), timeout=0.3, durations=False)
    two_handlers(site, slow_on=1)
    good = [p for p in payloads(6) if p["entity"]["status"] == "CONFIRMED"][:4]
    started = time.monotonic()
    results = site.fire_many(FORM, good)
    assert time.monotonic() - started < 1.4  # did not wait for the sleeping handler
    rows = [(r.fire, r.source, r.status, r.value) for r in site.history]
    assert rows == [(1, "notebook", "ok", 0), (1, "second", "ok", "two"),
                    (2, "notebook", "timeout", None), (2, "second", "ok", "two"),
                    (3, "notebook", "ok", 2), (3, "second", "ok", "two"),
                    (4, "notebook", "ok", 3), (4, "second", "ok", "two")]
    assert [len(r.runs) for r in results] == [2, 2, 2, 2]
    timed_out = site.history[2]
    assert [line.message for line in timed_out.logs] == ["first 1"]
    assert "still running after the 0.3 s timeout" in str(timed_out.error)
    time.sleep(1.3)  # the abandoned worker wakes up and must record nothing
    assert len(site.history) == 8 and [line.message for line in site.history[4].logs] == ["first 2"]


def test_a_batch_inside_a_handler_fires_one_by_one_and_nests() -> None:
    site = Site(clock=FixedClock(), durations=False)

    @site.handler
    def wixForms_onSubmissionCreated(event: Any) -> Any:
        return len(site.fire_many("wixBilling_onInvoicePaid", [None]))

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> str:
        return "inner"

    site.fire_many(FORM, [wixevents.sample(FORM)] * 2)
    assert [(r.event, r.parent) for r in site.history] == [
        (FORM, None), ("wixBilling_onInvoicePaid", 1), (FORM, None), ("wixBilling_onInvoicePaid", 3)]


def test_an_error_from_the_payload_iterable_propagates_after_the_fires_before_it() -> None:
    site = Site(clock=FixedClock())
    two_handlers(site)

    def broken() -> Iterator[dict[str, Any]]:
        yield wixevents.sample(FORM)
        raise LookupError("no more payloads")

    with pytest.raises(LookupError):
        site.fire_many(FORM, broken())
    assert len(site.history.fires) == 1


def test_api_misuse_inside_a_batch_still_raises() -> None:
    site = Site(clock=FixedClock())
    with pytest.raises(wixevents.InvalidOverride):
        site.fire_many(FORM, [wixevents.sample(FORM)], set={"entity.nothing.here": 1})


def test_fire_all_is_a_batch_with_every_variant() -> None:
    site = Site(clock=FixedClock())
    two_handlers(site)
    results = site.fire_all(FORM)
    assert [r.fire.variant for r in results] == wixevents.samples(FORM)


def test_batches_larger_than_a_chunk_keep_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK", 7)
    site = Site(clock=FixedClock(), durations=False)

    @site.handler
    def wixForms_onSubmissionCreated(event: Any) -> Any:
        return event.entity.revision

    statuses = [f"S{i}" for i in range(40)]
    base = wixevents.sample(FORM)
    results = site.fire_many(FORM, ({**base, "entity": {**base["entity"], "revision": s}} for s in statuses))
    assert [r.value for r in results] == statuses


def test_batches_from_several_threads_at_once_keep_their_own_rows() -> None:
    site = Site(clock=FixedClock(), durations=False)

    @site.handler
    def wixForms_onSubmissionCreated(event: Any) -> Any:
        return event.entity.revision

    base = wixevents.sample(FORM)
    out: dict[int, list[Any]] = {}

    def go(n: int) -> None:
        got = site.fire_many(FORM, [{**base, "entity": {**base["entity"], "revision": f"{n}-{i}"}} for i in range(60)])
        out[n] = [r.value for r in got]

    threads: list[threading.Thread] = [threading.Thread(target=go, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(out[n] == [f"{n}-{i}" for i in range(60)] for n in range(4)) and len(site.history) == 240


