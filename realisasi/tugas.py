"""What the quarterly entry asks of a user ("Tugas saya") and who is told of a
workflow transition. Registered with ``lakip.tugas`` in ``RealisasiConfig``."""

from django.urls import reverse

from lakip.akses import instansi_pengguna
from lakip.format import format_triwulan
from lakip.notifikasi import kirim_notifikasi
from lakip.peran import Peran, peran_pengguna
from lakip.selectors import pengguna_berperan
from lakip.tugas import Tugas
from realisasi.akses import PERAN_PENGISI, boleh_mengisi, unit_sendiri
from realisasi.models import EntriTriwulan, PeriodeEntri, RiwayatStatus, StatusEntri
from realisasi.ringkasan import status_unit

A = RiwayatStatus.Aksi


def _label(unit, tahun, triwulan):
    return f"{unit.nama} — Triwulan {format_triwulan(triwulan)} tahun {tahun}"


def _url(unit, tahun, triwulan):
    return reverse("realisasi:unit", args=[unit.pk, tahun, triwulan])


def _tugas_pengisi(user, instansi, peran):
    """Fill (or submit) every own unit's entry of every open quarter in Draf."""
    hasil = []
    periode = PeriodeEntri.objects.filter(instansi=instansi, dibuka=True).order_by(
        "tahun", "triwulan"
    )
    for p in periode:
        for unit in unit_sendiri(user):
            s = status_unit(unit, p.tahun, p.triwulan)
            if not s.jumlah_indikator or s.entri.status != StatusEntri.DRAF:
                continue
            terisi, jumlah = s.jumlah_terisi, s.jumlah_indikator
            ket = f"{terisi} dari {jumlah} indikator terisi"
            if s.terakhir_aksi in (A.KEMBALIKAN, A.BUKA_KUNCI):
                ket += f"; {s.terakhir_label.lower()}: {s.terakhir_catatan}"
            label = _label(unit, p.tahun, p.triwulan)
            url = _url(unit, p.tahun, p.triwulan)
            if terisi < jumlah:
                hasil.append(Tugas("Isi", f"Isi realisasi {label}", url, ket))
            elif Peran.KEPALA_UNIT in peran:
                hasil.append(Tugas("Ajukan", f"Ajukan entri {label}", url, ket))
    return hasil


def _tugas_peninjau(instansi, status, jenis):
    entri = EntriTriwulan.objects.filter(
        unit__instansi=instansi, status=status
    ).select_related("unit")
    return [
        Tugas(
            jenis,
            f"{jenis} entri {_label(e.unit, e.tahun, e.triwulan)}",
            _url(e.unit, e.tahun, e.triwulan),
            f"Berstatus {e.get_status_display()}",
        )
        for e in entri.order_by("tahun", "triwulan", "unit__urutan", "unit__pk")
    ]


def tugas_realisasi(user):
    """The entries waiting for ``user``: to fill or submit (own units, open
    quarters), to verify (Perencanaan), to approve (Pimpinan)."""
    instansi = instansi_pengguna(user)
    if instansi is None:
        return []
    peran = peran_pengguna(user)
    hasil = []
    if peran & PERAN_PENGISI:
        hasil += _tugas_pengisi(user, instansi, peran)
    if Peran.PERENCANAAN in peran:
        hasil += _tugas_peninjau(instansi, StatusEntri.DIAJUKAN, "Verifikasi")
    if Peran.PIMPINAN in peran:
        hasil += _tugas_peninjau(instansi, StatusEntri.DIVERIFIKASI, "Sahkan")
    return hasil


# Who is told of each transition, besides the one who acted: the unit's own
# staff ("unit") and the holders of a role.
PENERIMA = {
    A.AJUKAN: ("unit", Peran.PERENCANAAN),
    A.KEMBALIKAN: ("unit",),
    A.VERIFIKASI: ("unit", Peran.PIMPINAN),
    A.SAHKAN: ("unit", Peran.PERENCANAAN),
    A.BUKA_KUNCI: ("unit", Peran.PIMPINAN),
}

KATA = {
    A.AJUKAN: "diajukan",
    A.KEMBALIKAN: "dikembalikan",
    A.VERIFIKASI: "diverifikasi",
    A.SAHKAN: "disahkan",
    A.BUKA_KUNCI: "dibuka kuncinya",
}


def penerima_transisi(unit, aksi):
    """The users told of ``aksi`` on ``unit``'s entry (see ``PENERIMA``)."""
    instansi = unit.instansi
    tujuan = PENERIMA[aksi]
    peran = [p for p in tujuan if p != "unit"]
    hasil = pengguna_berperan(instansi, *peran) if peran else []
    if "unit" in tujuan:
        hasil += [
            u
            for u in pengguna_berperan(instansi, *PERAN_PENGISI)
            if boleh_mengisi(u, unit)
        ]
    return hasil


def beri_tahu_transisi(user, entri, aksi, catatan=""):
    """Notify (in the app and by e-mail) everyone concerned by a transition of
    ``entri`` done by ``user``; returns the notifications created."""
    aksi = A(aksi)
    unit = entri.unit
    label = _label(unit, entri.tahun, entri.triwulan)
    nama = user.get_full_name() or user.username
    pesan = f"{nama}: entri realisasi {label} {KATA[aksi]}; kini berstatus "
    pesan += f"{entri.get_status_display()}."
    if catatan:
        pesan += f"\nCatatan: {catatan}"
    return kirim_notifikasi(
        penerima_transisi(unit, aksi),
        f"Entri {label} {KATA[aksi]}",
        pesan,
        _url(unit, entri.tahun, entri.triwulan),
        kecuali=user,
    )
