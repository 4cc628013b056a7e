"""Scores: criterion → sub component → component → total, predikat, gaps."""

from decimal import Decimal

import pytest

from evaluasi.skor import hitung, predikat


@pytest.mark.parametrize(
    "nilai, huruf",
    [
        ("90.01", "AA"),
        ("90", "A"),
        ("80.01", "A"),
        ("80", "BB"),
        ("70.5", "BB"),
        ("60.01", "B"),
        ("60", "CC"),
        ("50.01", "CC"),
        ("50", "C"),
        ("30.01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_predikat_mengikuti_rentang(nilai, huruf):
    assert predikat(Decimal(nilai)) == huruf


def test_nilai_dari_jawaban(lke_terisi):
    hasil = hitung(lke_terisi)
    sub = {s.sub_komponen.kode: s for k in hasil.komponen for s in k.sub_komponen}
    # Keberadaan all Y: the full weight.
    assert sub["1.a"].nilai == Decimal("6.00")
    # 1.b: 11 criteria B (0,75) → 9 × 0,75.
    assert sub["1.b"].nilai == Decimal("6.75")
    # 1.c: 7 × B + 1 × E → 15 × 5,25 / 8 = 9,84375 → 9,84.
    assert sub["1.c"].nilai == Decimal("9.84")
    # 2.c: 9 × B + 1 × C → 15 × 7,25 / 10 = 10,875 → 10,88 (half up).
    assert sub["2.c"].nilai == Decimal("10.88")
    komponen = {k.komponen.kode: k for k in hasil.komponen}
    assert komponen["1"].nilai == Decimal("22.59")
    assert hasil.nilai == sum(k.nilai for k in hasil.komponen)
    # 22,59 + (6 + 6,75 + 10,88) + (3 + 3,38 + 5,63) + (5 + 5,63 + 9,38)
    assert hasil.nilai == Decimal("78.24")
    assert hasil.predikat == "BB"


def test_celah_urut_menurut_nilai_hilang(lke_terisi):
    celah = hitung(lke_terisi).celah()
    # 1.c.3 answered E loses its whole share: 15 / 8.
    assert celah[0].kriteria.kode == "1.c.3"
    assert celah[0].hilang == Decimal("1.875")
    hilang = [k.hilang for k in celah]
    assert hilang == sorted(hilang, reverse=True)
    assert all(k.kriteria.sub_komponen.jenis != "keberadaan" for k in celah)


def test_lke_kosong_bernilai_nol(instansi):
    hasil = hitung(None, 2024)
    assert hasil.nilai == 0
    assert hasil.predikat == "D"
    assert len(hasil.semua_kriteria) == 80
