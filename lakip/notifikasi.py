"""Notifications: one record per recipient in the app, and an e-mail to each
recipient who has an address when e-mail is switched on
(``settings.LAKIP_SUREL``)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from lakip.models import Notifikasi

log = logging.getLogger("lakip.notifikasi")


def kirim_notifikasi(penerima, judul, pesan="", url="", kecuali=None):
    """Notify every user in ``penerima`` (once each, ``kecuali`` left out: the
    one who acted) and return the records created. The e-mails go out after the
    surrounding transaction commits; a failing mail server is logged and does
    not undo the notification."""
    tujuan = {u.pk: u for u in penerima if u is not None and u.is_active}
    if kecuali is not None:
        tujuan.pop(kecuali.pk, None)
    hasil = Notifikasi.objects.bulk_create(
        Notifikasi(penerima=u, judul=judul, pesan=pesan, url=url)
        for u in tujuan.values()
    )
    alamat = sorted({u.email for u in tujuan.values() if u.email})
    if alamat and getattr(settings, "LAKIP_SUREL", False):
        transaction.on_commit(lambda: _surel(alamat, judul, pesan, url))
    return hasil


def _surel(alamat, judul, pesan, url):
    situs = getattr(settings, "LAKIP_ALAMAT_SITUS", "").rstrip("/")
    badan = pesan + (f"\n\nBuka: {situs}{url}" if url else "")
    for satu in alamat:
        try:
            send_mail(f"[LAKIP] {judul}", badan, None, [satu])
        except Exception:
            log.exception("Surel notifikasi gagal dikirim ke %s", satu)


def belum_dibaca(user):
    return Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True)


def tandai_dibaca(user, pk=None):
    """Mark one (``pk``) or all of ``user``'s unread notifications read; only
    the user's own. Returns how many were marked."""
    qs = belum_dibaca(user)
    if pk is not None:
        qs = qs.filter(pk=pk)
    return qs.update(dibaca_pada=timezone.now())
