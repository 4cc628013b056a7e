"""The part cache of laid-out PDFs (``laporan.paket.cache``)."""

import datetime

from lakip import versi_data
from lakip.versi_data import DOKUMEN
from laporan.models import CacheBagianPdf, UndanganRapat
from laporan.paket import cache
from laporan.sintetis import buat_instansi


def test_storing_and_pruning_parts_renews_no_agencys_documents(instansi):
    lain = buat_instansi(1)
    sebelum = {i.pk: versi_data.versi(i.pk, DOKUMEN) for i in (instansi, lain)}
    kunci = ["a" * 64, "b" * 64]
    for k in kunci:
        cache.simpan(k, "lakip", b"%PDF-1.7", 1)
    assert set(cache.ambil(kunci)) == set(kunci)
    CacheBagianPdf.objects.filter(kunci__in=kunci).update(
        dipakai=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    )
    assert cache.pangkas() >= 2
    assert not CacheBagianPdf.objects.filter(kunci__in=kunci).exists()
    assert {i.pk: versi_data.versi(i.pk, DOKUMEN) for i in (instansi, lain)} == sebelum


def test_a_document_record_still_renews_its_agencys_documents(instansi):
    sebelum = versi_data.versi(instansi.pk, DOKUMEN)
    UndanganRapat.objects.filter(instansi=instansi).first().save()
    assert versi_data.versi(instansi.pk, DOKUMEN) != sebelum
