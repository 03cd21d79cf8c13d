"""Where a site's backend folder is, and loading it into a fresh site, for the ``wix_backend`` fixture.

The folder comes from, first to last: the ``--wix-backend PATH`` option
(relative to the directory pytest was started in), the ``wix_backend`` ini option
(relative to the ini file), or ``[tool.wixevents] backend = "src/backend"`` in
the project's ``pyproject.toml`` (relative to that file; the one in pytest's
root directory).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from ..runtime.clock import FixedClock
from ..site import Site

__all__ = ["backend_path", "load_backend", "pyproject_backend"]

HOW = ('give the folder with --wix-backend PATH, the wix_backend ini option, or in pyproject.toml:\n'
       '  [tool.wixevents]\n  backend = "src/backend"')


def pyproject_backend(root: Path) -> Path | None:
    """``[tool.wixevents] backend`` of ``root/pyproject.toml`` as a path, or None when not set."""
    file = root / "pyproject.toml"
    if not file.is_file():
        return None
    try:  # tomllib from Python 3.11; tomli (its backport) on 3.10 where installed
        tomllib: Any = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    except ImportError:
        raise ValueError(f"reading {file} needs Python 3.11 or the 'tomli' package; install tomli, or give "
                         "the folder with --wix-backend PATH or the wix_backend ini option") from None
    try:
        data: dict[str, Any] = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{file} cannot be read as TOML ({exc}); fix it, or {HOW}") from None
    value = data.get("tool", {}).get("wixevents", {}).get("backend")
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{file}: [tool.wixevents] backend must be a folder path as text, got {value!r}")
    return root / value


def backend_path(option: str | None, invocation: Path, ini: str | None, inifile: Path | None,
                 root: Path) -> Path:
    """The backend folder, from the first of option, ini and pyproject.toml that names one."""
    if option:
        chosen = invocation / option
    elif ini:
        chosen = (inifile.parent if inifile else root) / ini
    else:
        found = pyproject_backend(root)
        if found is None:
            raise FileNotFoundError(f"no Wix backend folder is configured; {HOW}")
        chosen = found
    if not chosen.is_dir():
        raise FileNotFoundError(f"the Wix backend folder {chosen} does not exist; {HOW}")
    return chosen.resolve()


def load_backend(path: Path) -> Site:
    """A fresh site (fixed clock) with the backend folder's ``events.js`` and ``data.js`` loaded.

    A file that registers nothing because of a problem fails here with the load report.
    """
    site = Site(clock=FixedClock())
    loader = getattr(site, "load_backend", None)  # a whole-backend loader, where the site has one
    report = loader(path) if callable(loader) else site.load_js(path)
    problems = getattr(report, "problems", [])
    if problems and not getattr(report, "registered", True):
        site.close()
        raise ValueError(f"the backend {path} registered no handler:\n{report!r}")
    return site
