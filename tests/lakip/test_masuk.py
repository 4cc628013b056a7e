"""Login throttling (lakip.masuk): per (user name, address), growing delays."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from lakip import masuk as modul_masuk
from lakip.services import PASSWORD_DEMO, buat_akun_demo

PESAN = "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini"


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def jam(monkeypatch):
    """A clock the test moves: ``jam.maju(detik)``."""

    class Jam:
        sekarang = 1_000_000.0

        def maju(self, detik):
            self.sekarang += detik

    j = Jam()
    monkeypatch.setattr(modul_masuk, "_sekarang", lambda: j.sekarang)
    return j


def _masuk(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("masuk"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def _gagal(client, username, kali, ip="10.0.0.1"):
    for _ in range(kali):
        teks = _masuk(client, username, "salah", ip).content.decode()
        assert "dan sandi yang benar" in teks or PESAN in teks


def test_free_failures_then_a_delay_that_doubles(client, instansi, settings, jam):
    buat_akun_demo(instansi)
    bebas, awal = settings.LAKIP_MASUK_GAGAL_BEBAS, settings.LAKIP_MASUK_JEDA_AWAL
    _gagal(client, "kadis", bebas - 1)
    # Still free: a correct login succeeds and clears the count.
    assert _masuk(client, "kadis", PASSWORD_DEMO).status_code == 302
    client.logout()
    _gagal(client, "kadis", bebas + 1)
    # One failure past the free ones: wait 30 seconds, even with the right password.
    respons = _masuk(client, "kadis", PASSWORD_DEMO)
    assert respons.status_code == 200
    assert f"{PESAN} dari alamat Anda. Coba lagi dalam 30 detik." in (
        respons.content.decode()
    )
    assert "_auth_user_id" not in client.session
    jam.maju(awal)
    _gagal(client, "kadis", 1)  # the next failure doubles the wait
    assert "Coba lagi dalam 1 menit." in _masuk(client, "kadis", "x").content.decode()
    jam.maju(2 * awal - 1)
    assert PESAN in _masuk(client, "kadis", PASSWORD_DEMO).content.decode()
    jam.maju(1)
    assert _masuk(client, "kadis", PASSWORD_DEMO).status_code == 302


def test_delay_is_capped(settings):
    assert modul_masuk.jeda(settings.LAKIP_MASUK_GAGAL_BEBAS) == 0
    assert modul_masuk.jeda(settings.LAKIP_MASUK_GAGAL_BEBAS + 1) == 30
    assert modul_masuk.jeda(settings.LAKIP_MASUK_GAGAL_BEBAS + 3) == 120
    assert modul_masuk.jeda(1000) == settings.LAKIP_MASUK_JEDA_MAKS


def test_failures_from_one_address_do_not_lock_the_user_elsewhere(
    client, instansi, jam
):
    buat_akun_demo(instansi)
    _gagal(client, "kadis", 12, ip="10.6.6.6")  # an attacker hammering the account
    assert PESAN in _masuk(client, "kadis", PASSWORD_DEMO, "10.6.6.6").content.decode()
    # The Kepala Dinas at the office is not slowed at all.
    assert _masuk(client, "kadis", PASSWORD_DEMO, ip="10.0.0.2").status_code == 302
    client.logout()
    # Nor is another user from the attacker's address.
    assert _masuk(client, "perencanaan", PASSWORD_DEMO, "10.6.6.6").status_code == 302


def test_user_name_is_case_insensitive_for_the_count(client, instansi, jam):
    buat_akun_demo(instansi)
    _gagal(client, "KADIS", 4)
    assert PESAN in _masuk(client, "kadis", PASSWORD_DEMO).content.decode()


def test_forwarded_address_only_from_trusted_proxy(client, instansi, settings, jam):
    buat_akun_demo(instansi)
    settings.LAKIP_IP_DARI_PROXY = True
    for _ in range(settings.LAKIP_MASUK_GAGAL_BEBAS + 1):
        client.post(
            reverse("masuk"),
            {"username": "kadis", "password": "salah"},
            HTTP_X_FORWARDED_FOR="1.2.3.4",
            REMOTE_ADDR="10.0.0.1",
        )
    # Same load balancer, another client: allowed; the attacker's address: refused.
    respons = client.post(
        reverse("masuk"),
        {"username": "kadis", "password": PASSWORD_DEMO},
        HTTP_X_FORWARDED_FOR="1.2.3.4",
    )
    assert PESAN in respons.content.decode()
    assert _masuk(client, "kadis", PASSWORD_DEMO).status_code == 302


def test_admin_login_is_throttled(client, instansi, settings, jam):
    buat_akun_demo(instansi)
    for _ in range(settings.LAKIP_MASUK_GAGAL_BEBAS + 1):
        client.post("/admin/login/", {"username": "kadis", "password": "salah"})
    respons = client.post(
        "/admin/login/", {"username": "kadis", "password": PASSWORD_DEMO}
    )
    assert PESAN in respons.content.decode()
