"""Keep displayed Workbenches current: after each cell runs, they re-read their sites.

A handler registered in another cell (``@site.handler``, ``%%handler``,
``site.load``) or a mode changed in code shows up in every open panel without a
click. Panels are held weakly, so a Workbench nobody refers to any more can go.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from .cells import shell

if TYPE_CHECKING:
    from . import Workbench

__all__ = ["follow", "refresh_all"]

_LIVE: weakref.WeakSet[Workbench] = weakref.WeakSet()


def follow(bench: Workbench) -> None:
    """Refresh ``bench`` after every cell run from now on."""
    _LIVE.add(bench)
    ip = shell()
    if ip is not None and not getattr(ip, "_wixevents_watch", False):
        ip.events.register("post_run_cell", lambda *args: refresh_all())
        ip._wixevents_watch = True


def refresh_all() -> None:
    """Refresh every Workbench still displayed (used after a cell or ``%%handler`` registers handlers)."""
    for bench in list(_LIVE):
        try:
            bench.refresh()
        except Exception as exc:  # a panel must never break the user's cells
            bench.errors.append(exc)
