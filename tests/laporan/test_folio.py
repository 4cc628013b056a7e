"""laporan.folio: folios stamped on joined pages and the PDF page labels."""

from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter

from laporan import folio, pdf

HTML = """<html><head><style>
@page { size: A4; margin: 2cm } @page lanskap { size: A4 landscape }
.l { page: lanskap } .p { break-before: page }
</style></head><body>
<p>Sampul</p><p class="p">Pengantar</p><div class="l p">Tabel lebar</div>
<p class="p">Penutup</p></body></html>"""


def _cap(nomor):
    isi, _ = pdf.render_pdf(HTML)
    penulis = PdfWriter(clone_from=PdfReader(BytesIO(isi)))
    folio.cap_nomor(penulis, nomor)
    keluar = BytesIO()
    penulis.write(keluar)
    return PdfReader(BytesIO(keluar.getvalue()))


def _posisi(halaman, teks):
    """``(x, y)`` of ``teks`` drawn on ``halaman``."""
    temu = []

    def lihat(t, cm, tm, font, ukuran):
        if t.strip() == teks:
            temu.append((cm[4] + tm[4], cm[5] + tm[5]))

    halaman.extract_text(visitor_text=lihat)
    return temu


@pytest.mark.django_db
def test_folio_dan_label_halaman():
    nomor = [
        folio.Nomor("", awalan="Sampul"),
        *folio.berurutan(1, 1, folio.GAYA_ROMAWI),
        *folio.berurutan(2, 57),
    ]
    pembaca = _cap(nomor)
    assert pembaca.page_labels == ["Sampul", "i", "57", "58"]
    baris = [p.extract_text().splitlines() for p in pembaca.pages]
    assert baris[0] == ["Sampul"]  # a cover gets no folio
    assert baris[1][-1] == "i"
    assert baris[2][-1] == "57"
    assert baris[3][-1] == "58"
    for i, teks in ((1, "i"), (2, "57"), (3, "58")):
        halaman = pembaca.pages[i]
        [(x, y)] = _posisi(halaman, teks)
        lebar = float(halaman.mediabox.width)
        # Centred, inside the bottom margin, landscape page (2) included.
        assert abs(x + folio.UKURAN / 2 - lebar / 2) < folio.UKURAN * 1.5
        assert 0 < y < 2 / 2.54 * 72


def test_romawi():
    assert [folio.romawi(n) for n in (1, 4, 9, 14, 40, 99, 2024)] == [
        "i",
        "iv",
        "ix",
        "xiv",
        "xl",
        "xcix",
        "mmxxiv",
    ]
    with pytest.raises(ValueError):
        folio.romawi(0)


@pytest.mark.django_db
def test_terlalu_banyak_nomor_ditolak():
    with pytest.raises(ValueError):
        _cap(folio.berurutan(5))
