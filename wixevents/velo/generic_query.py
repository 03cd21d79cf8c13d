"""Query builders of the generic tier: ``products.queryProducts().eq("name", "Mug").limit(5).find()``.

Wix's SDK query functions (``queryProducts``, ``queryPosts``, ``queryServices``...)
return a builder, not a promise: its filter and sort methods chain, and
``find()`` runs the query. The module table records, per query function, the
builder's methods (from Wix's reference) and one sample item of its results.
Here the methods chain without state; ``find()`` is the one recorded call
(module, ``function`` = the query function's member path, ``args`` =
``{"query": [[method, [arguments]], ...], "options": ...}``) and resolves to a
result shaped as Wix documents one (``items``, ``totalCount``, ``length``,
``pageSize``, ``currentPage``, ``totalPages``): the sample item, or none after
``limit(0)``. A stub of ``site.api`` for the query function answers ``find()``:
a value, or a callable given the query steps. JavaScript builds the same steps
(``js/shims/common.js``), so both languages record the same effect.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .record import recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["GenericQuery", "find"]


class GenericQuery:
    """A generic-tier query builder: each documented method returns a new builder with one more step."""

    def __init__(self, module: str, function: str, builder: dict[str, Any], steps: tuple[Any, ...] = ()) -> None:
        self._module, self._function, self._builder, self._steps = module, function, builder, steps

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._builder["methods"]:
            methods = ", ".join(self._builder["methods"])
            raise AttributeError(f"a {self._function}() query has no method {name!r}; it has {methods} and find")

        def step(*args: Any) -> GenericQuery:
            return GenericQuery(self._module, self._function, self._builder, (*self._steps, [name, list(args)]))
        return step

    def find(self, options: Any = None) -> Any:
        """Run the query: one recorded call, resolving to a query result."""
        return find(self._module, self._function, [list(s) for s in self._steps], options)

    def __repr__(self) -> str:
        chain = "".join(f".{name}({', '.join(map(repr, args))})" for name, args in self._steps)
        return f"<query {self._module} {self._function}(){chain}>"


def find(module: str, function: str, steps: list[Any], options: Any = None) -> Any:
    """``find()`` of a generic query: recorded; a stub's answer, else one sample item (none after ``limit(0)``)."""
    from .generic import entry

    found = entry(module, function)
    if found is None or "builder" not in found:
        raise AttributeError(f"'{module}' has no query function '{function}' in Wix's reference")
    item = found["builder"].get("item")
    args = {"query": steps, **({"options": options} if options is not None else {})}

    def body(site: VeloSite) -> Any:
        stubbed, answer = site.velo.api.answer(module, function)
        if stubbed:
            return answer(steps) if callable(answer) else copy.deepcopy(answer)
        limits = [a[0] for name, a in steps if name == "limit" and a]
        items = [] if item is None or (limits and limits[-1] == 0) else [copy.deepcopy(item)]
        return {"items": items, "totalCount": len(items), "length": len(items), "pageSize": limits[-1] if limits
                else 50, "currentPage": 0, "totalPages": 1 if items else 0}
    return recorded(module, function, args, body)
