"""Downloads and documents of the evaluation: the LKE (JSON, xlsx), the
uploaded evidence, the pohon kinerja and the Manual IK on screen. Their PDFs
are documents of laporan's registry (``evaluasi.jenis_dokumen``) served by
``laporan:dokumen_pdf_tahun``; the old PDF addresses (links kept as evidence)
redirect there."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from evaluasi import dokumen, ekspor
from evaluasi.akses import baca_evaluasi, instansi_aktif
from evaluasi.jenis_dokumen import IKU, LKE, MANUAL_IK, POHON
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
    if format == "pdf":
        return _ke_registri(tahun, LKE)
    instansi = instansi_aktif(request)
    hasil = hasil_lke(instansi, tahun)
    if hasil is None:
        raise Http404(f"Struktur LKE tahun {tahun} belum ditetapkan.")
    if format == "json":
        isi = ekspor.teks_json(hasil).encode("utf-8")
    else:
        isi = ekspor.xlsx_lke(hasil, instansi)
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


def _ke_registri(tahun, kode):
    """The one PDF route of the registry's yearly documents."""
    return redirect("laporan:dokumen_pdf_tahun", tahun=tahun, kunci=kode)


@baca_evaluasi
def pohon_pdf(request, tahun):
    return _ke_registri(tahun, POHON)


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
    return _ke_registri(tahun, MANUAL_IK)


@baca_evaluasi
def iku_pdf(request, tahun):
    return _ke_registri(tahun, IKU)
