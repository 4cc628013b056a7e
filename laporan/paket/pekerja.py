"""Laying out one part of a package: the function the worker processes run.

This module imports only the standard library and WeasyPrint (never Django), so
a process started with ``spawn``/``forkserver`` loads it quickly and holds no
database connection. Each process keeps one ``FontConfiguration``: after the
first part, a process lays out small parts in tens of milliseconds.
"""

from functools import cache
from pathlib import Path
from urllib.request import url2pathname


@cache
def konfigurasi_font():
    """The process's WeasyPrint font configuration (created once)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _kelas_pengambil():
    from weasyprint.urls import URLFetcher

    class PengambilStatis(URLFetcher):
        """WeasyPrint's fetcher limited to ``data:`` URLs and files under one
        folder (the app's static files: fonts, images). Anything else (http,
        https, ftp, another file such as ``file:///etc/passwd``) is refused
        before it is opened, so a document's text cannot make the server read
        local files or call other hosts."""

        def __init__(self, akar):
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
            self.akar = Path(akar).resolve()

        def fetch(self, url, headers=None):
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)
            if url.lower().startswith("file:"):
                jalur = Path(url2pathname(url.split("?")[0][5:])).resolve()
                if jalur.is_relative_to(self.akar) and jalur.is_file():
                    return super().fetch(jalur.as_uri(), headers)
            raise ValueError(f"URL tidak diizinkan dalam dokumen: {url[:200]}")

    return PengambilStatis


def pengambil(base_url):
    """The ``url_fetcher`` of a document whose own files live under
    ``base_url`` (a ``file:`` URL of the static folder)."""
    return _kelas_pengambil()(url2pathname(base_url.removeprefix("file:")))


def render_dokumen(html, base_url):
    """Lay out ``html`` (relative URLs resolved against ``base_url``, the only
    place besides ``data:`` URLs a document may load from); return the
    WeasyPrint ``Document``."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=pengambil(base_url)).render(
        font_config=konfigurasi_font()
    )


def render_bagian(html, base_url):
    """``html`` as PDF: ``(PDF bytes, number of pages)``."""
    dokumen = render_dokumen(html, base_url)
    return dokumen.write_pdf(), len(dokumen.pages)
