"""Parts already laid out, shared by every app server through the database.

The key of a part is the SHA-256 of everything its PDF depends on: the part's
complete HTML (which holds the data and the templates' output), the WeasyPrint
version, a fingerprint of the font files under ``static/fonts`` and
``VERSI_CACHE``. A part whose key is stored prints exactly as the stored PDF,
so a changed value, template, font or WeasyPrint means a new key and a new
layout; nothing is ever invalidated by hand.

Pruning rule: an entry not used by any package for ``LAKIP_PAKET_CACHE_HARI``
days (setting, 30 by default) is deleted at the end of every package build and
by ``manage.py laporan paket --pangkas-cache``.
"""

import datetime
import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from laporan.models import CacheBagianPdf

# Raise when the way parts are laid out changes without their HTML changing
# (e.g. options passed to WeasyPrint), so older entries are not reused.
VERSI_CACHE = "1"
HARI_BAWAAN = 30


@cache
def sidik_font():
    """SHA-256 over the names and contents of the shipped font files."""
    akar = Path(settings.BASE_DIR) / "static" / "fonts"
    h = hashlib.sha256()
    for berkas in sorted(p for p in akar.rglob("*") if p.is_file()):
        h.update(str(berkas.relative_to(akar)).encode())
        h.update(b"\0")
        h.update(berkas.read_bytes())
    return h.hexdigest()


def sidik(html):
    """The cache key of a part whose complete HTML is ``html``."""
    h = hashlib.sha256()
    for bagian in (VERSI_CACHE, version("weasyprint"), sidik_font()):
        h.update(bagian.encode())
        h.update(b"\0")
    h.update(html.encode())
    return h.hexdigest()


def ambil(daftar_kunci):
    """``{kunci: (PDF bytes, number of pages)}`` of the stored keys among
    ``daftar_kunci``; marks them used now."""
    daftar_kunci = list(set(daftar_kunci))
    hasil = {
        k: (bytes(isi), halaman)
        for k, isi, halaman in CacheBagianPdf.objects.filter(
            kunci__in=daftar_kunci
        ).values_list("kunci", "isi", "jumlah_halaman")
    }
    if hasil:
        CacheBagianPdf.objects.filter(kunci__in=list(hasil)).update(
            dipakai=timezone.now()
        )
    return hasil


def simpan(kunci_bagian, bagian, isi, jumlah_halaman):
    """Store a laid-out part. Another build storing the same key at the same
    time is fine: the content is the same, the first one stays."""
    sekarang = timezone.now()
    try:
        with transaction.atomic():
            CacheBagianPdf.objects.get_or_create(
                kunci=kunci_bagian,
                defaults={
                    "isi": isi,
                    "jumlah_halaman": jumlah_halaman,
                    "ukuran": len(isi),
                    "bagian": bagian[:100],
                    "dibuat": sekarang,
                    "dipakai": sekarang,
                },
            )
    except IntegrityError:
        pass


def batas_hari():
    return getattr(settings, "LAKIP_PAKET_CACHE_HARI", HARI_BAWAAN)


def pangkas(hari=None):
    """Delete entries not used for ``hari`` days (the setting by default);
    returns how many were deleted."""
    hari = batas_hari() if hari is None else hari
    batas = timezone.now() - datetime.timedelta(days=hari)
    jumlah, _ = CacheBagianPdf.objects.filter(dipakai__lt=batas).delete()
    return jumlah
