import pytest

from lakip.format import terbilang


@pytest.mark.parametrize(
    "nilai, hasil",
    [
        (30580000, "Tiga Puluh Juta Lima Ratus Delapan Puluh Ribu Rupiah"),
        (0, "Nol Rupiah"),
        (11, "Sebelas Rupiah"),
        (15, "Lima Belas Rupiah"),
        (100, "Seratus Rupiah"),
        (1000, "Seribu Rupiah"),
        (1001, "Seribu Satu Rupiah"),
        (110, "Seratus Sepuluh Rupiah"),
        (219, "Dua Ratus Sembilan Belas Rupiah"),
        (1_000_000, "Satu Juta Rupiah"),
        (111_000, "Seratus Sebelas Ribu Rupiah"),
        (
            129_262_400,
            "Seratus Dua Puluh Sembilan Juta Dua Ratus Enam Puluh Dua Ribu "
            "Empat Ratus Rupiah",
        ),
        (
            7_897_427_349,
            "Tujuh Miliar Delapan Ratus Sembilan Puluh Tujuh Juta Empat Ratus "
            "Dua Puluh Tujuh Ribu Tiga Ratus Empat Puluh Sembilan Rupiah",
        ),
        (2_000_000_000_000, "Dua Triliun Rupiah"),
    ],
)
def test_terbilang(nilai, hasil):
    assert terbilang(nilai) == hasil


@pytest.mark.parametrize("nilai", [-5, "1,5", None, 10**15])
def test_terbilang_refuses(nilai):
    with pytest.raises(ValueError):
        terbilang(nilai)
