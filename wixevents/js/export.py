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
* **Helper files come along.** A backend file the handlers import by relative
  path (``import { fmt } from "./util"``, and what it imports in turn) is copied
  beside the new ``events.js`` at the same relative place, so the export runs on
  Wix as it ran here; a same-named file with other contents is treated like an
  existing ``events.js``.
* **Nothing outside the folder.** A source name that is not a plain folder name
  (empty, ``.``/``..``, a separator, an absolute path) is refused, and so is any
  target whose real path leaves the folder (a symbolic link pointing out) or
  that is itself a symbolic link. Refusals raise
  :class:`~.errors.JsExportError` before anything is written.
"""

from __future__ import annotations

import os
import re
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


_RELATIVE = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}/[^"']+)["']""")


def _resolve_helper(folder: Path, specifier: str) -> Path | None:
    for candidate in (specifier, f"{specifier}.js", f"{specifier}/index.js"):
        path = (folder / candidate).resolve()
        if path.is_file():
            return path
    return None


def _helper_files(handlers: list[JsHandler], target: Path) -> dict[Path, Path]:
    """The backend files the handlers' modules import by relative path: {where to write: file to copy}.

    Wix resolves ``import ... from "./util"`` against the importing file's
    folder, so each helper keeps its place relative to ``events.js``. A module
    typed in a notebook cell has no folder: its relative imports must already
    be next to the exported file, else :class:`JsExportError` names them.
    """
    found: dict[Path, Path] = {}
    for module in {h.module.id: h.module for h in handlers}.values():
        base = module.path.parent.resolve() if module.path is not None else None
        todo = [(imp.specifier, base) for imp in module.parsed.imports if imp.specifier.startswith(".")]
        while todo:
            specifier, here = todo.pop()
            origin = _resolve_helper(here, specifier) if here is not None else None
            if origin is None:
                if here is None and _resolve_helper(target, specifier) is not None:
                    continue
                raise JsExportError(f"{module.file} imports {specifier!r}, which was not found next to it; export "
                                    "would write an events.js whose import fails on Wix. Put the file beside the "
                                    "events.js it belongs to, or remove the import.")
            dest = target / origin.relative_to(base) if base is not None and origin.is_relative_to(base) else None
            if dest is None:
                raise JsExportError(f"{module.file} imports {specifier!r} from outside its folder; export copies "
                                    "only helper files inside the events.js folder.")
            if dest not in found:
                found[dest] = origin
                text = origin.read_text(encoding="utf-8", errors="replace")
                todo += [(spec, origin.parent) for spec in _RELATIVE.findall(text)]
    return found


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
    helpers = {dest: origin for source, handlers in handlers_by_source.items()
               for dest, origin in _helper_files(list(handlers), target_path(folder, source, primary).parent).items()}
    clash = [str(p) for p, origin in helpers.items() if p.exists() and p.read_bytes() != origin.read_bytes()]
    if clash and not overwrite:
        raise FileExists(f"{', '.join(clash)} already exist(s) with other contents; nothing was written. Pass "
                         "overwrite=True to replace (the old file is kept as a .bak next to it).")
    written: dict[str, Path] = {}
    for dest, origin in helpers.items():
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.resolve().is_relative_to(folder.resolve()):
            raise JsExportError(f"{dest} resolves outside {folder}; refusing to write a helper file there")
        if dest.exists() and dest.read_bytes() == origin.read_bytes():
            continue
        if dest.exists():
            _backup(dest)
        _atomic_write(dest, origin.read_bytes())
    for path, (source, text) in texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.parent.resolve().is_relative_to(folder.resolve()):
            raise JsExportError(f"{path.parent} resolves outside {folder}; refusing to write there")
        if path.exists():
            _backup(path)
        _atomic_write(path, text.encode("utf-8"))
        written[source] = path
    return written
