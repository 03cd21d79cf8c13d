"""Running queries: ``WixDataQuery.find()`` and ``count()``, with their data hooks.

``find`` filters and sorts a snapshot of the collection (:mod:`wixevents.velo.filters`),
takes one page, keeps only the ``fields`` asked for (and ``_id``), then runs
``afterQuery`` once per item of the page; ``count`` counts every match. Before
either, ``beforeQuery``/``beforeCount`` may replace the query; ``afterCount``
may replace the count.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from .datahooks import Operation, is_item, is_number
from .filters import matches, sort_items
from .items import normalise, returned
from .operations import auth, name
from .query import WixDataQuery
from .record import recorded
from .results import WixDataQueryResult

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["run_count", "run_find"]

T = TypeVar("T")
Options = Mapping[str, Any] | None


def run_find(q: WixDataQuery, options: Options = None) -> WixDataQueryResult:
    """Run ``q`` (what ``WixDataQuery.find`` calls)."""
    def work(op: Operation) -> WixDataQueryResult:
        found = op.hook("beforeQuery", q, lambda v: isinstance(v, WixDataQuery))
        with op.site.velo.lock:
            hits = [normalise(i) for i in op.site.velo.collection(op.collection).values()
                    if matches(i, found.condition())]
        page = sort_items(hits, found.sort_order())[found.skip_count:found.skip_count + found.page_size]
        if found.projection:
            page = [{k: v for k, v in i.items() if k == "_id" or k in found.projection} for i in page]
        answers: list[dict[str, Any]] = [op.hook("afterQuery", i, is_item) for i in page]
        return WixDataQueryResult([returned(a) for a in answers], len(hits), found, dict(options or {}))
    return _query_op(q, "query.find", options, work)


def run_count(q: WixDataQuery, options: Options = None) -> int:
    """Count the matches of ``q`` (what ``WixDataQuery.count`` calls)."""
    def work(op: Operation) -> int:
        found = op.hook("beforeCount", q, lambda v: isinstance(v, WixDataQuery))
        with op.site.velo.lock:
            total = sum(matches(i, found.condition()) for i in op.site.velo.collection(op.collection).values())
        counted: int = op.hook("afterCount", total, is_number)
        return counted
    return _query_op(q, "query.count", options, work)


def _query_op(q: WixDataQuery, function: str, options: Options, work: Callable[[Operation], T]) -> T:
    def body(site: VeloSite) -> T:
        op = Operation(site, q.collectionName, options)
        return op.run(partial(work, op))
    return recorded(q.module, name(q.module, function), {"collectionId": q.collectionName, "query": q.to_spec(),
                    "options": options}, body, elevated=auth(options), shown=_shown)


def _shown(result: object) -> object:
    return result.to_dict() if isinstance(result, WixDataQueryResult) else result
