"""In Debian's Chromium: an operator of Bidang Hubungan Industrial enters TW I
values, saves them, and reads them back."""

import pytest

from tests.bantuan import pulihkan_basis_data
from tests.peramban import masuk, peramban, tunggu_pergi  # noqa: F401

pytestmark = pytest.mark.browser


def _tw1_dibuka():
    """The seed with its demo accounts and TW I 2024 open; returns the sub
    kegiatan 2.07.05.2.01.0001 of Bidang HI and its indicator."""
    from django.contrib.auth import get_user_model

    from lakip.models import Instansi
    from lakip.services import buat_akun_demo
    from realisasi.services import atur_periode_entri
    from renstra.models import Indikator, SubKegiatan

    pulihkan_basis_data()  # the seed and groups (a live-server test flushes)
    instansi = Instansi.objects.get()
    buat_akun_demo(instansi)
    atur_periode_entri(
        get_user_model().objects.get(username="perencanaan"), instansi, 2024, 1, True
    )
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    return sub, Indikator.objects.get(sub_kegiatan=sub)


def test_operator_enters_and_reads_back(live_server, peramban, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from lakip.services import PASSWORD_DEMO
    from realisasi.models import RealisasiAnggaran, RealisasiIndikator

    sub, ind = _tw1_dibuka()

    masuk(peramban, live_server, "operator.hi", PASSWORD_DEMO)
    peramban.get(f"{live_server.url}/realisasi/")
    assert "Bidang Hubungan Industrial" in peramban.find_element(By.TAG_NAME, "h1").text

    uang = peramban.find_element(By.NAME, f"a{sub.pk}")
    uang.clear()
    uang.send_keys("2.750.000")
    nilai = peramban.find_element(By.NAME, f"i{ind.pk}_nilai")
    nilai.clear()
    nilai.send_keys("5")
    baris = nilai.find_element(By.XPATH, "./ancestor::tr")
    assert baris.find_element(By.CSS_SELECTOR, "[data-capaian]").text == "125,00"
    ket = peramban.find_element(By.NAME, f"i{ind.pk}_ket")
    ket.send_keys("Uji peramban")
    ket.send_keys(Keys.ENTER)  # submits with the form's first button, "Simpan"

    pesan = peramban.find_element(By.CSS_SELECTOR, ".alert-success").text
    assert "Tersimpan: 3 perubahan" in pesan
    peramban.refresh()
    assert peramban.find_element(By.NAME, f"a{sub.pk}").get_attribute("value") == (
        "2.750.000"
    )
    assert (
        peramban.find_element(By.NAME, f"i{ind.pk}_nilai").get_attribute("value") == "5"
    )
    assert (
        peramban.find_element(By.NAME, f"i{ind.pk}_ket").get_attribute("value")
        == "Uji peramban"
    )
    peramban.save_screenshot(str(tmp_path / "entri.png"))
    assert (tmp_path / "entri.png").stat().st_size > 10_000
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_750_000
    )
    assert (
        RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1).nilai == 5
    )


def test_ajukan_keeps_the_typed_value(live_server, peramban):  # noqa: F811
    """Issue 12: the head types a new value and presses Ajukan without Simpan;
    the value is saved and then submitted, never silently dropped."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from lakip.services import PASSWORD_DEMO
    from realisasi.models import EntriTriwulan, RealisasiIndikator

    sub, ind = _tw1_dibuka()

    masuk(peramban, live_server, "kabid.hi", PASSWORD_DEMO)
    peramban.get(f"{live_server.url}/realisasi/entri/{sub.unit_id}/2024/1/")
    nilai = peramban.find_element(By.NAME, f"i{ind.pk}_nilai")
    nilai.clear()
    nilai.send_keys("6")
    peramban.find_element(By.NAME, "catatan").send_keys("Sudah lengkap")
    tombol = peramban.find_element(By.ID, "tombol-ajukan")
    assert tombol.text == "Simpan dan ajukan"
    tombol.send_keys(Keys.ENTER)  # the keyboard presses the focused button
    # Chromium may answer "node does not belong to the document" rather than
    # "stale element" while the page is replaced: tunggu_pergi takes both.
    tunggu_pergi(peramban, tombol)
    # The POST answers with a redirect: read the page it leads to once loaded.
    WebDriverWait(peramban, 20, ignored_exceptions=(WebDriverException,)).until(
        EC.text_to_be_present_in_element((By.ID, "status-entri"), "Diajukan")
    )

    pesan = " ".join(
        e.text for e in peramban.find_elements(By.CSS_SELECTOR, ".alert-success")
    )
    assert "Tersimpan: 1 perubahan." in pesan
    assert "kini berstatus Diajukan" in pesan
    assert peramban.find_element(By.ID, "status-entri").text == "Diajukan"
    assert (
        peramban.find_element(By.NAME, f"i{ind.pk}_nilai").get_attribute("value") == "6"
    )
    assert (
        RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1).nilai == 6
    )
    entri = EntriTriwulan.objects.get(unit=sub.unit, tahun=2024, triwulan=1)
    assert entri.status == "diajukan"
    assert entri.riwayat.get().catatan == "Sudah lengkap"
