"""Signing the quarter's attachments: the one function that marks a document
signed, and the list of documents that can be signed.

Signable are the kinds of the registry (``laporan.dokumen``) that declare
``ttd``: the invitation to the evaluation meeting (signed by the Kepala Dinas),
the pernyataan telah dievaluasi pages (signed by the evaluator), the evaluation
tables (signed by the official or the unit head), the sub kegiatan reports
(signed by the PPTK) and the units' recommendations (signed by the unit head).
Only the signer records their signature, or an acting official (Plh./Plt.) under
a delegation (``lakip.Delegasi``) valid on the signing day: the document then
names the office holder's office with "Plh." / "Plt." and the acting official's
name and NIP. There is no other way to sign for someone (``penanda_efektif``).
The persons (the named signer, the acting official, who pressed the button) are
frozen as text, a short verification code is drawn, the document is rendered as
issued with the code, its absolute verification address and a QR code of it
printed on it (``laporan.lampiran.qr``), and the PDF, its SHA-256 and the date
it carries (the kind's date rule, ``DokumenTerbit.tanggal_dokumen``) are
stored; all or nothing. From then on the issued PDF is the document. Kinds with figures
(``JenisDokumen.berdata``) are signed only once the quarter is approved.
"""

import dataclasses
import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from lakip.akses import pegawai_pengguna
from lakip.delegasi import delegasi_pelaksana
from lakip.format import format_waktu
from lakip.models import Delegasi, Pegawai
from laporan import pdf
from laporan.dokumen import jenis_dokumen, semua_jenis
from laporan.dokumen.konteks import susun_konteks
from laporan.dokumen.kunci import TAHUN, TRIWULAN
from laporan.draf import nama_unit, unit_draf
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


@dataclasses.dataclass(frozen=True)
class Kuasa:
    """Who signs a document for its named signer: the staff record of the user
    pressing the button, and the delegation used (None when signing as
    themself)."""

    pelaksana: Pegawai
    delegasi: Delegasi | None = None


def penanda_efektif(user, penanda, tanggal, delegasi=None):
    """The ``Kuasa`` under which ``user`` signs for ``penanda`` on ``tanggal``:
    as themself when their staff record is ``penanda``, else as acting
    official under a delegation of ``penanda``'s office valid that day; None
    when the user may not sign. ``delegasi`` (``{pejabat_id: Delegasi}`` from
    ``lakip.delegasi.delegasi_pelaksana``) saves the query for many documents."""
    pegawai = pegawai_pengguna(user) if user is not None else None
    if pegawai is None or penanda is None:
        return None
    if pegawai.pk == penanda.pk:
        return Kuasa(pegawai)
    if delegasi is None:
        delegasi = delegasi_pelaksana(pegawai, tanggal)
    d = delegasi.get(penanda.pk)
    return Kuasa(pegawai, d) if d is not None else None


def periode_dokumen(triwulan):
    """The kinds' period of ``triwulan``: ``TAHUN`` for
    ``DokumenTerbit.TAHUNAN`` (the year's documents), else ``TRIWULAN``."""
    return TAHUN if triwulan == DokumenTerbit.TAHUNAN else TRIWULAN


def daftar_dokumen(instansi, tahun, triwulan, lamp=None):
    """Every signable document of the quarter (of the year for ``triwulan``
    ``DokumenTerbit.TAHUNAN``: the yearly kinds'), kind by kind in the
    registry's order (``laporan.dokumen``), with its ``DokumenTerbit`` when
    signed."""
    konteks = susun_konteks(instansi, tahun, triwulan, lampiran=lamp)
    return [
        d
        for j in semua_jenis(periode_dokumen(triwulan))
        if j.dapat_ditandatangani
        for d in j.ttd(konteks)
    ]


def cari_dokumen(instansi, tahun, triwulan, jenis, kunci):
    """The signable document ``jenis``/``kunci`` of the quarter (of the year
    for ``DokumenTerbit.TAHUNAN``); ``TandaTanganTidakValid`` when there is
    none."""
    kind = jenis_dokumen(jenis)
    periode = periode_dokumen(triwulan)
    if kind is not None and kind.dapat_ditandatangani and kind.periode == periode:
        konteks = susun_konteks(instansi, tahun, triwulan)
        for d in kind.ttd(konteks):
            if d.kunci == kunci:
                return d
    if periode == TAHUN:
        raise TandaTanganTidakValid(
            f"Dokumen ini tidak termasuk dokumen tahunan tahun {tahun}."
        )
    raise TandaTanganTidakValid(
        f"Dokumen ini tidak termasuk lampiran triwulan {triwulan} tahun {tahun} "
        "(pejabat tidak dievaluasi atau tidak mendapat pernyataan)."
    )


def menunggu_pengesahan(instansi, tahun, triwulan, jenis, belum=None):
    """The units whose quarter is not Disahkan when the kind ``jenis`` prints
    figures (``JenisDokumen.berdata``): its documents wait for them to be
    signed; empty otherwise. ``belum`` (``unit_draf`` of the quarter) saves the
    query for many documents."""
    kind = jenis_dokumen(jenis)
    if kind is None or not kind.berdata:
        return []
    return unit_draf(instansi, tahun, triwulan) if belum is None else belum


def _isian_kuasa(kuasa):
    """The ``DokumenTerbit`` fields of who pressed the button and, under a
    delegation, of the acting official and the decree."""
    p = kuasa.pelaksana
    isian = {"pencatat": p, "pencatat_nama": p.nama_lengkap, "pencatat_nip": p.nip}
    d = kuasa.delegasi
    if d is not None:
        isian.update(
            kuasa=d.get_jenis_display(),
            delegasi=d,
            pelaksana_nama=p.nama_lengkap,
            pelaksana_jabatan=p.jabatan,
            pelaksana_pangkat=p.pangkat,
            pelaksana_golongan=p.golongan,
            pelaksana_nip=p.nip,
            delegasi_nomor_sk=d.nomor_sk,
            delegasi_tanggal_sk=d.tanggal_sk,
        )
    return isian


@transaction.atomic
def tandatangani(user, instansi, tahun, triwulan, jenis, kunci):
    """Mark the document ``jenis``/``kunci`` of the quarter as signed; returns
    its ``DokumenTerbit``. Raises ``PermissionDenied`` for a user who may not
    sign it (``penanda_efektif``), ``TandaTanganTidakValid`` for a document
    of a kind with figures while a unit's quarter is not Disahkan, and when the
    document does not exist, has no signer, is already signed, or waits for
    something its kind names (``DokumenTtd.menunggu``). Nothing is written
    then. ``triwulan`` ``DokumenTerbit.TAHUNAN`` signs a yearly document."""
    dok = cari_dokumen(instansi, tahun, triwulan, jenis, kunci)
    if dok.menunggu and dok.terbit is None:
        raise TandaTanganTidakValid(dok.menunggu)
    if dok.penanda is None or dok.html is None:
        raise TandaTanganTidakValid(
            "Penanda tangan dokumen ini belum tercatat pada data pegawai."
        )
    sekarang = timezone.now()
    kuasa = penanda_efektif(user, dok.penanda, timezone.localdate(sekarang))
    if kuasa is None:
        raise PermissionDenied(
            f"Hanya {dok.penanda.nama_lengkap} sendiri, atau pelaksana tugas "
            "(Plh./Plt.) yang tercatat untuk jabatannya pada hari ini, yang boleh "
            "menandatangani dokumen ini."
        )
    if dok.terbit is not None:
        raise TandaTanganTidakValid(
            "Dokumen ini sudah ditandatangani pada "
            f"{format_waktu(dok.terbit.ditandatangani_pada)}."
        )
    belum = menunggu_pengesahan(instansi, tahun, triwulan, jenis)
    if belum:
        raise TandaTanganTidakValid(
            "Dokumen ini memuat capaian triwulan yang belum disahkan "
            f"({nama_unit(belum)}); tanda tangan dapat dicatat setelah semua "
            "unit Disahkan."
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
        **_isian_kuasa(kuasa),
        kode=buat_kode(),
        ditandatangani_oleh=user,
        ditandatangani_pada=sekarang,
    )
    # The date the document carries is frozen with it (the kind's rule today).
    # A yearly document (no quarter calendar) carries the day it is signed.
    terbit.tanggal_dokumen = dok.tanggal
    kind = jenis_dokumen(jenis)
    if terbit.tanggal_dokumen is None and kind.tahunan:
        terbit.tanggal_dokumen = timezone.localdate(sekarang)
    elif terbit.tanggal_dokumen is None:
        terbit.tanggal_dokumen = kind.tanggal_dokumen(
            susun_konteks(instansi, tahun, triwulan), kunci
        )
    terbit.isi, _ = pdf.pdf_html(dok.html(terbit), pakai_cache=False)
    terbit.sha256 = hashlib.sha256(terbit.isi).hexdigest()
    try:
        with transaction.atomic():
            terbit.save()
    except IntegrityError:
        raise TandaTanganTidakValid("Dokumen ini sudah ditandatangani.") from None
    return terbit
