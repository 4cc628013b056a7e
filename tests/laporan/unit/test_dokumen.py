"""The unit report (laporan kinerja triwulan of a Sekretariat/Bidang): the
seed's Sekretariat report read from its PDF, its figures against Tabel 3.25,
its place in the package, its signature."""

import csv
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.urls import reverse

from lakip.models import Pegawai, UnitKerja
from laporan.dokumen.kunci import (
    EVALUASI_PEJABAT,
    EVALUASI_UNIT,
    LAPORAN_UNIT,
    PERNYATAAN,
    kunci,
)
from laporan.dokumen.laporan_unit import laporan_kosong
from laporan.lampiran.terbit import daftar_dokumen, tandatangani
from laporan.paket.bagian import daftar_bagian, susun_konteks
from laporan.unit import services
from laporan.unit.susun import teks_unit
from tests.bantuan import render_perintah, sahkan_triwulan

pytestmark = pytest.mark.django_db

TSV = (
    Path(__file__).resolve().parents[3] / "fixtures" / "sumber" / "nomenklatur-2024.tsv"
)


def _teks(isi):
    """The PDF's text, one line per printed line, spaces collapsed."""
    keluar = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    return "\n".join(" ".join(b.split()) for b in keluar.splitlines())


def _uang(n):
    return f"{n:,}".replace(",", ".") if n else "-"


def _persen(realisasi, kas):
    if not kas:
        return "-"
    nilai = (Decimal(realisasi) * 100 / Decimal(kas)).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )
    return str(nilai).replace(".", ",")


def _tabel_325():
    """The sub kegiatan rows of Tabel 3.25 (the reference copy)."""
    with TSV.open(encoding="utf-8") as berkas:
        return [
            b
            for b in csv.DictReader(berkas, delimiter="\t")
            if b["tingkat"] != "program" and b["tingkat"] != "kegiatan"
        ]


@pytest.fixture
def sekretariat(instansi):
    return UnitKerja.objects.get(instansi=instansi, kode="sekretariat")


@pytest.fixture
def pdf_sekretariat(masuk, sekretariat):
    client = masuk("perencanaan")
    url = reverse(
        "laporan:dokumen_pdf", args=[2024, 1, kunci(LAPORAN_UNIT, sekretariat.pk)]
    )
    respons = client.get(url)
    assert respons.status_code == 200
    assert "LAPORANUNIT-2024-TW1-sekretariat" in respons["Content-Disposition"]
    return _teks(respons.content)


def test_sekretariat_report_prints_its_chapters_and_the_pk(pdf_sekretariat):
    teks = pdf_sekretariat
    judul = [
        "LAPORAN KINERJA TRIWULAN I TAHUN 2024",
        "BAB I",
        "A. GAMBARAN UMUM",
        "D. DASAR KEGIATAN",
        "BAB II",
        "PERJANJIAN KINERJA",
        "BAB III",
        "CAPAIAN KINERJA KEGIATAN",
        "BAB IV",
        "REALISASI ANGGARAN",
        "BAB V",
        "PENUTUP",
    ]
    letak = [teks.index(j) for j in judul]
    assert letak == sorted(letak)
    # the seed's prose, placeholders filled
    assert "Kewenangan Sekretaris Dinas Transmigrasi dan Tenaga Kerja adalah" in teks
    assert "20. Melaksanakan tugas kedinasan lain" in teks
    assert "Bimtek Inovasi" in teks and "{" not in teks
    # the Sekretaris's PK 2024: heading, agreed indicators with targets, budget
    assert "SEKRETARIS DINAS TAHUN 2024" in teks
    assert "Persentase penunjang urusan perangkat 95,00%" in teks
    assert "Rp 3.769.436.092 APBD" in teks  # kegiatan Administrasi Keuangan (PK)
    # signed by the Sekretaris, dated the month after the quarter
    assert "Malili, 3 April 2024" in teks  # the calendar's report date
    akhir = teks[teks.index("BAB V") :]
    assert "JONI PATABI, S.Sos" in akhir and "NIP. 19740611 200604 1 012" in akhir


def test_sekretariat_budget_table_equals_tabel_325(pdf_sekretariat):
    """Every Sekretariat sub kegiatan row and the total are Tabel 3.25's
    figures (program 2.07.01), the percentage realisasi / anggaran kas."""
    teks = pdf_sekretariat
    bab4 = teks[teks.index("REALISASI ANGGARAN") : teks.index("BAB V")]
    baris = [b for b in _tabel_325() if b["kode"].startswith("2.07.01.")]
    assert len(baris) == 24
    for b in baris:
        pagu, kas, real = (
            int(b["pagu"]),
            int(b["anggaran_kas_tw1"]),
            int(b["realisasi_tw1"]),
        )
        angka = f"{_uang(pagu)} {_uang(kas)} {_uang(real)} {_persen(real, kas)}"
        assert angka in bab4, b["nama (seperti di dokumen)"]
    pagu = sum(int(b["pagu"]) for b in baris)
    kas = sum(int(b["anggaran_kas_tw1"]) for b in baris)
    real = sum(int(b["realisasi_tw1"]) for b in baris)
    assert (pagu, kas, real) == (4_822_760_749, 2_038_691_865, 667_106_869)
    jumlah = f"JUMLAH {_uang(pagu)} {_uang(kas)} {_uang(real)} {_persen(real, kas)}"
    assert jumlah in bab4
    # the seed's 63,14 / 52,63 (wrong) are not copied: 61,65 and 41,67
    assert "42.525.000 26.217.981 61,65" in bab4
    assert "4.800.000 2.000.000 41,67" in bab4
    assert "1 program, 8 kegiatan dan 24 sub kegiatan" in bab4
    assert f"Rp {_uang(kas)},- dan telah terealisasi sebesar Rp {_uang(real)},-" in (
        bab4.replace("\n", " ")
    )


def test_sekretariat_performance_table_has_quarter_targets(pdf_sekretariat):
    teks = pdf_sekretariat
    bab3 = teks[teks.index("CAPAIAN KINERJA KEGIATAN") : teks.index("BAB IV")]
    # sub kegiatan Bimbingan Teknis: TW I target 4, realisasi 1 -> 25,00 %
    assert re.search(r"Orang 4 1 25,00", bab3)
    # Penyediaan Jasa Surat Menyurat: 327 of 312 letters
    assert "Surat 312 327 104,81" in bab3
    # no Bidang's sub kegiatan in the Sekretariat's report
    assert "Penyuluhan Transmigrasi" not in teks


def test_unit_reports_sit_after_the_unit_evaluation_table(instansi, sekretariat):
    """The seed prints the Sekretariat's report after the Sekretariat's
    evaluation table, before the Kasubag Perencanaan's pernyataan (lines
    1111-1446): here right after the Sekretaris's evaluation tables. Every
    top-level unit has one report, in its own group."""
    bagian = daftar_bagian(susun_konteks(instansi, 2024, 1))
    kunci_bagian = [b.kunci for b in bagian]
    x = kunci(LAPORAN_UNIT, sekretariat.pk)
    joni = sekretariat.kepala
    tabel = [kunci(EVALUASI_UNIT, sekretariat.pk), kunci(EVALUASI_PEJABAT, joni.pk)]
    assert kunci_bagian.index(x) == max(kunci_bagian.index(t) for t in tabel) + 1
    arfah = Pegawai.objects.get(nama="MUH. ARFAH TAUFIEK")
    assert kunci_bagian.index(x) < kunci_bagian.index(kunci(PERNYATAAN, arfah.pk))
    akar = UnitKerja.objects.filter(instansi=instansi, induk__isnull=True)
    laporan = [b for b in bagian if b.jenis == LAPORAN_UNIT]
    assert sorted(b.kunci for b in laporan) == sorted(
        kunci(LAPORAN_UNIT, u.pk) for u in akar
    )
    assert {b.kelompok for b in laporan} == {u.nama for u in akar}


def test_bidang_without_text_is_empty_and_not_ready_to_sign(instansi, sekretariat):
    hi = UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")
    k = susun_konteks(instansi, 2024, 1)
    assert laporan_kosong(k, hi) and not laporan_kosong(k, sekretariat)
    dok = {d.kunci: d for d in daftar_dokumen(instansi, 2024, 1)}
    assert not dok[kunci(LAPORAN_UNIT, hi.pk)].siap
    assert dok[kunci(LAPORAN_UNIT, sekretariat.pk)].siap
    assert dok[kunci(LAPORAN_UNIT, hi.pk)].penanda == hi.kepala


def test_signed_by_the_unit_head(instansi, masuk, sekretariat):
    client = masuk("sekretaris")
    sahkan_triwulan(instansi, 2024, 1)
    x = kunci(LAPORAN_UNIT, sekretariat.pk)
    user = get_user_model().objects.get(username="sekretaris")
    terbit = tandatangani(user, instansi, 2024, 1, LAPORAN_UNIT, x)
    assert terbit.penanda_nama == "JONI PATABI, S.Sos"
    url = reverse("laporan:dokumen_pdf", args=[2024, 1, x])
    respons = client.get(url)
    assert respons.content == bytes(terbit.isi)
    assert terbit.kode in _teks(respons.content)


def test_a_signed_report_keeps_its_text(instansi, masuk, sekretariat):
    sahkan_triwulan(instansi, 2024, 1)
    user = get_user_model().objects.get(username="sekretaris")
    x = kunci(LAPORAN_UNIT, sekretariat.pk)
    tandatangani(user, instansi, 2024, 1, LAPORAN_UNIT, x)
    client = masuk("sekretaris")
    url = reverse("laporan:laporan_unit", args=[2024, 1, sekretariat.pk])
    respons = client.post(url, {"penutup": "Diubah sesudah ditandatangani."})
    assert respons.status_code == 400
    assert "sudah ditandatangani" in respons.content.decode()
    with pytest.raises(services.LaporanUnitTidakValid):
        services.simpan_laporan_unit(sekretariat, 2024, 1, {"penutup": "x"}, oleh=user)
    assert "Diubah" not in teks_unit(sekretariat, 2024, 1).penutup


def test_the_command_writes_one_units_report(sekretariat, tmp_path):
    berkas = tmp_path / "unit.pdf"
    _, pembaca = render_perintah(
        "laporan-unit", berkas, tambahan=("--unit", "sekretariat")
    )
    teks = " ".join(h.extract_text() for h in pembaca.pages)
    assert "LAPORAN KINERJA TRIWULAN I TAHUN 2024" in teks and "JONI PATABI" in teks
    with pytest.raises(CommandError, match="bukan Sekretariat/Bidang"):
        render_perintah(
            "laporan-unit", berkas, tambahan=("--unit", "subbag-perencanaan")
        )
