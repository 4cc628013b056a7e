"""The quarter's calendar: defaults, the service's rules, the screen."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lakip.peran import Peran
from lakip.services import jadikan_anggota
from laporan import kalender
from laporan.models import JadwalRapat, KalenderTriwulan, UndanganRapat
from laporan.sintetis import buat_instansi

SENIN_RAPAT = datetime.date(2024, 5, 20)  # rapat-evaluasi-2024-tw1.yaml


def _keadaan():
    return list(
        KalenderTriwulan.objects.order_by("pk").values(
            "pk", "instansi", "tahun", "triwulan", *kalender.BIDANG, "diubah_pada"
        )
    )


def _perencanaan(username, instansi):
    user = User.objects.create_user(username)
    user.groups.add(Group.objects.get(name=Peran.PERENCANAAN.value))
    return jadikan_anggota(user, instansi)


def test_seed_calendar_of_tw1_2024(instansi):
    kal = kalender.susun_kalender(instansi, 2024, 1)
    assert kal.akhir_triwulan == datetime.date(2024, 3, 31)
    # the seed's sub kegiatan reports: "Malili, 3 April 2024"
    assert kal.tanggal_laporan == datetime.date(2024, 4, 3)
    assert kal.tanggal_rapat == SENIN_RAPAT
    # not entered: the last day of the schedule
    assert "tanggal_terbit" not in kal.diisi
    assert kal.tanggal_terbit == max(
        JadwalRapat.objects.filter(undangan__instansi=instansi).values_list(
            "tanggal", flat=True
        )
    )
    # the LAKIP keeps its own date (Laporan.tanggal, 25 April 2024)
    assert kal.tanggal_lakip == datetime.date(2024, 4, 25)


def test_defaults_without_entries_follow_the_schedule(instansi):
    KalenderTriwulan.objects.all().delete()
    kal = kalender.susun_kalender(instansi, 2024, 1)
    assert kal.diisi == frozenset()
    # 31 Maret 2024 is a Sunday: the first working day after is Monday 1 April
    assert kal.tanggal_laporan == datetime.date(2024, 4, 1)
    assert kal.tanggal_rapat == SENIN_RAPAT
    # a unit meeting moved to the next day moves the issue date, not the meeting
    jadwal = JadwalRapat.objects.filter(undangan__instansi=instansi).last()
    jadwal.tanggal = datetime.date(2024, 5, 21)
    jadwal.save()
    kal = kalender.susun_kalender(instansi, 2024, 1)
    assert kal.tanggal_rapat == SENIN_RAPAT
    assert kal.tanggal_terbit == datetime.date(2024, 5, 21)


def test_defaults_without_invitation(instansi):
    UndanganRapat.objects.filter(instansi=instansi, tahun=2024, triwulan=1).delete()
    KalenderTriwulan.objects.all().delete()
    kal = kalender.susun_kalender(instansi, 2024, 2)
    # 30 Juni 2024 is a Sunday
    assert kal.tanggal_laporan == datetime.date(2024, 7, 1)
    assert kal.tanggal_rapat == kal.tanggal_laporan == kal.tanggal_terbit
    assert kal.tanggal_lakip == datetime.date(2024, 7, 25)


def test_perencanaan_saves_and_history_is_kept(instansi):
    user = _perencanaan("uji.kalender", instansi)
    kal = kalender.simpan_kalender(
        instansi,
        2024,
        1,
        {"tanggal_terbit": datetime.date(2024, 5, 27)},
        oleh=user,
    )
    assert kal.tanggal_terbit == datetime.date(2024, 5, 27)
    # the dates not given keep what was saved
    assert kal.tanggal_laporan == datetime.date(2024, 4, 3)
    catatan = KalenderTriwulan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    assert catatan.diubah_oleh == user and catatan.diubah_pada is not None


@pytest.mark.parametrize(
    "isian,pesan",
    [
        (
            {"tanggal_rapat": datetime.date(2024, 3, 28)},
            r"Tanggal rapat evaluasi \(28 Maret 2024\) sebelum akhir Triwulan I "
            r"2024 \(31 Maret 2024\)",
        ),
        (
            {"tanggal_laporan": datetime.date(2024, 5, 22)},
            r"Rapat evaluasi \(20 Mei 2024\) tidak boleh sebelum tanggal laporan",
        ),
        (
            {"tanggal_rapat": datetime.date(2024, 5, 13)},
            r"tidak sesuai jadwal undangan rapat \(20 Mei 2024\)",
        ),
        (
            {"tanggal_terbit": datetime.date(2024, 5, 17)},
            r"Tanggal terbit \(17 Mei 2024\) tidak boleh sebelum rapat evaluasi",
        ),
        (
            {"tanggal_terbit": datetime.date(2031, 1, 1)},
            r"terlalu jauh dari tahun 2024",
        ),
    ],
)
def test_dates_against_the_process_are_refused(instansi, isian, pesan):
    user = _perencanaan("uji.kalender", instansi)
    sebelum = _keadaan()
    with pytest.raises(kalender.KalenderTidakValid, match=pesan):
        kalender.simpan_kalender(instansi, 2024, 1, isian, oleh=user)
    assert _keadaan() == sebelum


def test_only_perencanaan_keeps_the_calendar(instansi):
    user = User.objects.create_user("uji.kabid")
    user.groups.add(Group.objects.get(name=Peran.KEPALA_UNIT.value))
    jadikan_anggota(user, instansi)
    sebelum = _keadaan()
    with pytest.raises(PermissionDenied):
        kalender.simpan_kalender(
            instansi, 2024, 1, {"tanggal_terbit": SENIN_RAPAT}, oleh=user
        )
    with pytest.raises(kalender.KalenderTidakValid, match="Tahun"):
        kalender.simpan_kalender(
            instansi, 1800, 1, {}, oleh=_perencanaan("uji.p", instansi)
        )
    assert _keadaan() == sebelum


def test_screen_saves_and_refuses_with_an_indonesian_message(client, instansi):
    client.force_login(_perencanaan("uji.kalender", instansi))
    url = reverse("laporan:kalender", args=[2024, 1])
    halaman = client.get(url)
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    assert "3 April 2024" in teks and "20 Mei 2024" in teks
    sebelum = _keadaan()
    buruk = client.post(
        url,
        {"tanggal_laporan": "2024-04-03", "tanggal_rapat": "2024-03-01"},
    )
    assert buruk.status_code == 400
    assert "sebelum akhir Triwulan I 2024" in buruk.content.decode()
    assert _keadaan() == sebelum
    rusak = client.post(url, {"tanggal_terbit": "20-20-2024"})
    assert rusak.status_code == 400
    assert "Masukkan tanggal yang benar" in rusak.content.decode()
    assert _keadaan() == sebelum
    baik = client.post(
        url,
        {
            "tanggal_laporan": "2024-04-03",
            "tanggal_rapat": "2024-05-20",
            "tanggal_terbit": "2024-05-24",
        },
    )
    assert baik.status_code == 302
    kal = kalender.susun_kalender(instansi, 2024, 1)
    assert kal.tanggal_terbit == datetime.date(2024, 5, 24)
    assert "24 Mei 2024" in client.get(url).content.decode()


def test_another_agency_neither_sees_nor_changes_the_calendar(client, instansi):
    lain = buat_instansi(1)
    client.force_login(_perencanaan("b.kalender", lain))
    url = reverse("laporan:kalender", args=[2024, 1])
    halaman = client.get(url).content.decode()
    # agency B sees its own (default) calendar, not agency A's 3 April
    assert "3 April 2024" not in halaman
    sebelum = KalenderTriwulan.objects.get(instansi=instansi)
    respons = client.post(url, {"tanggal_laporan": "2024-04-05"})
    assert respons.status_code == 302
    sesudah = KalenderTriwulan.objects.get(instansi=instansi)
    assert (sesudah.tanggal_laporan, sesudah.diubah_pada) == (
        sebelum.tanggal_laporan,
        sebelum.diubah_pada,
    )
    milik_b = KalenderTriwulan.objects.get(instansi=lain)
    assert milik_b.tanggal_laporan == datetime.date(2024, 4, 5)


def test_reader_sees_the_calendar_but_no_form(client, instansi):
    user = User.objects.create_user("uji.pemeriksa")
    user.groups.add(Group.objects.get(name=Peran.PEMERIKSA.value))
    client.force_login(jadikan_anggota(user, instansi))
    url = reverse("laporan:kalender", args=[2024, 1])
    teks = client.get(url).content.decode()
    assert "3 April 2024" in teks and "form-kalender" not in teks
    assert client.post(url, {"tanggal_terbit": "2024-05-24"}).status_code == 403
