"""The ``%%events_js`` cell magic: a notebook cell that is an ``events.js`` file.

::

    %%events_js
    import wixData from 'wix-data';

    export async function wixBilling_onInvoicePaid(event) {
      await wixData.insert("Payments", { number: event.number });
    }

loads the cell into the site's JavaScript engine and registers each exported
handler, one confirmation line each (``registered`` or ``replaced``). A name
that is not a Wix handler name stops the cell with a ``UsageError`` naming the
closest real names (the cell's other handlers are still registered), and so
does an export form Wix never calls; a cell that cannot run at all (a syntax
error, an npm import) registers nothing. Options, as for ``%%handler``:
``--source NAME``, ``--site VARIABLE``, and ``--file NAME``: ``data.js`` for
data hooks, or a helper file name (``utils.js``) that later cells import with
``import { x } from './utils'``. ``%events_js NAME`` offers a new cell with a
stub of that handler.

Decisions: stack traces name the cell by its prompt (``at wixBilling_onInvoicePaid (In[3]:5:11)``;
V8 takes no space in a file name, so not ``Cell In[3]`` as Python tracebacks say);
cells of one source are kept as separate modules, identified by the handlers
they export (re-running a cell, even edited, replaces its module) and merged
by ``site.export_events_js``; a helper cell is the module of its file name.
"""

from __future__ import annotations

import shlex
from typing import Any

from ..events.catalog import catalog
from ..js.errors import JsLoadError, MissingJsEngine
from .stub_cell import stub_cell

__all__ = ["events_js_magic"]

_FLAGS = ("--source", "--site", "--file")


def events_js_magic(shell: Any, line: str, cell: str | None, site_of: Any) -> None:
    """``%%events_js``: load the cell as JavaScript and register its handlers; ``%events_js NAME``: a stub cell."""
    from IPython.core.error import UsageError

    if cell is None:
        return stub_cell(shell, line, magic="events_js", lang="js")
    options = _options(line)
    site = site_of(shell, options.get("site", "site"))
    file = options.get("file", "events.js")
    source = options.get("source") or site.registry.primary
    running = getattr(shell.displayhook, "exec_result", None)
    number = running.execution_count if running is not None else shell.execution_count
    try:
        module = _load(site, cell, file, source, number)
    except (JsLoadError, MissingJsEngine) as exc:
        raise UsageError(f"%%events_js: {exc}") from None
    from ..js.register import register_module
    from ..runtime.loader import LoadReport

    report = LoadReport(module.file, source)
    before = {(h.source, h.name) for h in [*site.registry, *site.registry.hooks]}
    for item in register_module(site.registry, module, report):
        alias = f" (alias of {item.event.name})" if item.name in catalog and item.event.name != item.name else ""
        kind = " (data hook)" if module.kind == "data" else alias
        state = "replaced" if (item.source, item.name) in before else "registered"
        print(f"{state} {item.name}{kind} · source {item.source!r} · JavaScript")
    for problem in (p for p in report.problems if p.severity == "warning"):
        print(f"note: {problem}")
    refused = [p for p in report.problems if p.severity == "error"]
    if refused:
        raise UsageError("not registered:\n  " + "\n  ".join(str(p) for p in refused))
    if module.kind == "module":
        print(f"loaded {file} · source {source!r}: import it in later cells from './{file.removesuffix('.js')}'")
    elif not module.handlers:
        print("no Wix handler in this cell (export a function named <prefix>_<eventName>, "
              "e.g. export function wixBilling_onInvoicePaid(event) {...})")


def _load(site: Any, text: str, file: str, source: str, number: int) -> Any:
    from ..js.loader import load_source
    from ..js.parse import file_kind, parse

    kind = file_kind(file)
    if kind == "module":
        return load_source(site.js_engine, text, filename=file, source=source, kind=kind, strict=False)
    names = [e.name for e in parse(text, file, kind).exports if e.form != "star"]
    module_id = f"{source}/{file}#{'+'.join(sorted(names)) or number}"
    return load_source(site.js_engine, text, filename=f"In[{number}]", source=source, kind=kind,
                       module_id=module_id, strict=False)



def _options(line: str) -> dict[str, str]:
    from IPython.core.error import UsageError

    words, found = shlex.split(line), {}
    while words:
        flag = words.pop(0)
        if flag not in _FLAGS or not words:
            raise UsageError(f"%%events_js [--source NAME] [--site VARIABLE] [--file events.js|data.js|NAME.js]: "
                             f"cannot read {line!r}")
        found[flag[2:]] = words.pop(0)
    if not found.get("file", "x.js").endswith(".js"):
        raise UsageError(f"%%events_js --file: {found['file']!r} is not a .js file name")
    return found
