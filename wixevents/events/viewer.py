"""A payload as a collapsible tree: each field with its type and description from the catalog, problems marked.

:class:`PayloadView` shows in a notebook as nested ``<details>`` (objects and
lists fold; the top level starts open) and as indented text elsewhere. Each
field carries its catalog type (``string``, ``enum``, ``array<LineItem>``) and
our description of it; a field with a validation problem is marked in red with
what was expected and got, at its JSON path; a field the catalog does not know
is marked as unknown. An event object (``result.event``, ``wixevents.validate``)
shows this way by itself; ``wixevents.notebook.explore.show_payload`` shows a
sample, a fired payload or any dict.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any

from ..errors import InvalidPayload, Problem
from .catalog import catalog

__all__ = ["PayloadView", "field_path"]

_INDEX = re.compile(r"\[\d+\]")


def field_path(json_path: str) -> str:
    """``$.lineItems[0].name`` as the catalog's field path ``lineItems[].name`` (``$`` alone is ``""``)."""
    path = _INDEX.sub("[]", json_path)
    return path[2:] if path.startswith("$.") else "" if path == "$" else path


class PayloadView:
    """``payload`` of event ``name`` as a tree; ``problems`` and ``unknown`` are JSON paths to mark."""

    def __init__(self, name: str, payload: Any, problems: Iterable[Problem] | None = None,
                 unknown: Iterable[str] = ()) -> None:
        self.event = catalog[name]
        self.payload = payload
        if problems is None:
            problems = _problems_of(self.event.name, payload)
        self.problems = {p.path: p for p in problems}
        self.unknown = set(unknown)
        fields = self.event.fields()
        self._fields = {str(r.path): (str(r.type), str(r.description)) for r in fields.itertuples(index=False)}

    def _about(self, json_path: str) -> tuple[str, str]:
        return self._fields.get(field_path(json_path), ("", ""))

    def _mark(self, json_path: str) -> str:
        problem = self.problems.get(json_path)
        if problem is not None:
            hint = f" ({problem.hint})" if problem.hint else ""
            return f"✗ expected {problem.expected}, got {problem.got}{hint}"
        return "not in the catalog" if json_path in self.unknown else ""

    def __repr__(self) -> str:
        lines = [f"{self.event.name} payload" + (f": {len(self.problems)} problem(s)" if self.problems else "")]
        mark = self._mark("$")
        lines += [f"  {mark}"] if mark else []

        def walk(value: Any, path: str, depth: int) -> None:
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
            for key, child in items:
                sub = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}"
                kind, _ = self._about(sub)
                shown = "" if isinstance(child, (dict, list)) else f" = {_short(child)}"
                note = self._mark(sub)
                lines.append(f"{'  ' * depth}{key}{shown}" + (f"  [{kind}]" if kind else "")
                             + (f"  {note}" if note else ""))
                walk(child, sub, depth + 1)

        walk(self.payload, "$", 1)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = f"<b>{html.escape(self.event.name)}</b> payload"
        if self.problems:
            head += f" · <span style='color:#b21f2d'>{len(self.problems)} problem(s)</span>"
        top = self._mark("$")
        top_html = f"<div style='color:#b21f2d'>{html.escape(top)}</div>" if top else ""
        return (f"<div class='wixevents-payload' style='font-size:12px;text-align:left'>{head}{top_html}"
                f"{self._children(self.payload, '$', True)}</div>")

    def _children(self, value: Any, path: str, open_: bool) -> str:
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        rows = [self._node(key, child, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}")
                for key, child in items]
        return f"<div style='margin-left:1.1em'>{''.join(rows)}</div>"

    def _node(self, key: Any, value: Any, path: str) -> str:
        kind, description = self._about(path)
        mark = self._mark(path)
        bad = mark.startswith("✗") or any(p.startswith(path + ".") or p.startswith(path + "[") for p in self.problems)
        name = f"<span style='color:{'#b21f2d' if bad else '#1a1a1a'};font-weight:600'>{html.escape(str(key))}</span>"
        meta = f" <span style='color:#6c757d'>{html.escape(kind)}</span>" if kind else ""
        about = f" <span style='color:#555'>— {html.escape(description)}</span>" if description else ""
        note = (f" <span style='color:{'#b21f2d' if mark.startswith('✗') else '#8a6d00'}'>{html.escape(mark)}"
                f"</span>" if mark else "")
        if isinstance(value, (dict, list)):
            size = f"{len(value)} field(s)" if isinstance(value, dict) else f"{len(value)} item(s)"
            summary = f"{name}{meta} <span style='color:#6c757d'>({size})</span>{note}{about}"
            return (f"<details{' open' if bad else ''}><summary>{summary}</summary>"
                    f"{self._children(value, path, False)}</details>")
        shown = f": <code>{html.escape(_short(value, 120))}</code>"
        return f"<div style='margin-left:1.1em'>{name}{shown}{meta}{note}{about}</div>"


def _short(value: Any, width: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def _problems_of(name: str, payload: Any) -> list[Problem]:
    """Errors and warnings alike (strict validation): the tree marks every departure from the typings."""
    from .payloads import validate

    try:
        validate(name, payload, strict=True)
    except InvalidPayload as exc:
        return list(exc.problems)
    return []
