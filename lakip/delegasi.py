"""Delegations of an office (Plh./Plt.): who may record one, the one function
that records it, and which delegation lets an official sign for another on a
given day.

Recording is privileged: a superuser, or the agency's Pimpinan (Kepala Dinas)
or Admin instansi for staff of the agency. A delegation is never changed once
recorded (it is the basis of signatures already issued); a mistake is fixed by
a superuser.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lakip.akses import instansi_pengguna
from lakip.format import format_tanggal
from lakip.models import Delegasi, Pegawai
from lakip.peran import Peran, peran_pengguna


def boleh_mencatat_delegasi(user, instansi=None):
    """True for a superuser, and for a Pimpinan or an Admin instansi belonging to
    an agency (to ``instansi`` when given)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not peran_pengguna(user) & {Peran.PIMPINAN, Peran.ADMIN_INSTANSI}:
        return False
    milik = instansi_pengguna(user)
    if milik is None:
        return False
    return instansi is None or milik.pk == instansi.pk


def periksa_delegasi(
    user, *, pejabat, pelaksana, jenis, mulai, selesai, nomor_sk, tanggal_sk
):
    """Check a delegation before it is recorded. Raises ``PermissionDenied``
    for a user who may not record it and ``ValidationError`` (Indonesian) for a
    wrong one: both officials of one agency, not the same person, the acting
    official active, a known kind, a period in order, a decree number and date,
    and no other delegation of the same office overlapping the period."""
    if not boleh_mencatat_delegasi(user, pejabat.instansi if pejabat else None):
        raise PermissionDenied(
            "Hanya Kepala Dinas (Pimpinan) atau Admin instansi dari instansi ini, "
            "atau admin sistem, yang boleh mencatat pelaksana tugas (Plh./Plt.)."
        )
    salah = []
    if pejabat is None or pelaksana is None:
        raise ValidationError("Pejabat yang diwakili dan pelaksananya wajib diisi.")
    if pejabat.instansi_id != pelaksana.instansi_id:
        salah.append("Pejabat dan pelaksananya harus pegawai instansi yang sama.")
    if pejabat.pk == pelaksana.pk:
        salah.append("Pejabat tidak dapat menjadi pelaksana tugas bagi dirinya.")
    if not pelaksana.aktif:
        salah.append(f"{pelaksana.nama_lengkap} tidak aktif.")
    if jenis not in Delegasi.Jenis.values:
        salah.append("Jenis harus Plh. atau Plt.")
    if not isinstance(mulai, datetime.date) or not isinstance(selesai, datetime.date):
        salah.append("Tanggal mulai dan selesai wajib diisi.")
    elif selesai < mulai:
        salah.append("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if not (nomor_sk or "").strip():
        salah.append("Nomor surat keputusan/perintah wajib diisi.")
    if not isinstance(tanggal_sk, datetime.date):
        salah.append("Tanggal surat wajib diisi.")
    if salah:
        raise ValidationError(salah)
    tumpang = (
        Delegasi.objects.filter(pejabat=pejabat, mulai__lte=selesai, selesai__gte=mulai)
        .select_related("pelaksana")
        .first()
    )
    if tumpang is not None:
        raise ValidationError(
            f"Jabatan {pejabat.jabatan} sudah diwakili oleh "
            f"{tumpang.pelaksana.nama_lengkap} ({tumpang.get_jenis_display()}) "
            f"{format_tanggal(tumpang.mulai)} s.d. {format_tanggal(tumpang.selesai)}."
        )


@transaction.atomic
def catat_delegasi(
    user, *, pejabat, pelaksana, jenis, mulai, selesai, nomor_sk, tanggal_sk
):
    """Record a delegation after ``periksa_delegasi``; returns it with who
    recorded it and when. Nothing is saved when a check fails."""
    # Lock the office holder's row so two overlapping records cannot both pass.
    Pegawai.objects.select_for_update().filter(pk=pejabat.pk).first()
    isian = dict(
        pejabat=pejabat,
        pelaksana=pelaksana,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        nomor_sk=(nomor_sk or "").strip(),
        tanggal_sk=tanggal_sk,
    )
    periksa_delegasi(user, **isian)
    return Delegasi.objects.create(
        instansi=pejabat.instansi,
        dicatat_oleh=user,
        dicatat_pada=timezone.now(),
        **isian,
    )


def delegasi_pelaksana(pelaksana, tanggal):
    """``{pejabat_id: Delegasi}``: the offices ``pelaksana`` acts for on
    ``tanggal`` (empty for None)."""
    if pelaksana is None:
        return {}
    return {
        d.pejabat_id: d
        for d in Delegasi.objects.filter(
            pelaksana=pelaksana, mulai__lte=tanggal, selesai__gte=tanggal
        ).select_related("pejabat")
    }
