"""``site.js_modules``: modules a site provides to its JavaScript in place of npm packages.

``site.js_modules["axios"] = source_or_object`` makes ``import axios from
'axios'`` (and ``require('axios')`` in a package) resolve to it, before any
``node_modules`` folder is looked at:

* JavaScript source text: an ES module (with ``export``), or CommonJS code
  (``module.exports = ...``) when it has no ``import``/``export`` statement;
* a mapping of Python values: its functions become async JavaScript functions
  that call Python (``{"get": fn}`` -> ``import { get } from 'axios'``);
* any other Python object: a callable is the default export; otherwise its
  public attributes are the named exports.

Files loaded before are run again so they see the stand-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import JsEngine

__all__ = ["JsModules"]

_ESM = re.compile(r"^\s*(import\s*[\w{*'\"]|export\s+[\w{*])", re.MULTILINE)


class JsModules(MutableMapping[str, Any]):
    """The stand-in modules of one site's engine, by import name."""

    def __init__(self, engine: JsEngine) -> None:
        self.engine = engine
        self._given: dict[str, Any] = {}

    def __setitem__(self, name: str, value: Any) -> None:
        if isinstance(value, str) and not _ESM.search(value):
            from .npm import commonjs_code

            self.engine.register_code({name: commonjs_code(name, value, {}, f"js_modules[{name!r}]")})
        elif isinstance(value, str | MutableMapping) or hasattr(value, "keys"):
            self.engine.register_module(name, value)
        elif callable(value):
            self.engine.register_module(name, {"default": value})
        else:
            self.engine.register_module(name, {k: getattr(value, k) for k in dir(value) if not k.startswith("_")})
        self._given[name] = value

    def __getitem__(self, name: str) -> Any:
        return self._given[name]

    def __delitem__(self, name: str) -> None:
        raise TypeError("a stand-in module cannot be removed from a running engine; site.close() starts afresh")

    def __iter__(self) -> Iterator[str]:
        return iter(self._given)

    def __len__(self) -> int:
        return len(self._given)

    def __repr__(self) -> str:
        return f"<js_modules: {', '.join(self._given) or 'none'}>"
