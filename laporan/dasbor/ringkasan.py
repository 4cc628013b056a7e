"""The dashboard's figures, shaped from ``DataLaporan``.

Nothing here computes a figure of its own: every capaian and percentage is read
from the report data (``laporan.data``), and every total is a
``BarisAnggaran.jumlah_dari`` of sub kegiatan rows, the rule the report data
itself follows. These functions only select, group, sort and classify.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from lakip import perhitungan as hitung
from lakip.format import format_triwulan
from laporan.data import BarisAnggaran
from realisasi.models import StatusEntri

HIJAU, KUNING, MERAH, ABU = "hijau", "kuning", "merah", "abu"
LABEL_LAMPU = {
    HIJAU: "Sesuai target",
    KUNING: "Perlu perhatian",
    MERAH: "Tertinggal",
    ABU: "Belum dapat dinilai",
}
URUTAN_LAMPU = {MERAH: 0, KUNING: 1, HIJAU: 2, ABU: 3}

DASAR_TRIWULAN = "triwulan"
DASAR_TAHUN = "tahun"


def ambang():
    """The thresholds in force: ``(hijau, kuning, serapan)`` as ``Decimal``."""
    return (
        Decimal(str(getattr(settings, "LAKIP_AMBANG_HIJAU", 90))),
        Decimal(str(getattr(settings, "LAKIP_AMBANG_KUNING", 70))),
        Decimal(str(getattr(settings, "LAKIP_AMBANG_SERAPAN", 50))),
    )


def lampu(capaian):
    """The traffic light of a capaian (%): green at or above
    ``LAKIP_AMBANG_HIJAU``, yellow at or above ``LAKIP_AMBANG_KUNING``, red below,
    grey when it cannot be computed. The printed (rounded) figure is compared, so
    the light always agrees with the number next to it."""
    if not hitung.terhitung(capaian):
        return ABU
    hijau, kuning, _ = ambang()
    nilai = hitung.bulatkan(capaian)
    if nilai >= hijau:
        return HIJAU
    if nilai >= kuning:
        return KUNING
    return MERAH


def serapan_rendah(baris):
    """True when a budget row spent less than ``LAKIP_AMBANG_SERAPAN`` % of its
    anggaran kas up to the quarter; False when that cannot be computed (no cash
    plan)."""
    persen = baris.persen_kas
    return hitung.terhitung(persen) and hitung.bulatkan(persen) < ambang()[2]


def capaian_dinilai(baris, triwulan):
    """``(capaian, dasar)`` by which an indicator is judged this quarter.

    When the rencana aksi gives the quarter a target other than zero, the
    quarter's capaian (``capaian_tw``); otherwise the year's (``capaian_tahun``,
    the figure of the LAKIP and the JSON export).
    """
    target = baris.target_tw[triwulan - 1]
    if hitung.terhitung(target) and target != 0:
        return baris.capaian_tw, DASAR_TRIWULAN
    return baris.capaian_tahun, DASAR_TAHUN


def terendah(nilai_nilai):
    """The lowest computed value, else the first ``TakTerhitung`` (or
    ``TANPA_TARGET`` for an empty list)."""
    nilai_nilai = list(nilai_nilai)
    terhitung = [n for n in nilai_nilai if hitung.terhitung(n)]
    if terhitung:
        return min(terhitung)
    tak = [n for n in nilai_nilai if isinstance(n, hitung.TakTerhitung)]
    return tak[0] if tak else hitung.TANPA_TARGET


def label_periode(tahun, triwulan):
    return f"TW {format_triwulan(triwulan)} {tahun}"


# The report data, indexed ----------------------------------------------------


def semua_baris_anggaran(data):
    """Every budget row of the tree, parents before children."""
    hasil = []

    def turun(baris):
        hasil.append(baris)
        for anak in baris.anak:
            turun(anak)

    turun(data.anggaran)
    return hasil


def semua_sub_kegiatan(data):
    return [b for b in semua_baris_anggaran(data) if b.tingkat == "sub_kegiatan"]


def indeks_anggaran(data):
    """``{(tingkat, pk): BarisAnggaran}`` for programs, kegiatan and sub kegiatan."""
    return {
        (b.tingkat, b.objek.pk): b
        for b in semua_baris_anggaran(data)
        if b.tingkat != "instansi"
    }


def indeks_indikator(data):
    """``{(tingkat, pk of the owner): [BarisIndikator]}`` in report order."""
    hasil = defaultdict(list)
    for baris in data.indikator:
        hasil[(baris.tingkat, baris.objek.induk.pk)].append(baris)
    return hasil


def ada_data(data):
    """True when the quarter has any plan or realisation figure to show."""
    total = data.anggaran
    return bool(
        total.pagu
        or total.realisasi
        or any(hitung.terhitung(i.realisasi) for i in data.indikator)
    )


# IKU -------------------------------------------------------------------------


@dataclass
class Penilaian:
    """An indicator of the report data with the capaian it is judged by."""

    baris: object
    capaian: object
    dasar: str
    lampu: str
    triwulan: int

    @property
    def label_lampu(self):
        return LABEL_LAMPU[self.lampu]


def nilai_indikator(baris, triwulan):
    capaian, dasar = capaian_dinilai(baris, triwulan)
    return Penilaian(
        baris=baris,
        capaian=capaian,
        dasar=dasar,
        lampu=lampu(capaian),
        triwulan=triwulan,
    )


def penilaian_terendah(indikator, triwulan):
    """The ``Penilaian`` with the lowest capaian among ``indikator`` (report
    rows), or the first one if none can be judged; None for no indicator."""
    dinilai = [nilai_indikator(i, triwulan) for i in indikator]
    terhitung = [p for p in dinilai if hitung.terhitung(p.capaian)]
    if terhitung:
        return min(terhitung, key=lambda p: p.capaian)
    return dinilai[0] if dinilai else None


def penilaian_per_objek(data, tingkat):
    """``{(tingkat, pk): Penilaian}``: each program, kegiatan or sub kegiatan
    judged by its lowest indicator (see ``penilaian_terendah``)."""
    hasil = {}
    for (t, pk), indikator in indeks_indikator(data).items():
        if t == tingkat:
            hasil[(t, pk)] = penilaian_terendah(indikator, data.triwulan)
    return hasil


def kartu_iku(data):
    """One ``Penilaian`` per IKU (sasaran indicator), in Renstra order."""
    return [
        nilai_indikator(i, data.triwulan) for i in data.indikator_tingkat("sasaran")
    ]


# Budget ----------------------------------------------------------------------


def anggaran_per_unit(data, unit_kerja):
    """Budget per unit: each unit's row is the sum of the sub kegiatan rows it is
    responsible for. A unit with sub units (the Sekretariat) sums its own and
    its sub units' rows and carries them as ``anak``. Units without sub kegiatan
    are left out. ``unit_kerja`` is the agency's units in order."""
    per_unit = defaultdict(list)
    for sub in semua_sub_kegiatan(data):
        per_unit[sub.objek.unit_id].append(sub)
    anak_unit = defaultdict(list)
    for unit in unit_kerja:
        if unit.induk_id is not None:
            anak_unit[unit.induk_id].append(unit)

    def baris_unit(unit):
        anak = [baris_unit(u) for u in anak_unit[unit.pk]]
        anak = [a for a in anak if a is not None]
        sub = per_unit[unit.pk]
        if not sub and not anak:
            return None
        baris = BarisAnggaran.jumlah_dari(
            "unit", unit.kode, unit.nama, sub + anak, unit
        )
        baris.anak = anak
        baris.sub_kegiatan = sub
        return baris

    hasil = [baris_unit(u) for u in unit_kerja if u.induk_id is None]
    return [b for b in hasil if b is not None]


def anggaran_sasaran(data, sasaran):
    """The programs supporting ``sasaran`` and their sum (``BarisAnggaran``)."""
    program = [p for p in data.anggaran.anak if p.objek.sasaran_id == sasaran.pk]
    return BarisAnggaran.jumlah_dari(
        "sasaran", sasaran.kode, sasaran.nama, program, sasaran
    )


# Lagging sub kegiatan --------------------------------------------------------


@dataclass
class SubKegiatanTertinggal:
    anggaran: BarisAnggaran
    indikator: list  # the sub kegiatan's indicators judged this quarter
    tertinggal: list  # those whose quarter capaian is below green
    capaian: object  # the lowest quarter capaian of ``tertinggal``
    lampu: str
    serapan_rendah: bool
    penanggung_jawab: object

    @property
    def sub_kegiatan(self):
        return self.anggaran.objek

    @property
    def alasan(self):
        alasan = []
        if self.tertinggal:
            alasan.append("capaian triwulan di bawah target")
        if self.serapan_rendah:
            alasan.append("serapan jauh di bawah anggaran kas")
        return "; ".join(alasan)


def _penanggung_jawab(sub, tertinggal, indikator, kepala_unit):
    if tertinggal and tertinggal[0].penanggung_jawab:
        return tertinggal[0].penanggung_jawab
    pemilik = next((i.penanggung_jawab for i in indikator if i.penanggung_jawab), None)
    return sub.pelaksana or sub.pptk or pemilik or kepala_unit.get(sub.unit_id)


def sub_kegiatan_tertinggal(data, unit_kerja=()):
    """The sub kegiatan that lag this quarter, worst first.

    A sub kegiatan lags when one of its indicators has a quarter capaian
    (``capaian_tw``) below the green threshold, or when it spent less than
    ``LAKIP_AMBANG_SERAPAN`` % of the quarter's anggaran kas. The responsible
    official is the owner of its worst indicator, else its pelaksana, PPTK, an
    indicator owner, or the head of its unit.
    """
    hijau = ambang()[0]
    indikator = indeks_indikator(data)
    kepala_unit = {u.pk: u.kepala for u in unit_kerja}
    hasil = []
    for baris in semua_sub_kegiatan(data):
        milik = indikator.get(("sub_kegiatan", baris.objek.pk), [])
        tertinggal = sorted(
            (
                i
                for i in milik
                if hitung.terhitung(i.capaian_tw)
                and hitung.bulatkan(i.capaian_tw) < hijau
            ),
            key=lambda i: i.capaian_tw,
        )
        rendah = serapan_rendah(baris)
        if not tertinggal and not rendah:
            continue
        capaian = (
            tertinggal[0].capaian_tw
            if tertinggal
            else terendah(i.capaian_tw for i in milik)
        )
        hasil.append(
            SubKegiatanTertinggal(
                anggaran=baris,
                indikator=milik,
                tertinggal=tertinggal,
                capaian=capaian,
                lampu=lampu(capaian),
                serapan_rendah=rendah,
                penanggung_jawab=_penanggung_jawab(
                    baris.objek, tertinggal, milik, kepala_unit
                ),
            )
        )

    def urutan(t):
        persen = t.anggaran.persen_kas
        return (
            URUTAN_LAMPU[t.lampu] if t.tertinggal else 9,
            t.capaian if hitung.terhitung(t.capaian) else Decimal(10**9),
            persen if hitung.terhitung(persen) else Decimal(10**9),
            t.anggaran.kode,
        )

    return sorted(hasil, key=urutan)


# Efficiency ------------------------------------------------------------------


@dataclass
class EfisiensiProgram:
    anggaran: BarisAnggaran
    penilaian: object  # of the program's lowest indicator, None without one
    capaian: object
    efisien: object  # True / False / TakTerhitung

    @property
    def serapan(self):
        return self.anggaran.persen_kas

    @property
    def label(self):
        if self.efisien is True:
            return "Efisien"
        if self.efisien is False:
            return "Tidak efisien"
        return "Belum dapat dinilai"


def efisiensi_program(data):
    """Per program, the seed's efficiency rule (``lakip.perhitungan.efisien``):
    output at or above target (the lowest capaian of the program's indicators,
    judged as in ``capaian_dinilai``) while spending at or below the quarter's
    anggaran kas (``persen_kas``). Both inputs are compared as printed."""
    penilaian = penilaian_per_objek(data, "program")
    hasil = []
    for baris in data.anggaran.anak:
        p = penilaian.get(("program", baris.objek.pk))
        capaian = p.capaian if p else hitung.TANPA_TARGET
        hasil.append(
            EfisiensiProgram(
                anggaran=baris,
                penilaian=p,
                capaian=capaian,
                efisien=hitung.efisien(
                    hitung.bulatkan(capaian), hitung.bulatkan(baris.persen_kas)
                ),
            )
        )
    return hasil


# Entry completeness and workflow ---------------------------------------------


@dataclass
class KelengkapanUnit:
    unit: object
    jumlah: int  # indicators of the unit's sub kegiatan
    terisi: int  # of which realised in the quarter
    status: str
    entri: object = None

    @property
    def persen(self):
        return hitung.bagi(self.terisi, self.jumlah)

    @property
    def lebar(self):
        """Width of a progress bar, whole percent (0-100)."""
        return self.terisi * 100 // self.jumlah if self.jumlah else 0

    @property
    def label_status(self):
        return StatusEntri(self.status).label


def terisi(baris):
    """True when the indicator has a realisation entered for the quarter (a
    ratio with a zero denominator counts as entered)."""
    return baris.realisasi != hitung.TANPA_REALISASI


def kelengkapan_unit(data, unit_kerja, entri):
    """Per unit that is responsible for sub kegiatan (or has a workflow record):
    how many of its sub kegiatan indicators have a realisation in the quarter,
    and the workflow state (``entri`` is ``{unit_id: EntriTriwulan}``; a unit
    without a record is in Draf)."""
    jumlah, isi = defaultdict(int), defaultdict(int)
    for baris in data.indikator_tingkat("sub_kegiatan"):
        unit_id = baris.objek.induk.unit_id
        jumlah[unit_id] += 1
        isi[unit_id] += terisi(baris)
    return [
        KelengkapanUnit(
            unit=u,
            jumlah=jumlah[u.pk],
            terisi=isi[u.pk],
            status=entri[u.pk].status if u.pk in entri else StatusEntri.DRAF,
            entri=entri.get(u.pk),
        )
        for u in unit_kerja
        if jumlah[u.pk] or u.pk in entri
    ]


# Trend -----------------------------------------------------------------------


@dataclass
class TitikTren:
    """One quarter of the trend: its report data, budget total and IKU."""

    data: object
    ada_data: bool
    iku: list = field(default_factory=list)

    @property
    def label(self):
        return label_periode(self.data.tahun, self.data.triwulan)

    @property
    def anggaran(self):
        return self.data.anggaran


def tren(data_tahun, data_tahun_lalu=None):
    """The quarters of the year (``data_tahun``, TW I up to the chosen one), then
    the same quarter of last year when it has data."""
    titik = [
        TitikTren(data=d, ada_data=ada_data(d), iku=kartu_iku(d)) for d in data_tahun
    ]
    if data_tahun_lalu is not None and ada_data(data_tahun_lalu):
        titik.append(
            TitikTren(
                data=data_tahun_lalu, ada_data=True, iku=kartu_iku(data_tahun_lalu)
            )
        )
    return titik
