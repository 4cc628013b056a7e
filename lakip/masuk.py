"""Login with throttling: after ``LAKIP_MASUK_MAKS_GAGAL`` failed attempts for a
user name or a client address, further attempts from it are refused for
``LAKIP_MASUK_KUNCI_MENIT`` minutes, without checking the password at all.

Counts live in the default cache (the database cache in production, shared by every
app server)."""

import hashlib
import logging

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError

log = logging.getLogger("lakip.masuk")


def alamat_klien(request):
    """The client's IP address: the last ``X-Forwarded-For`` hop when a trusted load
    balancer sets it (``LAKIP_IP_DARI_PROXY``), else ``REMOTE_ADDR``."""
    if settings.LAKIP_IP_DARI_PROXY:
        diteruskan = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if diteruskan:
            return diteruskan.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _kunci(jenis, nilai):
    ringkas = hashlib.sha256(nilai.lower().encode()).hexdigest()[:32]
    return f"masuk-gagal:{jenis}:{ringkas}"


def _kunci_permintaan(request, username):
    kunci = [_kunci("ip", alamat_klien(request))] if request is not None else []
    if username:
        kunci.append(_kunci("user", username))
    return kunci


def terkunci(request, username):
    """True when the user name or the client address has reached the limit."""
    batas = settings.LAKIP_MASUK_MAKS_GAGAL
    nilai = cache.get_many(_kunci_permintaan(request, username))
    return any(n >= batas for n in nilai.values())


def catat_gagal(request, username):
    """Count one failed attempt for the user name and the client address."""
    durasi = settings.LAKIP_MASUK_KUNCI_MENIT * 60
    for kunci in _kunci_permintaan(request, username):
        cache.add(kunci, 0, durasi)
        try:
            cache.incr(kunci)
        except ValueError:  # expired between add and incr
            cache.set(kunci, 1, durasi)
        cache.touch(kunci, durasi)
    log.warning(
        "Gagal masuk",
        extra={"username": username, "ip": request and alamat_klien(request)},
    )


def hapus_gagal(username):
    """Forget the failed attempts of a user name (after a successful login)."""
    cache.delete(_kunci("user", username))


class FormMasuk(AuthenticationForm):
    """Django's login form, refusing throttled user names and addresses."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "terkunci": (
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam "
            "%(menit)s menit."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if terkunci(self.request, username):
            raise ValidationError(
                self.error_messages["terkunci"],
                code="terkunci",
                params={"menit": settings.LAKIP_MASUK_KUNCI_MENIT},
            )
        try:
            hasil = super().clean()
        except ValidationError as exc:
            if exc.code == "invalid_login":
                catat_gagal(self.request, username)
            raise
        hapus_gagal(username)
        return hasil


class FormMasukAdmin(FormMasuk, AdminAuthenticationForm):
    """The admin site's login form (staff only), with the same throttling."""
