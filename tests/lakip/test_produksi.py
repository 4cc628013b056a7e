"""Production mode: deploy check, CSP, request limits, health check, JSON logs."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.urls import reverse

import lakip
from lakip.log import FormatJSON

AKAR = Path(__file__).resolve().parents[2]


def _env_produksi(**lain):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="k8Zq1-production-like-secret-for-the-deploy-check-3fJ9wQpL7x",
        DJANGO_ALLOWED_HOSTS="lakip.luwutimurkab.go.id",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://lakip.luwutimurkab.go.id",
        **lain,
    )
    return env


def test_check_deploy_has_no_warnings():
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=AKAR,
        env=_env_produksi(),
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues (0 silenced)" in hasil.stdout


def test_development_settings_do_fail_the_deploy_check():
    """The check above can fail: the development defaults are flagged."""
    env = _env_produksi(DJANGO_HTTPS="0")
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert hasil.returncode != 0
    assert "SECURE_HSTS_SECONDS" in hasil.stderr + hasil.stdout


def test_production_refuses_to_start_without_secret_key():
    env = _env_produksi()
    del env["DJANGO_SECRET_KEY"]
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert hasil.returncode != 0 and "DJANGO_SECRET_KEY wajib" in hasil.stderr


def test_csp_header_forbids_inline_and_foreign_sources(client, db):
    kebijakan = client.get(reverse("masuk"))["Content-Security-Policy"]
    arahan = dict(a.strip().split(" ", 1) for a in kebijakan.split(";"))
    assert arahan["default-src"] == "'self'"
    assert arahan["script-src"] == "'self'"
    assert arahan["style-src"] == "'self'"
    assert arahan["frame-ancestors"] == "'none'"
    assert "unsafe" not in kebijakan and "http" not in kebijakan


def _layar():
    """The screen templates (extending base.html) and the partials they include."""
    folder = AKAR / "templates"
    teks = {p: p.read_text() for p in folder.rglob("*.html")}
    layar = {p for p, t in teks.items() if '{% extends "base.html" %}' in t}
    layar.add(folder / "base.html")
    for p in list(layar):
        for nama in re.findall(r'{% include "([^"]+)"', teks[p]):
            if (folder / nama).exists():
                layar.add(folder / nama)
    return {p: teks[p] for p in layar}


def test_screen_templates_have_no_inline_script_or_style():
    layar = _layar()
    assert len(layar) > 10
    for path, teks in layar.items():
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", teks), path
        assert not re.search(r"<style", teks), path
        assert not re.search(r"\sstyle=", teks), path
        assert not re.search(r"\son[a-z]+=", teks), path


def test_oversized_post_is_refused(client, db):
    besar = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    respons = client.post(reverse("masuk"), {"username": besar, "password": "x"})
    assert respons.status_code == 400


def test_secure_cookies_in_production():
    kode = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.DEBUG, s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1])"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {kode}"],
        cwd=AKAR,
        env={**_env_produksi(), "DJANGO_SETTINGS_MODULE": "lakip.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert hasil.stdout.split() == ["True", "True", "True", "False", "CacheBasisData"]


def test_health_check_is_public_and_minimal(client, db):
    respons = client.get(reverse("sehat"))
    assert respons.status_code == 200
    assert respons.json() == {
        "status": "ok",
        "versi": lakip.__version__,
        "basis_data": "ok",
    }
    assert "no-store" in respons["Cache-Control"]


def test_health_check_reports_a_dead_database(client, db):
    with mock.patch("lakip.views.connection.cursor", side_effect=OSError("mati")):
        respons = client.get(reverse("sehat"))
    assert respons.status_code == 503
    assert respons.json()["status"] == "gagal"
    assert "mati" not in respons.content.decode()


def test_json_log_lines():
    rekaman = logging.LogRecord(
        "lakip.uji", logging.WARNING, __file__, 1, "Gagal %s", ("masuk",), None
    )
    rekaman.username = "kadis"
    baris = FormatJSON().format(rekaman)
    assert "\n" not in baris
    data = json.loads(baris)
    assert data["level"] == "WARNING" and data["logger"] == "lakip.uji"
    assert data["pesan"] == "Gagal masuk" and data["username"] == "kadis"
    assert data["waktu"].endswith("+00:00")


def test_json_log_format_selected_by_environment():
    kode = (
        "import django, logging; django.setup(); "
        "logging.getLogger('lakip.uji').warning('halo', extra={'n': 1})"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode],
        cwd=AKAR,
        env={
            **_env_produksi(DJANGO_LOG_FORMAT="json"),
            "DJANGO_SETTINGS_MODULE": "lakip.settings",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(hasil.stdout.strip())
    assert data["pesan"] == "halo" and data["n"] == 1
