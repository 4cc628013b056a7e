"""The documents of the quarter's evaluation meeting, built from data:

- the invitation (``Undangan``): the Kepala Dinas's letter and its attachment,
  the schedule (one meeting per unit);
- the attendance lists (``DaftarHadir``): one general list of all active staff
  ("Mengetahui; Kepala Dinas") and one per scheduled unit meeting (the unit's
  people, its head first; "Mengetahui;" the unit head);
- the recommendations of a unit head (``Rekomendasi``): numbered per
  subordinate official (1., 2., ...), lettered per item (a., b., ...).

``susun_*`` build the dataclasses (None or an empty list when nothing is
saved); ``html_*`` return the complete HTML of ONE part, laid out by
``templates/laporan/lampiran/dokumen.html`` (which a combined document may also
fill, with the context keys ``undangan``, ``daftar_hadir`` and ``rekomendasi``,
each a list); the PDFs come from the package builder (``laporan.dokumen``
declares each kind). Signers are ``Penanda`` (plain
text); every document has a ``terbit`` slot for a signed variant whose
verification line then prints under the signature.
"""

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from lakip import format as fmt
from lakip.selectors import kepala_instansi
from lakip.triwulan import akhir_triwulan
from laporan.dokumen.kunci import DAFTAR_HADIR, REKOMENDASI, UNDANGAN
from laporan.dokumen.kunci import kunci as kunci_dokumen
from laporan.lakip.teks import teks_html
from laporan.lampiran.susun import Penanda, PeriodeDokumen
from laporan.models import RekomendasiEvaluasi, UndanganRapat
from laporan.rapat.selectors import pegawai_aktif, staf_unit

# Empty rows at the end of an attendance list, for people not on it.
BARIS_KOSONG = 3
_ISIAN = re.compile(r"\{(\w+)\}")


def wilayah(instansi):
    """``Kabupaten Luwu Timur`` from ``Pemerintah Kabupaten Luwu Timur``."""
    return instansi.pemda.removeprefix("Pemerintah ").strip()


def isian(instansi, tahun, triwulan, unit=None):
    """The values of the placeholders the meeting's texts may use."""
    awal = fmt.BULAN[triwulan * 3 - 3]
    akhir = fmt.BULAN[triwulan * 3 - 1]
    hasil = {
        "tahun": tahun,
        "tahun_lalu": tahun - 1,
        "triwulan": fmt.format_triwulan(triwulan),
        "instansi": instansi.nama,
        "wilayah": wilayah(instansi),
        "bulan_triwulan": f"{awal} - {akhir}",
        "akhir_triwulan": fmt.format_tanggal(akhir_triwulan(tahun, triwulan)),
        "triwulan_berikut": (
            fmt.format_triwulan(triwulan + 1)
            if triwulan < 4
            else f"I Tahun {tahun + 1}"
        ),
    }
    if unit is not None:
        hasil["unit"] = unit.nama
    return hasil


def isi_teks(teks, nilai):
    """``teks`` with its known placeholders filled in (others kept)."""
    return _ISIAN.sub(lambda m: str(nilai.get(m.group(1), m.group(0))), teks or "")


def _baris(teks, nilai):
    return [isi_teks(b.strip(), nilai) for b in (teks or "").splitlines() if b.strip()]


def _html(teks, nilai):
    return teks_html(isi_teks(teks, nilai))


# -- invitation -----------------------------------------------------------------


@dataclass
class BarisJadwalCetak:
    nomor: int
    unit: object
    tanggal: object
    jam_mulai: object
    jam_selesai: object
    tempat: str

    @property
    def hari_tanggal(self):
        return fmt.format_hari_tanggal(self.tanggal)

    @property
    def pukul(self):
        return f"{fmt.format_jam(self.jam_mulai)} - {fmt.format_jam(self.jam_selesai)}"


@dataclass
class Undangan(PeriodeDokumen):
    instansi: object
    tahun: int
    triwulan: int
    nomor: str
    tanggal: object
    lampiran: str
    perihal: str
    kepada: list
    di: str
    pembuka: str  # safe HTML
    data_dibawa: list
    penutup: str  # safe HTML
    tempat: str
    kegiatan: str
    jadwal: list
    penanda: Penanda | None
    terbit: object = None
    kunci: str = kunci_dokumen(UNDANGAN)

    @property
    def tanggal_cetak(self):
        return fmt.format_tanggal(self.tanggal)


def susun_undangan(instansi, tahun, triwulan):
    """The saved invitation of the quarter with its schedule, signed by the
    Kepala Dinas; None when none is saved."""
    undangan = (
        UndanganRapat.objects.filter(instansi=instansi, tahun=tahun, triwulan=triwulan)
        .prefetch_related("jadwal__unit")
        .first()
    )
    if undangan is None:
        return None
    nilai = isian(instansi, tahun, triwulan)
    kepala = kepala_instansi(instansi)
    return Undangan(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        nomor=undangan.nomor,
        tanggal=undangan.tanggal,
        lampiran=undangan.lampiran,
        perihal=isi_teks(undangan.perihal, nilai),
        kepada=_baris(undangan.kepada, nilai),
        di=isi_teks(undangan.di, nilai),
        pembuka=_html(undangan.pembuka, nilai),
        data_dibawa=_baris(undangan.data_dibawa, nilai),
        penutup=_html(undangan.penutup, nilai),
        tempat=undangan.tempat,
        kegiatan=isi_teks(undangan.kegiatan, nilai),
        jadwal=[
            BarisJadwalCetak(
                nomor=i,
                unit=j.unit,
                tanggal=j.tanggal,
                jam_mulai=j.jam_mulai,
                jam_selesai=j.jam_selesai,
                tempat=j.tempat or undangan.tempat,
            )
            for i, j in enumerate(undangan.jadwal.all(), 1)
        ],
        penanda=Penanda.dari_pegawai(kepala) if kepala else None,
    )


# -- attendance lists -----------------------------------------------------------


@dataclass
class BarisHadir:
    nomor: int
    nama: str = ""
    jabatan: str = ""
    jenis_kelamin: str = ""

    @property
    def kanan(self):
        """Even numbers sign in the right half of the signature column."""
        return self.nomor % 2 == 0


@dataclass
class DaftarHadir(PeriodeDokumen):
    instansi: object
    tahun: int
    triwulan: int
    kunci: str
    kegiatan: str
    hari_tanggal: str
    tempat: str
    tanggal: object  # the meeting's date, above the signature
    baris: list
    penanda: Penanda | None
    unit: object = None  # None: the general list
    pukul: str = ""
    terbit: object = None

    @property
    def tanggal_ttd(self):
        """The meeting's date, above the signature."""
        return self.tanggal


def _baris_hadir(orang):
    baris = [
        BarisHadir(i, p.nama_lengkap, p.jabatan, p.jenis_kelamin)
        for i, p in enumerate(orang, 1)
    ]
    mulai = len(baris) + 1
    baris.extend(BarisHadir(n) for n in range(mulai, mulai + BARIS_KOSONG))
    return baris


def _hari_tanggal(jadwal):
    """The day(s) of the meetings: one date, or the first and the last."""
    tanggal = sorted({j.tanggal for j in jadwal})
    if not tanggal:
        return ""
    if len(tanggal) == 1:
        return fmt.format_hari_tanggal(tanggal[0])
    return (
        f"{fmt.format_hari_tanggal(tanggal[0])} s.d. "
        f"{fmt.format_hari_tanggal(tanggal[-1])}"
    )


def daftar_hadir_umum(undangan):
    """All active staff of the agency, by rank; acknowledged by the Kepala
    Dinas."""
    return DaftarHadir(
        instansi=undangan.instansi,
        tahun=undangan.tahun,
        triwulan=undangan.triwulan,
        kunci=kunci_dokumen(DAFTAR_HADIR),
        kegiatan=f"{undangan.kegiatan} Triwulan {undangan.triwulan_romawi} Tahun "
        f"{undangan.tahun}",
        hari_tanggal=_hari_tanggal(undangan.jadwal),
        tempat=undangan.tempat,
        tanggal=min((j.tanggal for j in undangan.jadwal), default=undangan.tanggal),
        baris=_baris_hadir(pegawai_aktif(undangan.instansi)),
        penanda=undangan.penanda,
    )


def daftar_hadir_unit(undangan, jadwal):
    """The people of the scheduled unit and its sub-units, its head first;
    acknowledged by the unit head."""
    unit = jadwal.unit
    kepala = unit.kepala
    return DaftarHadir(
        instansi=undangan.instansi,
        tahun=undangan.tahun,
        triwulan=undangan.triwulan,
        kunci=kunci_dokumen(DAFTAR_HADIR, unit.pk),
        kegiatan=f"{undangan.kegiatan} Triwulan {undangan.triwulan_romawi} Tahun "
        f"{undangan.tahun}",
        hari_tanggal=jadwal.hari_tanggal,
        pukul=jadwal.pukul,
        tempat=jadwal.tempat,
        tanggal=jadwal.tanggal,
        baris=_baris_hadir(staf_unit(unit)),
        penanda=Penanda.dari_pegawai(kepala) if kepala else None,
        unit=unit,
    )


def susun_daftar_hadir(instansi, tahun, triwulan, undangan=None, unit=None):
    """The general list then one list per scheduled unit, in the schedule's
    order; with ``unit``, only that unit's list. Empty when no invitation is
    saved (or ``unit`` is not scheduled)."""
    undangan = undangan or susun_undangan(instansi, tahun, triwulan)
    if undangan is None:
        return []
    if unit is not None:
        return [
            daftar_hadir_unit(undangan, j)
            for j in undangan.jadwal
            if j.unit.pk == unit.pk
        ]
    return [
        daftar_hadir_umum(undangan),
        *(daftar_hadir_unit(undangan, j) for j in undangan.jadwal),
    ]


# -- recommendations ------------------------------------------------------------


@dataclass
class PoinRekomendasi:
    """The recommendations to one official: ``butir`` is ``[(label, teks)]``."""

    nomor: int
    pegawai: object
    sebutan: str
    butir: list = field(default_factory=list)


@dataclass
class Rekomendasi(PeriodeDokumen):
    instansi: object
    tahun: int
    triwulan: int
    unit: object
    tanggal: object  # as entered (None: the quarter's issue date)
    pembuka: str  # safe HTML
    poin: list
    penutup: str  # safe HTML
    penanda: Penanda | None
    terbit: object = None
    # The date above the signature: the kind's rule (laporan.dokumen.rekomendasi).
    tanggal_ttd: object = None

    @property
    def kunci(self):
        return kunci_dokumen(REKOMENDASI, self.unit.pk)


def sebutan_pejabat(pegawai):
    """How an official is addressed: ``Kasubag Keuangan (ADE ENDAH ULFIANA, SE)``."""
    return f"{pegawai.jabatan} ({pegawai.nama_lengkap})"


def _huruf(n):
    return f"{chr(ord('a') + n - 1)}." if n <= 26 else f"{n}."


def _poin(butir):
    """Items grouped per official, officials in the order of their first item."""
    per_pegawai = {}
    for b in butir:
        per_pegawai.setdefault(b.pegawai_id, (b.pegawai, []))[1].append(b.teks)
    return [
        PoinRekomendasi(
            nomor=n,
            pegawai=pegawai,
            sebutan=sebutan_pejabat(pegawai),
            butir=[(_huruf(i), t) for i, t in enumerate(teks, 1)],
        )
        for n, (pegawai, teks) in enumerate(per_pegawai.values(), 1)
    ]


def rekomendasi_dari(rekomendasi):
    """The document of one saved ``RekomendasiEvaluasi``, signed by the head
    of its unit."""
    unit = rekomendasi.unit
    instansi = unit.instansi
    nilai = isian(instansi, rekomendasi.tahun, rekomendasi.triwulan, unit)
    return Rekomendasi(
        instansi=instansi,
        tahun=rekomendasi.tahun,
        triwulan=rekomendasi.triwulan,
        unit=unit,
        tanggal=rekomendasi.tanggal,
        pembuka=_html(rekomendasi.pembuka, nilai),
        poin=_poin(rekomendasi.butir.all()),
        penutup=_html(rekomendasi.penutup, nilai),
        penanda=Penanda.dari_pegawai(unit.kepala) if unit.kepala else None,
    )


def susun_rekomendasi(instansi, tahun, triwulan, unit=None):
    """The saved recommendations of the quarter (of ``unit`` only, if given),
    in the units' order."""
    semua = (
        RekomendasiEvaluasi.objects.filter(
            unit__instansi=instansi, tahun=tahun, triwulan=triwulan
        )
        .select_related("unit__instansi", "unit__kepala")
        .prefetch_related("butir__pegawai")
        .order_by("unit__urutan", "unit__nama")
    )
    if unit is not None:
        semua = semua.filter(unit=unit)
    return [rekomendasi_dari(r) for r in semua]


# -- HTML and PDF ---------------------------------------------------------------


def _html_dokumen(judul, **bagian):
    konteks = {"undangan": (), "daftar_hadir": (), "rekomendasi": ()}
    konteks.update(bagian)
    return render_to_string(
        "laporan/lampiran/dokumen.html",
        {
            **konteks,
            "judul": judul,
            "tabel": (),
            "pernyataan": (),
            "akar_statis": "",
        },
    )


def html_undangan(undangan):
    """The letter (page 1) and its schedule attachment (page 2)."""
    return _html_dokumen(
        f"Undangan Rapat Evaluasi Triwulan {undangan.triwulan_romawi} {undangan.tahun}",
        undangan=[undangan],
    )


def html_daftar_hadir(daftar):
    """The attendance lists ``daftar`` (a list), one page each."""
    pertama = daftar[0]
    return _html_dokumen(
        f"Daftar Hadir Rapat Evaluasi Triwulan {pertama.triwulan_romawi} "
        f"{pertama.tahun}",
        daftar_hadir=daftar,
    )


def html_rekomendasi(rekomendasi):
    """The recommendations ``rekomendasi`` (a list), one unit per page."""
    pertama = rekomendasi[0]
    return _html_dokumen(
        f"Rekomendasi Hasil Evaluasi Triwulan {pertama.triwulan_romawi} "
        f"{pertama.tahun}",
        rekomendasi=rekomendasi,
    )
