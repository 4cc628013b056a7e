from datetime import date, datetime, time
from decimal import Decimal as D

import pytest
from django.template import Context, Template

from lakip import format as f
from lakip.perhitungan import TARGET_NOL


@pytest.mark.parametrize(
    "nilai, desimal, hasil",
    [
        (7897427349, None, "7.897.427.349"),
        (D("28.615"), 2, "28,62"),
        (D("61.68"), None, "61,68"),
        (D("312.0000"), None, "312"),
        (D("0.5"), None, "0,5"),
        (D("-1234.5"), 2, "-1.234,50"),
        (D("-0.5"), 2, "-0,50"),
        (0, None, "0"),
        (None, 2, "-"),
        (TARGET_NOL, 2, "-"),
    ],
)
def test_format_angka(nilai, desimal, hasil):
    assert f.format_angka(nilai, desimal) == hasil


def test_format_persen_uang_tanggal_nip():
    assert f.format_persen(D("9.187")) == "9,19"
    assert f.format_uang(7897427349) == "Rp 7.897.427.349"
    assert f.format_uang(None) == "-"
    assert f.format_tanggal(date(2024, 4, 25)) == "25 April 2024"
    assert f.format_tanggal(datetime(2024, 3, 29, 10)) == "29 Maret 2024"
    assert f.format_nip("198105111999121001") == "19810511 199912 1 001"
    assert f.format_nip("123") == "123"
    assert f.format_triwulan(4) == "IV"


@pytest.mark.parametrize(
    "teks, hasil",
    [
        ("1.250.000", D("1250000")),
        ("1.250.000,50", D("1250000.50")),
        ("63,57", D("63.57")),
        ("63.57", D("63.57")),
        ("1250000", D("1250000")),
        ("Rp 1.250.000", D("1250000")),
        ("Rp. 5.325.500", D("5325500")),
        ("28,62 %", D("28.62")),
        ("1.250", D("1250")),
        ("0.500", D("0.500")),
        ("-5", D("-5")),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_angka(teks, hasil):
    assert f.parse_angka(teks) == hasil


@pytest.mark.parametrize("teks", ["abc", "1,250,000", "12.34.5", "1..2", "--1"])
def test_parse_angka_refuses(teks):
    with pytest.raises(f.AngkaTidakValid, match="bukan angka yang valid"):
        f.parse_angka(teks)


def test_template_filters():
    hasil = Template(
        "{% load angka %}{{ a|angka }} {{ p|persen }} {{ a|rupiah }} "
        "{{ d|tanggal }} {{ n|nip }} {{ t|romawi }} {{ x|angka:2 }}"
    ).render(
        Context(
            {
                "a": 7897427349,
                "p": D("28.615"),
                "d": date(2024, 4, 25),
                "n": "198105111999121001",
                "t": 1,
                "x": D("1250.5"),
            }
        )
    )
    assert hasil == (
        "7.897.427.349 28,62 Rp 7.897.427.349 25 April 2024 "
        "19810511 199912 1 001 I 1.250,50"
    )


def test_format_hari_tanggal_and_jam():
    # The seed's schedule (line 931): "Senin, 20 Mei 2024", "Pukul 13.00 - 13.30".
    assert f.format_hari_tanggal(date(2024, 5, 20)) == "Senin, 20 Mei 2024"
    assert f.format_hari_tanggal(datetime(2024, 5, 26, 9)) == "Minggu, 26 Mei 2024"
    assert f.format_hari_tanggal(None) == "-"
    assert f.format_jam(time(13, 0)) == "13.00"
    assert f.format_jam(time(9, 5)) == "09.05"
    assert f.format_jam(None) == "-"


def test_format_waktu_one_format_in_local_time():
    from datetime import UTC

    # 01.45 UTC is 09.45 in Makassar (WITA, the settings' time zone).
    assert f.format_waktu(datetime(2026, 12, 6, 1, 45, tzinfo=UTC)) == (
        "6 Desember 2026 09.45"
    )
    assert f.format_waktu(datetime(2024, 4, 25, 16, 0)) == "25 April 2024 16.00"
    assert f.format_waktu(date(2024, 4, 25)) == "25 April 2024"
    assert f.format_waktu(None) == "-"
    html = Template("{% load angka %}{{ t|waktu }}|{{ kosong|waktu }}").render(
        Context({"t": datetime(2024, 12, 1, 0, 5, tzinfo=UTC)})
    )
    assert html == "1 Desember 2024 08.05|-"


def test_angka_teks_formats_stored_numbers_only():
    t = Template(
        "{% load angka %}{{ a|angka_teks }} {{ b|angka_teks }} {{ c|angka_teks }}"
    )
    assert t.render(Context({"a": "5250000", "b": "63.57", "c": "PP baru"})) == (
        "5.250.000 63,57 PP baru"
    )
    assert Template("{% load angka %}{{ x|angka_teks }}").render(
        Context({"x": ""})
    ) == ("-")


# -- the one range rule ------------------------------------------------------


def test_bounds_are_the_model_fields():
    from laporan.models import DataDukung
    from realisasi.models import RealisasiAnggaran, RealisasiIndikator
    from renstra.models import AnggaranSubKegiatan, Indikator, TargetIndikator

    for model, nama in [
        (RealisasiIndikator, "nilai"),
        (RealisasiIndikator, "pembilang"),
        (RealisasiIndikator, "penyebut"),
        (TargetIndikator, "target_tw1"),
        (Indikator, "target_renstra"),
    ]:
        batas = f.batas_field(model._meta.get_field(nama))
        assert (batas.terkecil, batas.terbesar, batas.desimal) == (
            f.BATAS_ANGKA.terkecil,
            f.BATAS_ANGKA.terbesar,
            f.BATAS_ANGKA.desimal,
        )
    for model, nama in [
        (AnggaranSubKegiatan, "pagu"),
        (RealisasiAnggaran, "jumlah"),
    ]:
        batas = f.batas_field(model._meta.get_field(nama))
        assert batas.terbesar >= f.BATAS_UANG.terbesar
        assert batas.terkecil <= f.BATAS_UANG.terkecil
    pengali = f.batas_field(Indikator._meta.get_field("pengali"))
    assert (pengali.terbesar, pengali.desimal) == (D("99999999.99"), 2)
    urutan = f.batas_field(DataDukung._meta.get_field("urutan"))
    assert (urutan.terkecil, urutan.terbesar) == (0, 32767)


@pytest.mark.parametrize(
    "teks, pesan",
    [
        ("12345678901234567", "terlalu besar"),
        ("1234567890123456", "terlalu besar"),
        ("-12345678901234567", "terlalu kecil"),
        ("9.999.999.999.999.999.999", "terlalu besar"),
        (10**30, "terlalu besar"),
        (float("inf"), "bukan angka"),
        (float("nan"), "bukan angka"),
        (1e999, "bukan angka"),
        (1e76, "terlalu besar"),
        (-1e300, "terlalu kecil"),
        ("1e26", "bukan angka"),
        ("1,12345", "lebih dari 4 angka di belakang koma"),
        ("1" * 100, "terlalu panjang"),
        (True, "bukan angka"),
    ],
)
def test_parse_angka_refuses_out_of_range(teks, pesan):
    with pytest.raises(f.AngkaTidakValid, match=pesan):
        f.parse_angka(teks)


def test_parse_angka_range_edges_and_float_noise():
    assert f.parse_angka("999.999.999.999.999,9999") == f.BATAS_ANGKA.terbesar
    with pytest.raises(f.AngkaTidakValid, match="terlalu besar"):
        f.parse_angka("9.999.999.999.999.999,9")  # its float would read back as 1e16
    assert f.parse_angka(0.1 + 0.2) == D("0.3")
    assert f.parse_angka("999.999.999.999.999", f.BATAS_UANG) == 10**15 - 1
    with pytest.raises(f.AngkaTidakValid, match="terlalu besar"):
        f.parse_angka("1.000.000.000.000.000", f.BATAS_UANG)
    with pytest.raises(f.AngkaTidakValid, match="rupiah penuh, tanpa sen"):
        f.parse_angka(1.5, f.BATAS_UANG)


def test_huge_values_still_round_and_print():
    # a capaian of a tiny target is larger than the default 28-digit context
    assert f.format_persen(D("1e30")) == "1" + ".000" * 10 + ",00"


def test_tanpa_kendali():
    assert f.tanpa_kendali("a\x0bb\x00c\td\ne\x7f") == "abc\td\ne"
    assert f.tanpa_kendali(None) is None
