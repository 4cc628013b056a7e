"""The evaluation meeting's documents (seed TW I 2024), built from data and
read back from the PDFs the ``laporan`` command writes."""

import re

import pytest
from django.core.management.base import CommandError

from lakip.models import Pegawai, UnitKerja
from laporan.lampiran import rapat
from tests.bantuan import render_perintah

pytestmark = pytest.mark.django_db

# The seed's schedule (lines 931-947): unit, slot.
JADWAL_SEED = [
    ("Sekretariat", "13.00 - 13.30"),
    (
        "Bidang Penyiapan Kawasan dan Pembangunan Permukiman Transmigrasi",
        "13.30 - 14.00",
    ),
    ("Bidang Pemberdayaan Ketenagakerjaan", "14.00 - 14.30"),
    (
        "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
        "14.30 - 15.00",
    ),
    ("Bidang Pengembangan Kawasan Transmigrasi", "15.00 - 15.30"),
]
SEKRETARIAT = [
    "JONI PATABI, S.Sos",
    "MUH. ARFAH TAUFIEK, S.Pi",
    "ADE ENDAH ULFIANA, SE",
    "RAHMANUDDIN, SE",
    "FITRIANI MUSTAMIN",
    "JUSRIANTO",
    "TITING PURNAMA SARI",
    "YULIANTI",
]


def test_undangan_letter_and_schedule(pdf_undangan):
    keluaran, halaman = pdf_undangan
    assert len(halaman) == 2 and "2 halaman" in keluaran
    surat, lampiran = halaman
    assert surat.startswith("PEMERINTAH KABUPATEN LUWU TIMUR DINAS TRANSMIGRASI")
    assert "Malili, 20 Mei 2024" in surat
    assert "Nomor : 300.2.12/793/Transnaker/2024" in surat
    assert "Perihal : Undangan Rapat Evaluasi Triwulan I" in surat
    assert "Yth. 1. Sekretaris 2. Kepala Bidang 3. Kasubag 4. Pejabat Fungsional" in (
        surat
    )
    assert "untuk Triwulan I (Januari - Maret) APBD/APBN TA. 2024" in surat
    assert "1. Realisasi Anggaran sampai 31 Maret 2024 2. Hasil laporan evaluasi" in (
        surat
    )
    assert "KEPALA DINAS, KAMAL RASYID, S.STP" in surat
    assert "NIP. 19810511 199912 1 001" in surat
    # The attachment: the same number, then one row per unit in the seed's order.
    assert "Lampiran Surat Dinas Transmigrasi dan Tenaga Kerja" in lampiran
    assert "Nomor : 300.2.12/793/Transnaker/2024" in lampiran
    posisi = []
    for nomor, (unit, pukul) in enumerate(JADWAL_SEED, 1):
        baris = (
            f"{nomor} Senin, 20 Mei 2024 Pukul {pukul} Aula Kantor Dinas Transnaker "
        )
        assert baris in lampiran, baris
        posisi.append(lampiran.index(baris))
        assert unit.split()[-1] in lampiran
    assert posisi == sorted(posisi)
    assert "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja" in lampiran
    assert "KAMAL RASYID, S.STP" in lampiran


def test_daftar_hadir_general_then_per_unit(pdf_daftar_hadir):
    _, halaman = pdf_daftar_hadir
    teks = " ".join(halaman)
    lists = teks.split("DAFTAR HADIR RAPAT")[1:]
    assert len(lists) == 6  # general + the five scheduled units
    umum = lists[0]
    assert "KEGIATAN : Evaluasi Kinerja Perangkat Daerah Triwulan I Tahun 2024" in umum
    assert "HARI/TANGGAL : Senin, 20 Mei 2024 TEMPAT : Aula Kantor Dinas" in umum
    assert "1 KAMAL RASYID, S.STP Kepala Dinas L 1." in umum
    assert "2 JONI PATABI, S.Sos Sekretaris Dinas L 2." in umum
    aktif = Pegawai.objects.filter(aktif=True).count()
    assert f"{aktif} CHAERUDDIN Staf L {aktif}." in umum
    for n in range(aktif + 1, aktif + rapat.BARIS_KOSONG + 1):
        assert f" {n} {n}." in umum  # empty numbered rows
    assert "Mengetahui; KEPALA DINAS, KAMAL RASYID, S.STP" in umum
    hi = next(d for d in lists if "UNIT KERJA : Bidang Hubungan Industrial" in d)
    assert "pukul 14.30 - 15.00" in hi
    assert "1 A. ABD. RASYID, S.Hut, M.Tr.A.P" in hi
    assert "Mengetahui; KEPALA BIDANG HUBUNGAN INDUSTRIAL" in hi


def test_daftar_hadir_sekretariat_with_blank_signature_numbering(tmp_path):
    keluaran, pembaca = render_perintah(
        "daftarhadir", tmp_path / "dh.pdf", tambahan=["--unit", "sekretariat"]
    )
    assert "1 halaman" in keluaran
    teks = " ".join(pembaca.pages[0].extract_text().split())
    assert "UNIT KERJA : Sekretariat" in teks
    assert "HARI/TANGGAL : Senin, 20 Mei 2024, pukul 13.00 - 13.30" in teks
    posisi = [teks.index(nama) for nama in SEKRETARIAT]
    assert posisi == sorted(posisi), "the head first, then by rank"
    assert "1 JONI PATABI, S.Sos Sekretaris Dinas L 1." in teks
    assert "Mengetahui; SEKRETARIS DINAS, JONI PATABI, S.Sos" in teks
    assert "NIP. 19740611 200604 1 012" in teks
    # The signature column is blank but numbered: odd numbers on the left half,
    # even numbers on the right half (seed lines 969-1001).
    tata = pembaca.pages[0].extract_text(extraction_mode="layout")
    jarak = {}
    for baris in tata.splitlines():
        cocok = re.match(r"\s*(\d+)\s.*\s[LP](\s+)(\d+)\.\s*$", baris)
        if cocok:
            assert cocok.group(1) == cocok.group(3)
            jarak[int(cocok.group(1))] = len(cocok.group(2))
    assert sorted(jarak) == list(range(1, len(SEKRETARIAT) + 1))
    ganjil = [j for n, j in jarak.items() if n % 2]
    genap = [j for n, j in jarak.items() if not n % 2]
    assert min(genap) > max(ganjil) + 10
    for n in range(len(SEKRETARIAT) + 1, len(SEKRETARIAT) + rapat.BARIS_KOSONG + 1):
        assert f" {n} {n}." in teks


def test_rekomendasi_sekretariat(tmp_path):
    _, pembaca = render_perintah(
        "rekomendasi", tmp_path / "rek.pdf", tambahan=["--unit", "sekretariat"]
    )
    teks = " ".join(" ".join(h.extract_text().split()) for h in pembaca.pages)
    assert "REKOMENDASI HASIL EVALUASI TRIWULAN I T.A 2024 SEKRETARIAT" in teks
    assert "Berdasarkan Hasil Evaluasi Triwulan I Tahun Anggaran 2024, Sekretariat" in (
        teks
    )
    satu = teks.index("1. Kasubag Umum dan Kepegawaian (RAHMANUDDIN, SE)")
    a = teks.index("a. Mengecek kondisi peralatan dan perlengkapan kantor")
    b = teks.index("b. Pelaksanaan Kegiatan sesuai target kinerja")
    dua = teks.index("2. Kasubag Keuangan (ADE ENDAH ULFIANA, SE) a. Melaksanakan")
    tiga = teks.index("3. Kasubag Perencanaan (MUH. ARFAH TAUFIEK, S.Pi)")
    assert satu < a < b < dua < tiga
    # The seed's 29 Maret 2024 precedes the meeting: the issue date prints.
    assert "Malili, 20 Mei 2024 SEKRETARIS DINAS JONI PATABI, S.Sos" in teks
    assert "NIP. 19740611 200604 1 012" in teks


def test_rekomendasi_every_unit_with_recommendations(pdf_rekomendasi):
    keluaran, halaman = pdf_rekomendasi
    teks = " ".join(halaman)
    assert teks.count("REKOMENDASI HASIL EVALUASI TRIWULAN I T.A 2024") == 4
    assert "e. Melakukan Monitoring setiap triwulan kepada warga Transmigran." in teks
    assert "3. Pejabat Fungsional Mediator Hubungan Industrial (NELY HARYATI" in teks
    assert "c. Sub Kegiatan Pengembangan Pelaksanaan Jaminan Sosial" in teks
    assert "2. Fungsional Penggerak Swadaya Masyarakat (SUGENG WIDODO, ST)" in teks
    # No date typed: the quarter's issue date (the meeting's last day) prints.
    assert "Malili, 20 Mei 2024 KEPALA BIDANG PENGEMBANGAN" in teks
    assert "NIP. 19840321 200502 1 003" in teks


def test_commands_refuse_what_is_not_there(tmp_path):
    with pytest.raises(CommandError, match="Undangan rapat evaluasi Triwulan II"):
        render_perintah("undangan", tmp_path / "u.pdf", triwulan=2)
    with pytest.raises(CommandError, match="Bidang Pemberdayaan"):
        render_perintah(
            "rekomendasi", tmp_path / "r.pdf", tambahan=["--unit", "bidang-pk"]
        )
    with pytest.raises(CommandError, match="tidak ada dalam jadwal"):
        render_perintah(
            "daftarhadir", tmp_path / "d.pdf", tambahan=["--unit", "subbag-umum"]
        )
    with pytest.raises(CommandError, match="tidak ada"):
        render_perintah("daftarhadir", tmp_path / "d.pdf", tambahan=["--unit", "x"])


def test_html_of_one_part_for_a_bound_document(instansi):
    undangan = rapat.susun_undangan(instansi, 2024, 1)
    html = rapat.html_undangan(undangan)
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    assert html.count('class="halaman') == 2
    daftar = rapat.susun_daftar_hadir(instansi, 2024, 1, undangan=undangan)
    assert [d.unit.kode if d.unit else None for d in daftar] == [
        None,
        "sekretariat",
        "bidang-ppkt",
        "bidang-pk",
        "bidang-hi",
        "bidang-pkt",
    ]
    assert rapat.html_daftar_hadir(daftar).count('class="halaman daftar-hadir"') == 6
    rek = rapat.susun_rekomendasi(instansi, 2024, 1)
    assert [r.unit.kode for r in rek] == [
        "sekretariat",
        "bidang-ppkt",
        "bidang-pkt",
        "bidang-hi",
    ]
    assert [len(p.butir) for p in rek[0].poin] == [2, 1, 2]
    assert rek[0].penanda.nip_cetak == "19740611 200604 1 012"
    assert rapat.susun_undangan(instansi, 2024, 2) is None
    assert rapat.susun_daftar_hadir(instansi, 2024, 2) == []


def test_placeholders_follow_the_quarter(instansi):
    unit = UnitKerja.objects.get(kode="sekretariat")
    assert rapat.isian(instansi, 2024, 4, unit) == {
        "tahun": 2024,
        "tahun_lalu": 2023,
        "triwulan": "IV",
        "instansi": "Dinas Transmigrasi dan Tenaga Kerja",
        "wilayah": "Kabupaten Luwu Timur",
        "bulan_triwulan": "Oktober - Desember",
        "akhir_triwulan": "31 Desember 2024",
        "triwulan_berikut": "I Tahun 2025",
        "unit": "Sekretariat",
    }
    assert rapat.isi_teks("{triwulan} {x}", {"triwulan": "II"}) == "II {x}"
