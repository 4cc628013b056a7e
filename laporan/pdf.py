"""Rendering HTML documents to PDF with WeasyPrint, with the app's own fonts:
the only module that lays a document out in the app process.

One ``FontConfiguration`` is kept per process (re-used renders are much faster);
the layout itself is ``laporan.paket.pekerja``, which the package's worker
processes run too. Documents declare their fonts with
``{% include "laporan/pdf/fonts.css" %}``-style ``@font-face`` rules pointing at
files under ``static/fonts/``; ``BASE_URL`` makes those relative URLs resolve to
the repository's static folder, so no network or system font is needed. The
layout's ``url_fetcher`` (``pekerja.pengambil``) serves only files under that
folder and ``data:`` URLs; any other URL in a document is not fetched.

Every PDF of a quarter's document comes from the package builder
(``laporan.paket.rakit``), which lays parts out here or in its workers (one
set of workers per build, ``kumpulan_pekerja``, for the parts and for what is
laid out after them); other documents (the signed issue, the Perjanjian
Kinerja) call ``pdf_html``.
"""

import contextlib
import contextvars
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from django.conf import settings

from laporan.paket import cache, pekerja

BASE_URL = (Path(settings.BASE_DIR) / "static").as_uri() + "/"
# The worker processes of the build in progress (``kumpulan_pekerja``), if any.
_KUMPULAN = contextvars.ContextVar("kumpulan_pekerja", default=None)


def render_dokumen(html):
    """Lay ``html`` out; return the WeasyPrint ``Document`` (pages, bookmarks)."""
    return pekerja.render_dokumen(html, BASE_URL)


def render_pdf(html):
    """``html`` (a complete document with its own CSS) as ``(PDF bytes, number
    of pages)``, laid out in this process."""
    return pekerja.render_bagian(html, BASE_URL)


def tata_html(html, nama="", pakai_cache=True):
    """``html`` laid out through the part cache: ``(cache key, PDF bytes,
    number of pages, laid out now)``. A part laid out before is taken from the
    cache; one laid out now is stored under the part name ``nama``
    (``pakai_cache=False``: always laid out, not stored)."""
    k = cache.sidik(html)
    if pakai_cache:
        ada = cache.ambil([k]).get(k)
        if ada is not None:
            return k, *ada, False
    kumpulan = _KUMPULAN.get()
    if kumpulan is None:
        isi, halaman = render_pdf(html)
    else:
        isi, halaman = kumpulan.submit(pekerja.render_bagian, html, BASE_URL).result()
    if pakai_cache:
        cache.simpan(k, nama, isi, halaman)
    return k, isi, halaman, True


def pdf_html(html, pakai_cache=True):
    """``html`` as ``(PDF bytes, number of pages)`` (``tata_html``)."""
    return tata_html(html, pakai_cache=pakai_cache)[1:3]


def _konteks_proses():
    """``forkserver`` where available (a warm server forks the workers), else
    ``spawn``: never ``fork``, so no database connection is inherited."""
    metode = multiprocessing.get_all_start_methods()
    if "forkserver" in metode:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["laporan.paket.pekerja", "weasyprint"])
        return ctx
    return multiprocessing.get_context("spawn")


def siapkan_pekerja():
    """Start the process the workers are forked from, which imports WeasyPrint,
    now (it keeps running for later builds): a build calls this before it
    assembles its HTML, so the import happens on another core meanwhile."""
    ctx = _konteks_proses()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


@contextlib.contextmanager
def kumpulan_pekerja(jumlah):
    """Within it, ``render_banyak`` and ``tata_html`` lay out in the same
    ``jumlah`` worker processes (started as the first documents are sent):
    the documents laid out after the parallel ones (a contents page, a list
    of attachments) go to workers that have WeasyPrint loaded, not to this
    process. ``jumlah`` <= 1: everything in this process, as without it."""
    if jumlah <= 1:
        yield
        return
    with ProcessPoolExecutor(max_workers=jumlah, mp_context=_konteks_proses()) as k:
        token = _KUMPULAN.set(k)
        try:
            yield
        finally:
            _KUMPULAN.reset(token)


def render_banyak(tugas, jumlah_pekerja, selesai):
    """Lay out ``tugas`` (``[(kunci_cache, html)]``); call ``selesai(kunci_cache,
    isi, halaman)`` for each as it finishes, in this process. In the workers
    of ``kumpulan_pekerja`` when within it, else in ``jumlah_pekerja``
    processes of its own."""
    kumpulan = _KUMPULAN.get()
    if kumpulan is None and (jumlah_pekerja <= 1 or len(tugas) <= 1):
        for k, html in tugas:
            selesai(k, *render_pdf(html))
        return
    if kumpulan is None:
        with kumpulan_pekerja(jumlah_pekerja):
            render_banyak(tugas, jumlah_pekerja, selesai)
        return
    urut = sorted(tugas, key=lambda t: len(t[1]), reverse=True)
    berjalan = {
        kumpulan.submit(pekerja.render_bagian, html, BASE_URL): k for k, html in urut
    }
    for f in as_completed(berjalan):
        selesai(berjalan[f], *f.result())
