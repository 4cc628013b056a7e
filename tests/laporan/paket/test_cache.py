"""The part cache of laid-out PDFs (``laporan.paket.cache``)."""

from lakip import versi_data
from lakip.versi_data import DOKUMEN
from laporan.models import CacheBagianPdf, UndanganRapat
from laporan.paket import cache
from laporan.sintetis import buat_instansi


def test_storing_and_pruning_parts_renews_no_agencys_documents(instansi):
    lain = buat_instansi(1)
    sebelum = {i.pk: versi_data.versi(i.pk, DOKUMEN) for i in (instansi, lain)}
    cache.simpan("a" * 64, "lakip", b"%PDF-1.7", 1)
    cache.simpan("b" * 64, "lakip", b"%PDF-1.7", 2)
    assert set(cache.ambil(["a" * 64, "b" * 64])) == {"a" * 64, "b" * 64}
    assert cache.pangkas(hari=-1) == 2
    assert not CacheBagianPdf.objects.exists()
    assert {i.pk: versi_data.versi(i.pk, DOKUMEN) for i in (instansi, lain)} == sebelum


def test_a_document_record_still_renews_its_agencys_documents(instansi):
    sebelum = versi_data.versi(instansi.pk, DOKUMEN)
    UndanganRapat.objects.filter(instansi=instansi).first().save()
    assert versi_data.versi(instansi.pk, DOKUMEN) != sebelum
