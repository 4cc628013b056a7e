"""The dates the seed's documents carry (the quarter's calendar and each kind's
rule), read back from the PDF text of the package parts, and a signed document
keeping its date."""

import datetime
import io
import re
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from lakip.format import BULAN
from lakip.models import Instansi
from laporan.dokumen.kunci import (
    DAFTAR_HADIR,
    EVALUASI_PEJABAT,
    EVALUASI_UNIT,
    PERNYATAAN,
    REKOMENDASI,
    SUB_KEGIATAN,
    UNDANGAN,
)
from laporan.kalender import susun_kalender
from laporan.models import UndanganRapat
from laporan.paket.rakit import rakit_paket
from renstra.models import SubKegiatan

pytestmark = pytest.mark.django_db

# Kinds that follow the evaluation meeting: dated on or after it.
SESUDAH_RAPAT = {PERNYATAAN, EVALUASI_UNIT, EVALUASI_PEJABAT, REKOMENDASI}


def pola_tanggal(kota):
    """``Malili, 20 Mei 2024`` or ``Malili, Mei 2024`` (day missing) in text."""
    bulan = "|".join(BULAN)
    return re.compile(rf"{re.escape(kota)}, (?:(\d{{1,2}}) )?({bulan}) (\d{{4}})")


def tanggal_tercetak(pola, teks):
    """``[(day or None, date of the month's first day or the day)]``."""
    hasil = []
    for hari, bulan, tahun in pola.findall(teks):
        bulan_ke = BULAN.index(bulan) + 1
        hasil.append(
            (hari or None, datetime.date(int(tahun), bulan_ke, int(hari or 1)))
        )
    return hasil


@dataclass
class Bagian:
    kunci: str
    jenis: str
    teks: str


@pytest.fixture(scope="session")
def bagian_bertanggal(django_db_setup, django_db_blocker):
    """The seed's meeting documents, pernyataan pages, evaluation tables,
    recommendations and three sub kegiatan reports, built as one package
    selection; the text of each part."""
    with django_db_blocker.unblock():
        instansi = Instansi.objects.get(kode="disnakertrans-lutim")
        sub = list(
            SubKegiatan.objects.filter(
                kegiatan__program__tahun=2024,
                kegiatan__program__periode__instansi=instansi,
            ).order_by("kode")
        )
        pilihan = [UNDANGAN, DAFTAR_HADIR, PERNYATAAN, "evaluasi", REKOMENDASI]
        pilihan += [f"{SUB_KEGIATAN}-{s.pk}" for s in (sub[0], sub[len(sub) // 2])]
        pilihan.append(f"{SUB_KEGIATAN}-{sub[-1].pk}")
        hasil = rakit_paket(instansi, 2024, 1, pilihan=pilihan, pakai_cache=False)
        kalender = susun_kalender(instansi, 2024, 1)
        undangan = UndanganRapat.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    pembaca = PdfReader(io.BytesIO(hasil.isi))
    bagian = []
    for b in hasil.bagian:
        halaman = pembaca.pages[b.halaman_awal : b.halaman_awal + b.jumlah_halaman]
        teks = " ".join(" ".join(h.extract_text() for h in halaman).split())
        bagian.append(Bagian(b.kunci, b.jenis, teks))
    return instansi.kota, kalender, undangan, bagian


def test_calendar_of_the_seed(bagian_bertanggal):
    _, kalender, undangan, _ = bagian_bertanggal
    assert kalender.tanggal_rapat == datetime.date(2024, 5, 20) == undangan.tanggal
    assert kalender.tanggal_laporan == datetime.date(2024, 4, 3)


def test_every_signature_block_prints_a_full_date(bagian_bertanggal):
    kota, _, _, bagian = bagian_bertanggal
    pola = pola_tanggal(kota)
    jenis = {b.jenis for b in bagian}
    assert jenis >= SESUDAH_RAPAT | {UNDANGAN, DAFTAR_HADIR, SUB_KEGIATAN}
    for b in bagian:
        tanggal = tanggal_tercetak(pola, b.teks)
        assert tanggal, (b.kunci, b.teks[-400:])
        tanpa_hari = [t for hari, t in tanggal if hari is None]
        assert not tanpa_hari, (b.kunci, tanpa_hari)
        assert "(tanggal belum ditetapkan)" not in b.teks, b.kunci


def test_evaluation_documents_are_dated_on_or_after_the_meeting(bagian_bertanggal):
    kota, kalender, _, bagian = bagian_bertanggal
    pola = pola_tanggal(kota)
    sesudah = [b for b in bagian if b.jenis in SESUDAH_RAPAT]
    # 15 pernyataan pages, the tables and the four units' recommendations
    assert sum(b.jenis == PERNYATAAN for b in sesudah) == 15
    assert sum(b.jenis == REKOMENDASI for b in sesudah) == 4
    assert sum(b.jenis in (EVALUASI_UNIT, EVALUASI_PEJABAT) for b in sesudah) > 10
    for b in sesudah:
        for _, tanggal in tanggal_tercetak(pola, b.teks):
            assert tanggal >= kalender.tanggal_rapat, (b.kunci, tanggal)


def test_reports_and_meeting_documents_take_their_own_dates(bagian_bertanggal):
    kota, kalender, undangan, bagian = bagian_bertanggal
    pola = pola_tanggal(kota)
    for b in bagian:
        tanggal = {t for _, t in tanggal_tercetak(pola, b.teks)}
        if b.jenis == SUB_KEGIATAN:
            assert tanggal == {kalender.tanggal_laporan}, b.kunci
        elif b.jenis == UNDANGAN:
            assert tanggal == {undangan.tanggal}, b.kunci
        elif b.jenis == DAFTAR_HADIR:
            assert tanggal == {kalender.tanggal_rapat}, b.kunci
