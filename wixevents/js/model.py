"""What the parser finds in a backend file: imports, exports, problems.

Plain data, shared by :mod:`.parse` (which fills it), :mod:`.rewrite` (which
uses the hidden byte offsets to rewrite module syntax in place) and
:mod:`.loader`. Lines are 1-based; ``start``/``body``/``end`` are byte offsets
into ``ParsedModule.source`` and stay out of repr and comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import JsProblem
from .rules import handler_like

__all__ = ["DynamicImport", "Export", "Import", "ParsedModule"]


@dataclass(frozen=True)
class Import:
    """``import ... from 'specifier'``: ``names`` are (imported, local) pairs; ``*`` is a namespace."""

    specifier: str
    names: tuple[tuple[str, str], ...]
    line: int
    start: int = field(default=0, repr=False, compare=False)
    end: int = field(default=0, repr=False, compare=False)


@dataclass(frozen=True)
class Export:
    """One exported name. ``form``: function, class, const, default, clause, reexport or star."""

    name: str
    line: int
    form: str
    local: str | None = None
    is_function: bool = False
    is_async: bool = False
    source: str | None = None
    start: int = field(default=0, repr=False, compare=False)
    body: int = field(default=0, repr=False, compare=False)
    end: int = field(default=0, repr=False, compare=False)


@dataclass(frozen=True)
class DynamicImport:
    """``import(specifier)`` in an expression; ``specifier`` is None when it is not a string literal.
    ``start``/``end`` are the bytes of the ``import`` keyword, which the rewrite replaces."""

    specifier: str | None
    line: int
    start: int = field(default=0, repr=False, compare=False)
    end: int = field(default=0, repr=False, compare=False)


@dataclass
class ParsedModule:
    """What :func:`parse` found in one file."""

    file: str
    kind: str
    source: bytes = field(repr=False)
    imports: list[Import] = field(default_factory=list)
    exports: list[Export] = field(default_factory=list)
    problems: list[JsProblem] = field(default_factory=list)
    declared: set[str] = field(default_factory=set)
    dynamic: list[DynamicImport] = field(default_factory=list)

    @property
    def errors(self) -> list[JsProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def specifiers(self) -> list[tuple[str, int]]:
        """Every module this one needs (imports and re-export sources), with its line."""
        found = [(i.specifier, i.line) for i in self.imports]
        return found + [(e.source, e.line) for e in self.exports if e.source is not None]

    @property
    def handlers(self) -> list[Export]:
        """Exports Wix would call: named function exports of events.js / data.js with no error on their line."""
        if self.kind not in ("events", "data"):
            return []
        bad = {p.line for p in self.problems if p.severity == "error"}
        return [e for e in self.exports if e.form in ("function", "const", "clause")
                and handler_like(e.name, self.kind) and e.line not in bad]
