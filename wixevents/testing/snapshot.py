"""Snapshot tests of effects and state: JSON golden files next to the test, and a readable diff.

``wix_snapshot(value)`` compares ``value`` with the file
``snapshots/<test file>/<test name>[-<n>].json`` beside the test module. A
:class:`~wixevents.Result` or ``Results`` is stored as its effects (module,
function, args, result, error; the run numbers left out), a ``Site`` as its
collections, emails and HTTP calls, anything else as JSON (``str`` for what JSON
cannot hold). Run pytest with ``--wix-update-snapshots`` to write or rewrite the
files; without it, a missing file or a difference fails with a unified diff.
Files are written atomically, and only when the content changed.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ..errors import CheckFailed
from ..runtime.effects import descendants
from ..runtime.result import Result, Results
from ..site import Site

__all__ = ["Snapshot", "snapshot_value"]

EFFECT_FIELDS = ("module", "function", "args", "result", "error", "elevated")


def snapshot_value(value: Any) -> Any:
    """What is stored for ``value``: effects of a result, data of a site, else the value itself."""
    if isinstance(value, Results):
        return {"effects": [effect for one in value for effect in snapshot_value(one)["effects"]]}
    if isinstance(value, Result):
        runs = descendants(value.runs, value._history)
        made = sorted((e for r in runs for e in r.effects), key=lambda e: int(e.get("call") or 0))
        return {"effects": [{k: e.get(k) for k in EFFECT_FIELDS} for e in made]}
    if isinstance(value, Site):
        with value.velo.lock:
            return {"collections": {name: list(items.values()) for name, items in value.velo.collections.items()
                                    if items},
                    "emails": list(value.velo.emails), "http_calls": list(value.velo.http_calls)}
    return value


def _text(value: Any) -> str:
    return json.dumps(snapshot_value(value), indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"


class Snapshot:
    """Compare values with golden JSON files of one test; ``update=True`` writes them instead."""

    def __init__(self, folder: Path, test: str, *, update: bool = False) -> None:
        self.folder, self.update = folder, update
        self.test = re.sub(r"[^\w.-]+", "_", test).strip("_")
        self.count = 0
        self.written: list[Path] = []

    def __call__(self, value: Any, name: str | None = None) -> None:
        """Check ``value`` against the next snapshot of this test (or the one called ``name``)."""
        __tracebackhide__ = True
        self.count += 1
        stem = name or (self.test if self.count == 1 else f"{self.test}-{self.count}")
        path = self.folder / f"{stem}.json"
        text = _text(value)
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old == text:
            return
        if self.update:
            _write(path, text)
            self.written.append(path)
            return
        if old is None:
            raise CheckFailed(f"no snapshot {path.name} in {path.parent} yet; run pytest with --wix-update-snapshots "
                              "to write it, check the file, and commit it")
        diff = "".join(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                            f"{path.name} (snapshot)", f"{path.name} (this run)"))
        raise CheckFailed(f"snapshot {path.name} differs (- snapshot, + this run); if the change is right, "
                          f"run pytest with --wix-update-snapshots\n{diff}")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
