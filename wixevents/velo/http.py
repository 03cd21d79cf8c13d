"""``site.http``: the canned responses ``wix-fetch`` answers with (no network, ever).

::

    site.http.stub("https://api.example.com/rates", json={"EUR": 0.92})
    site.http.stub("https://api.example.com/orders/*", status=201, json={"ok": True}, method="POST")
    site.http.stub(re.compile(r"https://hooks\\.example\\.com/.+"), text="accepted")
    site.http.stub("https://down.example.com/*", error="connection refused")

A pattern is an exact URL, a URL with ``*`` wildcards (``fnmatch`` style, ``*``
matching any run of characters) or a compiled regular expression (``search``).
``method`` limits a stub to one HTTP method (any when None). When several stubs
match, the one registered last wins, so re-running a notebook cell that stubs a
URL again replaces the answer. ``error=`` makes the request fail as a network
error would (the ``fetch`` promise rejects); any ``status`` is a response, as on
Wix, where 4xx and 5xx answers fulfil the promise with ``ok`` false.
"""

from __future__ import annotations

import fnmatch
import json as jsonlib
import re
import threading
from dataclasses import dataclass, field
from typing import Any

__all__ = ["HttpStubs", "Stub"]


@dataclass(frozen=True)
class Stub:
    """One canned answer: what it matches and what it returns."""

    pattern: str | re.Pattern[str]
    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    method: str | None = None
    error: str | None = None

    def matches(self, method: str, url: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        if isinstance(self.pattern, re.Pattern):
            return self.pattern.search(url) is not None
        if "*" in self.pattern:
            return fnmatch.fnmatchcase(url, self.pattern)
        return url == self.pattern


class HttpStubs:
    """The stubs of one site, newest first when matching."""

    def __init__(self) -> None:
        self._stubs: list[Stub] = []
        self._lock = threading.Lock()

    def stub(self, url_or_pattern: str | re.Pattern[str], *, json: Any = None, text: str | None = None,
             status: int = 200, headers: dict[str, str] | None = None, method: str | None = None,
             error: str | None = None) -> Stub:
        """Answer requests matching ``url_or_pattern`` with ``json`` (sent as JSON) or ``text``."""
        if json is not None and text is not None:
            raise TypeError("give json= or text=, not both")
        body = text if text is not None else ("" if json is None else jsonlib.dumps(json))
        head = {"content-type": "application/json"} if json is not None else {"content-type": "text/plain"}
        head.update({k.lower(): v for k, v in (headers or {}).items()})
        found = Stub(url_or_pattern, int(status), body, head, method, error)
        with self._lock:
            self._stubs = [s for s in self._stubs if (s.pattern, s.method) != (found.pattern, found.method)]
            self._stubs.append(found)
        return found

    def match(self, method: str, url: str) -> Stub | None:
        """The newest stub answering ``method url``, else None."""
        with self._lock:
            return next((s for s in reversed(self._stubs) if s.matches(method, url)), None)

    def clear(self) -> None:
        with self._lock:
            self._stubs.clear()

    @property
    def stubs(self) -> list[Stub]:
        with self._lock:
            return list(self._stubs)

    def __repr__(self) -> str:
        lines = [f"{s.method or 'ANY'} {s.pattern if isinstance(s.pattern, str) else s.pattern.pattern} -> "
                 f"{s.error or s.status}" for s in self.stubs]
        return "\n".join(["HTTP stubs (newest wins):", *lines]) if lines else "No HTTP stubs (site.http.stub(url, ...))"
