"""The seed's LAKIP TW I 2024 rendered once per test session (layout takes
seconds) by the command a user runs, with the text of every page."""

from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from lakip.models import Instansi
from laporan.lakip.dokumen import susun_dokumen
from tests.bantuan import render_perintah


@dataclass
class PdfSeed:
    dok: object
    keluaran: str  # what the command printed
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
def pdf_seed(django_db_setup, django_db_blocker, tmp_path_factory):
    berkas = tmp_path_factory.mktemp("lakip") / "LAKIP-2024-TW1.pdf"
    with django_db_blocker.unblock():
        instansi = Instansi.objects.get(kode="disnakertrans-lutim")
        dok = susun_dokumen(instansi, 2024, 1)
        keluaran, pembaca = render_perintah("lakip", berkas)
    return PdfSeed(
        dok=dok,
        keluaran=keluaran,
        pembaca=pembaca,
        halaman=[h.extract_text() for h in pembaca.pages],
    )
