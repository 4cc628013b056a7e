"""Passwords (lakip.views_akun): self-service change from the user menu, one-time
reset links issued by the Admin instansi, and reset by e-mail where configured."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from lakip.models import RiwayatOrganisasi
from lakip.services import PASSWORD_DEMO, buat_akun_demo, jadikan_anggota
from laporan.sintetis import buat_instansi

SANDI_BARU = "Kopi-Malili-2024!"


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    return {u.username: u for u in get_user_model().objects.all()}


def test_change_own_password_from_the_user_menu(client, akun):
    assert client.login(username="operator.hi", password=PASSWORD_DEMO)
    beranda = client.get(reverse("beranda")).content.decode()
    assert f'href="{reverse("sandi_ganti")}">Ganti kata sandi' in beranda
    halaman = client.get(reverse("sandi_ganti")).content.decode()
    assert "Ganti kata sandi" in halaman and "Sandi lama" in halaman
    salah = client.post(
        reverse("sandi_ganti"),
        {
            "old_password": "keliru",
            "new_password1": SANDI_BARU,
            "new_password2": SANDI_BARU,
        },
    )
    assert salah.status_code == 200
    assert "Sandi lama Anda yang dimasukkan salah" in salah.content.decode()
    respons = client.post(
        reverse("sandi_ganti"),
        {
            "old_password": PASSWORD_DEMO,
            "new_password1": SANDI_BARU,
            "new_password2": SANDI_BARU,
        },
    )
    assert respons.url == reverse("sandi_ganti_selesai")
    assert "sudah diganti" in client.get(respons.url).content.decode()
    client.logout()
    assert client.login(username="operator.hi", password=SANDI_BARU)


def _tautan(html):
    return re.search(r"<code[^>]*>([^<]+)</code>", html).group(1)


def test_admin_instansi_issues_a_one_time_link(client, akun):
    client.force_login(akun["admin.instansi"])
    daftar = client.get(reverse("akun_instansi")).content.decode()
    assert "kabid.hi" in daftar and "Buat tautan reset" in daftar
    url = reverse("akun_tautan_reset", args=[akun["kabid.hi"].pk])
    assert client.get(url).status_code == 405  # issuing is a POST
    html = client.post(url).content.decode()
    tautan = _tautan(html)
    assert tautan.startswith("http://testserver/sandi/reset/")
    # Shown once: the list shows no link afterwards; the issue is recorded.
    assert "<code" not in client.get(reverse("akun_instansi")).content.decode()
    catatan = RiwayatOrganisasi.objects.get()
    assert (catatan.aksi, catatan.objek, catatan.oleh) == (
        "buat tautan reset sandi",
        "kabid.hi",
        akun["admin.instansi"],
    )
    client.logout()
    # The official opens the link and sets a new password.
    respons = client.get(tautan.removeprefix("http://testserver"))
    assert respons.status_code == 302
    form = client.get(respons.url).content.decode()
    assert "Atur kata sandi baru" in form
    selesai = client.post(
        respons.url, {"new_password1": SANDI_BARU, "new_password2": SANDI_BARU}
    )
    assert selesai.url == reverse("sandi_reset_selesai")
    assert client.login(username="kabid.hi", password=SANDI_BARU)
    client.logout()
    # The link works once only.
    lagi = client.get(tautan.removeprefix("http://testserver"), follow=True)
    assert "Tautan tidak berlaku" in lagi.content.decode()


def test_reset_links_only_for_own_agency_and_only_by_admin_instansi(client, akun):
    b = buat_instansi(1)
    orang_b = jadikan_anggota(get_user_model().objects.create_user("orang.b"), b)
    client.force_login(akun["admin.instansi"])
    assert "orang.b" not in client.get(reverse("akun_instansi")).content.decode()
    url_b = reverse("akun_tautan_reset", args=[orang_b.pk])
    assert client.post(url_b).status_code == 404
    client.force_login(akun["perencanaan"])
    assert client.get(reverse("akun_instansi")).status_code == 403
    url = reverse("akun_tautan_reset", args=[akun["kadis"].pk])
    assert client.post(url).status_code == 403
    assert not RiwayatOrganisasi.objects.exists()


def test_reset_by_email_when_configured(client, akun, settings):
    kadis = akun["kadis"]
    kadis.email = "kadis@luwutimurkab.go.id"
    kadis.save()
    settings.LAKIP_RESET_EMAIL = False
    assert client.get(reverse("sandi_reset")).status_code == 404
    settings.LAKIP_RESET_EMAIL = True
    respons = client.post(reverse("sandi_reset"), {"email": kadis.email})
    assert respons.url == reverse("sandi_reset_terkirim")
    assert "Periksa e-mail Anda" in client.get(respons.url).content.decode()
    (surat,) = mail.outbox
    assert surat.to == [kadis.email]
    assert surat.subject == "Atur ulang kata sandi LAKIP"
    tautan = re.search(r"http://testserver(/sandi/reset/\S+)", surat.body).group(1)
    assert client.get(tautan).status_code == 302
