"""Walk every URL pattern of the project: nothing but the deliberately public pages
opens without login, and a signed-in user without a role is refused everywhere
except the home page and logout. Covers URLs added later automatically."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Open to anonymous visitors on purpose.
PUBLIK = {
    "masuk",
    "sehat",
    "verifikasi",
    "sandi_reset",
    "sandi_reset_terkirim",
    "sandi_reset_konfirmasi",
    "sandi_reset_selesai",
}
# Open to every signed-in user: the home page explains a missing role or agency;
# logout; changing one's own password.
SEMUA_PENGGUNA = {"beranda", "keluar", "sandi_ganti", "sandi_ganti_selesai"}

_CONTOH = {
    "int": "1",
    "tahun": "2024",
    "tw": "1",
    "str": "x",
    "slug": "x",
    "uuid": "0" * 32,
    "path": "x",
}


def _pola(resolver=None, awalan="", ruang=""):
    """``(url name, example path)`` for every pattern outside the admin site."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        teks = str(p.pattern)
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                continue
            nama_ruang = f"{ruang}{p.namespace}:" if p.namespace else ruang
            yield from _pola(p, awalan + teks, nama_ruang)
        elif isinstance(p, URLPattern):
            assert not teks.startswith("^"), f"pola regex tak diuji: {teks}"
            contoh = re.sub(
                r"<(?:(\w+):)?\w+>", lambda m: _CONTOH[m.group(1) or "str"], teks
            )
            yield f"{ruang}{p.name}", "/" + awalan + contoh


SEMUA = sorted(set(_pola()))


def test_walk_finds_the_apps_urls():
    nama = {n for n, _ in SEMUA}
    assert {"masuk", "sehat", "beranda", "realisasi:entri", "renstra:pohon"} <= nama
    assert not any(n.startswith("admin:") for n in nama)


@pytest.mark.parametrize("nama,url", SEMUA)
def test_anonymous_is_sent_to_login(client, db, nama, url):
    if nama in PUBLIK or nama == "keluar":  # logging out when not in is harmless
        pytest.skip("halaman publik")
    masuk = reverse("masuk")
    for metode in (client.get, client.post):
        respons = metode(url)
        if respons.status_code == 405:  # wrong method, refused before anything
            continue
        assert respons.status_code == 302, (nama, metode.__name__)
        assert respons.url.startswith(masuk + "?next="), (nama, respons.url)


@pytest.mark.parametrize("nama,url", SEMUA)
def test_user_without_role_is_refused(client, db, nama, url):
    if nama in PUBLIK | SEMUA_PENGGUNA:
        pytest.skip("terbuka untuk semua pengguna")
    client.force_login(get_user_model().objects.create_user("tanpa.peran"))
    for metode in (client.get, client.post):
        status = metode(url).status_code
        assert status in (403, 404, 405), (nama, metode.__name__, status)


def test_public_pages_open_without_login(client, db):
    assert client.get(reverse("masuk")).status_code == 200
    assert client.get(reverse("sehat")).status_code == 200


def test_admin_requires_staff(client, db):
    respons = client.get("/admin/")
    assert respons.status_code == 302 and respons.url.startswith("/admin/login/")
    client.force_login(get_user_model().objects.create_user("tanpa.peran"))
    respons = client.get("/admin/lakip/pegawai/")
    assert respons.status_code == 302 and respons.url.startswith("/admin/login/")
