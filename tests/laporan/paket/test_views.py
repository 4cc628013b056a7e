"""The package screen driven as Perencanaan would: choose parts, start the
background job, follow it to 100 % and download the PDF."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from laporan.models import BerkasLaporan
from tests.bantuan import teks_elemen

from .conftest import penanda

pytestmark = pytest.mark.django_db

SEGERA = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
URL = reverse("laporan:lakip_paket", args=[2024, 1])


@pytest.fixture(autouse=True)
def segera(settings):
    """Jobs run at once, inside the request."""
    settings.TASKS = SEGERA


def _kotak(halaman):
    """``{value: checked}`` of the page's part checkboxes."""
    return {
        m.group(1): "checked" in m.group(0)
        for m in re.finditer(r'<input[^>]*name="bagian" value="([^"]+)"[^>]*>', halaman)
    }


def test_lakip_page_links_to_the_package(masuk):
    halaman = masuk("perencanaan").get(reverse("laporan:lakip", args=[2024, 1]))
    assert f'href="{URL}"' in halaman.content.decode()


def test_every_part_is_offered_and_ticked(masuk):
    halaman = masuk("perencanaan").get(URL).content.decode()
    peringatan = teks_elemen(halaman, "peringatan-draf")
    assert "PDF yang dibuat sekarang adalah DRAF" in peringatan
    assert "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja (8 unit)" in (
        peringatan
    )
    assert "Paket final (tanpa tanda air) memerlukan semua unit Disahkan" in (
        peringatan
    )
    kotak = _kotak(halaman)
    assert len(kotak) == 93 + 5 + 2 + 1 and all(kotak.values())
    assert list(kotak)[:3] == ["lakip", "undangan", "daftarhadir"]
    assert "Pernyataan Telah Dievaluasi — JONI PATABI, S.Sos" in halaman
    assert '<legend class="h6">Sekretariat</legend>' in halaman
    assert 'data-pilih="pernyataan"' in halaman  # quick selection buttons


def test_perencanaan_builds_a_selection_and_downloads_it(masuk):
    c = masuk("perencanaan")
    respons = c.post(URL, {"bagian": ["pernyataan-2", "evaluasi-unit-1"]})
    berkas = BerkasLaporan.objects.get()
    assert respons.url == reverse("laporan:berkas", args=[berkas.pk])
    assert berkas.jenis == "paket"
    assert berkas.bagian == ["evaluasi-unit-1", "pernyataan-2"]
    status = c.get(reverse("laporan:berkas_status", args=[berkas.pk])).json()
    assert status["status"] == "selesai", status["pesan"]
    assert status["persen"] == 100
    halaman = c.get(respons.url).content.decode()
    assert "Paket LAKIP dan lampiran" in halaman and "2 bagian terpilih" in halaman
    unduh = c.get(status["unduh"])
    assert unduh["Content-Type"] == "application/pdf"
    assert (
        'filename="DRAF-PAKET-LAKIP-2024-TW1-disnakertrans-lutim-pilihan.pdf"'
        in (unduh["Content-Disposition"])
    )
    pembaca = PdfReader(BytesIO(unduh.content))
    assert all("DRAF" in h.extract_text() for h in pembaca.pages)
    assert [j for t, j, _ in penanda(pembaca) if t == 1] == [
        "Pernyataan Telah Dievaluasi — JONI PATABI, S.Sos",
        "Evaluasi Kinerja Sekretariat",
    ]
    assert status["jumlah_halaman"] == len(pembaca.pages)
    # The job is listed on the package page.
    assert "(2 bagian terpilih)" in c.get(URL).content.decode()


def test_the_complete_package_through_the_screen(masuk, paket_seed):
    c = masuk("perencanaan")
    kotak = _kotak(c.get(URL).content.decode())
    c.post(URL, {"bagian": list(kotak)})
    berkas = BerkasLaporan.objects.get()
    assert berkas.bagian == []  # everything chosen: the complete package
    berkas.refresh_from_db()
    assert berkas.status == "selesai" and berkas.persen == 100
    assert berkas.nama_berkas == "DRAF-PAKET-LAKIP-2024-TW1-disnakertrans-lutim.pdf"
    assert berkas.jumlah_halaman == paket_seed.hasil.jumlah_halaman
    assert berkas.tahap.startswith("Selesai")


def test_nothing_chosen_is_refused(masuk):
    c = masuk("perencanaan")
    halaman = c.post(URL, {}, follow=True).content.decode()
    assert "Pilih paling sedikit satu bagian." in halaman
    assert not BerkasLaporan.objects.exists()


def test_an_unknown_part_is_refused(masuk):
    halaman = masuk("perencanaan").post(URL, {"bagian": ["lakip", "undangan-x"]})
    assert "Bagian tidak dikenal: undangan-x" in halaman.content.decode()
    assert not BerkasLaporan.objects.exists()


@pytest.mark.parametrize("username", ["kadis", "pemeriksa", "operator.hi"])
def test_only_perencanaan_builds_packages(masuk, username):
    c = masuk(username)
    assert c.get(URL).status_code == 403
    assert c.post(URL, {"bagian": ["lakip"]}).status_code == 403
    assert not BerkasLaporan.objects.exists()
