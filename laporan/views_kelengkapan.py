"""The readiness screen of a quarter (``laporan.kelengkapan``): every document,
what it lacks, who must act and the screen that fixes it. Readers of the
reports (Perencanaan, Pimpinan, Pemeriksa), their own agency only."""

from django.shortcuts import render

from lakip.akses import peran_diperlukan
from lakip.triwulan import periode_atau_404
from laporan.akses import instansi_wajib
from laporan.dokumen.dasar import PEMBACA
from laporan.kelengkapan import susun_kelengkapan


@peran_diperlukan(*PEMBACA)
def kelengkapan(request, tahun, triwulan):
    periode_atau_404(tahun, triwulan)
    kel = susun_kelengkapan(instansi_wajib(request), tahun, triwulan)
    hanya_kurang = request.GET.get("tampil") == "kurang"
    return render(
        request,
        "laporan/lakip/kelengkapan.html",
        {
            "tahun": tahun,
            "triwulan": triwulan,
            "kel": kel,
            "baris": kel.kurang if hanya_kurang else kel.baris,
            "hanya_kurang": hanya_kurang,
        },
    )
