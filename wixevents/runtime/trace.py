"""``site.trace(seq)``: one cascade as a tree, in a notebook (HTML) or a terminal (text).

The tree holds every run connected to run ``seq`` through ``parent`` links,
from the outermost run down: the handler that started it all, the data hooks
and cascaded data events its Wix API calls caused, what those runs called, and
so on. Under each run come its calls (effects) in order; under each call, the
runs it caused (``caused`` in :mod:`wixevents.runtime.effects`); runs a handler fired
directly with ``site.fire`` follow its calls. Run ``seq`` itself is marked ``◀``::

    #1 ok wixBilling_onInvoicePaid [fire]
    ├─ wix-data.insert('Payments')
    │  ├─ #2 ok Payments_beforeInsert [hook]
    │  └─ #3 ok wixData_onDataItemCreated [cascade]
    │     └─ wix-crm-backend.triggeredEmails.emailContact('paid', 'c0…')
    └─ wix-fetch.fetch('https://api.example.com/…')
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from . import tables
from .history import History
from .records import Run

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["Trace"]

Node = tuple[str, str, list[Any]]  # (text, the run's status or "call"/"error" for an API call, children)


class Trace:
    """The cascade containing run ``seq`` of ``history``."""

    def __init__(self, history: History, seq: int) -> None:
        by_seq = {r.seq: r for r in history}
        if seq not in by_seq:
            raise KeyError(f"no run {seq} in the history (seqs run from 1 to {max(by_seq, default=0)})")
        root = by_seq[seq]
        while root.parent is not None and root.parent in by_seq:
            root = by_seq[root.parent]
        self.seq, self.root = seq, root
        self._children: dict[int, list[Run]] = {}
        for run in by_seq.values():
            if run.parent is not None:
                self._children.setdefault(run.parent, []).append(run)
        self.runs = sorted(self._walk(root), key=lambda r: r.seq)
        self._by_seq = by_seq

    def _walk(self, run: Run) -> Iterator[Run]:
        yield run
        for child in self._children.get(run.seq, ()):
            yield from self._walk(child)

    def to_frame(self) -> pd.DataFrame:
        """The runs of the cascade, one row each (columns of ``site.history.to_frame()``)."""
        return tables.runs_frame(self.runs)

    def _node(self, run: Run) -> Node:
        label = f"#{run.seq} {run.status} {run.handler or run.event} [{run.trigger}]"
        if run.duration_ms:
            label += f" {run.duration_ms:.1f} ms"
        if run.error is not None:
            label += f" {run.error}"
        label += " ◀" if run.seq == self.seq else ""
        children: list[Any] = []
        placed: set[int] = set()
        for effect in sorted(run.effects, key=lambda e: int(e.get("call") or 0)):
            caused = [self._by_seq[s] for s in effect.get("caused") or () if s in self._by_seq]
            placed.update(r.seq for r in caused)
            children.append((_effect_label(effect), "error" if effect.get("error") else "call", [
                self._node(r) for r in caused]))
        children += [self._node(r) for r in self._children.get(run.seq, ()) if r.seq not in placed]
        return (label, run.status, children)

    def _lines(self) -> list[tuple[str, Node]]:
        """(connector prefix, node) per line, from the root down, as the text form draws them."""
        lines: list[tuple[str, Node]] = []

        def draw(node: Node, prefix: str, last: bool, top: bool) -> None:
            lines.append(("" if top else f"{prefix}{'└─ ' if last else '├─ '}", node))
            inner = "" if top else prefix + ("   " if last else "│  ")
            for i, child in enumerate(node[2]):
                draw(child, inner, i == len(node[2]) - 1, False)

        draw(self._node(self.root), "", True, True)
        return lines

    def _title(self) -> str:
        return f"Cascade of run {self.root.seq} (fire {self.root.fire}): {len(self.runs)} run(s)"

    def __repr__(self) -> str:
        return "\n".join([self._title(), *(prefix + node[0] for prefix, node in self._lines())])

    def _repr_html_(self) -> str:
        """The same tree with its connectors, each run's status coloured, each Wix API call in grey."""
        rows = []
        for prefix, (label, kind, _) in self._lines():
            if kind in ("call", "error"):
                style = "color:#b21f2d" if kind == "error" else "color:#555"
            else:
                style = (f"background:{tables.COLOURS.get(kind, '#eeeeee')};padding:0 4px;border-radius:3px;"
                         f"{'font-weight:600' if label.endswith('◀') else ''}")
            rows.append(f"<div><span style='color:#999'>{html.escape(prefix)}</span>"
                        f"<span style='{style}'>{html.escape(label)}</span></div>")
        return (f"<div class='wixevents-trace' style='font-family:var(--jp-code-font-family,monospace);"
                f"font-size:12px;white-space:pre;text-align:left'><b>{html.escape(self._title())}</b>"
                f"{''.join(rows)}</div>")


def _effect_label(effect: Mapping[str, Any]) -> str:
    """``module.function(args)``: text and numbers as Python literals, objects as short JSON."""
    args = effect.get("args") or {}
    shown = [repr(_cut(v)) if isinstance(v, (str, int, float)) else _cut(json.dumps(v, default=str))
             for v in args.values() if v is not None and v != {} and not isinstance(v, bool)][:3]
    label = f"{effect.get('module')}.{effect.get('function')}({', '.join(shown)})"
    if effect.get("elevated"):
        label += " elevated"
    return label + (f" ✗ {effect['error']}" if effect.get("error") else "")


def _cut(value: Any, width: int = 40) -> Any:
    return value if not isinstance(value, str) or len(value) <= width else value[: width - 1] + "…"
