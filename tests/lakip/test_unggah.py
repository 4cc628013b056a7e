"""Uploads are checked before and while they are parsed (lakip.unggah)."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from lakip import unggah
from tests.bantuan import ubah_zip


def xlsx(isi_sel=(("a", 1),)):
    wb = Workbook()
    for baris in isi_sel:
        wb.active.append(list(baris))
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def ganti_anggota(isi, nama, ubah):
    return ubah_zip(isi, ubah, nama)


def semua_baris(isi, **kwargs):
    wb = unggah.buka_xlsx(isi)
    try:
        return list(unggah.baris_lembar(wb.worksheets[0], **kwargs))
    finally:
        wb.close()


def test_a_plain_sheet_is_read():
    isi = xlsx([("Kode", "Catatan"), ("1.01", "baik"), (2, "a\tb")])
    assert semua_baris(isi) == [("Kode", "Catatan"), ("1.01", "baik"), (2, "a\tb")]


def test_control_characters_are_stripped_from_text_cells():
    class Lembar:
        title = "Entri"

        def iter_rows(self, **kwargs):
            return iter([("a\x0bb", 1, None, "=1+1\x00", None)])

    assert list(unggah.baris_lembar(Lembar())) == [("ab", 1, None, "=1+1")]


def test_bomb_is_refused_from_the_directory():
    isi = ganti_anggota(
        xlsx([("ISI",)]),
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(
            b"</sheetData>", b"<!--" + b" " * 5_000_000 + b"--></sheetData>"
        ),
    )
    assert len(isi) < 100_000
    with pytest.raises(unggah.BerkasTidakValid, match="tidak wajar"):
        unggah.periksa_zip(isi)


def test_total_uncompressed_size_is_bounded(monkeypatch):
    monkeypatch.setattr(unggah, "TERURAI_MAKS", 1000)
    with pytest.raises(unggah.BerkasTidakValid, match="terlalu besar setelah dibuka"):
        unggah.buka_xlsx(xlsx())


def test_broken_files_and_malformed_xml_are_refused_in_indonesian():
    for isi in [b"", b"PK\x03\x04rusak", b"bukan zip"]:
        with pytest.raises(unggah.BerkasTidakValid, match="tidak dapat dibaca"):
            unggah.buka_xlsx(isi)
    rusak = ganti_anggota(
        xlsx([("a",), ("b",)]),
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b"</sheetData>", b"<row r='3'><c r='A3'><v>1</c></row>"),
    )
    with pytest.raises(unggah.BerkasTidakValid, match="rusak"):
        semua_baris(rusak)


def test_rows_columns_and_text_are_bounded(monkeypatch):
    isi = xlsx([(i, "x" * 10) for i in range(30)])
    with pytest.raises(unggah.BerkasTidakValid, match="lebih dari 20 baris"):
        semua_baris(isi, baris_maks=20)
    assert semua_baris(xlsx([tuple(range(10))]), kolom_maks=3) == [(0, 1, 2)]
    monkeypatch.setattr(unggah, "TEKS_SEL_MAKS", 5)
    with pytest.raises(unggah.BerkasTidakValid, match="Baris 1: teks sel terlalu"):
        semua_baris(xlsx([("panjang sekali",)]))


def test_a_directory_that_lies_about_sizes_is_caught_on_reading():
    isi = bytearray(xlsx([("a" * 3000,)]))
    # declare the sheet's XML tiny in both headers: zipfile stops at the
    # declared size and the CRC check fails instead of inflating everything
    with zipfile.ZipFile(io.BytesIO(bytes(isi))) as arsip:
        info = arsip.getinfo("xl/worksheets/sheet1.xml")
    ukuran = info.file_size.to_bytes(4, "little")
    jumlah = bytes(isi).count(ukuran)
    assert jumlah >= 2
    isi = bytes(isi).replace(ukuran, (10).to_bytes(4, "little"))
    with pytest.raises(unggah.BerkasTidakValid):
        semua_baris(isi)
