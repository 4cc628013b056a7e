"""The pohon kinerja screen in Debian's Chromium: the SVG is drawn by the
static script under the app's CSP, branches fold, the view zooms, a node opens
its dashboard page."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from lakip.models import Instansi
from lakip.services import PASSWORD_DEMO, buat_akun_demo
from tests.bantuan import pulihkan_basis_data
from tests.peramban import masuk, peramban  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def _pulihkan_sesudahnya(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        pulihkan_basis_data()


def _simpul(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#pohon-kanvas g.pohon-simpul")


def test_pohon_kinerja_interaktif(live_server, peramban):  # noqa: F811
    pulihkan_basis_data()
    buat_akun_demo(Instansi.objects.get(kode="disnakertrans-lutim"))
    masuk(peramban, live_server, "kadis", PASSWORD_DEMO)
    peramban.get(f"{live_server.url}/evaluasi/pohon/2024/")
    WebDriverWait(peramban, 10).until(lambda d: len(_simpul(d)) > 0)
    semua = len(_simpul(peramban))
    # 3 tujuan + 3 sasaran + 7 programs + 17 kegiatan + 44 sub kegiatan.
    assert semua == 3 + 3 + 7 + 17 + 44
    teks = peramban.find_element(By.ID, "pohon-kanvas").text
    assert "Persentase Warga Transmigran Mandiri" in teks
    assert peramban.find_elements(By.CSS_SELECTOR, "g.pohon-simpul.lintas")
    # Fold the first sasaran: its programs, kegiatan and sub kegiatan go.
    sasaran = peramban.find_elements(By.CSS_SELECTOR, "g.pohon-simpul.sasaran")[0]
    sasaran.find_element(By.CSS_SELECTOR, "text.lipat").click()
    terlipat = len(_simpul(peramban))
    assert terlipat < semua
    peramban.find_elements(By.CSS_SELECTOR, "g.pohon-simpul.sasaran")[0].find_element(
        By.CSS_SELECTOR, "text.lipat"
    ).click()
    assert len(_simpul(peramban)) == semua
    # Zoom.
    svg = peramban.find_element(By.CSS_SELECTOR, "#pohon-kanvas svg")
    lebar = float(svg.get_attribute("width"))
    peramban.find_element(By.CSS_SELECTOR, "[data-pohon=perbesar]").click()
    svg = peramban.find_element(By.CSS_SELECTOR, "#pohon-kanvas svg")
    assert float(svg.get_attribute("width")) == pytest.approx(lebar * 1.25)
    peramban.find_element(By.CSS_SELECTOR, "[data-pohon=lipat]").click()
    assert len(_simpul(peramban)) == 6  # tujuan and sasaran only
    # Drill down: the sasaran's name opens its dashboard page.
    peramban.find_elements(By.CSS_SELECTOR, "g.pohon-simpul.sasaran a")[0].click()
    WebDriverWait(peramban, 10).until(
        lambda d: "/laporan/dasbor/sasaran/" in d.current_url
    )
    # No script error and no CSP violation (the favicon is not the app's).
    galat = [
        log
        for log in peramban.get_log("browser")
        if log["level"] == "SEVERE" and "favicon.ico" not in log["message"]
    ]
    assert not galat, galat
