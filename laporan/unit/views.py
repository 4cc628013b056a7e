"""Screens of the units' quarterly reports: the quarter's list (the readers of
the reports and the unit heads) and the prose editor (the unit's head or
Perencanaan). Views only route: changes go through ``laporan.unit.services``;
the PDF is ``laporan:dokumen_pdf``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from lakip.akses import peran_diperlukan
from lakip.models import UnitKerja
from lakip.peran import Peran
from lakip.triwulan import periode_atau_404
from laporan.akses import instansi_wajib as _instansi
from laporan.dokumen.dasar import PESERTA
from laporan.dokumen.kunci import LAPORAN_UNIT, kunci
from laporan.galat import LaporanTidakValid
from laporan.lampiran.susun import terbit_periode
from laporan.models import LaporanUnit
from laporan.unit import services
from laporan.unit.susun import SEKSI, teks_kosong, teks_unit, unit_laporan


class LaporanUnitForm(forms.Form):
    """The prose sections; the service validates them again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in SEKSI:
            self.fields[nama] = forms.CharField(
                label=LaporanUnit._meta.get_field(nama).verbose_name.capitalize(),
                required=False,
                max_length=services.PANJANG_MAKS,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 6}),
            )


@peran_diperlukan(*PESERTA)
def daftar(request, tahun, triwulan):
    periode_atau_404(tahun, triwulan)
    instansi = _instansi(request)
    terbit = terbit_periode(instansi, tahun, triwulan)
    baris = []
    for unit in unit_laporan(instansi):
        teks = teks_unit(unit, tahun, triwulan)
        baris.append(
            {
                "unit": unit,
                "teks": teks,
                "kosong": teks_kosong(teks),
                "terbit": terbit.get((LAPORAN_UNIT, kunci(LAPORAN_UNIT, unit.pk))),
                "boleh_ubah": services.boleh_menyunting(request.user, unit),
            }
        )
    return render(
        request,
        "laporan/unit/daftar.html",
        {"tahun": tahun, "triwulan": triwulan, "baris": baris},
    )


@peran_diperlukan(Peran.KEPALA_UNIT, Peran.PERENCANAAN)
def ubah(request, tahun, triwulan, unit_id):
    periode_atau_404(tahun, triwulan)
    unit = get_object_or_404(
        UnitKerja.objects.select_related("kepala"),
        pk=unit_id,
        instansi=_instansi(request),
    )
    if unit.induk_id is not None:
        raise Http404("Laporan kinerja unit dibuat untuk Sekretariat/Bidang.")
    if not services.boleh_menyunting(request.user, unit):
        raise PermissionDenied(
            f"Hanya kepala {unit.nama} atau Perencanaan yang boleh mengubah laporan "
            "kinerja unit ini."
        )
    teks = teks_unit(unit, tahun, triwulan)
    data = request.POST if request.method == "POST" else None
    form = LaporanUnitForm(data, initial=services.teks_awal(unit, tahun, triwulan))
    status = 200
    if data is not None:
        if form.is_valid():
            try:
                berubah = services.simpan_laporan_unit(
                    unit, tahun, triwulan, form.cleaned_data, oleh=request.user
                )
            except LaporanTidakValid as galat:
                form.add_error(None, str(galat))
            else:
                messages.success(
                    request,
                    f"Laporan kinerja {unit.nama} tersimpan "
                    f"({len(berubah)} bagian berubah).",
                )
                return redirect("laporan:laporan_unit_daftar", tahun, triwulan)
        status = 400
    return render(
        request,
        "laporan/unit/ubah.html",
        {
            "form": form,
            "unit": unit,
            "teks": teks,
            "tahun": tahun,
            "triwulan": triwulan,
            "kunci": kunci(LAPORAN_UNIT, unit.pk),
        },
        status=status,
    )
