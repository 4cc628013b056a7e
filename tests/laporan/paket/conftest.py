"""The seed's complete package (TW I 2024) built once per test session, the way
the background job builds it (parallel layout, parts stored in the cache), with
the PDF read back by pypdf."""

from dataclasses import dataclass
from io import BytesIO

import pytest
from pypdf import PdfReader

from lakip.models import Instansi
from laporan.models import CacheBagianPdf
from laporan.paket.rakit import rakit_paket


def penanda(pembaca, butir=None, tingkat=0):
    """The outline as ``[(level, title, 0-based page)]``, depth first."""
    hasil = []
    for b in pembaca.outline if butir is None else butir:
        if isinstance(b, list):
            hasil.extend(penanda(pembaca, b, tingkat + 1))
        else:
            hasil.append((tingkat, b.title, pembaca.get_destination_page_number(b)))
    return hasil


def teks_halaman(pembaca, nomor):
    return " ".join(pembaca.pages[nomor].extract_text().split())


@dataclass
class PaketSeed:
    hasil: object  # HasilPaket
    pembaca: PdfReader

    def bagian(self, kunci):
        return next(b for b in self.hasil.bagian if b.kunci == kunci)


@pytest.fixture(scope="session")
def paket_seed(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        CacheBagianPdf.objects.all().delete()
        hasil = rakit_paket(Instansi.objects.get(kode="disnakertrans-lutim"), 2024, 1)
    return PaketSeed(hasil=hasil, pembaca=PdfReader(BytesIO(hasil.isi)))


def kunci_sub(kode):
    """The key of the 2024 sub kegiatan ``kode``'s report."""
    from renstra.models import SubKegiatan

    sub = SubKegiatan.objects.get(kode=kode, kegiatan__program__tahun=2024)
    return f"subkegiatan-{sub.pk}"


def kunci_kosong():
    """The keys of the 2024 sub kegiatan reports and unit reports without
    prose (sorted): left out of a package."""
    from lakip.models import UnitKerja
    from laporan.models import LaporanUnit, UraianSubKegiatan
    from renstra.models import SubKegiatan

    ada = UraianSubKegiatan.objects.values_list("sub_kegiatan_id", flat=True)
    sub = SubKegiatan.objects.filter(kegiatan__program__tahun=2024).exclude(pk__in=ada)
    # and the units' own reports without prose (laporan.dokumen.laporan_unit)
    ditulis = LaporanUnit.objects.values_list("unit_id", flat=True)
    unit = UnitKerja.objects.filter(induk__isnull=True).exclude(pk__in=ditulis)
    return sorted(
        [f"subkegiatan-{s.pk}" for s in sub] + [f"laporan-unit-{u.pk}" for u in unit]
    )
