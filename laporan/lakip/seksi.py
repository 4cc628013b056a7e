"""The LAKIP cut into sections laid out on their own (and cached on their own).

A change of one figure lays out again only the sections that print it: each
section is a complete HTML document with the LAKIP's CSS
(``templates/laporan/lakip/seksi.html``), laid out WITHOUT folios, so its HTML
(hence its cache key, ``laporan.paket.cache.sidik``) does not depend on where
it lands in the joined document. The folios, the page labels, the contents
page and the bookmarks are made after joining (``laporan.lakip.gabung``).

The sections, in order: the front matter (cover and Kata Pengantar), then the
contents page (made last, from the others' pages), BAB I, BAB II, one section
per sasaran of BAB III (the first one opens the chapter: heading, 3.1 and its
text), the budget (3.2 and Tabel "Rincian Anggaran"), BAB IV. Every section
starts on a new page. Within BAB III the table numbers (``Tabel 3.n``) go on
across sections: each section starts its counter where the previous stopped,
and each sets the running header's chapter (``string-set: bab``) on its first
page.
"""

import re
from dataclasses import dataclass

from django.template.loader import render_to_string

from laporan.draf import html_cetak

DEPAN = "depan"
DAFTAR_ISI = "daftar-isi"
ANGGARAN = "anggaran"

# A numbered table of BAB III (its caption counts ``tabel3``).
_TABEL_BERNOMOR = re.compile(r'<caption class="bernomor"')


@dataclass
class Seksi:
    """A section: its name (``depan``, ``bab-1``, ``sasaran-2``, ``anggaran``),
    its complete HTML as laid out, and the outline level of its first heading
    minus one (``tingkat``: 0 for a chapter, 1 for 3.2, 2 for a sasaran), by
    which its bookmarks are placed in the LAKIP's outline."""

    nama: str
    html: str
    tingkat: int = 0

    @property
    def depan(self):
        """Front matter (roman folios)."""
        return self.nama in (DEPAN, DAFTAR_ISI)


def bab_berjalan(dok):
    """The running header's chapter in BAB III (the chapter heading's text)."""
    return (
        f"BAB III AKUNTABILITAS KINERJA TRIWULAN {dok.triwulan_romawi} "
        f"TAHUN {dok.tahun}"
    )


def render_seksi(dok, seksi, dibuat, **konteks):
    """The complete HTML of section ``seksi`` of ``dok``."""
    return render_to_string(
        "laporan/lakip/seksi.html",
        {
            "dok": dok,
            "seksi": seksi,
            "kosong": "",
            "akar_statis": "",
            "layar": False,
            "dibuat": dibuat,
            **konteks,
        },
    )


def susun_seksi(dok, dibuat, draf=None):
    """The sections of ``dok`` in order, without the contents page (which needs
    the others' pages: ``laporan.lakip.gabung``). ``dibuat`` is the creation
    time in the metadata; ``draf`` (units not yet Disahkan) watermarks every
    section (``laporan.draf.html_cetak``).

    Guarantees: a section's HTML depends only on the data it prints, the
    number of BAB III tables before it and whether it opens a new tujuan, never
    on page numbers."""

    def seksi(nama, tingkat=0, **konteks):
        html = render_seksi(dok, nama, dibuat, **konteks)
        return Seksi(nama, html_cetak(html, draf), tingkat)

    hasil = [seksi(DEPAN), seksi("bab-1"), seksi("bab-2")]
    judul_bab = bab_berjalan(dok)
    tabel = 0
    tujuan = None
    for i, bs in enumerate(dok.sasaran):
        s = seksi(
            f"sasaran-{bs.nomor}",
            0 if i == 0 else 2,
            bs=bs,
            awal_bab=i == 0,
            tujuan_baru=bs.tujuan.pk != tujuan,
            tabel_sebelum=tabel,
            bab_berjalan=judul_bab,
        )
        tujuan = bs.tujuan.pk
        tabel += len(_TABEL_BERNOMOR.findall(s.html))
        hasil.append(s)
    hasil.append(
        seksi(
            ANGGARAN,
            1 if dok.sasaran else 0,
            awal_bab=not dok.sasaran,
            tabel_sebelum=tabel,
            bab_berjalan=judul_bab,
        )
    )
    hasil.append(seksi("bab-4"))
    return hasil


def entri_daftar_isi(dok):
    """The lines of the contents page: ``(id of the heading, text, level)``
    (the same in the whole document's HTML, ``dokumen.html``, and in the
    contents section). The first two are front matter (roman numbers)."""
    hasil = [
        ("kata-pengantar", "KATA PENGANTAR", 1),
        (DAFTAR_ISI, "DAFTAR ISI", 1),
        ("bab-1", "BAB I PENDAHULUAN", 1),
        ("s-1-1", "1.1 Data Umum Organisasi", 2),
        ("s-1-2", "1.2 Struktur Organisasi", 2),
        ("s-1-3", "1.3 Peran Organisasi", 2),
        ("s-1-4", "1.4 Isu Strategis", 2),
        ("bab-2", "BAB II PERENCANAAN KINERJA", 1),
        ("s-2-1", "2.1 Rencana Strategis", 2),
        ("s-2-2", "2.2 Visi dan Misi", 2),
        ("s-2-3", "2.3 Sasaran Strategis dan Indikator Kinerja Utama", 2),
        ("s-2-4", "2.4 Penetapan Kinerja", 2),
        ("bab-3", "BAB III AKUNTABILITAS KINERJA", 1),
        ("s-3-1", "3.1 Capaian Kinerja Organisasi", 2),
    ]
    hasil += [(f"sasaran-{bs.nomor}", f"Sasaran {bs.nomor}", 3) for bs in dok.sasaran]
    hasil += [
        ("s-3-2", "3.2 Realisasi Anggaran", 2),
        ("bab-4", "BAB IV PENUTUP", 1),
    ]
    return hasil
