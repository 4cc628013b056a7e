"""The lock follows the numbers (realisasi.kunci through renstra.penjaga): no
plan edit may change a Disahkan quarter's figures until it is unlocked."""

import datetime

import pytest
from django.urls import reverse

from realisasi.models import EntriTriwulan, StatusEntri
from realisasi.services import ubah_status
from renstra.models import Indikator, SubKegiatan, TargetIndikator
from renstra.services import TolakRencana, simpan_perubahan_dpa, simpan_target
from tests.bantuan import isian_formulir


@pytest.fixture
def sub():
    return SubKegiatan.objects.get(kode="2.07.05.2.01.0001")


@pytest.fixture
def hi_disahkan(akun, hi):
    for nama, aksi in [
        ("kabid.hi", "ajukan"),
        ("perencanaan", "verifikasi"),
        ("kadis", "sahkan"),
    ]:
        ubah_status(akun[nama], hi, 2024, 1, aksi)
    assert EntriTriwulan.objects.get(unit=hi, tahun=2024, triwulan=1).terkunci
    return hi


def _pindah(client, sub, unit):
    url = reverse("renstra:sub_kegiatan_ubah", args=[sub.pk])
    data = isian_formulir(client.get(url).content.decode())
    data["unit"] = unit.pk
    return client.post(url, data)


def test_the_side_door_is_shut(client, akun, hi, pk, sub, hi_disahkan):
    """Moving a sub kegiatan from a Disahkan unit to a Draf unit (to save there
    and move it back) is refused, and so is the way back."""
    assert sub.unit == hi
    client.force_login(akun["perencanaan"])
    respons = _pindah(client, sub, pk)
    halaman = respons.content.decode()
    assert "sudah disahkan dan terkunci" in halaman
    assert "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja 2024 TW I" in (
        halaman
    )
    sub.refresh_from_db()
    assert sub.unit == hi
    # a sub kegiatan of the Draf unit cannot be moved into the locked one either
    lain = SubKegiatan.objects.filter(unit=pk, kegiatan__program__tahun=2024).first()
    assert "terkunci" in _pindah(client, lain, hi).content.decode()
    lain.refresh_from_db()
    assert lain.unit == pk
    # a change that moves no figure (the name) is allowed
    url = reverse("renstra:sub_kegiatan_ubah", args=[sub.pk])
    data = isian_formulir(client.get(url).content.decode())
    data["nama"] = sub.nama + " (ejaan)"
    assert client.post(url, data).status_code == 302
    # unlocked with a reason, the move goes through
    ubah_status(akun["perencanaan"], hi, 2024, 1, "buka_kunci", "Pindah unit")
    assert _pindah(client, sub, pk).status_code == 302
    sub.refresh_from_db()
    assert sub.unit == pk


def test_targets_budget_and_indicators_of_a_locked_quarter(
    akun, hi, instansi, sub, hi_disahkan
):
    ind = Indikator.objects.get(sub_kegiatan=sub)
    target = TargetIndikator.objects.get(indikator=ind, tahun=2024)
    with pytest.raises(TolakRencana, match="Perubahan target 2024 ini .* terkunci"):
        simpan_target(
            instansi,
            ind,
            2024,
            {"target_tw4": target.target_tw4 + 1},
            akun["perencanaan"],
        )
    with pytest.raises(TolakRencana, match="DPA perubahan ini .* terkunci"):
        simpan_perubahan_dpa(
            instansi,
            sub,
            50_000_000,
            [10_000_000, 10_000_000, 10_000_000, 10_000_000],
            datetime.date(2024, 9, 1),
            "Pergeseran",
            akun["perencanaan"],
        )
    assert not sub.anggaran.filter(versi="perubahan").exists()
    # another year's targets are not locked
    simpan_target(instansi, ind, 2025, {"target": 5}, akun["perencanaan"])
    assert TargetIndikator.objects.get(indikator=ind, tahun=2025).target == 5


def test_indicator_fields_that_move_figures_are_refused_by_the_form(
    client, akun, sub, hi_disahkan
):
    ind = Indikator.objects.get(sub_kegiatan=sub)
    url = reverse("renstra:indikator_ubah", args=[ind.pk])
    client.force_login(akun["perencanaan"])
    data = isian_formulir(client.get(url).content.decode())
    data["polaritas"] = "turun" if ind.polaritas == "naik" else "naik"
    halaman = client.post(url, data).content.decode()
    assert "Perubahan indikator ini akan mengubah angka triwulan" in halaman
    ind.refresh_from_db()
    assert ind.polaritas != data["polaritas"]
    assert EntriTriwulan.objects.get(unit=sub.unit, triwulan=1).status == (
        StatusEntri.DISAHKAN
    )


def test_a_budget_import_into_a_locked_quarter_is_refused(
    akun, instansi, hi, hi_disahkan
):
    from renstra.impor_sipd import GalatImpor, konfirmasi_impor
    from renstra.models import AnggaranSubKegiatan, ImporSIPD
    from tests import sipd_xlsx

    tambahan = sipd_xlsx.baris_rekening(
        "2.07.05.2.01.0001", ("5.1.02.99.99.9999", "Belanja baru"), 1_000_000
    )
    rekaman, pratinjau = sipd_xlsx.unggah(
        instansi, "dpa", sipd_xlsx.dpa(tambahan=[tambahan]), akun["perencanaan"]
    )
    assert pratinjau.galat == []
    pagu = AnggaranSubKegiatan.objects.get(
        sub_kegiatan__kode="2.07.05.2.01.0001", versi="murni"
    ).pagu
    with pytest.raises(GalatImpor, match="Impor anggaran ini .* terkunci"):
        konfirmasi_impor(rekaman, akun["perencanaan"])
    rekaman.refresh_from_db()
    assert rekaman.status == ImporSIPD.Status.PRATINJAU
    assert (
        AnggaranSubKegiatan.objects.get(
            sub_kegiatan__kode="2.07.05.2.01.0001", versi="murni"
        ).pagu
        == pagu
    )
    # unlocked with a reason, the import applies
    ubah_status(akun["perencanaan"], hi, 2024, 1, "buka_kunci", "DPA dikoreksi")
    konfirmasi_impor(rekaman, akun["perencanaan"])
    assert (
        AnggaranSubKegiatan.objects.get(
            sub_kegiatan__kode="2.07.05.2.01.0001", versi="murni"
        ).pagu
        == pagu + 1_000_000
    )


def test_the_admin_is_no_side_door(client, akun, hi, pk, sub, hi_disahkan):
    """The admin's forms follow the same rule: moving the sub kegiatan out of
    the Disahkan unit, or changing its target in the inline, is refused with
    the reason and saves nothing; its name may still be corrected."""
    client.force_login(akun["perencanaan"])
    url = reverse("admin:renstra_subkegiatan_change", args=[sub.pk])
    data = isian_formulir(client.get(url).content.decode(), "subkegiatan_form")
    data["unit"] = str(pk.pk)
    halaman = client.post(url, data).content.decode()
    assert "terkunci" in halaman
    sub.refresh_from_db()
    assert sub.unit == hi

    ind = Indikator.objects.get(sub_kegiatan=sub)
    url = reverse("admin:renstra_indikator_change", args=[ind.pk])
    data = isian_formulir(client.get(url).content.decode(), "indikator_form")
    kunci = next(k for k, v in data.items() if k.endswith("-tahun") and v == "2024")
    kolom = kunci.replace("-tahun", "-target_tw1")
    lama = TargetIndikator.objects.get(indikator=ind, tahun=2024).target_tw1
    data[kolom] = str(lama + 1)
    halaman = client.post(url, data).content.decode()
    assert "terkunci" in halaman
    assert TargetIndikator.objects.get(indikator=ind, tahun=2024).target_tw1 == lama

    url = reverse("admin:renstra_subkegiatan_change", args=[sub.pk])
    data = isian_formulir(client.get(url).content.decode(), "subkegiatan_form")
    data["nama"] = sub.nama + " (ejaan)"
    assert client.post(url, data).status_code == 302
