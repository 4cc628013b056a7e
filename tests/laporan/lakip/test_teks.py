"""The prose markup of the reports."""

from laporan.lakip.teks import teks_html


def test_paragraphs_lists_and_emphasis():
    html = teks_html(
        "Paragraf **satu**\nbaris dua.\n\n- butir a\n- butir *b*\n  lanjutan\n\n"
        "a. pertama;\nb) kedua."
    )
    assert html == (
        "<p>Paragraf <strong>satu</strong> baris dua.</p>"
        "<ul><li>butir a</li><li>butir <em>b</em> lanjutan</li></ul>"
        '<ol class="berlabel"><li><span class="label">a.</span>pertama;</li>'
        '<li><span class="label">b)</span>kedua.</li></ol>'
    )


def test_html_is_escaped():
    assert teks_html("<script>alert(1)</script> & x") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; x</p>"
    )


def test_placeholders_are_filled():
    isian = {"tahun": 2025, "triwulan": "II"}
    assert teks_html("Triwulan {triwulan} Tahun {tahun} {lain}", isian) == (
        "<p>Triwulan II Tahun 2025 {lain}</p>"
    )


def test_empty_text():
    assert teks_html("") == "" and teks_html("  \n ") == ""
