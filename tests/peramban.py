"""Headless Debian Chromium for browser tests (selenium + /usr/bin/chromedriver).

Tests using ``peramban`` are skipped only when Debian's chromium is not installed.
"""

import shutil
import tempfile

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture
def peramban():
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
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opsi)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
    shutil.rmtree(profil, ignore_errors=True)


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
    WebDriverWait(driver, 20).until(lambda d: _sudah_pergi(tombol))
    WebDriverWait(driver, 20).until(
        lambda d: (
            d.execute_script("return document.readyState") == "complete"
            and "/masuk/" not in d.current_url
        )
    )


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
