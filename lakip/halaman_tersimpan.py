"""Rendered page fragments kept until the data they show changes.

``html_tersimpan`` keeps the HTML of a part of a page under the agency's data
version of a scope (``lakip.versi_data``) and a fingerprint of the templates
and the code, so a write is never followed by a stale page and a deployment
never serves a fragment rendered by an older one. A fragment must not hold
anything of the request (no CSRF token, no user's name): what differs between
users who may see it goes into its key.
"""

import hashlib
from pathlib import Path

from django.conf import settings

from lakip.versi_data import DATA, tersimpan

_SIDIK_KODE = []


def sidik_kode():
    """A fingerprint of the templates and the project's apps' code (read
    once per process)."""
    if not _SIDIK_KODE:
        akar = Path(settings.BASE_DIR)
        aplikasi = sorted(p.parent.name for p in akar.glob("*/apps.py"))
        h = hashlib.sha256()
        for pola in ["templates/**/*.html", *(f"{a}/**/*.py" for a in aplikasi)]:
            for berkas in sorted(akar.glob(pola)):
                h.update(berkas.read_bytes())
        _SIDIK_KODE.append(h.hexdigest()[:12])
    return _SIDIK_KODE[0]


def html_tersimpan(kunci_dasar, instansi, hitung, cakupan=DATA):
    """The HTML fragment ``hitung()`` of ``instansi``, rendered once per
    version of its data in the scope ``cakupan`` and of the code;
    ``kunci_dasar`` names the page and everything else it depends on (period,
    options, what the user may do)."""
    return tersimpan(
        f"html:{sidik_kode()}:{instansi.pk}:{kunci_dasar}",
        instansi.pk,
        hitung,
        cakupan,
    )
