"""The Perjanjian Kinerja document on screen and as PDF. Readable by
Perencanaan, Pimpinan and Pemeriksa, and by the two parties themselves."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from lakip.akses import instansi_pengguna, pegawai_pengguna, peran_diperlukan
from lakip.peran import Peran, peran_pengguna
from laporan.dokumen_pk import html_perjanjian_kinerja, pdf_perjanjian_kinerja
from renstra.models import PerjanjianKinerja

PERAN_BACA = {Peran.PERENCANAAN, Peran.PIMPINAN, Peran.PEMERIKSA}


def _perjanjian(request, pk):
    perjanjian = get_object_or_404(
        PerjanjianKinerja.objects.select_related(
            "instansi", "pihak_pertama", "pihak_kedua"
        ),
        pk=pk,
        instansi=instansi_pengguna(request.user),
    )
    pegawai = pegawai_pengguna(request.user)
    pihak = {perjanjian.pihak_pertama_id, perjanjian.pihak_kedua_id}
    if not (peran_pengguna(request.user) & PERAN_BACA) and (
        pegawai is None or pegawai.pk not in pihak
    ):
        raise PermissionDenied("Anda tidak berhak membuka Perjanjian Kinerja ini.")
    return perjanjian


# The document page is the PDF's standalone HTML, with its print styles embedded
# (WeasyPrint renders the same HTML): inline styles only, scripts stay forbidden.
@csp_update({"style-src": [UNSAFE_INLINE]})
@peran_diperlukan(*Peran)
def dokumen_pk(request, pk):
    return HttpResponse(html_perjanjian_kinerja(_perjanjian(request, pk), layar=True))


@peran_diperlukan(*Peran)
def pdf_pk(request, pk):
    perjanjian = _perjanjian(request, pk)
    respons = HttpResponse(
        pdf_perjanjian_kinerja(perjanjian), content_type="application/pdf"
    )
    nip = perjanjian.pihak_pertama.nip or perjanjian.pk
    nama = f"perjanjian-kinerja-{perjanjian.tahun}-{nip}.pdf"
    respons["Content-Disposition"] = f'inline; filename="{nama}"'
    return respons
