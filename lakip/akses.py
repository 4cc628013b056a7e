"""Who the signed-in user is in the organisation, and the main menu.

Other apps add menu entries through ``settings.LAKIP_MENU``: a list of
``(url name, label, roles[, predicate])``; an entry shows for users holding one of
its roles (and, with a predicate path, for whom the predicate holds).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from lakip.models import KeanggotaanInstansi
from lakip.peran import Peran, peran_pengguna


def pegawai_pengguna(user):
    """The staff record linked to ``user`` within the user's own agency, or None."""
    if not user.is_authenticated:
        return None
    pegawai = getattr(user, "pegawai", None)
    instansi = instansi_pengguna(user)
    if pegawai is None or instansi is None or pegawai.instansi_id != instansi.pk:
        return None
    return pegawai


def instansi_pengguna(user):
    """The agency the user belongs to (their ``KeanggotaanInstansi``), or None: never
    a guess. Pages other than the home page are refused to a user without one
    (``lakip.middleware.WajibInstansi``)."""
    if not user.is_authenticated:
        return None
    try:
        return user.keanggotaan.instansi
    except ObjectDoesNotExist:
        return None


def anggota_instansi(instansi):
    """The logins that belong to ``instansi``."""
    return get_user_model().objects.filter(
        pk__in=KeanggotaanInstansi.objects.filter(instansi=instansi).values("user")
    )


def menu_utama(request):
    peran = peran_pengguna(request.user)
    hasil = []
    for nama_url, label, peran_menu, *syarat in getattr(settings, "LAKIP_MENU", []):
        if not peran & set(peran_menu):
            continue
        # An optional fourth item names a predicate ``(user) -> bool`` that
        # narrows the roles further (e.g. only the Sekretaris among unit heads).
        if syarat and not import_string(syarat[0])(request.user):
            continue
        try:
            url = reverse(nama_url)
        except NoReverseMatch:
            continue
        hasil.append(
            {"url": url, "label": label, "aktif": request.path.startswith(url)}
        )
    return hasil


def konteks(request):
    """Template context processor: ``instansi_aktif``, ``peran_label``,
    ``menu_utama`` for every page."""
    if not request.user.is_authenticated:
        return {}
    peran = sorted(peran_pengguna(request.user), key=lambda p: p.label)
    instansi = instansi_pengguna(request.user)
    return {
        "instansi_aktif": instansi,
        "peran_label": ", ".join(p.value for p in peran),
        "menu_utama": menu_utama(request) if instansi else [],
        "admin_instansi": instansi is not None
        and Peran.ADMIN_INSTANSI in peran_pengguna(request.user),
    }


def peran_diperlukan(*peran):
    """View decorator: the user must be signed in (else redirect to login) and
    hold one of ``peran`` (else 403 with an Indonesian message)."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    def dekorator(view):
        @wraps(view)
        def pembungkus(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not peran_pengguna(request.user) & set(peran):
                raise PermissionDenied("Peran Anda tidak berhak membuka halaman ini.")
            return view(request, *args, **kwargs)

        return pembungkus

    return dekorator
