"""The evaluation's documents as kinds of laporan's document registry
(``laporan.dokumen``), all yearly (``periode`` ``TAHUN``): served by the one
route ``laporan:dokumen_pdf_tahun``, signed in the year's list
(``laporan:tanda_tangan_tahun``), never parts of a quarter's package.
Registered from ``EvaluasiConfig.ready``.

Who signs (PermenPAN-RB 88/2021 practice; the Laporan Hasil Evaluasi is the
Inspektorat's, signed by the Inspektur outside the agency's staff, so it is
not a document of this app):

- ``lke``, the LKE worksheet: signed by the Kepala Dinas once the Evaluator
  has made it final (read-only from then, so the issued PDF never goes stale;
  an approved self-assessment can still be returned to draft). Watermarked
  "DRAF" while the self-assessment is not approved by the Pimpinan.
- ``iku``, the Dokumen IKU: ditetapkan (signed) by the Kepala Dinas.
- ``manual-ik``, the Manual IK: the IKU's technical annex, not signed.
- ``pohon-kinerja``: a picture of the plan's cascading, not signed.
"""

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from evaluasi import dokumen
from evaluasi.akses import PERAN_BACA
from evaluasi.models import PenilaianLke
from evaluasi.selectors import hasil_lke
from lakip.peran import peran_pengguna
from lakip.selectors import kepala_instansi
from laporan.dokumen import daftarkan, jenis_dokumen
from laporan.dokumen.dasar import DokumenTtd, JenisDokumen, nama_tahun
from laporan.dokumen.kunci import TAHUN, kunci
from laporan.dokumen.tahunan import pdf_tahunan
from laporan.lampiran.susun import Penanda

LKE = "lke"
IKU = "iku"
MANUAL_IK = "manual-ik"
POHON = "pohon-kinerja"


def boleh_evaluasi(user, instansi, pk):
    """The evaluation's readers (the Evaluator too) download its documents."""
    return bool(peran_pengguna(user) & set(PERAN_BACA))


def blok_ttd(instansi, terbit=None):
    """The signature block's data: the signer frozen in ``terbit`` and its
    day once signed, else the agency head as the staff records name them
    (``penanda`` None when nobody is recorded) and today."""
    if terbit is not None:
        penanda = Penanda.dari_terbit(terbit)
        tanggal = timezone.localdate(terbit.ditandatangani_pada)
    else:
        pegawai = kepala_instansi(instansi)
        penanda = Penanda.dari_pegawai(pegawai) if pegawai else None
        tanggal = timezone.localdate()
    return {
        "penanda": penanda,
        "terbit": terbit,
        "tanggal": tanggal,
        "alamat_situs": getattr(settings, "LAKIP_ALAMAT_SITUS", ""),
    }


def _dokumen_instansi(k, kode, judul, html, menunggu=""):
    """The one signable document of kind ``kode`` of ``k``'s year, signed by
    the agency head; ``html(terbit)`` its complete HTML as issued."""
    key = kunci(kode)
    return DokumenTtd(
        jenis=kode,
        kunci=key,
        judul=judul,
        penanda=kepala_instansi(k.instansi),
        subjek_nama=k.instansi.nama,
        subjek_jabatan="Instansi",
        terbit=k.terbit.get((kode, key)),
        html=html,
        menunggu=menunggu,
    )


# -- LKE -----------------------------------------------------------------------


def _hasil(instansi, tahun):
    hasil = hasil_lke(instansi, tahun)
    if hasil is None:
        raise Http404(f"Struktur LKE tahun {tahun} belum ditetapkan.")
    return hasil


def cetak_lke(instansi, tahun, pk=None):
    """The LKE worksheet as it stands; a draft while not approved."""
    hasil = _hasil(instansi, tahun)
    p = hasil.penilaian
    draf = p is None or p.status == PenilaianLke.Status.DRAF
    return dokumen.html_lke(instansi, hasil, ttd=blok_ttd(instansi)), draf


def _ttd_lke(k):
    hasil = hasil_lke(k.instansi, k.tahun)
    if hasil is None:
        return
    p = hasil.penilaian
    menunggu = ""
    if p is None or p.status != PenilaianLke.Status.FINAL:
        menunggu = (
            f"LKE tahun {k.tahun} ditandatangani setelah direviu dan difinalkan "
            "Evaluator."
        )
    yield _dokumen_instansi(
        k,
        LKE,
        f"Lembar Kerja Evaluasi AKIP Tahun {k.tahun}",
        lambda t: dokumen.html_lke(k.instansi, hasil, ttd=blok_ttd(k.instansi, t)),
        menunggu,
    )


# -- Dokumen IKU, Manual IK, pohon kinerja ---------------------------------------


def cetak_iku(instansi, tahun, pk=None):
    return dokumen.html_iku(instansi, tahun, ttd=blok_ttd(instansi)), False


def _ttd_iku(k):
    ada = dokumen.manual_ik(k.instansi, k.tahun, hanya_iku=True)
    yield _dokumen_instansi(
        k,
        IKU,
        f"Dokumen Indikator Kinerja Utama Tahun {k.tahun}",
        lambda t: dokumen.html_iku(k.instansi, k.tahun, ttd=blok_ttd(k.instansi, t)),
        "" if ada else f"Belum ada IKU pada periode Renstra tahun {k.tahun}.",
    )


def cetak_manual_ik(instansi, tahun, pk=None):
    return dokumen.html_iku(instansi, tahun, manual=True), False


def cetak_pohon(instansi, tahun, pk=None):
    return dokumen.html_pohon(instansi, tahun), False


def _nama(awalan):
    return lambda instansi, tahun, triwulan, pk=None: nama_tahun(
        awalan, instansi, tahun
    )


JENIS = (
    JenisDokumen(
        kode=LKE,
        label="Lembar Kerja Evaluasi AKIP",
        tempat=(),
        nama_berkas=_nama("LKE"),
        ttd=_ttd_lke,
        boleh_unduh=boleh_evaluasi,
        templat="evaluasi/pdf/lke.html",
        tanggal="the signing day (today while not signed)",
        periode=TAHUN,
        cetak=cetak_lke,
    ),
    JenisDokumen(
        kode=IKU,
        label="Dokumen Indikator Kinerja Utama",
        tempat=(),
        nama_berkas=_nama("IKU"),
        ttd=_ttd_iku,
        boleh_unduh=boleh_evaluasi,
        templat="evaluasi/pdf/iku.html",
        tanggal="the signing day (today while not signed)",
        periode=TAHUN,
        cetak=cetak_iku,
    ),
    JenisDokumen(
        kode=MANUAL_IK,
        label="Manual Indikator Kinerja",
        tempat=(),
        nama_berkas=_nama("MANUAL-IK"),
        boleh_unduh=boleh_evaluasi,
        templat="evaluasi/pdf/manual_ik.html",
        periode=TAHUN,
        cetak=cetak_manual_ik,
    ),
    JenisDokumen(
        kode=POHON,
        label="Pohon kinerja",
        tempat=(),
        nama_berkas=_nama("POHON-KINERJA"),
        boleh_unduh=boleh_evaluasi,
        templat="evaluasi/pdf/pohon.html",
        periode=TAHUN,
        cetak=cetak_pohon,
    ),
)


def daftarkan_semua():
    """Register the evaluation's kinds in laporan's registry."""
    for jenis in JENIS:
        daftarkan(jenis)


def pdf_dokumen(instansi, tahun, kode):
    """``(pdf bytes, file name)`` of the evaluation's document ``kode`` of
    ``tahun`` through the registry: as issued once signed, else laid out now.
    Raises ``Http404`` when it cannot be built (``laporan.dokumen.tahunan``)."""
    return pdf_tahunan(instansi, tahun, jenis_dokumen(kode), kunci(kode))
