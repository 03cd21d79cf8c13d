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

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from .record import Recording, elevation, recorded

__all__ = ["call_elevated", "elevate"]

F = TypeVar("F", bound=Callable[..., Any])


def elevate(sourceFunction: F) -> F:
    """``sourceFunction`` wrapped so each call runs, and is recorded, as elevated."""
    if not callable(sourceFunction):
        raise TypeError(f"elevate() needs a function, got {type(sourceFunction).__name__}")
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


def call_elevated(function: str, *args: Any) -> Any:
    """Call the simulated function named ``"<module>:<member path>"`` with ``args``, elevated."""
    from . import modules

    module, _, path = function.partition(":")
    target: Any = modules().get(module)
    for step in path.split("."):
        target = target.get(step) if isinstance(target, dict) else None
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
