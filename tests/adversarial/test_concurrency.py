"""Concurrency: fires from many threads and event loops lose, duplicate or misattribute no run.

Python handlers run on pooled worker threads. A worker idle for ``_Pool.IDLE``
seconds leaves; a job queued at that very moment must still run. The stress
tests shorten the idle time so workers leave all the time, and fire from plain
threads, from ``fire_async`` on an event loop, and through JavaScript handlers
whose data hooks and cascades nest runs.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.runtime import runner

AREA = "concurrency"
EVENT = "wixEcom_onOrderCreated"


class _SlowPut:
    """A job queue whose ``put`` is slow: the moment a submitter is descheduled, made wide."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Callable[[], object]] = queue.SimpleQueue()

    def put(self, job: Callable[[], object]) -> None:
        time.sleep(0.01)
        self._queue.put(job)

    def get(self, timeout: float | None = None) -> Callable[[], object]:
        return self._queue.get(timeout=timeout)

    def empty(self) -> bool:
        return self._queue.empty()


def test_a_job_queued_as_its_idle_worker_leaves_still_runs() -> None:
    """Contract: no job is stranded; the pool's idle count never goes negative."""
    pool = runner._Pool()
    pool.IDLE = 0.001
    pool._jobs = _SlowPut()  # type: ignore[assignment]
    stranded = 0
    for _ in range(15):
        done = threading.Event()
        pool.submit(done.set)
        stranded += not done.wait(2)
    assert (stranded, pool._idle >= 0) == (0, True)


@pytest.fixture
def restless_pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Workers leave after a millisecond idle, so submits race with leaving all the time."""
    monkeypatch.setattr(runner._POOL, "IDLE", 0.001)
    yield


def _python_site() -> Site:
    site = Site(clock=FixedClock(), timeout=30, durations=False)

    @site.handler
    def wixEcom_onOrderCreated(event: Any) -> str:
        print("order", event.entity.number)
        return str(event.entity.number)

    return site


def _check(site: Site, fired: list[tuple[int, str]]) -> None:
    """Each fire has exactly one run, of that fire, that saw that fire's payload."""
    runs = list(site.history)
    per_fire = Counter(r.fire for r in runs)
    assert len(site.history.fires) == len(fired) == len(runs)
    assert set(per_fire.values()) == {1}
    by_fire = {r.fire: r for r in runs}
    wrong = [(fire, token, by_fire[fire].value) for fire, token in fired
             if by_fire[fire].value != token or [line.message for line in by_fire[fire].logs] != [f"order {token}"]]
    assert wrong == []
    assert sorted(r.seq for r in runs) == list(range(1, len(runs) + 1))


def test_threads_and_an_event_loop_firing_at_once_lose_nothing(restless_pool: None, adversarial_full: bool) -> None:
    """Contract: threads x fires (single and fire_many batches) plus fire_async from an event loop:
    every fire has exactly its run,
    with its own payload and logs; no job stranded (every fire returns within its timeout)."""
    threads, per_thread, async_fires = (8, 1_400, 800) if adversarial_full else (4, 120, 80)
    site = _python_site()
    fired: list[tuple[int, str]] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def record(result: Any, token: str) -> None:
        assert [r.status for r in result.runs] == ["ok"]
        with lock:
            fired.append((result.fire.fire, token))

    def worker(n: int) -> None:
        try:
            if n % 2:  # odd threads fire in batches (one hand-off per batch)
                base = wixevents.sample(EVENT)
                for start in range(0, per_thread, 40):
                    tokens = [str(n * 100_000 + i) for i in range(start, min(start + 40, per_thread))]
                    batch = [{**base, "entity": {**base["entity"], "number": t}} for t in tokens]
                    for result, token in zip(site.fire_many(EVENT, batch), tokens, strict=True):
                        record(result, token)
                return
            for i in range(per_thread):
                token = str(n * 100_000 + i)
                record(site.fire(EVENT, set={"entity.number": token}), token)
        except BaseException as exc:
            errors.append(exc)

    async def from_loop() -> None:
        for start in range(0, async_fires, 20):
            tokens = [str(900_000 + i) for i in range(start, min(start + 20, async_fires))]
            results = await asyncio.gather(*(site.fire_async(EVENT, set={"entity.number": t}) for t in tokens))
            for result, token in zip(results, tokens, strict=True):
                record(result, token)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    asyncio.run(from_loop())
    for t in pool:
        t.join(timeout=600)
    assert errors == []
    assert runner._POOL._idle >= 0
    _check(site, fired)


EVENTS_JS = """\
import wixData from "wix-data";
export async function wixData_onDataItemCreated(event) {
  const collection = event.entity.dataCollectionId;
  const token = event.entity.data.token;
  if (collection === "Seen") return token;
  await wixData.insert("Seen", { token });
  return token;
}
"""
DATA_JS = """\
export function Seen_beforeInsert(item, context) {
  console.log("hook", item.token);
  return { ...item, checked: true };
}
"""


def test_javascript_hooks_and_cascades_from_many_threads_keep_their_chains(tmp_path: Path, restless_pool: None,
                                                                           adversarial_full: bool) -> None:
    """Contract: a JavaScript fire that inserts (hook, then a cascaded fire) from many threads at
    once: each fire has its three runs, linked to its own first run, with its own token."""
    pytest.importorskip("py_mini_racer")
    threads, per_thread = (8, 550) if adversarial_full else (3, 25)
    folder = tmp_path / "backend"
    folder.mkdir()
    (folder / "events.js").write_text(EVENTS_JS, encoding="utf-8")
    (folder / "data.js").write_text(DATA_JS, encoding="utf-8")
    with Site(clock=FixedClock(), timeout=30, durations=False) as site:
        site.load_js(folder)
        fired: list[tuple[int, str]] = []
        lock, errors = threading.Lock(), list[BaseException]()

        def worker(n: int) -> None:
            try:
                if n % 2:  # odd threads fire in one batch
                    base = wixevents.sample("wixData_onDataItemCreated")
                    tokens = [f"t{n}-{i}" for i in range(per_thread)]
                    batch = [{**base, "entity": {**base["entity"], "data": {"token": t}}} for t in tokens]
                    for result, token in zip(site.fire_many("wixData_onDataItemCreated", batch), tokens,
                                             strict=True):
                        with lock:
                            fired.append((result.fire.fire, token))
                    return
                for i in range(per_thread):
                    token = f"t{n}-{i}"
                    result = site.fire("wixData_onDataItemCreated", set={"entity.data": {"token": token}})
                    with lock:
                        fired.append((result.fire.fire, token))
            except BaseException as exc:
                errors.append(exc)

        pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join(timeout=600)
        assert errors == []
        runs = list(site.history)
        assert len(runs) == 3 * len(fired) == 3 * threads * per_thread
        first = {r.fire: r for r in runs if r.trigger == "fire"}
        for fire, token in fired:
            top = first[fire]
            children = [r for r in runs if r.parent == top.seq]
            assert (top.status, top.value) == ("ok", token)
            assert sorted(r.trigger for r in children) == ["cascade", "hook"]
            hook = next(r for r in children if r.trigger == "hook")
            cascade = next(r for r in children if r.trigger == "cascade")
            assert [line.message for line in hook.logs] == [f"hook {token}"]
            assert (cascade.status, cascade.value) == ("ok", token)
        assert sorted(site.collection("Seen")["token"]) == sorted(token for _, token in fired)
