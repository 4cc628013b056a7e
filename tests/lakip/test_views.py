from django.urls import reverse

from lakip.services import PASSWORD_DEMO, buat_akun_demo


def test_home_requires_login(client, db):
    respons = client.get(reverse("beranda"))
    assert respons.status_code == 302
    assert respons.url.startswith(reverse("masuk"))


def test_login_in_indonesian_and_home(client, instansi):
    buat_akun_demo(instansi)
    halaman = client.get(reverse("masuk")).content.decode()
    assert "Masuk" in halaman and 'lang="id"' in halaman
    assert "vendor/bootstrap/bootstrap.min.css" in halaman
    respons = client.post(
        reverse("masuk"), {"username": "kadis", "password": PASSWORD_DEMO}
    )
    assert respons.status_code == 302
    beranda = client.get(reverse("beranda")).content.decode()
    assert "KAMAL RASYID" in beranda and "Pimpinan" in beranda
    assert "Dinas Transmigrasi dan Tenaga Kerja" in beranda


def test_wrong_password_is_refused_in_indonesian(client, instansi):
    buat_akun_demo(instansi)
    respons = client.post(reverse("masuk"), {"username": "kadis", "password": "x"})
    assert respons.status_code == 200
    assert "dan sandi yang benar" in respons.content.decode()


def test_logout_is_a_post(client, instansi):
    buat_akun_demo(instansi)
    client.login(username="kadis", password=PASSWORD_DEMO)
    assert client.post(reverse("keluar")).status_code == 302
    assert client.get(reverse("beranda")).status_code == 302


def test_role_decorator(rf, instansi):
    import pytest
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse

    from lakip.akses import peran_diperlukan
    from lakip.peran import Peran

    @peran_diperlukan(Peran.PIMPINAN)
    def view(request):
        return HttpResponse("ok")

    buat_akun_demo(instansi)
    request = rf.get("/x/")
    request.user = AnonymousUser()
    assert view(request).status_code == 302
    request.user = get_user_model().objects.get(username="kadis")
    assert view(request).content == b"ok"
    request.user = get_user_model().objects.get(username="operator.hi")
    with pytest.raises(PermissionDenied):
        view(request)
