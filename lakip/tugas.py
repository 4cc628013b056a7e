""" "Tugas saya": what waits for a user, collected from the apps.

``lakip`` knows no higher app. An app registers a provider in its
``AppConfig.ready()`` with ``daftarkan(penyedia)``; a provider is a callable
``(user) -> iterable of Tugas``. ``tugas_untuk(user)`` asks every registered
provider, in registration order.
"""

from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject


@dataclass(frozen=True)
class Tugas:
    """One thing a user should do: ``jenis`` is the verb shown as a badge
    (Isi, Ajukan, Verifikasi, Sahkan, Tandatangani, Lengkapi)."""

    jenis: str
    judul: str
    url: str
    keterangan: str = ""


_PENYEDIA = []


def daftarkan(penyedia):
    """Register ``penyedia`` once (idempotent); returns it, so it can decorate."""
    if penyedia not in _PENYEDIA:
        _PENYEDIA.append(penyedia)
    return penyedia


def tugas_untuk(user):
    """Every task of ``user`` from every registered provider; empty for an
    anonymous user."""
    if not user.is_authenticated:
        return []
    return [t for penyedia in _PENYEDIA for t in penyedia(user)]


def konteks(request):
    """Template context processor: ``jumlah_tugas`` (computed only when a
    template prints it) and ``jumlah_notifikasi`` (unread)."""
    if not request.user.is_authenticated:
        return {}
    from lakip.notifikasi import belum_dibaca

    user = request.user
    return {
        "jumlah_tugas": SimpleLazyObject(lambda: len(tugas_untuk(user))),
        "jumlah_notifikasi": SimpleLazyObject(lambda: belum_dibaca(user).count()),
    }
