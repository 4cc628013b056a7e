"""The cached report data: read once per change, and never stale after any kind
of write (entry save, Excel import, SIPD import, workflow transition, plan edit,
budget revision, an edit as the admin saves it, a delete)."""

import datetime
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from lakip import acuan
from lakip.models import Instansi, UnitKerja
from lakip.services import buat_akun_demo
from lakip.versi_data import instansi_dari, versi_data
from laporan.data import bangun_data_laporan
from laporan.data_tersimpan import data_laporan, rencana_laporan
from laporan.ekspor_json import data_json
from realisasi.excel import impor_xlsx
from realisasi.models import RealisasiAnggaran
from realisasi.selectors import lembar_entri
from realisasi.services import atur_periode_entri, simpan_realisasi, ubah_status
from renstra import services as renstra_services
from renstra.models import Indikator, SubKegiatan, TargetIndikator
from tests import sipd_xlsx
from tests.bantuan import proses_baru

PENGESAHAN = "2.07.05.2.01.0001"  # Bidang HI; realisasi TW I 2.000.000


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    atur_periode_entri(
        get_user_model().objects.get(username="perencanaan"), instansi, 2024, 1, True
    )
    return {u.username: u for u in get_user_model().objects.all()}


@pytest.fixture
def hi(instansi):
    return UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")


@pytest.fixture
def sub(instansi):
    return SubKegiatan.objects.get(kode=PENGESAHAN)


def _segar(instansi):
    return data_json(bangun_data_laporan(instansi, 2024, 1))


def _tersimpan(instansi):
    return data_json(data_laporan(instansi, 2024, 1))


def test_read_once_then_from_the_cache(instansi):
    with CaptureQueriesContext(connection) as pertama:
        a = _tersimpan(instansi)
    with CaptureQueriesContext(connection) as kedua:
        b = _tersimpan(instansi)
    assert a == b == _segar(instansi)
    assert a["anggaran"]["pagu"] == 7_897_427_349
    assert len(kedua) < len(pertama)
    assert not any("realisasi_" in q["sql"] for q in kedua.captured_queries)


def _simpan_entri(akun, hi, sub, instansi):
    lembar = lembar_entri(hi, 2024, 1)
    simpan_realisasi(
        akun["operator.hi"],
        hi,
        2024,
        1,
        {"anggaran": {sub.pk: "9.000.000"}},
        lembar.entri.versi,
    )


def _impor_excel(akun, hi, sub, instansi):
    from realisasi.excel import buat_xlsx

    wb = load_workbook(BytesIO(buat_xlsx(lembar_entri(hi, 2024, 1))))
    ws = wb["Entri"]
    baris = next(
        r[0].row for r in ws.iter_rows(min_row=7) if r[0].value == f"a:{sub.pk}"
    )
    ws[f"H{baris}"] = 7_000_000
    keluaran = BytesIO()
    wb.save(keluaran)
    impor_xlsx(
        akun["operator.hi"],
        lembar_entri(hi, 2024, 1),
        SimpleUploadedFile("entri.xlsx", keluaran.getvalue()),
    )


def _ubah_target(akun, hi, sub, instansi):
    ind = Indikator.objects.get(sub_kegiatan=sub)
    target = ind.target.get(tahun=2024)
    nilai = {k: getattr(target, k) for k in renstra_services.KOLOM_TARGET}
    renstra_services.simpan_target(
        instansi, ind, 2024, {**nilai, "target_tw1": 8}, akun["perencanaan"]
    )


def _revisi_dpa(akun, hi, sub, instansi):
    renstra_services.simpan_perubahan_dpa(
        instansi,
        sub,
        40_000_000,
        [9_000_000, 10_000_000, 10_000_000, 11_000_000],
        datetime.date(2024, 9, 2),
        "Tambahan kegiatan pengesahan.",
        akun["perencanaan"],
    )


def _simpan_seperti_admin(akun, hi, sub, instansi):
    target = TargetIndikator.objects.get(indikator__sub_kegiatan=sub, tahun=2024)
    target.target_tw1 = 2
    target.save()


def _hapus(akun, hi, sub, instansi):
    RealisasiAnggaran.objects.filter(sub_kegiatan=sub).delete()


@pytest.mark.parametrize(
    "tulis",
    [
        _simpan_entri,
        _impor_excel,
        _ubah_target,
        _revisi_dpa,
        _simpan_seperti_admin,
        _hapus,
    ],
    ids=lambda f: f.__name__.strip("_"),
)
def test_every_write_shows_its_new_figures(instansi, akun, hi, sub, tulis):
    sebelum = _tersimpan(instansi)
    assert sebelum == _segar(instansi)
    tulis(akun, hi, sub, instansi)
    sesudah = _tersimpan(instansi)
    assert sesudah != sebelum
    assert sesudah == _segar(instansi)


def test_workflow_transition_changes_the_version(instansi, akun, hi):
    _tersimpan(instansi)
    lama = versi_data(instansi.pk)
    ubah_status(akun["kabid.hi"], hi, 2024, 1, "ajukan")
    assert versi_data(instansi.pk) != lama
    assert _tersimpan(instansi) == _segar(instansi)


def test_sipd_import_into_an_agency_shows_its_budget(instansi_kosong, pengguna):
    assert data_laporan(instansi_kosong, 2024, 1).anggaran.pagu == 0
    sipd_xlsx.impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    assert data_laporan(instansi_kosong, 2024, 1).anggaran.pagu == 7_897_427_349


def test_the_dashboard_shows_a_saved_value_at_once(client, instansi, akun, hi, sub):
    client.force_login(akun["kadis"])
    url = reverse("laporan:dasbor") + "?tahun=2024&triwulan=1"
    assert "725.550.029" in client.get(url).content.decode()
    _simpan_entri(akun, hi, sub, instansi)  # 2.000.000 -> 9.000.000
    assert "732.550.029" in client.get(url).content.decode()


def test_a_write_changes_only_its_own_agency_version(instansi, instansi_kosong, sub):
    kosong = versi_data(instansi_kosong.pk)
    lama = versi_data(instansi.pk)
    RealisasiAnggaran.objects.filter(sub_kegiatan=sub).update(jumlah=1)  # no signal
    sub.nama = "Pengesahan Peraturan Perusahaan (ubah)"
    sub.save()
    assert versi_data(instansi.pk) != lama
    assert versi_data(instansi_kosong.pk) == kosong


def test_agency_of_a_row_found_through_its_owners(instansi, sub):
    ind = Indikator.objects.get(sub_kegiatan=sub)
    assert instansi_dari(ind) == {instansi.pk}
    assert instansi_dari(ind.target.get(tahun=2024)) == {instansi.pk}
    assert instansi_dari(Instansi(pk=999)) == {999}


def test_a_saved_realisation_reads_the_realisations_again_not_the_plan(
    akun, hi, sub, instansi
):
    """After an entry save the report data is computed again from the plan as
    kept (``rencana_laporan``, renewed only by a plan write) and the
    realisations read anew; after a plan edit the plan is read again."""
    awal = _tersimpan(instansi)
    _simpan_entri(akun, hi, sub, instansi)
    with CaptureQueriesContext(connection) as kueri:
        sesudah = _tersimpan(instansi)
    assert sesudah == _segar(instansi) != awal
    sql = [q["sql"] for q in kueri.captured_queries]
    assert any("realisasi_realisasianggaran" in q for q in sql)
    assert not any('FROM "renstra_indikator"' in q for q in sql)

    _ubah_target(akun, hi, sub, instansi)
    with CaptureQueriesContext(connection) as kueri:
        assert _tersimpan(instansi) == _segar(instansi)
    assert any('FROM "renstra_indikator"' in q["sql"] for q in kueri.captured_queries)


def test_another_process_reads_the_data_with_its_own_plan(akun, hi, sub, instansi):
    """The report data is stored with references to the plan it was built
    from: another process reads the same figures, its plan objects being that
    process's copy of the plan, read from the shared cache, not the database."""
    _simpan_entri(akun, hi, sub, instansi)
    disimpan = data_laporan(instansi, 2024, 1)
    proses_baru()
    with CaptureQueriesContext(connection) as kueri:
        dibaca = data_laporan(instansi, 2024, 1)
    assert not any("renstra_" in q["sql"] for q in kueri.captured_queries)
    assert data_json(dibaca) == data_json(disimpan) == _segar(instansi)
    rencana = rencana_laporan(instansi, 2024)
    assert rencana is not None
    assert {id(i.objek) for i in dibaca.indikator} <= {id(i) for i in rencana.indikator}


def test_data_whose_plan_copy_differs_is_computed_again(akun, hi, sub, instansi):
    """A reference to a plan object that this process's plan holds elsewhere
    is a miss, never a wrong object: the data is computed again."""
    data_laporan(instansi, 2024, 1)
    proses_baru()
    rencana = rencana_laporan(instansi, 2024)
    # Its objects as a copy read in another order would number them.
    acuan.daftarkan(rencana, acuan.simpan(rencana, catat=True)[1][::-1])
    with CaptureQueriesContext(connection) as kueri:
        dibaca = data_laporan(instansi, 2024, 1)
    assert any("realisasi_" in q["sql"] for q in kueri.captured_queries)
    assert data_json(dibaca) == _segar(instansi)
