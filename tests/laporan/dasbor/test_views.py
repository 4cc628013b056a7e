"""The dashboard pages as the Kepala Dinas and the other roles see them."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from lakip.format import format_uang
from lakip.models import Instansi, UnitKerja
from lakip.services import buat_akun_demo
from laporan.ekspor_json import data_json
from realisasi.models import RealisasiAnggaran, RealisasiIndikator
from renstra.models import (
    AnggaranSubKegiatan,
    Indikator,
    Kegiatan,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    Tujuan,
)
from tests.bantuan import (
    baca_tabel,
    gandakan_sub_kegiatan,
    sahkan_triwulan,
    teks_elemen,
)

URL = reverse("laporan:dasbor")


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    return {u.username: u for u in get_user_model().objects.all()}


@pytest.fixture
def kadis(client, akun):
    client.force_login(akun["kadis"])
    return client


def _persen(teks_json):
    """``"28.62"`` (JSON export) -> ``"28,62"`` (page)."""
    return teks_json.replace(".", ",") if teks_json is not None else "-"


def _kolom(baris, judul):
    return baris[0].index(judul)


# Access ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "username", ["kadis", "perencanaan", "pemeriksa", "sekretaris"]
)
def test_open_to_leaders_planners_inspectors_and_the_sekretaris(client, akun, username):
    client.force_login(akun[username])
    respons = client.get(URL)
    assert respons.status_code == 200
    assert "Dasbor kinerja · TW I 2024" in respons.content.decode()


@pytest.mark.parametrize(
    "username,pesan",
    [
        ("kabid.hi", "Dasbor hanya untuk Pimpinan, Perencanaan, Sekretaris"),
        ("operator.hi", "Peran Anda tidak berhak membuka halaman ini."),
    ],
)
def test_closed_to_other_units(client, akun, username, pesan):
    client.force_login(akun[username])
    respons = client.get(URL)
    assert respons.status_code == 403
    assert pesan in respons.content.decode()
    program = Program.objects.get(kode="2.07.01")
    url = reverse("laporan:dasbor_program", args=[program.pk])
    assert client.get(url).status_code == 403


def test_sign_in_first(client, db):
    respons = client.get(URL)
    assert respons.status_code == 302
    assert respons.url.startswith(reverse("masuk"))


def test_the_menu_leads_to_the_dashboard(kadis):
    beranda = kadis.get(reverse("beranda")).content.decode()
    assert f'href="{URL}"' in beranda


@pytest.mark.parametrize("username,tampil", [("sekretaris", True), ("kabid.hi", False)])
def test_menu_entry_only_for_unit_heads_who_may_open_it(client, akun, username, tampil):
    client.force_login(akun[username])
    beranda = client.get(reverse("beranda")).content.decode()
    assert (f'href="{URL}"' in beranda) is tampil


# Figures ----------------------------------------------------------------------------


def test_page_figures_equal_the_json_export(kadis, data_tw1):
    ekspor = data_json(data_tw1)
    html = kadis.get(URL).content.decode()

    baris = baca_tabel(html, "tabel-anggaran")
    kolom = {
        k: _kolom(baris, j)
        for k, j in [
            ("pagu", "Pagu (Rp)"),
            ("anggaran_kas", "Anggaran kas s.d. TW (Rp)"),
            ("realisasi", "Realisasi s.d. TW (Rp)"),
            ("persen_kas", "% anggaran kas"),
            ("persen_pagu", "% pagu"),
        ]
    }
    per_kode = {b[0]: b for b in baris[1:]}
    assert list(per_kode)[:-1] == [p["kode"] for p in ekspor["anggaran"]["program"]]
    for program in ekspor["anggaran"]["program"]:
        sel = per_kode[program["kode"]]
        for k in ("pagu", "anggaran_kas", "realisasi"):
            assert sel[kolom[k]] == format_uang(program[k], awalan="")
        for k in ("persen_kas", "persen_pagu"):
            assert sel[kolom[k]] == _persen(program[k])
    jumlah = baris[-1]
    assert jumlah[1] == "Jumlah"
    assert (
        jumlah[kolom["pagu"]]
        == "7.897.427.349"
        == format_uang(ekspor["anggaran"]["pagu"], awalan="")
    )
    assert jumlah[kolom["anggaran_kas"]] == "2.535.309.937"
    assert jumlah[kolom["realisasi"]] == "725.550.029"
    assert (
        jumlah[kolom["persen_kas"]]
        == "28,62"
        == _persen(ekspor["anggaran"]["persen_kas"])
    )
    assert jumlah[kolom["persen_pagu"]] == "9,19"

    iku_json = [i for i in ekspor["indikator"] if i["tingkat"] == "sasaran"]
    iku = baca_tabel(html, "tabel-iku")
    kolom_capaian = _kolom(iku, "Capaian tahun (%)")
    kolom_nama = _kolom(iku, "Indikator")
    assert [b[kolom_nama] for b in iku[1:]] == [i["nama"] for i in iku_json]
    assert [b[kolom_capaian] for b in iku[1:]] == [
        _persen(i["capaian_tahun"]) for i in iku_json
    ]
    assert [_persen(i["capaian_tahun"]) for i in iku_json] == [
        "97,03",
        "31,21",
        "95,62",
    ]
    for i in iku_json:  # the big number on each card
        assert f'">{_persen(i["capaian_tahun"])} %</span>' in html


def test_excel_holds_the_same_figures(kadis, data_tw1):
    ekspor = data_json(data_tw1)
    respons = kadis.get(URL, {"unduh": "xlsx"})
    assert respons.status_code == 200
    assert respons["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "dasbor-2024-tw1.xlsx" in respons["Content-Disposition"]
    wb = load_workbook(io.BytesIO(respons.content))
    assert wb.sheetnames == [
        "Indikator Kinerja Utama",
        "Anggaran per program",
        "Anggaran per unit kerja",
        "Sub kegiatan tertinggal",
        "Efisiensi per program",
        "Kelengkapan entri per unit",
        "Tren serapan anggaran",
        "Tren capaian IKU",
    ]
    ws = wb["Anggaran per program"]
    assert ws["A2"].value == "Dinas Transmigrasi dan Tenaga Kerja · TW I 2024"
    judul = [c.value for c in ws[4]]
    baris = [r for r in ws.iter_rows(min_row=5, values_only=True)]
    for program, sel in zip(ekspor["anggaran"]["program"], baris, strict=False):
        assert sel[0] == program["kode"]
        assert sel[judul.index("Pagu (Rp)")] == program["pagu"]
        assert sel[judul.index("Realisasi s.d. TW (Rp)")] == program["realisasi"]
        assert f"{sel[judul.index('% anggaran kas')]:.2f}" == program["persen_kas"]
        assert f"{sel[judul.index('% pagu')]:.2f}" == program["persen_pagu"]
    total = baris[-1]
    assert total[judul.index("Anggaran kas s.d. TW (Rp)")] == 2_535_309_937
    assert ws.cell(row=5, column=3).number_format == "#,##0"

    iku = wb["Indikator Kinerja Utama"]
    judul = [c.value for c in iku[4]]
    capaian = [
        r[judul.index("Capaian tahun (%)")]
        for r in iku.iter_rows(min_row=5, values_only=True)
    ]
    assert [f"{c:.2f}" for c in capaian] == [
        i["capaian_tahun"] for i in ekspor["indikator"] if i["tingkat"] == "sasaran"
    ]
    tertinggal = wb["Sub kegiatan tertinggal"]
    html = kadis.get(URL).content.decode()
    assert tertinggal.max_row - 4 == len(baca_tabel(html, "tabel-tertinggal")) - 1


def test_lagging_list_names_unit_and_official(kadis):
    html = kadis.get(URL).content.decode()
    baris = baca_tabel(html, "tabel-tertinggal")
    bimtek = next(b for b in baris if b[0] == "2.07.01.2.05.0011")
    assert bimtek[_kolom(baris, "Unit")] == "Subbagian Umum dan Kepegawaian"
    assert bimtek[_kolom(baris, "Penanggung jawab")] == "RAHMANUDDIN, SE"
    assert bimtek[_kolom(baris, "Capaian TW (%)")] == "25,00"
    assert "Penyediaan Komponen Instalasi Listrik" not in html.split('id="anggaran"')[0]


def test_units_entry_and_workflow(kadis):
    html = kadis.get(URL).content.decode()
    baris = baca_tabel(html, "tabel-kelengkapan-grafik")
    keuangan = next(b for b in baris if b[0] == "Subbagian Keuangan")
    assert keuangan[1] == "3/3 · 100,00 %"
    assert keuangan[2] == "Draf"


def _banner(html):
    return teks_elemen(html, "banner-draf")


def test_a_banner_names_the_units_not_yet_approved(kadis, instansi):
    banner = _banner(kadis.get(URL).content.decode())
    assert "DRAF:</b> angka triwulan ini belum final" in banner
    assert "Belum disahkan: Sekretariat, Subbagian Perencanaan," in banner
    assert "(8 unit)" in banner
    sahkan_triwulan(instansi, 2024, 1, kecuali=["bidang-pk"])
    banner = _banner(kadis.get(URL).content.decode())
    assert banner.endswith(
        "Belum disahkan: Bidang Pemberdayaan Ketenagakerjaan (1 unit)."
    )
    sahkan_triwulan(instansi, 2024, 1)
    assert _banner(kadis.get(URL).content.decode()) is None
    # another quarter shown is judged on its own
    lain = kadis.get(URL, {"tahun": 2024, "triwulan": 2}).content.decode()
    assert "(8 unit)" in _banner(lain)


def test_charts_are_svg_with_their_numbers_in_tables(kadis):
    html = kadis.get(URL).content.decode()
    assert html.count('<svg class="grafik"') == 4
    assert "<script" not in html.split("</main>")[0]  # no chart library
    anggaran = html.split('id="grafik-anggaran"')[1].split("</svg>")[0]
    assert "Rp 7,9 M" in anggaran and "Rp 725,55 jt" in anggaran
    assert "Serapan 28,62 % dari anggaran kas · 9,19 % dari pagu" in anggaran
    assert 'id="tabel-anggaran"' in html and 'id="tabel-tren_iku"' in html


# Period -------------------------------------------------------------------------------


def test_default_is_the_latest_quarter_with_data(kadis):
    sub = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    RealisasiAnggaran.objects.create(sub_kegiatan=sub, triwulan=2, jumlah=6_000_000)
    assert "Dasbor kinerja · TW II 2024" in kadis.get(URL).content.decode()


def test_invalid_period_is_reported_and_replaced(kadis):
    respons = kadis.get(URL, {"tahun": "2024", "triwulan": "7"})
    html = respons.content.decode()
    assert respons.status_code == 200
    assert "Triwulan harus I, II, III, atau IV. Ditampilkan periode terbaru." in html
    assert "Dasbor kinerja · TW I 2024" in html
    html = kadis.get(URL, {"tahun": "abc"}).content.decode()
    assert "Tahun abc tidak tersedia." in html


def test_trend_over_the_quarters_and_last_year(kadis):
    sub = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    AnggaranSubKegiatan.objects.filter(sub_kegiatan=sub).update(kas_tw2=4_000_000)
    RealisasiAnggaran.objects.create(sub_kegiatan=sub, triwulan=2, jumlah=6_000_000)
    html = kadis.get(URL, {"tahun": 2024, "triwulan": 2}).content.decode()
    baris = baca_tabel(html, "tabel-tren_anggaran")
    assert [b[0] for b in baris[1:]] == ["TW I 2024", "TW II 2024"]
    assert baris[2][2] == "2.539.309.937"  # TW I plan + 4.000.000
    assert baris[2][3] == "729.550.029"  # the sub kegiatan's 2.000.000 became 6.000.000
    assert "TW II 2023 tidak memiliki data" in html

    html = kadis.get(URL, {"tahun": 2024, "triwulan": 4}).content.decode()
    iku = baca_tabel(html, "tabel-tren_iku")
    assert iku[0][-1] == "TW IV 2023 (%)"
    mandiri = next(b for b in iku if b[0] == "Persentase Warga Transmigran Mandiri")
    assert mandiri[-1] == "98,26"  # 61,68 of the 2023 target 62,77


def _kueri_dingin_hangat(klien):
    """``(response, queries computing the data, queries reading it cached)``."""
    cache.clear()
    with CaptureQueriesContext(connection) as dingin:
        klien.get(URL)
    with CaptureQueriesContext(connection) as hangat:
        respons = klien.get(URL)
    assert respons.status_code == 200
    return respons, len(dingin), len(hangat)


def test_query_count_does_not_grow_with_data(kadis):
    respons, dingin, hangat = _kueri_dingin_hangat(kadis)
    assert hangat < dingin  # the report data is read from the cache
    baris_sebelum = len(baca_tabel(respons.content.decode(), "tabel-tertinggal"))
    gandakan_sub_kegiatan(9)
    respons, dingin_10x, hangat_10x = _kueri_dingin_hangat(kadis)
    html = respons.content.decode()
    assert "78.974.273.490" in html  # ten times the seed's pagu
    assert len(baca_tabel(html, "tabel-tertinggal")) - 1 == 10 * (baris_sebelum - 1)
    assert (dingin_10x, hangat_10x) == (dingin, hangat)


# Drill-down ---------------------------------------------------------------------------


def _get(client, nama, pk, **params):
    return client.get(reverse(f"laporan:dasbor_{nama}", args=[pk]), params)


def test_sasaran_page(kadis):
    s1 = Sasaran.objects.get(kode="S1")
    html = _get(kadis, "sasaran", s1.pk).content.decode()
    program = baca_tabel(html, "tabel-program")
    assert [b[0] for b in program[1:-1]] == ["3.32.02", "3.32.03", "3.32.04"]
    # BAB III Sasaran 1 table: TOTAL BELANJA 924.007.650 / 285.785.522 / 37.843.360.
    assert program[-1][2:7] == [
        "924.007.650",
        "285.785.522",
        "37.843.360",
        "13,24",
        "4,10",
    ]
    iku = baca_tabel(html, "tabel-iku")
    assert iku[1][0] == "Persentase Warga Transmigran Mandiri"
    assert iku[1][_kolom(iku, "Capaian tahun (%)")] == "97,03"
    assert 'id="tabel-riwayat_anggaran"' in html
    program = Program.objects.get(kode="3.32.02")
    url = reverse("laporan:dasbor_program", args=[program.pk])
    assert f'href="{url}?tahun=2024&amp;triwulan=1"' in html


def test_program_page_lists_its_kegiatan(kadis):
    program = Program.objects.get(kode="2.07.01")
    html = _get(kadis, "program", program.pk).content.decode()
    rincian = baca_tabel(html, "tabel-rincian")
    assert len(rincian) == 1 + 8 + 1  # header, 8 kegiatan, total
    assert rincian[-1][2:5] == ["4.822.760.749", "2.038.691.865", "667.106.869"]
    indikator = baca_tabel(html, "tabel-indikator")
    assert indikator[1][_kolom(indikator, "Capaian tahun (%)")] == "27,23"
    riwayat = baca_tabel(html, "tabel-riwayat_anggaran")
    assert riwayat[1][0] == "TW I 2024" and riwayat[1][4] == "32,72"
    kegiatan = Kegiatan.objects.get(kode="2.07.01.2.08")
    assert reverse("laporan:dasbor_kegiatan", args=[kegiatan.pk]) in html
    assert "Sasaran: Meningkatnya Kualitas" in html  # breadcrumb


def test_kegiatan_page_computes_what_the_seed_misprints(kadis):
    kegiatan = Kegiatan.objects.get(kode="2.07.01.2.08")
    html = _get(kadis, "kegiatan", kegiatan.pk).content.decode()
    rincian = baca_tabel(html, "tabel-rincian")
    assert rincian[-1][5] == "61,65"  # the Sekretariat table prints 63,14
    surat = next(b for b in rincian if b[0] == "2.07.01.2.08.0001")
    assert surat[5] == "41,67"  # printed 52,63
    assert surat[_kolom(rincian, "Capaian (%)")] == "104,81"


def test_sub_kegiatan_page(kadis):
    sub = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    html = _get(kadis, "sub_kegiatan", sub.pk).content.decode()
    assert "Subbagian Umum dan Kepegawaian" in html
    indikator = baca_tabel(html, "tabel-indikator")
    assert indikator[1][_kolom(indikator, "Realisasi TW")] == "327"
    assert indikator[1][_kolom(indikator, "Capaian TW (%)")] == "104,81"
    ind = Indikator.objects.get(sub_kegiatan=sub)
    assert reverse("laporan:dasbor_indikator", args=[ind.pk]) in html


def test_indicator_page_with_components_and_quarters(kadis):
    iku = Indikator.objects.get(nama="Persentase Penyerapan Tenaga Kerja Baru")
    html = _get(kadis, "indikator", iku.pk).content.decode()
    assert "31,21 %" in html
    assert "625" in html and "8.521" in html  # the components
    riwayat = baca_tabel(html, "tabel-riwayat")
    assert [b[0] for b in riwayat[1:]] == [
        "TW I 2024",
        "TW II 2024",
        "TW III 2024",
        "TW IV 2024",
    ]
    assert riwayat[1][2] == "7,33"  # 625 / 8.521 × 100
    assert riwayat[2][2:] == ["-"] * 5  # not reached yet
    tahunan = baca_tabel(html, "tabel-tahunan")
    assert tahunan[2] == ["2023", "19,67", "23,00", "116,92"]


def test_indicator_of_a_flow_has_its_quarter_targets(kadis):
    sub = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    ind = Indikator.objects.get(sub_kegiatan=sub)
    RealisasiIndikator.objects.create(indikator=ind, tahun=2024, triwulan=2, nilai=300)
    html = _get(kadis, "indikator", ind.pk, triwulan=2).content.decode()
    riwayat = baca_tabel(html, "tabel-riwayat")
    assert riwayat[1][1:4] == ["312", "327", "104,81"]
    assert riwayat[2][1:5] == ["312", "300", "96,15", "627"]
    assert riwayat[3][1:3] == ["313", "-"]


@pytest.mark.parametrize(
    "nama", ["sasaran", "program", "kegiatan", "sub_kegiatan", "indikator"]
)
def test_another_agencys_records_are_not_found(kadis, nama):
    lain = Instansi.objects.create(kode="lain", nama="Dinas Lain", pemda="Kab. Lain")
    periode = PeriodeRenstra.objects.create(
        instansi=lain, nama="Renstra", tahun_awal=2021, tahun_akhir=2026
    )
    tujuan = Tujuan.objects.create(periode=periode, kode="T1", nama="Tujuan")
    objek = {"sasaran": Sasaran.objects.create(tujuan=tujuan, kode="S1", nama="S")}
    objek["program"] = Program.objects.create(
        periode=periode, tahun=2024, kode="1.01", nama="P", sasaran=objek["sasaran"]
    )
    objek["kegiatan"] = Kegiatan.objects.create(
        program=objek["program"], kode="1.01.2.01", nama="K"
    )
    unit = UnitKerja.objects.create(instansi=lain, kode="u", nama="U", jenis="bidang")
    objek["sub_kegiatan"] = SubKegiatan.objects.create(
        kegiatan=objek["kegiatan"], kode="1.01.2.01.0001", nama="SK", unit=unit
    )
    objek["indikator"] = Indikator.objects.create(
        tingkat="sub_kegiatan", sub_kegiatan=objek["sub_kegiatan"], nama="I", satuan="%"
    )
    respons = _get(kadis, nama, objek[nama].pk)
    assert respons.status_code == 404
    assert _get(kadis, nama, 999_999).status_code == 404


@pytest.mark.parametrize(
    "nama,cari",
    [
        ("sasaran", lambda: Sasaran.objects.get(kode="S2")),
        ("program", lambda: Program.objects.get(kode="2.07.05")),
        ("kegiatan", lambda: Kegiatan.objects.get(kode="2.07.05.2.02")),
        ("sub_kegiatan", lambda: SubKegiatan.objects.get(kode="2.07.05.2.02.0002")),
        (
            "indikator",
            lambda: Indikator.objects.get(sub_kegiatan__kode="2.07.05.2.02.0002"),
        ),
    ],
)
def test_every_drill_down_page_exports_its_tables(kadis, nama, cari):
    objek = cari()
    html = _get(kadis, nama, objek.pk).content.decode()
    respons = _get(kadis, nama, objek.pk, unduh="xlsx")
    assert respons.status_code == 200
    wb = load_workbook(io.BytesIO(respons.content))
    assert len(wb.sheetnames) == html.count('<table class="table table-sm table-hover')
    assert html.count('<svg class="grafik"') >= 1


def test_sekretaris_is_a_kepala_unit_of_the_sekretariat(client, akun):
    sekretaris = akun["sekretaris"]
    assert sekretaris.pegawai.unit.jenis == UnitKerja.Jenis.SEKRETARIAT
    kabid = akun["kabid.hi"]
    UnitKerja.objects.filter(jenis="sekretariat").update(kepala=kabid.pegawai)
    client.force_login(kabid)
    assert client.get(URL).status_code == 200  # now heads the Sekretariat


def test_no_inline_style_the_csp_would_block(kadis):
    """The page's own CSP forbids inline styles: the sub-units' indentation
    comes from the stylesheet."""
    html = kadis.get(URL).content.decode()
    assert "style=" not in html
    assert "indentasi-1" in html


def test_sheet_names_are_cut_at_a_word():
    from laporan.dasbor.excel import _nama_lembar

    dipakai = set()
    assert _nama_lembar("Realisasi anggaran per sub kegiatan dan unit", dipakai) == (
        "Realisasi anggaran per sub"
    )
    assert _nama_lembar("Realisasi anggaran per sub kegiatan lain", dipakai) == (
        "Realisasi anggaran per sub (2)"
    )
