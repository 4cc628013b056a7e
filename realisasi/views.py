"""Quarterly entry pages. Views only translate HTTP to services and selectors;
every unit id is checked against the user's scope (404 outside it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from lakip.akses import instansi_pengguna, peran_diperlukan
from lakip.format import format_triwulan
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import periode_atau_404
from realisasi import excel
from realisasi.akses import boleh_mengisi, unit_terlihat
from realisasi.forms import FormulirAksi, FormulirEntri, FormulirUnggah
from realisasi.hubungan_industrial import unit_hubungan_industrial
from realisasi.models import (
    JejakAudit,
    PeriodeEntri,
    RiwayatStatus,
    StatusEntri,
)
from realisasi.ringkasan import lembar_tersimpan, status_instansi
from realisasi.selectors import entri_atau_draf, lembar_entri
from realisasi.services import (
    TRANSISI,
    AksesDitolak,
    GagalEntri,
    IsianTidakValid,
    aksi_tersedia,
    atur_periode_entri,
    periksa_boleh_mengubah,
    simpan_realisasi,
    ubah_status,
)
from renstra.models import SubKegiatan

A = RiwayatStatus.Aksi


def _periode_default(instansi):
    """The latest quarter open for entry, else the latest one ever set, else
    TW I of the latest planned year."""
    periode = PeriodeEntri.objects.filter(instansi=instansi).order_by(
        "-dibuka", "-tahun", "-triwulan"
    )
    p = periode.first()
    if p is not None:
        return p.tahun, p.triwulan
    from renstra.models import Program

    tahun = (
        Program.objects.filter(periode__instansi=instansi)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    return (tahun or 2024), 1


def _tahun_triwulan(request, instansi):
    tahun, triwulan = _periode_default(instansi)
    try:
        tahun = int(request.GET.get("tahun", tahun))
        triwulan = int(request.GET.get("triwulan", triwulan))
    except ValueError:
        raise Http404("Tahun atau triwulan tidak valid.") from None
    return periode_atau_404(tahun, triwulan)


def _unit(request, unit_id):
    """The unit if the user may see it; 404 otherwise (no hint it exists)."""
    for unit in unit_terlihat(request.user):
        if unit.pk == unit_id:
            return unit
    raise Http404("Unit tidak ditemukan.")


def _periode_dibuka(unit, tahun, triwulan):
    return PeriodeEntri.objects.filter(
        instansi_id=unit.instansi_id, tahun=tahun, triwulan=triwulan, dibuka=True
    ).exists()


@login_required
def pilih(request):
    """The units the user may open, for a chosen quarter."""
    instansi = instansi_pengguna(request.user)
    tahun, triwulan = _tahun_triwulan(request, instansi)
    unit = unit_terlihat(request.user)
    if not unit:
        raise PermissionDenied("Akun Anda tidak terhubung dengan unit kerja mana pun.")
    if len(unit) == 1:
        return redirect("realisasi:unit", unit[0].pk, tahun, triwulan)
    return render(
        request,
        "realisasi/pilih.html",
        {"daftar_unit": unit, "tahun": tahun, "triwulan": triwulan},
    )


def _konteks_entri(request, unit, tahun, triwulan, form=None):
    lembar = lembar_tersimpan(unit, tahun, triwulan)
    bisa_ubah = True
    try:
        periksa_boleh_mengubah(request.user, unit, tahun, triwulan, lembar.entri)
    except AksesDitolak:
        # A reviewer (or a unit head of another unit) reads; nothing is wrong.
        bisa_ubah, alasan = (
            False,
            (
                "Anda membuka entri ini untuk dibaca; pengisian dilakukan oleh "
                "Operator dan Kepala unit yang bersangkutan."
            ),
        )
    except GagalEntri as exc:
        bisa_ubah, alasan = False, str(exc)
    else:
        alasan = ""
    if form is None:
        form = FormulirEntri(lembar, hanya_baca=not bisa_ubah)
    aksi = [(a, a.label) for a in aksi_tersedia(request.user, lembar.entri)]
    return {
        "lembar": lembar,
        "unit": unit,
        "tahun": tahun,
        "triwulan": triwulan,
        "form": form,
        "tampilan": form.tampilan(),
        "bisa_ubah": bisa_ubah,
        "alasan_tidak_bisa": alasan,
        "aksi": aksi,
        # with an editable form, submitting is a button of the entry form
        # (values saved first); the other actions keep their own forms
        "ajukan_bersama": bisa_ubah and A.AJUKAN in dict(aksi),
        "aksi_terpisah": [
            (a, label) for a, label in aksi if not (bisa_ubah and a == A.AJUKAN)
        ],
        "riwayat": lembar.entri.riwayat.select_related("oleh")
        if lembar.entri.pk
        else [],
        "boleh_unggah": bisa_ubah and boleh_mengisi(request.user, unit),
        "tautan_hi": unit_hubungan_industrial(unit, tahun),
    }


def _simpan_formulir(request, unit, tahun, triwulan):
    """Validate and save the posted entry form: ``(form, result)``, where the
    result is the ``HasilSimpan`` or None after an error (shown on the form
    or as a message; nothing saved)."""
    if not boleh_mengisi(request.user, unit):
        raise PermissionDenied("Anda tidak berhak mengisi realisasi unit ini.")
    lembar = lembar_tersimpan(unit, tahun, triwulan)
    form = FormulirEntri(lembar, request.POST)
    if not form.is_valid():
        return form, None
    try:
        hasil = simpan_realisasi(
            request.user,
            unit,
            tahun,
            triwulan,
            form.isian(),
            form.cleaned_data["versi"],
            lembar=lembar,
        )
    except IsianTidakValid as exc:
        form.tambah_kesalahan(exc.kesalahan)
        daftar = "; ".join(
            f"{form.label_kesalahan(k)}: {pesan}" for k, pesan in exc.kesalahan.items()
        )
        messages.error(request, f"{exc} Periksa: {daftar}")
    except GagalEntri as exc:
        messages.error(request, str(exc))
    else:
        return form, hasil
    return form, None


def _pesan_simpan(request, hasil):
    messages.success(
        request,
        f"Tersimpan: {hasil.jumlah_perubahan} perubahan."
        if hasil.jumlah_perubahan
        else "Tidak ada perubahan.",
    )


def _halaman_gagal(request, unit, tahun, triwulan, form):
    return render(
        request,
        "realisasi/entri.html",
        _konteks_entri(request, unit, tahun, triwulan, form),
        status=400,
    )


@login_required
def entri_unit(request, unit_id, tahun, triwulan):
    """The entry page: GET shows, POST saves (all or nothing). A GET with
    ``tahun``/``triwulan`` (the quarter selector) goes to that quarter."""
    unit = _unit(request, unit_id)
    if request.method == "GET" and "tahun" in request.GET:
        tahun_baru, tw_baru = _tahun_triwulan(request, unit.instansi)
        return redirect("realisasi:unit", unit.pk, tahun_baru, tw_baru)
    if request.method == "POST":
        form, hasil = _simpan_formulir(request, unit, tahun, triwulan)
        if hasil is None:
            return _halaman_gagal(request, unit, tahun, triwulan, form)
        _pesan_simpan(request, hasil)
        return redirect("realisasi:unit", unit.pk, tahun, triwulan)
    return render(
        request, "realisasi/entri.html", _konteks_entri(request, unit, tahun, triwulan)
    )


@login_required
@require_POST
def entri_aksi(request, unit_id, tahun, triwulan):
    """A workflow transition (submit, return, verify, approve, unlock).

    Submitting from the entry page posts the entry form with it: the typed
    values are saved first with the same validation, and a value that is
    refused stops the submission (the page shows why); no typed value is
    dropped."""
    unit = _unit(request, unit_id)
    form = FormulirAksi(request.POST)
    if not form.is_valid() or form.cleaned_data["aksi"] not in TRANSISI:
        raise Http404("Aksi tidak dikenal.")
    if (
        form.cleaned_data["aksi"] == A.AJUKAN
        and "versi" in request.POST
        and A.AJUKAN
        in aksi_tersedia(request.user, entri_atau_draf(unit, tahun, triwulan))
    ):
        form_entri, hasil = _simpan_formulir(request, unit, tahun, triwulan)
        if hasil is None:
            messages.warning(
                request, "Entri belum diajukan: isian Anda belum dapat disimpan."
            )
            return _halaman_gagal(request, unit, tahun, triwulan, form_entri)
        if hasil.jumlah_perubahan:
            _pesan_simpan(request, hasil)
    try:
        entri = ubah_status(
            request.user,
            unit,
            tahun,
            triwulan,
            form.cleaned_data["aksi"],
            form.cleaned_data["catatan"],
        )
    except AksesDitolak as exc:
        raise PermissionDenied(str(exc)) from exc
    except GagalEntri as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Entri {unit.nama} kini berstatus {entri.get_status_display()}."
        )
    return redirect("realisasi:unit", unit.pk, tahun, triwulan)


@peran_diperlukan(Peran.PERENCANAAN, Peran.PIMPINAN, Peran.PEMERIKSA)
def status(request):
    """Every unit's workflow state and completeness for a quarter."""
    instansi = instansi_pengguna(request.user)
    tahun, triwulan = _tahun_triwulan(request, instansi)
    baris = status_instansi(instansi, tahun, triwulan)
    periode = PeriodeEntri.objects.filter(
        instansi=instansi, tahun=tahun, triwulan=triwulan
    ).first()
    return render(
        request,
        "realisasi/status.html",
        {
            "baris": baris,
            "tahun": tahun,
            "triwulan": triwulan,
            "periode": periode,
            "boleh_atur": Peran.PERENCANAAN in peran_pengguna(request.user),
            "StatusEntri": StatusEntri,
        },
    )


@peran_diperlukan(Peran.PERENCANAAN)
@require_POST
def atur_periode(request):
    instansi = instansi_pengguna(request.user)
    try:
        tahun = int(request.POST["tahun"])
        triwulan = int(request.POST["triwulan"])
        dibuka = request.POST.get("dibuka") == "1"
        atur_periode_entri(request.user, instansi, tahun, triwulan, dibuka)
    except (KeyError, ValueError):
        messages.error(request, "Tahun dan triwulan wajib diisi dengan angka.")
        return redirect("realisasi:status")
    except GagalEntri as exc:
        messages.error(request, str(exc))
    else:
        keadaan = "dibuka" if dibuka else "ditutup"
        messages.success(
            request, f"Triwulan {format_triwulan(triwulan)} tahun {tahun} {keadaan}."
        )
    return redirect(f"{reverse('realisasi:status')}?tahun={tahun}&triwulan={triwulan}")


@login_required
def riwayat(request, sub_kegiatan_id):
    """The audit trail of one sub kegiatan (values, notes, budget)."""
    sub = get_object_or_404(
        SubKegiatan.objects.select_related("unit"), pk=sub_kegiatan_id
    )
    _unit(request, sub.unit_id)
    jejak = JejakAudit.objects.filter(sub_kegiatan=sub).select_related(
        "oleh", "indikator", "rincian"
    )
    return render(request, "realisasi/riwayat.html", {"sub": sub, "jejak": jejak})


@login_required
def unduh_xlsx(request, unit_id, tahun, triwulan):
    """The unit's entry sheet for the quarter as a protected xlsx."""
    unit = _unit(request, unit_id)
    lembar = lembar_entri(unit, tahun, triwulan)
    isi = excel.buat_xlsx(lembar)
    respons = HttpResponse(
        isi,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    nama = f"entri-{unit.kode}-{tahun}-tw{triwulan}.xlsx"
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


@login_required
def unggah_xlsx(request, unit_id, tahun, triwulan):
    """Upload a filled entry sheet: validated whole, saved all or nothing."""
    unit = _unit(request, unit_id)
    if not boleh_mengisi(request.user, unit):
        raise PermissionDenied("Anda tidak berhak mengisi realisasi unit ini.")
    kesalahan_baris = []
    form = FormulirUnggah(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        lembar = lembar_entri(unit, tahun, triwulan)
        try:
            hasil = excel.impor_xlsx(request.user, lembar, form.cleaned_data["berkas"])
        except excel.BerkasDitolak as exc:
            form.add_error("berkas", str(exc))
        except excel.BarisTidakValid as exc:
            kesalahan_baris = exc.baris
            messages.error(request, str(exc))
        except GagalEntri as exc:
            form.add_error("berkas", str(exc))
        else:
            messages.success(
                request, f"Berkas diimpor: {hasil.jumlah_perubahan} perubahan."
            )
            return redirect("realisasi:unit", unit.pk, tahun, triwulan)
    return render(
        request,
        "realisasi/unggah.html",
        {
            "form": form,
            "unit": unit,
            "tahun": tahun,
            "triwulan": triwulan,
            "kesalahan_baris": kesalahan_baris,
        },
        status=400 if request.method == "POST" else 200,
    )
