from django.contrib.auth import get_user_model
from django.core.management import call_command

from lakip.peran import Peran, peran_pengguna
from lakip.services import PASSWORD_DEMO, buat_akun_demo


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
