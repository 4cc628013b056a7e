"""The quarterly report of a sub kegiatan, read back from the PDF."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from laporan.lampiran.subkegiatan import susun_laporan_sub_kegiatan

KODE = "2.07.05.2.02.0002"
# The 11 expenditure lines as printed in the seed (lines 3956-3966): pagu,
# anggaran TW I, realisasi TW I.
BARIS_SEED = [
    (195_000, 195_000, 0),
    (253_500, 253_500, 0),
    (1_418_900, 630_000, 595_000),
    (330_000, 330_000, 0),
    (455_000, 260_000, 0),
    (11_250_000, 1_500_000, 0),
    (12_000_000, 2_000_000, 2_000_000),
    (12_000_000, 3_000_000, 2_000_000),
    (3_600_000, 600_000, 530_000),
    (6_000_000, 1_000_000, 200_000),
    (81_760_000, 12_490_000, 7_090_000),
]


def test_expenditure_lines_add_up(instansi, data_tw1):
    lap = susun_laporan_sub_kegiatan(instansi, 2024, 1, KODE, data_tw1)
    baris = lap.belanja.anak
    assert [(b.pagu, b.anggaran_kas, b.realisasi) for b in baris] == BARIS_SEED
    assert all(b.kode.startswith("5.1.02.") for b in baris)
    assert lap.belanja.pagu == sum(p for p, _, _ in BARIS_SEED) == 129_262_400
    # the seed prints totals 23.208.500 and 11.564.700; its lines sum to these
    assert lap.belanja.anggaran_kas == sum(a for _, a, _ in BARIS_SEED) == 22_258_500
    assert lap.belanja.realisasi == sum(r for _, _, r in BARIS_SEED) == 12_415_000
    # the lines' pagu is the sub kegiatan's pagu in Tabel 3.25
    assert lap.anggaran.pagu == lap.belanja.pagu
    assert lap.anggaran.anggaran_kas == 23_208_500
    assert lap.pagu_terbilang == (
        "Seratus Dua Puluh Sembilan Juta Dua Ratus Enam Puluh Dua Ribu "
        "Empat Ratus Rupiah"
    )


def jalankan(kode, berkas):
    keluaran = StringIO()
    call_command(
        "laporan",
        "subkegiatan",
        "--tahun",
        "2024",
        "--triwulan",
        "1",
        "--kode",
        kode,
        "--output",
        str(berkas),
        stdout=keluaran,
    )
    return keluaran.getvalue()


@pytest.mark.django_db
def test_pdf_by_command(tmp_path, instansi):
    berkas = tmp_path / "sub.pdf"
    assert "ditulis ke" in jalankan(KODE, berkas)
    teks = " ".join(" ".join(h.extract_text() for h in PdfReader(berkas).pages).split())
    assert "5.1.02.04.01.0001 Belanja Perjalanan Dinas Biasa 81.760.000" in teks
    assert "JUMLAH 129.262.400 22.258.500 12.415.000 55,78" in teks
    assert "berbeda dengan anggaran kas sub kegiatan" in teks
    assert "Seratus Dua Puluh Sembilan Juta" in teks
    assert "A. ABD. RASYID" in teks  # PPTK
    assert "NELY HARYATI BATARA" in teks  # pelaksana
    for nomor in range(1, 12):
        assert f" {nomor} 5.1.02." in teks


@pytest.mark.django_db
def test_unknown_code(tmp_path, instansi):
    with pytest.raises(CommandError, match="tidak ada"):
        jalankan("9.99", tmp_path / "x.pdf")


@pytest.mark.django_db
def test_pdf_prints_the_seeds_prose(tmp_path, instansi):
    """Penyuluhan dan Bimbingan Jabatan: sections A, B and F as the seed's report
    prints them (lines 2444, 2452-2463, 2503-2504)."""
    berkas = tmp_path / "penyuluhan.pdf"
    jalankan("2.07.04.2.01.0003", berkas)
    teks = " ".join(" ".join(h.extract_text() for h in PdfReader(berkas).pages).split())
    assert (
        "A. Latar Belakang Program Kegiatan Pendidikan dan Pelatihan Berbasis "
        "Masyarakat pada Bidang Pemberdayaan Ketenagakerjaan merupakan"
    ) in teks
    assert (
        "B. Dasar Hukum 1. Undang-undang nomor. 07 tahun 1981 tentang Wajib Lapor "
        "Ketenagakerjaan, 2. Undang-undang nomor. 13 tahun 2003"
    ) in teks
    assert "11. Surat Keputusan Bupati Luwu Timur Nomor 25/A-09/I/Tahun 2022" in teks
    assert "C. Maksud dan Tujuan Maksud dan Tujuan dari diadakannya" in teks
    assert "Sasaran dari Pelaksanaan Sub Kegiatan Penyuluhan Dan Bimbingan" in teks
    assert "E. Metode Pelaksanaan Sub Kegiatan Penyuluhan Dan Bimbingan" in teks
    assert (
        "F. Lokasi Pelaksanaan 1. SMKN 1 Malili "
        "2. Kampus STIKES Batara Guru Kecamatan Wotu G. Waktu Pelaksanaan"
    ) in teks
