"""The dashboard's pages. Each shows the chosen year and quarter (GET ``tahun``,
``triwulan``; default: the latest quarter with data) of the user's agency, and
returns its tables as an Excel workbook with ``?unduh=xlsx``."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from lakip.akses import instansi_pengguna
from lakip.halaman_tersimpan import html_tersimpan
from lakip.peran import peran_pengguna
from laporan.dasbor import halaman as hl
from laporan.dasbor import ringkasan as rk
from laporan.dasbor import selectors as sel
from laporan.dasbor.akses import akses_dasbor
from laporan.dasbor.excel import buku_kerja
from laporan.dasbor.forms import PilihPeriodeForm
from laporan.dasbor.panel import panel_dasbor
from laporan.dokumen.dasar import PEMBACA

NAMA_URL = {
    "sasaran": "laporan:dasbor_sasaran",
    "program": "laporan:dasbor_program",
    "kegiatan": "laporan:dasbor_kegiatan",
    "sub_kegiatan": "laporan:dasbor_sub_kegiatan",
    "indikator": "laporan:dasbor_indikator",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _instansi(request):
    instansi = instansi_pengguna(request.user)
    if instansi is None:
        raise Http404("Belum ada instansi.")
    return instansi


def _periode(request, instansi, tahun_tetap=None):
    """``(tahun, triwulan, form)`` from the GET parameters. Missing parameters
    take the latest quarter with data; invalid ones are reported (in Indonesian)
    and replaced by it."""
    tahun_default, triwulan_default = sel.periode_terbaru(instansi, tahun_tetap)
    pilihan = set(sel.tahun_tersedia(instansi)) | {tahun_default}
    if tahun_tetap is not None:
        pilihan = {tahun_tetap}
    awal = {"tahun": tahun_default, "triwulan": triwulan_default}
    isian = {k: request.GET.get(k, awal[k]) for k in awal}
    if tahun_tetap is not None:
        isian["tahun"] = tahun_tetap
    form = PilihPeriodeForm(isian, tahun_pilihan=sorted(pilihan, reverse=True))
    if form.is_valid():
        return form.cleaned_data["tahun"], form.cleaned_data["triwulan"], form
    for galat in form.errors.values():
        messages.warning(request, f"{galat[0]} Ditampilkan periode terbaru.")
    form = PilihPeriodeForm(awal, tahun_pilihan=sorted(pilihan, reverse=True))
    form.is_valid()
    return tahun_default, triwulan_default, form


def _pembuat_tautan(tahun, triwulan):
    query = urlencode({"tahun": tahun, "triwulan": triwulan})

    def tautan(tingkat, pk):
        return f"{reverse(NAMA_URL[tingkat], args=[pk])}?{query}"

    return tautan


def _tanggapi(request, halaman, template, instansi, form, nama_berkas):
    if request.GET.get("unduh") == "xlsx":
        isi = buku_kerja(
            halaman.judul,
            f"{instansi.nama} · {halaman.periode}",
            halaman.tabel,
        )
        respons = HttpResponse(isi, content_type=XLSX)
        respons["Content-Disposition"] = (
            f'attachment; filename="{nama_berkas}-{halaman.tahun}'
            f'-tw{halaman.triwulan}.xlsx"'
        )
        return respons
    query = request.GET.copy()
    query["unduh"] = "xlsx"
    return render(
        request,
        template,
        {
            "h": halaman,
            "form": form,
            "instansi": instansi,
            "url_excel": f"{request.path}?{query.urlencode()}",
            **halaman.konteks,
        },
    )


@akses_dasbor
def dasbor(request):
    """The landing page. Its body (every table and chart) is the same for every
    reader of the agency: it is rendered once per data version
    (``html_tersimpan``); only the panels of other apps are asked each time."""
    instansi = _instansi(request)
    tahun, triwulan, form = _periode(request, instansi)
    tautan = _pembuat_tautan(tahun, triwulan)
    if request.GET.get("unduh") == "xlsx":
        halaman = hl.dasbor(instansi, tahun, triwulan, tautan)
        return _tanggapi(request, halaman, "", instansi, form, "dasbor")

    def isi():
        halaman = hl.dasbor(instansi, tahun, triwulan, tautan)
        return render_to_string(
            "laporan/dasbor/_isi_dasbor.html", {"h": halaman, **halaman.konteks}
        )

    ambang = "-".join(str(a) for a in rk.ambang())
    kepala = hl.Halaman("Dasbor kinerja", tahun, triwulan, data=None)
    kepala.konteks = {
        "isi": html_tersimpan(f"dasbor:{tahun}:{triwulan}:{ambang}", instansi, isi),
        "panel_tambahan": panel_dasbor(request, instansi),
    }
    if peran_pengguna(request.user) & set(PEMBACA):  # who may open it
        kepala.konteks["url_kelengkapan"] = reverse(
            "laporan:kelengkapan", args=[tahun, triwulan]
        )
    return _tanggapi(
        request, kepala, "laporan/dasbor/dasbor.html", instansi, form, "dasbor"
    )


@akses_dasbor
def sasaran(request, pk):
    instansi = _instansi(request)
    objek = sel.sasaran_instansi(instansi, pk)
    tahun, triwulan, form = _periode(request, instansi)
    halaman = hl.halaman_sasaran(
        instansi, objek, tahun, triwulan, _pembuat_tautan(tahun, triwulan)
    )
    return _tanggapi(
        request, halaman, "laporan/dasbor/rinci.html", instansi, form, "sasaran"
    )


PILIH = {
    "program": sel.program_instansi,
    "kegiatan": sel.kegiatan_instansi,
    "sub_kegiatan": sel.sub_kegiatan_instansi,
}


@akses_dasbor
def anggaran(request, tingkat, pk):
    """A program, kegiatan or sub kegiatan (``tingkat``), in its budget year."""
    instansi = _instansi(request)
    objek = PILIH[tingkat](instansi, pk)
    tahun_tetap = hl.rantai(tingkat, objek)[0][1].tahun
    tahun, triwulan, form = _periode(request, instansi, tahun_tetap)
    halaman = hl.halaman_anggaran(
        instansi, tingkat, objek, triwulan, _pembuat_tautan(tahun, triwulan)
    )
    return _tanggapi(
        request,
        halaman,
        "laporan/dasbor/rinci.html",
        instansi,
        form,
        tingkat.replace("_", "-"),
    )


@akses_dasbor
def indikator(request, pk):
    instansi = _instansi(request)
    objek = sel.indikator_instansi(instansi, pk)
    tahun_tetap = sel.tahun_indikator(objek)
    tahun, triwulan, form = _periode(request, instansi, tahun_tetap)
    halaman = hl.halaman_indikator(
        instansi, objek, tahun, triwulan, _pembuat_tautan(tahun, triwulan)
    )
    return _tanggapi(
        request, halaman, "laporan/dasbor/rinci.html", instansi, form, "indikator"
    )
