"""Node.js built-in modules that backend code commonly imports, written in JavaScript for the engine.

Wix runs backend code on Node.js, so sites import ``crypto`` (webhook
signatures: ``createHmac``, ``timingSafeEqual``; ``randomUUID``; ``createHash``),
``buffer``, ``util`` and ``url``. :data:`BUILTINS` maps each one wixevents
provides to its file here; ``node:crypto`` is the same module as ``crypto``.

Decision: they are JavaScript, not calls into Python, because Node's functions
are synchronous (``createHash(...).digest()`` returns at once) while a call
from the engine to Python returns a Promise. Tests compare their digests with
Python's ``hashlib`` and ``hmac`` on the same inputs.

Any other built-in (``fs``, ``http``, ``child_process``...) is a load-time
error naming it (:data:`NODE_BUILTINS` lists Node's names).
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import JsEngine

__all__ = ["BUILTINS", "GLOBAL_FETCH", "NODE_BUILTINS", "builtin_name", "codes", "source"]

#: Wix runs backend code on Node.js, whose global ``fetch`` (Node 18 and later) site code calls without
#: importing wix-fetch; here it is wix-fetch's ``fetch``, so ``site.http`` stubs answer it and it is recorded.
#: Node's global ``crypto`` (Web Crypto) is given ``getRandomValues`` and ``randomUUID`` (no ``subtle``), which
#: packages such as ``uuid`` use.
GLOBAL_FETCH = """(() => {
  const bridge = __wixevents, floor = Math.floor, random = Math.random, define = Object.defineProperty;
  const global = (name, value) => define(globalThis, name, { value, writable: true, configurable: true });
  global("fetch", function fetch(...args) { return bridge.load("wix-fetch").fetch(...args); });
  if (typeof globalThis.crypto === "undefined") global("crypto", {
    getRandomValues(a) {
      const top = 2 ** (8 * (a.BYTES_PER_ELEMENT || 1));
      for (let i = 0; i < a.length; i++) a[i] = floor(random() * top);
      return a;
    },
    randomUUID() { return bridge.load("crypto").randomUUID(); },
  });
})();
//# sourceURL=wixevents:global-fetch
"""

#: The built-ins wixevents provides, by module name, and the file that implements each.
BUILTINS = {"buffer": "buffer.js", "crypto": "crypto.js", "util": "util.js", "url": "url.js"}
#: Node's built-in module names (a bare import of one of these is never an npm package).
NODE_BUILTINS = frozenset((
    "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram",
    "diagnostics_channel", "dns", "domain", "events", "fs", "fs/promises", "http", "http2", "https",
    "inspector", "module", "net", "os", "path", "path/posix", "perf_hooks", "process", "punycode",
    "querystring", "readline", "repl", "stream", "stream/promises", "string_decoder", "timers",
    "timers/promises", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi", "worker_threads",
    "zlib",
))


def builtin_name(spec: str) -> str | None:
    """``crypto`` for ``crypto`` or ``node:crypto``; None when ``spec`` is not a Node built-in."""
    name = spec.removeprefix("node:")
    return name if spec.startswith("node:") or name in NODE_BUILTINS else None


def source(name: str) -> str:
    """The ES-module source of built-in ``name`` (one of :data:`BUILTINS`)."""
    return files(__package__).joinpath(BUILTINS[name]).read_text(encoding="utf-8")


_CODE: dict[str, str] = {}


def codes(engine: JsEngine) -> dict[str, str]:
    """Define-code of the built-ins, for ``engine.register_code`` (the global ``fetch`` is a boot script)."""
    if not _CODE:
        from ..loader import compile_internal

        for name in BUILTINS:
            _CODE[name] = compile_internal(engine, name, source(name), also=BUILTINS)
    return dict(_CODE)
