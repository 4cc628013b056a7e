"""Download the entry sheet, fill it, upload it back."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from realisasi.models import JejakAudit, RealisasiAnggaran, RealisasiIndikator
from renstra.models import Indikator, SubKegiatan


def unduh(client, unit):
    respons = client.get(reverse("realisasi:unduh", args=[unit.pk, 2024, 1]))
    assert respons.status_code == 200
    return load_workbook(BytesIO(respons.content))


def unggah(client, unit, wb=None, isi=None, nama="entri.xlsx"):
    if isi is None:
        keluaran = BytesIO()
        wb.save(keluaran)
        isi = keluaran.getvalue()
    return client.post(
        reverse("realisasi:unggah", args=[unit.pk, 2024, 1]),
        {"berkas": SimpleUploadedFile(nama, isi)},
    )


def baris_dengan(ws, kunci):
    for baris in ws.iter_rows(min_row=7):
        if baris[0].value == kunci:
            return baris[0].row
    raise AssertionError(kunci)


@pytest.fixture
def sub():
    return SubKegiatan.objects.get(kode="2.07.05.2.01.0001")


def test_sheet_is_prefilled_and_protected(client, akun, hi, sub):
    client.force_login(akun["operator.hi"])
    ws = unduh(client, hi)["Entri"]
    assert ws.protection.sheet
    r = baris_dengan(ws, f"a:{sub.pk}")
    assert ws[f"B{r}"].value == "2.07.05.2.01.0001"
    assert (ws[f"E{r}"].value, ws[f"F{r}"].value, ws[f"H{r}"].value) == (
        8108500,
        35698500,
        2000000,
    )
    assert ws[f"H{r}"].protection.locked is False
    assert ws[f"C{r}"].protection.locked is True
    ind = Indikator.objects.get(sub_kegiatan=sub)
    r = baris_dengan(ws, f"i:{ind.pk}")
    assert (ws[f"E{r}"].value, ws[f"H{r}"].value) == (4, 4)


def test_round_trip_saves_the_filled_values(client, akun, hi, sub, tw1_dibuka):
    client.force_login(akun["operator.hi"])
    wb = unduh(client, hi)
    ws = wb["Entri"]
    ws[f"H{baris_dengan(ws, f'a:{sub.pk}')}"] = "2.600.000"
    ind = Indikator.objects.get(sub_kegiatan=sub)
    r = baris_dengan(ws, f"i:{ind.pk}")
    ws[f"H{r}"] = 5
    ws[f"K{r}"] = "Satu PP tambahan"
    respons = unggah(client, hi, wb)
    assert respons.status_code == 302
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_600_000
    )
    r = RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1)
    assert (r.nilai, r.keterangan) == (5, "Satu PP tambahan")
    assert set(JejakAudit.objects.values_list("sumber", flat=True)) == {"excel"}


def test_one_bad_row_saves_nothing_and_is_reported(client, akun, hi, sub, tw1_dibuka):
    client.force_login(akun["operator.hi"])
    wb = unduh(client, hi)
    ws = wb["Entri"]
    ws[f"H{baris_dengan(ws, f'a:{sub.pk}')}"] = 2_600_000
    ind = Indikator.objects.get(sub_kegiatan=sub)
    baris_salah = baris_dengan(ws, f"i:{ind.pk}")
    ws[f"H{baris_salah}"] = "empat"
    respons = unggah(client, hi, wb)
    teks = respons.content.decode()
    assert respons.status_code == 400
    assert f"<td>{baris_salah}</td><td>Realisasi</td><td>“empat” bukan angka" in teks
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_000_000
    )
    assert not JejakAudit.objects.exists()


def test_files_that_are_not_the_units_sheet_are_refused(
    client, akun, hi, pk, tw1_dibuka, settings
):
    client.force_login(akun["operator.hi"])
    respons = unggah(client, hi, isi=b"a;b;c\n1;2;3\n", nama="entri.csv")
    assert "harus berformat Excel .xlsx" in respons.content.decode()
    respons = unggah(client, hi, isi=b"PK\x03\x04rusak", nama="entri.xlsx")
    assert "tidak dapat dibaca" in respons.content.decode()
    # A sheet of another unit (downloaded by Perencanaan) is refused.
    client.force_login(akun["perencanaan"])
    wb_lain = unduh(client, pk)
    client.force_login(akun["operator.hi"])
    respons = unggah(client, hi, wb_lain)
    assert "bukan “bidang-hi”" in respons.content.decode()
    settings.LAKIP_UNGGAH_MAKS = 1000
    respons = unggah(client, hi, unduh(client, hi))
    assert "terlalu besar" in respons.content.decode()
    assert not JejakAudit.objects.exists()


def test_a_stale_sheet_asks_for_a_fresh_one_and_names_the_change(
    client, akun, hi, sub, tw1_dibuka
):
    """Upload a sheet, fix a cell in the same file, upload again: refused, with
    the change in between (the uploader's own upload, said so) and the remedy
    (download a fresh sheet), not "reload the page"."""
    client.force_login(akun["operator.hi"])
    wb = unduh(client, hi)
    ws = wb["Entri"]
    r = baris_dengan(ws, f"a:{sub.pk}")
    ws[f"H{r}"] = "2.600.000"
    assert unggah(client, hi, wb).status_code == 302
    ws[f"H{r}"] = "2.700.000"
    respons = unggah(client, hi, wb)
    assert respons.status_code == 400
    teks = respons.content.decode()
    nama = akun["operator.hi"].get_full_name()
    assert f"diubah oleh Anda sendiri ({nama}) pada " in teks
    assert "unggahan Excel: 1 isian" in teks
    assert "2000000 → 2600000" in teks
    assert "Unduh lembar entri yang baru" in teks
    assert "muat ulang" not in teks
    assert RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == (
        2_600_000
    )
    # Someone else's change in between is named with his name.
    client.force_login(akun["kabid.hi"])
    respons = unggah(client, hi, wb)
    assert f"diubah oleh {nama} pada " in respons.content.decode()
