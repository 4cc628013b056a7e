"""The LAKIP joined from its sections (``laporan.lakip.seksi``): the contents
page computed from where the headings landed, folios and page labels stamped,
bookmarks in the chapter/section hierarchy, the document's metadata.

The package builder (``laporan.paket.rakit``) lays the sections out (in
parallel, through the part cache) and then calls ``RakitanLakip.gabung``. The
joined PDF is cached too, under a key made of its sections' keys
(``RakitanLakip.kunci``): the contents page depends only on the sections'
pages, so the same sections give the same document.

Numbering: the cover has no folio (label ``Sampul``), the rest of the front
matter (Kata Pengantar, Daftar Isi) lower roman from i, the body (BAB I to
BAB IV) arabic from 1 to N. The contents page ends with "LAMPIRAN" at page
N + 1, where the package puts its attachments. The PDF carries these page
labels and printed folios (the package keeps a labelled part's numbers).
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from io import BytesIO

from laporan import folio
from laporan.draf import html_cetak
from laporan.lakip.seksi import (
    DAFTAR_ISI,
    entri_daftar_isi,
    render_seksi,
    susun_seksi,
)
from laporan.paket import cache

# Raise when the way sections are joined changes (this module's code: a new
# key for every joined LAKIP in the cache). A template change needs no raise:
# it changes the sections' HTML, hence their keys and the joined key.
VERSI_GABUNG = "2"
LAMPIRAN = "LAMPIRAN"
# A contents line links to ``TAUTAN + heading id``; after joining, the link
# is turned into a jump to the heading's page (the heading is in another
# section, so WeasyPrint cannot link to it).
TAUTAN = "tujuan-lakip:"


@dataclass
class Entri:
    """A line of the contents page."""

    judul: str
    tingkat: int
    halaman: str
    tujuan: str = ""  # the link (TAUTAN + heading id)


@dataclass
class Posisi:
    """Where the headings are, from the laid-out sections."""

    jumlah_depan: int  # pages of cover + Kata Pengantar
    jumlah_isi: int  # pages of BAB I..IV (N)
    halaman: dict  # heading id -> printed page number ("i", "3")


@dataclass
class RakitanLakip:
    """The LAKIP of ``dok`` as sections to lay out and a way to join them.

    ``tugas``: ``[(cache key, HTML, name)]`` of the sections; ``kunci``: the
    cache key of the joined PDF; ``ditata``: names of what ``gabung`` laid out
    itself (the contents page, unless it came from the cache)."""

    dok: object
    dibuat: object
    draf: object = None
    seksi: list = field(default_factory=list)
    ditata: list = field(default_factory=list)

    @classmethod
    def dari(cls, dok, dibuat, draf=None):
        return cls(dok, dibuat, draf, susun_seksi(dok, dibuat, draf))

    @cached_property
    def tugas(self):
        return [(cache.sidik(s.html), s.html, f"lakip/{s.nama}") for s in self.seksi]

    @cached_property
    def kunci(self):
        h = hashlib.sha256(f"gabungan-lakip-{VERSI_GABUNG}".encode())
        for k, _, _ in self.tugas:
            h.update(k.encode())
        return cache.sidik(h.hexdigest())

    def html_daftar_isi(self, posisi):
        """The contents page's complete HTML, its numbers from ``posisi``."""
        entri = [
            Entri(judul, tingkat, posisi.halaman.get(i, ""), TAUTAN + i)
            for i, judul, tingkat in entri_daftar_isi(self.dok)
        ]
        entri.append(Entri(LAMPIRAN, 1, str(posisi.jumlah_isi + 1)))
        html = render_seksi(self.dok, DAFTAR_ISI, self.dibuat, daftar_isi=entri)
        return html_cetak(html, self.draf)

    def gabung(self, isi, tata):
        """The joined LAKIP: ``(PDF bytes, number of pages)``. ``isi`` maps each
        section's cache key to its PDF; ``tata(html, nama)`` lays out one more
        document (the contents page) as ``(PDF bytes, pages)`` (cached by the
        caller, or not)."""
        from pypdf import PdfReader

        pembaca = [PdfReader(BytesIO(isi[k])) for k, _, _ in self.tugas]
        posisi = posisi_judul(pembaca)
        pdf_isi, _ = tata(self.html_daftar_isi(posisi), f"lakip/{DAFTAR_ISI}")
        daftar = PdfReader(BytesIO(pdf_isi))
        # Order: front matter, contents page, body.
        urutan = [(self.seksi[0], pembaca[0]), (None, daftar)]
        urutan += list(zip(self.seksi[1:], pembaca[1:], strict=True))
        return tulis(urutan, posisi, pembaca[0].metadata)


def _halaman_id(pembaca):
    """``{id: 0-based page}`` of a section's named destinations."""
    return {
        str(nama): pembaca.get_destination_page_number(tujuan)
        for nama, tujuan in pembaca.named_destinations.items()
    }


def posisi_judul(pembaca):
    """The printed page of every heading id of the laid-out sections
    (``pembaca``: readers of the front matter, then the body's sections; front
    matter roman, the body arabic from 1)."""
    depan = len(pembaca[0].pages)
    halaman = {i: folio.romawi(p) for i, p in _halaman_id(pembaca[0]).items() if p}
    halaman[DAFTAR_ISI] = folio.romawi(depan)
    awal = 0
    for p in pembaca[1:]:
        for i, hlm in _halaman_id(p).items():
            halaman.setdefault(i, str(awal + hlm + 1))
        awal += len(p.pages)
    return Posisi(jumlah_depan=depan, jumlah_isi=awal, halaman=halaman)


def _datar(pembaca, butir, tingkat, hasil):
    """``pembaca``'s outline as ``[(level, title, 0-based page)]``."""
    for b in butir:
        if isinstance(b, list):
            _datar(pembaca, b, tingkat + 1, hasil)
            continue
        halaman = pembaca.get_destination_page_number(b)
        if halaman is not None and halaman >= 0:
            hasil.append((tingkat, str(b.title), halaman))
    return hasil


def _arahkan_tautan(penulis, halaman, tujuan):
    """Turn the contents page's ``TAUTAN`` links into jumps to the pages of
    ``tujuan`` (heading id -> page); a link to no known heading is removed."""
    from pypdf.generic import ArrayObject, NameObject

    anotasi = halaman.get("/Annots")
    if anotasi is None:
        return
    tetap = ArrayObject()
    for a in anotasi.get_object():
        objek = a.get_object()
        aksi = objek.get("/A")
        uri = str(aksi.get_object().get("/URI", "")) if aksi is not None else ""
        if uri.startswith(TAUTAN):
            hlm = tujuan.get(uri.removeprefix(TAUTAN))
            if hlm is None:
                continue
            del objek["/A"]
            objek[NameObject("/Dest")] = ArrayObject(
                [penulis.pages[hlm].indirect_reference, NameObject("/Fit")]
            )
        tetap.append(a)
    halaman[NameObject("/Annots")] = tetap


def nomor_halaman(jumlah_depan, jumlah_daftar_isi, jumlah_isi):
    """The ``folio.Nomor`` of every page: cover, front matter, body."""
    return [
        folio.Nomor(gaya="", awalan="Sampul"),
        *folio.berurutan(jumlah_depan - 1 + jumlah_daftar_isi, 1, folio.GAYA_ROMAWI),
        *folio.berurutan(jumlah_isi, 1),
    ]


def tulis(urutan, posisi, metadata):
    """Join ``urutan`` (``[(Seksi or None for the contents page, reader)]``):
    bookmarks re-nested by each section's ``tingkat``, folios and labels
    stamped, ``metadata`` (the sections' document information) kept."""
    from pypdf import PdfWriter

    penulis = PdfWriter()
    butir = []
    tujuan = {}  # heading id -> page of the joined document
    for s, pembaca in urutan:
        awal = len(penulis.pages)
        penulis.append(pembaca, import_outline=False)
        for i, hlm in _halaman_id(pembaca).items():
            tujuan.setdefault(i, awal + hlm)
        geser = s.tingkat if s is not None else 0
        for tingkat, judul, hlm in _datar(pembaca, pembaca.outline, 0, []):
            butir.append((tingkat + geser, judul, awal + hlm))
    induk = []  # (level, outline item) of the open ancestors
    for tingkat, judul, hlm in butir:
        while induk and induk[-1][0] >= tingkat:
            induk.pop()
        item = penulis.add_outline_item(
            title=judul,
            page_number=hlm,
            parent=induk[-1][1] if induk else None,
            is_open=False,
        )
        induk.append((tingkat, item))
    jumlah_daftar_isi = len(urutan[1][1].pages)
    awal_daftar_isi = len(urutan[0][1].pages)
    for hlm in range(awal_daftar_isi, awal_daftar_isi + jumlah_daftar_isi):
        _arahkan_tautan(penulis, penulis.pages[hlm], tujuan)
    folio.cap_nomor(
        penulis,
        nomor_halaman(posisi.jumlah_depan, jumlah_daftar_isi, posisi.jumlah_isi),
    )
    if metadata:
        penulis.add_metadata({k: v for k, v in metadata.items()})
    penulis.page_mode = "/UseOutlines"
    keluaran = BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue(), len(penulis.pages)
