"""``wix-auth``, simulated: ``elevate(fn)`` returns a function that calls ``fn`` with elevated permissions.

::

    from wixevents.velo.wix_auth import elevate
    from wixevents.velo.wix_data import truncate
    elevated_truncate = elevate(truncate)
    elevated_truncate("Drafts")

As on Wix (``const run = elevate(fn); await run(args)``), elevation applies to
the calls made through the returned function. Each such call is recorded as one
effect (``wix-auth`` ``elevate``, with the wrapped function's name and the
arguments) and every simulated call made inside it is marked ``elevated`` --
which, for permission checks wixevents models (``truncate``), counts like
``suppressAuth``. Runs the call causes (data hooks, cascaded events) are not
elevated: they run as themselves. An ``async def`` function stays async: its
returned function must be awaited, and elevation lasts until it finishes.

For JavaScript shims, which cannot hand a JavaScript function to Python,
:func:`call_elevated` runs one simulated function, named as in
:func:`wixevents.velo.modules` (``"wix-data:truncate"``,
``"wix-crm-backend:contacts.createContact"``) or a generic-tier one
(``"wix-stores.v2:products.getProduct"``, :mod:`.generic`), elevated: recorded as one
``elevate`` effect with the call inside it marked elevated.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from .record import Recording, elevation, recorded

__all__ = ["call_elevated", "elevate"]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


#: How a query's find/count is named for ``call_elevated``, by the query's module (as the JavaScript shims name it).
QUERY_CALLS = {"wix-data": "wix-data:query_", "@wix/data": "@wix/data:items.query_",
               "wix-crm-backend": "wix-crm-backend:contacts.query_"}


def elevated_query(query: Any, kind: str, options: Any, run: Callable[[], T]) -> T:
    """Run ``find``/``count`` of an elevated query as JavaScript's elevated builder does: one ``elevate`` effect."""
    target = _simulated(QUERY_CALLS[query.module] + kind)
    label = getattr(target, "__qualname__", kind)
    args = [query.to_spec(), *([options] if options is not None else [])]
    with Recording("wix-auth", "elevate", {"function": label, "args": args}, elevated=True) as call, elevation():
        result = run()
        call.done(result.to_dict() if hasattr(result, "to_dict") else result)
        return result


def elevate(sourceFunction: F) -> F:
    """``sourceFunction`` wrapped so each call runs, and is recorded, as elevated.

    A query builder (``wix_data.query``, ``items.query``, ``contacts.queryContacts``) gives
    queries whose ``find``/``count`` run elevated; building the query records nothing.
    """
    if not callable(sourceFunction):
        raise TypeError(f"elevate() needs a function, got {type(sourceFunction).__name__}")
    if getattr(sourceFunction, "__name__", "") in ("query", "queryContacts") and \
            getattr(sourceFunction, "__module__", "").startswith("wixevents.velo"):
        builder = sourceFunction

        @functools.wraps(sourceFunction)
        def elevated_builder(*args: Any, **kwargs: Any) -> Any:
            return dataclasses.replace(builder(*args, **kwargs), elevated=True)
        return elevated_builder  # type: ignore[return-value]
    label = getattr(sourceFunction, "__qualname__", None) or getattr(sourceFunction, "__name__", repr(sourceFunction))

    def given(args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        return {"function": label, "args": list(args), **({"kwargs": kwargs} if kwargs else {})}

    if inspect.iscoroutinefunction(sourceFunction):
        @functools.wraps(sourceFunction)
        async def elevated_async(*args: Any, **kwargs: Any) -> Any:
            with Recording("wix-auth", "elevate", given(args, kwargs), elevated=True) as call, elevation():
                result = await sourceFunction(*args, **kwargs)
                call.done(result)
                return result
        return elevated_async  # type: ignore[return-value]

    @functools.wraps(sourceFunction)
    def elevated(*args: Any, **kwargs: Any) -> Any:
        def body(_: Any) -> Any:
            with elevation():
                return sourceFunction(*args, **kwargs)
        return recorded("wix-auth", "elevate", given(args, kwargs), body, elevated=True)

    return elevated  # type: ignore[return-value]


def _simulated(function: str) -> Any:
    """The simulated function named ``"<module>:<member path>"`` (SDK spellings too), else None."""
    from . import modules
    from .generic import simulated

    module, _, path = function.partition(":")
    target: Any = modules().get(module)
    for step in path.split("."):
        target = target.get(step) if isinstance(target, dict) else None
    return target if callable(target) else simulated(module, path)


def call_elevated(function: str, *args: Any) -> Any:
    """Call the simulated function named ``"<module>:<member path>"`` with ``args``, elevated."""
    module, _, path = function.partition(":")
    target = _simulated(function)
    if not callable(target):
        from .generic import call, entry

        if entry(module, path) is not None:  # a generic-tier function
            def generic(*given: Any) -> Any:
                return call(module, path, *given)
            generic.__qualname__ = function
            return elevate(generic)(*args)
        raise KeyError(f"no simulated function {function!r}; names look like 'wix-data:insert' or "
                       "'wix-crm-backend:contacts.createContact'")
    return elevate(target)(*args)
