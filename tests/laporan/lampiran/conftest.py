"""The seed's attachments (TW I 2024) rendered once per test session by the
command a user runs, with the text of every page."""

import pytest

from tests.bantuan import render_perintah


def _render(bagian, django_db_blocker, tmp_path_factory, tambahan=()):
    berkas = tmp_path_factory.mktemp(bagian) / f"{bagian}.pdf"
    with django_db_blocker.unblock():
        keluaran, pembaca = render_perintah(bagian, berkas, tambahan=tambahan)
    halaman = [" ".join(h.extract_text().split()) for h in pembaca.pages]
    return keluaran, halaman


@pytest.fixture(scope="session")
def pdf_pernyataan(django_db_setup, django_db_blocker, tmp_path_factory):
    return _render("pernyataan", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="session")
def pdf_evaluasi(django_db_setup, django_db_blocker, tmp_path_factory):
    return _render("evaluasi", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="session")
def pdf_undangan(django_db_setup, django_db_blocker, tmp_path_factory):
    return _render("undangan", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="session")
def pdf_daftar_hadir(django_db_setup, django_db_blocker, tmp_path_factory):
    return _render("daftarhadir", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="session")
def pdf_rekomendasi(django_db_setup, django_db_blocker, tmp_path_factory):
    return _render("rekomendasi", django_db_blocker, tmp_path_factory)
