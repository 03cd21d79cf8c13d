"""``%handler NAME`` and ``%events_js NAME``: offer a new cell holding the stub of a handler."""

from __future__ import annotations

from typing import Any, Literal

from ..events.catalog import catalog

__all__ = ["stub_cell"]


def stub_cell(shell: Any, line: str, magic: str = "handler", lang: Literal["py", "js"] = "py") -> None:
    """``%handler NAME`` (or ``%events_js NAME``): a new cell below with the cell magic and the stub of ``NAME``."""
    from IPython.core.error import UsageError

    from ..events.stubs import stub

    name = line.strip()
    if name not in catalog:
        close = catalog.suggest(name)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"%{magic} NAME: {name!r} is not a Wix handler name{hint}")
    shell.set_next_input(f"%%{magic}\n" + str(stub(name, lang)).rstrip("\n"), replace=False)
