"""``wix-http-functions``, simulated: the response helpers ``ok``, ``created``, ``badRequest``... of http-functions.js.

::

    from wixevents.velo.wix_http_functions import ok, badRequest
    ok({"body": {"received": True}})     # {"status": 200, "body": {...}, "headers": {}}

Each helper builds the ``WixHttpFunctionResponse`` Wix documents (``status``,
``body``, ``headers``) and returns it at once, as on Wix (no promise); nothing
is recorded, since building a response changes nothing. So ``http-functions.js``
and the files importing it load, and a handler may call its helpers. Serving
HTTP requests to ``get_x``/``post_x`` functions is not simulated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["badRequest", "created", "forbidden", "notFound", "ok", "response", "serverError"]


def response(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A response with ``options["status"]`` (200 when not given), ``body`` and ``headers``."""
    given = dict(options or {})
    return {"status": given.get("status", 200), "body": given.get("body"), "headers": dict(given.get("headers") or {})}


def _with(status: int, options: Mapping[str, Any] | None) -> dict[str, Any]:
    return response({**dict(options or {}), "status": status})


def ok(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return _with(200, options)


def created(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return _with(201, options)


def badRequest(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return _with(400, options)


def forbidden(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return _with(403, options)


def notFound(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return _with(404, options)


def serverError(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return _with(500, options)
