"""Rendering HTML documents to PDF with WeasyPrint, with the app's own fonts.

One ``FontConfiguration`` is kept per process (re-used renders are much faster);
the layout itself is ``laporan.paket.pekerja``, which the package's worker
processes run too. Documents declare their fonts with
``{% include "laporan/pdf/fonts.css" %}``-style ``@font-face`` rules pointing at
files under ``static/fonts/``; ``BASE_URL`` makes those relative URLs resolve to
the repository's static folder, so no network or system font is needed. The
layout's ``url_fetcher`` (``pekerja.pengambil``) serves only files under that
folder and ``data:`` URLs; any other URL in a document is not fetched.
"""

from pathlib import Path

from django.conf import settings

from laporan.paket import pekerja

BASE_URL = (Path(settings.BASE_DIR) / "static").as_uri() + "/"


def render_dokumen(html):
    """Lay out ``html``; return the WeasyPrint ``Document`` (pages, bookmarks)."""
    return pekerja.render_dokumen(html, BASE_URL)


def render_pdf(html):
    """``html`` (a complete document with its own CSS) as PDF bytes."""
    return render_dokumen(html).write_pdf()
