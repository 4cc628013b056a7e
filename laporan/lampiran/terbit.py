"""Signing the quarter's attachments: the one function that marks a document
signed, and the list of documents that can be signed.

Signable are the invitation to the evaluation meeting (signed by the Kepala
Dinas), the pernyataan telah dievaluasi pages (signed by the evaluator), the
evaluation tables (signed by the official or the unit head), the units'
recommendations (signed by the unit head) and the sub kegiatan reports (signed
by the PPTK). Only the signer records their signature, or an acting
official (Plh./Plt.) under a delegation (``lakip.Delegasi``) valid on the
signing day: the document then names the office holder's office with "Plh." /
"Plt." and the acting official's name and NIP. There is no other way to sign
for someone (``penanda_efektif``). The persons (the named signer, the acting
official, who pressed the button) are frozen as text, a short verification code
is drawn, the document is rendered as issued with the code printed on it, and
the PDF and its SHA-256 are stored; all or nothing. From then on the issued PDF
is the document. Documents with figures (``JENIS_BERDATA``) are signed only once
the quarter is approved.
"""

import dataclasses
import hashlib
import secrets
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from lakip.akses import pegawai_pengguna
from lakip.delegasi import delegasi_pelaksana
from lakip.models import Delegasi, Pegawai
from lakip.selectors import kepala_instansi
from laporan import pdf
from laporan.draf import nama_unit, unit_draf
from laporan.lampiran import rapat, subkegiatan
from laporan.lampiran.render import JUDUL, html_halaman
from laporan.lampiran.susun import Penanda, Pernyataan, susun_lampiran
from laporan.models import DokumenTerbit
from renstra.models import SubKegiatan

ABJAD_KODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
PANJANG_KODE = 10
Jenis = DokumenTerbit.Jenis
# Documents that print the quarter's realisations or attest to them: signed only
# once every unit's quarter is Disahkan (a signature freezes the figures). The
# invitation and the recommendations print none.
JENIS_BERDATA = frozenset({Jenis.PERNYATAAN, Jenis.EVALUASI, Jenis.SUB_KEGIATAN})


class TandaTanganTidakValid(Exception):
    """The document cannot be signed; the message is Indonesian."""


@dataclasses.dataclass
class DokumenTtd:
    """A document of the quarter that can be signed (or has been)."""

    jenis: str
    kunci: str
    judul: str
    penanda: Pegawai | None  # who signs it; frozen when signed
    subjek: Pegawai | None = None  # the official the document is about
    subjek_nama: str = ""
    subjek_jabatan: str = ""
    subjek_nip: str = ""
    terbit: DokumenTerbit | None = None
    # The complete HTML of the document as issued with the given record.
    html: Callable[[DokumenTerbit], str] | None = None

    @property
    def penanda_cetak(self):
        """The signer as printed: frozen once signed, else the staff record."""
        if self.terbit is not None:
            return Penanda.dari_terbit(self.terbit)
        return Penanda.dari_pegawai(self.penanda) if self.penanda else None


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


def _dokumen_pernyataan(lamp):
    for p in lamp.pernyataan:

        def html(terbit, p=p):
            halaman = Pernyataan.dari_terbit(terbit, p.pegawai)
            return html_halaman(lamp, JUDUL["pernyataan"], pernyataan=[halaman])

        yield DokumenTtd(
            jenis=Jenis.PERNYATAAN,
            kunci=p.kunci,
            judul=(
                p.terbit.judul
                if p.terbit
                else f"Pernyataan Telah Dievaluasi atas Kinerja {p.dievaluasi.jabatan}"
            ),
            penanda=p.pegawai.atasan if p.pegawai else None,
            subjek=p.pegawai,
            subjek_nama=p.dievaluasi.nama,
            subjek_jabatan=p.dievaluasi.jabatan,
            subjek_nip=p.dievaluasi.nip,
            terbit=p.terbit,
            html=html if p.pegawai else None,
        )


def _dokumen_evaluasi(lamp):
    for t in lamp.tabel:

        def html(terbit, t=t):
            tabel = dataclasses.replace(
                t, terbit=terbit, penanda=Penanda.dari_terbit(terbit)
            )
            return html_halaman(lamp, JUDUL["evaluasi"], tabel=[tabel])

        pegawai = t.pegawai
        yield DokumenTtd(
            jenis=Jenis.EVALUASI,
            kunci=t.kunci,
            judul=(
                f"Evaluasi Kinerja {pegawai.jabatan} ({pegawai.nama_lengkap})"
                if pegawai
                else f"Evaluasi Kinerja {t.unit.nama}"
            ),
            penanda=pegawai or t.unit.kepala,
            subjek=pegawai,
            subjek_nama=pegawai.nama_lengkap if pegawai else t.unit.nama,
            subjek_jabatan=pegawai.jabatan if pegawai else "Unit kerja",
            subjek_nip=pegawai.nip if pegawai else "",
            terbit=t.terbit,
            html=html,
        )


def _dokumen_sub_kegiatan(lamp, terbit):
    daftar = (
        SubKegiatan.objects.filter(
            kegiatan__program__tahun=lamp.tahun,
            kegiatan__program__periode__instansi=lamp.instansi,
        )
        .select_related("pptk__atasan", "pelaksana")
        .order_by("kode")
    )
    for sub in daftar:

        def html(t, sub=sub):
            lap = subkegiatan.susun_laporan_sub_kegiatan(
                lamp.instansi, lamp.tahun, lamp.triwulan, sub.kode, data=lamp.data
            )
            return subkegiatan.render_html(lap, terbit=t)

        kunci = f"subkegiatan-{sub.pk}"
        pelaksana = sub.pelaksana
        yield DokumenTtd(
            jenis=Jenis.SUB_KEGIATAN,
            kunci=kunci,
            judul=f"Laporan Sub Kegiatan {sub.kode} {sub.nama}"[:300],
            penanda=sub.pptk,
            subjek=pelaksana,
            subjek_nama=pelaksana.nama_lengkap if pelaksana else sub.nama,
            subjek_jabatan=pelaksana.jabatan if pelaksana else "Sub kegiatan",
            subjek_nip=pelaksana.nip if pelaksana else "",
            terbit=terbit.get((Jenis.SUB_KEGIATAN, kunci)),
            html=html,
        )


def _dokumen_undangan(lamp, terbit):
    undangan = rapat.susun_undangan(lamp.instansi, lamp.tahun, lamp.triwulan)
    if undangan is None:
        return

    def html(t):
        beku = dataclasses.replace(undangan, terbit=t, penanda=Penanda.dari_terbit(t))
        return rapat.html_undangan(beku)

    yield DokumenTtd(
        jenis=Jenis.UNDANGAN,
        kunci=undangan.kunci,
        judul=(
            f"Undangan Rapat Evaluasi Triwulan {undangan.triwulan_romawi} "
            f"{undangan.tahun} Nomor {undangan.nomor}"
        ),
        penanda=kepala_instansi(lamp.instansi),
        subjek_nama=lamp.instansi.nama,
        subjek_jabatan="Instansi",
        terbit=terbit.get((Jenis.UNDANGAN, undangan.kunci)),
        html=html,
    )


def _dokumen_rekomendasi(lamp, terbit):
    for r in rapat.susun_rekomendasi(lamp.instansi, lamp.tahun, lamp.triwulan):

        def html(t, r=r):
            beku = dataclasses.replace(r, terbit=t, penanda=Penanda.dari_terbit(t))
            return rapat.html_rekomendasi([beku])

        yield DokumenTtd(
            jenis=Jenis.REKOMENDASI,
            kunci=r.kunci,
            judul=f"Rekomendasi Hasil Evaluasi {r.unit.nama}",
            penanda=r.unit.kepala,
            subjek_nama=r.unit.nama,
            subjek_jabatan="Unit kerja",
            terbit=terbit.get((Jenis.REKOMENDASI, r.kunci)),
            html=html,
        )


def daftar_dokumen(instansi, tahun, triwulan, lamp=None):
    """Every signable document of the quarter in the attachments' order, with
    its ``DokumenTerbit`` when signed: the invitation, the pernyataan pages, the
    evaluation tables, the recommendations, the sub kegiatan reports."""
    lamp = lamp or susun_lampiran(instansi, tahun, triwulan)
    terbit = lamp.terbit
    return [
        *_dokumen_undangan(lamp, terbit),
        *_dokumen_pernyataan(lamp),
        *_dokumen_evaluasi(lamp),
        *_dokumen_rekomendasi(lamp, terbit),
        *_dokumen_sub_kegiatan(lamp, terbit),
    ]


def cari_dokumen(instansi, tahun, triwulan, jenis, kunci):
    """The signable document ``jenis``/``kunci`` of the quarter;
    ``TandaTanganTidakValid`` when there is none."""
    for d in daftar_dokumen(instansi, tahun, triwulan):
        if d.jenis == jenis and d.kunci == kunci:
            return d
    raise TandaTanganTidakValid(
        f"Dokumen ini tidak termasuk lampiran triwulan {triwulan} tahun {tahun} "
        "(pejabat tidak dievaluasi atau tidak mendapat pernyataan)."
    )


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
    of ``JENIS_BERDATA`` while a unit's quarter is not Disahkan, and when the
    document does not exist, has no signer, or is already signed. Nothing is
    written then."""
    dok = cari_dokumen(instansi, tahun, triwulan, jenis, kunci)
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
            f"{timezone.localtime(dok.terbit.ditandatangani_pada):%d-%m-%Y %H:%M}."
        )
    belum = unit_draf(instansi, tahun, triwulan) if jenis in JENIS_BERDATA else []
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
    terbit.isi = pdf.render_pdf(dok.html(terbit))
    terbit.sha256 = hashlib.sha256(terbit.isi).hexdigest()
    try:
        with transaction.atomic():
            terbit.save()
    except IntegrityError:
        raise TandaTanganTidakValid("Dokumen ini sudah ditandatangani.") from None
    return terbit
