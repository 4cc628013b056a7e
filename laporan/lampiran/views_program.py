"""Pages of the program and kegiatan reports: the year's programs and kegiatan
of the units the user sees, with their report (once prose is stored) and the
prose editor (the unit carrying it out, or Perencanaan). The PDF is
``laporan.dokumen.views.pdf``; changes go through
``laporan.lampiran.uraian_program``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from lakip.akses import peran_diperlukan
from lakip.triwulan import periode_atau_404
from laporan.akses import instansi_wajib
from laporan.dokumen.kunci import LAPORAN_KEGIATAN, LAPORAN_PROGRAM
from laporan.dokumen.subkegiatan import PERAN
from laporan.lampiran import program as lp
from laporan.lampiran import uraian_program as up
from laporan.models import UraianProgram
from realisasi.akses import unit_terlihat
from renstra.models import Program

KODE = {lp.PROGRAM: LAPORAN_PROGRAM, lp.KEGIATAN: LAPORAN_KEGIATAN}


class UraianProgramForm(forms.ModelForm):
    class Meta:
        model = UraianProgram
        fields = up.NAMA_BAGIAN
        widgets = {n: forms.Textarea(attrs={"rows": 4}) for n in up.NAMA_BAGIAN}


def _terlihat(user, objek):
    unit = lp.unit_objek(objek)
    return unit is None or unit.pk in {u.pk for u in unit_terlihat(user)}


@peran_diperlukan(*PERAN)
def daftar(request, tahun, triwulan):
    """The year's programs, each followed by its kegiatan."""
    periode_atau_404(tahun, triwulan)
    instansi = instansi_wajib(request)
    ada = {t: lp.laporan_ada(instansi, tahun, t) for t in KODE}
    baris = []
    program = Program.objects.filter(periode__instansi=instansi, tahun=tahun)
    for p in program.prefetch_related("kegiatan"):
        for tingkat, objek in [(lp.PROGRAM, p)] + [
            (lp.KEGIATAN, k) for k in p.kegiatan.all()
        ]:
            if not _terlihat(request.user, objek):
                continue
            baris.append(
                {
                    "tingkat": tingkat,
                    "objek": objek,
                    "kode_jenis": KODE[tingkat],
                    "ada": objek.pk in ada[tingkat],
                    "boleh_ubah": up.boleh_mengubah(request.user, objek),
                }
            )
    return render(
        request,
        "laporan/lampiran/program_daftar.html",
        {"tahun": tahun, "triwulan": triwulan, "baris": baris},
    )


@peran_diperlukan(*PERAN)
def ubah_uraian(request, tahun, triwulan, tingkat, pk):
    periode_atau_404(tahun, triwulan)
    if tingkat not in KODE:
        raise Http404("Tingkat tidak dikenal.")
    objek = lp.objek_laporan(instansi_wajib(request), tahun, tingkat, pk)
    if objek is None or not _terlihat(request.user, objek):
        raise Http404(f"{tingkat.capitalize()} tidak ditemukan.")
    if not up.boleh_mengubah(request.user, objek):
        raise PermissionDenied("Anda tidak berhak mengubah uraian ini.")
    form = UraianProgramForm(request.POST or None, instance=up.uraian_program(objek))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                berubah = up.simpan_uraian_program(
                    objek,
                    {n: form.cleaned_data[n] for n in up.NAMA_BAGIAN},
                    oleh=request.user,
                )
            except up.UraianProgramTidakValid as galat:
                form.add_error(None, str(galat))
            else:
                messages.success(
                    request,
                    f"Uraian tersimpan ({len(berubah)} bagian berubah)."
                    if berubah
                    else "Tidak ada perubahan.",
                )
                return redirect("laporan:program_daftar", tahun, triwulan)
        status = 400
    return render(
        request,
        "laporan/lampiran/program_uraian.html",
        {
            "objek": objek,
            "tingkat": tingkat,
            "form": form,
            "tahun": tahun,
            "triwulan": triwulan,
        },
        status=status,
    )
