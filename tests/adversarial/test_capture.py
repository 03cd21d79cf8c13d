"""Output capture: prints from any thread, during or between runs, never crash the process.

Each run routes ``print`` to its own log lines by standing in for ``sys.stdout``;
a background thread printing at the same moment must never write through a
stand-in that was freed. The stress runs in a subprocess (a crash there is a
non-zero exit code, not a dead test session), with output redirected to a file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

AREA = "output capture"

ROOT = Path(__file__).resolve().parents[2]

STRESS = textwrap.dedent('''
    import sys, threading, logging, warnings
    from wixevents import Site, FixedClock

    LINES, FIRES, THREADS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    site = Site(clock=FixedClock(), durations=False)

    @site.handler
    def wixEcom_onOrderCreated(event):
        print("inside", event.metadata.id)
        return 1

    stop = threading.Event()

    def chatter(n):
        for i in range(LINES):
            print("background", n, i)
            sys.stderr.write(f"err {n} {i}\\n")
            if i % 500 == 0:
                logging.getLogger("bg").warning("bg %d", i)
        stop.set()

    threads = [threading.Thread(target=chatter, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    bad = 0
    for i in range(FIRES):
        result = site.fire("wixEcom_onOrderCreated")
        run = result.runs[0]
        if run.status != "ok" or [line.message for line in run.logs] != ["inside " + run_id(result)]:
            bad += 1
    for t in threads:
        t.join()
    print("BAD", bad, file=sys.__stderr__)
    sys.exit(3 if bad else 0)
''').replace("run_id(result)", "result.fire.event_id")


@pytest.mark.parametrize("where", ["file", "pipe"])
def test_prints_from_background_threads_while_firing_never_crash(tmp_path: Path, where: str,
                                                                 adversarial_full: bool) -> None:
    """Contract: a background thread printing while the site fires never crashes Python (exit code 0),
    and every run still captures exactly its own lines."""
    lines, fires, threads = (20_000, 3_000, 4) if adversarial_full else (6_000, 800, 2)
    script = tmp_path / "stress.py"
    script.write_text(STRESS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = (tmp_path / "out.txt").open("w") if where == "file" else subprocess.PIPE
    proc = subprocess.run([sys.executable, str(script), str(lines), str(fires), str(threads)], stdout=out,
                          stderr=subprocess.PIPE, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    assert b"BAD 0" in proc.stderr


def test_stdout_replaced_by_someone_else_mid_run_is_left_alone() -> None:
    """Contract: when another tool replaces sys.stdout while a run is capturing, the capture never
    puts its own stand-in back over it and the other tool's stream keeps working."""
    import io

    from wixevents import FixedClock, Site

    site = Site(clock=FixedClock())
    mine = io.StringIO()

    @site.handler
    def wixEcom_onOrderCreated(event: object) -> None:
        sys.stdout = mine
        print("to mine")

    saved = sys.stdout
    try:
        site.fire("wixEcom_onOrderCreated")
        assert sys.stdout is mine
        print("after")
    finally:
        sys.stdout = saved
    assert "after" in mine.getvalue()
