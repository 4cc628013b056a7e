"""Pages of the LAKIP triwulan: choose a quarter, preview the document, edit its
prose and supporting tables, generate the PDF in the background and download it.

Perencanaan writes; Pimpinan and Pemeriksa may read and download. The views only
route: figures come from ``laporan.data``, changes go through
``laporan.services``.
"""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from lakip.akses import peran_diperlukan
from lakip.format import format_triwulan
from lakip.peran import Peran
from lakip.triwulan import periode_atau_404, triwulan_tanggal
from laporan import permintaan, services
from laporan.akses import instansi_wajib as _instansi
from laporan.dokumen import jenis_dokumen
from laporan.dokumen.dasar import PEMBACA
from laporan.draf import unit_draf
from laporan.forms import DataDukungForm, PeriodeForm, TeksForm, daftar_grup
from laporan.lakip.dokumen import susun_dokumen
from laporan.lakip.render import render_html
from laporan.models import BerkasLaporan, DataDukung, Laporan, TeksLaporan

PENYUNTING = (Peran.PERENCANAAN,)


def _periode(tahun, triwulan):
    return periode_atau_404(tahun, triwulan)


def _laporan_wajib(request, tahun, triwulan):
    """The saved report of the quarter (prepared on first edit)."""
    laporan, dibuat = services.siapkan_laporan(
        _instansi(request), tahun, triwulan, request.user
    )
    if dibuat:
        messages.info(
            request,
            f"Laporan Triwulan {format_triwulan(triwulan)} Tahun {tahun} disiapkan "
            "dari teks laporan sebelumnya.",
        )
    return laporan


@peran_diperlukan(*PEMBACA)
def daftar(request):
    """Choose a year and quarter; the reports and recent PDFs of the agency."""
    instansi = _instansi(request)
    sekarang = timezone.localdate()
    form = PeriodeForm(
        request.GET or None,
        initial={"tahun": sekarang.year, "triwulan": triwulan_tanggal(sekarang)},
    )
    if form.is_bound and form.is_valid():
        return redirect(
            "laporan:lakip", form.cleaned_data["tahun"], form.cleaned_data["triwulan"]
        )
    return render(
        request,
        "laporan/lakip/daftar.html",
        {
            "form": form,
            "laporan": Laporan.objects.filter(instansi=instansi).select_related(
                "diubah_oleh"
            ),
            "berkas": BerkasLaporan.objects.filter(laporan__instansi=instansi)
            .select_related("laporan", "diminta_oleh")
            .defer("isi")[:10],
            "boleh_menyunting": services.boleh_menyunting(request.user),
        },
    )


@peran_diperlukan(*PEMBACA)
def lakip(request, tahun, triwulan):
    """One quarter's report: its state, preview, editing and PDF generation."""
    _periode(tahun, triwulan)
    instansi = _instansi(request)
    dok = susun_dokumen(instansi, tahun, triwulan)
    laporan = dok.laporan
    return render(
        request,
        "laporan/lakip/lakip.html",
        {
            "dok": dok,
            "laporan": laporan,
            "tahun": tahun,
            "triwulan": triwulan,
            "grup": daftar_grup(dok),
            "berkas": BerkasLaporan.objects.filter(laporan=laporan)
            .select_related("diminta_oleh")
            .defer("isi")[:10]
            if laporan
            else [],
            "data_dukung": list(laporan.data_dukung.all()) if laporan else [],
            "boleh_menyunting": services.boleh_menyunting(request.user),
            "unit_draf": unit_draf(instansi, tahun, triwulan),
        },
    )


@csp_update({"style-src": [UNSAFE_INLINE]})  # the document carries its own CSS
@peran_diperlukan(*PEMBACA)
def pratinjau(request, tahun, triwulan):
    """The document as HTML in the browser (the same HTML the PDF is made of)."""
    _periode(tahun, triwulan)
    dok = susun_dokumen(_instansi(request), tahun, triwulan)
    return HttpResponse(render_html(dok, layar=True))


@peran_diperlukan(*PENYUNTING)
def teks(request, tahun, triwulan, grup):
    """Edit one group of prose sections."""
    _periode(tahun, triwulan)
    laporan = _laporan_wajib(request, tahun, triwulan)
    dok = susun_dokumen(laporan.instansi, tahun, triwulan)
    semua = {g.kunci: g for g in daftar_grup(dok)}
    if grup not in semua:
        raise Http404("Bagian teks tidak dikenal.")
    awal = {
        (t.bagian, t.kode): t.teks for t in TeksLaporan.objects.filter(laporan=laporan)
    }
    form = TeksForm(
        request.POST or None, grup=semua[grup], awal=awal, tanggal=laporan.tanggal
    )
    if request.method == "POST" and form.is_valid():
        try:
            jumlah = services.simpan_teks(
                laporan,
                form.perubahan(),
                request.user,
                tanggal=form.cleaned_data.get("tanggal"),
            )
        except services.LaporanTidakValid as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{jumlah} bagian teks disimpan.")
            return redirect("laporan:lakip", tahun, triwulan)
    return render(
        request,
        "laporan/lakip/teks.html",
        {"form": form, "grup": semua[grup], "laporan": laporan, "dok": dok},
    )


@peran_diperlukan(*PENYUNTING)
def data_dukung(request, tahun, triwulan, pk=None):
    """Create or edit a supporting data table."""
    _periode(tahun, triwulan)
    laporan = _laporan_wajib(request, tahun, triwulan)
    dok = susun_dokumen(laporan.instansi, tahun, triwulan)
    tabel = get_object_or_404(DataDukung, pk=pk, laporan=laporan) if pk else None
    awal = {}
    if tabel is not None:
        pemilik = (
            f"sasaran:{tabel.sasaran_id}"
            if tabel.sasaran_id
            else f"indikator:{tabel.indikator_id}"
        )
        awal = {
            "judul": tabel.judul,
            "pemilik": pemilik,
            "tabel": services.tulis_tabel(tabel),
            "keterangan": tabel.keterangan,
            "urutan": tabel.urutan,
        }
    form = DataDukungForm(request.POST or None, dok=dok, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_data_dukung(
                laporan,
                request.user,
                judul=form.cleaned_data["judul"],
                pemilik=form.pemilik_objek(),
                tabel=form.cleaned_data["tabel"],
                keterangan=form.cleaned_data["keterangan"],
                urutan=form.cleaned_data["urutan"],
                data_dukung=tabel,
            )
        except services.LaporanTidakValid as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Tabel data dukung disimpan.")
            return redirect("laporan:lakip", tahun, triwulan)
    return render(
        request,
        "laporan/lakip/data_dukung.html",
        {"form": form, "tabel": tabel, "laporan": laporan},
    )


@require_POST
@peran_diperlukan(*PENYUNTING)
def hapus_data_dukung(request, tahun, triwulan, pk):
    laporan = get_object_or_404(
        Laporan, instansi=_instansi(request), tahun=tahun, triwulan=triwulan
    )
    tabel = get_object_or_404(DataDukung, pk=pk, laporan=laporan)
    services.hapus_data_dukung(tabel, request.user)
    messages.success(request, f"Tabel “{tabel.judul}” dihapus.")
    return redirect("laporan:lakip", tahun, triwulan)


@require_POST
@peran_diperlukan(*PENYUNTING)
def buat_pdf(request, tahun, triwulan):
    """Start the PDF job and go to its progress page; never waits for layout."""
    _periode(tahun, triwulan)
    berkas = permintaan.minta_pdf(_instansi(request), tahun, triwulan, request.user)
    return redirect("laporan:berkas", berkas.pk)


@peran_diperlukan(*PENYUNTING)
def paket(request, tahun, triwulan):
    """Choose the parts of the package (all by default) and start binding them
    in the background; then the progress page of the job."""
    from laporan.paket.bagian import daftar_bagian, label_jenis, susun_konteks

    _periode(tahun, triwulan)
    instansi = _instansi(request)
    semua = daftar_bagian(susun_konteks(instansi, tahun, triwulan))
    dipilih = {b.kunci for b in semua}
    if request.method == "POST":
        dipilih = set(request.POST.getlist("bagian"))
        if not dipilih:
            messages.error(request, "Pilih paling sedikit satu bagian.")
        else:
            try:
                berkas = permintaan.minta_paket(
                    instansi, tahun, triwulan, request.user, bagian=sorted(dipilih)
                )
            except services.LaporanTidakValid as exc:
                messages.error(request, str(exc))
            else:
                return redirect("laporan:berkas", berkas.pk)
    kelompok = []
    for b in semua:
        if not kelompok or kelompok[-1]["nama"] != b.kelompok:
            kelompok.append({"nama": b.kelompok, "bagian": []})
        kelompok[-1]["bagian"].append(
            {
                "kunci": b.kunci,
                "judul": b.judul,
                "jenis": jenis_dokumen(b.jenis).nama_grup,
                "dipilih": b.kunci in dipilih,
                # left out of the package (laporan.kelengkapan)
                "kosong": b.terbit is None and b.kosong is not None and b.kosong(),
            }
        )
    return render(
        request,
        "laporan/lakip/paket.html",
        {
            "tahun": tahun,
            "triwulan": triwulan,
            "kelompok": kelompok,
            "jenis": label_jenis(),
            "jumlah": len(semua),
            "unit_draf": unit_draf(instansi, tahun, triwulan),
            "berkas": BerkasLaporan.objects.filter(
                laporan__instansi=instansi,
                laporan__tahun=tahun,
                laporan__triwulan=triwulan,
                jenis=BerkasLaporan.Jenis.PAKET,
            )
            .select_related("laporan", "diminta_oleh")
            .defer("isi")[:10],
        },
    )


def _berkas(request, pk):
    berkas = get_object_or_404(
        BerkasLaporan.objects.select_related("laporan").defer("isi"), pk=pk
    )
    if berkas.laporan.instansi_id != _instansi(request).pk:
        raise PermissionDenied("Berkas ini milik instansi lain.")
    return berkas


@peran_diperlukan(*PEMBACA)
def berkas(request, pk):
    """Progress of a PDF job; the page polls ``berkas_status``."""
    return render(
        request, "laporan/lakip/berkas.html", {"berkas": _berkas(request, pk)}
    )


@peran_diperlukan(*PEMBACA)
def berkas_status(request, pk):
    b = _berkas(request, pk)
    return JsonResponse(
        {
            "status": b.status,
            "status_label": b.get_status_display(),
            "tahap": b.tahap,
            "persen": b.persen,
            "selesai": b.selesai,
            "jumlah_halaman": b.jumlah_halaman,
            "pesan": b.pesan,
            "unduh": reverse("laporan:berkas_unduh", args=[b.pk])
            if b.status == BerkasLaporan.Status.SELESAI
            else None,
        }
    )


@peran_diperlukan(*PEMBACA)
def berkas_unduh(request, pk):
    b = _berkas(request, pk)
    if b.status != BerkasLaporan.Status.SELESAI:
        raise Http404("Berkas belum selesai dibuat.")
    isi = BerkasLaporan.objects.values_list("isi", flat=True).get(pk=b.pk)
    respons = HttpResponse(bytes(isi), content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="{b.nama_berkas}"'
    return respons
