"""Signing the year's documents (the kinds of period ``TAHUN``, e.g. evaluasi's
LKE and Dokumen IKU): the list with its sign buttons and the sign action.
Views only route: changes go through ``laporan.lampiran.terbit`` with the
quarter ``DokumenTerbit.TAHUNAN``."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from lakip.akses import pegawai_pengguna, peran_diperlukan
from lakip.delegasi import delegasi_pelaksana
from laporan.akses import instansi_wajib
from laporan.dokumen import jenis_dokumen, jenis_ttd, semua_jenis
from laporan.dokumen.dasar import PEMBACA
from laporan.dokumen.kunci import TAHUN
from laporan.lampiran import terbit as layanan
from laporan.lampiran.views import tandatangani_dan_lapor
from laporan.models import DokumenTerbit

TAHUNAN = DokumenTerbit.TAHUNAN


@peran_diperlukan(*PEMBACA)
def tanda_tangan(request, tahun):
    """The year's signable documents, signed or not, each with what it waits
    for, a sign button on those the user may sign, and every yearly
    document's PDF link."""
    instansi = instansi_wajib(request)
    hari_ini = timezone.localdate()
    delegasi = delegasi_pelaksana(pegawai_pengguna(request.user), hari_ini)
    kelompok = {}
    for d in layanan.daftar_dokumen(instansi, tahun, TAHUNAN):
        kuasa = None
        if d.terbit is None and d.html is not None and not d.menunggu:
            kuasa = layanan.penanda_efektif(request.user, d.penanda, hari_ini, delegasi)
        kelompok.setdefault(d.jenis, []).append(
            {"dok": d, "boleh": kuasa is not None, "kuasa": kuasa}
        )
    return render(
        request,
        "laporan/lampiran/tanda_tangan_tahun.html",
        {
            "tahun": tahun,
            "kelompok": [
                (jenis_dokumen(j).label, baris) for j, baris in kelompok.items()
            ],
            "dokumen": [
                j
                for j in semua_jenis(TAHUN)
                if j.boleh_unduh(request.user, instansi, None)
            ],
        },
    )


@login_required
@require_POST
def tandatangani(request, tahun, jenis, kunci):
    instansi = instansi_wajib(request)
    if jenis not in jenis_ttd(TAHUN):
        raise Http404("Jenis dokumen tidak dikenal.")
    tandatangani_dan_lapor(request, instansi, tahun, TAHUNAN, jenis, kunci)
    return redirect("laporan:tanda_tangan_tahun", tahun=tahun)
