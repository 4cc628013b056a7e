"""Bounded input on the entry paths: the form, the Excel upload and the
downloaded sheet (issue 12: one number must not break the agency; an upload is
bounded before it is parsed; exported user text is text, never a formula)."""

import io
import time
import tracemalloc

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from realisasi.models import JejakAudit, RealisasiIndikator
from renstra.models import Indikator, SubKegiatan
from tests.bantuan import isian_formulir, ubah_zip
from tests.realisasi.test_excel import baris_dengan, unduh, unggah


@pytest.fixture
def ind():
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    return Indikator.objects.get(sub_kegiatan=sub)


def url(unit, nama="realisasi:unit"):
    return reverse(nama, args=[unit.pk, 2024, 1])


def test_a_17_digit_realisation_is_refused_and_every_page_still_answers(
    client, akun, hi, ind, tw1_dibuka
):
    client.force_login(akun["operator.hi"])
    data = isian_formulir(client.get(url(hi)).content.decode(), "form-entri")
    data[f"i{ind.pk}_nilai"] = "12345678901234567"
    data[f"i{ind.pk}_ket"] = "angka raksasa"
    respons = client.post(url(hi), data)
    assert respons.status_code == 400
    assert "terlalu besar; paling besar 999.999.999.999.999,9999" in (
        respons.content.decode()
    )
    assert not JejakAudit.objects.exists()
    # a percentage of 1e26 and more decimals than stored are refused the same way
    for teks, pesan in [
        ("100000000000000000000000000", "terlalu besar"),
        ("1,123456", "lebih dari 4 angka di belakang koma"),
    ]:
        data[f"i{ind.pk}_nilai"] = teks
        assert pesan in client.post(url(hi), data).content.decode()
    for nama in [url(hi), url(hi, "realisasi:unduh")]:
        assert client.get(nama).status_code == 200
    client.force_login(akun["kadis"])
    for alamat in [
        reverse("realisasi:status") + "?tahun=2024&triwulan=1",
        reverse("laporan:dasbor") + "?tahun=2024&triwulan=1",
        reverse("laporan:lakip_pratinjau", args=[2024, 1]),
    ]:
        assert client.get(alamat).status_code == 200, alamat


def test_a_typed_note_loses_control_characters_and_is_bounded(
    client, akun, hi, ind, tw1_dibuka
):
    client.force_login(akun["operator.hi"])
    data = isian_formulir(client.get(url(hi)).content.decode(), "form-entri")
    data[f"i{ind.pk}_ket"] = "tempel\x0bdari Word"
    assert client.post(url(hi), data).status_code == 302
    r = RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1)
    assert r.keterangan == "tempeldari Word"


def test_user_text_comes_back_from_the_sheet_as_text(client, akun, hi, ind):
    """A note starting with ``=`` stays literal text; a control character
    stored earlier (before input was cleaned) no longer breaks the download."""
    r = RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1)
    for catatan, harapan in [
        ("=1+1", "=1+1"),
        ('=HYPERLINK("http://x")', '=HYPERLINK("http://x")'),
        ("+62 811", "+62 811"),
        ("@SUM(A1)", "@SUM(A1)"),
        ("-1+2", "-1+2"),
        ("a\x0bb", "ab"),
    ]:
        r.keterangan = catatan
        r.save()
        client.force_login(akun["operator.hi"])
        respons = client.get(url(hi, "realisasi:unduh"))
        assert respons.status_code == 200
        ws = load_workbook(io.BytesIO(respons.content))["Entri"]
        sel = ws[f"K{baris_dengan(ws, f'i:{ind.pk}')}"]
        assert (sel.value, sel.data_type) == (harapan, "s")


def _ganti(isi, lama, baru):
    return ubah_zip(isi, lambda data: data.replace(lama, baru))


def _sheet(client, hi, ubah):
    wb = unduh(client, hi)
    ubah(wb["Entri"])
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def test_out_of_range_cells_are_row_errors(client, akun, hi, ind, tw1_dibuka):
    client.force_login(akun["operator.hi"])

    def isi(ws):
        r = baris_dengan(ws, f"i:{ind.pk}")
        ws[f"H{r}"] = 987654321
        ws[f"K{r}"] = "catatan " * 300

    berkas = _ganti(_sheet(client, hi, isi), b"<v>987654321</v>", b"<v>1e999</v>")
    respons = unggah(client, hi, isi=berkas)
    teks = respons.content.decode()
    assert respons.status_code == 400
    assert "“inf” bukan angka yang valid" in teks
    assert "Keterangan paling banyak 2000 karakter" in teks
    assert not JejakAudit.objects.exists()

    def raksasa(ws):
        ws[f"H{baris_dengan(ws, f'i:{ind.pk}')}"] = "12345678901234567"

    respons = unggah(client, hi, isi=_sheet(client, hi, raksasa))
    assert "terlalu besar" in respons.content.decode()
    assert not JejakAudit.objects.exists()


def test_a_100_mb_string_in_a_small_xlsx_is_refused_quickly(
    client, akun, hi, ind, tw1_dibuka
):
    client.force_login(akun["operator.hi"])

    def penanda(ws):
        ws[f"K{baris_dengan(ws, f'i:{ind.pk}')}"] = "PENANDA"

    berkas = _ganti(_sheet(client, hi, penanda), b"PENANDA", b"A" * 100_000_000)
    assert len(berkas) < 1_000_000
    tracemalloc.start()
    try:
        mulai = time.monotonic()
        respons = unggah(client, hi, isi=berkas)
        lama = time.monotonic() - mulai
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert respons.status_code == 400
    assert "terlalu besar setelah dibuka (95 MB; paling besar 64 MB)" in (
        respons.content.decode()
    )
    assert lama < 10
    assert puncak < 500 * 1024 * 1024
    assert not JejakAudit.objects.exists()
    assert not RealisasiIndikator.objects.filter(keterangan__startswith="AAA").exists()


def test_malformed_sheet_xml_is_a_400_in_indonesian(client, akun, hi, tw1_dibuka):
    client.force_login(akun["operator.hi"])
    berkas = _ganti(
        _sheet(client, hi, lambda ws: None),
        b"</sheetData>",
        b"<row r='999'><c r='A999'><v>1</c></row></sheetData>",
    )
    respons = unggah(client, hi, isi=berkas)
    assert respons.status_code == 400
    assert "rusak dan tidak dapat dibaca" in respons.content.decode()
    assert not JejakAudit.objects.exists()
