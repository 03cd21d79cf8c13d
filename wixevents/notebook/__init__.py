"""How a person works with wixevents in Jupyter.

``widgets/`` is the Workbench (a thin ipywidgets shell over plain functions);
``magics`` is the IPython extension (``%load_ext wixevents``, ``%%handler``) and
``js_magic`` its ``%%events_js`` cell magic; ``explore`` holds the plain functions
the Workbench calls (field tables, sample comparisons, the payload viewer);
``teaching`` the check helpers and ``workshop`` the workshop's exercise checks;
``stub_cell`` offers a handler stub as a new cell. This layer sits on top with
``cli`` and ``testing``, its peers: it may import every layer below, and none imports it.
"""
