"""Screens of the evaluation meeting: the quarter's overview, the invitation
with its schedule (Perencanaan), a unit's recommendations (the unit head or
Perencanaan), and the PDF documents. Views only route: writes go through
``laporan.rapat.services``, documents are built by ``laporan.lampiran.rapat``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lakip.akses import peran_diperlukan
from lakip.format import format_triwulan
from lakip.models import UnitKerja
from lakip.peran import Peran
from lakip.triwulan import periode_atau_404, triwulan_tanggal
from laporan.akses import instansi_wajib as _instansi
from laporan.dokumen.dasar import PESERTA
from laporan.dokumen.rekomendasi import boleh_unduh as boleh_unduh_rekomendasi
from laporan.galat import LaporanTidakValid
from laporan.kalender import susun_kalender
from laporan.lampiran import rapat as dokumen
from laporan.models import RekomendasiEvaluasi, UndanganRapat
from laporan.rapat import services
from laporan.rapat.forms import (
    RekomendasiForm,
    UndanganForm,
    blok_pejabat,
    butir_terurut,
    jadwal_formset,
)
from laporan.rapat.selectors import bawahan_unit


def _unit(request, unit_id):
    return get_object_or_404(
        UnitKerja.objects.select_related("kepala"),
        pk=unit_id,
        instansi=_instansi(request),
    )


@peran_diperlukan(*PESERTA)
def terkini(request):
    """The meeting of the latest invitation, else of the last finished
    quarter."""
    terakhir = (
        UndanganRapat.objects.filter(instansi=_instansi(request))
        .order_by("-tahun", "-triwulan")
        .first()
    )
    if terakhir is not None:
        return redirect("laporan:rapat", terakhir.tahun, terakhir.triwulan)
    hari_ini = timezone.localdate()
    triwulan = triwulan_tanggal(hari_ini) - 1  # the quarter before this one
    tahun = hari_ini.year if triwulan else hari_ini.year - 1
    return redirect("laporan:rapat", tahun, triwulan or 4)


@peran_diperlukan(*PESERTA)
def rapat(request, tahun, triwulan):
    """The quarter's meeting: the invitation and schedule, the attendance
    lists, and the recommendations of every unit head."""
    periode_atau_404(tahun, triwulan)
    instansi = _instansi(request)
    undangan = dokumen.susun_undangan(instansi, tahun, triwulan)
    tersimpan = {
        r.unit_id: r
        for r in RekomendasiEvaluasi.objects.filter(
            unit__instansi=instansi, tahun=tahun, triwulan=triwulan
        ).prefetch_related("butir")
    }
    unit = [
        {
            "unit": u,
            "rekomendasi": tersimpan.get(u.pk),
            "boleh": services.boleh_menyunting_rekomendasi(request.user, u),
            "boleh_unduh": boleh_unduh_rekomendasi(request.user, instansi, u.pk),
        }
        for u in UnitKerja.objects.filter(instansi=instansi).select_related("kepala")
        if u.pk in tersimpan or bawahan_unit(u)
    ]
    return render(
        request,
        "laporan/rapat/rapat.html",
        {
            "tahun": tahun,
            "triwulan": triwulan,
            "romawi": format_triwulan(triwulan),
            "undangan": undangan,
            "kalender": susun_kalender(instansi, tahun, triwulan),
            "unit": unit,
            "boleh_undangan": services.boleh_menyiapkan_undangan(request.user),
            "sebelum": (tahun, triwulan - 1) if triwulan > 1 else (tahun - 1, 4),
            "sesudah": (tahun, triwulan + 1) if triwulan < 4 else (tahun + 1, 1),
        },
    )


@peran_diperlukan(Peran.PERENCANAAN)
def undangan(request, tahun, triwulan):
    """Edit the invitation and its schedule (a new one starts from the default
    texts and one 30-minute slot per unit from 13.00)."""
    periode_atau_404(tahun, triwulan)
    instansi = _instansi(request)
    surat = services.undangan_bawaan(instansi, tahun, triwulan)
    if surat.pk:
        awal = [
            services.BarisJadwal(
                j.unit, j.tanggal, j.jam_mulai, j.jam_selesai, j.tempat
            )
            for j in surat.jadwal.select_related("unit")
        ]
    else:
        awal = services.jadwal_bawaan(instansi, surat.tanggal)
    data = request.POST if request.method == "POST" else None
    form = UndanganForm(data, instance=surat)
    formset = jadwal_formset(instansi, data, awal)
    if data is not None and form.is_valid() & formset.is_valid():
        try:
            services.simpan_undangan(
                instansi,
                tahun,
                triwulan,
                {k: form.cleaned_data[k] for k in services.BIDANG_SURAT},
                formset.baris(),
                oleh=request.user,
            )
        except LaporanTidakValid as galat:
            form.add_error(None, str(galat))
        else:
            messages.success(
                request,
                f"Undangan rapat evaluasi Triwulan {format_triwulan(triwulan)} "
                f"Tahun {tahun} disimpan.",
            )
            return redirect("laporan:rapat", tahun, triwulan)
    return render(
        request,
        "laporan/rapat/undangan.html",
        {
            "form": form,
            "formset": formset,
            "tahun": tahun,
            "triwulan": triwulan,
            "romawi": format_triwulan(triwulan),
            "baru": surat.pk is None,
        },
    )


@peran_diperlukan(Peran.KEPALA_UNIT, Peran.PERENCANAAN)
def rekomendasi(request, tahun, triwulan, unit_id):
    """Enter a unit's recommendations: one block per subordinate official
    with their items; only the unit head or Perencanaan."""
    periode_atau_404(tahun, triwulan)
    unit = _unit(request, unit_id)
    if not services.boleh_menyunting_rekomendasi(request.user, unit):
        raise PermissionDenied(
            f"Hanya kepala {unit.nama} atau Perencanaan yang boleh mengisi "
            "rekomendasi unit ini."
        )
    rek = services.rekomendasi_bawaan(unit, tahun, triwulan)
    data = request.POST if request.method == "POST" else None
    form = RekomendasiForm(
        data,
        initial={
            "tanggal": rek.tanggal,
            "pembuka": rek.pembuka,
            "penutup": rek.penutup,
        },
    )
    blok = blok_pejabat(bawahan_unit(unit), rek, data)
    if data is not None and form.is_valid() & all([b.is_valid() for b in blok]):
        try:
            services.simpan_rekomendasi(
                unit,
                tahun,
                triwulan,
                tanggal=form.cleaned_data["tanggal"],
                pembuka=form.cleaned_data["pembuka"],
                penutup=form.cleaned_data["penutup"],
                butir=butir_terurut(blok),
                oleh=request.user,
            )
        except LaporanTidakValid as galat:
            form.add_error(None, str(galat))
        else:
            messages.success(request, f"Rekomendasi {unit.nama} disimpan.")
            return redirect("laporan:rapat", tahun, triwulan)
    return render(
        request,
        "laporan/rapat/rekomendasi.html",
        {
            "form": form,
            "blok": blok,
            "unit": unit,
            "tahun": tahun,
            "triwulan": triwulan,
            "romawi": format_triwulan(triwulan),
            "baru": rek.pk is None,
        },
    )
