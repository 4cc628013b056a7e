"""``manage.py laporan lakip``: the document from the command line."""

import re

import pytest
from django.core.management import CommandError

from tests.bantuan import perintah_laporan

pytestmark = pytest.mark.django_db


def _lakip(*argumen):
    return perintah_laporan("lakip", *argumen)


def test_html_output(instansi, tmp_path):
    berkas = tmp_path / "lakip.html"
    assert "HTML ditulis ke" in _lakip("--format", "html", "--output", str(berkas))
    html = berkas.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "TOTAL BELANJA" in html and "7.897.427.349" in html
    # Fonts are the shipped files, resolved against the static folder.
    assert re.search(r'url\("fonts/liberation/LiberationSerif-Regular.ttf"\)', html)


def test_pdf_output_reports_pages(pdf_seed):
    """The session's seed PDF is made by the command (see conftest)."""
    cocok = re.match(
        r"PDF (\d+) halaman ditulis ke .*LAKIP-2024-TW1.pdf", pdf_seed.keluaran
    )
    assert cocok and int(cocok.group(1)) == len(pdf_seed.pembaca.pages) > 40


def test_missing_folder(instansi, tmp_path):
    with pytest.raises(CommandError, match="tidak ada"):
        _lakip("--output", str(tmp_path / "tidak" / "ada.pdf"))
