"""The quarter's calendar screen: the dates the documents carry (report date,
evaluation meeting, issue date), entered by Perencanaan, read by the readers of
the reports. Writes go through ``laporan.kalender.simpan_kalender``."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render

from lakip.akses import peran_diperlukan
from lakip.format import format_triwulan
from lakip.triwulan import periode_atau_404
from laporan import kalender
from laporan.akses import instansi_wajib
from laporan.dokumen.dasar import PESERTA
from laporan.galat import LaporanTidakValid

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PESAN_TANGGAL = {"invalid": "Masukkan tanggal yang benar (mis. 20/05/2024)."}


class KalenderForm(forms.Form):
    """The three dates; an empty one takes its default."""

    tanggal_laporan = forms.DateField(
        label="Tanggal laporan (laporan sub kegiatan)",
        required=False,
        widget=TANGGAL,
        error_messages=PESAN_TANGGAL,
    )
    tanggal_rapat = forms.DateField(
        label="Tanggal rapat evaluasi (daftar hadir umum)",
        required=False,
        widget=TANGGAL,
        error_messages=PESAN_TANGGAL,
    )
    tanggal_terbit = forms.DateField(
        label="Tanggal terbit (pernyataan, tabel evaluasi, rekomendasi)",
        required=False,
        widget=TANGGAL,
        error_messages=PESAN_TANGGAL,
    )


@peran_diperlukan(*PESERTA)
def kalender_triwulan(request, tahun, triwulan):
    """Show the quarter's dates (entered or default); Perencanaan saves them.
    Bad input: the form again with the Indonesian message, status 400."""
    periode_atau_404(tahun, triwulan)
    instansi = instansi_wajib(request)
    kal = kalender.susun_kalender(instansi, tahun, triwulan)
    boleh = kalender.boleh_mengatur(request.user)
    awal = {b: getattr(kal.catatan, b) for b in kalender.BIDANG} if kal.catatan else {}
    data = request.POST if request.method == "POST" else None
    form = KalenderForm(data, initial=awal)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                kalender.simpan_kalender(
                    instansi, tahun, triwulan, form.cleaned_data, oleh=request.user
                )
            except LaporanTidakValid as galat:
                form.add_error(None, str(galat))
            else:
                messages.success(
                    request,
                    f"Kalender Triwulan {format_triwulan(triwulan)} Tahun {tahun} "
                    "disimpan.",
                )
                return redirect("laporan:kalender", tahun, triwulan)
        status = 400
    return render(
        request,
        "laporan/kalender.html",
        {
            "form": form,
            "kal": kal,
            "boleh": boleh,
            "tahun": tahun,
            "triwulan": triwulan,
            "romawi": format_triwulan(triwulan),
        },
        status=status,
    )
