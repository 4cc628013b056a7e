"""Writes to the reports: preparing a quarter from the previous one, saving text
and supporting tables, and refusing bad input or other roles."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from lakip.services import buat_akun_demo
from laporan import services
from laporan.models import DataDukung, Laporan, TeksLaporan
from renstra.models import Sasaran

pytestmark = pytest.mark.django_db


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    User = get_user_model()
    return {u.username: u for u in User.objects.all()}


def test_new_quarter_starts_from_the_previous_text(instansi, akun):
    perencanaan = akun["perencanaan"]
    tw1 = Laporan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    laporan, dibuat = services.siapkan_laporan(instansi, 2024, 2, perencanaan)
    assert dibuat and laporan.dibuat_oleh == perencanaan
    assert laporan.tanggal == datetime.date(2024, 7, 25)
    assert laporan.teks.count() == tw1.teks.count() > 40
    assert laporan.data_dukung.count() == tw1.data_dukung.count() == 2
    asli = tw1.teks.get(bagian="kata_pengantar").teks
    assert laporan.teks.get(bagian="kata_pengantar").teks == asli
    # Editing the copy leaves TW I unchanged; preparing again changes nothing.
    services.simpan_teks(
        laporan, {("kata_pengantar", ""): "Teks baru TW II."}, perencanaan
    )
    assert tw1.teks.get(bagian="kata_pengantar").teks == asli
    assert services.siapkan_laporan(instansi, 2024, 2, perencanaan) == (
        laporan,
        False,
    )


def test_only_perencanaan_writes(instansi, akun):
    tw1 = Laporan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    for nama in ["kadis", "pemeriksa", "operator.hi"]:
        with pytest.raises(PermissionDenied):
            services.siapkan_laporan(instansi, 2024, 3, akun[nama])
        with pytest.raises(PermissionDenied):
            services.simpan_teks(tw1, {("penutup", ""): "x"}, akun[nama])
    assert not Laporan.objects.filter(tahun=2024, triwulan=3).exists()


def test_save_text_records_who_and_only_changes(instansi, akun):
    perencanaan = akun["perencanaan"]
    tw1 = Laporan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    lama = tw1.teks.get(bagian="penutup").teks
    jumlah = services.simpan_teks(
        tw1,
        {("penutup", ""): lama, ("kendala", ""): "- satu\r\n- dua"},
        perencanaan,
        tanggal=datetime.date(2024, 4, 26),
    )
    assert jumlah == 2  # kendala and the date; penutup unchanged
    kendala = tw1.teks.get(bagian="kendala")
    assert kendala.teks == "- satu\n- dua"
    assert kendala.diubah_oleh == perencanaan
    tw1.refresh_from_db()
    assert tw1.tanggal == datetime.date(2024, 4, 26)
    assert tw1.diubah_oleh == perencanaan


def test_bad_sections_change_nothing(instansi, akun):
    tw1 = Laporan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    sebelum = list(TeksLaporan.objects.values_list("pk", "teks"))
    for perubahan, pesan in [
        ({("bukan_bagian", ""): "x"}, "tidak dikenal"),
        ({("penutup", "S1"): "x"}, "tidak sesuai"),
        ({("narasi", ""): "x"}, "tidak sesuai"),
    ]:
        with pytest.raises(services.LaporanTidakValid, match=pesan):
            services.simpan_teks(
                tw1, {("penutup", ""): "diubah", **perubahan}, akun["perencanaan"]
            )
    assert list(TeksLaporan.objects.values_list("pk", "teks")) == sebelum


def test_table_parsing():
    assert services.baca_tabel("A\tB\n1\t2\n3\t4\n") == (
        ["A", "B"],
        [["1", "2"], ["3", "4"]],
    )
    assert services.baca_tabel("No | Lokasi\n1 | Mahalona") == (
        ["No", "Lokasi"],
        [["1", "Mahalona"]],
    )
    with pytest.raises(services.LaporanTidakValid, match="Baris 3 berisi 3 sel"):
        services.baca_tabel("A|B\n1|2\n1|2|3")
    with pytest.raises(services.LaporanTidakValid, match="kosong"):
        services.baca_tabel(" \n")


def test_supporting_table_save_and_delete(instansi, akun):
    perencanaan = akun["perencanaan"]
    tw1 = Laporan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    s3 = Sasaran.objects.get(kode="S3")
    tabel = services.simpan_data_dukung(
        tw1,
        perencanaan,
        judul="Nilai SAKIP 2021-2023",
        pemilik=s3,
        tabel="Tahun | Nilai\n2022 | 74,10\n2023 | 75,40",
        keterangan="Sumber: Inspektorat",
    )
    assert (tabel.sasaran, tabel.indikator) == (s3, None)
    assert tabel.baris == [["2022", "74,10"], ["2023", "75,40"]]
    assert services.tulis_tabel(tabel).splitlines()[0] == "Tahun | Nilai"
    with pytest.raises(services.LaporanTidakValid, match="Judul"):
        services.simpan_data_dukung(
            tw1, perencanaan, judul=" ", pemilik=s3, tabel="A|B\n1|2"
        )
    services.hapus_data_dukung(tabel, perencanaan)
    assert not DataDukung.objects.filter(pk=tabel.pk).exists()
