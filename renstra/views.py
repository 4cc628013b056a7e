"""Plan screens: the Renstra tree, the edit forms, the DPA revision, the
rollover and the Perjanjian Kinerja list. Perencanaan edits; Pimpinan and
Pemeriksa read; others are refused. Every lookup is scoped to the user's agency,
so an id of another agency gives 404."""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from lakip.akses import instansi_pengguna, peran_diperlukan
from lakip.halaman_tersimpan import html_tersimpan
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import PeriodeTidakValid, periksa_periode
from lakip.versi_data import RENCANA
from renstra import forms, selectors, services
from renstra.models import (
    AnggaranSubKegiatan,
    Indikator,
    Kegiatan,
    PeriodeRenstra,
    PerjanjianKinerja,
    Program,
    RiwayatRencana,
    SalinanRencana,
    Sasaran,
    SubKegiatan,
    Tujuan,
)
from renstra.services import TolakRencana

VERSI = [AnggaranSubKegiatan.Versi.MURNI, AnggaranSubKegiatan.Versi.PERUBAHAN]
BACA = (Peran.PERENCANAAN, Peran.PIMPINAN, Peran.PEMERIKSA)
UBAH = (Peran.PERENCANAAN,)


def instansi_aktif(request):
    instansi = instansi_pengguna(request.user)
    if instansi is None:
        raise Http404("Belum ada instansi.")
    return instansi


def ambil(request, model, pk):
    """The record ``pk`` of ``model`` if it belongs to the user's agency; 404
    for another agency's record and for an id that is not a whole number (a
    typed URL parameter)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404(f"{model._meta.verbose_name} tidak ditemukan.") from None
    return get_object_or_404(
        selectors.milik_instansi(model, instansi_aktif(request)), pk=pk
    )


def boleh_ubah(request):
    return Peran.PERENCANAAN in peran_pengguna(request.user)


def _tahun(request, instansi):
    """``(tahun, the years with a plan)``: the year asked for, or the latest
    one when none or no number is given. A year outside 2000-2100 is refused
    (400, in Indonesian): no query and no cached page is made for it."""
    daftar = selectors.tahun_rencana(instansi)
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        return (daftar[0] if daftar else None), daftar
    try:
        periksa_periode(tahun)
    except PeriodeTidakValid as galat:
        raise BadRequest(str(galat)) from None
    return tahun, daftar


def _url_pohon(tahun, jangkar=""):
    url = reverse("renstra:pohon")
    if tahun:
        url += f"?tahun={tahun}"
    return url + (f"#{jangkar}" if jangkar else "")


@peran_diperlukan(*BACA)
def pohon(request):
    """The Renstra tree of a year: tujuan → sasaran (IKU) → program → kegiatan →
    sub kegiatan, with indicators, targets, owners and the budget versions."""
    instansi = instansi_aktif(request)
    tahun, daftar_tahun = _tahun(request, instansi)
    konteks = {
        "tahun": tahun,
        "daftar_tahun": daftar_tahun,
        "boleh_ubah": boleh_ubah(request),
        "periode_semua": PeriodeRenstra.objects.filter(instansi=instansi),
    }
    if tahun:
        konteks["salinan"] = SalinanRencana.objects.filter(
            instansi=instansi, tahun_tujuan=tahun
        ).first()
        konteks["isi_pohon"] = _isi_pohon(instansi, tahun, konteks["boleh_ubah"])
    return render(request, "renstra/pohon.html", konteks)


def _isi_pohon(instansi, tahun, boleh_ubah):
    """The tree of the year, rendered once per version of the plan (a
    realisation saved does not change it) and per edit right."""

    def render_isi():
        return mark_safe(
            render_to_string(
                "renstra/_pohon_isi.html",
                {
                    "tahun": tahun,
                    "boleh_ubah": boleh_ubah,
                    **selectors.pohon_rencana(instansi, tahun),
                },
            )
        )

    return html_tersimpan(
        f"pohon:{tahun}:{int(boleh_ubah)}", instansi, render_isi, RENCANA
    )


def _simpan_form(request, form, objek, judul, kembali):
    """Validate ``form`` and save through ``services.simpan_objek``; returns a
    redirect on success, else None (errors are on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        hasil = services.simpan_objek(
            form.instansi, objek, form.data_model(), request.user
        )
    except TolakRencana as exc:
        form.add_error(None, str(exc))
        return None
    messages.success(request, f"{judul} tersimpan.")
    return redirect(kembali(hasil))


def _halaman_form(request, form, judul, batal, **lain):
    return render(
        request,
        "renstra/form.html",
        {"form": form, "judul": judul, "batal": batal, **lain},
    )


def _form_objek(request, objek, kelas_form, judul, tahun_kembali, jangkar=""):
    instansi = instansi_aktif(request)
    form = kelas_form(request.POST or None, instance=objek, instansi=instansi)
    berhasil = _simpan_form(
        request,
        form,
        objek,
        judul,
        lambda hasil: _url_pohon(
            tahun_kembali(hasil), jangkar(hasil) if jangkar else ""
        ),
    )
    return berhasil or _halaman_form(
        request, form, judul, _url_pohon(tahun_kembali(objek))
    )


def _tahun_periode(periode):
    """The latest budget year of a saved period's programs, else its first year
    (None for a period not saved yet)."""
    if not periode.pk:
        return periode.tahun_awal
    daftar = Program.objects.filter(periode=periode).values_list("tahun", flat=True)
    return max(daftar, default=periode.tahun_awal)


@peran_diperlukan(*UBAH)
def ubah_periode(request, pk=None):
    instansi = instansi_aktif(request)
    periode = ambil(request, PeriodeRenstra, pk) if pk else PeriodeRenstra()
    periode.instansi = instansi
    judul = f"Periode Renstra {periode}" if pk else "Periode Renstra baru"
    return _form_objek(request, periode, forms.PeriodeForm, judul, _tahun_periode)


@peran_diperlukan(*UBAH)
def ubah_tujuan(request, pk=None):
    if pk:
        tujuan = ambil(request, Tujuan, pk)
    else:
        periode = ambil(request, PeriodeRenstra, request.GET.get("periode"))
        tujuan = Tujuan(periode=periode)
    return _form_objek(
        request,
        tujuan,
        forms.TujuanForm,
        "Tujuan" if pk else "Tujuan baru",
        lambda t: _tahun_periode(t.periode),
        lambda t: f"tujuan-{t.pk}",
    )


@peran_diperlukan(*UBAH)
def ubah_sasaran(request, pk=None):
    if pk:
        sasaran = ambil(request, Sasaran, pk)
    else:
        sasaran = Sasaran(tujuan=ambil(request, Tujuan, request.GET.get("tujuan")))
    return _form_objek(
        request,
        sasaran,
        forms.SasaranForm,
        "Sasaran strategis" if pk else "Sasaran strategis baru",
        lambda s: _tahun_periode(s.tujuan.periode),
        lambda s: f"sasaran-{s.pk}",
    )


@peran_diperlukan(*UBAH)
def ubah_program(request, pk=None):
    instansi = instansi_aktif(request)
    if pk:
        program = ambil(request, Program, pk)
    else:
        try:
            tahun = int(request.GET.get("tahun", ""))
        except ValueError:
            raise Http404("Tahun tidak valid.") from None
        periode = selectors.periode_untuk_tahun(instansi, tahun)
        if periode is None:
            messages.error(
                request,
                f"Belum ada periode Renstra yang mencakup tahun {tahun}; buat "
                "periode Renstra terlebih dahulu.",
            )
            return redirect(_url_pohon(tahun))
        program = Program(periode=periode, tahun=tahun)
    return _form_objek(
        request,
        program,
        forms.ProgramForm,
        f"Program {program.tahun}" if pk else f"Program baru {program.tahun}",
        lambda p: p.tahun,
        lambda p: f"program-{p.pk}",
    )


@peran_diperlukan(*UBAH)
def ubah_kegiatan(request, pk=None):
    if pk:
        kegiatan = ambil(request, Kegiatan, pk)
    else:
        kegiatan = Kegiatan(program=ambil(request, Program, request.GET.get("program")))
    return _form_objek(
        request,
        kegiatan,
        forms.KegiatanForm,
        "Kegiatan" if pk else f"Kegiatan baru pada {kegiatan.program}",
        lambda k: k.program.tahun,
        lambda k: f"kegiatan-{k.pk}",
    )


@peran_diperlukan(*UBAH)
def ubah_sub_kegiatan(request, pk=None):
    if pk:
        sub = ambil(request, SubKegiatan, pk)
    else:
        sub = SubKegiatan(
            kegiatan=ambil(request, Kegiatan, request.GET.get("kegiatan"))
        )
    return _form_objek(
        request,
        sub,
        forms.SubKegiatanForm,
        "Sub kegiatan" if pk else f"Sub kegiatan baru pada {sub.kegiatan}",
        lambda s: s.kegiatan.program.tahun,
        lambda s: f"sub-{s.pk}",
    )


_INDUK = {
    "sasaran": Sasaran,
    "program": Program,
    "kegiatan": Kegiatan,
    "sub_kegiatan": SubKegiatan,
}


def _tahun_indikator(request, indikator):
    induk = indikator.induk
    if indikator.tingkat != Indikator.Tingkat.SASARAN:
        program = getattr(induk, "program", None) or getattr(
            getattr(induk, "kegiatan", None), "program", None
        )
        return (program or induk).tahun
    periode = induk.tujuan.periode
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        tahun = periode.tahun_awal
    if not periode.tahun_awal <= tahun <= periode.tahun_akhir:
        raise Http404("Tahun di luar periode Renstra.")
    return tahun


@peran_diperlukan(*UBAH)
def ubah_indikator(request, pk=None):
    """An indicator with its yearly and quarterly targets, Renstra-end target,
    owner, polarity and kind; warns when a flow's quarters do not add up."""
    instansi = instansi_aktif(request)
    if pk:
        indikator = ambil(request, Indikator, pk)
    else:
        tingkat = next((t for t in _INDUK if t in request.GET), None)
        if tingkat is None:
            raise Http404("Pemilik indikator tidak disebut.")
        induk = ambil(request, _INDUK[tingkat], request.GET[tingkat])
        indikator = Indikator(tingkat=tingkat, **{tingkat: induk})
    tahun = _tahun_indikator(request, indikator)
    target = indikator.target.filter(tahun=tahun).first() if pk else None
    form = forms.IndikatorForm(
        request.POST or None,
        instance=indikator,
        instansi=instansi,
        tahun=tahun,
        target=target,
    )
    if request.method == "POST" and form.is_valid():
        try:
            indikator, peringatan = services.simpan_indikator(
                instansi,
                indikator,
                form.data_model(),
                tahun,
                form.data_target(),
                request.user,
            )
        except TolakRencana as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Indikator “{indikator.nama}” tersimpan.")
            if peringatan is not None:
                messages.warning(request, f"Periksa target: {peringatan}")
            return redirect(_url_pohon(tahun, f"indikator-{indikator.pk}"))
    judul = "Indikator" if pk else f"Indikator baru: {indikator.induk}"
    return _halaman_form(request, form, judul, _url_pohon(tahun))


@peran_diperlukan(*BACA)
def sub_kegiatan(request, pk):
    """A sub kegiatan: indicators, and the DPA murni and perubahan side by side."""
    sub = ambil(request, SubKegiatan, pk)
    anggaran = {a.versi: a for a in sub.anggaran.prefetch_related("rincian")}
    return render(
        request,
        "renstra/sub_kegiatan.html",
        {
            "sub": sub,
            "murni": anggaran.get("murni"),
            "perubahan": anggaran.get("perubahan"),
            "versi": [a for a in (anggaran.get(v) for v in VERSI) if a],
            "berlaku": selectors.anggaran_berlaku(sub),
            "indikator": sub.indikator.select_related("pemilik").prefetch_related(
                "target"
            ),
            "tahun": sub.kegiatan.program.tahun,
            "boleh_ubah": boleh_ubah(request),
        },
    )


@peran_diperlukan(*UBAH)
def perubahan_dpa(request, pk):
    """Record the DPA perubahan of a sub kegiatan (the DPA murni is kept)."""
    instansi = instansi_aktif(request)
    sub = ambil(request, SubKegiatan, pk)
    lama = (
        sub.anggaran.filter(versi="perubahan").first()
        or sub.anggaran.filter(versi="murni").first()
    )
    awal = {}
    if lama is not None:
        awal = {
            "pagu": lama.pagu,
            **{f"kas_tw{t}": lama.kas_per_triwulan[t] for t in range(1, 5)},
        }
        if lama.versi == "perubahan":
            awal.update(tanggal=lama.tanggal, alasan=lama.alasan)
    form = forms.PerubahanDPAForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.simpan_perubahan_dpa(
                instansi,
                sub,
                data["pagu"],
                form.kas(),
                data["tanggal"],
                data["alasan"],
                request.user,
            )
        except TolakRencana as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "DPA perubahan tersimpan; DPA murni tetap ada.")
            return redirect("renstra:sub_kegiatan", pk=sub.pk)
    return _halaman_form(
        request,
        form,
        f"DPA perubahan: {sub}",
        reverse("renstra:sub_kegiatan", args=[sub.pk]),
    )


@peran_diperlukan(*UBAH)
def salin(request):
    """Copy a year's plan to the next year as a draft (rollover)."""
    instansi = instansi_aktif(request)
    daftar = selectors.tahun_rencana(instansi)
    form = forms.SalinForm(request.POST or None, tahun=daftar)
    if request.method == "POST" and form.is_valid():
        try:
            hasil = services.salin_rencana(
                instansi,
                form.cleaned_data["tahun_asal"],
                request.user,
                form.cleaned_data["tahun_tujuan"],
            )
        except TolakRencana as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Rencana {hasil.tahun_asal} disalin ke {hasil.tahun_tujuan} sebagai "
                f"draf: {hasil.jumlah_program} program, {hasil.jumlah_kegiatan} "
                f"kegiatan, {hasil.jumlah_sub_kegiatan} sub kegiatan, "
                f"{hasil.jumlah_indikator} indikator. Anggaran diisi dari impor DPA.",
            )
            return redirect(_url_pohon(hasil.tahun_tujuan))
    return _halaman_form(
        request,
        form,
        "Salin rencana ke tahun berikutnya",
        _url_pohon(daftar[0] if daftar else None),
        penjelasan=(
            "Program, kegiatan, sub kegiatan (dengan unit, PPTK, pelaksana) dan "
            "indikatornya (dengan pemilik dan target tahun asal sebagai draf target) "
            "disalin. Realisasi dan anggaran tidak disalin: anggaran tahun baru "
            "diisi dari impor DPA SIPD. Tahun tujuan yang sudah memiliki rencana "
            "ditolak."
        ),
        tombol="Salin",
    )


@require_POST
@peran_diperlukan(*UBAH)
def tetapkan_salinan(request, pk):
    salinan = ambil(request, SalinanRencana, pk)
    try:
        services.tetapkan_salinan(instansi_aktif(request), salinan, request.user)
    except TolakRencana as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Rencana {salinan.tahun_tujuan} ditetapkan.")
    return redirect(_url_pohon(salinan.tahun_tujuan))


@peran_diperlukan(*BACA)
def daftar_pk(request):
    instansi = instansi_aktif(request)
    tahun, daftar_tahun = _tahun(request, instansi)
    perjanjian = PerjanjianKinerja.objects.filter(
        instansi=instansi, tahun=tahun
    ).select_related("pihak_pertama", "pihak_kedua")
    return render(
        request,
        "renstra/pk_daftar.html",
        {
            "tahun": tahun,
            "daftar_tahun": daftar_tahun,
            "perjanjian": perjanjian,
            "boleh_ubah": boleh_ubah(request),
        },
    )


@peran_diperlukan(*UBAH)
def ubah_pk(request, pk=None):
    instansi = instansi_aktif(request)
    perjanjian = ambil(request, PerjanjianKinerja, pk) if pk else None
    if perjanjian is not None:
        tahun = perjanjian.tahun
        awal = {
            "pihak_pertama": perjanjian.pihak_pertama,
            "pihak_kedua": perjanjian.pihak_kedua,
            "nama_pihak_kedua": perjanjian.nama_pihak_kedua,
            "jabatan_pihak_kedua": perjanjian.jabatan_pihak_kedua,
            "tanggal": perjanjian.tanggal,
            "tempat": perjanjian.tempat,
            "indikator": list(perjanjian.indikator.all()),
        }
    else:
        tahun, _ = _tahun(request, instansi)
        if not tahun:
            raise Http404("Belum ada rencana tahunan.")
        awal = {"tempat": instansi.kota}
    form = forms.PerjanjianKinerjaForm(
        request.POST or None, initial=awal, instansi=instansi, tahun=tahun
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["indikator"] = list(data["indikator"]) or None
        try:
            perjanjian = services.simpan_perjanjian_kinerja(
                instansi, request.user, tahun=tahun, perjanjian=perjanjian, **data
            )
        except TolakRencana as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{perjanjian} tersimpan.")
            return redirect(reverse("renstra:pk") + f"?tahun={tahun}")
    judul = str(perjanjian) if perjanjian else f"Perjanjian Kinerja {tahun} baru"
    return _halaman_form(
        request, form, judul, reverse("renstra:pk") + f"?tahun={tahun}"
    )


@peran_diperlukan(*BACA)
def riwayat(request):
    """The latest changes to the plan: who, when, what."""
    daftar = RiwayatRencana.objects.filter(
        instansi=instansi_aktif(request)
    ).select_related("oleh")[:200]
    return render(request, "renstra/riwayat.html", {"riwayat": daftar})
