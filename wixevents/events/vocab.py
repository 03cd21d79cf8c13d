"""The words realistic samples are made of: people, places, goods, files.

Each persona is one self-consistent customer: a name, an email built from it,
a phone in the country's format, and an address whose country, subdivision,
city and postal code agree, with the currency and locale of that country.
Seeds pick among them (``vocab.pick(seed, table)``), so seed 0 is the default
sample and other seeds give other, equally consistent, people and things.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")

PERSONAS: list[dict[str, Any]] = [
    {"first": "Ana", "last": "Silva", "company": "Clay & Co.", "phone": "+1 212-555-0142",
     "line": "235 W 23rd St", "line2": "Apt 4B", "number": "235", "street": "W 23rd St", "city": "New York",
     "subdivision": "US-NY", "region": "NY", "postal": "10011", "country": "US", "country_name": "USA",
     "currency": "USD", "symbol": "$", "locale": "en-US", "language": "en", "tz": "America/New_York",
     "lat": 40.7454, "lng": -73.9967},
    {"first": "Oliver", "last": "Hughes", "company": "Hughes Joinery Ltd", "phone": "+44 20 7946 0958",
     "line": "12 Bermondsey St", "line2": "Flat 2", "number": "12", "street": "Bermondsey St", "city": "London",
     "subdivision": "GB-LND", "region": "London", "postal": "SE1 3TQ", "country": "GB",
     "country_name": "United Kingdom", "currency": "GBP", "symbol": "£", "locale": "en-GB", "language": "en",
     "tz": "Europe/London", "lat": 51.5033, "lng": -0.0815},
    {"first": "Jürgen", "last": "Köhler", "company": "Köhler Keramik GmbH", "phone": "+49 30 901820",
     "line": "Torstraße 98", "line2": "Hinterhaus", "number": "98", "street": "Torstraße", "city": "Berlin",
     "subdivision": "DE-BE", "region": "Berlin", "postal": "10119", "country": "DE", "country_name": "Germany",
     "currency": "EUR", "symbol": "€", "locale": "de-DE", "language": "de", "tz": "Europe/Berlin",
     "lat": 52.5290, "lng": 13.4010},
    {"first": "Camille", "last": "Dubois", "company": "Atelier Dubois", "phone": "+33 1 42 68 53 00",
     "line": "18 Rue de Bretagne", "line2": "Bâtiment B", "number": "18", "street": "Rue de Bretagne",
     "city": "Paris", "subdivision": "FR-75", "region": "Paris", "postal": "75003", "country": "FR",
     "country_name": "France", "currency": "EUR", "symbol": "€", "locale": "fr-FR", "language": "fr",
     "tz": "Europe/Paris", "lat": 48.8630, "lng": 2.3610},
    {"first": "Lucas", "last": "Pereira", "company": "Pereira Cerâmica", "phone": "+55 11 3071-2200",
     "line": "Rua Oscar Freire 379", "line2": "Sala 12", "number": "379", "street": "Rua Oscar Freire",
     "city": "São Paulo", "subdivision": "BR-SP", "region": "SP", "postal": "01426-001", "country": "BR",
     "country_name": "Brazil", "currency": "BRL", "symbol": "R$", "locale": "pt-BR", "language": "pt",
     "tz": "America/Sao_Paulo", "lat": -23.5640, "lng": -46.6690},
]

#: (name, description, unit price) of goods and services sold on the example site.
PRODUCTS: list[tuple[str, str, float]] = [
    ("Blue ceramic mug", "Hand-glazed stoneware, 350 ml", 18.5),
    ("Wheel-throwing class", "Two-hour beginner session at the studio", 45.0),
    ("Speckled serving bowl", "Oven-safe stoneware, 24 cm", 32.0),
    ("Glaze sampler set", "Six 100 ml jars of food-safe glaze", 27.0),
    ("Studio gift card", "Redeemable for classes and goods", 50.0),
]
TAXES = [("VAT", 20), ("Sales tax", 8)]
SHIPPING = ["Standard delivery", "Express delivery", "Store pickup"]
PAYMENT_METHODS = ["Credit card", "PayPal", "Bank transfer"]

#: (file name, MIME type, media kind, size in bytes, width, height, duration in seconds)
FILES: list[tuple[str, str, str, int, int, int, int]] = [
    ("team-photo.jpg", "image/jpeg", "image", 245760, 1200, 800, 0),
    ("studio-tour.mp4", "video/mp4", "video", 18874368, 1920, 1080, 94),
    ("price-list.pdf", "application/pdf", "document", 182340, 0, 0, 0),
    ("opening-jingle.mp3", "audio/mpeg", "audio", 2359296, 0, 0, 151),
    ("logo.png", "image/png", "image", 48213, 512, 512, 0),
]
MEDIA_KEYS = ("image", "photo", "video", "media", "thumbnail", "icon", "logo", "avatar", "cover", "file",
              "picture", "poster", "audio", "attachment", "banner")

#: What an object is called, by the field (or its parent) that holds it.
TITLES: dict[str, str] = {
    "invoice": "Studio supplies, January", "order": "Online order", "plan": "Gold membership",
    "coupon": "Spring sale 10% off", "form": "Contact us",
    "category": "Announcements", "group": "Weekend wheel throwers", "service": "Wheel-throwing class",
    "event": "Spring pottery workshop", "location": "Main studio", "resource": "Studio wheel 2",
    "post": "Five tips for centring clay", "blog": "Studio journal", "collection": "Orders",
    "program": "Studio rewards", "tier": "Silver", "reward": "Free glaze sampler", "campaign": "March newsletter",
    "label": "Customers", "policy": "Cancellation policy", "ticket": "General admission",
    "field": "Favourite colour", "question": "How did you hear about us?", "site": "Clay Studio", "app": "Wix Stores",
    "fee": "Service fee", "shipping": "Standard delivery", "delivery": "Standard delivery",
    "tax": "VAT", "discount": "Spring sale", "option": "Color", "choice": "Blue", "variant": "Blue / 350 ml",
    "room": "Kiln room", "schedule": "Tuesday evenings", "staff": "Maya Chen", "inventory": "Main warehouse",
    "store": "Clay Studio shop", "gift": "Studio gift card", "badge": "Regular", "topic": "Glazing",
    "task": "Follow up with customer", "role": "Member", "level": "Gold",
}
SENTENCES = [
    "Hand-thrown stoneware made in our studio.",
    "Please leave the parcel with the concierge.",
    "Thanks for visiting the studio last week.",
    "Classes run for two hours and include all materials.",
]
WORDS: dict[str, str] = {
    "code": "SPRING10", "sku": "MUG-350-BLU", "tag": "vip", "key": "color", "value": "Blue",
    "namespace": "wix.form_app.form", "entityfqdn": "wix.ecom.v1.order", "originatedfrom": "api",
    "source": "Wix Stores", "origin": "Wix Stores", "channel": "WEB", "slug": "spring-pottery-workshop",
    "version": "3", "revision": "3", "number": "10001", "entityeventsequence": "1", "datacollectionid": "Orders",
    "fieldname": "email", "key1": "color", "color": "#1F6FEB", "hex": "#1F6FEB", "size": "350 ml",
    "unit": "ml", "weightunit": "KG", "currencysymbol": "$", "reason": "Customer asked to cancel",
    "note": "Gift wrap, please", "notes": "Gift wrap, please", "comment": "Lovely glaze, arrived safely.",
    "message": "Could I book the Tuesday class for two people?", "content": "Lovely glaze, arrived safely.",
    "text": "Lovely glaze, arrived safely.", "body": "Could I book the Tuesday class for two people?",
    "subject": "Question about classes", "legalterms": "Payment is due within 30 days.",
    "paymentterms": "Net 30", "status": "ACTIVE", "type": "Credit card", "hash": "9f2c4d1a7b3e",
    "useragent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15",
    "ipaddress": "203.0.113.24", "ip": "203.0.113.24", "domain": "www.claystudio.com",
    "host": "www.claystudio.com", "path": "/shop", "query": "color=blue", "format": "JPG", "extension": "jpg",
    "role": "MEMBER", "privacystatus": "PUBLIC", "provider": "Google", "method": "Credit card",
    "gateway": "Wix Payments", "transactionid": "txn_4f9a2c71", "ordernumber": "10001",
    "trackingnumber": "1Z999AA10123456784", "carrier": "UPS", "timeslot": "10:00-12:00",
}

#: Text fields by a part of their name, first match wins (after the exact names above).
BY_PART: list[tuple[str, str]] = [
    ("color", "#1F6FEB"), ("colour", "#1F6FEB"), ("lineheight", "1.5"), ("padding", "12px"), ("margin", "12px"),
    ("spacing", "8px"), ("fontsize", "16px"), ("taxrate", "0.20"), ("rate", "0.20"), ("errorcode", "CARD_DECLINED"),
    ("password", "clay-Studio-2026"), ("couponcode", "SPRING10"), ("code", "SPRING10"), ("sizeinbytes", "245760"),
    ("width", "1200"), ("height", "800"), ("alttext", "Blue ceramic mug on a wooden table"),
    ("caption", "Blue ceramic mug on a wooden table"), ("html", "<p>Lovely glaze, arrived safely.</p>"),
    ("label", "Submit"), ("instructions", "Ring the studio bell on arrival."), ("term", "Net 30"),
    ("hint", "e.g. Blue"), ("paymentmethod", "Credit card"), ("pickupmethod", "STORE_PICKUP"),
    ("shippingprovider", "UPS"), ("carrier", "UPS"), ("ticketnumber", "TKT-10001"), ("reason", "Spring sale"),
    ("trigger", "UPDATED"), ("preset", "PHYSICAL"), ("custom", "Gift wrap"), ("message", "See you at the studio!"),
    ("note", "Gift wrap, please"), ("comment", "Lovely glaze, arrived safely."), ("title", "Spring pottery workshop"),
    ("option", "FULL_PAYMENT_ONLINE"), ("language", "en"), ("locale", "en-US"), ("version", "3"), ("count", "2"),
    ("number", "10001"), ("key", "color"), ("value", "Blue"), ("tag", "vip"), ("slug", "spring-pottery-workshop"),
    ("format", "JPG"), ("unit", "ml"), ("mode", "ONLINE"), ("method", "Credit card"), ("provider", "Wix Payments"),
    ("token", "tok_4f9a2c71e3"), ("hash", "9f2c4d1a7b3e"), ("text", "Lovely glaze, arrived safely."),
    ("content", "Lovely glaze, arrived safely."), ("document", "Lovely glaze, arrived safely."),
    ("children", "Lovely glaze, arrived safely."), ("period", "MONTH"), ("frequency", "MONTH"),
    ("direction", "LTR"), ("alignment", "AUTO"), ("size", "MEDIUM"), ("style", "SOLID"), ("role", "MEMBER"),
    ("level", "Gold"), ("state", "ACTIVE"), ("kind", "DEFAULT"), ("anchor", "top"), ("target", "_blank"),
    ("rel", "noopener"), ("path", "/shop"), ("query", "color=blue"), ("domain", "www.claystudio.com"),
]


def pick(seed: int, table: list[T], salt: int = 0) -> T:
    """One row of ``table`` for ``seed``: seed 0 gives the first row."""
    return table[(seed * 7 + salt) % len(table)] if seed else table[salt % len(table)]
