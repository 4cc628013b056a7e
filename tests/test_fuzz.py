"""Hypothesis fuzz over every numeric input and URL parameter (issue 12): the
entry form, the Excel upload's cells, the plan forms (indicator targets, DPA
perubahan, data dukung) and the year/quarter/id parameters of the pages never
answer 500 (the test client re-raises any server error), and a refused value
saves nothing."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from lakip.format import BATAS_ANGKA
from lakip.models import UnitKerja
from lakip.services import buat_akun_demo
from realisasi.models import EntriTriwulan, RealisasiIndikator
from realisasi.services import atur_periode_entri
from renstra.models import Indikator, SubKegiatan
from tests.bantuan import isian_formulir

PENGATURAN = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ANGKA_TEKS = st.one_of(
    st.text(max_size=40),
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(
        lambda n: f"{n:,}".replace(",", ".")
    ),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.from_regex(r"-?[0-9]{1,30}([.,][0-9]{1,8})?", fullmatch=True),
    st.sampled_from(
        [
            "1e999",
            "12345678901234567",
            "9.999.999.999.999.999,9999",
            "999.999.999.999.999,9999",
            "999999999999999.99995",
            "10000000000000000",
            "9000000000000000000",
            "100000000000000000000000000",
            "1e30",
            "-0",
            "NaN",
            "Infinity",
            "0,00001",
            "Rp 1.250.000",
            "63,57%",
        ]
    ),
)
ANGKA_SEL = st.one_of(
    ANGKA_TEKS,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
)
PARAMETER = st.one_of(
    st.integers(min_value=-(10**35), max_value=10**35).map(str),
    st.sampled_from(["9", "0", "99999", "1" * 30, "2024", "4", "-1", "abc", "", "1e5"]),
    st.text(alphabet="0123456789-abcIV%.", max_size=35),
)


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    return {u.username: u for u in get_user_model().objects.all()}


@pytest.fixture
def hi(instansi, akun):
    atur_periode_entri(akun["perencanaan"], instansi, 2024, 1, True)
    return UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")


def _nama_angka(halaman):
    """Every numeric input of the entry form."""
    data = isian_formulir(halaman, "form-entri")
    return data, sorted(
        k for k in data if k[0] in "iab" and not k.endswith("_ket") and k != "aksi"
    )


@PENGATURAN
@given(nilai=ANGKA_TEKS, pilih=st.integers(min_value=0, max_value=10**6))
@example(nilai="12345678901234567", pilih=0)
@example(nilai="100000000000000000000000000", pilih=1)
def test_entry_form_numbers(client, akun, hi, nilai, pilih):
    client.force_login(akun["operator.hi"])
    url = reverse("realisasi:unit", args=[hi.pk, 2024, 1])
    data, nama = _nama_angka(client.get(url).content.decode())
    kolom = nama[pilih % len(nama)]
    data[kolom] = nilai
    data[kolom.split("_")[0] + "_ket"] = "catatan uji"
    respons = client.post(url, data)
    assert respons.status_code in (302, 400)
    # every stored value reads back into its field (SQLite keeps decimals as
    # REAL, so the top of the range may come back rounded, never past 16 digits)
    for r in RealisasiIndikator.objects.filter(tahun=2024):
        for v in (r.nilai, r.pembilang, r.penyebut):
            assert v is None or abs(v) <= BATAS_ANGKA.terbesar + 1
    assert client.get(url).status_code == 200


@PENGATURAN
@given(nilai=ANGKA_SEL, teks=st.text(max_size=50))
@example(nilai=1e76, teks="")
def test_upload_cells(client, akun, hi, nilai, teks):
    client.force_login(akun["operator.hi"])
    unduh = client.get(reverse("realisasi:unduh", args=[hi.pk, 2024, 1]))
    wb = load_workbook(io.BytesIO(unduh.content))
    ws = wb["Entri"]
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    ind = Indikator.objects.get(sub_kegiatan=sub)
    keluaran = io.BytesIO()
    try:  # openpyxl itself refuses to write some values (control characters)
        for baris in ws.iter_rows(min_row=7):
            if baris[0].value == f"i:{ind.pk}":
                baris[7].value = nilai
                baris[10].value = teks
            elif baris[0].value == f"a:{sub.pk}":
                baris[7].value = nilai
        wb.save(keluaran)
    except IllegalCharacterError:
        return
    respons = client.post(
        reverse("realisasi:unggah", args=[hi.pk, 2024, 1]),
        {"berkas": SimpleUploadedFile("entri.xlsx", keluaran.getvalue())},
    )
    assert respons.status_code in (302, 400)
    assert (
        client.get(reverse("realisasi:unduh", args=[hi.pk, 2024, 1])).status_code == 200
    )


@PENGATURAN
@given(
    nilai=ANGKA_TEKS,
    kolom=st.sampled_from(
        ["target", "target_tw1", "target_tw4", "pengali", "target_renstra", "urutan"]
    ),
)
def test_indicator_form_numbers(client, akun, nilai, kolom):
    ind = Indikator.objects.get(sub_kegiatan__kode="2.07.05.2.01.0001")
    url = reverse("renstra:indikator_ubah", args=[ind.pk])
    client.force_login(akun["perencanaan"])
    data = isian_formulir(client.get(url).content.decode())
    data[kolom] = nilai
    assert client.post(url, data).status_code in (200, 302, 400)
    ind.refresh_from_db()
    assert abs(ind.pengali) < Decimal(10**8)


@PENGATURAN
@given(nilai=ANGKA_TEKS, kolom=st.sampled_from(["pagu", "kas_tw1", "kas_tw4"]))
@example(nilai="9000000000000000000", kolom="pagu")
def test_dpa_perubahan_numbers(client, akun, nilai, kolom):
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    url = reverse("renstra:perubahan_dpa", args=[sub.pk])
    client.force_login(akun["perencanaan"])
    data = isian_formulir(client.get(url).content.decode())
    data.update(tanggal="2024-09-01", alasan="Uji")
    data[kolom] = nilai
    assert client.post(url, data).status_code in (200, 302, 400)
    assert client.get(reverse("renstra:sub_kegiatan", args=[sub.pk])).status_code == 200


@PENGATURAN
@given(nilai=ANGKA_TEKS)
@example(nilai="1" + "0" * 30)
def test_data_dukung_urutan(client, akun, nilai):
    url = reverse("laporan:lakip_data_dukung_baru", args=[2024, 1])
    client.force_login(akun["perencanaan"])
    data = isian_formulir(client.get(url).content.decode())
    data.update(judul="Tabel uji", tabel="A|B\n1|2", urutan=nilai)
    assert client.post(url, data).status_code in (200, 302, 400)


@PENGATURAN
@given(a=PARAMETER, b=PARAMETER)
@example(a="1" * 30, b="9")
@example(a="99999", b="abc")
@example(a="2024", b="9")
def test_url_parameters(client, akun, hi, a, b):
    client.force_login(akun["perencanaan"])
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    for alamat, param in [
        ("/realisasi/", {"tahun": a, "triwulan": b}),
        ("/realisasi/status/", {"tahun": a, "triwulan": b}),
        ("/laporan/dasbor/", {"tahun": a, "triwulan": b}),
        ("/laporan/dasbor/", {"tahun": a, "triwulan": b, "unduh": "xlsx"}),
        (f"/laporan/dasbor/sub-kegiatan/{sub.pk}/", {"tahun": a, "triwulan": b}),
        ("/rencana/", {"tahun": a}),
        ("/rencana/program/tambah/", {"tahun": a}),
        ("/rencana/kegiatan/tambah/", {"program": a}),
        ("/rencana/indikator/tambah/", {"sub_kegiatan": a, "tahun": b}),
        (f"/realisasi/entri/{hi.pk}/{a}/{b}/", {}),
        (f"/realisasi/entri/{hi.pk}/{a}/{b}/xlsx/", {}),
        (f"/realisasi/entri/{a}/2024/1/", {}),
        (f"/laporan/lakip/{a}/{b}/", {}),
        (f"/laporan/lakip/{a}/{b}/pratinjau/", {}),
        (f"/laporan/dasbor/indikator/{a}/", {"tahun": b}),
        (f"/realisasi/riwayat/{a}/", {}),
    ]:
        respons = client.get(alamat, param)
        assert respons.status_code < 500, (alamat, param)
    assert EntriTriwulan.objects.filter(tahun__gt=2100).count() == 0
