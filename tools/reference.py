"""Read the Velo reference model (``*.service.json`` files) into plain Python.

The reference is MIT-licensed JSON from Wix's public docs repository. This module
only *reads* it: it indexes every message by its fully qualified name
(``<memberOf>.<service>.<message>``), normalises both type dialects into one small
type language, and extracts enum values from field docs. Nothing here is copied
into the package except facts (names, types, enum values).

Type language (also the format of ``wixevents/events/catalog/data/types.json``)::

    "string" | "number" | "boolean" | "Date" | "any" | "object"
    {"enum": ["A", "B"]}          a string restricted to these values
    {"ref": "<fq message name>"}  a named object type
    {"array": T} | {"map": T} | {"union": [T, ...]}
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

Type = Any  # str | dict[str, Any]: see the module docstring

NATIVE = {
    "string": "string", "number": "number", "boolean": "boolean", "Date": "Date",
    "Object": "object", "object": "object", "*": "any", "any": "any", "void": "any",
    "Function": "any", "Buffer": "string",
}
_ONLY_REST = re.compile(r"<!--\s*ONLY:REST.*?END:ONLY:REST\s*(?:-->)?", re.S)
_MARKER = re.compile(r"<!--.*?(?:-->|$)", re.M)
_BULLET = re.compile(r'^\s*[-+*]\s*`"?([A-Za-z0-9_.:\-]+)"?`', re.M)
_ANY_BULLET = re.compile(r"^\s*[-+*]\s+\S", re.M)
_ENUM_HINT = re.compile(r"one of|supported values|possible values|values:", re.I)


class Reference:
    """An index of every message and service in the reference folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.services: dict[str, tuple[Path, dict[str, Any]]] = {}
        self.messages: dict[str, dict[str, Any]] = {}
        for path in sorted(root.rglob("*.service.json")):
            svc = json.loads(path.read_text(encoding="utf-8"))
            fq = f"{svc['memberOf']}.{svc['name']}" if svc.get("memberOf") else svc["name"]
            self.services[fq] = (path, svc)
            for msg in svc.get("messages", []):
                self.messages[f"{fq}.{msg['name']}"] = msg

    def event_files(self) -> list[tuple[Path, dict[str, Any]]]:
        """The ``Events`` services of every module, in path order."""
        found = [(p, s) for p, s in self.services.values() if s["name"] == "Events" and s.get("memberOf")]
        return sorted(found, key=lambda item: str(item[0]))

    def resolve(self, ref: str) -> str | None:
        """Return the fq name a reference points to, repairing doubled words.

        One payload type in the reference names ``...PlanPlanBuyer...`` while the
        file defines ``...PlanBuyer...``; collapsing a repeated CamelCase word is
        the only repair attempted, and callers report every repair.
        """
        if ref in self.messages:
            return ref
        head, _, last = ref.rpartition(".")
        repaired = re.sub(r"([A-Z][a-z0-9]+)\1(?=[A-Z]|$)", r"\1", last)
        candidate = f"{head}.{repaired}"
        return candidate if candidate in self.messages else None


def norm(t: Any) -> Type:
    """Normalise a legacy or V2 type expression into the module's type language."""
    if isinstance(t, str):
        return {"ref": t} if "." in t else NATIVE.get(t, "any")
    if isinstance(t, list):
        alts = [norm(x) for x in t]
        uniq = [a for i, a in enumerate(alts) if a not in alts[:i]]
        return uniq[0] if len(uniq) == 1 else {"union": uniq}
    if "referenceType" in t:
        return {"ref": t["referenceType"]}
    if "complexType" in t:
        return norm(t["complexType"])
    name = t.get("name") or t.get("nativeType")
    params = [norm(x) for x in t.get("typeParams", [])]
    if name == "Array":
        return {"array": params[0] if params else "any"}
    if name in ("Record", "Map"):
        return {"map": params[-1] if params else "any"}
    if name == "Promise":
        return params[0] if params else "any"
    return NATIVE.get(str(name), "any")


def enum_values(doc: str | None) -> list[str]:
    """The enum values a field doc lists, or ``[]`` when it lists none.

    A doc lists values as bullets that start with a backticked token. It counts as
    an enum when it says so ("One of", "Supported values") or when every bullet
    in it has that form. REST-only sections are dropped first.
    """
    if not doc:
        return []
    text = _MARKER.sub("", _ONLY_REST.sub("", doc))
    tokens = _BULLET.findall(text)
    values = [v for i, v in enumerate(tokens) if v not in tokens[:i]]
    if len(values) < 2:
        return []
    if _ENUM_HINT.search(text) or len(tokens) == len(_ANY_BULLET.findall(text)):
        return values
    return []
