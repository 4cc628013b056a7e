"""The dashboard's reads of which quarters and years have data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from laporan.dasbor import selectors as sel
from laporan.sintetis import buat_instansi
from realisasi.models import RealisasiIndikator
from renstra.models import Indikator


def _indikator_sub_kegiatan(instansi):
    return Indikator.objects.filter(
        sub_kegiatan__kegiatan__program__periode__instansi=instansi
    ).order_by("pk")


def test_latest_quarter_counts_only_the_agencys_own_indicators(instansi):
    assert sel.periode_terbaru(instansi) == (2024, 1)
    lain = buat_instansi(1)
    RealisasiIndikator.objects.create(
        indikator=_indikator_sub_kegiatan(lain)[0], tahun=2025, triwulan=4, nilai=1
    )
    assert sel.periode_terbaru(lain) == (2025, 4)
    assert sel.periode_terbaru(instansi) == (2024, 1)
    assert 2025 not in sel.tahun_tersedia(instansi)

    RealisasiIndikator.objects.create(
        indikator=_indikator_sub_kegiatan(instansi)[0], tahun=2024, triwulan=2, nilai=1
    )
    assert sel.periode_terbaru(instansi) == (2024, 2)


def test_a_saved_realisation_reads_the_realisations_not_the_plan(instansi):
    sel.periode_terbaru(instansi)
    RealisasiIndikator.objects.create(
        indikator=_indikator_sub_kegiatan(instansi)[0], tahun=2024, triwulan=2, nilai=1
    )
    with CaptureQueriesContext(connection) as kueri:
        assert sel.periode_terbaru(instansi) == (2024, 2)
    dibaca = " ".join(q["sql"] for q in kueri.captured_queries)
    assert "realisasi_realisasiindikator" in dibaca
    assert "renstra_indikator" not in dibaca  # the plan's ids are kept


def test_an_indicator_added_to_the_plan_counts_at_once(instansi):
    sel.periode_terbaru(instansi)
    baru = _indikator_sub_kegiatan(instansi)[0]
    baru.pk = None
    baru.nama = "Indikator baru"
    baru.save()
    RealisasiIndikator.objects.create(indikator=baru, tahun=2024, triwulan=4, nilai=1)
    assert sel.periode_terbaru(instansi) == (2024, 4)
