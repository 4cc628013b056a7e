"""The attachments' PDFs, read back with pypdf."""

import pytest

from .test_susun import pasangan_seed

# Database tests run before the transactional ones (browser, restore) that flush
# the seed; the session-wide renders need the seed in place.
pytestmark = pytest.mark.django_db


def test_pernyataan_one_page_per_official(pdf_pernyataan):
    keluaran, halaman = pdf_pernyataan
    assert len(halaman) == 15
    assert "15 halaman" in keluaran
    for dievaluasi, evaluator in pasangan_seed():
        cocok = [
            h
            for h in halaman
            if f"dilaporkan oleh {dievaluasi}" in h and evaluator in h.split("2024")[-1]
        ]
        assert len(cocok) == 1, dievaluasi


def test_pernyataan_page_text(pdf_pernyataan):
    _, halaman = pdf_pernyataan
    erfina = next(h for h in halaman if "oleh ERFINA ARAS" in h)
    assert erfina.startswith("PEMERINTAH KABUPATEN LUWU TIMUR DINAS TRANSMIGRASI")
    assert "PERNYATAAN TELAH DIEVALUASI" in erfina
    assert "TRIWULAN I TAHUN 2024" in erfina
    # dated on the quarter's issue date: the meeting of 20 Mei 2024 (calendar)
    assert "Malili, 20 Mei 2024" in erfina
    assert "RAKHSAN R" in erfina
    joni = next(h for h in halaman if "oleh JONI PATABI" in h)
    assert "KAMAL RASYID, S.STP" in joni
    assert "NIP. 19810511 199912 1 001" in joni


def test_evaluasi_surat_menyurat_row(pdf_evaluasi):
    _, halaman = pdf_evaluasi
    teks = " ".join(halaman)
    assert "EVALUASI KINERJA SEKRETARIAT" in teks
    baris = [h for h in halaman if "Penyediaan Jasa Surat Menyurat" in h]
    assert baris
    for h in baris:
        awal = h.index("Penyediaan Jasa Surat Menyurat")
        assert "Surat 312 312 313 313 327 104,81" in h[awal : awal + 250]


def test_evaluasi_signed_by_the_official(pdf_evaluasi):
    _, halaman = pdf_evaluasi
    # the Kasubag's own table is his Subbagian's (printed once, signed by him)
    assert not [h for h in halaman if "EVALUASI KINERJA KASUBAG PERENCANAAN" in h]
    arfah = [h for h in halaman if "EVALUASI KINERJA SUBBAGIAN PERENCANAAN" in h]
    assert len(arfah) == 1
    assert "Tabel ini sekaligus tabel evaluasi Kasubag Perencanaan" in arfah[0]
    assert "MUH. ARFAH TAUFIEK, S.Pi" in arfah[0].split("Malili, 20 Mei 2024")[-1]
    assert "NIP. 19850203 201404 1 001" in arfah[0]


def test_the_agencys_logo_is_on_the_letterhead(instansi):
    """An uploaded logo is printed in the kop of the attachments' PDF."""
    import io

    from PIL import Image
    from pypdf import PdfReader

    from laporan import pdf
    from laporan.lampiran.render import html_halaman
    from laporan.lampiran.susun import susun_lampiran

    lamp = susun_lampiran(instansi, 2024, 1)
    assert 'class="logo-kop" src="data:image/svg+xml;base64,' in html_halaman(
        lamp, "Pernyataan", pernyataan=lamp.pernyataan[:1]
    )
    keluaran = io.BytesIO()
    Image.new("RGB", (120, 140), (0, 90, 160)).save(keluaran, format="PNG")
    instansi.logo, instansi.logo_tipe = keluaran.getvalue(), "image/png"
    instansi.save()
    lamp = susun_lampiran(instansi, 2024, 1)
    html = html_halaman(lamp, "Pernyataan", pernyataan=lamp.pernyataan[:1])
    assert 'class="logo-kop" src="data:image/png;base64,' in html
    halaman = PdfReader(io.BytesIO(pdf.pdf_html(html, pakai_cache=False)[0])).pages
    assert len(halaman[0].images) == 1
    assert halaman[0].images[0].image.size == (120, 140)
