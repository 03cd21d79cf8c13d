"""What an event is: the catalog of Wix backend events and everything a payload is made of.

``catalog/`` is the generated catalog (event types, payload types, data hooks) and its
read-only API; ``models`` builds pydantic validators from the catalog's types;
``payloads`` validates a payload (``validate``) and reports problems by JSON path,
as errors (rejected) or warnings (accepted, ``event.warnings``);
``event`` is the event object a handler receives (a dict with attribute access);
``samples`` reads the shipped sample payloads and applies overrides, or generates one
per seed through ``generate`` (values by ``fake``/``text``/``vocab``, made to agree by
``settle``/``money``); ``invariants``/``checks`` are the rules every sample keeps; ``stubs`` writes
a handler stub for an event in Python or JavaScript; ``viewer`` shows a payload as a tree;
``scenario`` and ``lifecycles`` describe whole flows of events as data; ``strategies``
generates payloads for Hypothesis (the ``fuzz`` extra). Nothing here runs a handler:
this layer imports only :mod:`wixevents.errors` and the package's path helpers.
"""
