"""Hypothesis strategies of Wix event payloads (needs the ``fuzz`` extra)::

    from hypothesis import given
    from wixevents.strategies import payloads

    @given(payloads("wixEcom_onOrderCreated"))
    def test_my_handler_copes(payload):
        assert site.fire("wixEcom_onOrderCreated", payload=payload).ok

See :mod:`wixevents.events.strategies` for what the payloads vary.
"""

from .events.strategies import payloads

__all__ = ["payloads"]
