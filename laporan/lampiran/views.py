"""Pages of the pernyataan telah dievaluasi: the list of a quarter with signing
(evaluators and the Kepala Dinas), the issued PDF, and the public verification
page. Views only route: changes go through ``laporan.lampiran.terbit``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from lakip.akses import instansi_pengguna, peran_diperlukan
from lakip.format import format_triwulan
from lakip.models import Pegawai
from lakip.peran import Peran, peran_pengguna
from laporan.lampiran import terbit as layanan
from laporan.lampiran.susun import susun_lampiran
from laporan.models import DokumenTerbit
from laporan.views import PEMBACA


def _instansi(request):
    instansi = instansi_pengguna(request.user)
    if instansi is None:
        raise Http404("Belum ada instansi.")
    return instansi


def _periksa_triwulan(triwulan):
    if triwulan not in (1, 2, 3, 4):
        raise Http404("Triwulan harus 1-4.")


@peran_diperlukan(*PEMBACA, Peran.KEPALA_UNIT)
def pernyataan(request, tahun, triwulan):
    """The quarter's pernyataan pages, signed or not; a sign button on those the
    user may sign."""
    _periksa_triwulan(triwulan)
    lamp = susun_lampiran(_instansi(request), tahun, triwulan)
    baris = [
        {
            "halaman": p,
            "boleh": p.pegawai is not None
            and p.terbit is None
            and layanan.boleh_menandatangani(request.user, p.pegawai),
        }
        for p in lamp.pernyataan
    ]
    return render(
        request,
        "laporan/lampiran/pernyataan.html",
        {"lamp": lamp, "baris": baris},
    )


@login_required
@require_POST
def tandatangani(request, tahun, triwulan, pegawai_id):
    _periksa_triwulan(triwulan)
    instansi = _instansi(request)
    pegawai = get_object_or_404(Pegawai, pk=pegawai_id, instansi=instansi)
    try:
        terbit = layanan.tandatangani_pernyataan(
            request.user, instansi, tahun, triwulan, pegawai
        )
    except layanan.TandaTanganTidakValid as galat:
        messages.error(request, str(galat))
    else:
        messages.success(
            request,
            f"Pernyataan {terbit.subjek_nama} ditandatangani; kode verifikasi "
            f"{terbit.kode}.",
        )
    return redirect("laporan:pernyataan", tahun=tahun, triwulan=triwulan)


@login_required
def unduh_terbit(request, kode):
    terbit = get_object_or_404(DokumenTerbit, kode=kode, instansi=_instansi(request))
    pegawai = getattr(request.user, "pegawai", None)
    boleh = (
        peran_pengguna(request.user) & set(PEMBACA)
        or (pegawai is not None and pegawai.pk == terbit.subjek_id)
        or (terbit.subjek and layanan.boleh_menandatangani(request.user, terbit.subjek))
    )
    if not boleh:
        raise PermissionDenied("Anda tidak berhak mengunduh dokumen ini.")
    respons = HttpResponse(bytes(terbit.isi), content_type="application/pdf")
    respons["Content-Disposition"] = (
        f'attachment; filename="PERNYATAAN-{terbit.tahun}-TW{terbit.triwulan}-'
        f'{terbit.kode}.pdf"'
    )
    return respons


def verifikasi(request, kode):
    """Public (no login): which document the code belongs to, its quarter, who
    signed it and when, and the SHA-256 of the PDF as issued; 404 otherwise."""
    terbit = get_object_or_404(
        DokumenTerbit.objects.defer("isi").select_related("instansi"),
        kode=kode.upper(),
    )
    return render(
        request,
        "laporan/lampiran/verifikasi.html",
        {"terbit": terbit, "triwulan_romawi": format_triwulan(terbit.triwulan)},
    )
