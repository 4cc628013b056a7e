"""Pages of the sub kegiatan reports: the quarter's list (the units the user
may see), the prose editor (the unit carrying the sub kegiatan out, or
Perencanaan), and the PDF (the issued one once signed). Views only route:
changes go through ``laporan.lampiran.uraian``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from lakip.akses import peran_diperlukan
from lakip.peran import Peran
from lakip.triwulan import periode_atau_404
from laporan.lampiran import subkegiatan, uraian
from laporan.lampiran.susun import terbit_periode
from laporan.lampiran.terbit import pdf_terbit
from laporan.lampiran.views import _instansi
from laporan.models import DokumenTerbit, UraianSubKegiatan
from realisasi.akses import unit_terlihat
from renstra.models import SubKegiatan

PERAN = (
    Peran.PERENCANAAN,
    Peran.PIMPINAN,
    Peran.PEMERIKSA,
    Peran.KEPALA_UNIT,
    Peran.OPERATOR_UNIT,
)


class UraianForm(forms.ModelForm):
    class Meta:
        model = UraianSubKegiatan
        fields = uraian.BAGIAN
        widgets = {n: forms.Textarea(attrs={"rows": 5}) for n in uraian.BAGIAN}


def _sub_terlihat(request, tahun):
    return (
        SubKegiatan.objects.filter(
            kegiatan__program__tahun=tahun,
            kegiatan__program__periode__instansi=_instansi(request),
            unit__in=unit_terlihat(request.user),
        )
        .select_related("unit", "pptk", "pelaksana")
        .order_by("kode")
    )


def _ambil(request, pk):
    sub = get_object_or_404(
        SubKegiatan.objects.select_related("unit", "kegiatan__program"),
        pk=pk,
        kegiatan__program__periode__instansi=_instansi(request),
    )
    if (
        not _sub_terlihat(request, sub.kegiatan.program.tahun)
        .filter(pk=sub.pk)
        .exists()
    ):
        raise PermissionDenied("Sub kegiatan ini bukan milik unit Anda.")
    return sub


@peran_diperlukan(*PERAN)
def daftar(request, tahun, triwulan):
    periode_atau_404(tahun, triwulan)
    terbit = terbit_periode(_instansi(request), tahun, triwulan)
    baris = [
        {
            "sub": s,
            "terbit": terbit.get(
                (DokumenTerbit.Jenis.SUB_KEGIATAN, f"subkegiatan-{s.pk}")
            ),
            "boleh_ubah": uraian.boleh_mengubah(request.user, s),
        }
        for s in _sub_terlihat(request, tahun)
    ]
    return render(
        request,
        "laporan/lampiran/subkegiatan_daftar.html",
        {"tahun": tahun, "triwulan": triwulan, "baris": baris},
    )


@peran_diperlukan(*PERAN)
def ubah_uraian(request, tahun, triwulan, pk):
    periode_atau_404(tahun, triwulan)
    sub = _ambil(request, pk)
    if not uraian.boleh_mengubah(request.user, sub):
        raise PermissionDenied("Anda tidak berhak mengubah uraian sub kegiatan ini.")
    form = UraianForm(request.POST or None, instance=uraian.uraian(sub))
    if request.method == "POST" and form.is_valid():
        try:
            berubah = uraian.simpan_uraian(
                request.user, sub, {n: form.cleaned_data[n] for n in uraian.BAGIAN}
            )
        except uraian.UraianTidakValid as galat:
            form.add_error(None, str(galat))
        else:
            messages.success(
                request,
                f"Uraian tersimpan ({len(berubah)} bagian berubah)."
                if berubah
                else "Tidak ada perubahan.",
            )
            return redirect(
                "laporan:subkegiatan_daftar", tahun=tahun, triwulan=triwulan
            )
    return render(
        request,
        "laporan/lampiran/subkegiatan_uraian.html",
        {"sub": sub, "form": form, "tahun": tahun, "triwulan": triwulan},
    )


@peran_diperlukan(*PERAN)
def pdf(request, tahun, triwulan, pk):
    """The report as PDF: the issued document once signed, else rendered now."""
    periode_atau_404(tahun, triwulan)
    sub = _ambil(request, pk)
    instansi = _instansi(request)
    terbit = pdf_terbit(
        instansi, tahun, triwulan, "subkegiatan", f"subkegiatan-{sub.pk}"
    )
    if terbit is not None:  # signed: the issued document
        isi, nama = terbit, f"SUBKEGIATAN-{sub.kode}-{tahun}-TW{triwulan}.pdf"
    else:
        try:
            lap = subkegiatan.susun_laporan_sub_kegiatan(
                instansi, tahun, triwulan, sub.kode
            )
        except ValueError as galat:
            raise Http404(str(galat)) from None
        hasil = subkegiatan.render_pdf(lap)
        isi, nama = hasil.isi, hasil.nama_berkas
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="{nama}"'
    return respons
