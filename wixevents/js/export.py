"""Write JavaScript handlers as ``events.js`` files, safely.

``export_events_js({"notebook": [h1, h2], "billing": [h3]}, "out")`` writes::

    out/events.js           the primary source's handlers (default "notebook")
    out/billing/events.js   each other source in a folder named after it

(one file per source, because on Wix each ``events.js`` is its own file: the
site's, and one per Velo package). Decisions:

* **No silent overwrite.** If any target exists, nothing is written and
  :class:`~wixevents.errors.FileExists` is raised, unless ``overwrite=True``;
  then the old file is first kept as ``events.js.<UTC time>.bak`` next to it.
* **Atomic writes.** Text goes to a temporary file in the same folder, is
  flushed to disk, then ``os.replace``-d over the target: a reader sees the old
  file or the new one, never half of one.
* **Nothing outside the folder.** A source name that is not a plain folder name
  (empty, ``.``/``..``, a separator, an absolute path) is refused, and so is any
  target whose real path leaves the folder (a symbolic link pointing out) or
  that is itself a symbolic link. Refusals raise
  :class:`~.errors.JsExportError` before anything is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path

from ..errors import FileExists
from .errors import JsExportError
from .handler import JsHandler
from .merge import events_js_text

__all__ = ["export_events_js", "target_path"]


def target_path(folder: Path, source: str, primary: str = "notebook") -> Path:
    """Where ``source``'s events.js goes under ``folder``; refuses anything that would leave it."""
    if source != primary:
        bad = not source or source in (".", "..") or any(c in source for c in "/\\\0:") or Path(source).is_absolute()
        if bad:
            raise JsExportError(f"source name {source!r} is not a plain folder name; refusing to write outside "
                                f"{folder}")
    path = folder / "events.js" if source == primary else folder / source / "events.js"
    root = folder.resolve()
    if path.is_symlink():
        raise JsExportError(f"{path} is a symbolic link; refusing to replace it")
    if not path.resolve().is_relative_to(root):
        raise JsExportError(f"{path} resolves outside {folder} (a symbolic link?); refusing to write there")
    return path


def _atomic_write(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            shutil.copymode(path, temp)
        else:
            os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _backup(path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backup, n = path.with_name(f"{path.name}.{stamp}.bak"), 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.{stamp}-{n}.bak")
    _atomic_write(backup, path.read_bytes())
    return backup


def export_events_js(handlers_by_source: Mapping[str, Iterable[JsHandler]], folder: str | Path, *,
                     overwrite: bool = False, primary: str = "notebook") -> dict[str, Path]:
    """Write one events.js per source under ``folder``; returns {source: path written}."""
    folder = Path(folder)
    texts: dict[Path, tuple[str, str]] = {}
    for source, handlers in handlers_by_source.items():
        listed = list(handlers)
        if listed:
            texts[target_path(folder, source, primary)] = (source, events_js_text(listed, source))
    existing = [str(p) for p in texts if p.exists()]
    if existing and not overwrite:
        raise FileExists(f"{', '.join(existing)} already exist(s); nothing was written. Pass overwrite=True to "
                         "replace (the old file is kept as a .bak next to it).")
    written: dict[str, Path] = {}
    for path, (source, text) in texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.parent.resolve().is_relative_to(folder.resolve()):
            raise JsExportError(f"{path.parent} resolves outside {folder}; refusing to write there")
        if path.exists():
            _backup(path)
        _atomic_write(path, text.encode("utf-8"))
        written[source] = path
    return written
