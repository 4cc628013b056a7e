"""The one way to a document's PDF on screen: the issued PDF once signed, else
the document built through the package builder (so the part cache serves it;
watermarked and named ``DRAF-`` while the quarter is not approved).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse

from lakip.akses import instansi_pengguna
from lakip.triwulan import periode_atau_404
from laporan.dokumen import grup_jenis, jenis_dokumen
from laporan.dokumen.kunci import urai_kunci
from laporan.draf import nama_berkas as nama_draf
from laporan.lampiran.terbit import pdf_terbit
from laporan.paket.bagian import PilihanTidakValid
from laporan.paket.rakit import rakit_paket


def _jenis(kunci):
    """``(kind, subject pk)`` of ``kunci``: a document's key, or a kind's code
    or group (all its documents, ``pk`` ``None``)."""
    kode, pk = urai_kunci(kunci)
    jenis = jenis_dokumen(kode)
    if jenis is None and pk is None and kunci in grup_jenis():
        jenis = grup_jenis()[kunci][0]
    if jenis is None:
        raise Http404("Dokumen tidak dikenal.")
    return jenis, pk


@login_required
def pdf(request, tahun, triwulan, kunci):
    """The PDF of the document ``kunci`` of the quarter (or of every document of
    a kind when ``kunci`` names the kind), for the users the kind allows."""
    periode_atau_404(tahun, triwulan)
    instansi = instansi_pengguna(request.user)
    if instansi is None:
        raise Http404("Belum ada instansi.")
    jenis, pk = _jenis(kunci)
    if not jenis.boleh_unduh(request.user, instansi, pk):
        raise PermissionDenied("Anda tidak berhak mengunduh dokumen ini.")
    nama = jenis.nama_berkas(instansi, tahun, triwulan, pk)
    isi = pdf_terbit(instansi, tahun, triwulan, jenis.kode, kunci)
    if isi is None:
        try:
            hasil = rakit_paket(instansi, tahun, triwulan, pilihan=[kunci])
        except PilihanTidakValid:
            raise Http404("Dokumen ini belum ada pada triwulan tersebut.") from None
        # A quarter not yet approved: watermarked by the builder, named so.
        isi, nama = hasil.isi, nama_draf(nama, hasil.draf)
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons
