"""Screens of the evaluation meeting: the quarter's overview, the invitation
with its schedule (Perencanaan), a unit's recommendations (the unit head or
Perencanaan), and the PDF documents. Views only route: writes go through
``laporan.rapat.services``, documents are built by ``laporan.lampiran.rapat``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lakip.akses import peran_diperlukan
from lakip.format import format_triwulan
from lakip.models import UnitKerja
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import periode_atau_404
from laporan.draf import unit_draf
from laporan.lampiran import rapat as dokumen
from laporan.lampiran.terbit import pdf_terbit
from laporan.lampiran.views import _instansi
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
from laporan.services import LaporanTidakValid
from laporan.views import PEMBACA

PESERTA = (*PEMBACA, Peran.KEPALA_UNIT)


def _unit(request, unit_id):
    return get_object_or_404(
        UnitKerja.objects.select_related("kepala"),
        pk=unit_id,
        instansi=_instansi(request),
    )


def _pdf(isi, nama):
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


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
    triwulan = (hari_ini.month - 1) // 3  # the quarter before this one
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
            "boleh_unduh": _boleh_unduh_rekomendasi(request.user, u),
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
                request.user,
                instansi,
                tahun,
                triwulan,
                {k: form.cleaned_data[k] for k in services.BIDANG_SURAT},
                formset.baris(),
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
                request.user,
                unit,
                tahun,
                triwulan,
                tanggal=form.cleaned_data["tanggal"],
                pembuka=form.cleaned_data["pembuka"],
                penutup=form.cleaned_data["penutup"],
                butir=butir_terurut(blok),
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


@peran_diperlukan(*PESERTA)
def undangan_pdf(request, tahun, triwulan):
    periode_atau_404(tahun, triwulan)
    surat = dokumen.susun_undangan(_instansi(request), tahun, triwulan)
    if surat is None:
        raise Http404("Undangan belum dibuat.")
    nama = dokumen.nama_berkas("UNDANGAN", surat)
    terbit = pdf_terbit(surat.instansi, tahun, triwulan, "undangan", surat.kunci)
    if terbit is not None:  # signed: the issued document
        return _pdf(terbit, nama)
    belum = unit_draf(surat.instansi, tahun, triwulan)
    html = dokumen.html_undangan(surat)
    return _pdf(dokumen.render_pdf(html, nama, draf=belum).isi, nama)


@peran_diperlukan(*PESERTA)
def daftar_hadir_pdf(request, tahun, triwulan, unit_id=None):
    """All attendance lists, or with ``unit_id`` the list of that unit's
    meeting."""
    periode_atau_404(tahun, triwulan)
    unit = _unit(request, unit_id) if unit_id else None
    daftar = dokumen.susun_daftar_hadir(_instansi(request), tahun, triwulan, unit=unit)
    if not daftar:
        raise Http404("Belum ada jadwal rapat.")
    nama = dokumen.nama_berkas("DAFTARHADIR", daftar[0], unit)
    belum = unit_draf(daftar[0].instansi, tahun, triwulan)
    html = dokumen.html_daftar_hadir(daftar)
    return _pdf(dokumen.render_pdf(html, nama, draf=belum).isi, nama)


def _boleh_unduh_rekomendasi(user, unit):
    pegawai = getattr(user, "pegawai", None)
    return bool(peran_pengguna(user) & set(PEMBACA)) or (
        pegawai is not None and pegawai.pk == unit.kepala_id
    )


@peran_diperlukan(*PESERTA)
def rekomendasi_pdf(request, tahun, triwulan, unit_id):
    """One unit's recommendations: for the readers of the reports and the
    unit head."""
    periode_atau_404(tahun, triwulan)
    unit = _unit(request, unit_id)
    if not _boleh_unduh_rekomendasi(request.user, unit):
        raise PermissionDenied("Anda tidak berhak mengunduh rekomendasi unit ini.")
    rek = dokumen.susun_rekomendasi(unit.instansi, tahun, triwulan, unit=unit)
    if not rek:
        raise Http404("Rekomendasi unit ini belum diisi.")
    nama = dokumen.nama_berkas("REKOMENDASI", rek[0], unit)
    terbit = pdf_terbit(unit.instansi, tahun, triwulan, "rekomendasi", rek[0].kunci)
    if terbit is not None:  # signed: the issued document
        return _pdf(terbit, nama)
    belum = unit_draf(unit.instansi, tahun, triwulan)
    html = dokumen.html_rekomendasi(rek)
    return _pdf(dokumen.render_pdf(html, nama, draf=belum).isi, nama)
