"""The office in Debian's Chromium asking for English (en-US), every demo role:
the app speaks Indonesian whatever the browser asks, no page of the walk logs a
console error (the CSP blocks nothing), and at 390 px every screen fits the
phone, the signing button within reach. One browser for the whole module."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from lakip.models import Instansi, UnitKerja
from lakip.services import PASSWORD_DEMO, buat_akun_demo
from tests.bantuan import pulihkan_basis_data
from tests.peramban import (  # noqa: F401
    masuk,
    peramban_inggris,
    pulihkan_sesudahnya,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pulihkan_sesudahnya")]

PERAN = ["kadis", "perencanaan", "sekretaris", "kabid.hi", "operator.hi", "pemeriksa"]
# Django's own English that leaked in through LocaleMiddleware.
INGGRIS = [
    "Username",
    "Password",
    "Please enter",
    "Recent actions",
    "Log out",
    "Not Found",
    "Welcome",
    "December",
    "Dec ",
    "January",
    "required",
]


@pytest.fixture
def kantor(transactional_db):
    """The seed, the demo accounts, TW I 2024 open, one document signed: a
    recommendation by its unit head (a document without figures may be signed
    before the quarter is approved), so the Kepala Dinas still has one to
    sign (the invitation)."""
    from django.contrib.auth import get_user_model

    from lakip.models import Pegawai
    from laporan.dokumen import jenis_dokumen
    from laporan.lampiran.terbit import daftar_dokumen, tandatangani
    from realisasi.services import atur_periode_entri

    pulihkan_basis_data()
    instansi = Instansi.objects.get(kode="disnakertrans-lutim")
    buat_akun_demo(instansi)
    akun = {u.username: u for u in get_user_model().objects.all()}
    atur_periode_entri(akun["perencanaan"], instansi, 2024, 1, True)
    dok = next(
        d
        for d in daftar_dokumen(instansi, 2024, 1)
        if d.penanda
        and d.penanda.pk != akun["kadis"].pegawai.pk
        and not jenis_dokumen(d.jenis).berdata
        and Pegawai.objects.get(pk=d.penanda.pk).user_id
    )
    penanda = Pegawai.objects.get(pk=dok.penanda.pk).user
    terbit = tandatangani(penanda, instansi, 2024, 1, dok.jenis, dok.kunci)
    return {"instansi": instansi, "akun": akun, "kode": terbit.kode}


def _teks(driver):
    """The page's visible text (read in one script: no stale element while a
    page is being replaced)."""
    return driver.execute_script("return document.body ? document.body.innerText : ''")


def _tanpa_inggris(driver, halaman):
    teks = _teks(driver)
    bocor = [kata for kata in INGGRIS if kata in teks]
    assert not bocor, (halaman, bocor)


def _galat_konsol(driver, kecuali=()):
    """SEVERE console entries since the last call (a 404 page's own status is
    expected when ``kecuali`` names it)."""
    return [
        log["message"]
        for log in driver.get_log("browser")
        if log["level"] == "SEVERE" and not any(k in log["message"] for k in kecuali)
    ]


def _buka(driver, url):
    driver.get(url)
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def _keluar(driver, live_server):
    """Sign out, and forget failed logins (every role fails once from the same
    address; the throttling would lock the sixth)."""
    from django.core.cache import cache

    cache.clear()
    driver.delete_all_cookies()
    _buka(driver, live_server.url + "/masuk/")
    driver.get_log("browser")


def test_every_role_sees_indonesian_and_no_console_error(
    live_server,
    peramban_inggris,  # noqa: F811
    kantor,
):
    d = peramban_inggris
    d.set_window_size(1366, 900)
    bahasa = d.execute_script("return navigator.language")
    assert bahasa == "en-US"
    for username in PERAN:
        _keluar(d, live_server)
        # A failed login first: Indonesian labels and message.
        d.find_element(By.NAME, "username").send_keys(username)
        d.find_element(By.NAME, "password").send_keys("salah-sandi")
        d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(d, 20).until(lambda dr: "Masukkan nama pengguna" in _teks(dr))
        assert "Nama pengguna" in _teks(d) and "Sandi" in _teks(d)
        _tanpa_inggris(d, f"login gagal {username}")
        assert _galat_konsol(d) == [], username

        masuk(d, live_server, username, PASSWORD_DEMO)
        _tanpa_inggris(d, f"beranda {username}")
        assert "Tugas saya" in _teks(d)
        # The navbar stays on one line at 1366 px; the brand is not cut off.
        assert (
            d.execute_script("return document.querySelector('nav').offsetHeight") < 70
        )
        assert d.execute_script(
            "const b = document.querySelector('.navbar-brand');"
            "return b.scrollWidth <= b.clientWidth"
        )
        menu = [
            a.get_attribute("href")
            for a in d.find_elements(By.CSS_SELECTOR, "#menu .nav-link[href]")
            if a.get_attribute("href").startswith(live_server.url)
        ]
        assert menu, username
        for url in menu:
            _buka(d, url)
            _tanpa_inggris(d, url)
            assert _galat_konsol(d) == [], (username, url)

        _buka(d, live_server.url + "/admin/")
        _tanpa_inggris(d, f"admin {username}")
        if username in ("kadis", "perencanaan", "pemeriksa"):
            assert "Tindakan terbaru" in _teks(d) or "Tindakan Saya" in _teks(d)
        assert _galat_konsol(d) == [], (username, "admin")

        _buka(d, live_server.url + "/tidak-ada/")
        assert "Halaman tidak ditemukan" in _teks(d)
        _tanpa_inggris(d, f"404 {username}")
        assert _galat_konsol(d, kecuali=["/tidak-ada/"]) == [], username

        _buka(d, live_server.url + reverse("verifikasi", args=[kantor["kode"]]))
        assert "Verifikasi Dokumen" in _teks(d)
        _tanpa_inggris(d, f"verifikasi {username}")
        assert "Desember" in _teks(d) or "20" in _teks(d)
        assert _galat_konsol(d) == [], (username, "verifikasi")


def _ponsel(driver):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )


def _lebar(driver):
    return driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )


def test_every_screen_fits_a_phone(live_server, peramban_inggris, kantor):  # noqa: F811
    from renstra.models import Indikator, SubKegiatan

    d = peramban_inggris
    _ponsel(d)
    try:
        hi = UnitKerja.objects.get(kode="bidang-hi")
        entri = live_server.url + reverse("realisasi:unit", args=[hi.pk, 2024, 1])
        ttd = live_server.url + reverse("laporan:tanda_tangan", args=[2024, 1])
        halaman = {
            "kadis": [ttd, live_server.url + reverse("laporan:dasbor")],
            "perencanaan": [
                live_server.url + reverse("realisasi:status"),
                live_server.url + reverse("renstra:pohon"),
                entri,
            ],
            "operator.hi": [entri],
        }
        for username, daftar in halaman.items():
            _keluar(d, live_server)
            masuk(d, live_server, username, PASSWORD_DEMO)
            for url in daftar:
                _buka(d, url)
                lebar, layar = _lebar(d)
                assert layar == 390 and lebar <= 390, (username, url, lebar)
                assert _galat_konsol(d) == [], (username, url)
            if username == "kadis":
                _buka(d, ttd)
                tombol = d.find_elements(By.XPATH, "//button[text()='Tandatangani']")[0]
                kotak = d.execute_script(
                    "arguments[0].scrollIntoView("
                    "{block: 'center', behavior: 'instant'});"
                    "const r = arguments[0].getBoundingClientRect();"
                    "return [r.left, r.right, r.top, r.bottom]",
                    tombol,
                )
                assert 0 <= kotak[0] and kotak[1] <= 390 and 0 <= kotak[2] < 844
            if username == "perencanaan":
                # A reader's entry page: a neutral notice, no error.
                _buka(d, entri)
                assert "tidak berhak" not in _teks(d)
                assert not d.find_elements(By.CSS_SELECTOR, ".alert-danger")
                assert d.find_element(By.ID, "catatan-baca").is_displayed()
                # Tambah periode Renstra opens its form.
                _buka(d, live_server.url + reverse("renstra:pohon"))
                d.find_element(By.LINK_TEXT, "Tambah periode Renstra").click()
                WebDriverWait(d, 20).until(
                    lambda dr: "Periode Renstra baru" in _teks(dr)
                )
                assert d.find_element(By.NAME, "tahun_awal").is_displayed()
                assert _lebar(d)[0] <= 390

        # The Operator saves a negative value: that input is marked, the
        # capaian beside it follows what was typed.
        sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
        ind = Indikator.objects.get(sub_kegiatan=sub)
        _buka(d, entri)
        nilai = d.find_element(By.NAME, f"i{ind.pk}_nilai")
        nilai.clear()
        nilai.send_keys("-4")
        nilai.send_keys(Keys.ENTER)  # the form's first button: Simpan
        WebDriverWait(d, 20).until(lambda dr: "isian tidak valid" in _teks(dr))
        nilai = d.find_element(By.NAME, f"i{ind.pk}_nilai")
        assert "is-invalid" in nilai.get_attribute("class")
        assert nilai.get_attribute("value") == "-4"
        baris = nilai.find_element(By.XPATH, "./ancestor::tr")
        assert "Nilai tidak boleh negatif." in baris.text
        assert baris.find_element(By.CSS_SELECTOR, "[data-capaian]").text == "-100,00"
        assert ind.nama in d.find_element(By.CSS_SELECTOR, ".alert-danger").text
        assert _lebar(d)[0] <= 390

        # The public verification page, signed out.
        _keluar(d, live_server)
        _buka(d, live_server.url + reverse("verifikasi", args=[kantor["kode"]]))
        assert _lebar(d)[0] <= 390
        assert _galat_konsol(d) == []
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
