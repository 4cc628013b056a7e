"""The seed's LAKIP TW I 2024 rendered once per test session (layout takes
seconds) by the command a user runs, with the text of every page."""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from lakip.models import Instansi
from laporan.lakip.dokumen import susun_dokumen


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
    keluaran = StringIO()
    with django_db_blocker.unblock():
        instansi = Instansi.objects.get(kode="disnakertrans-lutim")
        dok = susun_dokumen(instansi, 2024, 1)
        call_command(
            "laporan",
            "lakip",
            "--tahun",
            "2024",
            "--triwulan",
            "1",
            "--output",
            str(berkas),
            stdout=keluaran,
        )
    pembaca = PdfReader(berkas)
    return PdfSeed(
        dok=dok,
        keluaran=keluaran.getvalue(),
        pembaca=pembaca,
        halaman=[h.extract_text() for h in pembaca.pages],
    )
