"""Hypothesis strategies of schema-valid payloads, built from the catalog's types and its samples.

``payloads(name, variant=None)`` starts from a sample variant (every variant when
none is named) and varies it field by field along the event's payload type:

* enum fields take any listed value; booleans either value;
* text takes empty text, other scripts (``Zoë``, ``王芳``, emoji) and arbitrary
  unicode; identifiers, e-mail addresses, URLs and currency codes keep the sample's
  value, so the payload stays self-consistent (``metadata.entityId`` is the entity's
  ``_id``);
* numbers take boundary values (0, -1, 0.01, 2**31 - 1, 1e15) and arbitrary ones,
  kept as numeric text where the sample has text (``"49.90"``);
* ``Date`` fields take boundary dates (1970, a leap day, 2038, year 9999) and arbitrary ones;
* optional fields are present or absent; fields the sample leaves out may appear,
  generated from their type (two levels deep);
* lists take several lengths, the empty list included, from the sample's elements.

Every value is one the event's validator accepts (``wixevents.validate``), and
Hypothesis shrinks a failing payload back toward the sample: what is left
different from the sample is what made it fail. ``metadata`` is kept as in the
sample. Needs the ``fuzz`` extra (Hypothesis).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from ..errors import MissingHypothesis
from .catalog import catalog, schema
from .models import adapter
from .samples import sample, samples

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["payloads"]

#: Keys whose values stay as in the sample: identifiers and values other fields refer to.
KEEP = re.compile(r"(^_?id$|Id$|Ids$|^_?owner$|mail|[Uu]rl$|^currency$|Currency$|^code$|^slug$|^metadata$)")
TEXTS = ("", " ", "Zoë", "José Núñez", "Łukasz", "王芳", "محمد", "😀", "a" * 256)
NUMBERS = (0, -1, 1, 0.01, 2**31 - 1, 1e15)
NUMBER_TEXTS = ("0", "0.00", "-1.00", "0.01", "999999.99")
DATES = ("1970-01-01T00:00:00.000Z", "2000-02-29T12:00:00.000Z", "2038-01-19T03:14:08.000Z",
         "9999-12-31T23:59:59.999Z")
#: An object of the sample is varied in about this many draws out of one more (kept or left out otherwise).
OBJECT_WEIGHT = 5
#: Fields the sample leaves out are generated this many object levels deep (then ``{}``).
NEW_DEPTH = 2
_ABSENT = object()


def _st() -> Any:
    try:
        from hypothesis import strategies
    except ImportError:
        raise MissingHypothesis() from None
    return strategies


def payloads(name: str, variant: str | None = None) -> SearchStrategy[dict[str, Any]]:
    """A strategy of valid payloads of event ``name``, varied from sample ``variant`` (default: every variant).

    Shrinks toward the first variant (``default``) with as little changed as possible.
    """
    st = _st()
    event = catalog[name]
    variants = [variant] if variant is not None else samples(event.name)
    if variant is not None and variant not in samples(event.name):
        sample(event.name, variant)  # raises UnknownSample with the variants there are
    return st.one_of(*[_from_sample(event.name, v) for v in variants])  # type: ignore[no-any-return]


def _from_sample(name: str, variant: str) -> Any:
    base = sample(name, variant)
    event = catalog[name]
    for index, shape in enumerate(event.shapes):
        try:
            adapter(event.name, index).validate_python(base)
        except ValueError:  # the sample has another shape (pydantic ValidationError); try the next
            continue
        return _Vary(_st()).value(shape.payload, base, "", 0)
    return _st().just(base)  # a sample no shape accepts is fired as it is (tests/test_samples keeps this rare)


class _Vary:
    def __init__(self, st: Any) -> None:
        self.st = st

    def value(self, t: Any, current: Any, key: str, depth: int, optional: bool = False) -> Any:
        """Values of type ``t`` near ``current`` (the sample's value).

        The sample's value is the first and shortest choice, then absence (when
        ``optional``), then variations: Hypothesis shrinks toward the shortest
        choices, so a shrunk payload keeps every part of the sample it can.
        """
        st = self.st
        choices = [st.just(current)] + ([st.just(_ABSENT)] if optional and not KEEP.search(key) else [])
        if current is None or KEEP.search(key) or t in ("object", "any") or (isinstance(t, dict) and "union" in t):
            pass
        elif isinstance(t, dict) and "ref" in t and isinstance(current, dict):
            # Keep the whole object (the shortest choice, where shrinking ends), leave it out, or (most
            # often) vary it field by field: a plain one_of would keep half of all objects unvaried.
            varied, keep, absent = self.obj(t["ref"], current, depth), choices[0], choices[1:]
            return st.integers(0, OBJECT_WEIGHT).flatmap(
                lambda k: keep if k == 0 else absent[0] if (k == 1 and absent) else varied)
        elif isinstance(t, dict) and "array" in t and isinstance(current, list):
            elements = [self.value(t["array"], x, key, depth + 1) for x in current]
            if elements:
                choices += [st.tuples(*elements).map(list), st.lists(st.one_of(*elements), max_size=4)]
            else:
                choices.append(st.lists(self.new(t["array"], key, depth + 1), max_size=3))
        elif not isinstance(t, dict) or "enum" in t:
            choices.append(self.new(t, key, depth, like=current))
        return st.one_of(*choices)

    def obj(self, fq: str, current: dict[str, Any], depth: int) -> Any:
        st = self.st
        fields = {f["name"]: f for f in schema.types()[fq]["fields"]}
        parts: dict[str, Any] = {}
        for key, value in current.items():
            f = fields.get(key)
            if f is None:  # a field the type does not list stays as the sample has it
                parts[key] = st.just(value)
            else:
                parts[key] = self.value(f["type"], value, key, depth + 1, bool(f.get("optional")) and depth > 0)
        if depth < NEW_DEPTH:
            for key, f in fields.items():
                if key not in current and f.get("optional") and not KEEP.search(key):
                    parts[key] = st.one_of(st.just(_ABSENT), self.new(f["type"], key, depth + 1))
        return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v is not _ABSENT})

    def new(self, t: Any, key: str, depth: int, like: Any = None) -> Any:
        """Values of type ``t`` made from the type alone (``like`` tells numeric text from numbers)."""
        st = self.st
        if isinstance(t, dict):
            if "enum" in t:
                return st.sampled_from(t["enum"])
            if "ref" in t:
                return self.obj(t["ref"], {}, depth) if depth < NEW_DEPTH else st.just({})
            if "array" in t:
                return st.lists(self.new(t["array"], key, depth + 1), max_size=2)
            if "union" in t:
                return self.new(t["union"][0], key, depth, like)
            return st.just({})
        if t == "string":
            if KEEP.search(key):
                return st.just(str(like) if like is not None else "sample")
            return st.one_of(st.sampled_from(TEXTS), st.text(max_size=20))
        if t == "number":
            if isinstance(like, str):
                return st.one_of(st.sampled_from(NUMBER_TEXTS),
                                 st.decimals(min_value=-10**6, max_value=10**6, places=2).map(str))
            return st.one_of(st.sampled_from(NUMBERS), st.integers(), st.floats(allow_nan=False, allow_infinity=False))
        if t == "boolean":
            return st.booleans()
        if t == "Date":
            moments = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 31))
            return st.one_of(st.sampled_from(DATES), moments.map(_iso))
        return st.just({})


def _iso(moment: datetime) -> str:
    return moment.replace(tzinfo=timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
