"""Laying out one part of a package: the function the worker processes run.

This module imports only the standard library and WeasyPrint (never Django), so
a process started with ``spawn``/``forkserver`` loads it quickly and holds no
database connection. Each process keeps one ``FontConfiguration``: after the
first part, a process lays out small parts in tens of milliseconds.
"""

from functools import cache


@cache
def konfigurasi_font():
    """The process's WeasyPrint font configuration (created once)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_dokumen(html, base_url):
    """Lay out ``html`` (relative URLs resolved against ``base_url``); return the
    WeasyPrint ``Document``."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).render(font_config=konfigurasi_font())


def render_bagian(html, base_url):
    """``html`` as PDF: ``(PDF bytes, number of pages)``."""
    dokumen = render_dokumen(html, base_url)
    return dokumen.write_pdf(), len(dokumen.pages)
