"""Request-wide rules (lakip.middleware)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from lakip.services import buat_akun_demo

KEBIJAKAN = "camera=(), microphone=(), geolocation=(), payment=()"


def test_permissions_policy_on_every_response(client, instansi):
    for url in [reverse("masuk"), reverse("sehat"), "/tidak-ada/"]:
        assert client.get(url)["Permissions-Policy"].startswith(KEBIJAKAN)
    buat_akun_demo(instansi)
    client.force_login(get_user_model().objects.get(username="kadis"))
    respons = client.get(reverse("laporan:dasbor"))
    assert respons.status_code == 200
    assert respons["Permissions-Policy"].startswith(KEBIJAKAN)


def test_user_without_agency_gets_an_indonesian_403(client, instansi):
    user = get_user_model().objects.create_user("tamu")
    user.groups.add(Group.objects.get(name="Pemeriksa"))
    client.force_login(user)
    respons = client.get(reverse("realisasi:status"))
    assert respons.status_code == 403
    assert "belum terdaftar pada instansi mana pun" in respons.content.decode()
    beranda = client.get(reverse("beranda"))
    assert beranda.status_code == 200
    assert "Hubungi Admin instansi Anda" in beranda.content.decode()
    assert client.get(reverse("sandi_ganti")).status_code == 200
