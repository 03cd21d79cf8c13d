"""``WixDataQuery``: the query builder ``wix_data.query(collection)`` returns.

Every refining method returns a new query (the original is unchanged), so a
query can be kept and refined in several ways. Conditions chained one after
another must all hold; ``or_``/``and_``/``not_`` combine with another query of
the same collection (Python keywords, hence the underscore; ``getattr(q, "or")``
works too, for code that calls by Velo name). Defaults, as Wix documents them:
``skip`` 0, ``limit`` 50 (at most 1000), newest first (descending
``_createdDate``) until ``ascending``/``descending`` set an order; sort calls
add fields in the order given.

``find(options)`` runs the query (``beforeQuery``/``afterQuery`` hooks) and
returns a :class:`~wixevents.velo.results.WixDataQueryResult`; ``count(options)``
counts matches (``beforeCount``/``afterCount``). A query made by an elevated
builder (``elevate(wix_data.query)("Orders")``) runs each ``find``/``count``
elevated, recorded as one ``wix-auth`` ``elevate`` effect, as in JavaScript. ``to_spec``/``from_spec`` turn a
query into JSON data and back (what JavaScript shims send). Matching rules:
:mod:`wixevents.velo.filters`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .errors import WixDataError
from .items import normalise

if TYPE_CHECKING:
    from .results import WixDataQueryResult

__all__ = ["WixDataQuery"]

DEFAULT_ORDER = (("_createdDate", "desc"),)


@dataclass(frozen=True)
class WixDataQuery:
    """A query on one collection; build it with ``wix_data.query(collection)``."""

    collectionName: str
    conditions: tuple[Any, ...] = ()
    order: tuple[tuple[str, str], ...] = ()
    skip_count: int = 0
    page_size: int = 50
    projection: tuple[str, ...] = ()
    module: str = field(default="wix-data", repr=False, compare=False)
    elevated: bool = field(default=False, repr=False, compare=False)

    def _where(self, *condition: Any) -> WixDataQuery:
        return replace(self, conditions=(*self.conditions, [condition[0], *normalise(list(condition[1:]))]))

    def eq(self, propertyName: str, value: Any) -> WixDataQuery:
        return self._where("eq", propertyName, value)

    def ne(self, propertyName: str, value: Any) -> WixDataQuery:
        return self._where("ne", propertyName, value)

    def gt(self, propertyName: str, value: Any) -> WixDataQuery:
        return self._where("gt", propertyName, value)

    def ge(self, propertyName: str, value: Any) -> WixDataQuery:
        return self._where("ge", propertyName, value)

    def lt(self, propertyName: str, value: Any) -> WixDataQuery:
        return self._where("lt", propertyName, value)

    def le(self, propertyName: str, value: Any) -> WixDataQuery:
        return self._where("le", propertyName, value)

    def between(self, propertyName: str, rangeStart: Any, rangeEnd: Any) -> WixDataQuery:
        return self._where("between", propertyName, [rangeStart, rangeEnd])

    def contains(self, propertyName: str, string: str) -> WixDataQuery:
        return self._where("contains", propertyName, string)

    def startsWith(self, propertyName: str, string: str) -> WixDataQuery:
        return self._where("startsWith", propertyName, string)

    def endsWith(self, propertyName: str, string: str) -> WixDataQuery:
        return self._where("endsWith", propertyName, string)

    def hasSome(self, propertyName: str, *value: Any) -> WixDataQuery:
        """Values as separate arguments or one list."""
        return self._where("hasSome", propertyName, _values(value))

    def hasAll(self, propertyName: str, *value: Any) -> WixDataQuery:
        return self._where("hasAll", propertyName, _values(value))

    def isEmpty(self, propertyName: str) -> WixDataQuery:
        return self._where("isEmpty", propertyName)

    def isNotEmpty(self, propertyName: str) -> WixDataQuery:
        return self._where("isNotEmpty", propertyName)

    def and_(self, query: WixDataQuery) -> WixDataQuery:
        return replace(self, conditions=(["and", [self.condition(), self._same(query).condition()]],))

    def or_(self, query: WixDataQuery) -> WixDataQuery:
        return replace(self, conditions=(["or", [self.condition(), self._same(query).condition()]],))

    def not_(self, query: WixDataQuery) -> WixDataQuery:
        return replace(self, conditions=(*self.conditions, ["not", self._same(query).condition()]))

    def ascending(self, *propertyName: str) -> WixDataQuery:
        return replace(self, order=(*self.order, *((p, "asc") for p in propertyName)))

    def descending(self, *propertyName: str) -> WixDataQuery:
        return replace(self, order=(*self.order, *((p, "desc") for p in propertyName)))

    def limit(self, limit: int) -> WixDataQuery:
        if not isinstance(limit, int) or not 0 < limit <= 1000:
            raise WixDataError(f"limit must be a whole number from 1 to 1000, got {limit!r}.", "INVALID_ARGUMENT")
        return replace(self, page_size=limit)

    def skip(self, skip: int) -> WixDataQuery:
        if not isinstance(skip, int) or skip < 0:
            raise WixDataError(f"skip must be a whole number of at least 0, got {skip!r}.", "INVALID_ARGUMENT")
        return replace(self, skip_count=skip)

    def fields(self, *propertyName: str) -> WixDataQuery:
        """Return only these fields (and ``_id``)."""
        return replace(self, projection=(*self.projection, *propertyName))

    def find(self, options: dict[str, Any] | None = None) -> WixDataQueryResult:
        from .finder import run_find
        from .wix_auth import elevated_query

        if self.elevated:
            return elevated_query(self, "find", options, lambda: run_find(self, options))
        return run_find(self, options)

    def count(self, options: dict[str, Any] | None = None) -> int:
        from .finder import run_count
        from .wix_auth import elevated_query

        if self.elevated:
            return elevated_query(self, "count", options, lambda: run_count(self, options))
        return run_count(self, options)

    def condition(self) -> list[Any]:
        """All conditions as one filter (``["and", [...]]``)."""
        return ["and", list(self.conditions)]

    def sort_order(self) -> list[list[str]]:
        return [list(o) for o in (self.order or DEFAULT_ORDER)]

    def to_spec(self) -> dict[str, Any]:
        """This query as JSON data (for JavaScript shims and the effects table)."""
        return {"collectionName": self.collectionName, "filter": self.condition(),
                "sort": [list(o) for o in self.order], "skip": self.skip_count, "limit": self.page_size,
                "fields": list(self.projection)}

    @classmethod
    def from_spec(cls, spec: dict[str, Any], module: str = "wix-data") -> WixDataQuery:
        found = spec.get("filter") or ["and", []]
        conditions = tuple(found[1]) if found[0] == "and" else (found,)
        return cls(spec["collectionName"], conditions, tuple((f, d) for f, d in spec.get("sort") or []),
                   int(spec.get("skip", 0)), int(spec.get("limit", 50)), tuple(spec.get("fields") or ()), module)

    def _same(self, other: WixDataQuery) -> WixDataQuery:
        if not isinstance(other, WixDataQuery) or other.collectionName != self.collectionName:
            raise WixDataError("and/or/not need a query of the same collection "
                               f"({self.collectionName!r}), got {other!r}.", "INVALID_ARGUMENT")
        return other

    def __getattr__(self, name: str) -> Any:
        if name in ("and", "or", "not"):
            return getattr(self, name + "_")
        raise AttributeError(f"WixDataQuery has no method {name!r}")

    def __repr__(self) -> str:
        parts = [f"{c[0]}({', '.join(repr(a) for a in c[1:])})" for c in self.conditions]
        parts += [f"{'ascending' if d == 'asc' else 'descending'}({f!r})" for f, d in self.order]
        parts += [f"skip({self.skip_count})"] * bool(self.skip_count) + [f"limit({self.page_size})"]
        return f"query({self.collectionName!r})." + ".".join(parts)


def _values(value: tuple[Any, ...]) -> list[Any]:
    return list(value[0]) if len(value) == 1 and isinstance(value[0], (list, tuple)) else list(value)
