"""Login with throttling per (user name, client address) and growing delays.

The first ``LAKIP_MASUK_GAGAL_BEBAS`` failed attempts of a pair cost nothing; every
further failure makes that pair wait ``LAKIP_MASUK_JEDA_AWAL`` seconds, doubling with
each failure up to ``LAKIP_MASUK_JEDA_MAKS``. While a pair waits, its attempts are
refused without checking the password. Nobody can lock an account for others: the
same user name from another address is not slowed, and a success clears the pair.

State lives in the default cache (the database cache in production, shared by every
app server)."""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError

log = logging.getLogger("lakip.masuk")

# A pair's failures are forgotten after a day without one.
_SIMPAN_DETIK = 24 * 3600


def alamat_klien(request):
    """The client's IP address: the last ``X-Forwarded-For`` hop when a trusted load
    balancer sets it (``LAKIP_IP_DARI_PROXY``), else ``REMOTE_ADDR``."""
    if settings.LAKIP_IP_DARI_PROXY:
        diteruskan = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if diteruskan:
            return diteruskan.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _sekarang():
    return time.time()


def _kunci(request, username):
    alamat = alamat_klien(request) if request is not None else ""
    pasangan = f"{username.lower()}\n{alamat}"
    return "masuk-gagal:" + hashlib.sha256(pasangan.encode()).hexdigest()[:40]


def jeda(gagal):
    """Seconds a pair must wait after ``gagal`` consecutive failures."""
    lebih = gagal - settings.LAKIP_MASUK_GAGAL_BEBAS
    if lebih <= 0:
        return 0
    awal, maks = settings.LAKIP_MASUK_JEDA_AWAL, settings.LAKIP_MASUK_JEDA_MAKS
    return min(maks, awal * 2 ** min(lebih - 1, 30))


def sisa_tunggu(request, username):
    """Whole seconds this (user name, address) pair must still wait; 0 if none."""
    catatan = cache.get(_kunci(request, username))
    if not catatan:
        return 0
    sisa = catatan["sampai"] - _sekarang()
    return max(0, int(sisa + 0.999))


def catat_gagal(request, username):
    """Count one failed attempt of the pair and set its waiting time."""
    kunci = _kunci(request, username)
    catatan = cache.get(kunci) or {"gagal": 0, "sampai": 0}
    catatan["gagal"] += 1
    catatan["sampai"] = _sekarang() + jeda(catatan["gagal"])
    cache.set(kunci, catatan, _SIMPAN_DETIK)
    log.warning(
        "Gagal masuk",
        extra={
            "username": username,
            "ip": request and alamat_klien(request),
            "gagal": catatan["gagal"],
        },
    )


def hapus_gagal(request, username):
    """Forget the pair's failures (after a successful login)."""
    cache.delete(_kunci(request, username))


def teks_durasi(detik):
    """``45 detik``, ``2 menit``, ``1 jam``: the waiting time in Indonesian."""
    if detik < 60:
        return f"{detik} detik"
    if detik < 3600:
        return f"{-(-detik // 60)} menit"
    return f"{-(-detik // 3600)} jam"


class FormMasuk(AuthenticationForm):
    """Django's login form, refusing a (user name, address) pair while it waits."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "terkunci": (
            "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari "
            "alamat Anda. Coba lagi dalam %(durasi)s."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        sisa = sisa_tunggu(self.request, username)
        if sisa:
            raise ValidationError(
                self.error_messages["terkunci"],
                code="terkunci",
                params={"durasi": teks_durasi(sisa)},
            )
        try:
            hasil = super().clean()
        except ValidationError as exc:
            if exc.code == "invalid_login":
                catat_gagal(self.request, username)
            raise
        hapus_gagal(self.request, username)
        return hasil


class FormMasukAdmin(FormMasuk, AdminAuthenticationForm):
    """The admin site's login form (staff only), with the same throttling."""
