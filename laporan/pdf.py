"""Rendering HTML documents to PDF with WeasyPrint, with the app's own fonts.

One ``FontConfiguration`` is kept per process (re-used renders are much faster).
Documents declare their fonts with ``{% include "laporan/pdf/fonts.css" %}``-style
``@font-face`` rules pointing at files under ``static/fonts/``; ``BASE_URL`` makes
those relative URLs resolve to the repository's static folder, so no network or
system font is needed.
"""

from functools import cache
from pathlib import Path

from django.conf import settings

BASE_URL = (Path(settings.BASE_DIR) / "static").as_uri() + "/"


@cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_dokumen(html):
    """Lay out ``html``; return the WeasyPrint ``Document`` (pages, bookmarks)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=BASE_URL).render(font_config=_font_config())


def render_pdf(html):
    """``html`` (a complete document with its own CSS) as PDF bytes."""
    return render_dokumen(html).write_pdf()
