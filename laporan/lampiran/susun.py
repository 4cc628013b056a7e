"""Assembly of the evaluation attachments from the report data.

Who is evaluated and by whom follows from the staff records: every active
official with a superior (``Pegawai.atasan`` = the evaluator) who owns
indicators (rencana aksi, ``Indikator.pemilik``) or heads a unit. Every figure
comes from ``laporan.data.bangun_data_laporan``; nothing is computed here.
"""

from dataclasses import dataclass, field

from lakip import format as fmt
from lakip.models import Pegawai, UnitKerja
from lakip.selectors import pk_unit_dan_turunan
from laporan.data import TINGKAT_URUT
from laporan.data_tersimpan import data_laporan
from laporan.dokumen.kunci import EVALUASI_PEJABAT, EVALUASI_UNIT, PERNYATAAN, kunci
from laporan.models import DokumenTerbit

JUDUL_TINGKAT = {
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
}


@dataclass(frozen=True)
class Penanda:
    """A signer as printed under a signature: plain text, so a document signed
    earlier keeps the signer it was signed by."""

    nama: str
    jabatan: str
    pangkat: str = ""
    golongan: str = ""
    nip: str = ""
    # "Plh." / "Plt." when an acting official signed for the office holder:
    # ``jabatan`` is then the office, the rest the acting official.
    kuasa: str = ""

    @classmethod
    def dari_pegawai(cls, pegawai):
        return cls(
            nama=pegawai.nama_lengkap,
            jabatan=pegawai.jabatan,
            pangkat=pegawai.pangkat,
            golongan=pegawai.golongan,
            nip=pegawai.nip,
        )

    @classmethod
    def dari_terbit(cls, terbit):
        """The signer frozen in a ``DokumenTerbit``: under a delegation the
        office named on the document with the acting official who signed."""
        orang = "pelaksana" if terbit.kuasa else "penanda"
        return cls(
            nama=getattr(terbit, f"{orang}_nama"),
            jabatan=terbit.penanda_jabatan,
            pangkat=getattr(terbit, f"{orang}_pangkat"),
            golongan=getattr(terbit, f"{orang}_golongan"),
            nip=getattr(terbit, f"{orang}_nip"),
            kuasa=terbit.kuasa,
        )

    @property
    def nip_cetak(self):
        return fmt.format_nip(self.nip)


@dataclass
class KelompokIndikator:
    tingkat: str
    judul: str
    baris: list


@dataclass
class TabelEvaluasi:
    """One Evaluasi Kinerja table: of an official (``pegawai``) or of a unit."""

    kunci: str
    judul: str
    kelompok: list
    penanda: Penanda | None
    pegawai: Pegawai | None = None
    unit: UnitKerja | None = None
    subjudul: str = ""
    terbit: object = None  # the DokumenTerbit once signed
    tanggal: object = None  # the date above the signature (the kind's rule)
    # A note printed under the title ("Tabel ini sekaligus tabel evaluasi ...").
    catatan: str = ""

    @property
    def jenis(self):
        """The document kind: a unit's table or an official's."""
        return EVALUASI_UNIT if self.unit is not None else EVALUASI_PEJABAT

    @property
    def jumlah_indikator(self):
        return sum(len(k.baris) for k in self.kelompok)


@dataclass
class Pernyataan:
    """One "pernyataan telah dievaluasi" page."""

    kunci: str
    dievaluasi: Penanda
    evaluator: Penanda
    pegawai: Pegawai = None
    terbit: object = None  # the DokumenTerbit once signed
    tanggal: object = None  # the date above the signature (the kind's rule)

    @classmethod
    def dari_terbit(cls, terbit, pegawai=None):
        """The page as it was signed: both persons from the frozen text, and
        the date it was signed with."""
        return cls(
            kunci=terbit.kunci,
            dievaluasi=Penanda(
                nama=terbit.subjek_nama,
                jabatan=terbit.subjek_jabatan,
                nip=terbit.subjek_nip,
            ),
            evaluator=Penanda.dari_terbit(terbit),
            pegawai=pegawai,
            terbit=terbit,
            tanggal=terbit.tanggal_dokumen,
        )


class PeriodeDokumen:
    """For documents with ``tahun`` and ``triwulan``: how the period prints."""

    @property
    def triwulan_romawi(self):
        return fmt.format_triwulan(self.triwulan)


@dataclass
class Lampiran(PeriodeDokumen):
    instansi: object
    tahun: int
    triwulan: int
    data: object
    tabel: list = field(default_factory=list)
    pernyataan: list = field(default_factory=list)
    # Every signed document of the quarter, all kinds: ``terbit_periode``.
    terbit: dict = field(default_factory=dict)


def _kelompokkan(baris):
    urut = sorted(baris, key=lambda b: TINGKAT_URUT[b.tingkat])
    hasil = []
    for b in urut:
        if not hasil or hasil[-1].tingkat != b.tingkat:
            hasil.append(KelompokIndikator(b.tingkat, JUDUL_TINGKAT[b.tingkat], []))
        hasil[-1].baris.append(b)
    return hasil


def _urutan_hierarki(instansi):
    """Active staff in the order of the hierarchy: the head, then depth-first
    each subordinate (by their unit's order, then name)."""
    semua = list(
        Pegawai.objects.filter(instansi=instansi, aktif=True).select_related(
            "unit", "atasan"
        )
    )
    anak = {}
    for p in semua:
        anak.setdefault(p.atasan_id, []).append(p)
    for daftar in anak.values():
        daftar.sort(key=lambda p: (p.unit.urutan if p.unit else 999, p.nama))
    hasil = []

    def kunjungi(p):
        hasil.append(p)
        for a in anak.get(p.pk, []):
            kunjungi(a)

    for akar in anak.get(None, []):
        kunjungi(akar)
    return hasil


def pejabat_dievaluasi(instansi, data):
    """The officials evaluated for the quarter, in the hierarchy's order: those
    with a superior who own an indicator of the year or head a unit."""
    pemilik = {b.penanggung_jawab.pk for b in data.indikator if b.penanggung_jawab}
    kepala_unit = set(
        UnitKerja.objects.filter(instansi=instansi, kepala__isnull=False).values_list(
            "kepala_id", flat=True
        )
    )
    return [
        p
        for p in _urutan_hierarki(instansi)
        if p.atasan_id and (p.pk in pemilik or p.pk in kepala_unit)
    ]


def pejabat_pernyataan(pejabat):
    """Of the evaluated officials, those who get a pernyataan page (all but the
    ones whose record says otherwise, ``Pegawai.dievaluasi_berjenjang``)."""
    return [p for p in pejabat if p.dievaluasi_berjenjang]


def indikator_pejabat(data, pegawai):
    """The indicators ``pegawai`` owns (their rencana aksi)."""
    return [
        b
        for b in data.indikator
        if b.penanggung_jawab and b.penanggung_jawab.pk == pegawai.pk
    ]


def indikator_unit(data, unit, semua_unit):
    """A unit's indicators: those of the sub kegiatan it carries out, and those
    owned by its staff (the unit and its sub-units)."""
    unit_pk = pk_unit_dan_turunan(unit, semua_unit)
    hasil = []
    for b in data.indikator:
        sub = getattr(b.objek, "sub_kegiatan", None)
        milik_sub = b.tingkat == "sub_kegiatan" and sub and sub.unit_id in unit_pk
        pj = b.penanggung_jawab
        milik_staf = pj is not None and pj.unit_id in unit_pk
        if milik_sub or milik_staf:
            hasil.append(b)
    return hasil


def tabel_pejabat(data, pegawai):
    return TabelEvaluasi(
        kunci=kunci(EVALUASI_PEJABAT, pegawai.pk),
        judul=f"EVALUASI KINERJA {pegawai.jabatan.upper()}",
        kelompok=_kelompokkan(indikator_pejabat(data, pegawai)),
        penanda=Penanda.dari_pegawai(pegawai),
        pegawai=pegawai,
        subjudul=pegawai.nama_lengkap,
    )


def tabel_unit(data, unit, semua_unit):
    return TabelEvaluasi(
        kunci=kunci(EVALUASI_UNIT, unit.pk),
        judul=f"EVALUASI KINERJA {unit.nama.upper()}",
        kelompok=_kelompokkan(indikator_unit(data, unit, semua_unit)),
        penanda=Penanda.dari_pegawai(unit.kepala) if unit.kepala else None,
        unit=unit,
    )


def pernyataan_pejabat(pegawai):
    """The unsigned pernyataan page of ``pegawai``, signed by their superior."""
    return Pernyataan(
        kunci=kunci(PERNYATAAN, pegawai.pk),
        dievaluasi=Penanda.dari_pegawai(pegawai),
        evaluator=Penanda.dari_pegawai(pegawai.atasan),
        pegawai=pegawai,
    )


def terbit_periode(instansi, tahun, triwulan):
    """``(jenis, kunci) -> DokumenTerbit`` of every signed document of the
    quarter, in one query (the PDFs are not loaded)."""
    return {
        (t.jenis, t.kunci): t
        for t in DokumenTerbit.objects.filter(
            instansi=instansi, tahun=tahun, triwulan=triwulan
        ).defer("isi")
    }


def susun_lampiran(instansi, tahun, triwulan, data=None, terbit=None):
    """The evaluation tables (per unit, then per official) and the pernyataan
    pages of ``instansi`` for ``tahun``/``triwulan``. A pernyataan already signed
    prints as it was signed (frozen persons, verification code). ``terbit`` of
    the result holds every signed document of the quarter (``terbit``: as read
    by ``terbit_periode`` when the caller has it)."""
    data = data or data_laporan(instansi, tahun, triwulan)
    semua_unit = list(
        UnitKerja.objects.filter(instansi=instansi).select_related("kepala")
    )
    pejabat = pejabat_dievaluasi(instansi, data)
    if terbit is None:
        terbit = terbit_periode(instansi, tahun, triwulan)
    lampiran = Lampiran(
        instansi=instansi, tahun=tahun, triwulan=triwulan, data=data, terbit=terbit
    )
    tabel = [tabel_unit(data, u, semua_unit) for u in semua_unit]
    tabel += [tabel_pejabat(data, p) for p in pejabat]
    for t in tabel:
        if t.jumlah_indikator:
            t.terbit = terbit.get((t.jenis, t.kunci))
            if t.terbit is not None:  # prints the signer it was signed by
                t.penanda = Penanda.dari_terbit(t.terbit)
            lampiran.tabel.append(t)
    # Signed pages not yet placed.
    sisa = {k: t for k, t in terbit.items() if k[0] == PERNYATAAN}
    for p in pejabat_pernyataan(pejabat):
        halaman = pernyataan_pejabat(p)
        ditandatangani = sisa.pop((PERNYATAAN, halaman.kunci), None)
        if ditandatangani is not None:
            halaman = Pernyataan.dari_terbit(ditandatangani, p)
        lampiran.pernyataan.append(halaman)
    # Signed pages of officials no longer evaluated keep their place at the end.
    lampiran.pernyataan.extend(Pernyataan.dari_terbit(t) for t in sisa.values())
    return lampiran
