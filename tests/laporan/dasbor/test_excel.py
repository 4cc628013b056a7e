"""The dashboard's Excel export writes user text as text (issue 12)."""

import io

from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from lakip.services import buat_akun_demo
from laporan.dasbor.excel import buku_kerja
from laporan.dasbor.tabel import Baris, Kolom, Sel, Tabel
from renstra.models import Program


def test_names_starting_with_formula_characters_stay_text(client, instansi):
    buat_akun_demo(instansi)
    program = Program.objects.get(kode="2.07.03", tahun=2024)
    program.nama = '=HYPERLINK("http://contoh.invalid","klik")'
    program.save()
    client.force_login(get_user_model().objects.get(username="kadis"))
    respons = client.get(
        reverse("laporan:dasbor"), {"tahun": 2024, "triwulan": 1, "unduh": "xlsx"}
    )
    assert respons.status_code == 200
    wb = load_workbook(io.BytesIO(respons.content))
    sel = [
        c
        for ws in wb.worksheets
        for baris in ws.iter_rows()
        for c in baris
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert sel, "the program's name is exported"
    for c in sel:
        assert c.data_type == "s"
        assert '=HYPERLINK("http://contoh.invalid","klik")' in c.value


def test_control_characters_and_formulas_in_any_cell():
    tabel = Tabel(
        kode="uji",
        judul="Uji",
        kolom=[Kolom("Nama"), Kolom("Catatan")],
        baris=[Baris([Sel("=1+1", "=1+1"), Sel("a\x0bb", "a\x0bb")])],
        catatan="@catatan",
    )
    wb = load_workbook(io.BytesIO(buku_kerja("Judul", "=keterangan", [tabel])))
    ws = wb["Uji"]
    assert (ws["A2"].value, ws["A2"].data_type) == ("=keterangan", "s")
    assert (ws["A5"].value, ws["A5"].data_type) == ("=1+1", "s")
    assert ws["B5"].value == "ab"
    assert (ws["A7"].value, ws["A7"].data_type) == ("@catatan", "s")
