"""What the quarter's documents ask of a user ("Tugas saya"): signatures and
missing signers. Registered with ``lakip.tugas`` in ``LaporanConfig``.

Signing follows approval, so only the latest quarter with an approved
(Disahkan) entry is looked at."""

from dataclasses import dataclass

from django.urls import reverse

from lakip.akses import instansi_pengguna, pegawai_pengguna
from lakip.format import format_triwulan
from lakip.peran import Peran, peran_pengguna
from lakip.tugas import Tugas
from lakip.versi_data import DOKUMEN, tersimpan
from laporan.draf import unit_draf
from laporan.lampiran.terbit import daftar_dokumen, menunggu_pengesahan
from realisasi.models import EntriTriwulan, StatusEntri

# Roles that open the signing page (laporan.lampiran.views.tanda_tangan).
PERAN_TANDA_TANGAN = {
    Peran.PERENCANAAN,
    Peran.PIMPINAN,
    Peran.PEMERIKSA,
    Peran.KEPALA_UNIT,
}


def _triwulan_disahkan(instansi):
    return (
        EntriTriwulan.objects.filter(
            unit__instansi=instansi, status=StatusEntri.DISAHKAN
        )
        .order_by("-tahun", "-triwulan")
        .values_list("tahun", "triwulan")
        .first()
    )


@dataclass(frozen=True)
class DokumenBelum:
    """An unsigned document that may be signed now: what a task names."""

    judul: str
    penanda_pk: int | None


def dokumen_belum_ditandatangani(instansi, tahun, triwulan):
    """The documents of the quarter not yet signed that may be signed now (a
    document printing figures waits for every unit's approval), with their
    signer. Assembling the quarter's documents is the dearest thing a page
    asks for, and every page of a signer asks (the navbar's count): it is done
    once per version of the data and of the document records."""

    def hitung():
        draf = unit_draf(instansi, tahun, triwulan)
        return [
            DokumenBelum(d.judul, d.penanda.pk if d.penanda else None)
            for d in daftar_dokumen(instansi, tahun, triwulan)
            if d.terbit is None
            and not menunggu_pengesahan(instansi, tahun, triwulan, d.jenis, draf)
        ]

    return tersimpan(
        f"tugas-ttd:{instansi.pk}:{tahun}:{triwulan}", instansi.pk, hitung, DOKUMEN
    )


def _ringkas(dokumen):
    judul = ", ".join(d.judul for d in dokumen[:3])
    return judul + (" …" if len(dokumen) > 3 else "")


def tugas_laporan(user):
    """The unsigned documents of the latest approved quarter whose signer is
    the user and that may be signed now (a document printing figures waits
    for every unit's approval), and (Perencanaan) the documents without a
    recorded signer."""
    peran = peran_pengguna(user)
    pegawai = pegawai_pengguna(user)
    if not peran & PERAN_TANDA_TANGAN:
        return []
    perencanaan = Peran.PERENCANAAN in peran
    if pegawai is None and not perencanaan:
        return []
    instansi = instansi_pengguna(user)
    periode = _triwulan_disahkan(instansi) if instansi else None
    if periode is None:
        return []
    tahun, triwulan = periode
    belum = dokumen_belum_ditandatangani(instansi, tahun, triwulan)
    url = reverse("laporan:tanda_tangan", args=[tahun, triwulan])
    label = f"Triwulan {format_triwulan(triwulan)} tahun {tahun}"
    hasil = []
    milik = [d for d in belum if pegawai and d.penanda_pk == pegawai.pk]
    if milik:
        hasil.append(
            Tugas(
                "Tandatangani",
                f"Tandatangani {len(milik)} dokumen lampiran {label}",
                url,
                _ringkas(milik),
            )
        )
    tanpa = [d for d in belum if d.penanda_pk is None]
    if perencanaan and tanpa:
        hasil.append(
            Tugas(
                "Lengkapi",
                f"Lengkapi penanda tangan {len(tanpa)} dokumen lampiran {label}",
                reverse("admin:lakip_pegawai_changelist"),
                _ringkas(tanpa),
            )
        )
    return hasil
