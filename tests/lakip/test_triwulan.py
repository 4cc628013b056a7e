import datetime

import pytest
from django.urls import NoReverseMatch, reverse

from lakip.triwulan import (
    PeriodeTidakValid,
    akhir_triwulan,
    awal_triwulan,
    periksa_periode,
)


def test_periksa_periode_accepts_the_valid_range():
    assert periksa_periode("2024", "1") == (2024, 1)
    assert periksa_periode(2100, 4) == (2100, 4)
    assert periksa_periode(2024) == (2024, None)


@pytest.mark.parametrize(
    "tahun, triwulan, pesan",
    [
        (2024, 9, "Triwulan harus 1, 2, 3, atau 4."),
        (2024, 0, "Triwulan harus 1, 2, 3, atau 4."),
        (99999, 1, "Tahun 99999 di luar rentang 2000-2100."),
        (10**30, 1, "di luar rentang"),
        ("x", 1, "Tahun harus berupa angka."),
        (2024, "IV", "Triwulan harus 1, 2, 3, atau 4."),
    ],
)
def test_periksa_periode_refuses_in_indonesian(tahun, triwulan, pesan):
    with pytest.raises(PeriodeTidakValid, match=pesan):
        periksa_periode(tahun, triwulan)


def test_quarter_dates():
    assert awal_triwulan(2024, 2) == datetime.date(2024, 4, 1)
    assert akhir_triwulan(2024, 1) == datetime.date(2024, 3, 31)
    assert akhir_triwulan(2024, 4) == datetime.date(2024, 12, 31)


def test_url_converters_refuse_bad_periods_before_a_view_runs():
    assert reverse("laporan:lakip", args=[2024, 1]) == "/laporan/lakip/2024/1/"
    for args in ([2024, 9], [99999, 1], [1999, 1]):
        with pytest.raises(NoReverseMatch):
            reverse("laporan:lakip", args=args)


@pytest.mark.django_db
def test_bad_periods_in_urls_are_404(client, django_user_model):
    user = django_user_model.objects.create_user("u", password="x")
    client.force_login(user)
    for url in (
        "/realisasi/entri/1/2024/9/xlsx/",
        "/laporan/lakip/99999/1/",
        "/laporan/lakip/" + "9" * 30 + "/1/",
        "/laporan/lakip/2024/5/pdf/",
    ):
        assert client.get(url).status_code == 404, url
