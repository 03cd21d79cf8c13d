"""What happens when an event fires: the machinery behind ``Site``.

``core`` holds ``SiteCore`` (handlers, mode, clock, fire/test); ``handlers`` and
``hooks`` are the registry and Wix's naming rules; ``loader`` registers a Python
file's handlers; ``firing`` turns a sample or payload into a stamped, validated
fire; ``dispatch`` runs the chosen handlers through ``runner`` (worker threads,
timeouts) with ``capture`` (print/logging per run) inside a ``context`` (the current
run and site); ``clock`` gives times and IDs; ``records``, ``failures`` and
``result`` are the rows a fire leaves; ``history`` keeps them, saved and loaded
by ``historyfile`` (``linecheck`` checks each line, ``escaping`` makes odd values
round-trip); ``batch`` fires many events on one worker (``watch`` lets the caller
enforce each run's timeout);
``effects``, ``trace`` and ``tables`` turn them into DataFrames, ``runview`` draws the
compact run table every display shares and ``report`` the text of a failed check.
Delivery as Wix's webhooks do it: ``delivery`` (the ``Delivery`` modes), ``deliver``
(duplicates, reordering, retries on a virtual timeline), ``play`` (scenarios),
``idempotency`` (``check_idempotent``) and ``delivering`` (the site methods);
``fuzz`` fires generated payloads (``site.fuzz``). This layer
imports only :mod:`wixevents.events` and the foundation (:mod:`wixevents.errors`, ``_safe``, ``_lazy``).
"""
