import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from lakip.models import Pegawai, RiwayatOrganisasi, UnitKerja
from lakip.peran import Peran, peran_pengguna
from lakip.services import (
    PASSWORD_DEMO,
    buat_akun_demo,
    buat_tautan_reset,
    jadikan_anggota,
    ubah_jabatan,
)
from laporan.sintetis import buat_instansi


def test_one_demo_account_per_role(instansi):
    akun = buat_akun_demo(instansi)
    assert {peran for _, peran, _ in akun} == set(Peran)
    User = get_user_model()
    kadis = User.objects.get(username="kadis")
    assert kadis.check_password(PASSWORD_DEMO)
    assert peran_pengguna(kadis) == {Peran.PIMPINAN}
    assert kadis.pegawai.nama == "KAMAL RASYID"
    operator = User.objects.get(username="operator.hi")
    assert operator.pegawai.unit.kode == "bidang-hi"
    assert peran_pengguna(operator) == {Peran.OPERATOR_UNIT}
    perencanaan = User.objects.get(username="perencanaan")
    assert peran_pengguna(perencanaan) == {Peran.PERENCANAAN, Peran.KEPALA_UNIT}


def test_demo_accounts_are_idempotent(instansi):
    buat_akun_demo(instansi)
    buat_akun_demo(instansi)
    assert get_user_model().objects.filter(username="kadis").count() == 1


def test_perencanaan_may_edit_plan_pemeriksa_only_view(instansi):
    buat_akun_demo(instansi)
    User = get_user_model()
    perencanaan = User.objects.get(username="perencanaan")
    pemeriksa = User.objects.get(username="pemeriksa")
    assert perencanaan.has_perm("renstra.change_indikator")
    assert perencanaan.has_perm("realisasi.change_realisasianggaran")
    assert pemeriksa.has_perm("renstra.view_indikator")
    assert not pemeriksa.has_perm("renstra.change_indikator")


def test_siapkan_demo_command_prints_accounts(instansi, capsys):
    call_command("siapkan_demo")
    keluaran = capsys.readouterr().out
    assert "kadis" in keluaran and "KAMAL RASYID, S.STP" in keluaran
    assert PASSWORD_DEMO in keluaran


# --- Privileged changes (issue 12) ---------------------------------------------------


def _akun(username):
    return get_user_model().objects.get(username=username)


def test_admin_instansi_links_names_heads_and_superiors_recorded(instansi):
    buat_akun_demo(instansi)
    admin = _akun("admin.instansi")
    pemeriksa = _akun("pemeriksa")
    staf = Pegawai.objects.get(nama="AYU ASHARI")
    kadis = Pegawai.objects.get(nama="KAMAL RASYID")
    assert ubah_jabatan(admin, staf, user=pemeriksa, atasan=kadis) == [
        "user",
        "atasan",
    ]
    staf.refresh_from_db()
    assert staf.user == pemeriksa and staf.atasan == kadis
    hi = UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")
    lama = hi.kepala
    ubah_jabatan(admin, hi, kepala=staf)
    riwayat = list(RiwayatOrganisasi.objects.filter(instansi=instansi))
    assert [(r.aksi, r.oleh) for r in riwayat] == [
        ("tetapkan kepala unit", admin),
        ("tetapkan atasan", admin),
        ("tautkan akun login", admin),
    ]
    assert riwayat[0].objek == str(hi)
    assert riwayat[0].nilai_lama == str(lama)
    assert riwayat[0].nilai_baru == str(staf)
    assert riwayat[2].nilai_baru == "pemeriksa"


def test_perencanaan_may_not_relink_or_name_heads(instansi):
    buat_akun_demo(instansi)
    staf = Pegawai.objects.get(nama="AYU ASHARI")
    with pytest.raises(PermissionDenied, match="Hanya Admin instansi"):
        ubah_jabatan(_akun("perencanaan"), staf, user=_akun("perencanaan"))
    staf.refresh_from_db()
    assert staf.user is None
    assert not RiwayatOrganisasi.objects.exists()


def test_links_stay_inside_the_agency(instansi):
    buat_akun_demo(instansi)
    admin = _akun("admin.instansi")
    b = buat_instansi(1)
    pegawai_b = Pegawai.objects.filter(instansi=b).first()
    staf = Pegawai.objects.get(nama="AYU ASHARI")
    with pytest.raises(ValidationError) as galat:
        ubah_jabatan(admin, staf, atasan=pegawai_b)
    assert "bukan pegawai instansi yang sama" in str(galat.value)
    # An Admin instansi of A cannot touch agency B at all.
    with pytest.raises(PermissionDenied):
        ubah_jabatan(admin, pegawai_b, user=None)
    # A login outside the agency (no membership) cannot be linked.
    luar = get_user_model().objects.create_user("luar")
    with pytest.raises(ValidationError, match="bukan anggota instansi"):
        ubah_jabatan(admin, staf, user=luar)
    # Nor one already linked to somebody else, nor a superior loop.
    with pytest.raises(ValidationError, match="sudah tertaut"):
        ubah_jabatan(admin, staf, user=_akun("kadis"))
    kadis = Pegawai.objects.get(nama="KAMAL RASYID")
    with pytest.raises(ValidationError, match="Atasan tidak boleh"):
        ubah_jabatan(admin, kadis, atasan=staf)
    assert not RiwayatOrganisasi.objects.exists()


def test_reset_link_issued_by_admin_instansi_only(instansi):
    buat_akun_demo(instansi)
    tautan = buat_tautan_reset(_akun("admin.instansi"), _akun("kadis"))
    assert tautan.startswith("/sandi/reset/")
    catatan = RiwayatOrganisasi.objects.get()
    assert (catatan.aksi, catatan.objek) == ("buat tautan reset sandi", "kadis")
    with pytest.raises(PermissionDenied):
        buat_tautan_reset(_akun("perencanaan"), _akun("kadis"))
    akar = get_user_model().objects.create_superuser("akar", "a@b.id", "x")
    jadikan_anggota(akar, instansi)
    with pytest.raises(PermissionDenied, match="Admin sistem"):
        buat_tautan_reset(_akun("admin.instansi"), akar)
