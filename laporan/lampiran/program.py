"""The quarterly report on a whole program or kegiatan of a Bidang ("Laporan
Program", seed lines 5486-5550 for the Bidang Pengembangan Kawasan
Transmigrasi): its stored prose (``UraianProgram``) around figures computed from
the report data (``laporan.data_tersimpan.data_laporan``): the indicators of the
program or kegiatan and of its children with targets, realisation and capaian,
and per sub kegiatan the pagu, anggaran kas of the quarter, realisation and
what is left. Signed by the PPTK (the kegiatan's, else the head of the unit
carrying it out), acknowledged by the head of the agency."""

import dataclasses
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string

from lakip import format as fmt
from lakip.models import UnitKerja
from lakip.selectors import kepala_instansi
from laporan.data_tersimpan import data_laporan
from laporan.lampiran.susun import Penanda, PeriodeDokumen
from laporan.models import UraianProgram
from renstra.models import Kegiatan, Program, SubKegiatan

PROGRAM, KEGIATAN = "program", "kegiatan"

# (field, heading) of the prose sections, in the seed's order (A-G, then the
# computed realisation, then the conclusion).
BAGIAN = [
    ("latar_belakang", "Latar Belakang"),
    ("ruang_lingkup", "Ruang Lingkup"),
    ("tujuan", "Maksud dan Tujuan"),
    ("sasaran", "Sasaran"),
    ("lokasi", "Lokasi Kegiatan"),
    ("waktu", "Waktu Pelaksanaan"),
    ("sumber_dana", "Sumber Pendanaan"),
]


@dataclass
class LaporanProgram(PeriodeDokumen):
    instansi: object
    tahun: int
    triwulan: int
    tingkat: str  # PROGRAM or KEGIATAN
    objek: object  # the Program or Kegiatan
    unit: object  # the unit carrying most of its sub kegiatan out (or None)
    anggaran: object  # its BarisAnggaran (sum of its sub kegiatan)
    indikator: list  # BarisIndikator: its own, then its children's
    uraian: object
    pptk: Penanda | None
    mengetahui: Penanda | None
    terbit: object = None
    tanggal: object = None  # the date above the signature (the kind's rule)

    @property
    def judul(self):
        return f"{self.tingkat.capitalize()} {self.objek.nama}"

    @property
    def bagian_teks(self):
        """``(huruf, heading, paragraphs)`` of the stored prose sections."""
        hasil = []
        for huruf, (nama, judul) in zip("ABCDEFG", BAGIAN, strict=True):
            teks = getattr(self.uraian, nama)
            hasil.append(
                (huruf, judul, [b.strip() for b in teks.split("\n\n") if b.strip()])
            )
        return hasil

    @property
    def kesimpulan(self):
        return [b.strip() for b in self.uraian.kesimpulan.split("\n\n") if b.strip()]

    @property
    def sub_kegiatan(self):
        """``(BarisAnggaran, pagu left)`` per sub kegiatan."""
        return [(s, s.pagu - s.realisasi) for s in _daun(self.anggaran)]

    @property
    def sisa(self):
        return self.anggaran.pagu - self.anggaran.realisasi

    @property
    def pagu_terbilang(self):
        return fmt.terbilang(self.anggaran.pagu)

    @property
    def realisasi_terbilang(self):
        return fmt.terbilang(self.anggaran.realisasi)


def _daun(baris):
    if baris.tingkat == "sub_kegiatan":
        return [baris]
    return [d for a in baris.anak for d in _daun(a)]


def _cari(akar, tingkat, pk):
    for p in akar.anak:
        if tingkat == PROGRAM and p.objek.pk == pk:
            return p
        for k in p.anak:
            if tingkat == KEGIATAN and k.objek.pk == pk:
                return k
    raise ValueError(f"{tingkat.capitalize()} tidak ada pada anggaran tahun ini.")


def _indikator(data, baris):
    """The indicators of the program/kegiatan ``baris`` and of everything
    below it, level by level."""
    program = {baris.objek.pk} if baris.tingkat == PROGRAM else set()
    kegiatan = {b.objek.pk for b in ([baris] if baris.tingkat == KEGIATAN else [])}
    kegiatan |= {k.objek.pk for k in baris.anak if k.tingkat == KEGIATAN}
    sub = {s.objek.pk for s in _daun(baris)}
    milik = {
        PROGRAM: lambda i: i.program_id in program,
        KEGIATAN: lambda i: i.kegiatan_id in kegiatan,
        "sub_kegiatan": lambda i: i.sub_kegiatan_id in sub,
    }
    return [
        b
        for tingkat in (PROGRAM, KEGIATAN, "sub_kegiatan")
        for b in data.indikator
        if b.tingkat == tingkat and milik[tingkat](b.objek)
    ]


def objek_laporan(instansi, tahun, tingkat, pk):
    """The program or kegiatan ``pk`` of ``instansi``'s year (``None``)."""
    if tingkat == PROGRAM:
        return Program.objects.filter(
            pk=pk, tahun=tahun, periode__instansi=instansi
        ).first()
    return (
        Kegiatan.objects.filter(
            pk=pk, program__tahun=tahun, program__periode__instansi=instansi
        )
        .select_related("program", "pptk")
        .first()
    )


def unit_objek(objek):
    """The unit carrying out most of the sub kegiatan of ``objek`` (a Program
    or Kegiatan), from the plan (no report data needed); ``None``."""
    if isinstance(objek, Program):
        sub = SubKegiatan.objects.filter(kegiatan__program=objek)
    else:
        sub = SubKegiatan.objects.filter(kegiatan=objek)
    hitung = Counter(sub.exclude(unit=None).values_list("unit_id", flat=True))
    if not hitung:
        return None
    return UnitKerja.objects.select_related("kepala").get(
        pk=hitung.most_common(1)[0][0]
    )


def laporan_ada(instansi, tahun, tingkat):
    """The pks of the programs (or kegiatan) of the year that have a report:
    those whose prose is stored."""
    if tingkat == PROGRAM:
        return set(
            UraianProgram.objects.filter(
                program__tahun=tahun, program__periode__instansi=instansi
            ).values_list("program_id", flat=True)
        )
    return set(
        UraianProgram.objects.filter(
            kegiatan__program__tahun=tahun,
            kegiatan__program__periode__instansi=instansi,
        ).values_list("kegiatan_id", flat=True)
    )


def punya_laporan(instansi, tingkat, pk):
    """The prose of ``instansi``'s program (or kegiatan) ``pk`` when it has a
    report, else ``None``."""
    if tingkat == PROGRAM:
        syarat = {"program_id": pk, "program__periode__instansi": instansi}
    else:
        syarat = {
            "kegiatan_id": pk,
            "kegiatan__program__periode__instansi": instansi,
        }
    return (
        UraianProgram.objects.filter(**syarat)
        .select_related("program", "kegiatan")
        .first()
    )


def susun_laporan_program(instansi, tahun, triwulan, tingkat, pk, data=None):
    """The report on the program or kegiatan ``pk``; ``ValueError``
    (Indonesian) when it is not one of the year's."""
    objek = objek_laporan(instansi, tahun, tingkat, pk)
    if objek is None:
        raise ValueError(f"{tingkat.capitalize()} tidak ada pada tahun {tahun}.")
    data = data or data_laporan(instansi, tahun, triwulan)
    baris = _cari(data.anggaran, tingkat, objek.pk)
    unit = unit_objek(objek)
    pptk = getattr(objek, "pptk", None) or (unit.kepala if unit else None)
    kadis = kepala_instansi(instansi)
    milik = {tingkat: objek}
    return LaporanProgram(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        tingkat=tingkat,
        objek=objek,
        unit=unit,
        anggaran=baris,
        indikator=_indikator(data, baris),
        uraian=UraianProgram.objects.filter(**milik).first() or UraianProgram(**milik),
        pptk=Penanda.dari_pegawai(pptk) if pptk else None,
        mengetahui=Penanda.dari_pegawai(kadis) if kadis else None,
    )


def render_html(lap, terbit=None, tanggal=None):
    """The complete HTML of the report dated ``tanggal``; with ``terbit`` the
    PPTK prints as frozen there, with the verification code and the date it
    was signed with."""
    lap = dataclasses.replace(lap, tanggal=tanggal)
    if terbit is not None:
        lap = dataclasses.replace(
            lap,
            pptk=Penanda.dari_terbit(terbit),
            terbit=terbit,
            tanggal=terbit.tanggal_dokumen or tanggal,
        )
    return render_to_string(
        "laporan/lampiran/program.html",
        {
            "lap": lap,
            "lamp": lap,
            "alamat_situs": getattr(settings, "LAKIP_ALAMAT_SITUS", ""),
        },
    )
