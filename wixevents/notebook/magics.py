"""The IPython extension: ``%load_ext wixevents``, the ``%%handler`` and ``%%events_js`` cell magics.

::

    %load_ext wixevents

    %%handler
    def wixBilling_onInvoicePaid(event):
        print("paid:", event.id.id)

runs the cell and registers every function it defines whose name is a Wix
handler name, one confirmation line each (``registered`` or ``replaced`` when a
re-run cell redefines it). A function named like a handler but not in the
catalog (``wixBilling_onInvoicePayed``) stops the cell with a ``UsageError``
that names the closest real names; the other handlers of the cell are still
registered. Functions with other names (helpers) are left alone.

The site is the notebook's variable ``site`` when it holds a :class:`~wixevents.Site`;
loading the extension creates one (``wixevents.Site.default()``) if there is none.
``%%handler --site NAME`` picks another variable, ``--source NAME`` the source
(default: the site's own, ``"notebook"``).

The cell is compiled through IPython's own cell cache, so tracebacks of these
handlers name the cell (``Cell In[n]``) as they do for ordinary cells.

``%%events_js`` is the same for a cell written in JavaScript, an ``events.js``
of its own (``--source``, ``--site`` as above; ``--file data.js`` for data
hooks): see :mod:`wixevents.notebook.js_magic`.
"""

from __future__ import annotations

import ast
import difflib
import re
import shlex
from typing import Any

from .. import _frames
from ..events.catalog import catalog
from ..site import Site
from .stub_cell import stub_cell

__all__ = ["events_js_magic", "handler_magic", "load_ipython_extension", "site_of"]

#: Names that look like Wix handlers: ``<prefix>_on<Event>``.
_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9]*_on[A-Z0-9]\w*$")


def load_ipython_extension(shell: Any) -> None:
    """Register ``%%handler`` and ``%%events_js``, and make sure the notebook has a ``site``."""
    shell.register_magic_function(lambda line, cell=None: handler_magic(shell, line, cell), "line_cell", "handler")
    shell.register_magic_function(lambda line, cell=None: events_js_magic(shell, line, cell), "line_cell",
                                  "events_js")
    if "site" not in shell.user_ns:
        shell.push({"site": Site.default()})
    _frames.install(shell)


def site_of(shell: Any, name: str = "site") -> Site:
    """The site held by the notebook variable ``name``."""
    found = shell.user_ns.get(name)
    if isinstance(found, Site):
        return found
    if name == "site" and found is None:
        return Site.default()
    from IPython.core.error import UsageError

    raise UsageError(f"%%handler: the variable {name!r} is not a wixevents.Site (it is {type(found).__name__})")


def handler_magic(shell: Any, line: str, cell: str | None) -> None:
    """``%%handler``: run ``cell``, then register its Wix-named functions; ``%handler NAME``: new stub cell."""
    from IPython.core.error import UsageError

    if cell is None:
        return stub_cell(shell, line)
    options = _options(line)
    site = site_of(shell, options.get("site", "site"))
    code = shell.transform_cell(cell)
    running = getattr(shell.displayhook, "exec_result", None)  # this cell's ExecutionResult
    number = running.execution_count if running is not None else shell.execution_count
    filename = shell.compile.cache(code, number, raw_code=cell)  # tracebacks then say "Cell In[n]"
    exec(compile(code, filename, "exec"), shell.user_ns)
    defined = _defined(code)
    misspelt = {name: catalog.suggest(name) for name in defined if name not in catalog and _looks_like_handler(name)}
    names = [name for name in defined if name in catalog]
    for name in names:
        before = site.registry.find(name, options.get("source") or site.registry.primary)
        handler = site.register(shell.user_ns[name], source=options.get("source"))
        alias = f" (alias of {handler.event.name})" if handler.event.name != name else ""
        print(f"{'replaced' if before else 'registered'} {name}{alias} · source {handler.source!r}")
    if misspelt:
        lines = [f"{name} is not a Wix handler name" + (f"; did you mean {', '.join(close)}?" if close else "")
                 for name, close in misspelt.items()]
        raise UsageError("not registered: " + "\n  ".join(lines))
    if not names:
        print("no Wix handler in this cell (a handler is named <prefix>_<eventName>, "
              "e.g. wixBilling_onInvoicePaid)")
    _refresh_workbenches()


def events_js_magic(shell: Any, line: str, cell: str | None) -> None:
    """``%%events_js``: load the cell as an events.js and register its handlers; ``%events_js NAME``: a stub cell."""
    from .js_magic import events_js_magic as run

    run(shell, line, cell, site_of)
    if cell is not None:
        _refresh_workbenches()


def _options(line: str) -> dict[str, str]:
    from IPython.core.error import UsageError

    words, found = shlex.split(line), {}
    while words:
        flag = words.pop(0)
        if flag not in ("--source", "--site") or not words:
            raise UsageError(f"%%handler [--source NAME] [--site VARIABLE]: cannot read {line!r}")
        found[flag[2:]] = words.pop(0)
    return found


def _looks_like_handler(name: str) -> bool:
    return bool(_SHAPE.match(name)) or bool(difflib.get_close_matches(name, list(catalog), n=1, cutoff=0.85))


def _defined(code: str) -> list[str]:
    """Names of the functions a cell defines at its top level, in order, once each."""
    names = [node.name for node in ast.parse(code).body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return list(dict.fromkeys(names))


def _refresh_workbenches() -> None:
    from .widgets import refresh_all

    refresh_all()
