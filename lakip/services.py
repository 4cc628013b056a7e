"""Writes to the organisation: role permissions, demo accounts, and the
privileged changes only an Admin instansi (or the system administrator) makes:
linking logins to staff records, naming unit heads and superiors, issuing
one-time password reset links. Each privileged change is recorded in
``RiwayatOrganisasi``."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from lakip.akses import instansi_pengguna
from lakip.models import (
    Instansi,
    KeanggotaanInstansi,
    Pegawai,
    RiwayatOrganisasi,
    UnitKerja,
)
from lakip.peran import Peran, peran_pengguna

PASSWORD_DEMO = "demo-lakip-2024"


def atur_izin_peran():
    """Give the role groups their admin permissions (idempotent).

    Perencanaan may add, change and delete every model of the apps listed in
    ``settings.LAKIP_APP_DATA``; Pimpinan and Pemeriksa may view them. Admin
    instansi may change the organisation (units, staff, its agency's record) and
    view it. Every admin page is scoped to the user's agency
    (``lakip.admin_lingkup``); the membership and history models are the system
    administrator's (view only for others).
    """
    izin = Permission.objects.filter(
        content_type__app_label__in=settings.LAKIP_APP_DATA
    ).exclude(
        content_type__model__in=["keanggotaaninstansi", "riwayatorganisasi"],
        codename__regex=r"^(add|change|delete)_",
    )
    lihat = izin.filter(codename__startswith="view_")
    organisasi = Permission.objects.filter(content_type__app_label="lakip").filter(
        codename__regex=r"^(view_|(add|change|delete)_(unitkerja|pegawai)$"
        r"|change_instansi$)"
    )
    for peran, daftar in [
        (Peran.PERENCANAAN, izin),
        (Peran.PIMPINAN, lihat),
        (Peran.PEMERIKSA, lihat),
        (Peran.ADMIN_INSTANSI, organisasi),
    ]:
        grup, _ = Group.objects.get_or_create(name=peran.value)
        grup.permissions.set(daftar)


def _kepala(instansi, kode_unit):
    unit = UnitKerja.objects.filter(instansi=instansi, kode=kode_unit).first()
    return unit.kepala if unit else None


def jadikan_anggota(user, instansi):
    """Make ``user`` a member of ``instansi`` (replacing any other membership);
    returns the user. The system administrator's set-up step (demo accounts,
    benchmarks); in the admin it is the membership model's page."""
    KeanggotaanInstansi.objects.update_or_create(
        user=user, defaults={"instansi": instansi}
    )
    return user


def _akun(instansi, username, peran, pegawai, staff, peran_tambahan=()):
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(PASSWORD_DEMO)
    user.is_staff = staff
    if pegawai is not None:
        user.first_name = pegawai.nama_lengkap[:150]
    user.save()
    user.groups.set(
        Group.objects.filter(name__in=[p.value for p in (peran, *peran_tambahan)])
    )
    jadikan_anggota(user, instansi)
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
    the Kasubag Umum dan Kepegawaian (Admin instansi), and an inspector without a
    staff record (Pemeriksa). Every account belongs to ``instansi``.
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
        (
            "admin.instansi",
            Peran.ADMIN_INSTANSI,
            _kepala(instansi, "subbag-umum"),
            True,
        ),
        ("pemeriksa", Peran.PEMERIKSA, None, True),
    ]
    return [
        (username, peran, pegawai)
        for username, peran, pegawai, staff, *tambahan in rencana
        if _akun(instansi, username, peran, pegawai, staff, *tambahan)
    ]


# --- Privileged changes to the organisation -----------------------------------------

# Fields that decide who signs and whom a login speaks for.
BIDANG_ISTIMEWA = {Pegawai: ("user", "atasan"), UnitKerja: ("kepala",)}

_AKSI = {
    (Pegawai, "user"): "tautkan akun login",
    (Pegawai, "atasan"): "tetapkan atasan",
    (UnitKerja, "kepala"): "tetapkan kepala unit",
}


def boleh_kelola_organisasi(user, instansi):
    """True when ``user`` may make privileged changes to ``instansi``: the system
    administrator (superuser), or an Admin instansi belonging to it."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (
        Peran.ADMIN_INSTANSI in peran_pengguna(user)
        and instansi is not None
        and instansi_pengguna(user) == instansi
    )


def _wajib_boleh(oleh, instansi):
    if not boleh_kelola_organisasi(oleh, instansi):
        raise PermissionDenied(
            "Hanya Admin instansi (atau Admin sistem) yang boleh menautkan akun, "
            "menetapkan kepala unit, dan menetapkan atasan."
        )


def periksa_jabatan(objek, nilai):
    """Refuse (``ValidationError`` keyed by field) privileged values of ``objek``
    (a ``Pegawai`` or ``UnitKerja``) that leave its agency or break the hierarchy."""
    galat = {}
    instansi_id = objek.instansi_id
    if "user" in nilai and nilai["user"] is not None:
        user = nilai["user"]
        anggota = KeanggotaanInstansi.objects.filter(user=user).first()
        if anggota is None or anggota.instansi_id != instansi_id:
            galat["user"] = "Akun login ini bukan anggota instansi pegawai tersebut."
        else:
            lain = Pegawai.objects.filter(user=user).exclude(pk=objek.pk).first()
            if lain is not None:
                galat["user"] = f"Akun login ini sudah tertaut ke {lain}."
    for bidang in ("atasan", "kepala"):
        pegawai = nilai.get(bidang)
        if pegawai is not None and pegawai.instansi_id != instansi_id:
            galat[bidang] = "Pegawai ini bukan pegawai instansi yang sama."
    atasan = nilai.get("atasan")
    langkah = 0
    while atasan is not None and "atasan" not in galat and langkah < 100:
        if objek.pk is not None and atasan.pk == objek.pk:
            galat["atasan"] = "Atasan tidak boleh pegawai itu sendiri atau bawahannya."
        atasan, langkah = atasan.atasan, langkah + 1
    if galat:
        raise ValidationError(galat)


def _teks(nilai):
    return "" if nilai is None else str(nilai)[:300]


@transaction.atomic
def ubah_jabatan(oleh, objek, **nilai):
    """Set privileged fields of ``objek`` (``Pegawai``: ``user``, ``atasan``;
    ``UnitKerja``: ``kepala``) as ``oleh``, after checking the right
    (``boleh_kelola_organisasi``) and the values (``periksa_jabatan``); every
    changed field is recorded in ``RiwayatOrganisasi``. Returns the changed
    field names."""
    model = type(objek)
    tidak_dikenal = set(nilai) - set(BIDANG_ISTIMEWA.get(model, ()))
    if tidak_dikenal:
        raise ValueError(f"Bukan bidang istimewa: {sorted(tidak_dikenal)}")
    _wajib_boleh(oleh, objek.instansi)
    periksa_jabatan(objek, nilai)
    berubah = []
    for bidang, baru in nilai.items():
        lama = getattr(objek, bidang)
        if lama == baru:
            continue
        setattr(objek, bidang, baru)
        berubah.append(bidang)
        RiwayatOrganisasi.objects.create(
            instansi=objek.instansi,
            aksi=_AKSI[(model, bidang)],
            objek=_teks(objek),
            nilai_lama=_teks(lama),
            nilai_baru=_teks(baru),
            oleh=oleh,
        )
    if berubah:
        objek.save(update_fields=berubah)
    return berubah


def buat_tautan_reset(oleh, user):
    """A one-time password reset path for ``user`` (Django's token generator: it
    stops working once the password changes, and after
    ``PASSWORD_RESET_TIMEOUT``), issued by an Admin instansi of the user's agency
    or the system administrator, and recorded. A superuser's password is reset only
    by another superuser."""
    instansi = instansi_pengguna(user)
    if instansi is None and not oleh.is_superuser:
        raise PermissionDenied("Akun ini bukan anggota instansi Anda.")
    _wajib_boleh(oleh, instansi)
    if user.is_superuser and not oleh.is_superuser:
        raise PermissionDenied("Sandi Admin sistem hanya dapat direset Admin sistem.")
    if instansi is not None:
        RiwayatOrganisasi.objects.create(
            instansi=instansi,
            aksi="buat tautan reset sandi",
            objek=user.get_username(),
            oleh=oleh,
        )
    return reverse(
        "sandi_reset_konfirmasi",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
