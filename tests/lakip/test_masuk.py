"""Login throttling (lakip.masuk)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from lakip.services import PASSWORD_DEMO, buat_akun_demo

PESAN = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()
    yield
    cache.clear()


def _masuk(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("masuk"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_user_name_locked_after_five_failures(client, instansi, settings):
    buat_akun_demo(instansi)
    for _ in range(settings.LAKIP_MASUK_MAKS_GAGAL - 1):
        assert (
            "dan sandi yang benar" in _masuk(client, "kadis", "salah").content.decode()
        )
    # The fourth failure still allows a correct login, which resets the count.
    assert _masuk(client, "kadis", PASSWORD_DEMO).status_code == 302
    client.logout()
    for i in range(settings.LAKIP_MASUK_MAKS_GAGAL):
        _masuk(client, "kadis", "salah", ip=f"10.0.1.{i}")
    # Now even the right password from another address is refused, in Indonesian.
    respons = _masuk(client, "kadis", PASSWORD_DEMO, ip="10.9.9.9")
    assert respons.status_code == 200
    assert PESAN in respons.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from a fresh address is not affected.
    assert _masuk(client, "perencanaan", PASSWORD_DEMO, "10.8.8.8").status_code == 302


def test_address_locked_after_five_failures(client, instansi, settings):
    buat_akun_demo(instansi)
    for i in range(settings.LAKIP_MASUK_MAKS_GAGAL):
        _masuk(client, f"tebakan{i}", "salah", ip="10.0.0.7")
    respons = _masuk(client, "kadis", PASSWORD_DEMO, ip="10.0.0.7")
    assert PESAN in respons.content.decode()
    assert _masuk(client, "kadis", PASSWORD_DEMO, ip="10.0.0.8").status_code == 302


def test_lock_expires(client, instansi, settings):
    buat_akun_demo(instansi)
    for _ in range(settings.LAKIP_MASUK_MAKS_GAGAL):
        _masuk(client, "kadis", "salah")
    assert PESAN in _masuk(client, "kadis", PASSWORD_DEMO).content.decode()
    cache.clear()  # what the cache does after LAKIP_MASUK_KUNCI_MENIT minutes
    assert _masuk(client, "kadis", PASSWORD_DEMO).status_code == 302


def test_forwarded_address_only_from_trusted_proxy(client, instansi, settings):
    buat_akun_demo(instansi)
    settings.LAKIP_IP_DARI_PROXY = True
    for _ in range(settings.LAKIP_MASUK_MAKS_GAGAL):
        client.post(
            reverse("masuk"),
            {"username": "x", "password": "salah"},
            HTTP_X_FORWARDED_FOR="1.2.3.4",
            REMOTE_ADDR="10.0.0.1",
        )
    # Same load balancer, another client: allowed; the attacker's address: refused.
    assert _masuk(client, "kadis", PASSWORD_DEMO).status_code == 302
    client.logout()
    respons = client.post(
        reverse("masuk"),
        {"username": "kadis", "password": PASSWORD_DEMO},
        HTTP_X_FORWARDED_FOR="1.2.3.4",
    )
    assert PESAN in respons.content.decode()


def test_admin_login_is_throttled_and_staff_only(client, instansi, settings):
    buat_akun_demo(instansi)
    for _ in range(settings.LAKIP_MASUK_MAKS_GAGAL):
        client.post("/admin/login/", {"username": "kadis", "password": "salah"})
    respons = client.post(
        "/admin/login/", {"username": "kadis", "password": PASSWORD_DEMO}
    )
    assert PESAN in respons.content.decode()
