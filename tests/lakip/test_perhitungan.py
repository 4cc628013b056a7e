from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakip import perhitungan as h

positif = st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=2)
nonneg = st.decimals(min_value=D(0), max_value=D("1e9"), places=2)


class TestCapaian:
    def test_higher_is_better(self):
        assert h.capaian(D("23.50"), D("7.33")) == D("7.33") / D("23.50") * 100
        assert h.bulatkan(h.capaian(D("4"), D("4"))) == D("100.00")

    def test_lower_is_better(self):
        # Angka sengketa: target 14,50 %, realisasi 10 % -> (29 - 10) / 14,5 × 100
        hasil = h.capaian(D("14.50"), D("10"), h.TURUN)
        assert h.bulatkan(hasil) == D("131.03")

    def test_lower_is_better_never_below_zero(self):
        assert h.capaian(D("10"), D("35"), h.TURUN) == 0

    @pytest.mark.parametrize("target", [None, h.TANPA_TARGET])
    def test_missing_target(self, target):
        assert h.capaian(target, D("5")) == h.TANPA_TARGET

    def test_zero_target(self):
        hasil = h.capaian(D("0"), D("5"))
        assert hasil == h.TARGET_NOL
        assert not hasil and str(hasil) == "-"
        assert hasil.alasan == "target bernilai nol"

    def test_missing_realisation(self):
        assert h.capaian(D("5"), None) == h.TANPA_REALISASI

    def test_from_unrounded_components(self):
        # The seed's IKU: 625 / 8.521 × 100 = 7,3348...; 7,3348 / 23,50 = 31,21 %,
        # while the rounded 7,33 would give 31,19 %.
        nilai = h.nilai_rasio(625, 8521)
        assert h.bulatkan(nilai) == D("7.33")
        assert h.bulatkan(h.capaian(D("23.50"), nilai)) == D("31.21")
        assert h.bulatkan(h.capaian(D("23.50"), D("7.33"))) == D("31.19")

    @given(positif, nonneg)
    def test_higher_is_better_is_ratio(self, target, realisasi):
        assert h.capaian(target, realisasi) == realisasi / target * 100

    @given(positif, nonneg)
    def test_lower_is_better_bounds(self, target, realisasi):
        hasil = h.capaian(target, realisasi, h.TURUN)
        assert 0 <= hasil <= 200
        if realisasi <= target:
            assert hasil >= 100

    @given(positif)
    def test_on_target_is_hundred_both_ways(self, target):
        assert h.capaian(target, target) == 100
        assert h.capaian(target, target, h.TURUN) == 100


class TestBulatkan:
    @pytest.mark.parametrize(
        "nilai, hasil",
        [
            (D("0.125"), D("0.13")),
            (D("2.675"), D("2.68")),
            (D("97.025"), D("97.03")),
            (D("97.0249"), D("97.02")),
            (D("-1.005"), D("-1.01")),
            (2.675, D("2.68")),
        ],
    )
    def test_half_up(self, nilai, hasil):
        assert h.bulatkan(nilai) == hasil

    def test_non_values_pass(self):
        assert h.bulatkan(None) is None
        assert h.bulatkan(h.TARGET_NOL) == h.TARGET_NOL

    @given(st.decimals(min_value=-(10**9), max_value=10**9, places=6))
    def test_within_half_cent(self, nilai):
        assert abs(h.bulatkan(nilai) - nilai) <= D("0.005")


class TestKumulatif:
    def test_flow_adds_up(self):
        per_tw = {1: D(312), 2: D(312), 3: D(313), 4: D(313)}
        assert h.realisasi_kumulatif(h.ALIR, per_tw, 4) == 1250
        assert h.realisasi_kumulatif(h.ALIR, per_tw, 2) == 624

    def test_flow_missing_quarter_counts_nothing(self):
        assert h.realisasi_kumulatif(h.ALIR, {1: D(5), 3: D(2)}, 3) == 7
        assert h.realisasi_kumulatif(h.ALIR, {}, 2) == h.TANPA_REALISASI

    def test_stock_takes_the_quarter(self):
        per_tw = {1: D(25), 2: D(25), 3: D(24)}
        assert h.realisasi_kumulatif(h.STOK, per_tw, 3) == 24
        assert h.realisasi_kumulatif(h.STOK, per_tw, 4) == h.TANPA_REALISASI

    def test_ratio_takes_the_quarter(self):
        assert h.realisasi_kumulatif(h.RASIO, {1: D("61.68")}, 1) == D("61.68")

    def test_target_flow_and_stock(self):
        target = {1: D(312), 2: D(312), 3: D(313), 4: D(313)}
        assert h.target_kumulatif(h.ALIR, target, 2) == 624
        assert h.target_kumulatif(h.STOK, target, 2) == 312
        assert h.target_kumulatif(h.ALIR, {}, 2) == h.TANPA_TARGET

    def test_quarter_versus_year_target(self):
        # LAKIP view: TW I value against the year's target; evaluation table:
        # against the quarter's own target.
        assert h.bulatkan(h.capaian(D(1250), D(327))) == D("26.16")
        assert h.bulatkan(h.capaian(D(312), D(327))) == D("104.81")


class TestAnggaran:
    def test_absorption(self):
        assert h.bulatkan(h.persen_serapan(725550029, 2535309937)) == D("28.62")
        assert h.bulatkan(h.persen_serapan(725550029, 7897427349)) == D("9.19")

    def test_zero_cash_plan_is_not_computable(self):
        assert h.persen_serapan(0, 0) == h.PEMBAGI_NOL
        assert h.persen_serapan(5, None) == h.PEMBAGI_NOL

    def test_sums_and_cash_to_date(self):
        assert h.jumlah([1, None, 2]) == 3
        assert h.kas_kumulatif({1: 10, 2: 20, 3: 30, 4: 40}, 3) == 60

    def test_efficiency_rule(self):
        assert h.efisien(D(100), D(90)) is True
        assert h.efisien(D(99), D(90)) is False
        assert h.efisien(D(120), D(101)) is False
        assert h.efisien(None, D(1)) == h.TANPA_REALISASI
