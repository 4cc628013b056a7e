"""Headless Debian Chromium for browser tests (selenium + /usr/bin/chromedriver).

Tests using ``peramban`` are skipped only when Debian's chromium is not installed.
"""

import shutil
import tempfile

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def _buka(bahasa=None):
    """A headless Debian Chromium (and its profile directory). With ``bahasa``
    (e.g. ``"en-US"``) the browser asks for that language, as Chromium does by
    default on an English system; the console log is kept for
    ``driver.get_log("browser")``."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip("Debian chromium/chromium-driver tidak terpasang")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opsi = webdriver.ChromeOptions()
    opsi.binary_location = CHROMIUM
    profil = tempfile.mkdtemp(prefix="chromium-uji-")
    for argumen in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={profil}",
    ]:
        opsi.add_argument(argumen)
    if bahasa:
        opsi.add_argument(f"--lang={bahasa}")
        opsi.add_experimental_option(
            "prefs", {"intl.accept_languages": f"{bahasa},{bahasa.split('-')[0]}"}
        )
    opsi.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opsi)
    driver.implicitly_wait(5)
    return driver, profil


def _tutup(driver, profil):
    driver.quit()
    shutil.rmtree(profil, ignore_errors=True)


@pytest.fixture
def peramban():
    driver, profil = _buka()
    yield driver
    _tutup(driver, profil)


@pytest.fixture(scope="module")
def peramban_inggris():
    """One Chromium asking for English (en-US) for a whole test module."""
    driver, profil = _buka("en-US")
    yield driver
    _tutup(driver, profil)


@pytest.fixture(scope="module")
def pulihkan_sesudahnya(django_db_blocker):
    """A live-server test flushes the database when it ends; the tests that
    run after the module still get the seed and the role groups."""
    yield
    from tests.bantuan import pulihkan_basis_data

    with django_db_blocker.unblock():
        pulihkan_basis_data()


def masuk(driver, live_server, username, password):
    """Sign in through the login form, as a person would, and wait until the
    login has finished (the login page is gone), so the next step starts signed
    in."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{live_server.url}/masuk/")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(password)
    tombol = driver.find_element(By.CSS_SELECTOR, "form button[type=submit]")
    tombol.click()
    tunggu_pergi(driver, tombol)
    WebDriverWait(driver, 20).until(
        lambda d: (
            d.execute_script("return document.readyState") == "complete"
            and "/masuk/" not in d.current_url
        )
    )


def tunggu_pergi(driver, elemen, detik=20):
    """Wait until ``elemen``'s page has been replaced (after a click or a key
    that submits a form); raise ``TimeoutException`` if it stays."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, detik).until(lambda d: _sudah_pergi(elemen))


def _sudah_pergi(elemen):
    """True once ``elemen``'s page is gone. Chromium answers a lookup on a page
    being replaced either "stale element" or "node does not belong to the
    document"; both mean the old page has gone."""
    from selenium.common.exceptions import WebDriverException

    try:
        elemen.is_enabled()
    except WebDriverException:  # StaleElementReferenceException is one
        return True
    return False
