"""Settings of the lakip project, read from the environment.

Environment variables:

- ``DATABASE_URL``: e.g. ``postgres://postgres@127.0.0.1:5432/test``; default is the
  SQLite file ``db.sqlite3`` in the repository.
- ``DJANGO_SECRET_KEY``: required when ``DJANGO_DEBUG`` is off.
- ``DJANGO_DEBUG``: ``1`` (default) or ``0``.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name, default):
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "ya"}


DEBUG = _env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("DJANGO_SECRET_KEY wajib diisi bila DJANGO_DEBUG=0.")
    SECRET_KEY = "dev-only-insecure-key-lakip"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "lakip",
    "renstra",
    "realisasi",
    "laporan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "lakip.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lakip.akses.konteks",
            ],
        },
    },
]

WSGI_APPLICATION = "lakip.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "masuk"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "masuk"

# Dashboard (laporan.dasbor): traffic light of a capaian, green at or above
# LAKIP_AMBANG_HIJAU %, yellow at or above LAKIP_AMBANG_KUNING %, red below; a sub
# kegiatan lags when a capaian of the quarter is below green or its spending is
# below LAKIP_AMBANG_SERAPAN % of the quarter's anggaran kas.
LAKIP_AMBANG_HIJAU = 90
LAKIP_AMBANG_KUNING = 70
LAKIP_AMBANG_SERAPAN = 50

# Main menu: (url name, label, roles that see it). Apps' URLs are wired here.
LAKIP_MENU = [
    (
        "laporan:dasbor",
        "Dasbor",
        ["Pimpinan", "Perencanaan", "Kepala unit", "Pemeriksa"],
    ),
    (
        "realisasi:entri",
        "Entri realisasi",
        ["Operator unit", "Kepala unit", "Perencanaan"],
    ),
    ("realisasi:status", "Status triwulan", ["Perencanaan", "Pimpinan", "Pemeriksa"]),
    ("renstra:pohon", "Rencana", ["Perencanaan", "Pimpinan", "Pemeriksa"]),
    ("laporan:daftar", "Laporan", ["Perencanaan", "Pimpinan", "Pemeriksa"]),
]

# Apps whose models the role groups get admin permissions on (lakip.services).
LAKIP_APP_DATA = ["lakip", "renstra", "realisasi"]

# Quarterly entry (realisasi.services): a capaian of the quarter below
# LAKIP_CATATAN_CAPAIAN_MIN % or a value above LAKIP_CATATAN_KELIPATAN_TARGET × the
# quarter's target needs a note (keterangan).
LAKIP_CATATAN_CAPAIAN_MIN = 50
LAKIP_CATATAN_KELIPATAN_TARGET = 2
# Excel uploads larger than this are refused (bytes).
LAKIP_UNGGAH_MAKS = 2 * 1024 * 1024
