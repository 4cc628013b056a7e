"""Excel round trip of a unit's entry sheet (openpyxl).

``buat_xlsx`` writes the sheet pre-filled with codes, names, targets and current
values; only the input cells are unlocked. ``impor_xlsx`` reads it back and saves
through ``realisasi.services.simpan_realisasi`` (same rules, all or nothing);
errors come back as (row, column, reason).
"""

from io import BytesIO

from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from lakip.format import format_triwulan
from lakip.perhitungan import RASIO
from lakip.unggah import BerkasTidakValid, baris_lembar, buka_xlsx
from lakip.xlsx import tulis_sel
from realisasi.services import GagalEntri, IsianTidakValid, simpan_realisasi

KOLOM = [
    ("kunci", "Kunci", 8),
    ("kode", "Kode", 20),
    ("uraian", "Uraian", 60),
    ("satuan", "Satuan", 10),
    ("target", "Target TW / Anggaran kas s.d. TW", 18),
    ("target_tahun", "Target tahun / Pagu", 18),
    ("lalu", "Realisasi TW lalu", 16),
    ("nilai", "Realisasi", 16),
    ("pembilang", "Pembilang", 14),
    ("penyebut", "Penyebut", 14),
    ("keterangan", "Keterangan", 40),
]
HURUF = {nama: get_column_letter(i) for i, (nama, _, _) in enumerate(KOLOM, 1)}
JUDUL = {nama: judul for nama, judul, _ in KOLOM}
BARIS_HEADER = 6
ISIAN = PatternFill("solid", fgColor="FFF9E0")
BUKA = Protection(locked=False)


class BerkasDitolak(GagalEntri):
    pass


class BarisTidakValid(GagalEntri):
    """``baris``: ``[(row number, column title, reason)]``."""

    def __init__(self, baris):
        self.baris = sorted(baris, key=lambda b: (b[0], b[1]))
        super().__init__(
            f"{len(self.baris)} isian di berkas tidak valid; tidak ada yang disimpan."
        )


def _angka(nilai):
    return None if nilai is None else float(nilai)


def _tulis(ws, baris, nilai, isian=()):
    for nama, isi in nilai.items():
        sel = tulis_sel(ws[f"{HURUF[nama]}{baris}"], isi)
        if nama in isian:
            sel.protection = BUKA
            sel.fill = ISIAN


def buat_xlsx(lembar):
    """The entry sheet as xlsx bytes."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Entri"
    unit = lembar.unit
    tulis_sel(ws["A1"], f"Entri realisasi {unit.nama}")
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = (
        f"Tahun {lembar.tahun}, Triwulan {format_triwulan(lembar.triwulan)} · "
        f"status {lembar.entri.get_status_display()}"
    )
    ws["A3"] = (
        "Isi hanya sel berwarna kuning. Angka boleh ditulis 1.250.000 atau 63,57. "
        "Realisasi anggaran adalah jumlah kumulatif s.d. akhir triwulan."
    )
    for i, (_, judul, lebar) in enumerate(KOLOM, 1):
        sel = ws.cell(row=BARIS_HEADER, column=i, value=judul)
        sel.font = Font(bold=True)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(i)].width = lebar
    ws.column_dimensions["A"].hidden = True
    baris = BARIS_HEADER + 1
    for b in lembar.indikator_unit:
        baris = _tulis_indikator(ws, baris, b)
    for blok in lembar.blok:
        sub = blok.sub_kegiatan
        _tulis(
            ws,
            baris,
            {
                "kunci": f"a:{sub.pk}",
                "kode": sub.kode,
                "uraian": sub.nama,
                "satuan": "Rp",
                "target": blok.kas_kumulatif,
                "target_tahun": blok.anggaran.pagu if blok.anggaran else None,
                "lalu": blok.realisasi_lalu,
                "nilai": blok.realisasi_anggaran,
            },
            isian={"nilai"},
        )
        ws[f"C{baris}"].font = Font(bold=True)
        baris += 1
        for rincian, uang in blok.rincian:
            _tulis(
                ws,
                baris,
                {
                    "kunci": f"b:{rincian.pk}",
                    "kode": rincian.kode_rekening,
                    "uraian": f"    {rincian.uraian}",
                    "satuan": "Rp",
                    "target_tahun": rincian.pagu,
                    "nilai": uang,
                },
                isian={"nilai"},
            )
            baris += 1
        for b in blok.indikator:
            baris = _tulis_indikator(ws, baris, b)
    for kolom in "EFGHIJ":
        for sel in ws[kolom][BARIS_HEADER:]:
            sel.number_format = "#,##0.##"
    ws.freeze_panes = f"D{BARIS_HEADER + 1}"
    ws.protection.sheet = True
    meta = wb.create_sheet("meta")
    for i, (kunci, nilai) in enumerate(
        [
            ("instansi", unit.instansi.kode),
            ("unit", unit.kode),
            ("tahun", lembar.tahun),
            ("triwulan", lembar.triwulan),
            ("versi", lembar.entri.versi),
        ],
        1,
    ):
        tulis_sel(meta.cell(row=i, column=1), kunci)
        tulis_sel(meta.cell(row=i, column=2), nilai)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    keluaran = BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _tulis_indikator(ws, baris, b):
    ind, r = b.indikator, b.realisasi
    rasio = ind.jenis == RASIO
    _tulis(
        ws,
        baris,
        {
            "kunci": f"i:{ind.pk}",
            "kode": getattr(ind.induk, "kode", ""),
            "uraian": f"  {ind.nama}",
            "satuan": ind.satuan,
            "target": _angka(b.target_tw),
            "target_tahun": _angka(b.target_tahun),
            "lalu": _angka(b.nilai_lalu) if b.nilai_lalu is not None else None,
            "nilai": None if rasio else _angka(getattr(r, "nilai", None)),
            "pembilang": _angka(getattr(r, "pembilang", None)) if rasio else None,
            "penyebut": _angka(getattr(r, "penyebut", None)) if rasio else None,
            "keterangan": getattr(r, "keterangan", "") or None,
        },
        isian={"pembilang", "penyebut", "keterangan"}
        if rasio
        else {"nilai", "keterangan"},
    )
    return baris + 1


def _buka(berkas):
    if berkas.size > settings.LAKIP_UNGGAH_MAKS:
        batas = settings.LAKIP_UNGGAH_MAKS // (1024 * 1024)
        raise BerkasDitolak(f"Berkas terlalu besar (maksimal {batas} MB).")
    awal = berkas.read(4)
    berkas.seek(0)
    if not berkas.name.lower().endswith(".xlsx") or awal != b"PK\x03\x04":
        raise BerkasDitolak("Berkas harus berformat Excel .xlsx.")
    return buka_xlsx(berkas)


def _periksa_meta(wb, lembar):
    if "meta" not in wb.sheetnames or "Entri" not in wb.sheetnames:
        raise BerkasDitolak(
            "Berkas bukan lembar entri dari aplikasi ini; unduh lembar entri lalu isi."
        )
    meta = {
        r[0]: r[1] if len(r) > 1 else None
        for r in baris_lembar(wb["meta"], kolom_maks=2, baris_maks=20)
        if r and r[0]
    }
    harapan = {
        "instansi": lembar.unit.instansi.kode,
        "unit": lembar.unit.kode,
        "tahun": lembar.tahun,
        "triwulan": lembar.triwulan,
    }
    for kunci, nilai in harapan.items():
        if str(meta.get(kunci)) != str(nilai):
            raise BerkasDitolak(
                f"Berkas ini untuk {kunci} “{meta.get(kunci)}”, bukan “{nilai}”: "
                f"unggah lembar entri {lembar.unit.nama} tahun {lembar.tahun} "
                f"triwulan {format_triwulan(lembar.triwulan)}."
            )
    return meta.get("versi")


def _teks_sel(nilai):
    return "" if nilai is None else str(nilai)


def impor_xlsx(user, lembar, berkas):
    """Save the values of an uploaded entry sheet; return ``HasilSimpan``.

    Raises ``BerkasDitolak`` (not xlsx, too large, another unit or quarter) or
    ``BarisTidakValid`` (row, column, reason of every bad value); nothing is
    saved in either case.
    """
    try:
        wb = _buka(berkas)
        try:
            versi, isian, letak = _baca(wb, lembar)
        finally:
            wb.close()
    except BerkasTidakValid as exc:
        raise BerkasDitolak(str(exc)) from None
    try:
        return simpan_realisasi(
            user,
            lembar.unit,
            lembar.tahun,
            lembar.triwulan,
            isian,
            versi,
            sumber="excel",
        )
    except IsianTidakValid as exc:
        raise BarisTidakValid(
            [(*letak.get(k, (0, "-")), pesan) for k, pesan in exc.kesalahan.items()]
        ) from exc


def _baca(wb, lembar):
    """``(versi, isian, letak)`` of the workbook's entry sheet; ``letak`` maps
    each value's key to its (row, column title)."""
    versi = _periksa_meta(wb, lembar)
    ws = wb["Entri"]
    indikator = {b.indikator.pk: b.indikator for b in lembar.semua_indikator()}
    isian = {"indikator": {}, "anggaran": {}, "belanja": {}}
    letak, kesalahan = {}, []
    for nomor, baris in enumerate(
        baris_lembar(ws, BARIS_HEADER + 1, kolom_maks=len(KOLOM)), BARIS_HEADER + 1
    ):
        sel = dict(zip(HURUF, baris, strict=False))
        kunci = sel.get("kunci")
        if not kunci:
            continue
        jenis, _, pk = str(kunci).partition(":")
        try:
            pk = int(pk)
        except ValueError:
            kesalahan.append((nomor, JUDUL["kunci"], "Kunci baris rusak."))
            continue
        if jenis == "i" and pk in indikator:
            kolom = (
                ["pembilang", "penyebut"] if indikator[pk].jenis == RASIO else ["nilai"]
            )
            isian["indikator"][pk] = {k: sel.get(k) for k in kolom}
            isian["indikator"][pk]["keterangan"] = _teks_sel(sel.get("keterangan"))
            for k in [*kolom, "keterangan"]:
                letak[("indikator", pk, k)] = (nomor, JUDUL[k])
        elif jenis in ("a", "b"):
            nama = "anggaran" if jenis == "a" else "belanja"
            isian[nama][pk] = sel.get("nilai")
            letak[(nama, pk, "jumlah")] = (nomor, JUDUL["nilai"])
        else:
            kesalahan.append((nomor, JUDUL["kunci"], "Baris tidak dikenal."))
    if kesalahan:
        raise BarisTidakValid(kesalahan)
    return versi, isian, letak
