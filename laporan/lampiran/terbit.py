"""Signing the quarter's attachments: the one function that marks a document
signed, and the list of documents that can be signed.

Signable are the kinds of the registry (``laporan.dokumen``) that declare
``ttd``: the invitation to the evaluation meeting (signed by the Kepala Dinas),
the pernyataan telah dievaluasi pages (signed by the evaluator), the evaluation
tables (signed by the official or the unit head), the sub kegiatan reports
(signed by the PPTK) and the units' recommendations (signed by the unit head).
The signer, their superior (the evaluator) or the Kepala Dinas (role Pimpinan)
records the signature. The persons are frozen as text, a short verification code
is drawn, the document is rendered as issued with the code printed on it, and
the PDF and its SHA-256 are stored; all or nothing. From then on the issued PDF
is the document."""

import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from lakip.akses import pegawai_pengguna
from lakip.format import format_waktu
from lakip.peran import Peran, peran_pengguna
from laporan import pdf
from laporan.dokumen import jenis_dokumen, semua_jenis
from laporan.dokumen.konteks import susun_konteks
from laporan.galat import LaporanTidakValid
from laporan.lampiran.susun import Penanda
from laporan.models import DokumenTerbit

ABJAD_KODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
PANJANG_KODE = 10


class TandaTanganTidakValid(LaporanTidakValid):
    """The document cannot be signed; the message is Indonesian."""


def pdf_terbit(instansi, tahun, triwulan, jenis, kunci):
    """The issued PDF of the document ``jenis``/``kunci`` of the quarter, or
    ``None`` while it is not signed."""
    isi = (
        DokumenTerbit.objects.filter(
            instansi=instansi, tahun=tahun, triwulan=triwulan, jenis=jenis, kunci=kunci
        )
        .values_list("isi", flat=True)
        .first()
    )
    return bytes(isi) if isi is not None else None


def buat_kode():
    return "".join(secrets.choice(ABJAD_KODE) for _ in range(PANJANG_KODE))


def boleh_menandatangani(user, penanda):
    """The signer themself, the signer's superior (evaluator) or the Kepala
    Dinas may record a signature of ``penanda``."""
    if Peran.PIMPINAN in peran_pengguna(user):
        return True
    if penanda is None:
        return False
    pegawai = pegawai_pengguna(user)
    return pegawai is not None and pegawai.pk in (penanda.pk, penanda.atasan_id)


def daftar_dokumen(instansi, tahun, triwulan, lamp=None):
    """Every signable document of the quarter, kind by kind in the registry's
    order (``laporan.dokumen``), with its ``DokumenTerbit`` when signed."""
    konteks = susun_konteks(instansi, tahun, triwulan, lampiran=lamp)
    return [d for j in semua_jenis() if j.dapat_ditandatangani for d in j.ttd(konteks)]


def cari_dokumen(instansi, tahun, triwulan, jenis, kunci):
    """The signable document ``jenis``/``kunci`` of the quarter;
    ``TandaTanganTidakValid`` when there is none."""
    kind = jenis_dokumen(jenis)
    if kind is not None and kind.dapat_ditandatangani:
        konteks = susun_konteks(instansi, tahun, triwulan)
        for d in kind.ttd(konteks):
            if d.kunci == kunci:
                return d
    raise TandaTanganTidakValid(
        f"Dokumen ini tidak termasuk lampiran triwulan {triwulan} tahun {tahun} "
        "(pejabat tidak dievaluasi atau tidak mendapat pernyataan)."
    )


@transaction.atomic
def tandatangani(user, instansi, tahun, triwulan, jenis, kunci):
    """Mark the document ``jenis``/``kunci`` of the quarter as signed; returns
    its ``DokumenTerbit``. Raises ``PermissionDenied`` for a user who may not
    record the signature and ``TandaTanganTidakValid`` when the document does
    not exist, has no signer, or is already signed. Nothing is written then."""
    dok = cari_dokumen(instansi, tahun, triwulan, jenis, kunci)
    if user is None or not boleh_menandatangani(user, dok.penanda):
        raise PermissionDenied(
            "Hanya penanda tangan, atasannya (evaluator), atau Kepala Dinas yang "
            "boleh mencatat tanda tangan dokumen ini."
        )
    if dok.terbit is not None:
        raise TandaTanganTidakValid(
            "Dokumen ini sudah ditandatangani pada "
            f"{format_waktu(dok.terbit.ditandatangani_pada)}."
        )
    if dok.penanda is None or dok.html is None:
        raise TandaTanganTidakValid(
            "Penanda tangan dokumen ini belum tercatat pada data pegawai."
        )
    penanda = Penanda.dari_pegawai(dok.penanda)
    terbit = DokumenTerbit(
        instansi=instansi,
        jenis=jenis,
        kunci=kunci,
        judul=dok.judul,
        tahun=tahun,
        triwulan=triwulan,
        subjek=dok.subjek,
        subjek_nama=dok.subjek_nama,
        subjek_jabatan=dok.subjek_jabatan,
        subjek_nip=dok.subjek_nip,
        penanda_nama=penanda.nama,
        penanda_jabatan=penanda.jabatan,
        penanda_pangkat=penanda.pangkat,
        penanda_golongan=penanda.golongan,
        penanda_nip=penanda.nip,
        kode=buat_kode(),
        ditandatangani_oleh=user,
        ditandatangani_pada=timezone.now(),
    )
    terbit.isi, _ = pdf.pdf_html(dok.html(terbit), pakai_cache=False)
    terbit.sha256 = hashlib.sha256(terbit.isi).hexdigest()
    try:
        with transaction.atomic():
            terbit.save()
    except IntegrityError:
        raise TandaTanganTidakValid("Dokumen ini sudah ditandatangani.") from None
    return terbit
