"""``Site``: the local stand-in for one Wix site's backend -- handlers, mode, clock, history.

::

    site = wixevents.Site()

    @site.handler
    def wixBilling_onInvoicePaid(event):
        print("paid:", event.id.id)

    site.fire("wixBilling_onInvoicePaid")              # the default sample
    site.fire_all("wixBilling_onInvoicePaid")          # every sample variant
    site.history                                       # one row per handler run

``Site`` is assembled here from the runtime's :class:`~wixevents.runtime.core.SiteCore`
(handlers, modes, firing, history) and two rooms: the simulated Wix APIs
(:class:`~wixevents.velo.site_api.VeloSite`) and JavaScript handlers
(:class:`~wixevents.js.site_api.JsSite`). It is the one module that sees every
layer below the notebook and the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .js.site_api import JsSite
from .runtime.core import Mode, default_site, set_default_kind
from .velo.site_api import VeloSite

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Mode", "Site"]


class Site(VeloSite, JsSite):
    """Handlers, a mode, a clock and the history of everything fired.

    Firing, handlers, modes and history come from
    :class:`~wixevents.runtime.core.SiteCore`; the simulated Wix data
    (collections, contacts, members, emails, HTTP stubs, secrets), effects
    tables, ``seed``, ``reset`` and ``trace`` from
    :class:`~wixevents.velo.site_api.VeloSite`; JavaScript handlers
    (``load_js``, ``export_events_js``, its engine and ``close``) from
    :class:`~wixevents.js.site_api.JsSite`.
    """

    @classmethod
    def default(cls) -> Site:
        """The module-level site, for code that runs outside any fire (made on first use)."""
        site = default_site()
        assert isinstance(site, Site), "wixevents.site registers Site as the default kind"
        return site

    def fuzz(self, name: str, n: int = 500, *, seed: int = 0, variant: str | None = None) -> pd.DataFrame:
        """Fire up to ``n`` generated payloads of ``name`` at this site's handlers; one row per kind of failure.

        Each failing payload is shrunk to a minimal one (the sample with as little
        changed as it takes); ``changed`` lists what differs from the sample. Every
        payload meets the site's data as it was when fuzzing began, the fires stay out
        of ``site.history``, and the same ``seed`` finds the same rows. An empty table
        means no payload failed. Needs the ``fuzz`` extra (Hypothesis); see
        :mod:`wixevents.runtime.fuzz`.
        """
        from .events.strategies import _st
        from .runtime.fuzz import fuzz
        from .velo.checkpoint import checkpoint

        _st()  # a clear MissingHypothesis before anything runs
        return fuzz(self, name, n=n, seed=seed, variant=variant, reset=checkpoint(self))


set_default_kind(Site)
