"""Pages of the attachments' signing: the quarter's signable documents with
their sign buttons, the issued PDF, and the public verification page. Views only
route: changes go through ``laporan.lampiran.terbit``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from lakip.akses import pegawai_pengguna, peran_diperlukan
from lakip.delegasi import delegasi_pelaksana
from lakip.format import format_triwulan
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import periode_atau_404
from laporan.akses import instansi_wajib as _instansi
from laporan.dokumen import jenis_dokumen, jenis_ttd
from laporan.dokumen.dasar import PEMBACA
from laporan.draf import unit_draf
from laporan.lampiran import terbit as layanan
from laporan.lampiran.susun import susun_lampiran
from laporan.models import DokumenTerbit
from renstra.selectors import tahun_rencana


@peran_diperlukan(*PEMBACA, Peran.KEPALA_UNIT, Peran.OPERATOR_UNIT)
def indeks(request):
    """The years of the plan, newest first, each with its four quarters' links
    to the signing page and the sub kegiatan reports."""
    return render(
        request,
        "laporan/lampiran/indeks.html",
        {
            "daftar_tahun": tahun_rencana(_instansi(request)),
            "triwulan": [1, 2, 3, 4],
            # Operator unit reads the sub kegiatan reports only
            "penuh": bool(peran_pengguna(request.user) - {Peran.OPERATOR_UNIT}),
            # The year's documents (views_tahun): the readers of the reports
            "tahunan": bool(peran_pengguna(request.user) & set(PEMBACA)),
        },
    )


@peran_diperlukan(*PEMBACA, Peran.KEPALA_UNIT)
def tanda_tangan(request, tahun, triwulan):
    """The quarter's signable documents (pernyataan pages, evaluation tables,
    sub kegiatan reports), signed or not, with a sign button on those the user
    may sign."""
    periode_atau_404(tahun, triwulan)
    lamp = susun_lampiran(_instansi(request), tahun, triwulan)
    hari_ini = timezone.localdate()
    delegasi = delegasi_pelaksana(pegawai_pengguna(request.user), hari_ini)
    belum = unit_draf(lamp.instansi, tahun, triwulan)
    kelompok = {}
    for d in layanan.daftar_dokumen(lamp.instansi, tahun, triwulan, lamp):
        kuasa = None
        terkunci = bool(
            layanan.menunggu_pengesahan(lamp.instansi, tahun, triwulan, d.jenis, belum)
        )
        if d.terbit is None and d.html is not None and not terkunci:
            kuasa = layanan.penanda_efektif(request.user, d.penanda, hari_ini, delegasi)
        kelompok.setdefault(d.jenis, []).append(
            {"dok": d, "boleh": kuasa is not None, "kuasa": kuasa}
        )
    return render(
        request,
        "laporan/lampiran/tanda_tangan.html",
        {
            "lamp": lamp,
            "unit_draf": belum,
            "kelompok": [
                (jenis_dokumen(j).label, baris) for j, baris in kelompok.items()
            ],
        },
    )


@login_required
@require_POST
def tandatangani(request, tahun, triwulan, jenis, kunci):
    periode_atau_404(tahun, triwulan)
    instansi = _instansi(request)
    if jenis not in jenis_ttd():
        raise Http404("Jenis dokumen tidak dikenal.")
    tandatangani_dan_lapor(request, instansi, tahun, triwulan, jenis, kunci)
    return redirect("laporan:tanda_tangan", tahun=tahun, triwulan=triwulan)


def tandatangani_dan_lapor(request, instansi, tahun, triwulan, jenis, kunci):
    """Sign through ``laporan.lampiran.terbit.tandatangani`` and tell the user
    the outcome (the verification code, or the refusal in Indonesian); the
    quarter's and the year's signing pages share it."""
    try:
        terbit = layanan.tandatangani(
            request.user, instansi, tahun, triwulan, jenis, kunci
        )
    except layanan.TandaTanganTidakValid as galat:
        messages.error(request, str(galat))
    else:
        messages.success(
            request,
            f"{terbit.judul} ditandatangani; kode verifikasi {terbit.kode}.",
        )


@login_required
def unduh_terbit(request, kode):
    terbit = get_object_or_404(DokumenTerbit, kode=kode, instansi=_instansi(request))
    pegawai = getattr(request.user, "pegawai", None)
    boleh = (
        peran_pengguna(request.user) & set(PEMBACA)
        or (pegawai is not None and pegawai.pk == terbit.subjek_id)
        or (pegawai is not None and pegawai.nip and pegawai.nip == terbit.penanda_nip)
        or (pegawai is not None and pegawai.pk == terbit.pencatat_id)
        # the evaluator of the official the document is about
        or (
            pegawai is not None
            and terbit.subjek is not None
            and terbit.subjek.atasan_id == pegawai.pk
        )
    )
    if not boleh:
        raise PermissionDenied("Anda tidak berhak mengunduh dokumen ini.")
    respons = HttpResponse(bytes(terbit.isi), content_type="application/pdf")
    tw = "" if terbit.triwulan == DokumenTerbit.TAHUNAN else f"TW{terbit.triwulan}-"
    respons["Content-Disposition"] = (
        f'attachment; filename="{terbit.jenis.upper()}-{terbit.tahun}-'
        f'{tw}{terbit.kode}.pdf"'
    )
    return respons


def verifikasi(request, kode):
    """Public (no login): which document the code belongs to, its quarter and
    date, who signed it and when, and the SHA-256 of the PDF as issued. An
    unknown code (or a kind declared not public) gets an Indonesian page with
    status 404."""
    terbit = (
        DokumenTerbit.objects.defer("isi")
        .select_related("instansi")
        .filter(kode=kode.upper()[:20])
        .first()
    )
    jenis = jenis_dokumen(terbit.jenis) if terbit is not None else None
    if terbit is None or (jenis is not None and not jenis.publik):
        return render(
            request,
            "laporan/lampiran/verifikasi_tidak_ada.html",
            {"kode": kode[:40]},
            status=404,
        )
    return render(
        request,
        "laporan/lampiran/verifikasi.html",
        {
            "terbit": terbit,
            "label_jenis": getattr(jenis, "label", terbit.jenis),
            "triwulan_romawi": format_triwulan(terbit.triwulan),
        },
    )
