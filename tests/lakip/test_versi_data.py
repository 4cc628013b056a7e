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
