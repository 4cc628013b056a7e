"""SIPD import screens: upload, preview, confirm or cancel, and the log.
Perencanaan imports; Pimpinan and Pemeriksa may read the log."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from lakip.akses import peran_diperlukan
from renstra import impor_sipd
from renstra.forms import ImporForm
from renstra.impor_sipd import GalatImpor
from renstra.models import ImporSIPD
from renstra.sipd import GalatBerkas
from renstra.views import BACA, UBAH, ambil, boleh_ubah, instansi_aktif


@peran_diperlukan(*BACA)
def impor(request):
    """The upload form (Perencanaan) and the log of every import."""
    instansi = instansi_aktif(request)
    form = None
    if boleh_ubah(request):
        form = ImporForm(request.POST or None, request.FILES or None, instansi=instansi)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                rekaman, pratinjau = impor_sipd.unggah_impor(
                    instansi,
                    data["jenis"],
                    data["tahun"],
                    data["berkas"],
                    request.user,
                    form.opsi(),
                )
            except GalatBerkas as exc:
                form.add_error("berkas", str(exc))
            else:
                return redirect("renstra:impor_detail", pk=rekaman.pk)
    elif request.method == "POST":
        return redirect("renstra:impor")
    log = ImporSIPD.objects.filter(instansi=instansi).select_related(
        "diunggah_oleh", "diterapkan_oleh"
    )[:50]
    return render(
        request,
        "renstra/impor.html",
        {
            "form": form,
            "log": log,
            "importir": impor_sipd.IMPORTIR.values(),
            "boleh_ubah": boleh_ubah(request),
        },
        # a refused upload (wrong type, too large, unreadable) is a 400
        status=400 if form is not None and form.errors else 200,
    )


@peran_diperlukan(*BACA)
def impor_detail(request, pk):
    """One import: the preview while it waits for confirmation (checked against
    the data as it is now), or the recorded counts once applied."""
    rekaman = ambil(request, ImporSIPD, pk)
    pratinjau = None
    if rekaman.status in (ImporSIPD.Status.PRATINJAU, ImporSIPD.Status.DITOLAK):
        pratinjau = impor_sipd.pratinjau_impor(rekaman)
    return render(
        request,
        "renstra/impor_detail.html",
        {
            "rekaman": rekaman,
            "pratinjau": pratinjau,
            "boleh_ubah": boleh_ubah(request),
        },
    )


@require_POST
@peran_diperlukan(*UBAH)
def impor_konfirmasi(request, pk):
    rekaman = ambil(request, ImporSIPD, pk)
    try:
        pratinjau = impor_sipd.konfirmasi_impor(rekaman, request.user)
    except GalatImpor as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Impor diterapkan: {pratinjau.baru} baru, {pratinjau.berubah} berubah, "
            f"{pratinjau.tetap} tetap.",
        )
    return redirect("renstra:impor_detail", pk=rekaman.pk)


@require_POST
@peran_diperlukan(*UBAH)
def impor_batal(request, pk):
    rekaman = ambil(request, ImporSIPD, pk)
    try:
        impor_sipd.batalkan_impor(rekaman, request.user)
    except GalatImpor as exc:
        messages.error(request, str(exc))
    else:
        messages.info(request, "Impor dibatalkan; tidak ada data yang diubah.")
    return redirect("renstra:impor")
