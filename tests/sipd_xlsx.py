"""Builds Excel files in the shape SIPD exports (see shared/reference/README.md)
from ``fixtures/sumber/nomenklatur-2024.tsv``: flat rows, one per sub kegiatan ×
kode rekening, with the code and name of every level in its own column pair.

Program Penunjang codes are written as SIPD publishes them (``X.XX.01...``).
Each sub kegiatan's money is split over two expenditure lines so that lines are
exercised too; the sums per sub kegiatan are the TSV's.
"""

import csv
import io
from pathlib import Path

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from lakip.format import BULAN
from lakip.models import UnitKerja
from renstra.impor_sipd import konfirmasi_impor, unggah_impor

TSV = (
    Path(__file__).resolve().parents[1] / "fixtures" / "sumber" / "nomenklatur-2024.tsv"
)

URUSAN = {
    "2": "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR",
    "3": "URUSAN PEMERINTAHAN PILIHAN",
}
BIDANG = {
    "2.07": "URUSAN PEMERINTAHAN BIDANG TENAGA KERJA",
    "3.32": "URUSAN PEMERINTAHAN BIDANG TRANSMIGRASI",
}
REKENING = [
    ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
]
JUDUL_KODE = [
    "Kode Urusan",
    "Nama Urusan",
    "Kode Bidang Urusan",
    "Nama Bidang Urusan",
    "Kode Program",
    "Nama Program",
    "Kode Kegiatan",
    "Nama Kegiatan",
    "Kode Sub Kegiatan",
    "Nama Sub Kegiatan",
    "Kode Rekening",
    "Nama Rekening",
]


def baris_tsv():
    with TSV.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def sub_kegiatan_tsv():
    """``[(kode, nama, nama kegiatan, nama program, pagu, kas TW I, realisasi)]``."""
    nama = {}
    hasil = []
    for b in baris_tsv():
        nama[b["kode"]] = b["nama (seperti di dokumen)"]
        if b["tingkat"] == "sub kegiatan":
            segmen = b["kode"].split(".")
            hasil.append(
                (
                    b["kode"],
                    nama[b["kode"]],
                    nama[".".join(segmen[:5])],
                    nama[".".join(segmen[:3])],
                    int(b["pagu"]),
                    int(b["anggaran_kas_tw1"]),
                    int(b["realisasi_tw1"]),
                )
            )
    return hasil


def _sipd(kode):
    """The code as SIPD publishes it: Program Penunjang (xx.xx.01) as X.XX.01."""
    segmen = kode.split(".")
    if segmen[2] == "01" and segmen[:2] == ["2", "07"]:
        return ".".join(["X", "XX", *segmen[2:]])
    return kode


def _kolom_kode(kode, nama, nama_kegiatan, nama_program, rekening):
    segmen = _sipd(kode).split(".")
    bidang = ".".join(kode.split(".")[:2])
    return [
        segmen[0],
        URUSAN[kode.split(".")[0]],
        ".".join(segmen[:2]),
        BIDANG[bidang],
        ".".join(segmen[:3]),
        nama_program,
        ".".join(segmen[:5]),
        nama_kegiatan,
        ".".join(segmen),
        nama,
        *rekening,
    ]


def _bagi(jumlah):
    """Split an amount over the two expenditure lines (a third and the rest)."""
    return [jumlah // 3, jumlah - jumlah // 3]


def _buku(judul_dokumen, judul_nilai, baris):
    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.title = "Laporan"
    lembar.append([judul_dokumen])
    lembar.append(["Dinas Transmigrasi dan Tenaga Kerja — Tahun Anggaran 2024"])
    lembar.append([])
    lembar.append(JUDUL_KODE + judul_nilai)
    for b in baris:
        lembar.append(b)
    lembar.append(["JUMLAH"])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def dpa(tambahan=()):
    """A DPA file: pagu per sub kegiatan × kode rekening."""
    baris = []
    for kode, nama, keg, prog, pagu, _kas, _real in sub_kegiatan_tsv():
        for rekening, nilai in zip(REKENING, _bagi(pagu), strict=True):
            baris.append(_kolom_kode(kode, nama, keg, prog, rekening) + [nilai])
    return _buku("DOKUMEN PELAKSANAAN ANGGARAN", ["Pagu"], [*baris, *tambahan])


def anggaran_kas():
    """An anggaran kas file: TW I of the TSV over January-March, the rest of the
    pagu in the later months; per sub kegiatan × kode rekening × month."""
    baris = []
    for kode, nama, keg, prog, pagu, kas, _real in sub_kegiatan_tsv():
        for rekening, p, k in zip(REKENING, _bagi(pagu), _bagi(kas), strict=True):
            bulan = [k // 3, k // 3, k - 2 * (k // 3)]
            sisa = p - k
            bulan += [sisa // 9] * 8 + [sisa - 8 * (sisa // 9)]
            baris.append(_kolom_kode(kode, nama, keg, prog, rekening) + bulan)
    return _buku("RENCANA ANGGARAN KAS", BULAN, baris)


def realisasi(tambahan=(), pembagi=1):
    """A realisation file up to 31 March 2024 (amounts divided by ``pembagi``)."""
    baris = []
    for kode, nama, keg, prog, _pagu, _kas, real in sub_kegiatan_tsv():
        real //= pembagi
        for rekening, nilai in zip(REKENING, _bagi(real), strict=True):
            baris.append(_kolom_kode(kode, nama, keg, prog, rekening) + [nilai])
    return _buku(
        "LAPORAN REALISASI ANGGARAN S.D. 31 MARET 2024",
        ["Realisasi"],
        [*baris, *tambahan],
    )


def baris_asing(kode="2.07.01.2.99.0001"):
    """A row whose sub kegiatan is in no plan; program and kegiatan columns are
    taken from ``kode`` where it is long enough."""
    segmen = kode.split(".")
    return [
        segmen[0],
        "URUSAN",
        ".".join(segmen[:2]),
        "BIDANG",
        ".".join(segmen[:3]),
        "Program",
        ".".join(segmen[:5]),
        "Kegiatan",
        kode,
        "Sub kegiatan tak dikenal",
        *REKENING[0],
        1_000_000,
    ]


def baris_rekening(kode_sub, rekening, nilai):
    """An extra row for an existing sub kegiatan of the TSV."""
    data = next(s for s in sub_kegiatan_tsv() if s[0] == kode_sub)
    return _kolom_kode(*data[:4], rekening) + [nilai]


def unggah(instansi, jenis, isi, oleh, nama="sipd.xlsx", **opsi):
    unit = UnitKerja.objects.filter(instansi=instansi).order_by("urutan").first()
    opsi.setdefault("unit", unit.pk)
    berkas = SimpleUploadedFile(nama, isi)
    return unggah_impor(instansi, jenis, 2024, berkas, oleh, opsi)


def impor(instansi, jenis, isi, oleh, **opsi):
    """Upload and confirm; returns the applied preview."""
    rekaman, pratinjau = unggah(instansi, jenis, isi, oleh, **opsi)
    assert pratinjau.galat == [], pratinjau.galat
    return konfirmasi_impor(rekaman, oleh)
