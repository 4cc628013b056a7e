"""realisasi.ringkasan: the entry sheets kept per data version, their plan part
per plan version."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from realisasi.ringkasan import lembar_tersimpan, status_instansi
from realisasi.selectors import lembar_entri
from realisasi.services import simpan_realisasi
from renstra.models import TargetIndikator
from tests.bantuan import proses_baru


def _nilai(lembar):
    return {
        b.indikator.pk: (b.nilai, b.realisasi and b.realisasi.keterangan, b.target_tw)
        for b in lembar.semua_indikator()
    }


def _simpan_pertama(akun, hi, lembar, nilai, keterangan):
    """Save ``nilai`` with ``keterangan`` for the first indicator of
    ``lembar``'s first sub kegiatan (TW I 2024) as the unit's Operator;
    returns its row."""
    baris = lembar.blok[0].indikator[0]
    isian = {"nilai": nilai, "keterangan": keterangan}
    simpan_realisasi(
        akun["operator.hi"],
        hi,
        2024,
        1,
        {"indikator": {baris.indikator.pk: isian}},
        lembar.entri.versi,
    )
    return baris


def test_a_save_reads_the_realisations_again_not_the_plan(akun, hi, tw1_dibuka):
    awal = lembar_tersimpan(hi, 2024, 1)
    baris = _simpan_pertama(akun, hi, awal, "7", "baru")
    with CaptureQueriesContext(connection) as kueri:
        sesudah = lembar_tersimpan(hi, 2024, 1)
    assert _nilai(sesudah) == _nilai(lembar_entri(hi, 2024, 1)) != _nilai(awal)
    assert _nilai(sesudah)[baris.indikator.pk][:2] == (7, "baru")
    sql = [q["sql"] for q in kueri.captured_queries]
    assert any('FROM "realisasi_realisasiindikator"' in q for q in sql)
    assert not any('FROM "renstra_indikator"' in q for q in sql)

    # A target changed: the plan is read again and the sheet shows it.
    target = TargetIndikator.objects.get(indikator=baris.indikator, tahun=2024)
    target.target_tw1 = 99
    target.save()
    with CaptureQueriesContext(connection) as kueri:
        lagi = lembar_tersimpan(hi, 2024, 1)
    assert _nilai(lagi)[baris.indikator.pk][2] == 99
    assert any('FROM "renstra_indikator"' in q["sql"] for q in kueri.captured_queries)


def test_the_status_rows_follow_a_save(akun, instansi, hi, tw1_dibuka):
    def versi():
        return {s.unit.pk: s.entri.versi for s in status_instansi(instansi, 2024, 1)}

    awal = versi()
    _simpan_pertama(akun, hi, lembar_entri(hi, 2024, 1), "5", "ubah")
    assert versi() == {**awal, hi.pk: awal[hi.pk] + 1}


def test_another_process_reads_the_sheet_with_its_own_plan(akun, hi, tw1_dibuka):
    """The sheet is stored with references to its plan part: a new process
    reads the saved values from the shared cache, its indicators being its
    own copy of the plan part, without reading the plan or the realisations."""
    baris = _simpan_pertama(akun, hi, lembar_tersimpan(hi, 2024, 1), "5", "lain")
    disimpan = lembar_tersimpan(hi, 2024, 1)
    proses_baru()
    with CaptureQueriesContext(connection) as kueri:
        dibaca = lembar_tersimpan(hi, 2024, 1)
    assert not any(
        "renstra_" in q["sql"] or "realisasi_" in q["sql"]
        for q in kueri.captured_queries
    )
    assert _nilai(dibaca) == _nilai(disimpan) == _nilai(lembar_entri(hi, 2024, 1))
    assert _nilai(dibaca)[baris.indikator.pk][:2] == (5, "lain")
    indikator = {id(b.indikator) for b in dibaca.semua_indikator()}
    assert indikator.isdisjoint(id(b.indikator) for b in disimpan.semua_indikator())
