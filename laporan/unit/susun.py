"""The data of a unit's quarterly report (laporan kinerja triwulan unit), after
the seed's report of the Sekretariat (lines 1232-1444):

- BAB I Pendahuluan: the unit's prose (gambaran umum, kewenangan, tugas pokok
  dan fungsi, dasar kegiatan);
- BAB II Perjanjian Kinerja: the unit head's PK of the year
  (``laporan.dokumen_pk.data_perjanjian_kinerja``, the same tables as the PK
  document);
- BAB III Capaian Kinerja: prose around the realisation table of the unit's
  programs, kegiatan and sub kegiatan indicators for the quarter;
- BAB IV Realisasi Anggaran: the budget table of the same rows (pagu, anggaran
  kas up to the quarter, realisasi) and its totals, then prose;
- BAB V Penutup: the computed summary, then prose; signed by the unit head.

Every figure comes from the report data (``laporan.data_tersimpan``): a
program's or kegiatan's money here is the sum of the unit's own sub kegiatan,
so a program shared by two units is split between their reports.
"""

import dataclasses
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string

from lakip import format as fmt
from lakip.models import UnitKerja
from lakip.perhitungan import terhitung
from lakip.triwulan import akhir_triwulan
from laporan.data import BarisAnggaran
from laporan.data_tersimpan import data_laporan
from laporan.dokumen_pk import data_perjanjian_kinerja
from laporan.lakip.teks import teks_html
from laporan.lampiran.rapat import wilayah
from laporan.lampiran.susun import Penanda, PeriodeDokumen
from laporan.models import LaporanUnit
from renstra.models import PerjanjianKinerja

# The prose sections of a unit's report, in print order.
SEKSI = (
    "gambaran_umum",
    "kewenangan",
    "tugas_fungsi",
    "dasar_kegiatan",
    "capaian_pengantar",
    "capaian_analisis",
    "anggaran_analisis",
    "penutup",
)


def unit_laporan(instansi):
    """The units that report: the agency's top-level units, in order."""
    return list(
        UnitKerja.objects.filter(instansi=instansi, induk__isnull=True)
        .select_related("kepala__atasan")
        .order_by("urutan", "nama")
    )


def teks_unit(unit, tahun, triwulan):
    """The prose of ``unit``'s report of the quarter: the saved record, else an
    unsaved copy of the latest earlier quarter's record (texts carried over,
    as a new LAKIP starts from the previous one), else an unsaved empty one.
    ``pk`` is set only for the quarter's own record."""
    simpanan = LaporanUnit.objects.filter(
        unit=unit, tahun=tahun, triwulan=triwulan
    ).first()
    if simpanan is not None:
        return simpanan
    baru = LaporanUnit(unit=unit, tahun=tahun, triwulan=triwulan)
    sebelum = (
        LaporanUnit.objects.filter(unit=unit)
        .filter(Q(tahun__lt=tahun) | Q(tahun=tahun, triwulan__lt=triwulan))
        .order_by("-tahun", "-triwulan")
        .first()
    )
    if sebelum is not None:
        for nama in SEKSI:
            setattr(baru, nama, getattr(sebelum, nama))
    return baru


def teks_kosong(teks):
    """No chapter of the unit's own prose is written."""
    return not any(getattr(teks, nama).strip() for nama in SEKSI)


@dataclass
class BarisKinerja:
    """One row of the realisation table: an indicator of a program, kegiatan or
    sub kegiatan of the unit (``uraian`` only on its owner's first row)."""

    tingkat: str
    uraian: str
    indikator: object  # laporan.data.BarisIndikator
    target: object  # the quarter's own target


@dataclass
class LaporanKinerjaUnit(PeriodeDokumen):
    instansi: object
    tahun: int
    triwulan: int
    unit: object
    teks: object  # LaporanUnit (possibly unsaved)
    kinerja: list  # BarisKinerja
    anggaran: BarisAnggaran  # tingkat "unit", children the unit's programs
    pk: dict | None  # data_perjanjian_kinerja of the head's PK, or None
    penanda: Penanda | None
    terbit: object = None
    tanggal: object = None  # the date above the signature (the kind's rule)
    jumlah_kegiatan: int = 0
    jumlah_sub: int = 0
    isian: dict = field(default_factory=dict)

    @property
    def kosong(self):
        """Nothing of its own written yet: the readiness list names it."""
        return teks_kosong(self.teks)

    @property
    def bab_satu(self):
        """``(huruf, judul, section name)`` of BAB I, in the seed's order."""
        return [
            ("A", "GAMBARAN UMUM", "gambaran_umum"),
            ("B", "KEWENANGAN", "kewenangan"),
            ("C", "TUGAS POKOK DAN FUNGSI", "tugas_fungsi"),
            ("D", "DASAR KEGIATAN", "dasar_kegiatan"),
        ]

    @property
    def program(self):
        return self.anggaran.anak

    @property
    def akhir_triwulan(self):
        return fmt.format_tanggal(akhir_triwulan(self.tahun, self.triwulan))

    @property
    def bertarget(self):
        """The rows with a target for the quarter and a computable capaian."""
        return [
            b
            for b in self.kinerja
            if terhitung(b.target) and b.target and terhitung(b.indikator.capaian_tw)
        ]

    @property
    def tercapai(self):
        """The rows of ``bertarget`` whose capaian reaches 100 %."""
        return [b for b in self.bertarget if b.indikator.capaian_tw >= 100]

    def html_seksi(self, nama):
        return teks_html(getattr(self.teks, nama), self.isian)

    @property
    def seksi(self):
        """``{section name: safe HTML}`` of the prose."""
        return {nama: self.html_seksi(nama) for nama in SEKSI}


def _milik_unit(data, unit, unit_per_pk):
    """The budget tree of the sub kegiatan whose top-level unit is ``unit``."""

    def akar(unit_id):
        u = unit_per_pk.get(unit_id)
        while u is not None and u.induk_id is not None:
            u = unit_per_pk.get(u.induk_id)
        return u

    program = []
    for p in data.anggaran.anak:
        kegiatan = []
        for k in p.anak:
            sub = [s for s in k.anak if akar(s.objek.unit_id) == unit]
            if sub:
                kegiatan.append(
                    BarisAnggaran.jumlah_dari("kegiatan", k.kode, k.nama, sub, k.objek)
                )
        if kegiatan:
            program.append(
                BarisAnggaran.jumlah_dari("program", p.kode, p.nama, kegiatan, p.objek)
            )
    return BarisAnggaran.jumlah_dari("unit", "", unit.nama, program, unit)


def _baris_kinerja(data, anggaran, triwulan):
    indikator = {}
    for b in data.indikator:
        indikator.setdefault((b.tingkat, b.objek.induk.pk), []).append(b)
    hasil = []
    for p in anggaran.anak:
        for baris in [p, *(x for k in p.anak for x in [k, *k.anak])]:
            for i, ind in enumerate(indikator.get((baris.tingkat, baris.objek.pk), [])):
                hasil.append(
                    BarisKinerja(
                        baris.tingkat,
                        baris.nama if i == 0 else "",
                        ind,
                        ind.target_tw[triwulan - 1],
                    )
                )
    return hasil


def perjanjian_kepala(unit, tahun):
    """The Perjanjian Kinerja of ``unit``'s head for ``tahun``, or ``None``."""
    if unit.kepala_id is None:
        return None
    return (
        PerjanjianKinerja.objects.filter(
            instansi_id=unit.instansi_id, pihak_pertama_id=unit.kepala_id, tahun=tahun
        )
        .select_related("instansi", "pihak_pertama", "pihak_kedua")
        .first()
    )


def susun_laporan_unit(instansi, tahun, triwulan, unit, data=None, terbit=None):
    """The report of the top-level ``unit`` for the quarter; ``data`` (the
    report data) is reused when given. With ``terbit`` (the signing record) the
    signer prints as frozen there."""
    data = data or data_laporan(instansi, tahun, triwulan)
    unit_per_pk = {u.pk: u for u in UnitKerja.objects.filter(instansi=instansi)}
    anggaran = _milik_unit(data, unit_per_pk.get(unit.pk, unit), unit_per_pk)
    perjanjian = perjanjian_kepala(unit, tahun)
    penanda = Penanda.dari_pegawai(unit.kepala) if unit.kepala_id else None
    if terbit is not None:
        penanda = Penanda.dari_terbit(terbit)
    isian = {
        "tahun": tahun,
        "tahun_lalu": tahun - 1,
        "triwulan": fmt.format_triwulan(triwulan),
        "instansi": instansi.nama,
        "wilayah": wilayah(instansi),
    }
    return LaporanKinerjaUnit(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        unit=unit,
        teks=teks_unit(unit, tahun, triwulan),
        kinerja=_baris_kinerja(data, anggaran, triwulan),
        anggaran=anggaran,
        pk=data_perjanjian_kinerja(perjanjian) if perjanjian else None,
        penanda=penanda,
        terbit=terbit,
        jumlah_kegiatan=sum(len(p.anak) for p in anggaran.anak),
        jumlah_sub=sum(len(k.anak) for p in anggaran.anak for k in p.anak),
        isian=isian,
    )


def render_html(lap, terbit=None, tanggal=None):
    """The complete HTML of the report dated ``tanggal``; with ``terbit`` the
    signer prints as frozen there, with the verification code and the date it
    was signed with."""
    lap = dataclasses.replace(lap, tanggal=tanggal)
    if terbit is not None:
        lap = dataclasses.replace(
            lap,
            terbit=terbit,
            penanda=Penanda.dari_terbit(terbit),
            tanggal=terbit.tanggal_dokumen or tanggal,
        )
    return render_to_string(
        "laporan/unit/dokumen.html",
        {
            "lap": lap,
            "lamp": lap,
            "seksi": lap.seksi,
            "akar_statis": "",
            "alamat_situs": getattr(settings, "LAKIP_ALAMAT_SITUS", ""),
        },
    )
