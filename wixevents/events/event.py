"""The event object a Python handler receives: a dict that reads like Velo.

``event.entity._id``, ``event["entity"]["_id"]`` and ``event.get("entity")`` all
work, keys stay camelCase as Wix sends them, and the object is still a plain
``dict`` for ``json.dumps`` (dates need ``default=str``) and pandas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..errors import Problem


def _lift(value: Any) -> Any:
    """A nested dict or list as its attribute-reading twin (a shallow copy); anything else as is."""
    kind = type(value)
    if kind is dict:
        return WixObject(value)
    if kind is list:
        return WixList(value)
    return value


class WixObject(dict[str, Any]):
    """A JSON object with attribute access to its keys (``obj.field``).

    Nested objects and lists are converted when first read (and the converted
    copy is kept), so building an event costs nothing per field: a handler pays
    only for what it reads. Iterating ``.items()`` or ``.values()`` gives the
    stored values as they are.
    """

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        value = dict.__getitem__(self, key)
        lifted = _lift(value)
        if lifted is not value:
            dict.__setitem__(self, key, lifted)
        return lifted

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default  # noqa: SIM401  (this *is* get: it lifts the value)

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            known = ", ".join(sorted(self)) or "none"
            raise AttributeError(f"this object has no field {key!r}; its fields are: {known}") from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        del self[key]


class WixList(list[Any]):
    """A JSON list whose object items read like :class:`WixObject` (converted when first read)."""

    __slots__ = ()

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return WixList(list.__getitem__(self, index))
        value = list.__getitem__(self, index)
        lifted = _lift(value)
        if lifted is not value:
            list.__setitem__(self, index, lifted)
        return lifted

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield self[i]


class EventObject(WixObject):
    """The root of an event payload; also knows its event name and extra fields."""

    __slots__ = ("_name", "_shape", "_unknown", "_warnings")

    def __init__(self, data: dict[str, Any], name: str, unknown: Callable[[], list[str]], shape: str,
                 warnings: list[Problem] | None = None) -> None:
        super().__init__(data)
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_unknown", unknown)
        object.__setattr__(self, "_shape", shape)
        object.__setattr__(self, "_warnings", list(warnings or []))

    @property
    def event_name(self) -> str:
        """The handler name this payload was validated for."""
        return str(self._name)

    @property
    def shape(self) -> str:
        """The module whose payload shape this event follows."""
        return str(self._shape)

    @property
    def unknown_fields(self) -> list[str]:
        """JSON paths of fields the catalog does not know (kept, not rejected)."""
        found = self._unknown()
        return list(found)

    @property
    def warnings(self) -> list[Problem]:
        """Departures from the typings that Wix's real payloads show (each with path, expected, got).

        The payload was accepted; ``validate(name, payload, strict=True)`` rejects it instead.
        """
        return list(self._warnings)

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (and deep-copies) as a plain WixObject tree
        return (WixObject, (dict(self),))

    def _repr_html_(self) -> str:
        """A collapsible tree with each field's type and description (see :mod:`wixevents.events.viewer`)."""
        from .viewer import PayloadView

        return PayloadView(self.event_name, plain(self), [], self.unknown_fields)._repr_html_()


def wrap(value: Any) -> Any:
    """A dict or list as its attribute-reading twin; nested values convert when read."""
    return _lift(value) if type(value) in (dict, list) else value


def plain(value: Any) -> Any:
    """The inverse of :func:`wrap`: plain dicts and lists, for JSON and storage."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
