"""Writes of the evaluation meeting: the invitation with its schedule
(Perencanaan prepares it for the Kepala Dinas) and a unit's recommendations
(the unit's head, or Perencanaan).

Every function checks the user's right (``PermissionDenied``), validates its
input with an Indonesian message (``RapatTidakValid``, a ``LaporanTidakValid``;
the period check raises the latter), changes nothing when it
fails (one transaction) and records who changed what and when.
"""

import datetime
import re
from dataclasses import dataclass
from itertools import pairwise

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lakip.akses import pegawai_pengguna
from lakip.format import format_jam, format_tanggal, format_triwulan
from lakip.models import Pegawai, UnitKerja
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import akhir_triwulan, awal_triwulan
from laporan.galat import LaporanTidakValid
from laporan.kalender import susun_kalender
from laporan.models import (
    ButirRekomendasi,
    JadwalRapat,
    RekomendasiEvaluasi,
    UndanganRapat,
)
from laporan.rapat.selectors import bawahan_unit, unit_rapat
from laporan.services import periksa_periode_laporan

JAM_MULAI_BAWAAN = datetime.time(13, 0)
LAMA_RAPAT_BAWAAN = datetime.timedelta(minutes=30)

# Placeholders a text may use (see laporan.models); printed by
# ``laporan.lampiran.rapat.isian``.
ISIAN_UNDANGAN = (
    "tahun",
    "tahun_lalu",
    "triwulan",
    "instansi",
    "wilayah",
    "bulan_triwulan",
    "akhir_triwulan",
    "triwulan_berikut",
)
ISIAN_REKOMENDASI = (*ISIAN_UNDANGAN, "unit")
_ISIAN = re.compile(r"\{(\w*)\}")

BIDANG_SURAT = (
    "nomor",
    "tanggal",
    "lampiran",
    "perihal",
    "kepada",
    "di",
    "pembuka",
    "data_dibawa",
    "penutup",
    "tempat",
    "kegiatan",
)


class RapatTidakValid(LaporanTidakValid):
    """Bad input for the meeting's documents; the message is Indonesian."""


@dataclass
class BarisJadwal:
    """One schedule row as entered (``tempat`` empty = the invitation's)."""

    unit: UnitKerja
    tanggal: datetime.date
    jam_mulai: datetime.time
    jam_selesai: datetime.time
    tempat: str = ""


# -- rights ---------------------------------------------------------------------


def boleh_menyiapkan_undangan(user):
    """Perencanaan prepares the invitation for the Kepala Dinas."""
    return Peran.PERENCANAAN in peran_pengguna(user)


def boleh_menyunting_rekomendasi(user, unit):
    """The head of ``unit`` (their staff record is ``unit.kepala``) or
    Perencanaan."""
    if Peran.PERENCANAAN in peran_pengguna(user):
        return True
    pegawai = pegawai_pengguna(user)
    return (
        pegawai is not None
        and unit.kepala_id is not None
        and pegawai.pk == unit.kepala_id
        and Peran.KEPALA_UNIT in peran_pengguna(user)
    )


# -- defaults -------------------------------------------------------------------


def tanggal_bawaan(tahun, triwulan, hari_ini=None):
    """Today when it lies within the half year after the quarter, else the first
    working day after the quarter."""
    hari_ini = hari_ini or timezone.localdate()
    sesudah = akhir_triwulan(tahun, triwulan) + datetime.timedelta(days=1)
    if sesudah <= hari_ini <= sesudah + datetime.timedelta(days=182):
        return hari_ini
    while sesudah.weekday() >= 5:
        sesudah += datetime.timedelta(days=1)
    return sesudah


def tempat_bawaan(instansi):
    return f"Aula Kantor {instansi.nama}"


def jadwal_bawaan(instansi, tanggal, jam_mulai=JAM_MULAI_BAWAAN):
    """One 30-minute slot per unit under the Kepala Dinas, one after the other
    from ``jam_mulai`` (13.00) on ``tanggal``, in the units' order."""
    hasil = []
    mulai = datetime.datetime.combine(tanggal, jam_mulai)
    for unit in unit_rapat(instansi):
        selesai = mulai + LAMA_RAPAT_BAWAAN
        hasil.append(BarisJadwal(unit, tanggal, mulai.time(), selesai.time()))
        mulai = selesai
    return hasil


def undangan_bawaan(instansi, tahun, triwulan):
    """The quarter's invitation as saved, or an unsaved one with the default
    texts (``UndanganRapat`` field defaults), date and place."""
    undangan = UndanganRapat.objects.filter(
        instansi=instansi, tahun=tahun, triwulan=triwulan
    ).first()
    if undangan is not None:
        return undangan
    return UndanganRapat(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        tanggal=tanggal_bawaan(tahun, triwulan),
        tempat=tempat_bawaan(instansi),
    )


def rekomendasi_bawaan(unit, tahun, triwulan):
    """The unit's saved recommendations, or an unsaved record with the default
    texts."""
    rekomendasi = RekomendasiEvaluasi.objects.filter(
        unit=unit, tahun=tahun, triwulan=triwulan
    ).first()
    return rekomendasi or RekomendasiEvaluasi(unit=unit, tahun=tahun, triwulan=triwulan)


# -- validation helpers ---------------------------------------------------------


def _periksa_isian(label, teks, boleh):
    for nama in _ISIAN.findall(teks or ""):
        if nama not in boleh:
            daftar = ", ".join("{" + b + "}" for b in boleh)
            raise RapatTidakValid(
                f"{label}: isian {{{nama}}} tidak dikenal. Yang tersedia: {daftar}."
            )


def _periksa_model(objek, kecuali=()):
    """Field checks of the model (lengths, required) as one Indonesian message."""
    try:
        objek.full_clean(
            exclude=list(kecuali), validate_unique=False, validate_constraints=False
        )
    except ValidationError as galat:
        pesan = []
        for bidang, daftar in galat.message_dict.items():
            label = objek._meta.get_field(bidang).verbose_name
            pesan.extend(f"{label.capitalize()}: {p}" for p in daftar)
        raise RapatTidakValid(" ".join(pesan)) from None


def _periksa_tanggal(label, tanggal, tahun, triwulan):
    awal = awal_triwulan(tahun, triwulan)
    if tanggal < awal:
        raise RapatTidakValid(
            f"{label} ({format_tanggal(tanggal)}) sebelum awal Triwulan "
            f"{format_triwulan(triwulan)} {tahun} ({format_tanggal(awal)})."
        )
    if tanggal.year > tahun + 1:
        raise RapatTidakValid(
            f"{label} ({format_tanggal(tanggal)}) terlalu jauh dari tahun {tahun}."
        )


def _periksa_jadwal(instansi, tanggal_surat, jadwal, tahun, triwulan):
    """The rows name distinct units of the agency, complete times, and days
    neither before the letter nor before the quarter's end (the meeting
    evaluates a finished quarter)."""
    akhir = akhir_triwulan(tahun, triwulan)
    if not jadwal:
        raise RapatTidakValid("Jadwal rapat belum diisi: sedikitnya satu unit kerja.")
    dilihat = set()
    for baris in jadwal:
        unit = baris.unit
        if unit is None or unit.instansi_id != instansi.pk:
            raise RapatTidakValid("Unit kerja jadwal bukan unit instansi ini.")
        if unit.pk in dilihat:
            raise RapatTidakValid(f"{unit.nama} dijadwalkan lebih dari sekali.")
        dilihat.add(unit.pk)
        if None in (baris.tanggal, baris.jam_mulai, baris.jam_selesai):
            raise RapatTidakValid(f"Jadwal {unit.nama}: tanggal dan jam wajib diisi.")
        if baris.jam_selesai <= baris.jam_mulai:
            raise RapatTidakValid(
                f"Jadwal {unit.nama}: jam selesai ({format_jam(baris.jam_selesai)}) "
                f"harus sesudah jam mulai ({format_jam(baris.jam_mulai)})."
            )
        if baris.tanggal < akhir:
            raise RapatTidakValid(
                f"Rapat {unit.nama} ({format_tanggal(baris.tanggal)}) dijadwalkan "
                f"sebelum akhir Triwulan {format_triwulan(triwulan)} {tahun} "
                f"({format_tanggal(akhir)}): rapat evaluasi menilai triwulan yang "
                "sudah berakhir."
            )
        if baris.tanggal < tanggal_surat:
            raise RapatTidakValid(
                f"Rapat {unit.nama} ({format_tanggal(baris.tanggal)}) dijadwalkan "
                f"sebelum tanggal surat ({format_tanggal(tanggal_surat)})."
            )
        if len(baris.tempat or "") > 200:
            raise RapatTidakValid(f"Tempat rapat {unit.nama} lebih dari 200 huruf.")


def _periksa_bentrok(jadwal, tempat_undangan):
    """Two meetings at the same place may not overlap."""

    def tempat(baris):
        return (baris.tempat or tempat_undangan).strip().lower()

    urut = sorted(jadwal, key=lambda b: (tempat(b), b.tanggal, b.jam_mulai))
    for a, b in pairwise(urut):
        if (tempat(a), a.tanggal) == (tempat(b), b.tanggal) and (
            b.jam_mulai < a.jam_selesai
        ):
            raise RapatTidakValid(
                f"Jadwal {a.unit.nama} ({format_jam(a.jam_mulai)}-"
                f"{format_jam(a.jam_selesai)}) dan {b.unit.nama} "
                f"({format_jam(b.jam_mulai)}-{format_jam(b.jam_selesai)}) bertabrakan "
                f"di {b.tempat or tempat_undangan} pada {format_tanggal(a.tanggal)}."
            )


# -- writes ---------------------------------------------------------------------


@transaction.atomic
def simpan_undangan(instansi, tahun, triwulan, surat, jadwal, *, oleh):
    """Save the quarter's invitation (``surat``: a dict of the letter's fields,
    see ``BIDANG_SURAT``) and replace its schedule with ``jadwal`` (a list of
    ``BarisJadwal`` in the order printed). Returns the ``UndanganRapat``."""
    if oleh is None or not boleh_menyiapkan_undangan(oleh):
        raise PermissionDenied(
            "Hanya Perencanaan yang menyiapkan undangan rapat evaluasi."
        )
    periksa_periode_laporan(tahun, triwulan)
    tidak_dikenal = set(surat) - set(BIDANG_SURAT)
    if tidak_dikenal:
        raise ValueError(f"bidang surat tak dikenal: {sorted(tidak_dikenal)}")
    undangan = (
        UndanganRapat.objects.select_for_update()
        .filter(instansi=instansi, tahun=tahun, triwulan=triwulan)
        .first()
    ) or UndanganRapat(instansi=instansi, tahun=tahun, triwulan=triwulan)
    for bidang, nilai in surat.items():
        setattr(undangan, bidang, nilai.strip() if isinstance(nilai, str) else nilai)
    if undangan.tanggal is None:
        raise RapatTidakValid("Tanggal surat wajib diisi.")
    if not undangan.tempat:
        undangan.tempat = tempat_bawaan(instansi)
    if not [b for b in undangan.kepada.splitlines() if b.strip()]:
        raise RapatTidakValid("Isi sedikitnya satu penerima undangan (Yth.).")
    _periksa_model(undangan, kecuali=["instansi", "diubah_oleh"])
    for bidang in ("perihal", "di", "pembuka", "data_dibawa", "penutup", "kegiatan"):
        label = UndanganRapat._meta.get_field(bidang).verbose_name.capitalize()
        _periksa_isian(label, getattr(undangan, bidang), ISIAN_UNDANGAN)
    _periksa_tanggal("Tanggal surat", undangan.tanggal, tahun, triwulan)
    _periksa_jadwal(instansi, undangan.tanggal, jadwal, tahun, triwulan)
    _periksa_bentrok(jadwal, undangan.tempat)
    undangan.diubah_oleh, undangan.diubah_pada = oleh, timezone.now()
    undangan.save()
    undangan.jadwal.all().delete()
    JadwalRapat.objects.bulk_create(
        JadwalRapat(
            undangan=undangan,
            unit=b.unit,
            tanggal=b.tanggal,
            jam_mulai=b.jam_mulai,
            jam_selesai=b.jam_selesai,
            tempat=(b.tempat or "").strip(),
            urutan=urutan,
        )
        for urutan, b in enumerate(jadwal, 1)
    )
    return undangan


@transaction.atomic
def simpan_rekomendasi(
    unit, tahun, triwulan, *, tanggal, pembuka, penutup, butir, oleh
):
    """Save the recommendations of ``unit`` for the quarter. ``butir`` is a list
    of ``(pegawai, [teks, ...])`` in the order printed (1., 2., ... per
    official; a., b., ... per text). Replaces the earlier items. Returns the
    ``RekomendasiEvaluasi``."""
    if oleh is None or not boleh_menyunting_rekomendasi(oleh, unit):
        raise PermissionDenied(
            f"Hanya kepala {unit.nama} atau Perencanaan yang boleh mengisi "
            "rekomendasi unit ini."
        )
    periksa_periode_laporan(tahun, triwulan)
    if unit.kepala_id is None:
        raise RapatTidakValid(
            f"{unit.nama} belum mempunyai kepala unit yang menandatangani rekomendasi."
        )
    rekomendasi = (
        RekomendasiEvaluasi.objects.select_for_update()
        .filter(unit=unit, tahun=tahun, triwulan=triwulan)
        .first()
    ) or RekomendasiEvaluasi(unit=unit, tahun=tahun, triwulan=triwulan)
    rekomendasi.tanggal = tanggal
    rekomendasi.pembuka = (pembuka or "").strip()
    rekomendasi.penutup = (penutup or "").strip()
    _periksa_model(rekomendasi, kecuali=["unit", "diubah_oleh"])
    _periksa_isian("Pembuka", rekomendasi.pembuka, ISIAN_REKOMENDASI)
    _periksa_isian("Penutup", rekomendasi.penutup, ISIAN_REKOMENDASI)
    if tanggal is not None:
        _periksa_tanggal("Tanggal rekomendasi", tanggal, tahun, triwulan)
        rapat = susun_kalender(unit.instansi, tahun, triwulan).tanggal_rapat
        if tanggal < rapat:
            raise RapatTidakValid(
                f"Tanggal rekomendasi ({format_tanggal(tanggal)}) sebelum rapat "
                f"evaluasi ({format_tanggal(rapat)}): rekomendasi dibuat sesudah "
                "rapat. Kosongkan untuk memakai tanggal terbit triwulan."
            )
    boleh = {p.pk: p for p in bawahan_unit(unit)}
    dilihat = set()
    baris = []
    for pegawai, daftar_teks in butir:
        if not isinstance(pegawai, Pegawai) or pegawai.pk not in boleh:
            nama = getattr(pegawai, "nama_lengkap", str(pegawai))
            raise RapatTidakValid(
                f"{nama} bukan pejabat aktif di bawah {unit.kepala.nama_lengkap} "
                f"({unit.nama})."
            )
        if pegawai.pk in dilihat:
            raise RapatTidakValid(f"{pegawai.nama_lengkap} disebut lebih dari sekali.")
        dilihat.add(pegawai.pk)
        teks_bersih = [t.strip() for t in daftar_teks]
        if not teks_bersih or not all(teks_bersih):
            raise RapatTidakValid(
                f"Rekomendasi untuk {pegawai.nama_lengkap} ada yang kosong."
            )
        baris.extend((pegawai, t) for t in teks_bersih)
    if not baris:
        raise RapatTidakValid("Isi sedikitnya satu butir rekomendasi.")
    rekomendasi.diubah_oleh, rekomendasi.diubah_pada = oleh, timezone.now()
    rekomendasi.save()
    rekomendasi.butir.all().delete()
    ButirRekomendasi.objects.bulk_create(
        ButirRekomendasi(rekomendasi=rekomendasi, pegawai=p, urutan=i, teks=t)
        for i, (p, t) in enumerate(baris, 1)
    )
    return rekomendasi
