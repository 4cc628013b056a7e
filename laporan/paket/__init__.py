"""The package: the LAKIP and its attachments bound into one PDF, with a bookmark
per part (``bagian``: the parts and their order; ``cache``: parts laid out
before; ``pekerja``: the layout, run in worker processes; ``rakit``: building
and joining). This package's ``__init__`` imports nothing, so worker processes
load ``pekerja`` without Django."""
