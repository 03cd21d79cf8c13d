"""``wix-fetch``, simulated without a network: responses come from the site's stubs.

::

    site.http.stub("https://api.example.com/cancel", json={"ok": True}, method="POST")
    from wixevents.velo.wix_fetch import fetch, getJSON
    response = fetch("https://api.example.com/cancel", {"method": "POST", "body": json.dumps(data)})
    response.ok, response.status, response.json()

As Wix documents: ``fetch(url, options)`` resolves for any HTTP status (2xx, 4xx,
5xx alike; check ``ok``) and rejects only when no response comes;
``options`` has ``method`` (default ``GET``), ``headers`` and ``body`` (text).
The response has ``status``, ``statusText``, ``ok``, ``headers``, ``url``,
``bodyUsed``, ``json()`` and ``text()`` (plain calls, see :mod:`wixevents.velo`).
``getJSON(url, options)`` always uses ``GET`` with ``Accept: application/json``
and returns the parsed body.

wixevents never opens a connection: a request no stub answers fails with
:class:`~wixevents.velo.errors.UnstubbedRequest`, whose message shows the
``site.http.stub(...)`` line to add; a stub with ``error=`` fails like a network
error. Every request, answered or not, is a row of ``site.http_calls()``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from ..runtime.clock import iso
from .errors import UnstubbedRequest, VeloError
from .record import current_call, masked, recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["WixFetchResponse", "fetch", "fetch_json", "getJSON"]

MODULE = "wix-fetch"


class WixFetchResponse:
    """One stubbed HTTP response."""

    def __init__(self, url: str, status: int, headers: dict[str, str], body: str) -> None:
        self.url, self.status, self.headers, self._body = url, status, dict(headers), body
        self.ok = 200 <= status < 300
        try:
            self.statusText = HTTPStatus(status).phrase
        except ValueError:
            self.statusText = ""
        self.bodyUsed = False

    def text(self) -> str:
        self.bodyUsed = True
        return self._body

    def json(self) -> Any:
        self.bodyUsed = True
        try:
            return json.loads(self._body)
        except json.JSONDecodeError as exc:
            raise VeloError(f"The response from {self.url} is not JSON ({exc.msg}): {self._body[:80]!r}",
                            "INVALID_JSON") from None

    def to_dict(self) -> dict[str, Any]:
        """The response as JSON data (what the effects table and JavaScript shims get)."""
        return {"url": self.url, "status": self.status, "statusText": self.statusText, "ok": self.ok,
                "headers": self.headers, "body": self._body}

    def __repr__(self) -> str:
        return f"<WixFetchResponse {self.status} {self.statusText} from {self.url}>"


def _request(site: VeloSite, url: str, options: Mapping[str, Any] | None) -> WixFetchResponse:
    options = options or {}
    method = str(options.get("method") or "GET").upper()
    body = options.get("body")
    stub = site.velo.http.match(method, url)
    seq, call = current_call()
    row: dict[str, Any] = {"seq": seq, "call": call, "method": method, "url": url, "body": masked(site, body),
                           "status": None,
                           "response": None, "error": None, "time": iso(site.clock.now())}
    try:
        if stub is None:
            hint = f", method={method!r}" if method != "GET" else ""
            raise UnstubbedRequest(
                f"wix-fetch has no stub for {method} {url}, and wixevents never uses the network. "
                f"Stub it before firing: site.http.stub({url!r}, json={{...}}, status=200{hint})", "UNSTUBBED")
        if stub.error is not None:
            raise VeloError(f"{method} {url} failed: {stub.error}", "NETWORK_ERROR")
        row["status"], row["response"] = stub.status, stub.body
        return WixFetchResponse(url, stub.status, stub.headers, stub.body)
    except VeloError as exc:
        row["error"] = str(exc)
        raise
    finally:
        with site.velo.lock:
            site.velo.http_calls.append(row)


def fetch(url: str, options: Mapping[str, Any] | None = None) -> WixFetchResponse:
    """The stubbed response to ``url`` with ``options`` (``method``, ``headers``, ``body``)."""
    return recorded(MODULE, "fetch", {"url": url, "options": options}, lambda site: _request(site, url, options),
                    shown=lambda r: r.to_dict())


def getJSON(url: str, options: Mapping[str, Any] | None = None) -> Any:
    """The stubbed JSON body of ``GET url``."""
    headers = {"Accept": "application/json", **dict((options or {}).get("headers") or {})}
    given = {**dict(options or {}), "method": "GET", "headers": headers}
    return recorded(MODULE, "getJSON", {"url": url, "options": options},
                    lambda site: _request(site, url, given).json())


def fetch_json(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``fetch`` with the response as JSON data (``to_dict``): what a JavaScript shim builds a Response from."""
    return fetch(url, options).to_dict()
