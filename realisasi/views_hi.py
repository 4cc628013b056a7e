"""The Bidang Hubungan Industrial's screens: the register of industrial dispute
cases and the verified trade unions (SP/SB) of a unit's quarter. Views only
translate HTTP to ``realisasi.hubungan_industrial``; a unit the user may not see
is 404, a write the user may not make 403, bad input 400 with the form again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from realisasi import hubungan_industrial as hi
from realisasi.akses import unit_terlihat
from realisasi.models import (
    HasilPerselisihan,
    JenisPerselisihan,
    PerkaraPerselisihan,
    SerikatPekerja,
    StatusPerselisihan,
    TahapPerselisihan,
)
from realisasi.services import AksesDitolak, GagalEntri, IsianTidakValid

# The form fields: (name, label, kind: "text", "date", "textarea" or choices).
ISIAN_PERKARA = (
    ("tanggal_pencatatan", "Tanggal pencatatan", "date"),
    ("pendaftar", "Nama/perusahaan yang mendaftarkan", "text"),
    ("pihak_pekerja", "Pihak SP/SB atau pekerja", "text"),
    ("pihak_pengusaha", "Pihak perusahaan atau SP/SB", "text"),
    ("permasalahan", "Permasalahan/tuntutan", "textarea"),
    ("jenis", "Jenis perselisihan", JenisPerselisihan.choices),
    ("tahap", "Tahap penyelesaian", TahapPerselisihan.choices),
    ("status", "Status", StatusPerselisihan.choices),
    ("hasil", "Hasil (bila ada)", [("", "—"), *HasilPerselisihan.choices]),
    ("tanggal_selesai", "Tanggal selesai (bila selesai)", "date"),
    ("keterangan", "Keterangan", "textarea"),
)
ISIAN_SERIKAT = (
    ("perusahaan", "Nama perusahaan", "text"),
    ("nama", "Nama SP/SB", "text"),
    ("afiliasi", "Federasi/konfederasi (kosong: non afiliasi)", "text"),
    ("jumlah_anggota", "Jumlah anggota (orang)", "text"),
    ("nomor_pencatatan", "Nomor bukti pencatatan", "text"),
    ("tanggal_pencatatan", "Tanggal pencatatan", "date"),
    ("keterangan", "Keterangan", "textarea"),
)


def _unit(request, unit_id):
    for unit in unit_terlihat(request.user):
        if unit.pk == unit_id:
            return unit
    raise Http404("Unit tidak ditemukan.")


@login_required
def daftar(request, unit_id, tahun, triwulan):
    """The unit's register of the quarter with its counts, and its SP/SB data."""
    unit = _unit(request, unit_id)
    perkara = list(hi.perkara_triwulan(unit, tahun, triwulan))
    serikat = list(hi.serikat_triwulan(unit, tahun, triwulan))
    return render(
        request,
        "realisasi/hubungan_industrial.html",
        {
            "unit": unit,
            "tahun": tahun,
            "triwulan": triwulan,
            "perkara": perkara,
            "rekap": hi.rekap_perkara(perkara),
            "serikat": serikat,
            "jumlah_anggota": sum(s.jumlah_anggota for s in serikat),
            "bisa_ubah": hi.boleh_mengubah_hi(request.user, unit),
        },
    )


def _nilai_awal(objek, kolom):
    hasil = {}
    for k in kolom:
        nilai = getattr(objek, k, None) if objek is not None else None
        hasil[k] = nilai.isoformat() if hasattr(nilai, "isoformat") else nilai
    return hasil


def _isian(daftar, nilai, kesalahan):
    return [
        {
            "nama": nama,
            "label": label,
            "tipe": jenis if isinstance(jenis, str) else "pilihan",
            "pilihan": [] if isinstance(jenis, str) else jenis,
            "nilai": "" if nilai.get(nama) is None else str(nilai[nama]),
            "galat": kesalahan.get(nama, ""),
        }
        for nama, label, jenis in daftar
    ]


def _formulir(request, unit, tahun, triwulan, objek, jenis):
    """GET: the form; POST: save through the service, then back to the list."""
    if not hi.boleh_mengubah_hi(request.user, unit):
        raise PermissionDenied("Anda tidak berhak mengubah data unit ini.")
    perkara = jenis == "perkara"
    daftar = ISIAN_PERKARA if perkara else ISIAN_SERIKAT
    kolom = [d[0] for d in daftar]
    nilai, kesalahan, status = _nilai_awal(objek, kolom), {}, 200
    if request.method == "POST":
        nilai = {k: request.POST.get(k, "") for k in kolom}
        simpan = hi.simpan_perkara if perkara else hi.simpan_serikat
        try:
            simpan(request.user, unit, tahun, triwulan, nilai, objek)
        except IsianTidakValid as exc:
            kesalahan, status = exc.kesalahan, 400
            messages.error(request, str(exc))
        except AksesDitolak as exc:
            raise PermissionDenied(str(exc)) from None
        except GagalEntri as exc:
            status = 409
            messages.error(request, str(exc))
        else:
            messages.success(request, "Tersimpan.")
            return redirect("realisasi:hubungan_industrial", unit.pk, tahun, triwulan)
    return render(
        request,
        "realisasi/hubungan_industrial_form.html",
        {
            "unit": unit,
            "tahun": tahun,
            "triwulan": triwulan,
            "objek": objek,
            "perkara": perkara,
            "isian": _isian(daftar, nilai, kesalahan),
        },
        status=status,
    )


@login_required
def perkara(request, unit_id, tahun, triwulan, pk=None):
    """Add (``pk`` ``None``) or change a case of the unit's register."""
    unit = _unit(request, unit_id)
    objek = None
    if pk is not None:
        objek = PerkaraPerselisihan.objects.filter(pk=pk, unit=unit).first()
        if objek is None:
            raise Http404("Perkara tidak ditemukan.")
    return _formulir(request, unit, tahun, triwulan, objek, "perkara")


@login_required
def serikat(request, unit_id, tahun, triwulan, pk=None):
    """Add (``pk`` ``None``) or change a trade union of the unit's quarter."""
    unit = _unit(request, unit_id)
    objek = None
    if pk is not None:
        objek = SerikatPekerja.objects.filter(
            pk=pk, unit=unit, tahun=tahun, triwulan=triwulan
        ).first()
        if objek is None:
            raise Http404("Data SP/SB tidak ditemukan.")
    return _formulir(request, unit, tahun, triwulan, objek, "serikat")
