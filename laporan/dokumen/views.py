"""The one way to a document's PDF on screen: the issued PDF once signed, else
the document built through the package builder (so the part cache serves it;
watermarked and named ``DRAF-`` while the quarter is not approved). A yearly
kind's document (``JenisDokumen.periode`` ``TAHUN``) the same way by its year
(``pdf_tahun``, ``laporan.dokumen.tahunan``).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse

from lakip.akses import instansi_pengguna
from lakip.triwulan import periode_atau_404
from laporan.dokumen import grup_jenis, jenis_dokumen
from laporan.dokumen.kunci import TAHUN, TRIWULAN, urai_kunci
from laporan.dokumen.tahunan import pdf_tahunan
from laporan.draf import nama_berkas as nama_draf
from laporan.lampiran.terbit import pdf_terbit
from laporan.paket.bagian import PilihanTidakValid
from laporan.paket.rakit import rakit_paket


def _jenis(kunci, periode=TRIWULAN):
    """``(kind, subject pk)`` of ``kunci``: a document's key, or a kind's code
    or group (all its documents, ``pk`` ``None``), of a kind of ``periode``."""
    kode, pk = urai_kunci(kunci)
    jenis = jenis_dokumen(kode)
    if jenis is None and pk is None and kunci in grup_jenis(periode):
        jenis = grup_jenis(periode)[kunci][0]
    if jenis is None or jenis.periode != periode:
        raise Http404("Dokumen tidak dikenal.")
    return jenis, pk


def _boleh(request, kunci, periode):
    """``(agency, kind, subject pk)`` when the user may download ``kunci``."""
    instansi = instansi_pengguna(request.user)
    if instansi is None:
        raise Http404("Belum ada instansi.")
    jenis, pk = _jenis(kunci, periode)
    if not jenis.boleh_unduh(request.user, instansi, pk):
        raise PermissionDenied("Anda tidak berhak mengunduh dokumen ini.")
    return instansi, jenis, pk


def _respons(isi, nama):
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


@login_required
def pdf_tahun(request, tahun, kunci):
    """The PDF of the yearly document ``kunci`` of ``tahun``: as issued once
    signed, else laid out now from its kind's ``cetak`` (a draft watermarked
    and named ``DRAF-``), for the users the kind allows."""
    instansi, jenis, pk = _boleh(request, kunci, TAHUN)
    return _respons(*pdf_tahunan(instansi, tahun, jenis, kunci, pk))


@login_required
def pdf(request, tahun, triwulan, kunci):
    """The PDF of the document ``kunci`` of the quarter (or of every document of
    a kind when ``kunci`` names the kind), for the users the kind allows."""
    periode_atau_404(tahun, triwulan)
    instansi, jenis, pk = _boleh(request, kunci, TRIWULAN)
    nama = jenis.nama_berkas(instansi, tahun, triwulan, pk)
    isi = pdf_terbit(instansi, tahun, triwulan, jenis.kode, kunci)
    if isi is None:
        try:
            hasil = rakit_paket(instansi, tahun, triwulan, pilihan=[kunci])
        except PilihanTidakValid:
            raise Http404("Dokumen ini belum ada pada triwulan tersebut.") from None
        # A quarter not yet approved: watermarked by the builder, named so.
        isi, nama = hasil.isi, nama_draf(nama, hasil.draf)
    return _respons(isi, nama)
