"""Reading SIPD-shaped Excel files: the sheet, its header row, codes and money.

SIPD hands budget data out as flat rows: one row per sub kegiatan (and kode
rekening), with the code and the name of every level in its own column pair.
Headers are recognised by name, case- and punctuation-insensitively, wherever
the header row is in the first rows of any sheet. Codes may be full
(``2.07.01.2.01.0001``) or one level's own segments (``0001`` under kegiatan
``2.07.01.2.01``); a Program Penunjang code published as ``X.XX.01...`` takes
the agency's ``kode_urusan``.

Used by every importer (``renstra.impor_sipd``, ``realisasi.impor_sipd``).
"""

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from lakip import unggah
from lakip.format import (
    BATAS_UANG,
    BULAN,
    AngkaTidakValid,
    format_angka,
    parse_angka,
)
from renstra.galat import RencanaTidakValid

BATAS_UKURAN = 5 * 1024 * 1024  # bytes
BATAS_BARIS = 20_000
BARIS_JUDUL_MAKS = 30  # the header row must be among the first rows of a sheet

# canonical column -> accepted header names (normalised, see ``_normal``)
KOLOM = {
    "kode_urusan": ["kode urusan"],
    "nama_urusan": ["nama urusan", "urusan"],
    "kode_bidang": ["kode bidang urusan", "kode bidang"],
    "nama_bidang": ["nama bidang urusan", "nama bidang", "bidang urusan"],
    "kode_program": ["kode program"],
    "nama_program": ["nama program", "program"],
    "kode_kegiatan": ["kode kegiatan"],
    "nama_kegiatan": ["nama kegiatan", "kegiatan"],
    "kode_sub_kegiatan": ["kode sub kegiatan", "kode subkegiatan", "kode sub"],
    "nama_sub_kegiatan": ["nama sub kegiatan", "nama subkegiatan", "sub kegiatan"],
    "kode_rekening": ["kode rekening", "kode akun", "kode rek", "kode belanja"],
    "nama_rekening": [
        "nama rekening",
        "uraian rekening",
        "nama akun",
        "uraian",
        "nama belanja",
    ],
    "bulan": ["bulan"],
}

NAMA_BULAN = [b.lower() for b in BULAN]
for _i, _nama in enumerate(NAMA_BULAN, start=1):
    KOLOM[f"bulan_{_i}"] = [_nama, _nama[:3], f"bulan {_i}"]

# levels of the budget hierarchy: column, number of code segments, label
TINGKAT_KODE = [
    ("kode_urusan", 1, "urusan"),
    ("kode_bidang", 2, "bidang urusan"),
    ("kode_program", 3, "program"),
    ("kode_kegiatan", 5, "kegiatan"),
    ("kode_sub_kegiatan", 6, "sub kegiatan"),
]
_POLA_KODE = re.compile(r"^\d+(\.\d+)*$")
_KATA_JUMLAH = re.compile(r"\b(jumlah|total)\b", re.IGNORECASE)


class GalatBerkas(RencanaTidakValid):
    """The file as a whole cannot be read (not xlsx, too big, no header row)."""


class GalatBaris(RencanaTidakValid):
    """One row cannot be used; the message names the problem in Indonesian."""


@dataclass
class Baris:
    """One data row: its Excel row number and its cells by canonical column."""

    nomor: int
    sel: dict

    def teks(self, kolom):
        return teks_sel(self.sel.get(kolom))


def _normal(teks):
    teks = re.sub(r"[^0-9a-z]+", " ", str(teks or "").lower())
    return re.sub(r"\s+", " ", teks).strip()


def teks_sel(nilai):
    """A cell as stripped text; whole floats lose their ``.0``."""
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai).strip()


def periksa_berkas(nama_file, ukuran, isi=None):
    """Refuse what is not an .xlsx file or is larger than ``BATAS_UKURAN``; with
    ``isi`` (the bytes), also a zip whose directory ``lakip.unggah`` refuses
    (too much data once uncompressed, a zip bomb)."""
    if not str(nama_file).lower().endswith(".xlsx"):
        raise GalatBerkas(
            f"Berkas “{nama_file}” bukan berkas Excel .xlsx. Unduh ulang dari SIPD "
            "dalam format Excel (.xlsx); format .xls, .csv, dan .pdf tidak diterima."
        )
    if ukuran > BATAS_UKURAN:
        raise GalatBerkas(
            f"Berkas “{nama_file}” berukuran {format_angka(ukuran // 1024)} KB, "
            f"melebihi batas {format_angka(BATAS_UKURAN // 1024)} KB."
        )
    if ukuran == 0:
        raise GalatBerkas(f"Berkas “{nama_file}” kosong.")
    if isi is not None:
        try:
            unggah.periksa_zip(isi)
        except unggah.BerkasTidakValid as exc:
            raise GalatBerkas(f"Berkas “{nama_file}”: {exc}") from None


def _alias(kolom_nilai):
    alias = {}
    for kanonik, nama in list(KOLOM.items()) + list(kolom_nilai.items()):
        for n in nama:
            alias.setdefault(_normal(n), kanonik)
    return alias


def _judul(baris, alias):
    """``{kanonik: index}`` of a candidate header row (first match wins)."""
    hasil = {}
    for i, sel in enumerate(baris):
        kanonik = alias.get(_normal(sel))
        if kanonik and kanonik not in hasil:
            hasil[kanonik] = i
    return hasil


def baca_baris(isi, wajib, kolom_nilai):
    """Read the data rows of the first sheet whose header row holds every column
    of ``wajib`` (each item a canonical name or a tuple of alternatives).

    ``kolom_nilai`` adds the importer's own columns: ``{kanonik: [header names]}``.
    Returns ``(sheet name, [Baris])`` without blank rows and total rows; raises
    ``GalatBerkas`` with an Indonesian message when the file cannot be used.
    """
    alias = _alias(kolom_nilai)
    try:
        buku = unggah.buka_xlsx(isi)
        try:
            for lembar in buku.worksheets:
                baris_iter = unggah.baris_lembar(lembar)
                for nomor, sel in enumerate(baris_iter, start=1):
                    if nomor > BARIS_JUDUL_MAKS:
                        break
                    judul = _judul(sel, alias)
                    if all(_ada(judul, w) for w in wajib):
                        return lembar.title, _data(baris_iter, nomor, judul)
        finally:
            buku.close()
    except unggah.BerkasTidakValid as exc:
        raise GalatBerkas(str(exc)) from None
    raise GalatBerkas(
        "Baris judul kolom tidak ditemukan. Kolom yang dibutuhkan: "
        + ", ".join(_label_wajib(w, kolom_nilai) for w in wajib)
        + "."
    )


def baris_impor(impor, wajib, kolom_nilai):
    """``baca_baris`` of an ``ImporSIPD``'s file, read once: the rows (or the
    reason the file cannot be used) are kept as JSON on the record
    (``impor.baris``), so previews and the confirmation reuse them instead of
    parsing the stored file again. Saves the rows on a stored record."""
    if not impor.baris:
        try:
            lembar, baris = baca_baris(bytes(impor.isi), wajib, kolom_nilai)
        except GalatBerkas as exc:
            impor.baris = {"galat": str(exc)}
        else:
            impor.baris = {
                "lembar": lembar,
                "baris": [[b.nomor, _json_sel(b.sel)] for b in baris],
            }
        if impor.pk:
            type(impor).objects.filter(pk=impor.pk).update(baris=impor.baris)
    if "galat" in impor.baris:
        raise GalatBerkas(impor.baris["galat"])
    return impor.baris["lembar"], [Baris(n, sel) for n, sel in impor.baris["baris"]]


def _json_sel(sel):
    """A row's cells as JSON values: text, whole numbers and finite floats stay
    (a float's JSON round trip is exact); dates and infinities become text."""
    hasil = {}
    for kolom, nilai in sel.items():
        if isinstance(nilai, float) and not math.isfinite(nilai):
            nilai = str(nilai)
        elif nilai is not None and not isinstance(nilai, (str, int, float)):
            nilai = str(nilai)
        hasil[kolom] = nilai
    return hasil


def _ada(judul, wajib):
    pilihan = wajib if isinstance(wajib, tuple) else (wajib,)
    return any(p in judul for p in pilihan)


def _label_wajib(wajib, kolom_nilai):
    pilihan = wajib if isinstance(wajib, tuple) else (wajib,)
    nama = [({**KOLOM, **kolom_nilai}[p][0]).title() for p in pilihan]
    return " atau ".join(f"“{n}”" for n in nama)


def _data(baris_iter, nomor_judul, judul):
    hasil = []
    for nomor, sel in enumerate(baris_iter, start=nomor_judul + 1):
        nilai = {k: (sel[i] if i < len(sel) else None) for k, i in judul.items()}
        if all(teks_sel(v) == "" for v in nilai.values()):
            continue
        if not teks_sel(nilai.get("kode_sub_kegiatan")) and any(
            _KATA_JUMLAH.search(teks_sel(v)) for v in sel if isinstance(v, str)
        ):
            continue  # a total row at the foot of the sheet
        if len(hasil) >= BATAS_BARIS:
            raise GalatBerkas(
                f"Berkas berisi lebih dari {format_angka(BATAS_BARIS)} baris data."
            )
        hasil.append(Baris(nomor, nilai))
    return hasil


def _kode(teks, kode_urusan):
    kode = re.sub(r"\s+", "", teks_sel(teks))
    if not kode:
        return ""
    awalan = re.match(r"^x(\.xx)?(?=\.|$)", kode, re.IGNORECASE)
    if awalan:
        if not kode_urusan:
            raise GalatBaris(
                f"kode “{kode}” memakai awalan X.XX (Program Penunjang), tetapi kode "
                "bidang urusan utama instansi belum diisi"
            )
        pengganti = kode_urusan if awalan.group(1) else kode_urusan.split(".")[0]
        kode = pengganti + kode[awalan.end() :]
    if not _POLA_KODE.match(kode):
        raise GalatBaris(f"kode “{kode}” tidak berbentuk angka bertitik")
    return kode


def kode_lengkap(baris, kode_urusan, sampai="kode_sub_kegiatan"):
    """The full code of the row's level ``sampai`` (default: sub kegiatan),
    built from the code columns present; checks that the levels agree."""
    kode = ""
    for kolom, segmen, label in TINGKAT_KODE:
        nilai = _kode(baris.sel.get(kolom), kode_urusan)
        if nilai:
            n = nilai.count(".") + 1
            if n == segmen:
                if kode and not nilai.startswith(kode + "."):
                    raise GalatBaris(
                        f"kode {label} “{nilai}” tidak berada di bawah “{kode}”"
                    )
                kode = nilai
            elif kode and kode.count(".") + 1 + n == segmen:
                kode = f"{kode}.{nilai}"
            else:
                raise GalatBaris(
                    f"kode {label} “{nilai}” tidak lengkap (seharusnya {segmen} segmen)"
                )
        if kolom == sampai:
            break
    segmen_akhir = dict((k, s) for k, s, _ in TINGKAT_KODE)[sampai]
    if kode.count(".") + 1 != segmen_akhir or not kode:
        label = dict((k, lb) for k, _, lb in TINGKAT_KODE)[sampai]
        raise GalatBaris(f"kode {label} kosong atau tidak lengkap")
    return kode


def kode_induk(kode_sub):
    """``(kode program, kode kegiatan)`` of a full sub kegiatan code."""
    segmen = kode_sub.split(".")
    return ".".join(segmen[:3]), ".".join(segmen[:5])


def rupiah(nilai, label="nilai"):
    """A money cell as whole rupiah (int); blank is 0."""
    if nilai is None or teks_sel(nilai) == "":
        return 0
    try:  # money's range; sen are reported below in SIPD's own words
        angka = parse_angka(nilai, replace(BATAS_UANG, desimal=4))
    except AngkaTidakValid as exc:
        raise GalatBaris(f"{label}: {str(exc).rstrip('.')}") from None
    if angka < 0:
        raise GalatBaris(f"{label} bernilai negatif ({format_angka(angka)})")
    if angka != angka.to_integral_value():
        raise GalatBaris(
            f"{label} {format_angka(angka)} bukan rupiah bulat (tanpa sen)"
        )
    return int(Decimal(angka))


def bulan(nilai):
    """A month cell (1-12 or a month name) as an int."""
    teks = _normal(nilai)
    if teks.isascii() and teks.isdigit() and 1 <= int(teks) <= 12:
        return int(teks)
    for i, nama in enumerate(NAMA_BULAN, start=1):
        if teks in (nama, nama[:3]):
            return i
    raise GalatBaris(f"bulan “{teks_sel(nilai)}” tidak dikenal")


def triwulan_bulan(nomor_bulan):
    return (nomor_bulan - 1) // 3 + 1
