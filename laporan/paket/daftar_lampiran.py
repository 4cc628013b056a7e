"""The Daftar Lampiran: the list of the package's attachments with the page
each starts on, bound right after the LAKIP.

It lists every part after the LAKIP in package order, under its unit like the
bookmarks (``HasilBagian.kelompok``), with its first page's folio as stamped
in the package (``laporan.paket.penomoran``), and the parts left out of the
package ("tidak dilampirkan") at the end of their unit.

Its own length depends only on its rows (the page column has a fixed width,
so a number never changes how a title wraps): it is laid out once with
placeholder numbers to learn its page count, the numbers are computed with it
in place, and it is laid out again with the true numbers. Both layouts go
through the part cache (keyed on their HTML), so an unchanged package lays
out neither again. Laid out without its own folio: the package stamps it in
the same sequence as every other part.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string

from laporan import pdf
from laporan.dokumen.kunci import LAKIP, kunci
from laporan.draf import html_cetak
from laporan.paket import cache, penomoran

KODE = "daftarlampiran"
KUNCI = kunci(KODE)
JUDUL = "Daftar Lampiran"
TIDAK_DILAMPIRKAN = "tidak dilampirkan"
# The placeholder of a page number in the first layout.
SEMENTARA = "000"


@dataclass(frozen=True)
class Baris:
    """A row of the list: a part (``no``, ``judul``, ``halaman``) or, with
    ``kelompok``, the heading of a unit."""

    judul: str
    no: int | None = None
    halaman: str = ""
    kelompok: bool = False


def _judul_kelompok(x):
    if isinstance(x, str):
        return x, ""
    return getattr(x, "judul", str(x)), getattr(x, "kelompok", "")


def baris_daftar(lampiran, halaman, tidak_dilampirkan=()):
    """The rows of the list of ``lampiran`` (parts with ``judul`` and
    ``kelompok``, in package order) starting on pages ``halaman`` (folios,
    ``None`` for placeholders); ``tidak_dilampirkan`` (parts or keys left
    out) at the end of their unit, or of the list."""
    if halaman is None:
        halaman = [SEMENTARA] * len(lampiran)
    kelompok = {}
    for b, hlm in zip(lampiran, halaman, strict=True):
        kelompok.setdefault(b.kelompok, []).append((b.judul, hlm))
    for x in tidak_dilampirkan:
        judul, nama = _judul_kelompok(x)
        kelompok.setdefault(nama, []).append((judul, TIDAK_DILAMPIRKAN))
    hasil = []
    no = 0
    for nama, isi in kelompok.items():
        if nama:
            hasil.append(Baris(nama, kelompok=True))
        for judul, hlm in isi:
            no += 1
            hasil.append(Baris(judul, no, hlm))
    return hasil


def html_daftar(baris, judul, instansi):
    """The complete HTML of the list (no folio of its own)."""
    return penomoran.tanpa_folio(
        render_to_string(
            "laporan/lampiran/daftar_lampiran.html",
            {"baris": baris, "judul": judul, "instansi": instansi},
        )
    )


def _tata(teks, pakai_cache, tertata):
    """``(cache key, PDF, pages, from the cache)`` of ``teks`` laid out (or
    found in ``tertata``, ``{cache key: (PDF, pages)}`` laid out already)."""
    k = cache.sidik(teks)
    if k in tertata:
        return k, *tertata[k], False  # laid out in this build
    k, isi, jumlah, baru = pdf.tata_html(teks, KUNCI, pakai_cache)
    return k, isi, jumlah, not baru


def _letak_lakip(bagian):
    """The index of the LAKIP in ``bagian``, or None when there is no list to
    make (no LAKIP, or nothing after it)."""
    i = next((j for j, b in enumerate(bagian) if b.jenis == LAKIP), None)
    return None if i is None or i == len(bagian) - 1 else i


def _html(lampiran, halaman, *, judul, instansi, draf, tidak_dilampirkan):
    teks = html_daftar(
        baris_daftar(lampiran, halaman, tidak_dilampirkan), judul, instansi
    )
    return html_cetak(teks, draf)


def html_sementara(bagian, *, judul, instansi, draf=(), tidak_dilampirkan=()):
    """The HTML of the first layout (placeholder numbers) of the list that
    ``sisipkan`` would insert into ``bagian``, or None: it depends only on the
    parts, so a build can lay it out with the parts (and pass it to
    ``sisipkan`` as ``tertata``)."""
    i = _letak_lakip(bagian)
    if i is None:
        return None
    return _html(
        bagian[i + 1 :],
        None,
        judul=judul,
        instansi=instansi,
        draf=draf,
        tidak_dilampirkan=tidak_dilampirkan,
    )


def sisipkan(
    bagian,
    isi,
    *,
    judul,
    instansi,
    draf=(),
    pakai_cache=True,
    tidak_dilampirkan=(),
    pembaca=None,
    tertata=None,
):
    """Insert the Daftar Lampiran into ``bagian`` (``HasilBagian``, in order)
    right after the LAKIP part, its PDF into ``isi`` (``{kunci_cache: PDF}``),
    and return it (a part of the same class). Nothing when the package has no
    LAKIP or nothing after it (returns ``None``).

    Guarantees: each listed page is the folio the package stamps (or carries)
    on that part's first page, computed with the list itself in place;
    watermarked like the other parts when ``draf``. ``pembaca``: the parts'
    readers (``penomoran.baca_bagian``), filled as needed. ``tertata``:
    ``{cache key: (PDF, pages)}`` of layouts made already (``html_sementara``
    laid out with the parts)."""
    i = _letak_lakip(bagian)
    if i is None:
        return None
    lampiran = bagian[i + 1 :]
    daftar = type(bagian[i])(KUNCI, KODE, JUDUL, "", "")
    semua_cache = []

    def pasang(halaman):
        teks = _html(
            lampiran,
            halaman,
            judul=judul,
            instansi=instansi,
            draf=draf,
            tidak_dilampirkan=tidak_dilampirkan,
        )
        k, pdf_daftar, jumlah, dari_cache = _tata(teks, pakai_cache, tertata or {})
        isi[k] = pdf_daftar
        daftar.kunci_cache, daftar.jumlah_halaman = k, jumlah
        semua_cache.append(dari_cache)

    pasang(None)
    bagian.insert(i + 1, daftar)
    # The true numbers take as many pages as the placeholders; should they not,
    # the numbers are computed again with the new length.
    for _ in range(3):
        jumlah = daftar.jumlah_halaman
        nomor = penomoran.susun_nomor(
            bagian, penomoran.baca_bagian(bagian, isi, pembaca)
        )
        pasang([n.pertama for n in nomor[i + 2 :]])
        if daftar.jumlah_halaman == jumlah:
            break
    daftar.dari_cache = all(semua_cache)
    return daftar
