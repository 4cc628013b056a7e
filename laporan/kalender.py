"""A quarter's calendar: the dates its documents carry, as data of the quarter.

- ``akhir_triwulan``: the quarter's last day (the figures are counted to it);
- ``tanggal_laporan``: the report date of the sub kegiatan reports (by default
  the first working day after the quarter; the seed's TW I 2024: 3 April 2024);
- ``tanggal_rapat``: the evaluation meeting (by default the first day of the
  invitation's schedule, ``laporan.models.JadwalRapat``; without one, the
  report date);
- ``tanggal_terbit``: the issue date of what the meeting produces, the
  pernyataan pages, evaluation tables and recommendations (by default the last
  day of the schedule, else the meeting date);
- ``tanggal_lakip``: the LAKIP's own signing date, ``Laporan.tanggal`` (entered
  on the LAKIP screen; by default the 25th of the month after the quarter).

Perencanaan enters the first three on the calendar screen through
``simpan_kalender``; the document kinds take their date from here by rule
(``laporan.dokumen.dasar.AturanTanggal``).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lakip.format import format_tanggal, format_triwulan
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import PeriodeTidakValid, akhir_triwulan, periksa_periode
from laporan.galat import LaporanTidakValid
from laporan.lakip.dokumen import tanggal_bawaan as tanggal_lakip_bawaan
from laporan.models import JadwalRapat, KalenderTriwulan, Laporan

BIDANG = ("tanggal_laporan", "tanggal_rapat", "tanggal_terbit")
LABEL = {
    "tanggal_laporan": "Tanggal laporan",
    "tanggal_rapat": "Tanggal rapat evaluasi",
    "tanggal_terbit": "Tanggal terbit",
}


class KalenderTidakValid(LaporanTidakValid):
    """Bad dates for the quarter's calendar; the message is Indonesian."""


@dataclass(frozen=True)
class Kalender:
    """The quarter's dates, each resolved (entered or default); ``diisi`` names
    the ones entered."""

    tahun: int
    triwulan: int
    akhir_triwulan: datetime.date
    tanggal_laporan: datetime.date
    tanggal_rapat: datetime.date
    tanggal_terbit: datetime.date
    tanggal_lakip: datetime.date
    jadwal_awal: datetime.date | None = None  # the schedule's first day
    jadwal_akhir: datetime.date | None = None  # and its last
    diisi: frozenset = frozenset()
    catatan: object = None  # the saved KalenderTriwulan (None: all defaults)

    @property
    def triwulan_romawi(self):
        return format_triwulan(self.triwulan)


def hari_kerja_sesudah(tanggal):
    """The first Monday-to-Friday day after ``tanggal``."""
    hari = tanggal + datetime.timedelta(days=1)
    while hari.weekday() >= 5:
        hari += datetime.timedelta(days=1)
    return hari


def _jadwal(instansi, tahun, triwulan):
    """The first and the last day of the invitation's schedule (None, None)."""
    hari = sorted(
        set(
            JadwalRapat.objects.filter(
                undangan__instansi=instansi,
                undangan__tahun=tahun,
                undangan__triwulan=triwulan,
            ).values_list("tanggal", flat=True)
        )
    )
    return (hari[0], hari[-1]) if hari else (None, None)


def _tanggal_lakip(instansi, tahun, triwulan):
    tanggal = (
        Laporan.objects.filter(instansi=instansi, tahun=tahun, triwulan=triwulan)
        .values_list("tanggal", flat=True)
        .first()
    )
    return tanggal or tanggal_lakip_bawaan(tahun, triwulan)


def resolusi(tahun, triwulan, isian, jadwal=(None, None), tanggal_lakip=None):
    """The calendar from the entered dates ``isian`` (``{bidang: date|None}``)
    and the schedule's first and last day: every date set, entered or default."""
    akhir = akhir_triwulan(tahun, triwulan)
    awal_rapat, akhir_rapat = jadwal
    laporan = isian.get("tanggal_laporan") or hari_kerja_sesudah(akhir)
    rapat = isian.get("tanggal_rapat") or awal_rapat or laporan
    terbit = isian.get("tanggal_terbit") or max(akhir_rapat or rapat, rapat)
    return Kalender(
        tahun=tahun,
        triwulan=triwulan,
        akhir_triwulan=akhir,
        tanggal_laporan=laporan,
        tanggal_rapat=rapat,
        tanggal_terbit=terbit,
        tanggal_lakip=tanggal_lakip or tanggal_lakip_bawaan(tahun, triwulan),
        jadwal_awal=awal_rapat,
        jadwal_akhir=akhir_rapat,
        diisi=frozenset(b for b in BIDANG if isian.get(b)),
    )


def susun_kalender(instansi, tahun, triwulan):
    """The calendar of ``instansi``'s quarter: the saved dates with the
    defaults for those not entered (three queries)."""
    catatan = KalenderTriwulan.objects.filter(
        instansi=instansi, tahun=tahun, triwulan=triwulan
    ).first()
    isian = {b: getattr(catatan, b) for b in BIDANG} if catatan else {}
    kalender = resolusi(
        tahun,
        triwulan,
        isian,
        _jadwal(instansi, tahun, triwulan),
        _tanggal_lakip(instansi, tahun, triwulan),
    )
    object.__setattr__(kalender, "catatan", catatan)
    return kalender


def boleh_mengatur(user):
    """Perencanaan keeps the quarter's calendar."""
    return Peran.PERENCANAAN in peran_pengguna(user)


def periksa(kalender):
    """``KalenderTidakValid`` (Indonesian) unless the dates follow the process:
    reports on or after the quarter's last day, the meeting on or after them and
    within the invitation's schedule, the issue date on or after the meeting's
    last day; none later than the end of the following year."""
    akhir = kalender.akhir_triwulan
    batas = datetime.date(kalender.tahun + 1, 12, 31)
    for bidang in BIDANG:
        nilai = getattr(kalender, bidang)
        if nilai < akhir:
            raise KalenderTidakValid(
                f"{LABEL[bidang]} ({format_tanggal(nilai)}) sebelum akhir Triwulan "
                f"{kalender.triwulan_romawi} {kalender.tahun} "
                f"({format_tanggal(akhir)})."
            )
        if nilai > batas:
            raise KalenderTidakValid(
                f"{LABEL[bidang]} ({format_tanggal(nilai)}) terlalu jauh dari "
                f"tahun {kalender.tahun} (paling lambat {format_tanggal(batas)})."
            )
    if kalender.tanggal_rapat < kalender.tanggal_laporan:
        raise KalenderTidakValid(
            f"Rapat evaluasi ({format_tanggal(kalender.tanggal_rapat)}) tidak boleh "
            f"sebelum tanggal laporan ({format_tanggal(kalender.tanggal_laporan)}): "
            "laporan triwulan dievaluasi dalam rapat."
        )
    awal, akhir_jadwal = kalender.jadwal_awal, kalender.jadwal_akhir
    if awal is not None and not awal <= kalender.tanggal_rapat <= akhir_jadwal:
        jadwal = format_tanggal(awal)
        if akhir_jadwal != awal:
            jadwal += f" s.d. {format_tanggal(akhir_jadwal)}"
        raise KalenderTidakValid(
            f"Tanggal rapat evaluasi ({format_tanggal(kalender.tanggal_rapat)}) "
            f"tidak sesuai jadwal undangan rapat ({jadwal})."
        )
    rapat_terakhir = max(akhir_jadwal or kalender.tanggal_rapat, kalender.tanggal_rapat)
    if kalender.tanggal_terbit < rapat_terakhir:
        raise KalenderTidakValid(
            f"Tanggal terbit ({format_tanggal(kalender.tanggal_terbit)}) tidak boleh "
            f"sebelum rapat evaluasi ({format_tanggal(rapat_terakhir)}): pernyataan, "
            "tabel evaluasi dan rekomendasi dibuat sesudah rapat."
        )


@transaction.atomic
def simpan_kalender(instansi, tahun, triwulan, isian, *, oleh):
    """Save the entered dates ``isian`` (``{bidang: date|None}``, see
    ``BIDANG``; None = the default) of the quarter. Only Perencanaan
    (``PermissionDenied``); ``KalenderTidakValid`` when the resolved calendar
    breaks a rule of ``periksa`` (nothing saved then). Records who and when;
    returns the ``Kalender``."""
    if oleh is None or not boleh_mengatur(oleh):
        raise PermissionDenied("Hanya Perencanaan yang mengatur kalender triwulan.")
    try:
        periksa_periode(tahun, triwulan)
    except PeriodeTidakValid as galat:
        raise KalenderTidakValid(str(galat)) from None
    tidak_dikenal = set(isian) - set(BIDANG)
    if tidak_dikenal:
        raise ValueError(f"bidang kalender tak dikenal: {sorted(tidak_dikenal)}")
    for bidang, nilai in isian.items():
        if nilai is not None and not isinstance(nilai, datetime.date):
            raise KalenderTidakValid(f"{LABEL[bidang]} bukan tanggal.")
    catatan = (
        KalenderTriwulan.objects.select_for_update()
        .filter(instansi=instansi, tahun=tahun, triwulan=triwulan)
        .first()
    ) or KalenderTriwulan(instansi=instansi, tahun=tahun, triwulan=triwulan)
    lengkap = {b: getattr(catatan, b) for b in BIDANG} | dict(isian)
    periksa(
        resolusi(
            tahun,
            triwulan,
            lengkap,
            _jadwal(instansi, tahun, triwulan),
            _tanggal_lakip(instansi, tahun, triwulan),
        )
    )
    for bidang, nilai in lengkap.items():
        setattr(catatan, bidang, nilai)
    catatan.diubah_oleh, catatan.diubah_pada = oleh, timezone.now()
    catatan.save()
    return susun_kalender(instansi, tahun, triwulan)
