"""The seed's attachments (TW I 2024) rendered once per test session by the
command a user runs, with the text of every page."""

from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader


def _render(bagian, django_db_blocker, tmp_path_factory):
    berkas = tmp_path_factory.mktemp(bagian) / f"{bagian}.pdf"
    keluaran = StringIO()
    with django_db_blocker.unblock():
        call_command(
            "laporan",
            bagian,
            "--tahun",
            "2024",
            "--triwulan",
            "1",
            "--output",
            str(berkas),
            stdout=keluaran,
        )
    pembaca = PdfReader(berkas)
    halaman = [" ".join(h.extract_text().split()) for h in pembaca.pages]
    return keluaran.getvalue(), halaman


@pytest.fixture(scope="session")
def pdf_pernyataan(django_db_setup, django_db_blocker, tmp_path_factory):
    return _render("pernyataan", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="session")
def pdf_evaluasi(django_db_setup, django_db_blocker, tmp_path_factory):
    return _render("evaluasi", django_db_blocker, tmp_path_factory)
