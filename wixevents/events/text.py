"""Text values by meaning: the part of :class:`~.fake.Faker` that writes words.

Person names only where a person is meant (a contact, buyer, member, ...),
product names in line items, tax names in taxes, the persona's address, phone
and company, links on the example site or ``static.wixstatic.com`` for media,
then a table of field-name parts (colours, sizes, codes, ...). The last resort
is a plain sentence from :data:`~.vocab.SENTENCES`, never the field's name.
"""

from __future__ import annotations

import re
from typing import Any

from . import money, vocab

PEOPLE = ("contact", "customer", "buyer", "member", "owner", "submitter", "participant", "recipient", "author",
          "user", "profile", "billing", "shipping", "guest", "attendee", "person", "sender", "instructor",
          "staff", "subscriber", "identity", "detail", "info", "address", "payer", "referr", "creator")


class TextPicker:
    """Mixed into :class:`~.fake.Faker`: needs its persona, file, seed, event words and ``uid``."""

    person: dict[str, Any]
    file: tuple[str, str, str, int, int, int, int]
    seed: int
    words: list[str]

    def uid(self, path: str) -> str:
        raise NotImplementedError

    def email(self) -> str:
        p = self.person
        return f"{_ascii(p['first'])}.{_ascii(p['last'])}@example.com".lower()

    def text(self, key: str, path: str, parent: str) -> str:
        p, person = self.person, any(w in parent for w in PEOPLE) or parent in ("", "event")
        if parent == "streetaddress" and key in ("name", "number", "value", "type"):
            return str({"name": p["street"], "number": p["number"], "value": p["line"], "type": "Street"}[key])
        if key in ("countryfullname", "countryname"):
            return str(p["country_name"])
        if key.endswith("id") or key.endswith("ids"):
            return self.uid("contact" if key == "contactid" else "member" if key == "memberid" else path)
        if key in ("firstname", "first"):
            return str(p["first"])
        if key in ("lastname", "last"):
            return str(p["last"])
        if key in ("fullname", "name", "authorname", "displayname", "nickname") and person:
            return f"{p['first']} {p['last']}" if key != "nickname" else _ascii(p["first"]).lower()
        if key in ("name", "title", "planname", "displayname", "label"):
            return self.title(parent)
        if "email" in key:
            return self.email()
        if "phone" in key:
            return str(p["phone"])
        if key in ("original", "translated"):
            return self.title(parent) if "desc" not in parent else vocab.pick(self.seed, vocab.SENTENCES)
        if key == "code" and "tax" in parent:
            return "STANDARD"
        if key.endswith("title") and key != "title":
            return self.title(parent + key)
        if "url" in key or key in ("src", "image", "video"):
            return self.url(key, parent)
        if key in ("filename", "originalfilename"):
            return self.file[0]
        if key == "mimetype":
            return self.file[1]
        return self.place(key) or self.word(key, parent)

    def place(self, key: str) -> str | None:
        p = self.person
        table = {"addressline": p["line"], "addressline1": p["line"], "streetaddress": p["line"],
                 "addressline2": p["line2"], "apt": p["line2"], "city": p["city"], "subdivision": p["subdivision"],
                 "postalcode": p["postal"], "zipcode": p["postal"], "country": p["country"],
                 "countrycode": p["country"], "currency": p["currency"], "conversioncurrency": p["currency"],
                 "company": p["company"], "companyname": p["company"], "language": p["language"],
                 "buyerlanguage": p["language"], "sitelanguage": p["language"], "locale": p["locale"],
                 "timezone": p["tz"], "timezoneid": p["tz"], "formatted": _formatted(p),
                 "jobtitle": "Studio manager",
                 "description": vocab.pick(self.seed, vocab.SENTENCES)}
        found = table.get(key)
        return None if found is None else str(found)

    def word(self, key: str, parent: str) -> str:
        if key in ("description", "summary", "plandescription"):
            return vocab.pick(self.seed, vocab.SENTENCES)
        if key in ("name",) or key.endswith("name"):
            return self.title(parent or key)
        if key in ("total", "subtotal", "tax", "discount", "shipping", "balance", "paid", "fee") or any(
                w in key for w in ("amount", "price", "cost")):
            return f"{vocab.pick(self.seed, vocab.PRODUCTS)[2]:.2f}"
        if key.endswith("status"):
            return {"paymentstatus": "PAID", "fulfillmentstatus": "NOT_FULFILLED"}.get(key, "ACTIVE")
        if key.endswith("source") or key.endswith("origin"):
            return "Wix Stores"
        if key.endswith("type"):
            return "Credit card" if "pay" in parent else "DEFAULT"
        if key == "number":  # an order or invoice number: 10001 in the shipped samples, another per seed
            return str(10001 + 17 * self.seed)
        found = vocab.WORDS.get(key)
        if found is not None:
            return found
        if key in ("fax", "mobile") or key.endswith("phone"):
            return str(self.person["phone"])
        if "address" in key:
            return _formatted(self.person)
        if key.startswith("formatted"):
            return money.fmt(vocab.pick(self.seed, vocab.PRODUCTS)[2], str(self.person["currency"]))
        if "subtotal" in key:
            return f"{vocab.pick(self.seed, vocab.PRODUCTS)[2]:.2f}"
        if key == "brand":
            return str(self.person["company"])
        if key == "symbol":
            return money.SYMBOLS.get(str(self.person["currency"]), "$")
        if "link" in key or key in ("base", "endpoint", "google", "ics") or key.endswith("page"):
            return "https://www.claystudio.com/shop"
        if any(m in key for m in vocab.MEDIA_KEYS):
            return self.url(key, parent)
        for part, text in vocab.BY_PART:
            if part in key:
                return text
        return vocab.pick(self.seed, vocab.SENTENCES, len(key))

    def title(self, parent: str) -> str:
        if any(w in parent for w in ("lineitem", "item", "product", "line", "catalog", "good")):
            return vocab.pick(self.seed, vocab.PRODUCTS)[0]
        if "tax" in parent:
            return vocab.pick(self.seed, vocab.TAXES)[0]
        if "file" in parent or "media" in parent or "image" in parent:
            return self.file[0]
        if any(w in parent for w in ("contact", "member", "customer", "buyer", "person", "owner", "guest")):
            return f"{self.person['first']} {self.person['last']}"
        for word, title in vocab.TITLES.items():
            if word in parent and parent != "event":  # "event" is the payload root, not a Wix Event
                return title
        for word in reversed(self.words):
            if word in vocab.TITLES:
                return vocab.TITLES[word]
        return vocab.TITLES["event"]

    def url(self, key: str, parent: str) -> str:
        if any(m in key or m in parent for m in vocab.MEDIA_KEYS) or key in ("src", "original"):
            ext = self.file[0].rpartition(".")[2]
            return f"https://static.wixstatic.com/media/2d1f5a_{self.uid(key)[:12].replace('-', '')}~mv2.{ext}"
        return f"https://www.claystudio.com/{re.sub(r'url$', '', key) or 'page'}"



def _ascii(text: str) -> str:
    return text.translate(str.maketrans("äöüÄÖÜéèêçãõáíóúâß", "aouAOUeeecaoaiouas"))


def _formatted(p: dict[str, Any]) -> str:
    return f"{p['line']}, {p['city']}, {p['region']} {p['postal']}, {p['country_name']}"
