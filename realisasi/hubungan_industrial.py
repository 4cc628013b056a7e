"""The Bidang Hubungan Industrial's quarter records: the register of industrial
dispute cases (``PerkaraPerselisihan``) and the verified trade unions
(``SerikatPekerja``). Reads (``perkara_triwulan``, ``rekap_perkara``,
``serikat_triwulan``) and the one write of each record (``simpan_perkara``,
``simpan_serikat``), which checks the right, validates every field and records
who and when.

Who writes: the unit's own staff (Operator unit, Kepala unit of the unit or of
a parent unit) and Perencanaan of the same agency; never after the unit's
quarter is Disahkan (locked).
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lakip.akses import instansi_pengguna
from lakip.format import format_tanggal, format_triwulan
from lakip.models import UnitKerja
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import akhir_triwulan, awal_triwulan, triwulan_tanggal
from realisasi.akses import boleh_mengisi
from realisasi.models import (
    EntriTriwulan,
    HasilPerselisihan,
    JenisPerselisihan,
    PerkaraPerselisihan,
    SerikatPekerja,
    StatusEntri,
    StatusPerselisihan,
    TahapPerselisihan,
)
from realisasi.services import AksesDitolak, GagalEntri, IsianTidakValid
from renstra.models import SubKegiatan

PANJANG_NAMA = 300
PANJANG_TEKS = 4000
ANGGOTA_MAKS = 10_000_000
TANGGAL_AWAL = datetime.date(2000, 1, 1)
# The program "Hubungan Industrial" of urusan Tenaga Kerja in the national
# nomenclature (Kepmendagri 050-5889/2021): a unit carrying out one of its sub
# kegiatan keeps the register.
KODE_PROGRAM_HI = "2.07.05"


# -- reads ---------------------------------------------------------------------


def perkara_triwulan(unit, tahun, triwulan):
    """The register of ``unit`` for the quarter: the cases registered in the
    quarter, and those registered earlier in the same year that were not
    settled before the quarter began; by registration date."""
    awal, akhir = awal_triwulan(tahun, triwulan), akhir_triwulan(tahun, triwulan)
    dasar = PerkaraPerselisihan.objects.filter(
        unit=unit,
        tanggal_pencatatan__gte=datetime.date(tahun, 1, 1),
        tanggal_pencatatan__lte=akhir,
    )
    # A settled case leaves the register once settled before the quarter (or
    # settled on a date not recorded).
    lama = dasar.filter(tanggal_pencatatan__lt=awal).exclude(
        Q(status=StatusPerselisihan.SELESAI)
        & (Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__lt=awal))
    )
    return (dasar.filter(tanggal_pencatatan__gte=awal) | lama).order_by(
        "tanggal_pencatatan", "pk"
    )


@dataclass
class RekapPerkara:
    """Counts of a register: all cases, per status, per kind, per stage (each
    ``[(label, count)]`` in the choices' order, zero counts left out)."""

    jumlah: int
    per_status: list
    per_jenis: list
    per_tahap: list


def _hitung(daftar, kolom, pilihan):
    n = Counter(getattr(p, kolom) for p in daftar)
    return [(label, n[nilai]) for nilai, label in pilihan.choices if n[nilai]]


def rekap_perkara(daftar):
    """The counts of the cases ``daftar`` (computed, never typed)."""
    daftar = list(daftar)
    return RekapPerkara(
        jumlah=len(daftar),
        per_status=_hitung(daftar, "status", StatusPerselisihan),
        per_jenis=_hitung(daftar, "jenis", JenisPerselisihan),
        per_tahap=_hitung(daftar, "tahap", TahapPerselisihan),
    )


def serikat_triwulan(unit, tahun, triwulan):
    """The trade unions ``unit`` verified in the quarter, in entry order."""
    return SerikatPekerja.objects.filter(
        unit=unit, tahun=tahun, triwulan=triwulan
    ).order_by("urutan", "pk")


def unit_perkara(instansi, tahun, triwulan):
    """The pks of ``instansi``'s units whose register of the quarter has a
    case."""
    unit = UnitKerja.objects.filter(
        perkara_hi__instansi=instansi,
        perkara_hi__tanggal_pencatatan__year=tahun,
    ).distinct()
    return {u.pk for u in unit if perkara_triwulan(u, tahun, triwulan).exists()}


def unit_serikat(instansi, tahun, triwulan):
    """The pks of ``instansi``'s units with trade-union data of the quarter."""
    return set(
        SerikatPekerja.objects.filter(
            instansi=instansi, tahun=tahun, triwulan=triwulan
        ).values_list("unit_id", flat=True)
    )


def unit_hubungan_industrial(unit, tahun):
    """Whether ``unit`` keeps the industrial-relations records: it carries out a
    sub kegiatan of the program Hubungan Industrial in ``tahun``, or already
    holds a case or a trade union."""
    return (
        SubKegiatan.objects.filter(
            unit=unit,
            kegiatan__program__tahun=tahun,
            kegiatan__program__kode=KODE_PROGRAM_HI,
        ).exists()
        or PerkaraPerselisihan.objects.filter(unit=unit).exists()
        or SerikatPekerja.objects.filter(unit=unit).exists()
    )


# -- rights ----------------------------------------------------------------------


def boleh_mengubah_hi(user, unit):
    """The unit's own staff and Perencanaan of its agency."""
    instansi = instansi_pengguna(user)
    if instansi is None or instansi.pk != unit.instansi_id:
        return False
    return Peran.PERENCANAAN in peran_pengguna(user) or boleh_mengisi(user, unit)


# What a case's registration says: fixed once the quarter it was registered in
# is Disahkan (its later stages may still be recorded).
KOLOM_PENCATATAN = (
    "tanggal_pencatatan",
    "pendaftar",
    "pihak_pekerja",
    "pihak_pengusaha",
    "permasalahan",
    "jenis",
)


def _terkunci(unit, tahun, triwulan):
    return EntriTriwulan.objects.filter(
        unit=unit, tahun=tahun, triwulan=triwulan, status=StatusEntri.DISAHKAN
    ).exists()


def _periksa(oleh, unit, tahun, triwulan):
    if not boleh_mengubah_hi(oleh, unit):
        raise AksesDitolak(
            "Anda tidak berhak mengubah data hubungan industrial unit ini."
        )
    if _terkunci(unit, tahun, triwulan):
        raise GagalEntri(
            f"Triwulan {format_triwulan(triwulan)} tahun {tahun} unit ini sudah "
            "disahkan dan terkunci."
        )


# -- validation --------------------------------------------------------------------


def _teks(isian, kunci, label, kesalahan, wajib=True, maks=PANJANG_NAMA):
    nilai = str(isian.get(kunci) or "").strip()
    if maks <= PANJANG_NAMA:  # one line: inner runs of spaces collapse
        nilai = " ".join(nilai.split())
    if wajib and not nilai:
        kesalahan[kunci] = f"{label} wajib diisi."
    elif len(nilai) > maks:
        kesalahan[kunci] = f"{label} paling panjang {maks} karakter."
    elif any(ord(c) < 32 and c not in "\n\r\t" for c in nilai):
        kesalahan[kunci] = f"{label} memuat karakter kendali."
    return nilai


def _pilihan(isian, kunci, label, pilihan, kesalahan, wajib=True):
    nilai = str(isian.get(kunci) or "").strip()
    if not nilai and not wajib:
        return ""
    if nilai not in pilihan.values:
        kesalahan[kunci] = f"Pilih {label.lower()} dari daftar."
    return nilai


def _tanggal(isian, kunci, label, kesalahan, wajib=True):
    """A date typed ``YYYY-MM-DD`` (the date input) or ``DD/MM/YYYY``."""
    nilai = isian.get(kunci)
    if isinstance(nilai, datetime.date):
        return nilai
    nilai = str(nilai or "").strip()
    if not nilai:
        if wajib:
            kesalahan[kunci] = f"{label} wajib diisi."
        return None
    for pola in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            hasil = datetime.datetime.strptime(nilai, pola).date()
        except ValueError:
            continue
        if hasil < TANGGAL_AWAL:
            kesalahan[kunci] = f"{label} tidak boleh sebelum tahun 2000."
            return None
        return hasil
    kesalahan[kunci] = f"{label} tidak valid (contoh: 31/03/2024)."
    return None


def periksa_perkara(isian, tahun, triwulan, hari_ini=None):
    """The cleaned fields of a case from ``isian`` (strings as typed), or
    ``IsianTidakValid`` naming every bad field. The registration date lies in
    the quarter's year, not after the quarter's end nor after today; the
    settlement date, only for a settled case, not before registration nor after
    today."""
    hari_ini = hari_ini or timezone.localdate()
    k = {}
    data = {
        "pendaftar": _teks(isian, "pendaftar", "Nama/perusahaan pendaftar", k),
        "pihak_pekerja": _teks(isian, "pihak_pekerja", "Pihak SP/SB atau pekerja", k),
        "pihak_pengusaha": _teks(
            isian, "pihak_pengusaha", "Pihak perusahaan atau SP/SB", k
        ),
        "permasalahan": _teks(
            isian, "permasalahan", "Permasalahan/tuntutan", k, maks=PANJANG_TEKS
        ),
        "keterangan": _teks(
            isian, "keterangan", "Keterangan", k, wajib=False, maks=PANJANG_TEKS
        ),
        "jenis": _pilihan(isian, "jenis", "Jenis perselisihan", JenisPerselisihan, k),
        "tahap": _pilihan(isian, "tahap", "Tahap penyelesaian", TahapPerselisihan, k),
        "status": _pilihan(isian, "status", "Status", StatusPerselisihan, k),
        "hasil": _pilihan(isian, "hasil", "Hasil", HasilPerselisihan, k, wajib=False),
        "tanggal_pencatatan": _tanggal(
            isian, "tanggal_pencatatan", "Tanggal pencatatan", k
        ),
        "tanggal_selesai": _tanggal(
            isian, "tanggal_selesai", "Tanggal selesai", k, wajib=False
        ),
    }
    dicatat, selesai = data["tanggal_pencatatan"], data["tanggal_selesai"]
    awal, akhir = datetime.date(tahun, 1, 1), akhir_triwulan(tahun, triwulan)
    if dicatat is not None:
        if not awal <= dicatat <= akhir:
            k["tanggal_pencatatan"] = (
                f"Tanggal pencatatan harus antara {format_tanggal(awal)} dan "
                f"{format_tanggal(akhir)} (Triwulan {format_triwulan(triwulan)} "
                f"tahun {tahun})."
            )
        elif dicatat > hari_ini:
            k["tanggal_pencatatan"] = "Tanggal pencatatan tidak boleh di masa depan."
    if selesai is not None:
        if data["status"] != StatusPerselisihan.SELESAI:
            k["tanggal_selesai"] = "Tanggal selesai hanya untuk perkara yang selesai."
        elif dicatat is not None and selesai < dicatat:
            k["tanggal_selesai"] = "Tanggal selesai tidak boleh sebelum pencatatan."
        elif selesai > hari_ini:
            k["tanggal_selesai"] = "Tanggal selesai tidak boleh di masa depan."
    if k:
        raise IsianTidakValid(k)
    return data


def periksa_serikat(isian):
    """The cleaned fields of a trade union from ``isian``, or
    ``IsianTidakValid``; the member count is a whole number from 0 to
    10.000.000, the registration date not after today."""
    k = {}
    data = {
        "perusahaan": _teks(isian, "perusahaan", "Nama perusahaan", k),
        "nama": _teks(isian, "nama", "Nama SP/SB", k),
        "afiliasi": _teks(isian, "afiliasi", "Federasi/konfederasi", k, wajib=False),
        "nomor_pencatatan": _teks(
            isian, "nomor_pencatatan", "Nomor pencatatan", k, wajib=False, maks=100
        ),
        "keterangan": _teks(
            isian, "keterangan", "Keterangan", k, wajib=False, maks=PANJANG_TEKS
        ),
        "tanggal_pencatatan": _tanggal(
            isian, "tanggal_pencatatan", "Tanggal pencatatan", k, wajib=False
        ),
    }
    teks = str(isian.get("jumlah_anggota") or "").strip().replace(".", "")
    # ASCII digits only: "²" is a digit to ``str.isdigit`` but not to ``int``.
    if not (teks.isascii() and teks.isdigit()) or int(teks) > ANGGOTA_MAKS:
        k["jumlah_anggota"] = "Jumlah anggota harus bilangan bulat 0 sampai 10.000.000."
    else:
        data["jumlah_anggota"] = int(teks)
    tanggal = data["tanggal_pencatatan"]
    if tanggal is not None and tanggal > timezone.localdate():
        k["tanggal_pencatatan"] = "Tanggal pencatatan tidak boleh di masa depan."
    if k:
        raise IsianTidakValid(k)
    return data


# -- writes ---------------------------------------------------------------------------


@transaction.atomic
def simpan_perkara(oleh, unit, tahun, triwulan, isian, perkara=None):
    """Add a case to ``unit``'s register (``perkara`` ``None``) or change
    ``perkara``; returns the saved case. Refuses (nothing saved) a user without
    the right, a locked quarter, a case of another unit, or bad input."""
    _periksa(oleh, unit, tahun, triwulan)
    if perkara is not None and perkara.unit_id != unit.pk:
        raise AksesDitolak("Perkara ini bukan milik unit tersebut.")
    data = periksa_perkara(isian, tahun, triwulan)
    if perkara is not None:
        dicatat = perkara.tanggal_pencatatan
        berubah = [k for k in KOLOM_PENCATATAN if getattr(perkara, k) != data[k]]
        if berubah and _terkunci(unit, dicatat.year, triwulan_tanggal(dicatat)):
            raise GagalEntri(
                f"Perkara ini dicatat pada Triwulan "
                f"{format_triwulan(triwulan_tanggal(dicatat))} {dicatat.year} yang "
                "sudah disahkan: hanya tahap, status, hasil, tanggal selesai dan "
                "keterangan yang dapat diubah."
            )
    if perkara is None:
        perkara = PerkaraPerselisihan(
            instansi_id=unit.instansi_id, unit=unit, dibuat_oleh=oleh
        )
    for kolom, nilai in data.items():
        setattr(perkara, kolom, nilai)
    perkara.diubah_oleh = oleh
    perkara.save()
    return perkara


@transaction.atomic
def simpan_serikat(oleh, unit, tahun, triwulan, isian, serikat=None):
    """Add a verified trade union to ``unit``'s quarter (``serikat`` ``None``)
    or change ``serikat``; same refusals as ``simpan_perkara``."""
    _periksa(oleh, unit, tahun, triwulan)
    if serikat is not None and (
        serikat.unit_id != unit.pk
        or (serikat.tahun, serikat.triwulan) != (tahun, triwulan)
    ):
        raise AksesDitolak("Data SP/SB ini bukan milik unit dan triwulan tersebut.")
    data = periksa_serikat(isian)
    if serikat is None:
        urutan = serikat_triwulan(unit, tahun, triwulan).count() + 1
        serikat = SerikatPekerja(
            instansi_id=unit.instansi_id,
            unit=unit,
            tahun=tahun,
            triwulan=triwulan,
            urutan=urutan,
        )
    for kolom, nilai in data.items():
        setattr(serikat, kolom, nilai)
    serikat.diubah_oleh = oleh
    serikat.save()
    return serikat
