"""How a person works with wixevents in Jupyter.

``widgets/`` is the Workbench (a thin ipywidgets shell over plain functions);
``magics`` is the IPython extension (``%load_ext wixevents``, ``%%handler``) and
``js_magic`` its ``%%events_js`` cell magic; ``explore`` holds the plain functions
the Workbench calls (field tables, sample comparisons); ``teaching`` the workshop
checks. This layer sits on top: it may import every other layer, and none imports it.
"""
