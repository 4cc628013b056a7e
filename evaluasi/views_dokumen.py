"""Downloads and documents of the evaluation: the LKE (JSON, xlsx, PDF), the
uploaded evidence, the pohon kinerja (screen and PDF), the Manual IK and the
Dokumen IKU."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.http import Http404, HttpResponse
from django.shortcuts import render

from evaluasi import dokumen, ekspor
from evaluasi.akses import baca_evaluasi, instansi_aktif
from evaluasi.pohon import pohon_kinerja
from evaluasi.selectors import bukti_instansi, hasil_lke

JENIS = {
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _berkas(isi, tipe, nama, lampiran=True):
    respons = HttpResponse(isi, content_type=tipe)
    cara = "attachment" if lampiran else "inline"
    respons["Content-Disposition"] = f'{cara}; filename="{nama}"'
    respons["X-Content-Type-Options"] = "nosniff"
    return respons


@baca_evaluasi
def unduh_lke(request, tahun, format):
    if format not in JENIS:
        raise Http404("Format tidak dikenal.")
    instansi = instansi_aktif(request)
    hasil = hasil_lke(instansi, tahun)
    if hasil is None:
        raise Http404(f"Struktur LKE tahun {tahun} belum ditetapkan.")
    if format == "json":
        isi = ekspor.teks_json(hasil).encode("utf-8")
    elif format == "xlsx":
        isi = ekspor.xlsx_lke(hasil, instansi)
    else:
        isi = dokumen.pdf_lke(instansi, hasil)
    return _berkas(isi, JENIS[format], f"LKE-{tahun}-{instansi.kode}.{format}")


@baca_evaluasi
def unduh_bukti(request, pk):
    bukti = bukti_instansi(instansi_aktif(request), pk)
    if bukti.isi is None:
        raise Http404("Bukti ini bukan berkas unggahan.")
    return _berkas(bytes(bukti.isi), bukti.tipe_berkas, bukti.nama_berkas)


@baca_evaluasi
def pohon(request, tahun):
    instansi = instansi_aktif(request)
    return render(
        request,
        "evaluasi/pohon.html",
        {"tahun": tahun, "pohon": pohon_kinerja(instansi, tahun)},
    )


def _pdf(request, tahun, susun, nama):
    """``susun(instansi, tahun)`` of the user's agency as a PDF download."""
    instansi = instansi_aktif(request)
    return _berkas(
        susun(instansi, tahun), JENIS["pdf"], f"{nama}-{tahun}-{instansi.kode}.pdf"
    )


@baca_evaluasi
def pohon_pdf(request, tahun):
    return _pdf(request, tahun, dokumen.pdf_pohon, "pohon-kinerja")


# The Manual IK page is its PDF's standalone HTML with the print styles
# embedded: inline styles only, scripts stay forbidden.
@csp_update({"style-src": [UNSAFE_INLINE]})
@baca_evaluasi
def manual_ik(request, tahun):
    return HttpResponse(
        dokumen.html_iku(instansi_aktif(request), tahun, manual=True, layar=True)
    )


@baca_evaluasi
def manual_ik_pdf(request, tahun):
    return _pdf(
        request, tahun, lambda i, t: dokumen.pdf_iku(i, t, manual=True), "manual-ik"
    )


@baca_evaluasi
def iku_pdf(request, tahun):
    return _pdf(request, tahun, dokumen.pdf_iku, "dokumen-iku")
