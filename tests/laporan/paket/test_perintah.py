"""``manage.py laporan paket`` as a user runs it."""

import datetime

import pytest
from django.core.management import CommandError
from django.utils import timezone
from pypdf import PdfReader

from laporan.models import CacheBagianPdf
from laporan.paket import cache
from tests.bantuan import perintah_laporan

from .conftest import penanda

pytestmark = pytest.mark.django_db


def _jalankan(*argumen):
    return perintah_laporan("paket", *argumen)


def test_command_writes_the_chosen_parts(tmp_path):
    berkas = tmp_path / "paket.pdf"
    teks = _jalankan(
        "--bagian", "pernyataan", "--pekerja", "1", "--output", str(berkas)
    )
    pembaca = PdfReader(berkas)
    # A package: the seed's quarter is not Disahkan, so a draft whose first
    # pages are the readiness list of the 15 pages, then the 15 pages.
    daftar = len(pembaca.pages) - 15
    assert daftar >= 1
    assert f"PDF {15 + daftar} halaman, 16 bagian (" in teks and str(berkas) in teks
    assert "DAFTAR KELENGKAPAN DOKUMEN" in pembaca.pages[0].extract_text()
    atas = [j for t, j, _ in penanda(pembaca) if t == 0]
    assert atas[:2] == ["Daftar Kelengkapan Dokumen", "Sekretariat"]
    # Again: everything from the cache.
    assert "0 ditata, 16 dari cache" in _jalankan(
        "--bagian", "pernyataan", "--output", str(berkas)
    )
    # Without the cache: laid out again.
    assert "16 ditata, 0 dari cache" in _jalankan(
        "--bagian",
        "pernyataan",
        "--tanpa-cache",
        "--pekerja",
        "1",
        "--output",
        str(berkas),
    )


def test_list_of_parts():
    baris = _jalankan("--daftar").splitlines()
    # 96 less the three duplicate Kasubag tables + 5 unit reports + the Bidang
    # HI's SP/SB data and register + the Bidang Pengembangan's program report
    assert len(baris) == 93 + 5 + 2 + 1
    assert baris[0] == "lakip\tLAKIP Triwulan I Tahun 2024"
    assert baris[4] == (
        "pernyataan-2\tSekretariat / Pernyataan Telah Dievaluasi — JONI PATABI, S.Sos"
    )


def test_unknown_part(tmp_path):
    with pytest.raises(CommandError, match="Bagian tidak dikenal: surat"):
        _jalankan("--bagian", "surat", "--output", str(tmp_path / "x.pdf"))


def test_prune_the_cache(settings):
    settings.LAKIP_PAKET_CACHE_HARI = 30
    lama = timezone.now() - datetime.timedelta(days=31)
    for kunci, dipakai in [("a" * 64, lama), ("b" * 64, timezone.now())]:
        cache.simpan(kunci, "uji", b"%PDF-", 1)
        CacheBagianPdf.objects.filter(kunci=kunci).update(dipakai=dipakai)
    cache.simpan("b" * 64, "uji", b"%PDF-", 1)  # stored twice: still one entry
    assert "1 bagian cache yang tidak dipakai 30 hari dihapus." in _jalankan(
        "--pangkas-cache"
    )
    assert list(
        CacheBagianPdf.objects.filter(bagian="uji").values_list("kunci", flat=True)
    ) == ["b" * 64]


def test_key_covers_html_and_fonts(monkeypatch):
    satu = cache.sidik("<p>8</p>")
    assert satu == cache.sidik("<p>8</p>") and len(satu) == 64
    assert cache.sidik("<p>11</p>") != satu
    monkeypatch.setattr(cache, "sidik_font", lambda: "lain")
    assert cache.sidik("<p>8</p>") != satu
