"""Writes to the organisation: role permissions and demo accounts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from lakip.models import Instansi, Pegawai, UnitKerja
from lakip.peran import Peran

PASSWORD_DEMO = "demo-lakip-2024"


def atur_izin_peran():
    """Give the role groups their admin permissions (idempotent).

    Perencanaan may add, change and delete every model of the apps listed in
    ``settings.LAKIP_APP_DATA``; Pimpinan and Pemeriksa may view them.
    """
    izin = Permission.objects.filter(
        content_type__app_label__in=settings.LAKIP_APP_DATA
    )
    lihat = izin.filter(codename__startswith="view_")
    for peran, daftar in [
        (Peran.PERENCANAAN, izin),
        (Peran.PIMPINAN, lihat),
        (Peran.PEMERIKSA, lihat),
    ]:
        grup, _ = Group.objects.get_or_create(name=peran.value)
        grup.permissions.set(daftar)


def _kepala(instansi, kode_unit):
    unit = UnitKerja.objects.filter(instansi=instansi, kode=kode_unit).first()
    return unit.kepala if unit else None


def _akun(username, peran, pegawai, staff, peran_tambahan=()):
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(PASSWORD_DEMO)
    user.is_staff = staff
    if pegawai is not None:
        user.first_name = pegawai.nama_lengkap[:150]
    user.save()
    user.groups.set(
        Group.objects.get_or_create(name=p.value)[0] for p in (peran, *peran_tambahan)
    )
    if pegawai is not None and pegawai.user_id != user.pk:
        Pegawai.objects.filter(user=user).update(user=None)
        pegawai.user = user
        pegawai.save(update_fields=["user"])
    return user


@transaction.atomic
def buat_akun_demo(instansi: Instansi):
    """Create (or reset) one demo account per role for ``instansi``.

    Returns ``[(username, peran, pegawai or None)]``; every password is
    ``PASSWORD_DEMO``. Accounts are linked to the seed's officials: the Kepala
    Dinas (Pimpinan), the Kasubag Perencanaan (Perencanaan, and Kepala unit of
    the Subbagian that enters the IKU), the Sekretaris and
    the Kepala Bidang HI (Kepala unit), a mediator of Bidang HI (Operator unit),
    an inspector without a staff record (Pemeriksa), and an Inspektorat
    evaluator of the SAKIP (Evaluator).
    """
    atur_izin_peran()
    kadis = (
        Pegawai.objects.filter(
            instansi=instansi, jenis_jabatan="struktural", atasan__isnull=True
        )
        .order_by("eselon")
        .first()
    )
    kepala_hi = _kepala(instansi, "bidang-hi")
    operator_hi = (
        Pegawai.objects.filter(instansi=instansi, unit__kode="bidang-hi")
        .exclude(pk=getattr(kepala_hi, "pk", None))
        .order_by("-jenis_jabatan", "nama")
        .first()
    )
    rencana = [
        ("kadis", Peran.PIMPINAN, kadis, True),
        (
            "perencanaan",
            Peran.PERENCANAAN,
            _kepala(instansi, "subbag-perencanaan"),
            True,
            # The Kasubag Perencanaan also heads the Subbagian that enters the IKU.
            [Peran.KEPALA_UNIT],
        ),
        ("sekretaris", Peran.KEPALA_UNIT, _kepala(instansi, "sekretariat"), False),
        ("kabid.hi", Peran.KEPALA_UNIT, kepala_hi, False),
        ("operator.hi", Peran.OPERATOR_UNIT, operator_hi, False),
        ("pemeriksa", Peran.PEMERIKSA, None, True),
        ("evaluator", Peran.EVALUATOR, None, False),
    ]
    return [
        (username, peran, pegawai)
        for username, peran, pegawai, staff, *tambahan in rencana
        if _akun(username, peran, pegawai, staff, *tambahan)
    ]
