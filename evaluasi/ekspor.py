"""The LKE as JSON (the interface of ``laporan lke --format json``) and as the
worksheet in xlsx: component / sub component / criterion rows with answer,
value, note and evidence."""

import json
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from lakip.xlsx import tambah_baris
from laporan.ekspor_json import angka_json


def _bukti(b):
    return {"jenis": b.jenis, "judul": b.judul, "tautan": b.tautan or None}


def data_lke(hasil):
    """``{"tahun", "nilai", "predikat", "komponen": [...]}``: numbers as strings
    with two decimals; a criterion's ``nilai`` is the value (0-1) of the answer
    that counts, its ``jawaban`` that answer's code (null when unanswered)."""
    return {
        "tahun": hasil.tahun,
        "nilai": angka_json(hasil.nilai),
        "predikat": hasil.predikat,
        "komponen": [
            {
                "kode": km.komponen.kode,
                "nama": km.komponen.nama,
                "bobot": angka_json(km.komponen.bobot),
                "nilai": angka_json(km.nilai),
                "sub_komponen": [
                    {
                        "kode": s.sub_komponen.kode,
                        "nama": s.sub_komponen.nama,
                        "bobot": angka_json(s.sub_komponen.bobot),
                        "nilai": angka_json(s.nilai),
                        "kriteria": [
                            {
                                "kode": k.kriteria.kode,
                                "uraian": k.kriteria.uraian,
                                "jawaban": k.pilihan.kode if k.pilihan else None,
                                "nilai": angka_json(k.nilai),
                                "catatan": _catatan(k),
                                "bukti": [_bukti(b) for b in k.bukti],
                            }
                            for k in s.kriteria
                        ],
                    }
                    for s in km.sub_komponen
                ],
            }
            for km in hasil.komponen
        ],
    }


def _catatan(k):
    """The agency's note, and the evaluator's after it where there is one."""
    if k.jawaban is None:
        return ""
    catatan = k.jawaban.catatan
    if k.jawaban.catatan_evaluator:
        evaluator = f"Evaluator: {k.jawaban.catatan_evaluator}"
        catatan = f"{catatan}\n{evaluator}" if catatan else evaluator
    return catatan


def teks_json(hasil):
    return json.dumps(data_lke(hasil), ensure_ascii=False, indent=2)


KOLOM = ["No", "Komponen/Sub Komponen/Kriteria", "Bobot", "Jawaban", "Nilai",
         "Catatan", "Bukti dukung"]  # fmt: skip
LEBAR = [8, 70, 9, 10, 9, 40, 50]


def xlsx_lke(hasil, instansi):
    """The worksheet as xlsx bytes (one sheet, the official row layout); user
    text (notes, evidence titles) as text cells, never formulas."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"LKE {hasil.tahun}"
    tambah_baris(ws, [f"LEMBAR KERJA EVALUASI AKIP TAHUN {hasil.tahun}"])
    tambah_baris(ws, [instansi.nama])
    tambah_baris(ws, [])
    tambah_baris(ws, KOLOM)
    for sel in ws[4]:
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="DDDDDD")
    tebal = Font(bold=True)
    for km in hasil.komponen:
        tambah_baris(
            ws,
            [
                km.komponen.kode,
                km.komponen.nama.upper(),
                float(km.komponen.bobot),
                None,
                float(km.nilai),
            ],  # fmt: skip
        )
        for sel in ws[ws.max_row]:
            sel.font = tebal
        for s in km.sub_komponen:
            tambah_baris(
                ws,
                [
                    s.sub_komponen.kode,
                    s.sub_komponen.nama,
                    float(s.sub_komponen.bobot),
                    None,
                    float(s.nilai),
                ],  # fmt: skip
            )
            ws[ws.max_row][1].font = tebal
            for k in s.kriteria:
                tambah_baris(
                    ws,
                    [
                        k.kriteria.kode,
                        k.kriteria.uraian,
                        None,
                        k.pilihan.kode if k.pilihan else "",
                        float(k.nilai),
                        _catatan(k),
                        "\n".join(
                            f"{b.judul} ({b.tautan or b.nama_berkas})" for b in k.bukti
                        ),
                    ],
                )
    tambah_baris(ws, [])
    tambah_baris(
        ws, [None, "NILAI AKUNTABILITAS KINERJA", 100.0, None, float(hasil.nilai)]
    )
    tambah_baris(ws, [None, "PREDIKAT", None, None, hasil.predikat])
    for baris in ws.iter_rows(min_row=5):
        for sel in baris:
            sel.alignment = Alignment(wrap_text=True, vertical="top")
    for i, lebar in enumerate(LEBAR):
        ws.column_dimensions["ABCDEFG"[i]].width = lebar
    keluaran = BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
