"""The command line: bad input and broken handler files give one line and exit 2, never a traceback.

A handler that fails is not bad input: the run table prints and the exit code is 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wixevents.cli import main

AREA = "CLI"
ROOT = Path(__file__).resolve().parents[2]
EVENT = "wixEcom_onOrderCreated"
OK = "def wixEcom_onOrderCreated(event):\n    return 1\n"


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


# (id, handler file name, handler file bytes, payload file bytes or None, extra args, words the one-line error has)
BAD_INPUT: list[tuple[str, str, bytes, bytes | None, list[str], str]] = [
    ("syntax error", "h.py", b"def wixEcom_onOrderCreated(event)\n    return 1\n", None, [],
     "h.py, line 1: SyntaxError"),
    ("null bytes", "h.py", b"x = 1\n\x00\n", None, [], "h.py, line 2: SyntaxError"),
    ("import-time exception", "h.py", b"import json\nraise RuntimeError('boom')\n", None, [],
     "h.py, line 2: RuntimeError while loading the file: boom"),
    ("sys.exit at import", "h.py", b"import sys\nsys.exit(5)\n", None, [], "h.py, line 2: SystemExit"),
    ("binary handler file", "h.py", b"\xff\xfe\x00\x01\x02", None, [], "h.py"),
    ("non-UTF-8 handler file", "h.py", b"x = '\xe9'\n", None, [], "h.py, line 1: SyntaxError"),
    ("a .txt handler file", "h.txt", OK.encode(), None, [], "not a Python (.py) or JavaScript (.js)"),
    ("missing handler file", "missing.py", b"", None, [], "no handler file"),
    ("binary payload", "h.py", OK.encode(), b"\x00\xff\xfe\x80binary", [], "not UTF-8 text"),
    ("latin-1 payload", "h.py", OK.encode(), '{"a": "é"}'.encode("latin-1"), [], "line 1: not UTF-8 text"),
    ("broken UTF-16 payload", "h.py", OK.encode(), b"\xff\xfe{\x00x", [], "not UTF-16 text"),
    ("--set into a scalar", "h.py", OK.encode(), None, ["--set", "entity.buyerInfo.email.x=1"],
     "is not a field path"),
    ("--set past a list's end", "h.py", OK.encode(), None, ["--set", "entity.lineItems[99].quantity=1"],
     "out of range"),
    ("--set with a Unicode digit index", "h.py", OK.encode(), None, ["--set", "entity.lineItems[²].quantity=1"],
     "digits 0-9"),
    ("--set without =", "h.py", OK.encode(), None, ["--set", "entity.number"], "--set takes PATH=VALUE"),
    ("--timeout 0", "h.py", OK.encode(), None, ["--timeout", "0"], "--timeout"),
    ("--timeout -1", "h.py", OK.encode(), None, ["--timeout", "-1"], "--timeout"),
    ("--timeout nan", "h.py", OK.encode(), None, ["--timeout", "nan"], "--timeout"),
    ("--timeout inf", "h.py", OK.encode(), None, ["--timeout", "inf"], "--timeout"),
    ("--timeout text", "h.py", OK.encode(), None, ["--timeout", "soon"], "--timeout"),
    ("unknown sample", "h.py", OK.encode(), None, ["--sample", "nope"], "has no sample variant"),
]


@pytest.mark.parametrize(("name", "content", "payload", "extra", "words"), [c[1:] for c in BAD_INPUT],
                         ids=[c[0] for c in BAD_INPUT])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                          content: bytes, payload: bytes | None, extra: list[str],
                                          words: str) -> None:
    """Contract: a bad handler file or payload file or option gives exit 2 and a one-line error naming it."""
    handlers = tmp_path / name
    if name != "missing.py":
        handlers.write_bytes(content)
    args = ["fire", EVENT, "--handlers", str(handlers), *extra]
    if payload is not None:
        (tmp_path / "p.json").write_bytes(payload)
        args += ["--payload", str(tmp_path / "p.json")]
    code, out, err = run_cli(args, capsys)
    assert code == 2, (out, err)
    assert "Traceback" not in err + out and words in err
    assert len([line for line in err.splitlines() if line.startswith(("error", "wixevents fire: error"))]) == 1


@pytest.mark.parametrize(("payload", "status"), [
    ("{", "invalid_payload"), ("[]", "invalid_payload"), ('"text"', "invalid_payload"),
    ('{"entity": ' * 600 + "1" + "}" * 600, "invalid_payload"), ('{"entity": {"n": ' + "9" * 5000 + "}}",
                                                                "invalid_payload"),
    ("", "invalid_payload"), ("\ufeff{}", "invalid_payload"),
], ids=["unclosed", "a list", "text", "600 levels deep", "5000-digit number", "empty", "BOM and {}"])
def test_a_bad_payload_is_an_invalid_payload_row_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             payload: str, status: str) -> None:
    """Contract: a payload that is not a valid event is a run row (invalid_payload), exit 1, no traceback."""
    (tmp_path / "h.py").write_text(OK, encoding="utf-8")
    (tmp_path / "p.json").write_text(payload, encoding="utf-8")
    code, out, err = run_cli(["fire", EVENT, "--handlers", str(tmp_path / "h.py"), "--payload",
                              str(tmp_path / "p.json")], capsys)
    assert (code, "Traceback" in err) == (1, False) and status in out


@pytest.mark.parametrize("body", ["raise ValueError('no')", "import sys; sys.exit(3)", "return 10**5000",
                                  "raise KeyError(object())"])
def test_a_failing_handler_prints_the_run_table_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            body: str) -> None:
    """Contract: a handler that fails is a row in the table with exit 1, not a CLI error; a strange
    return value still prints."""
    (tmp_path / "h.py").write_text(f"def wixEcom_onOrderCreated(event):\n    {body}\n", encoding="utf-8")
    code, out, err = run_cli(["fire", EVENT, "--handlers", str(tmp_path / "h.py")], capsys)
    assert "Traceback (most recent call last)" not in err
    expected = 0 if body.startswith("return") else 1
    assert code == expected and "wixEcom_onOrderCreated" in out


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_handler_printing_a_lone_surrogate_prints_in_any_format(tmp_path: Path, fmt: str) -> None:
    """Contract: output holding lone surrogates (a print of undecodable bytes) prints escaped, exit 0,
    under a strict UTF-8 stdout."""
    (tmp_path / "h.py").write_text("def wixEcom_onOrderCreated(event):\n    print('bad \\udc80')\n"
                                   "    return {'\\udcff': '\\ud800'}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "wixevents", "fire", EVENT, "--handlers", str(tmp_path / "h.py"),
                           "--format", fmt], capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert b"udc80" in proc.stdout.replace(b"\\\\", b"\\")
