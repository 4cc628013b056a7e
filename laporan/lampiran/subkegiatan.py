"""The quarterly report of one sub kegiatan (laporan sub kegiatan triwulan):
inputs (pagu in figures and words), outputs with target and realisation, the
month schedule, the expenditure lines, and the signatures of the pelaksana and
the PPTK. Figures come from ``laporan.data``."""

import dataclasses
from dataclasses import dataclass

from django.template.loader import render_to_string

from lakip import format as fmt
from laporan.data import bangun_belanja
from laporan.data_tersimpan import data_laporan
from laporan.lampiran.susun import Penanda, PeriodeDokumen
from laporan.lampiran.uraian import uraian
from renstra.models import SubKegiatan


@dataclass
class LaporanSubKegiatan(PeriodeDokumen):
    instansi: object
    tahun: int
    triwulan: int
    sub_kegiatan: SubKegiatan
    anggaran: object  # BarisAnggaran of the sub kegiatan (Tabel 3.25 row)
    belanja: object  # BarisAnggaran whose children are the expenditure lines
    indikator: list
    pelaksana: Penanda | None
    pptk: Penanda | None
    uraian: object = None  # UraianSubKegiatan (possibly unsaved and empty)
    tanggal: object = None  # the date above the PPTK's signature (report date)

    @property
    def bagian_teks(self):
        """``(huruf, judul, paragraphs or items, numbered)`` for the prose
        sections A-F, in the seed's order; lists print one item per line."""
        u = self.uraian
        bagian = [
            ("Latar Belakang", u.latar_belakang, False),
            ("Dasar Hukum", u.dasar_hukum, True),
            ("Maksud dan Tujuan", u.tujuan, False),
            ("Ruang Lingkup", u.ruang_lingkup, False),
            ("Metode Pelaksanaan", u.metode, False),
            ("Lokasi Pelaksanaan", u.lokasi, True),
        ]
        hasil = []
        for huruf, (judul, teks, daftar) in zip("ABCDEF", bagian, strict=True):
            pemisah = "\n" if daftar else "\n\n"
            isi = [b.strip() for b in teks.split(pemisah) if b.strip()]
            hasil.append((huruf, judul, isi, daftar))
        return hasil

    @property
    def keluaran(self):
        """``(indicator row, target of the quarter)`` pairs."""
        return [(b, b.target_tw[self.triwulan - 1]) for b in self.indikator]

    @property
    def pagu_terbilang(self):
        return fmt.terbilang(self.anggaran.pagu)

    @property
    def jadwal(self):
        """Per month (Januari..Desember): True when the month's quarter has cash
        planned for the sub kegiatan."""
        kas = self.belanja.anak and {
            t: sum(b.objek.kas_per_triwulan[t] for b in self.belanja.anak)
            for t in range(1, 5)
        }
        kas = kas or {t: 0 for t in range(1, 5)}
        return [(fmt.BULAN[b], kas[b // 3 + 1] > 0) for b in range(12)]


def _cari_anggaran(akar, sub):
    for p in akar.anak:
        for k in p.anak:
            for s in k.anak:
                if s.objek.pk == sub.pk:
                    return s
    raise ValueError(f"Sub kegiatan {sub.kode} tidak ada pada anggaran tahun ini.")


def susun_laporan_sub_kegiatan(instansi, tahun, triwulan, kode, data=None):
    """The report of the sub kegiatan ``kode``; ``ValueError`` (Indonesian) when
    the code is not a sub kegiatan of the year."""
    sub = (
        SubKegiatan.objects.filter(
            kode=kode,
            kegiatan__program__tahun=tahun,
            kegiatan__program__periode__instansi=instansi,
        )
        .select_related("kegiatan__program", "pptk", "pelaksana", "unit")
        .first()
    )
    if sub is None:
        raise ValueError(f"Sub kegiatan {kode} tidak ada pada tahun {tahun}.")
    data = data or data_laporan(instansi, tahun, triwulan)
    return LaporanSubKegiatan(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        sub_kegiatan=sub,
        anggaran=_cari_anggaran(data.anggaran, sub),
        belanja=bangun_belanja(sub, triwulan),
        indikator=[
            b
            for b in data.indikator
            if b.tingkat == "sub_kegiatan" and b.objek.sub_kegiatan_id == sub.pk
        ],
        pelaksana=Penanda.dari_pegawai(sub.pelaksana) if sub.pelaksana else None,
        pptk=Penanda.dari_pegawai(sub.pptk) if sub.pptk else None,
        uraian=uraian(sub),
    )


def render_html(lap, terbit=None):
    """The complete HTML of the report; with ``terbit`` (the signing record) the
    signers and the date print as frozen there, with the verification code."""
    if terbit is not None:
        lap = dataclasses.replace(
            lap,
            tanggal=terbit.tanggal_dokumen or lap.tanggal,
            pptk=Penanda.dari_terbit(terbit),
            pelaksana=(
                Penanda(
                    nama=terbit.subjek_nama,
                    jabatan=terbit.subjek_jabatan,
                    nip=terbit.subjek_nip,
                )
                if terbit.subjek_id
                else lap.pelaksana
            ),
        )
    return render_to_string(
        "laporan/lampiran/subkegiatan.html",
        {
            "lap": lap,
            "terbit": terbit,
            "akar_statis": "",
        },
    )
