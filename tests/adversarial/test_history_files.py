"""History files: every history a site recorded saves and loads back equal; every bad file is reported.

A bad file raises ``HistoryFileError`` naming the file, the line and the problem,
or, with ``errors="skip"``, loads its good lines and lists the bad ones. The bad
files are made by editing a real saved history the way a crash, a careless edit
or another program would.
"""

from __future__ import annotations

import json
import os
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wixevents import FileExists, FixedClock, History, HistoryFileError, Site
from wixevents.runtime.records import Fire, Run

#: Hypothesis examples per generated test: more under --adversarial-full.
EXAMPLES = 2_000 if os.environ.get("WIXEVENTS_ADVERSARIAL_FULL") == "1" else 100
AREA = "history files"
EVENT = "wixEcom_onOrderCreated"


def recorded_site() -> Site:
    """Two fires: one ok run with a print and a return value, one invalid payload."""
    site = Site(clock=FixedClock())

    @site.handler
    def wixEcom_onOrderCreated(event: Any) -> Any:
        print("order", event.entity.number)
        return {"n": event.entity.number}

    site.fire(EVENT)
    site.fire(EVENT, payload={"entity": 1})
    return site


def saved(tmp_path: Path) -> tuple[Path, list[str]]:
    path = recorded_site().history.save(tmp_path / "h.jsonl")
    return path, path.read_text(encoding="utf-8").splitlines(keepends=True)


def _edit_run(lines: list[str], change: Callable[[dict[str, Any]], None]) -> list[str]:
    index = next(i for i, line in enumerate(lines) if '"kind": "run"' in line)
    data = json.loads(lines[index])
    change(data)
    return [*lines[:index], json.dumps(data) + "\n", *lines[index + 1:]]


def _run_index(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if '"kind": "run"' in line) + 1


# (case id, edit of the saved lines, the words the problem must contain, the line it must name or None)
BAD: list[tuple[str, Callable[[list[str]], list[str]], str, Callable[[list[str]], int | None]]] = [
    ("truncated mid-line", lambda ls: [*ls[:-2], ls[-2][: len(ls[-2]) // 2]], "cut short (the file is truncated)",
     lambda ls: len(ls) - 1),
    ("truncated between lines", lambda ls: ls[:-1], "without its end line", lambda ls: None),
    ("duplicate run line", lambda ls: [*ls[:-1], ls[_run_index(ls) - 1], ls[-1]], "appears twice",
     lambda ls: len(ls)),
    ("run of an unknown fire", lambda ls: _edit_run(ls, lambda d: d.update(fire=99)), "fire 99, which no earlier",
     _run_index),
    ("status is a number", lambda ls: _edit_run(ls, lambda d: d.update(status=3)), "status should be text, got an "
     "integer 3", _run_index),
    ("garbage line", lambda ls: [*ls[:2], "%%% not json\n", *ls[2:]], "not a JSON line", lambda ls: 3),
    ("seq is text", lambda ls: _edit_run(ls, lambda d: d.update(seq="1")), "seq should be an integer", _run_index),
    ("log line of the wrong shape", lambda ls: _edit_run(ls, lambda d: d.update(logs=[{"level": 1}])),
     "missing field(s) logs[0].message", _run_index),
    ("missing field", lambda ls: _edit_run(ls, lambda d: d.pop("status")), "missing field(s) status", _run_index),
    ("extra field", lambda ls: _edit_run(ls, lambda d: d.update(colour="red")), "unknown field(s) colour",
     _run_index),
    ("unknown kind", lambda ls: _edit_run(ls, lambda d: d.update(kind="walk")), '"kind" should be', _run_index),
    ("a list for a line", lambda ls: [*ls[:2], "[1, 2]\n", *ls[2:]], "expected a JSON object", lambda ls: 3),
    ("a line after the end", lambda ls: [*ls, ls[1]], "after the end line", lambda ls: len(ls) + 1),
    ("a line removed", lambda ls: [*ls[:-2], ls[-1]], "lines were added or removed", lambda ls: None),
    ("parent that is not in the file", lambda ls: _edit_run(ls, lambda d: d.update(parent=77)), "parent 77",
     lambda ls: None),
]


@pytest.mark.parametrize(("edit", "words", "line"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_a_bad_history_file_names_file_line_and_problem(tmp_path: Path, edit: Callable[[list[str]], list[str]],
                                                       words: str, line: Callable[[list[str]], int | None]) -> None:
    """Contract: loading a damaged file raises HistoryFileError (a ValueError) naming file, line and problem."""
    path, lines = saved(tmp_path)
    path.write_text("".join(edit(lines)), encoding="utf-8")
    with pytest.raises(HistoryFileError) as caught:
        History.load(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert words in error.problem and error.file == str(path) and error.line == line(lines)
    assert str(path) in str(error) and (error.line is None or f"line {error.line}:" in str(error))


@pytest.mark.parametrize(("edit", "words"), [(case[1], case[2]) for case in BAD], ids=[case[0] for case in BAD])
def test_skip_loads_the_good_lines_and_reports_the_bad(tmp_path: Path, edit: Callable[[list[str]], list[str]],
                                                       words: str) -> None:
    """Contract: errors="skip" keeps every good record, lists each bad line, and warns; never silent."""
    path, lines = saved(tmp_path)
    original = History.load(path)
    path.write_text("".join(edit(lines)), encoding="utf-8")
    with pytest.warns(UserWarning, match="skipped"):
        loaded = History.load(path, errors="skip")
    assert any(words in problem for _, problem in loaded.load_problems)
    assert all(run in original.runs for run in loaded.runs)
    assert all(fire in original.fires for fire in loaded.fires)


@pytest.mark.parametrize(("content", "words"), [
    (b"", "not a wixevents history"),
    (b"\x00\x01\x02binary\xff\xfe", "not UTF-8"),
    ("{\"format\": \"wixevents-history\", \"version\": 1}\n".encode("utf-16"), "not UTF-8"),
    (b'{"format": "wixevents-history", "version": 99}\n', "format version 99"),
    (b'{"format": "wixevents-history", "version": "2"}\n', "format version '2'"),
    (b'{"format": "wixevents-history"}\n', "format version None"),
    (b'{"format": "something-else", "version": 2}\n', "not a wixevents history"),
], ids=["empty", "binary", "utf-16", "newer version", "version as text", "no version", "other format"])
def test_a_file_that_is_not_a_readable_history_is_refused_even_when_skipping(tmp_path: Path, content: bytes,
                                                                               words: str) -> None:
    """Contract: a wrong header or format version raises HistoryFileError whatever errors= says."""
    path = tmp_path / "h.jsonl"
    path.write_bytes(content)
    for errors in ("raise", "skip"):
        with pytest.raises(HistoryFileError, match=words):
            History.load(path, errors=errors)  # type: ignore[arg-type]


def test_version_1_files_without_an_end_line_still_load(tmp_path: Path) -> None:
    """Contract: files written before the end line existed load as they did."""
    path, lines = saved(tmp_path)
    path.write_text(lines[0].replace('"version": 2', '"version": 1') + "".join(lines[1:-1]), encoding="utf-8")
    assert History.load(path) == History.load(tmp_path / "h.jsonl")


def test_odd_values_a_site_records_save_and_load_back_equal(tmp_path: Path) -> None:
    """Contract: lone surrogates (payload, print, return value), non-text keys, tuples and
    ints too long for text survive a save and load unchanged."""
    site = Site(clock=FixedClock())

    @site.handler
    def wixEcom_onOrderCreated(event: Any) -> Any:
        print("bad bytes \udc80\udcff")
        return {"text": "\ud800 alone", 1: "one"}

    site.fire(EVENT, set={"entity.number": "\udc80"})
    site.fire(EVENT, payload={1: "a", None: [1, (2, 3)], (1, "x"): True, 2.5: 10**5000, "$wixevents:dict": 0})
    site.fire(EVENT, payload={"entity": {"big": 10**5000, "deep": [[[["\udcff"]]]]}})
    path = site.history.save(tmp_path / "odd.jsonl")
    path.read_bytes().decode("utf-8")  # a valid UTF-8 file
    loaded = History.load(path)
    assert loaded == site.history
    assert loaded.fires[1].payload[(1, "x")] is True and loaded.fires[1].payload[2.5] == 10**5000


def test_a_returned_10_to_the_5000_keeps_the_history_saveable(tmp_path: Path) -> None:
    """Contract: a value Python cannot turn into text is shown as <unprintable int of 5001 digits>."""
    site = Site(clock=FixedClock())

    def wixEcom_onOrderCreated(event: Any) -> int:
        return 10**5000

    site.register(wixEcom_onOrderCreated)
    run = site.fire(EVENT).runs[0]
    assert (run.status, run.value) == ("ok", "<unprintable int of 5001 digits>")
    assert History.load(site.history.save(tmp_path / "big.jsonl")) == site.history


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.text() | st.integers() | st.booleans() | st.none() | st.tuples(st.integers(), st.text()), inner,
        max_size=4) | st.tuples(inner, inner),
    max_leaves=20)


@settings(derandomize=True, database=None, max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(payload=JSONISH, log=st.text(), variant=st.one_of(st.none(), st.text()))
def test_any_recorded_payload_and_text_round_trips(tmp_path_factory: pytest.TempPathFactory, payload: Any,
                                                  log: str, variant: str | None) -> None:
    """Contract: any payload a fire can record (any text, surrogates included, any keys) and any log
    text round-trip through a history file."""
    from wixevents.runtime.records import LogLine

    fire = Fire(1, EVENT, variant, payload, "2026-01-01T00:00:00+00:00")
    run = Run(1, "r1", 1, EVENT, EVENT, "notebook", variant, "ok", "2026-01-01T00:00:00+00:00", 1.5, log,
              logs=(LogLine("INFO", log, "2026-01-01T00:00:00+00:00", "stdout"),))
    history = History([fire], [run])
    path = history.save(tmp_path_factory.mktemp("h") / "h.jsonl")
    assert History.load(path) == history


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_saved_files_follow_the_umask(tmp_path: Path, umask: int) -> None:
    """Contract: a saved history has the permissions any new file gets (0o666 minus the umask)."""
    old = os.umask(umask)
    try:
        path = recorded_site().history.save(tmp_path / "h.jsonl")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_saving_never_replaces_a_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Contract: an existing file is kept unless overwrite=True; no temporary file is left behind."""
    path, lines = saved(tmp_path)
    with pytest.raises(FileExists):
        recorded_site().history.save(path)
    assert path.read_text(encoding="utf-8").splitlines(keepends=True) == lines
    assert [p.name for p in tmp_path.iterdir()] == ["h.jsonl"]


def test_saving_streams_instead_of_building_the_file_in_memory(tmp_path: Path, adversarial_full: bool) -> None:
    """Contract: saving holds about one line at a time: peak memory while saving stays a small
    fraction of the file's size."""
    count = 200_000 if adversarial_full else 20_000
    fire = Fire(1, EVENT, "default", {"entity": {"number": "1"}}, "2026-01-01T00:00:00+00:00")
    runs = [Run(i, f"run-{i:08d}", 1, EVENT, EVENT, "notebook", "default", "ok", "2026-01-01T00:00:00+00:00", 0.25,
                {"n": i, "text": "x" * 40}) for i in range(1, count + 1)]
    history = History([fire], runs)
    tracemalloc.start()
    try:
        path = history.save(tmp_path / "big.jsonl")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = path.stat().st_size
    assert peak < size / 5, (peak, size)
    loaded = History.load(path)
    assert len(loaded) == count and loaded.runs[-1] == runs[-1]
