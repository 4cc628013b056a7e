"""The LKE JSON, xlsx and PDF, through ``python manage.py laporan lke``."""

import json
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook
from pypdf import PdfReader

from evaluasi import services
from tests.evaluasi.conftest import kriteria


def _json(**opsi):
    keluaran = StringIO()
    call_command("laporan", "lke", "--tahun", "2024", stdout=keluaran, **opsi)
    return json.loads(keluaran.getvalue())


def test_json_lke_terisi(lke_terisi):
    data = _json()
    assert data["tahun"] == 2024
    assert [(k["kode"], k["nama"], k["bobot"]) for k in data["komponen"]] == [
        ("1", "Perencanaan Kinerja", "30.00"),
        ("2", "Pengukuran Kinerja", "30.00"),
        ("3", "Pelaporan Kinerja", "15.00"),
        ("4", "Evaluasi Akuntabilitas Kinerja Internal", "25.00"),
    ]
    bobot_sub = [[s["bobot"] for s in k["sub_komponen"]] for k in data["komponen"]]
    assert bobot_sub == [
        ["6.00", "9.00", "15.00"],
        ["6.00", "9.00", "15.00"],
        ["3.00", "4.50", "7.50"],
        ["5.00", "7.50", "12.50"],
    ]
    jumlah = sum(Decimal(k["nilai"]) for k in data["komponen"])
    assert data["nilai"] == f"{jumlah:.2f}" == "78.24"
    assert data["predikat"] == "BB"
    for k in data["komponen"]:
        assert Decimal(k["nilai"]) == sum(
            Decimal(s["nilai"]) for s in k["sub_komponen"]
        )
    kriteria = {
        kr["kode"]: kr
        for k in data["komponen"]
        for s in k["sub_komponen"]
        for kr in s["kriteria"]
    }
    assert len(kriteria) == 80
    jangka_menengah = kriteria["1.a.3"]
    assert jangka_menengah["uraian"] == (
        "Terdapat dokumen perencanaan kinerja jangka menengah."
    )
    assert jangka_menengah["jawaban"] == "Y"
    assert jangka_menengah["nilai"] == "1.00"
    assert jangka_menengah["catatan"] == "catatan 1.a.3"
    # Evidence from the app's own records: plan, measurement, report.
    renstra = jangka_menengah["bukti"][0]
    assert renstra["jenis"] == "tautan"
    assert renstra["tautan"] == "/rencana/?tahun=2024"
    assert renstra["judul"] == (
        "Dokumen Renstra: Renstra Dinas Transmigrasi dan Tenaga Kerja 2021-2026 "
        "(2021-2026)"
    )
    berkala = kriteria["2.b.4"]["bukti"]
    assert berkala[0]["tautan"] == "/realisasi/status/?tahun=2024&triwulan=1"
    assert "Pengukuran kinerja Triwulan I Tahun 2024" in berkala[0]["judul"]
    laporan = kriteria["3.a.1"]["bukti"]
    assert laporan[0]["tautan"] == "/laporan/lakip/2024/1/"
    assert laporan[0]["judul"].startswith("LAKIP Triwulan I Tahun 2024")
    assert kriteria["1.b.8"]["bukti"][0]["tautan"] == "/evaluasi/pohon/2024/"
    assert kriteria["1.c.3"]["nilai"] == "0.00"
    assert kriteria["1.b.1"]["nilai"] == "0.75"


def test_lke_xlsx_dan_pdf(lke_terisi, tmp_path):
    xlsx = tmp_path / "lke.xlsx"
    call_command(
        "laporan", "lke", "--tahun", "2024", "--format", "xlsx", "--output", str(xlsx),
        stdout=StringIO(),
    )  # fmt: skip
    ws = load_workbook(BytesIO(xlsx.read_bytes())).active
    baris = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    assert baris["1"][1] == "PERENCANAAN KINERJA"
    assert baris["1"][2] == 30 and baris["1"][4] == pytest.approx(22.59)
    assert baris["1.a.3"][3] == "Y" and "/rencana/?tahun=2024" in baris["1.a.3"][6]
    akhir = list(ws.iter_rows(values_only=True))
    assert akhir[-2][1] == "NILAI AKUNTABILITAS KINERJA"
    assert akhir[-2][4] == pytest.approx(78.24)
    assert akhir[-1][4] == "BB"

    pdf = tmp_path / "lke.pdf"
    call_command(
        "laporan", "lke", "--tahun", "2024", "--format", "pdf", "--output", str(pdf),
        stdout=StringIO(),
    )  # fmt: skip
    teks = " ".join(h.extract_text() for h in PdfReader(str(pdf)).pages)
    assert "LEMBAR KERJA EVALUASI" in teks
    assert "Terdapat dokumen perencanaan kinerja jangka menengah." in teks
    assert "78,24" in teks and "Predikat: BB" in teks


def test_lke_tahun_tanpa_struktur(instansi):
    with pytest.raises(CommandError, match="Struktur LKE tahun 2019 belum"):
        call_command("laporan", "lke", "--tahun", "2019", stdout=StringIO())


def test_lke_xlsx_writes_notes_as_text(lke_terisi, perencanaan, tmp_path):
    """A note typed as a formula, with a control character, comes back from the
    worksheet as the literal text (never a live formula)."""
    k = kriteria("1.a.1")
    services.simpan_jawaban(perencanaan, lke_terisi, k, "Y", "=1+1\x0b catatan")
    xlsx = tmp_path / "lke.xlsx"
    call_command(
        "laporan", "lke", "--tahun", "2024", "--format", "xlsx", "--output", str(xlsx),
        stdout=StringIO(),
    )  # fmt: skip
    ws = load_workbook(BytesIO(xlsx.read_bytes())).active
    sel = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "1.a.1")[5]
    assert sel.data_type == "s"
    assert sel.value.startswith("=1+1")
    assert "\x0b" not in sel.value
