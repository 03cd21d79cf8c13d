"""``WixDataQueryResult``: one page of a query's matches, as ``find()`` returns it.

Properties as Wix documents them: ``items`` (this page), ``length`` (items on
this page), ``totalCount`` (all matches; None with the ``omitTotalCount``
option), ``pageSize`` (the query's limit), ``currentPage`` (zero-based; None
when nothing matched), ``totalPages``, ``partialIncludes`` (always False: there
are no references here) and ``query``; ``hasNext()``/``hasPrev()`` and
``next()``/``prev()`` (which run the query again, hooks included, for the
neighbouring page, on the site the first page came from). ``to_dict()`` gives
the same as JSON data.
"""

from __future__ import annotations

import math
from typing import Any

from ..events.event import WixObject
from ..runtime.context import current_site, use_site
from .query import WixDataQuery

__all__ = ["WixDataQueryResult"]


class WixDataQueryResult:
    """One page of query results."""

    def __init__(self, items: list[WixObject], total: int, query: WixDataQuery,
                 options: dict[str, Any] | None = None) -> None:
        self.items, self.query, self._total, self._options = items, query, total, options
        omit = isinstance(options, dict) and bool(options.get("omitTotalCount"))
        self.totalCount: int | None = None if omit else total
        self.length = len(items)
        self.pageSize = query.page_size
        self.currentPage: int | None = query.skip_count // query.page_size if items else None
        self.totalPages = math.ceil(total / query.page_size)
        self.partialIncludes = False
        self._site = current_site()

    def hasNext(self) -> bool:
        return self.query.skip_count + self.query.page_size < self._total

    def hasPrev(self) -> bool:
        return self.query.skip_count > 0

    def next(self) -> WixDataQueryResult:
        with use_site(self._site):
            return self.query.skip(self.query.skip_count + self.query.page_size).find(self._options)

    def prev(self) -> WixDataQueryResult:
        with use_site(self._site):
            return self.query.skip(max(0, self.query.skip_count - self.query.page_size)).find(self._options)

    def to_dict(self) -> dict[str, Any]:
        return {"items": [dict(i) for i in self.items], "length": self.length, "totalCount": self.totalCount,
                "pageSize": self.pageSize, "currentPage": self.currentPage, "totalPages": self.totalPages,
                "partialIncludes": False, "query": self.query.to_spec()}

    def __len__(self) -> int:
        return self.length

    def __repr__(self) -> str:
        return (f"<WixDataQueryResult {self.length} of {self.totalCount} item(s), page {self.currentPage} "
                f"of {self.totalPages}: {self.query!r}>")
