"""Settings of the lakip project, read from the environment.

Environment variables:

- ``DATABASE_URL``: e.g. ``postgres://postgres@127.0.0.1:5432/test``; default is the
  SQLite file ``db.sqlite3`` in the repository.
- ``DJANGO_SECRET_KEY``: required when ``DJANGO_DEBUG`` is off.
- ``DJANGO_DEBUG``: ``1`` (default) or ``0``.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names.
- ``LAKIP_URL_SITUS``: the site's public address (default ``http://127.0.0.1:8000``),
  printed with a QR code on every signed document as
  ``<LAKIP_URL_SITUS>/verifikasi/<kode>/``.
- ``DJANGO_CSRF_TRUSTED_ORIGINS``: comma-separated origins, e.g.
  ``https://lakip.luwutimurkab.go.id`` (production behind a load balancer).
- ``DJANGO_HTTPS``: ``1`` (default when ``DJANGO_DEBUG=0``): HTTPS redirect, HSTS and
  secure cookies. ``0`` only for a loopback test of the production mode (bench/).
- ``DJANGO_HSTS_SECONDS``: HSTS duration (default one year).
- ``DJANGO_CACHE``: ``db`` (default in production: shared by every app server, table
  made by ``manage.py createcachetable``) or ``locmem`` (default in development).
- ``DJANGO_LOG_FORMAT``: ``json`` (default in production: one JSON object per line on
  stdout) or ``teks``.
- ``DJANGO_LOG_LEVEL``: default ``INFO``.
- ``DJANGO_IP_DARI_PROXY``: ``1`` when a trusted load balancer sets
  ``X-Forwarded-For`` (the client address used by login throttling).
- ``DJANGO_EMAIL_HOST`` (and ``_PORT``, ``_USER``, ``_PASSWORD``, ``_TLS``,
  ``_FROM``): the mail server of notifications; without it e-mails are printed on
  the console in development and not sent in production.
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
    "csp",
    "lakip",
    "renstra",
    "realisasi",
    "laporan",
    "evaluasi",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lakip.middleware.WajibInstansi",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "lakip.middleware.KebijakanIzin",
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
                "lakip.tugas.konteks",
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

# Indonesian always, whatever the browser asks for (no LocaleMiddleware): Django's
# own texts (auth forms, admin, errors, dates) come from its Indonesian catalog.
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

# Django's form renderer, with the plain inputs written without a template each
# (an entry page renders a hundred of them).
FORM_RENDERER = "lakip.render_formulir.RendererCepat"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "masuk"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "masuk"

# The public address of the site: a signed document prints its verification page
# ``<LAKIP_URL_SITUS>/verifikasi/<kode>/`` as text and as a QR code, so a reader of
# the paper can check it.
LAKIP_URL_SITUS = os.environ.get("LAKIP_URL_SITUS", "http://127.0.0.1:8000").rstrip("/")

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
        "laporan.dasbor.akses.boleh_lihat_dasbor",  # unit heads: the Sekretaris only
    ),
    (
        "realisasi:entri",
        "Entri",
        ["Operator unit", "Kepala unit", "Perencanaan"],
    ),
    ("realisasi:status", "Status", ["Perencanaan", "Pimpinan", "Pemeriksa"]),
    ("renstra:pohon", "Rencana", ["Perencanaan", "Pimpinan", "Pemeriksa"]),
    ("laporan:daftar", "Laporan", ["Perencanaan", "Pimpinan", "Pemeriksa"]),
    (
        "laporan:lampiran",
        "Lampiran",
        ["Perencanaan", "Pimpinan", "Pemeriksa", "Kepala unit", "Operator unit"],
    ),
    (
        "laporan:rapat_terkini",
        "Rapat",
        ["Perencanaan", "Pimpinan", "Kepala unit", "Pemeriksa"],
    ),
    ("akun_instansi", "Akun instansi", ["Admin instansi"]),
    (
        "evaluasi:indeks",
        "Evaluasi SAKIP",
        ["Perencanaan", "Pimpinan", "Pemeriksa", "Evaluator"],
    ),
]

# Evaluasi SAKIP (evaluasi): the largest evidence file accepted per upload.
LAKIP_BUKTI_MAKS = 5 * 1024 * 1024

# Apps whose models the role groups get admin permissions on (lakip.services).
LAKIP_APP_DATA = ["lakip", "renstra", "realisasi"]

# Quarterly entry (realisasi.services): a capaian of the quarter below
# LAKIP_CATATAN_CAPAIAN_MIN % or a value above LAKIP_CATATAN_KELIPATAN_TARGET × the
# quarter's target needs a note (keterangan).
LAKIP_CATATAN_CAPAIAN_MIN = 50
LAKIP_CATATAN_KELIPATAN_TARGET = 2
# Excel uploads larger than this are refused (bytes).
LAKIP_UNGGAH_MAKS = 2 * 1024 * 1024

# E-mail of notifications (lakip.notifikasi): SMTP when DJANGO_EMAIL_HOST is set
# (DJANGO_EMAIL_PORT, DJANGO_EMAIL_USER, DJANGO_EMAIL_PASSWORD, DJANGO_EMAIL_TLS,
# DJANGO_EMAIL_FROM); printed on the console in development; off otherwise.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = _env_bool("DJANGO_EMAIL_TLS", True)
    EMAIL_TIMEOUT = 10
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_EMAIL_FROM", "lakip@localhost")
LAKIP_SUREL = bool(EMAIL_HOST) or DEBUG

# Background jobs (django-tasks): documents are generated by a worker
# (`python manage.py db_worker`) from the database queue; no extra server.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "LAKIP_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

# --- Production hardening (issue 8) -------------------------------------------------
from csp.constants import NONE, SELF  # noqa: E402

CSRF_TRUSTED_ORIGINS = [
    o.strip()
    for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",")
    if o.strip()
]
HTTPS = _env_bool("DJANGO_HTTPS", not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    # The load balancer terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The health check is probed over plain HTTP by the load balancer.
    SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600  # one working day
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: every asset is served by the app itself. Bootstrap's CSS
# draws its form icons as data: SVG images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Request size limits: form posts and in-memory uploads (the xlsx forms also check
# LAKIP_UNGGAH_MAKS and the file type themselves).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = LAKIP_UNGGAH_MAKS
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Cache: login throttling counts failures here; with several app servers it must be
# shared, hence the database cache in production.
if os.environ.get("DJANGO_CACHE", "locmem" if DEBUG else "db") == "db":
    CACHES = {
        "default": {
            "BACKEND": "lakip.cache_db.CacheBasisData",
            "LOCATION": "lakip_cache",
            # Django's default of 300 rows would cull the data versions and the
            # computed pages of a few agencies at every write (lakip.versi_data
            # keeps one row per page and period, not one per write).
            "OPTIONS": {"MAX_ENTRIES": 50000},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Login throttling (lakip.masuk), per (user name, client address): the first
# LAKIP_MASUK_GAGAL_BEBAS failures cost nothing; each further failure makes the pair
# wait LAKIP_MASUK_JEDA_AWAL seconds, doubling with every failure up to
# LAKIP_MASUK_JEDA_MAKS. The count is forgotten after a success or a day of quiet.
LAKIP_MASUK_GAGAL_BEBAS = 3
LAKIP_MASUK_JEDA_AWAL = 30
LAKIP_MASUK_JEDA_MAKS = 3600
LAKIP_IP_DARI_PROXY = _env_bool("DJANGO_IP_DARI_PROXY", False)

# Pages a signed-in user without an agency membership may still open
# (lakip.middleware.WajibInstansi); every other page answers 403.
LAKIP_TANPA_INSTANSI = {
    "beranda",
    "masuk",
    "keluar",
    "sehat",
    "favicon",
    "verifikasi",
    "sandi_ganti",
    "sandi_ganti_selesai",
    "sandi_reset",
    "sandi_reset_terkirim",
    "sandi_reset_konfirmasi",
    "sandi_reset_selesai",
}

# Browser features no page of the app uses (lakip.middleware.KebijakanIzin).
LAKIP_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# Password reset by e-mail (/sandi/reset/) is offered when an SMTP server is set
# (DJANGO_EMAIL_HOST, DJANGO_EMAIL_PORT, DJANGO_EMAIL_USER, DJANGO_EMAIL_PASSWORD,
# DJANGO_EMAIL_FROM); in development the mail is printed on the console. Without
# it, the Admin instansi issues one-time reset links (lakip.services).
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = EMAIL_PORT == 587
    DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_EMAIL_FROM", "lakip@localhost")
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
LAKIP_RESET_EMAIL = bool(EMAIL_HOST) or DEBUG
# A one-time reset link is valid this long (Django's token generator).
PASSWORD_RESET_TIMEOUT = 24 * 3600

# Logging: JSON lines on stdout in production (collected by the service manager).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "lakip.log.FormatJSON"},
        "teks": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get(
                "DJANGO_LOG_FORMAT", "teks" if DEBUG else "json"
            ),
        }
    },
    "root": {
        "handlers": ["stdout"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
}
