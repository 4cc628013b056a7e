"""Excel export of dashboard tables (openpyxl): one sheet per ``Tabel``, with
the same figures the page prints (money in whole rupiah, percentages rounded
half up to two decimals)."""

import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lakip.xlsx import tambah_baris
from laporan.dasbor.tabel import ANGKA, PERSEN, UANG

FORMAT = {UANG: "#,##0", PERSEN: "0.00"}
ISI_JUDUL = PatternFill("solid", fgColor="DDE7F5")
LEBAR = {UANG: 18, PERSEN: 12, ANGKA: 12}


def _nama_lembar(judul, dipakai):
    """A unique sheet name of at most 31 characters, cut at a word boundary."""
    nama = re.sub(r"[\[\]:*?/\\]", " ", judul).strip()
    if len(nama) > 31:
        nama = nama[:32].rsplit(" ", 1)[0].strip()
    nama = nama[:31] or "Tabel"
    dasar, n = nama, 2
    while nama.lower() in dipakai:
        akhiran = f" ({n})"
        nama, n = dasar[: 31 - len(akhiran)] + akhiran, n + 1
    dipakai.add(nama.lower())
    return nama


def _format_angka(nilai):
    if isinstance(nilai, Decimal) and nilai != nilai.to_integral_value():
        return "#,##0.00"
    return "#,##0"


def buku_kerja(judul, keterangan, tabel_tabel):
    """The workbook as bytes: per table a sheet with a title, ``keterangan``
    (agency and period), the column headers and the rows."""
    wb = Workbook()
    wb.remove(wb.active)
    dipakai = set()
    for tabel in tabel_tabel:
        ws = wb.create_sheet(_nama_lembar(tabel.lembar or tabel.judul, dipakai))
        tambah_baris(ws, [f"{judul}: {tabel.judul}"])
        ws["A1"].font = Font(bold=True, size=12)
        tambah_baris(ws, [keterangan])
        ws.append([])
        tambah_baris(ws, [k.judul for k in tabel.kolom])
        for sel in ws[4]:
            sel.font = Font(bold=True)
            sel.fill = ISI_JUDUL
            sel.alignment = Alignment(wrap_text=True, vertical="top")
        for baris in tabel.baris:
            tambah_baris(ws, [s.nilai for s in baris.sel])
            for kolom, sel, isi in zip(
                tabel.kolom, ws[ws.max_row], baris.sel, strict=True
            ):
                if baris.tebal:
                    sel.font = Font(bold=True)
                if kolom.jenis in FORMAT:
                    sel.number_format = FORMAT[kolom.jenis]
                elif kolom.jenis == ANGKA:
                    sel.number_format = _format_angka(sel.value)
                if isi.indentasi:
                    sel.alignment = Alignment(indent=2 * isi.indentasi)
        if tabel.catatan:
            ws.append([])
            tambah_baris(ws, [tabel.catatan])
        for i, kolom in enumerate(tabel.kolom, start=1):
            panjang = max(
                [len(kolom.judul) // 2 + 2]
                + [len(str(b.sel[i - 1].teks)) + 2 for b in tabel.baris]
            )
            ws.column_dimensions[get_column_letter(i)].width = min(
                60, max(LEBAR.get(kolom.jenis, 10), panjang)
            )
        ws.freeze_panes = "A5"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
