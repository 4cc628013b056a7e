"""Who may open the dashboard: Pimpinan, Perencanaan, Pemeriksa, and the
Sekretaris (a Kepala unit whose unit is the Sekretariat)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from lakip.akses import pegawai_pengguna, peran_diperlukan
from lakip.models import UnitKerja
from lakip.peran import Peran, peran_pengguna

PERAN_PENUH = {Peran.PIMPINAN, Peran.PERENCANAAN, Peran.PEMERIKSA}
PESAN_DITOLAK = "Dasbor hanya untuk Pimpinan, Perencanaan, Sekretaris, dan Pemeriksa."


def sekretaris(user):
    """True when the user's staff record belongs to, or heads, a Sekretariat."""
    pegawai = pegawai_pengguna(user)
    if pegawai is None:
        return False
    return UnitKerja.objects.filter(
        Q(kepala=pegawai) | Q(pk=pegawai.unit_id),
        jenis=UnitKerja.Jenis.SEKRETARIAT,
        instansi=pegawai.instansi_id,
    ).exists()


def boleh_lihat_dasbor(user):
    peran = peran_pengguna(user)
    if peran & PERAN_PENUH:
        return True
    return Peran.KEPALA_UNIT in peran and sekretaris(user)


def akses_dasbor(view):
    """View decorator: sign-in required (else login), and one of the roles
    above (else 403 with an Indonesian message)."""

    @peran_diperlukan(*PERAN_PENUH, Peran.KEPALA_UNIT)
    @wraps(view)
    def pembungkus(request, *args, **kwargs):
        if not boleh_lihat_dasbor(request.user):
            raise PermissionDenied(PESAN_DITOLAK)
        return view(request, *args, **kwargs)

    return pembungkus
