"""Pages of the sub kegiatan reports: the quarter's list (the units the user
may see), the prose editor (the unit carrying the sub kegiatan out, or
Perencanaan); the PDF is ``laporan.dokumen.views.pdf``. Views only route:
changes go through ``laporan.lampiran.uraian``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from lakip.akses import peran_diperlukan
from lakip.triwulan import periode_atau_404
from laporan.akses import instansi_wajib as _instansi
from laporan.dokumen.kunci import SUB_KEGIATAN, kunci
from laporan.dokumen.subkegiatan import PERAN, periksa_terlihat, sub_terlihat
from laporan.lampiran import uraian
from laporan.lampiran.susun import terbit_periode
from laporan.models import UraianSubKegiatan
from renstra.models import SubKegiatan


class UraianForm(forms.ModelForm):
    class Meta:
        model = UraianSubKegiatan
        fields = uraian.BAGIAN
        widgets = {n: forms.Textarea(attrs={"rows": 5}) for n in uraian.BAGIAN}


def _ambil(request, pk):
    sub = get_object_or_404(
        SubKegiatan.objects.select_related(
            "unit", "kegiatan__program__periode__instansi"
        ),
        pk=pk,
        kegiatan__program__periode__instansi=_instansi(request),
    )
    periksa_terlihat(request.user, sub)
    return sub


@peran_diperlukan(*PERAN)
def daftar(request, tahun, triwulan):
    periode_atau_404(tahun, triwulan)
    terbit = terbit_periode(_instansi(request), tahun, triwulan)
    baris = [
        {
            "sub": s,
            "terbit": terbit.get((SUB_KEGIATAN, kunci(SUB_KEGIATAN, s.pk))),
            "boleh_ubah": uraian.boleh_mengubah(request.user, s),
        }
        for s in sub_terlihat(request.user, _instansi(request), tahun)
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
                sub, {n: form.cleaned_data[n] for n in uraian.BAGIAN}, oleh=request.user
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
