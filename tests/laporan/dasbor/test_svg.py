"""Server-side SVG bar charts."""

import re
from decimal import Decimal as D

from lakip.perhitungan import PEMBAGI_NOL
from laporan.dasbor.svg import (
    Kelompok,
    Seri,
    baris_label,
    grafik_batang,
    persen_teks,
    uang_ringkas,
)

SERI = [Seri("Pagu", "#aaaaaa"), Seri("Realisasi", "#0000ff")]


def _lebar(svg):
    return [D(w) for w in re.findall(r'<rect x="0" y="\d+" width="([\d.]+)%"', svg)]


def test_bars_share_one_scale():
    svg = grafik_batang(
        "Anggaran",
        [Kelompok("A", [1000, 250]), Kelompok("B", [500, 0])],
        SERI,
    )
    assert _lebar(svg) == [D(100), D(25), D(50), D(0)]
    assert 'role="img"' in svg and "<title>Anggaran</title>" in svg
    assert 'width="100%"' in svg  # fills the page on a phone and a desktop


def test_reference_line_and_percent_labels():
    svg = grafik_batang(
        "Capaian",
        [Kelompok("IKU", [D("31.212"), D("97.025")])],
        SERI,
        persen_teks,
        acuan=100,
    )
    # Scale to 108 so that the 100 % line stays inside the chart.
    assert _lebar(svg) == [D("28.90"), D("89.84")]
    assert 'x1="92.59%"' in svg
    assert ">31,21 %<" in svg and ">97,03 %<" in svg


def test_value_not_computable_draws_no_bar():
    svg = grafik_batang("x", [Kelompok("A", [PEMBAGI_NOL, 10])], SERI)
    assert _lebar(svg) == [D(0), D(100)]
    assert re.search(r'dx="4"[^>]*>-</text>', svg)


def test_labels_are_escaped_and_shortened():
    nama = "<script>alert(1)</script> " + "PROGRAM PENUNJANG URUSAN " * 4
    svg = grafik_batang("x", [Kelompok(nama, [1], url="/a?b=1&c=2")], SERI)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'href="/a?b=1&amp;c=2"' in svg
    assert svg.count("<tspan") == 2 and "…</tspan>" in svg


def test_long_labels_wrap_on_two_lines():
    assert baris_label(
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    ) == [
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN",
        "DAERAH KABUPATEN/KOTA",
    ]
    assert baris_label("Sekretariat") == ["Sekretariat"]
    panjang = baris_label("kata " * 30)
    assert len(panjang) == 2 and panjang[1].endswith("…") and len(panjang[1]) <= 40


def test_short_money():
    assert uang_ringkas(7_897_427_349) == "Rp 7,9 M"
    assert uang_ringkas(725_550_029) == "Rp 725,55 jt"
    assert uang_ringkas(770_000) == "Rp 770 rb"
    assert uang_ringkas(0) == "Rp 0"
    assert uang_ringkas(None) == "-"


def test_a_linked_group_is_clickable_as_a_whole():
    svg = grafik_batang(
        "Anggaran",
        [Kelompok("A", [1000, 250], url="/a/"), Kelompok("B", [500, 0])],
        SERI,
    )
    tautan = re.search(r'<a href="/a/">(.*?)</a>', svg).group(1)
    # The label, both bars and both values of group A are inside its link.
    assert tautan.count("<rect") == 2 and "<tspan" in tautan
    assert tautan.count("<text") == 3
    # Group B has no link.
    assert svg.count("<a ") == 1
