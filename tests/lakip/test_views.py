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


# An English browser (Chromium's default) must not change the language.
INGGRIS = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
KATA_INGGRIS = ["Username", "Password", "Please enter", "Not Found", "December"]


def test_indonesian_whatever_the_browser_asks(client, instansi):
    halaman = client.get(reverse("masuk"), **INGGRIS).content.decode()
    assert "Nama pengguna" in halaman and "Sandi" in halaman
    gagal = client.post(
        reverse("masuk"), {"username": "x", "password": "salah"}, **INGGRIS
    ).content.decode()
    assert "Masukkan nama pengguna" in gagal and "sandi yang benar" in gagal
    hilang = client.get("/tidak-ada/", **INGGRIS)
    assert hilang.status_code == 404
    teks = hilang.content.decode()
    assert "Halaman tidak ditemukan" in teks and 'rel="icon"' in teks
    for kata in KATA_INGGRIS:
        assert kata not in halaman + gagal + teks, kata
    buat_akun_demo(instansi)
    client.login(username="perencanaan", password=PASSWORD_DEMO)
    admin = client.get("/admin/", **INGGRIS).content.decode()
    assert "Tindakan terbaru" in admin
    assert "Recent actions" not in admin and "Log out" not in admin


def test_server_error_page_is_indonesian_in_the_apps_layout(client, db):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Terjadi kesalahan pada server" in html and "navbar" in html


def test_favicon_is_served(client, db):
    respons = client.get("/favicon.ico")
    assert respons.status_code == 200
    assert respons["Content-Type"] == "image/x-icon"
    assert b"".join(respons.streaming_content)[:4] == b"\x00\x00\x01\x00"
