"""The organisation's admin (lakip.admin): privileged fields read-only for
Perencanaan, editable for the Admin instansi through the audited service."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from lakip.models import Pegawai, RiwayatOrganisasi, UnitKerja
from lakip.services import buat_akun_demo
from tests.bantuan import isian_formulir


def _masuk(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_perencanaan_edits_staff_but_cannot_relink_or_name_superiors(client, instansi):
    buat_akun_demo(instansi)
    _masuk(client, "perencanaan")
    staf = Pegawai.objects.get(nama="AYU ASHARI")
    url = reverse("admin:lakip_pegawai_change", args=[staf.pk])
    html = client.get(url).content.decode()
    data = isian_formulir(html, "pegawai_form")
    assert "user" not in data and "atasan" not in data  # shown read-only
    kadis = get_user_model().objects.get(username="kadis")
    data.update(jabatan="Analis Kebijakan", user=str(kadis.pk), atasan="")
    assert client.post(url, data).status_code == 302
    staf.refresh_from_db()
    assert staf.jabatan == "Analis Kebijakan"  # an ordinary edit is saved
    assert staf.user is None and staf.atasan is not None
    hi = UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")
    html = client.get(reverse("admin:lakip_unitkerja_change", args=[hi.pk]))
    assert "kepala" not in isian_formulir(html.content.decode(), "unitkerja_form")


def test_admin_instansi_links_a_login_recorded(client, instansi):
    buat_akun_demo(instansi)
    _masuk(client, "admin.instansi")
    staf = Pegawai.objects.get(nama="AYU ASHARI")
    url = reverse("admin:lakip_pegawai_change", args=[staf.pk])
    data = isian_formulir(client.get(url).content.decode(), "pegawai_form")
    pemeriksa = get_user_model().objects.get(username="pemeriksa")
    data["user"] = str(pemeriksa.pk)
    assert client.post(url, data).status_code == 302
    staf.refresh_from_db()
    assert staf.user == pemeriksa
    catatan = RiwayatOrganisasi.objects.get()
    assert catatan.aksi == "tautkan akun login"
    assert catatan.oleh.username == "admin.instansi"
    assert (catatan.nilai_lama, catatan.nilai_baru) == ("", "pemeriksa")
    # A login already linked to another official is refused with a message.
    data["user"] = str(get_user_model().objects.get(username="kadis").pk)
    respons = client.post(url, data)
    assert respons.status_code == 200
    assert "Akun login ini sudah tertaut ke" in respons.content.decode()
    staf.refresh_from_db()
    assert staf.user == pemeriksa


def test_login_choices_are_the_agencys_members(client, instansi):
    buat_akun_demo(instansi)
    get_user_model().objects.create_user("orang.luar")
    _masuk(client, "admin.instansi")
    html = client.get(reverse("admin:lakip_pegawai_add")).content.decode()
    assert ">pemeriksa<" in html
    assert "orang.luar" not in html


def test_perencanaan_cannot_delete_a_linked_official(client, instansi):
    buat_akun_demo(instansi)
    _masuk(client, "perencanaan")
    kabid = Pegawai.objects.get(user__username="kabid.hi")
    url = reverse("admin:lakip_pegawai_delete", args=[kabid.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    daftar = reverse("admin:lakip_pegawai_changelist")
    client.post(daftar, {"action": "delete_selected", "_selected_action": [kabid.pk]})
    assert Pegawai.objects.filter(pk=kabid.pk).exists()
    # A record holding no post may still be removed by Perencanaan.
    lepas = Pegawai.objects.create(
        instansi=instansi, nama="UJI", jabatan="Staf", jenis_jabatan="pelaksana"
    )
    url = reverse("admin:lakip_pegawai_delete", args=[lepas.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Pegawai.objects.filter(pk=lepas.pk).exists()
