"""The landing page in Debian's Chromium, signed in as the Kepala Dinas."""

import base64

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from lakip.models import Instansi
from lakip.services import PASSWORD_DEMO, buat_akun_demo
from tests.bantuan import pulihkan_basis_data
from tests.peramban import masuk, peramban, pulihkan_sesudahnya  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pulihkan_sesudahnya")]


def _terlihat(driver, elemen):
    """True when ``elemen`` is displayed and, scrolled into view, is what the
    user sees at its centre (not hidden, not covered, not zero-sized)."""
    if not elemen.is_displayed():
        return False
    return driver.execute_script(
        """
        const el = arguments[0];
        el.scrollIntoView({block: "center", behavior: "instant"});
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) return false;
        const bawah = Math.min(r.bottom, window.innerHeight);
        const atasnya = Math.max(r.top, 0);
        const x = r.left + Math.min(r.width / 2, 40);
        const y = (atasnya + bawah) / 2;
        const atas = document.elementFromPoint(x, y);
        return atas !== null && (el === atas || el.contains(atas));
        """,
        elemen,
    )


def _layar_penuh(driver, berkas):
    """A screenshot of the whole page (up to 8.000 px high) saved to ``berkas``."""
    ukuran = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    gambar = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {
                "x": 0,
                "y": 0,
                "width": ukuran["width"],
                "height": min(ukuran["height"], 8000),
                "scale": 1,
            },
        },
    )["data"]
    berkas.write_bytes(base64.b64decode(gambar))
    assert berkas.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_landing_page_as_the_kepala_dinas(live_server, peramban, tmp_path):  # noqa: F811
    pulihkan_basis_data()
    buat_akun_demo(Instansi.objects.get(kode="disnakertrans-lutim"))

    masuk(peramban, live_server, "kadis", PASSWORD_DEMO)
    WebDriverWait(peramban, 30).until(lambda d: "/masuk/" not in d.current_url)
    peramban.get(live_server.url + reverse("laporan:dasbor"))
    assert "Dasbor kinerja · TW I 2024" in peramban.title + peramban.page_source

    _layar_penuh(peramban, tmp_path / "dasbor-desktop.png")

    kartu = peramban.find_elements(By.CSS_SELECTOR, "#kartu-iku .kartu-iku")
    assert len(kartu) == 3
    assert all(_terlihat(peramban, k) for k in kartu)
    assert "31,21 %" in kartu[1].text and "Tertinggal" in kartu[1].text

    grafik = peramban.find_element(By.CSS_SELECTOR, "#grafik-anggaran svg.grafik")
    assert grafik.is_displayed()
    assert grafik.size["width"] > 300 and grafik.size["height"] > 200
    batang = grafik.find_elements(By.CSS_SELECTOR, "rect[height='14']")
    assert len(batang) == 3 * 8  # pagu, kas, realisasi of the agency and 7 programs
    assert all(_terlihat(peramban, b) for b in batang[:3])
    assert batang[0].size["width"] > batang[1].size["width"] > batang[2].size["width"]

    daftar = peramban.find_element(By.ID, "tabel-tertinggal")
    assert _terlihat(peramban, daftar)
    baris = daftar.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(baris) == 34
    assert _terlihat(peramban, baris[0])

    # On a phone: nothing wider than the screen, cards and chart still shown.
    peramban.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )
    peramban.refresh()
    kartu = peramban.find_elements(By.CSS_SELECTOR, "#kartu-iku .kartu-iku")
    grafik = peramban.find_element(By.CSS_SELECTOR, "#grafik-anggaran svg.grafik")
    batang = grafik.find_elements(By.CSS_SELECTOR, "rect[height='14']")
    lebar = peramban.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert lebar[0] <= lebar[1]
    assert _terlihat(peramban, kartu[0]) and _terlihat(peramban, batang[0])
    _layar_penuh(peramban, tmp_path / "dasbor-ponsel.png")
