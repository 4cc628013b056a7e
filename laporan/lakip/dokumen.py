"""The LAKIP triwulan document as data: the computed figures of
``laporan.data.bangun_data_laporan`` arranged chapter by chapter, with the
report's prose and supporting tables.

Nothing here computes a figure: budget rows, indicators and staff tables are the
report data's objects, so the document prints exactly the JSON export's numbers.
"""

import datetime
from dataclasses import dataclass, field

from lakip.format import format_tanggal, format_triwulan
from lakip.triwulan import akhir_triwulan
from laporan.data import bangun_data_laporan
from laporan.lakip.teks import teks_html
from laporan.models import DataDukung, Laporan, TeksLaporan

Bagian = TeksLaporan.Bagian


@dataclass
class Narasi:
    """A program, kegiatan or sub kegiatan in BAB III: its budget row, its
    indicators and its narrative text, with its children."""

    nomor: str
    tingkat: str
    anggaran: object
    indikator: list
    teks: str
    anak: list = field(default_factory=list)
    data_dukung: list = field(default_factory=list)

    @property
    def nama(self):
        return self.anggaran.nama

    @property
    def kode(self):
        return self.anggaran.kode

    @property
    def judul(self):
        """The heading: "Kegiatan X", "Sub Kegiatan Y" (the nomenclature's
        kegiatan names already start with "Kegiatan", programs with "PROGRAM")."""
        awalan = {"kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}.get(
            self.tingkat, ""
        )
        if not awalan or self.nama.lower().startswith(awalan.lower()):
            return self.nama
        return f"{awalan} {self.nama}"


@dataclass
class BagianSasaran:
    """One sasaran of BAB III with everything printed about it."""

    nomor: int
    sasaran: object
    iku: list
    anggaran: object
    program: list
    data_dukung: list
    teks: dict

    @property
    def tujuan(self):
        return self.sasaran.tujuan

    @property
    def nomor_teks(self):
        return str(self.nomor)


@dataclass
class Dokumen:
    data: object
    laporan: object
    tanggal: datetime.date
    teks: dict
    sasaran: list
    nomor_program: dict

    @property
    def instansi(self):
        return self.data.instansi

    @property
    def tahun(self):
        return self.data.tahun

    @property
    def triwulan(self):
        return self.data.triwulan

    @property
    def tahun_lalu(self):
        return self.data.tahun - 1

    @property
    def tahun_teks(self):
        return str(self.data.tahun)

    @property
    def triwulan_romawi(self):
        return format_triwulan(self.data.triwulan)

    @property
    def wilayah(self):
        """ "Kabupaten Luwu Timur" from "Pemerintah Kabupaten Luwu Timur"."""
        return self.instansi.pemda.removeprefix("Pemerintah ").strip()

    @property
    def judul(self):
        return (
            f"Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) Triwulan "
            f"{self.triwulan_romawi} Tahun {self.tahun}"
        )

    @property
    def judul_pdf(self):
        return (
            f"LAKIP Triwulan {self.triwulan_romawi} Tahun {self.tahun} — "
            f"{self.instansi.nama} {self.wilayah}"
        )

    @property
    def akhir_triwulan(self):
        """ "31 Maret 2024": the day the quarter's figures are counted to."""
        return format_tanggal(akhir_triwulan(self.tahun, self.triwulan))

    @property
    def kepala(self):
        return self.data.kepala

    @property
    def iku(self):
        return self.data.indikator_tingkat("sasaran")

    @property
    def program_tabel_2_3(self):
        """Program rows with their program indicators (Tabel 2.3)."""
        return [
            (p, self.data.indikator_milik(p.objek)) for p in self.data.anggaran.anak
        ]


def tanggal_bawaan(tahun, triwulan):
    """The signing date a report gets until someone sets it: the 25th of the
    month after the quarter (the seed's TW I 2024 was signed 25 April 2024)."""
    if triwulan == 4:
        return datetime.date(tahun + 1, 1, 25)
    return datetime.date(tahun, triwulan * 3 + 1, 25)


def laporan_sumber(instansi, tahun, triwulan):
    """The saved report of the quarter, else the latest earlier one of the agency
    (whose text a new report starts from); None if the agency has none."""
    sebelumnya = (
        Laporan.objects.filter(instansi=instansi)
        .filter(tahun__lte=tahun)
        .exclude(tahun=tahun, triwulan__gt=triwulan)
    )
    return sebelumnya.order_by("-tahun", "-triwulan").first()


def _narasi(baris, nomor, tingkat, konteks, anak=None):
    data, teks, data_dukung = konteks
    indikator = data.indikator_milik(baris.objek)
    return Narasi(
        nomor=nomor,
        tingkat=tingkat,
        anggaran=baris,
        indikator=indikator,
        teks=teks.get((Bagian.NARASI, baris.kode), ""),
        anak=anak or [],
        data_dukung=[d for i in indikator for d in data_dukung.get(i.objek.pk, [])],
    )


def _huruf(n):
    return chr(ord("a") + n - 1) if n <= 26 else str(n)


def _narasi_program(program, nomor, konteks):
    kegiatan = []
    for nk, k in enumerate(program.anak, 1):
        sub = [
            _narasi(s, f"{_huruf(ns)})", "sub_kegiatan", konteks)
            for ns, s in enumerate(k.anak, 1)
        ]
        kegiatan.append(_narasi(k, f"{nk})", "kegiatan", konteks, sub))
    return _narasi(program, f"{nomor}.", "program", konteks, kegiatan)


def susun_dokumen(instansi, tahun, triwulan, data=None):
    """The document of ``instansi`` for ``tahun`` and ``triwulan`` (1-4).

    The prose and supporting tables come from the quarter's saved report, or from
    the latest earlier report when the quarter has none yet. The number of
    database queries does not depend on the amount of data.
    """
    data = data or bangun_data_laporan(instansi, tahun, triwulan)
    laporan = laporan_sumber(instansi, tahun, triwulan)
    teks = {}
    data_dukung = []
    isian = {
        "tahun": tahun,
        "tahun_lalu": tahun - 1,
        "triwulan": format_triwulan(triwulan),
        "instansi": instansi.nama,
        "wilayah": instansi.pemda.removeprefix("Pemerintah ").strip(),
    }
    if laporan is not None:
        teks = {
            (t.bagian, t.kode): teks_html(t.teks, isian)
            for t in TeksLaporan.objects.filter(laporan=laporan)
        }
        data_dukung = list(
            DataDukung.objects.filter(laporan=laporan).order_by("urutan", "pk")
        )
    nomor_program = {p.objek.pk: n for n, p in enumerate(data.anggaran.anak, 1)}
    per_indikator = {}
    for d in data_dukung:
        if d.indikator_id is not None:
            per_indikator.setdefault(d.indikator_id, []).append(d)
    konteks = (data, teks, per_indikator)
    bagian_sasaran = []
    for nomor, anggaran in enumerate(data.anggaran_sasaran, 1):
        s = anggaran.objek
        iku = data.iku_sasaran(s)
        id_iku = {i.objek.pk for i in iku}
        bagian_sasaran.append(
            BagianSasaran(
                nomor=nomor,
                sasaran=s,
                iku=iku,
                anggaran=anggaran,
                program=[
                    _narasi_program(p, n, konteks)
                    for n, p in enumerate(anggaran.anak, 1)
                ],
                data_dukung=[
                    d
                    for d in data_dukung
                    if d.sasaran_id == s.pk or d.indikator_id in id_iku
                ],
                teks={
                    b.value.removeprefix("sasaran_"): teks.get((b, s.kode), "")
                    for b in Bagian
                    if b.value.startswith("sasaran_")
                },
            )
        )
    tanggal = laporan.tanggal if laporan is not None and laporan.tanggal else None
    if laporan is not None and (laporan.tahun, laporan.triwulan) != (tahun, triwulan):
        laporan, tanggal = None, None
    return Dokumen(
        data=data,
        laporan=laporan,
        tanggal=tanggal or tanggal_bawaan(tahun, triwulan),
        teks={b.value: teks.get((b, ""), "") for b in Bagian},
        sasaran=bagian_sasaran,
        nomor_program=nomor_program,
    )
