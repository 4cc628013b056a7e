"""lakip.versi_data: one version change per transaction, never a stale read."""

from unittest import mock

import pytest
from django.db import transaction

from lakip import versi_data
from lakip.models import UnitKerja
from lakip.versi_data import tersimpan
from lakip.versi_data import versi_data as versi

pytestmark = pytest.mark.django_db


def _nama_unit(instansi):
    return tersimpan(
        f"uji-nama-unit:{instansi.pk}",
        instansi.pk,
        lambda: sorted(
            UnitKerja.objects.filter(instansi=instansi).values_list("nama", flat=True)
        ),
    )


def test_many_writes_in_one_transaction_change_the_version_once(instansi):
    unit = list(UnitKerja.objects.filter(instansi=instansi)[:4])
    with mock.patch.object(
        versi_data, "ganti_versi", wraps=versi_data.ganti_versi
    ) as ganti:
        with transaction.atomic():
            for u in unit:
                u.nama += " (ubah)"
                u.save()
    # Once at the first write; the commit's own change does not run inside the
    # test's transaction.
    assert ganti.call_count == 1


def test_a_read_between_writes_of_one_transaction_is_not_stale(instansi):
    a, b = UnitKerja.objects.filter(instansi=instansi)[:2]
    with transaction.atomic():
        a.nama = "Unit A baru"
        a.save()
        assert "Unit A baru" in _nama_unit(instansi)
        b.nama = "Unit B baru"
        b.save()
        assert "Unit B baru" in _nama_unit(instansi)


def test_document_layer_includes_the_data_layer(instansi):
    dokumen = versi_data.versi(instansi.pk, versi_data.DOKUMEN)
    versi_data.ganti_versi({instansi.pk}, versi_data.DATA)
    assert versi_data.versi(instansi.pk, versi_data.DOKUMEN) != dokumen
    dokumen = versi_data.versi(instansi.pk, versi_data.DOKUMEN)
    data = versi(instansi.pk)
    versi_data.ganti_versi({instansi.pk}, versi_data.DOKUMEN)
    assert versi_data.versi(instansi.pk, versi_data.DOKUMEN) != dokumen
    assert versi(instansi.pk) == data


def test_each_layer_renews_the_scopes_that_include_it(instansi):
    """A realisation renews the figures (DATA, DOKUMEN) but not what is read
    from the plan alone (RENCANA) or from the plan and the document records
    (DOKUMEN_RENCANA); a plan edit renews every scope; a document record
    renews the scopes holding documents only."""
    from realisasi.models import RealisasiIndikator

    cakupan = [
        versi_data.RENCANA,
        versi_data.DATA,
        versi_data.DOKUMEN,
        versi_data.DOKUMEN_RENCANA,
    ]

    def berubah(tulis):
        sebelum = {c: versi_data.versi(instansi.pk, c) for c in cakupan}
        tulis()
        return {c for c in cakupan if versi_data.versi(instansi.pk, c) != sebelum[c]}

    r = RealisasiIndikator.objects.filter(
        indikator__sub_kegiatan__unit__instansi=instansi
    ).first()
    assert berubah(r.save) == {versi_data.DATA, versi_data.DOKUMEN}
    unit = UnitKerja.objects.filter(instansi=instansi).first()
    assert berubah(unit.save) == set(cakupan)
    assert berubah(
        lambda: versi_data.ganti_versi({instansi.pk}, versi_data.DOKUMEN)
    ) == {versi_data.DOKUMEN, versi_data.DOKUMEN_RENCANA}


def test_one_cache_entry_per_key_whatever_the_number_of_writes(instansi):
    """A new version replaces the stored result instead of adding one: the
    cache does not grow with every save."""
    from django.core.cache import cache

    unit = UnitKerja.objects.filter(instansi=instansi).first()
    for i in range(5):
        unit.nama = f"Unit ke-{i}"
        unit.save()
        assert f"Unit ke-{i}" in _nama_unit(instansi)
    kunci = [k for k in cache._cache if f"uji-nama-unit:{instansi.pk}" in k]
    assert len(kunci) == 1


def test_the_agency_of_a_row_is_read_once_per_owner(
    instansi, django_assert_max_num_queries, django_assert_num_queries
):
    from realisasi.models import RealisasiIndikator

    r = RealisasiIndikator.objects.filter(
        indikator__sub_kegiatan__unit__instansi=instansi
    ).first()
    versi_data._PEMILIK.clear()
    with django_assert_max_num_queries(4):
        assert versi_data.instansi_dari(r) == {instansi.pk}
    with django_assert_num_queries(0):
        assert versi_data.instansi_dari(r) == {instansi.pk}


def test_a_request_reads_each_result_once_and_forgets_it_at_a_write(instansi):
    """Within a request a result is read from the shared cache once; a write
    of the request makes the next read see it; the memory ends with the
    request."""
    unit = UnitKerja.objects.filter(instansi=instansi).first()
    # What request_started and request_finished call (sending them would also
    # close the test's database connection).
    versi_data._mulai_permintaan()
    try:
        awal = _nama_unit(instansi)
        with (
            mock.patch.object(
                versi_data.cache, "get", side_effect=AssertionError("dibaca lagi")
            ),
            mock.patch.object(
                versi_data.cache, "get_many", side_effect=AssertionError("dibaca lagi")
            ),
        ):
            assert _nama_unit(instansi) == awal
        unit.nama = "Unit sesudah tulis"
        unit.save()
        assert "Unit sesudah tulis" in _nama_unit(instansi)
    finally:
        versi_data._akhiri_permintaan()
    assert versi_data._memo() is None


def test_a_result_kept_in_the_process_is_renewed_by_a_write(instansi):
    """``proses=True``: the same object while the version holds, read from
    neither the shared cache nor the database; a new one after a write."""

    def nama():
        return tersimpan(
            f"uji-proses:{instansi.pk}",
            instansi.pk,
            lambda: list(
                UnitKerja.objects.filter(instansi=instansi).values_list(
                    "nama", flat=True
                )
            ),
            versi_data.RENCANA,
            proses=True,
        )

    pertama = nama()
    # Neither unpickled from the shared cache nor computed again.
    with (
        mock.patch.object(
            versi_data.zlib, "decompress", side_effect=AssertionError("dibaca lagi")
        ),
        mock.patch.object(
            UnitKerja.objects, "filter", side_effect=AssertionError("dihitung lagi")
        ),
    ):
        assert nama() is pertama
    unit = UnitKerja.objects.filter(instansi=instansi).first()
    unit.nama = "Unit sesudah tulis"
    unit.save()
    assert "Unit sesudah tulis" in nama()
