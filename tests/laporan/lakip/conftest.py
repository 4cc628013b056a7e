"""The seed's LAKIP TW I 2024 rendered once per test session (layout takes
seconds), with the text of every page."""

import io
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from lakip.models import Instansi
from laporan.lakip.dokumen import susun_dokumen
from laporan.lakip.render import render_pdf


@dataclass
class PdfSeed:
    dok: object
    hasil: object
    pembaca: PdfReader
    halaman: list  # text of each page, as extracted by pypdf

    @property
    def teks(self):
        """The whole text with runs of whitespace as one space (table cells and
        wrapped names come out on several lines)."""
        return " ".join(" ".join(self.halaman).split())

    def teks_halaman(self, nomor):
        return " ".join(self.halaman[nomor].split())


@pytest.fixture(scope="session")
def pdf_seed(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        instansi = Instansi.objects.get(kode="disnakertrans-lutim")
        dok = susun_dokumen(instansi, 2024, 1)
        hasil = render_pdf(dok)
    pembaca = PdfReader(io.BytesIO(hasil.isi))
    return PdfSeed(
        dok=dok,
        hasil=hasil,
        pembaca=pembaca,
        halaman=[h.extract_text() for h in pembaca.pages],
    )
