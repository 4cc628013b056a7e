"""Laying out one part of a package: the function the worker processes run.

This module imports only the standard library and WeasyPrint (never Django), so
a process started with ``spawn``/``forkserver`` loads it quickly and holds no
database connection. Each process keeps one ``FontConfiguration`` and the
parsed stylesheets of the documents it laid out (``_gaya``): after the first
part, a process lays out small parts in tens of milliseconds. The folder in
which WeasyPrint keeps the ``@font-face`` fonts (about 6 MB) is removed when
the process ends, a worker process too.
"""

import re
import shutil
from functools import cache, lru_cache
from multiprocessing import util
from pathlib import Path
from urllib.request import url2pathname


@cache
def konfigurasi_font():
    """The process's WeasyPrint font configuration (created once; let go of,
    its fonts folder removed, when the process ends: ``_lepas_font``)."""
    from weasyprint.text.fonts import FontConfiguration

    # A worker ends without running atexit functions, but with the
    # finalizers of multiprocessing, which also run at an interpreter's exit.
    util.Finalize(None, _lepas_font, exitpriority=10)
    return FontConfiguration()


def _lepas_font():
    """Let go of the process's font configuration and the stylesheets parsed
    with it, and remove its fonts folder. WeasyPrint removes it when the
    configuration is collected; a worker process ends without collecting it,
    and an interpreter may collect it after ``shutil`` is gone."""
    if not konfigurasi_font.cache_info().currsize:
        return
    konfigurasi = konfigurasi_font()
    _gaya.cache_clear()
    konfigurasi_font.cache_clear()
    folder = getattr(konfigurasi, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        # Removed: nothing left for WeasyPrint's own clean-up to do, however
        # late it is collected.
        konfigurasi._folder = None


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


# A plain ``<style>`` element (no attribute but an id): its text is the whole
# stylesheet, for every medium.
_STYLE = re.compile(r'<style(?:\s+id="[^"]*")?\s*>(.*?)</style>', re.DOTALL)
# What, left in a document once its plain <style> elements are taken out,
# could make the cascade of those stylesheets differ: another stylesheet (a
# <link>, a <style> with other attributes), an !important declaration (in a
# style attribute), a comment (a <style> in it is not applied).
_TETAP = re.compile(r"<link\b|<style\b|!important|<!--", re.IGNORECASE)


@lru_cache(maxsize=32)
def _gaya(teks, base_url):
    """The stylesheet ``teks`` parsed once per process (WeasyPrint's ``CSS``,
    reusable across documents: the parts of a kind share one)."""
    from weasyprint import CSS

    return CSS(
        string=teks,
        base_url=base_url,
        url_fetcher=pengambil(base_url),
        media_type="print",
        font_config=konfigurasi_font(),
    )


def render_dokumen(html, base_url):
    """Lay out ``html`` (relative URLs resolved against ``base_url``, the only
    place besides ``data:`` URLs a document may load from); return the
    WeasyPrint ``Document``.

    The document's plain ``<style>`` elements are parsed once per process
    (``_gaya``) and applied in their order as the layout's stylesheets: the
    cascade is the same (they are the document's only stylesheets, and no
    style attribute is !important), and so is the PDF, byte for byte. A
    document with anything else that could make it differ (``_TETAP``) keeps
    its styles where they are."""
    from weasyprint import HTML

    gaya = []
    potong = _STYLE.split(html)  # [text, stylesheet, text, stylesheet, ..., text]
    tanpa_gaya = "".join(potong[0::2])
    if len(potong) > 1 and not _TETAP.search(tanpa_gaya):
        gaya = [_gaya(teks, base_url) for teks in potong[1::2]]
        html = tanpa_gaya
    return HTML(string=html, base_url=base_url, url_fetcher=pengambil(base_url)).render(
        font_config=konfigurasi_font(), stylesheets=gaya
    )


def render_bagian(html, base_url):
    """``html`` as PDF: ``(PDF bytes, number of pages)``."""
    dokumen = render_dokumen(html, base_url)
    return dokumen.write_pdf(), len(dokumen.pages)
