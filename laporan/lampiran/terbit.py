"""Signing a pernyataan telah dievaluasi: the one function that marks it signed.

The evaluator (the official's superior in the staff records) or the Kepala Dinas
(role Pimpinan) records that the page was signed. The evaluated official and the
signer are frozen as text, a short verification code is drawn, the page is
rendered as issued and its SHA-256 stored; all or nothing.
"""

import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from lakip.akses import pegawai_pengguna
from lakip.peran import Peran, peran_pengguna
from laporan import pdf
from laporan.lampiran.render import JUDUL, html_halaman
from laporan.lampiran.susun import Pernyataan, susun_lampiran
from laporan.models import DokumenTerbit

ABJAD_KODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
PANJANG_KODE = 10


class TandaTanganTidakValid(Exception):
    """The document cannot be signed; the message is Indonesian."""


def buat_kode():
    return "".join(secrets.choice(ABJAD_KODE) for _ in range(PANJANG_KODE))


def boleh_menandatangani(user, pegawai):
    """The evaluator of ``pegawai`` (their superior) or the Kepala Dinas."""
    if Peran.PIMPINAN in peran_pengguna(user):
        return True
    penanda = pegawai_pengguna(user)
    return penanda is not None and penanda.pk == pegawai.atasan_id


@transaction.atomic
def tandatangani_pernyataan(user, instansi, tahun, triwulan, pegawai):
    """Mark the pernyataan of ``pegawai`` for the quarter as signed by their
    evaluator; returns the ``DokumenTerbit``. Raises ``PermissionDenied`` for a
    user who may not sign it and ``TandaTanganTidakValid`` when the official is
    not evaluated this quarter or the page is already signed."""
    if user is None or not boleh_menandatangani(user, pegawai):
        raise PermissionDenied(
            "Hanya atasan (evaluator) pejabat ini atau Kepala Dinas yang boleh "
            "menandatangani pernyataan ini."
        )
    lamp = susun_lampiran(instansi, tahun, triwulan)
    halaman = next(
        (p for p in lamp.pernyataan if p.pegawai and p.pegawai == pegawai), None
    )
    if halaman is None:
        raise TandaTanganTidakValid(
            f"{pegawai.nama_lengkap} tidak mendapat pernyataan telah dievaluasi pada "
            f"triwulan {lamp.triwulan_romawi} tahun {tahun}."
        )
    if halaman.terbit is not None:
        raise TandaTanganTidakValid(
            "Pernyataan ini sudah ditandatangani pada "
            f"{timezone.localtime(halaman.terbit.ditandatangani_pada):%d-%m-%Y %H:%M}."
        )
    terbit = DokumenTerbit(
        instansi=instansi,
        jenis=DokumenTerbit.Jenis.PERNYATAAN,
        tahun=tahun,
        triwulan=triwulan,
        subjek=pegawai,
        subjek_nama=halaman.dievaluasi.nama,
        subjek_jabatan=halaman.dievaluasi.jabatan,
        subjek_nip=halaman.dievaluasi.nip,
        penanda_nama=halaman.evaluator.nama,
        penanda_jabatan=halaman.evaluator.jabatan,
        penanda_pangkat=halaman.evaluator.pangkat,
        penanda_golongan=halaman.evaluator.golongan,
        penanda_nip=halaman.evaluator.nip,
        kode=buat_kode(),
        ditandatangani_oleh=user,
        ditandatangani_pada=timezone.now(),
    )
    html = html_halaman(
        lamp,
        JUDUL["pernyataan"],
        pernyataan=[Pernyataan.dari_terbit(terbit, pegawai)],
    )
    terbit.isi = pdf.render_pdf(html)
    terbit.sha256 = hashlib.sha256(terbit.isi).hexdigest()
    try:
        with transaction.atomic():
            terbit.save()
    except IntegrityError:
        raise TandaTanganTidakValid("Pernyataan ini sudah ditandatangani.") from None
    return terbit
