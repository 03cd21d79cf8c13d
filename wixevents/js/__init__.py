"""Run real ``events.js`` / ``data.js`` handler code (JavaScript): the parser for now."""

from __future__ import annotations

from .errors import JsLoadError, JsProblem, MissingJsEngine

__all__ = ["JsLoadError", "JsProblem", "MissingJsEngine"]
