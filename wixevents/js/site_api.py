"""The JavaScript side of a :class:`~wixevents.Site`: its engine, ``load_js``, ``export_events_js``, ``close``.

Mixed into ``Site``::

    site.load_js("my-site/src/backend/events.js")   # its imports load too; a folder loads events.js + data.js
    site.fire("wixBilling_onInvoicePaid")           # JavaScript and Python handlers side by side
    site.export_events_js("export")                 # the handlers written in %%events_js cells, as events.js
    site.close()                                    # or: with Site() as site: ...

Decisions:

* **One engine per site**, made on first use (so a site without JavaScript
  never needs the ``js`` extra; without it ``load_js`` raises
  :class:`~wixevents.errors.MissingJsEngine`, which says how to install it),
  with the simulated Wix APIs installed (:mod:`.shims.install`) and the site's
  timeout as the engine's. It is closed by :meth:`close`, or when the site is
  garbage-collected or Python exits.
* **Console lines go to the run's logs** (``site.logs()``, origin ``console``),
  one line per ``console.*`` call, as Wix Logs show them; outside any run (a
  module's top-level code) they go to logger ``wixevents.js``.
* ``load_js`` **loads as Wix does**: a file whose exports Wix would not call
  (unknown names, re-exports, object properties...) still loads; those exports
  are not registered and every problem is in the report (unknown names, with
  suggestions, also in ``lookalikes`` and a warning, as :meth:`Site.load` does).
  Syntax errors, npm packages not installed and missing files raise
  :class:`~wixevents.js.errors.JsLoadError` listing every problem: events.js,
  data.js and every file they import are read before either is loaded, so
  one error covers them all. A file named other than ``data.js`` is read as
  an ``events.js``. Loading a
  file again replaces its handlers, and unregisters those it no longer exports.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import warnings
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..runtime import capture
from ..runtime.core import SiteCore
from ..runtime.loader import LoadReport
from .handler import JsHandler
from .register import register_module

if TYPE_CHECKING:
    from .engine import JsEngine
    from .standins import JsModules

__all__ = ["JsSite"]

_logger = logging.getLogger("wixevents.js")
_creating = threading.Lock()


def console_line(level: str, text: str) -> None:
    """A ``console.*`` line: into the current run's logs, else to logger ``wixevents.js``."""
    sink = capture.SINK.get()
    if sink is not None:
        sink.emit(level, text, "console")
    else:
        _logger.log(logging.getLevelName(level), "%s", text)


class JsSite(SiteCore):
    """JavaScript handlers of a site (a room of ``Site``)."""

    _js: JsEngine | None = None
    _js_closer: weakref.finalize[[JsEngine], JsSite]

    @property
    def js_engine(self) -> JsEngine:
        """The site's JavaScript engine (one V8 isolate), made on first use."""
        with _creating:
            if self._js is None:
                from .engine import JsEngine
                from .shims.install import install

                engine = JsEngine(timeout=self.timeout, console=console_line)
                install(engine, self)
                self._js = engine
                self._js_closer = weakref.finalize(self, _close, engine)
            return self._js

    @property
    def js_modules(self) -> JsModules:
        """Modules standing in for npm packages: ``site.js_modules["axios"] = source or object`` (:mod:`.standins`)."""
        engine = self.js_engine
        found = getattr(engine, "_standins", None)
        if found is None:
            from .standins import JsModules

            found = JsModules(engine)
            engine._standins = found  # type: ignore[attr-defined]  # one table per engine, gone with it
        return found

    def load_js(self, path: str | Path, *, source: str | None = None) -> LoadReport:
        """Register the handlers of ``events.js`` and the hooks of ``data.js`` (a file, or a backend folder)."""
        target = Path(path)
        files = [f for f in (target / "events.js", target / "data.js") if f.is_file()] if target.is_dir() else [
            target] if target.is_file() else []
        if not files:
            where = "holds no events.js or data.js" if target.is_dir() else "does not exist"
            raise FileNotFoundError(f"{target} {where}; give a site's backend folder or its events.js / data.js")
        from .loader import load_plans, plan_file

        engine, chosen = self.js_engine, source or self.registry.primary
        report = LoadReport(" + ".join(f.name for f in files), chosen)
        # a file given by another name (my-handlers.js) is read as an events.js; every file is read before
        # any is loaded, so one JsLoadError lists the problems of events.js, data.js and what they import
        plans = [plan_file(engine, file, source=chosen, root=file.parent,
                           kind="data" if file.name == "data.js" else "events", strict=False) for file in files]
        for module in load_plans(engine, plans):
            register_module(self.registry, module, report)
        if report.lookalikes:
            warnings.warn(f"{report.origin}: not Wix handler names, not registered: " + ", ".join(report.lookalikes),
                          UserWarning, stacklevel=2)
        return report

    def export_events_js(self, path: str | Path, *, overwrite: bool = False) -> dict[str, Path]:
        """Write the site's JavaScript handlers as one ``events.js`` per source under folder ``path``.

        The site's own source goes to ``path/events.js``, any other to
        ``path/<source>/events.js``; an existing file is replaced only with
        ``overwrite=True``, and then kept as a ``.bak`` next to it
        (:mod:`wixevents.js.export`). Returns ``{source: path written}``.
        """
        from .errors import JsExportError
        from .export import export_events_js

        groups: dict[str, list[JsHandler]] = {}
        for handler in self.registry:
            if isinstance(handler.fn, JsHandler):
                groups.setdefault(handler.source, []).append(handler.fn)
        if not groups:
            raise JsExportError("this site has no JavaScript handlers to export (define them in %%events_js cells "
                                "or load them with site.load_js)")
        return export_events_js(groups, path, overwrite=overwrite, primary=self.registry.primary)

    def close(self) -> None:
        """Close the JavaScript engine and unregister its handlers and hooks (a new engine comes on next use)."""
        with _creating:
            engine, self._js = self._js, None
        if engine is None:
            return
        for item in [*self.registry, *self.registry.hooks]:
            if isinstance(item.fn, JsHandler) and item.fn.engine is engine:
                self.registry.remove(item.name, item.source)
        self._js_closer.detach()
        engine.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _close(engine: JsEngine) -> None:
    with contextlib.suppress(Exception):  # at exit or in a garbage collection: nothing to report to
        engine.close()
