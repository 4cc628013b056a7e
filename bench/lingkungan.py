"""What every benchmark shares: production settings over plain HTTP on loopback,
and the ``--cepat`` option with which CI runs each script at tiny sizes (so a
broken benchmark fails CI; its times are not judged there)."""

import os
import sys
import warnings
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent


def atur_produksi(database_url=None):
    """Set the environment of production settings, served over plain HTTP on
    loopback (``DJANGO_HTTPS=0``: no redirect to HTTPS), with quiet logs. Call
    before ``django.setup()``. ``database_url`` replaces ``DATABASE_URL``."""
    if str(AKAR) not in sys.path:
        sys.path.insert(0, str(AKAR))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "lakip.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_HTTPS"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "x9Qa7" * 12)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    # WeasyPrint and fontTools log every page and glyph at INFO: not measured here.
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic


def tambah_opsi_cepat(parser):
    """Add ``--cepat``: the tiny run CI makes to prove the script still works."""
    parser.add_argument(
        "--cepat",
        action="store_true",
        help="ukuran mini (untuk CI): membuktikan skrip berjalan, waktu tidak dinilai",
    )
