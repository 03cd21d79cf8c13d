"""Load every handler of a Python file or module, the way Wix reads ``events.js``.

``site.load("backend/events.py")`` (or ``site.load("backend")``, which reads the
folder's ``events.py``) runs the file and registers each function it
defines whose name is a catalog handler name or a data hook name
(``Orders_beforeInsert``, as ``backend/data.js`` exports them). The report also
lists what was not registered and why:

* look-alikes: names shaped like handlers (``<prefix>_on<Event>``) or close to a
  catalog name but not in it, with suggestions (``wixEcom_onOrderCreate``);
* re-exports: handler-named functions imported from another module, which Wix
  does not accept in ``events.js`` (research doc 3.9), so neither does wixevents;
* problems (JavaScript files, ``site.load_js``): every
  :class:`LoadProblem` of a file that still loaded, such as
  export forms Wix never calls, each with its file, line and Wix's rule.

A file is run as a fresh module each time (re-loading an edited file replaces its
handlers); its folder is on ``sys.path`` while it runs, so it can import its
neighbours the way ``events.js`` imports other backend files.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ..events.catalog import catalog
from .handlers import Handler, Registry
from .hooks import DataHook, hook_parts

__all__ = ["LoadProblem", "LoadReport", "load"]

_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9]*_on[A-Z0-9]\w*$")


@dataclass(frozen=True)
class LoadProblem:
    """One thing wrong with a file being loaded (an events.js, data.js or a file they import), at a 1-based line.

    ``wixevents.js.JsProblem`` is this class.

    ``severity`` is ``"error"`` (the file is not loaded) or ``"warning"`` (it is
    loaded, the problem is reported). ``code`` is a short stable tag such as
    ``"reexport"`` or ``"unknown-name"``, for tests and filters; ``name`` the
    exported name it is about, when it is about one.
    """

    file: str
    line: int
    code: str
    message: str
    severity: str = "error"
    suggestions: tuple[str, ...] = ()
    name: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"



@dataclass
class LoadReport:
    """What one ``load`` registered and what it passed over."""

    origin: str
    source: str
    registered: list[Handler | DataHook] = field(default_factory=list)
    lookalikes: dict[str, list[str]] = field(default_factory=dict)
    reexports: dict[str, str] = field(default_factory=dict)
    problems: list[LoadProblem] = field(default_factory=list)

    def __repr__(self) -> str:
        hooks = sum(isinstance(h, DataHook) for h in self.registered)
        counted = f"{len(self.registered) - hooks} handler(s)" + (f", {hooks} data hook(s)" if hooks else "")
        lines = [f"Loaded {self.origin} as source {self.source!r}: {counted}"]
        lines += [f"  + {h.name}" for h in self.registered]
        for name, close in self.lookalikes.items():
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            lines.append(f"  ? {name} is not a Wix handler name{hint}")
        lines += [f"  - {name} is imported from {where}; Wix does not accept re-exported handlers"
                  for name, where in self.reexports.items()]
        lines += [f"  ! {p}" for p in self.problems if p.name not in self.lookalikes]
        return "\n".join(lines)


def load(registry: Registry, target: str | Path | ModuleType, source: str | None = None) -> LoadReport:
    """Register the handlers of ``target`` (a ``.py`` path, a module or a module name)."""
    module = target if isinstance(target, ModuleType) else _import(target)
    origin = getattr(module, "__file__", None) or module.__name__
    report = LoadReport(Path(origin).name if origin.endswith(".py") else origin, source or registry.primary)
    for name, value in list(vars(module).items()):
        if not callable(value) or name.startswith("__"):
            continue
        if name not in catalog and hook_parts(name) is None:
            if _SHAPE.match(name) or difflib.get_close_matches(name, list(catalog), n=1, cutoff=0.85):
                report.lookalikes[name] = catalog.suggest(name)
            continue
        home = getattr(value, "__module__", module.__name__)
        if home != module.__name__:
            report.reexports[name] = str(home)
            continue
        report.registered.append(registry.add(value, source=report.source, name=name))
    if report.lookalikes:
        warnings.warn(f"{report.origin}: not Wix handler names, not registered: "
                      + ", ".join(report.lookalikes), UserWarning, stacklevel=3)
    return report


def _import(target: str | Path) -> ModuleType:
    path = Path(target)
    if path.is_dir():  # a backend folder: its events.py, as Wix reads backend/events.js
        if not (path / "events.py").is_file():
            raise FileNotFoundError(f"the folder {str(target)!r} has no events.py; pass the path of the Python "
                                    "file that defines the handlers (an events.js loads with site.load_js)")
        path = path / "events.py"
    if path.suffix != ".py" and not path.is_file():
        return importlib.import_module(str(target))
    if not path.is_file():
        raise FileNotFoundError(f"no handler file {str(target)!r}")
    name = "wixevents_loaded_" + re.sub(r"\W", "_", path.stem)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    folder = str(path.resolve().parent)
    sys.path.insert(0, folder)
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    finally:
        if folder in sys.path:
            sys.path.remove(folder)
    return module
