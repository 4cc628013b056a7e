"""Recording a Plh./Plt. delegation: who may, what is checked, the admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from lakip.delegasi import catat_delegasi, delegasi_pelaksana
from lakip.models import Delegasi, Pegawai
from lakip.services import buat_akun_demo, jadikan_anggota

MULAI = datetime.date(2024, 3, 1)


@pytest.fixture
def akun(instansi):
    User = get_user_model()
    buat_akun_demo(instansi)
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def joni(db):
    return Pegawai.objects.get(nama="JONI PATABI")


@pytest.fixture
def arfah(db):
    return Pegawai.objects.get(nama="MUH. ARFAH TAUFIEK")


def isian(pejabat, pelaksana, **lain):
    return {
        "pejabat": pejabat,
        "pelaksana": pelaksana,
        "jenis": Delegasi.Jenis.PLH,
        "mulai": MULAI,
        "selesai": MULAI + datetime.timedelta(days=9),
        "nomor_sk": "800.1.3/117/DISNAKERTRANS/2024",
        "tanggal_sk": MULAI,
        **lain,
    }


def test_kepala_dinas_records_a_delegation(akun, joni, arfah):
    d = catat_delegasi(akun["kadis"], **isian(joni, arfah))
    assert d.instansi == joni.instansi
    assert d.dicatat_oleh == akun["kadis"] and d.dicatat_pada is not None
    assert str(d).startswith("Plh. Sekretaris Dinas: MUH. ARFAH TAUFIEK")
    # the acting official acts for the office within the period only
    assert delegasi_pelaksana(arfah, MULAI) == {joni.pk: d}
    assert delegasi_pelaksana(arfah, MULAI + datetime.timedelta(days=9)) == {joni.pk: d}
    assert delegasi_pelaksana(arfah, MULAI - datetime.timedelta(days=1)) == {}
    assert delegasi_pelaksana(joni, MULAI) == {}


def test_admin_instansi_records_a_delegation(akun, joni, arfah):
    d = catat_delegasi(akun["admin.instansi"], **isian(joni, arfah))
    assert d.dicatat_oleh == akun["admin.instansi"]
    assert delegasi_pelaksana(arfah, MULAI) == {joni.pk: d}


@pytest.mark.parametrize("username", ["perencanaan", "sekretaris", "pemeriksa"])
def test_other_roles_may_not_record(akun, joni, arfah, username):
    with pytest.raises(PermissionDenied, match="Kepala Dinas"):
        catat_delegasi(akun[username], **isian(joni, arfah))
    assert not Delegasi.objects.exists()


def test_pimpinan_of_another_agency_may_not_record(akun, joni, arfah, instansi_kosong):
    from django.contrib.auth.models import Group

    lain = get_user_model().objects.create_user("kadis.b")
    lain.groups.add(Group.objects.get(name="Pimpinan"))
    Pegawai.objects.create(
        instansi=instansi_kosong,
        nama="KEPALA B",
        jabatan="Kepala Dinas",
        jenis_jabatan="struktural",
        user=lain,
    )
    jadikan_anggota(lain, instansi_kosong)
    with pytest.raises(PermissionDenied):
        catat_delegasi(lain, **isian(joni, arfah))
    assert not Delegasi.objects.exists()


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"selesai": MULAI - datetime.timedelta(days=1)}, "tidak boleh sebelum"),
        ({"nomor_sk": "  "}, "Nomor surat"),
        ({"jenis": "pj"}, "Plh. atau Plt."),
        ({"tanggal_sk": None}, "Tanggal surat"),
    ],
)
def test_a_wrong_delegation_is_refused(akun, joni, arfah, ubah, pesan):
    with pytest.raises(ValidationError, match=pesan):
        catat_delegasi(akun["kadis"], **isian(joni, arfah, **ubah))
    assert not Delegasi.objects.exists()


def test_not_for_oneself_nor_overlapping(akun, joni, arfah):
    with pytest.raises(ValidationError, match="bagi dirinya"):
        catat_delegasi(akun["kadis"], **isian(joni, joni))
    catat_delegasi(akun["kadis"], **isian(joni, arfah))
    kamal = Pegawai.objects.get(nama="KAMAL RASYID")
    geser = MULAI + datetime.timedelta(days=9)
    with pytest.raises(ValidationError, match="sudah diwakili oleh MUH. ARFAH"):
        catat_delegasi(akun["kadis"], **isian(joni, kamal, mulai=geser))
    # the day after the period is free
    d = catat_delegasi(
        akun["kadis"],
        **isian(
            joni,
            kamal,
            mulai=geser + datetime.timedelta(days=1),
            selesai=geser + datetime.timedelta(days=3),
        ),
    )
    assert Delegasi.objects.count() == 2 and d.pelaksana == kamal


def _form(joni, arfah, **lain):
    return {
        "pejabat": joni.pk,
        "pelaksana": arfah.pk,
        "jenis": "plt",
        "mulai": "2024-03-01",
        "selesai": "2024-03-10",
        "nomor_sk": "800/9/2024",
        "tanggal_sk": "2024-02-28",
        **lain,
    }


def test_admin_add_by_kepala_dinas_only(client, akun, joni, arfah):
    url = "/admin/lakip/delegasi/add/"
    client.force_login(akun["perencanaan"])
    assert client.get(url).status_code == 403
    assert client.post(url, _form(joni, arfah)).status_code == 403
    assert not Delegasi.objects.exists()

    client.force_login(akun["kadis"])
    assert client.get(url).status_code == 200
    salah = client.post(url, _form(joni, joni))
    assert salah.status_code == 200
    assert "bagi dirinya" in salah.content.decode()
    assert not Delegasi.objects.exists()
    assert client.post(url, _form(joni, arfah)).status_code == 302
    d = Delegasi.objects.get()
    assert (d.jenis, d.nomor_sk, d.dicatat_oleh) == ("plt", "800/9/2024", akun["kadis"])
    # the list is the agency's; another agency's staff are not offered
    client.force_login(akun["admin.instansi"])
    assert "800/9/2024" in client.get("/admin/lakip/delegasi/").content.decode()
    assert client.get(url).status_code == 200
    # never changed or deleted through the admin
    ubah = f"/admin/lakip/delegasi/{d.pk}/change/"
    assert client.get(ubah).status_code == 200
    client.post(ubah, _form(joni, arfah, nomor_sk="diubah"))
    d.refresh_from_db()
    assert d.nomor_sk == "800/9/2024"
    assert client.post(f"/admin/lakip/delegasi/{d.pk}/delete/").status_code == 403
    assert Delegasi.objects.count() == 1
