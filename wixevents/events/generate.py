"""Generate a realistic, self-consistent payload for any event, for any seed.

``generate(name, variant, seed)`` is what ``tools/gen_samples.py`` writes to
``sample_payloads/`` (seed 0) and what ``wixevents.sample(name, seed=N)`` returns
for other seeds: :class:`~.fake.Faker` picks values by meaning, then
:func:`~.settle.settle` makes money, time and IDs agree. Variants are
``default`` (optional fields filled near the top), ``minimal`` (what Wix always
sends: the envelope, the entity's ID and state) and, for events two modules
document, the other module's name (that module's shape).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import UnknownSample
from . import vocab
from .catalog import catalog
from .fake import Faker
from .settle import settle

__all__ = ["generate", "generated_variants"]


def words(event: str) -> list[str]:
    """``onInvoicePaid`` -> ``["Invoice", "Paid"]``."""
    return re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*", event[2:])


def generated_variants(name: str) -> list[str]:
    """The variants made from the schema: ``default``, ``minimal`` and one per extra module shape."""
    event = catalog[name]
    return ["default", "minimal", *(s.module for s in event.shapes[1:])]


def generate(name: str, variant: str = "default", seed: int = 0) -> dict[str, Any]:
    """A fresh payload of event ``name``; the same arguments always give the same payload."""
    event = catalog[name]
    known = generated_variants(event.name)
    if variant not in known:
        raise UnknownSample(event.name, variant, known)
    index = known.index(variant) - 1 if variant not in ("default", "minimal") else 0
    faker = Faker(event.name, words(event.event), full=variant != "minimal", seed=seed)
    payload: dict[str, Any] = faker.value(event.shapes[index].payload, "$", "event")
    rate = float(vocab.pick(seed, vocab.TAXES)[1])
    return settle(event.name, payload, rate, fresh=True)
