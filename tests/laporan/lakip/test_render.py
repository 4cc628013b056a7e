"""The PDF of the seed's LAKIP TW I 2024: every figure of Tabel 3.25, the sasaran
subtotals and the IKU as computed, the table of contents' page numbers, the
signatures, and the page layout (read back from the PDF with pypdf)."""

import re

import pytest

from lakip.format import format_angka, format_persen
from lakip.perhitungan import terhitung

pytestmark = pytest.mark.django_db


def _uang(n):
    return format_angka(n) if n else "-"


def _baris_anggaran(b, nama=None):
    """How a budget row reads in the PDF: name, pagu, anggaran kas, realisasi, %."""
    return " ".join(
        [
            nama or b.nama,
            _uang(b.pagu),
            _uang(b.anggaran_kas),
            _uang(b.realisasi),
            format_persen(b.persen_kas),
        ]
    )


def _halaman_dengan(pdf, teks):
    return [n for n in range(len(pdf.halaman)) if teks in pdf.teks_halaman(n)]


def test_tabel_3_25_total_as_in_the_seed(pdf_seed):
    assert "TOTAL BELANJA 7.897.427.349 2.535.309.937 725.550.029 28,62" in (
        pdf_seed.teks
    )
    # The 3.2 text states the totals and both absorption rates.
    assert "Rp 7.897.427.349" in pdf_seed.teks
    assert "28,62% dari target anggaran kas dan 9,19% dari pagu" in pdf_seed.teks


def test_every_row_of_tabel_3_25_on_one_page(pdf_seed):
    """Every program, kegiatan and sub kegiatan row with its four figures, each
    row whole on one page (rows are never split) of a landscape page."""
    anggaran = pdf_seed.dok.data.anggaran
    baris = []
    for p in anggaran.anak:
        baris.append(_baris_anggaran(p, p.nama.upper()))
        for k in p.anak:
            baris.append(_baris_anggaran(k))
            baris.extend(_baris_anggaran(s) for s in k.anak)
    assert len(baris) == 7 + 17 + 44
    lanskap = [
        n
        for n, h in enumerate(pdf_seed.pembaca.pages)
        if h.mediabox.width > h.mediabox.height
    ]
    # Compared without whitespace: a name may wrap after a "/" (no space there).
    teks_lanskap = ["".join(pdf_seed.halaman[n].split()) for n in lanskap]
    for b in baris:
        assert any("".join(b.split()) in t for t in teks_lanskap), b


def test_rows_known_from_the_seed(pdf_seed):
    teks = pdf_seed.teks
    for baris in [
        "Penyediaan Jasa Surat Menyurat 17.662.652 4.800.000 2.000.000 41,67",
        "Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah "
        "156.562.652 42.525.000 26.217.981 61,65",
        "PROGRAM PENEMPATAN TENAGA KERJA 362.231.150 58.956.000 4.000.000 6,78",
        "Penyuluhan Transmigrasi 30.580.000 30.580.000 5.500.000 17,99",
        "Koordinasi dan Penyusunan Dokumen RKA-SKPD 5.808.775 - - -",
    ]:
        assert baris in teks, baris


def test_table_header_repeats_on_every_landscape_page(pdf_seed):
    lanskap = [
        n
        for n, h in enumerate(pdf_seed.pembaca.pages)
        if h.mediabox.width > h.mediabox.height
    ]
    assert len(lanskap) >= 2
    for n in lanskap:
        teks = pdf_seed.teks_halaman(n)
        assert "PROGRAM/KEGIATAN/SUB KEGIATAN" in teks
        assert "REALISASI ANGGARAN S.D. 31 MARET 2024" in teks


def test_each_sasaran_budget_subtotal(pdf_seed):
    teks = pdf_seed.teks
    for nomor, s in enumerate(pdf_seed.dok.data.anggaran_sasaran, 1):
        assert _baris_anggaran(s, f"JUMLAH SASARAN {nomor}") in teks
    # The seed's own tables for Sasaran 1 and 2 (lines 400 and 587).
    assert "JUMLAH SASARAN 1 924.007.650 285.785.522 37.843.360 13,24" in teks
    assert "JUMLAH SASARAN 2 2.150.658.950 210.832.550 20.599.800 9,77" in teks
    # Sasaran 3 is served by the Program Penunjang alone.
    assert "JUMLAH SASARAN 3 4.822.760.749 2.038.691.865 667.106.869 32,72" in teks


def test_each_iku_target_realisation_and_capaian(pdf_seed):
    teks = pdf_seed.teks
    for iku in pdf_seed.dok.iku:
        assert terhitung(iku.capaian_tahun)
    for baris in [
        "Persentase Warga Transmigran Mandiri % 63,57 61,68 97,03",
        "Persentase Penyerapan Tenaga Kerja Baru % 23,50 7,33 31,21",
        "Nilai SAKIP Nilai 78,85 75,40 95,62",
    ]:
        assert baris in teks, baris
    # Renstra comparison: 61,68 of 65,52 and 7,33 of 22,86 (computed unrounded).
    assert "65,52 94,14" in teks
    assert "22,86 32,09" in teks
    # Previous year: 61,68 of 62,77 in 2023.
    assert "62,77 61,68 98,26" in teks
    # BAB IV repeats each IKU's figures.
    assert (
        "Realisasi Persentase Penyerapan Tenaga Kerja Baru sebesar 7,33 % dari "
        "target 23,50 % atau dengan tingkat capaian 31,21%" in teks
    )


def _nomor_cetak(halaman):
    """The page number printed in the footer: the lowest text on the page (in
    page coordinates: WeasyPrint draws in a flipped system, the folios stamped
    after joining (laporan.folio) in the page's own)."""
    potongan = []

    def lihat(teks, cm, tm, font, ukuran):
        if teks.strip():
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            potongan.append((y, teks.strip()))

    halaman.extract_text(visitor_text=lihat)
    _, teks = min(potongan)
    assert re.fullmatch(r"\d+|[ivxlc]+", teks), teks
    return teks


def _outline(pembaca, daftar=None, hasil=None):
    hasil = [] if hasil is None else hasil
    for item in pembaca.outline if daftar is None else daftar:
        if isinstance(item, list):
            _outline(pembaca, item, hasil)
        else:
            hasil.append((item.title, pembaca.get_destination_page_number(item)))
    return hasil


def test_table_of_contents_page_numbers(pdf_seed):
    """Each Daftar Isi entry's number is the number printed on the page where
    that heading is (found through the PDF's bookmarks)."""
    (halaman_isi,) = [
        n
        for n in _halaman_dengan(pdf_seed, "DAFTAR ISI")
        if "Halaman" in (pdf_seed.teks_halaman(n))
    ]
    entri = []
    for baris in pdf_seed.halaman[halaman_isi].splitlines():
        cocok = re.match(r"^(.+?)\s*\.{3,}\s*(\S+)$", baris.strip())
        if cocok:
            entri.append((cocok.group(1), cocok.group(2)))
    label = [e[0] for e in entri]
    assert label[:3] == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN"]
    assert {"Sasaran 1", "Sasaran 2", "Sasaran 3", "3.2 Realisasi Anggaran"} <= set(
        label
    )
    # The contents page ends with the attachments, right after the last page.
    assert label[-2:] == ["BAB IV PENUTUP", "LAMPIRAN"]
    assert len(entri) == 20
    terakhir = _nomor_cetak(pdf_seed.pembaca.pages[-1])
    assert entri[-1][1] == str(int(terakhir) + 1)

    tanda = _outline(pdf_seed.pembaca)
    for judul, nomor in entri[:-1]:
        (halaman,) = [
            h
            for t, h in tanda
            if t == judul or t.startswith(judul + " ") or t.startswith(judul + ":")
        ]
        assert _nomor_cetak(pdf_seed.pembaca.pages[halaman]) == nomor, judul
        assert judul.split()[-1] in pdf_seed.teks_halaman(halaman)
    # Front matter in roman numerals; BAB I starts the arabic numbering at 1.
    assert dict(entri)["KATA PENGANTAR"] == "i"
    assert dict(entri)["BAB I PENDAHULUAN"] == "1"


def test_bookmarks_per_chapter_and_metadata(pdf_seed):
    bab = [t for t, _ in _outline(pdf_seed.pembaca) if t.startswith("BAB ")]
    assert bab == [
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA TAHUN 2024",
        "BAB III AKUNTABILITAS KINERJA TRIWULAN I TAHUN 2024",
        "BAB IV PENUTUP",
    ]
    meta = pdf_seed.pembaca.metadata
    assert meta.title == (
        "LAKIP Triwulan I Tahun 2024 — Dinas Transmigrasi dan Tenaga Kerja "
        "Kabupaten Luwu Timur"
    )
    assert meta.author == "Dinas Transmigrasi dan Tenaga Kerja Kabupaten Luwu Timur"


def test_signature_blocks_from_the_staff_records(pdf_seed):
    ttd = (
        "Malili, 25 April 2024 Kepala Dinas KAMAL RASYID, S.STP "
        "Pangkat: Pembina Utama Muda, IV/c NIP. 19810511 199912 1 001"
    )
    kata_pengantar = _halaman_dengan(pdf_seed, "Puji syukur")
    assert ttd in pdf_seed.teks_halaman(kata_pengantar[-1])
    assert ttd in pdf_seed.teks_halaman(len(pdf_seed.halaman) - 1)


def test_staff_tables_and_a4(pdf_seed):
    teks = pdf_seed.teks
    assert "Tabel 1.1. Jumlah Pegawai Berdasarkan Kepangkatan" in teks
    assert "Penata Tingkat I, III/d 11 Orang" in teks
    assert teks.count("Jumlah 25 Orang") == 3
    potret = pdf_seed.pembaca.pages[0].mediabox
    assert (round(float(potret.width)), round(float(potret.height))) == (595, 842)


def test_fonts_are_the_shipped_ones(pdf_seed):
    nama = set()
    for halaman in pdf_seed.pembaca.pages[:5]:
        for font in halaman["/Resources"]["/Font"].values():
            nama.add(str(font.get_object()["/BaseFont"]))
    # Only the @font-face families of fonts.css (shipped files), no system
    # font; the folios stamped after joining the sections (laporan.folio) use
    # the standard Times-Roman every reader has, not embedded.
    assert "/Times-Roman" in nama
    nama.discard("/Times-Roman")
    assert nama and all("+Dokumen-" in n for n in nama), nama


def test_the_cover_carries_the_agencys_logo(instansi):
    from laporan.lakip.dokumen import susun_dokumen
    from laporan.lakip.render import render_html

    html = render_html(susun_dokumen(instansi, 2024, 1))
    sampul = html[html.index('<div class="sampul">') :]
    assert sampul.index('class="logo-sampul" src="data:image/svg+xml;base64,') < (
        sampul.index("LAPORAN AKUNTABILITAS")
    )
    instansi.logo, instansi.logo_tipe = b"\x89PNG", "image/png"
    instansi.save()
    html = render_html(susun_dokumen(instansi, 2024, 1))
    assert 'class="logo-sampul" src="data:image/png;base64,iVBORw==' in html
