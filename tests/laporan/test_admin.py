"""The report models in the admin (list and change pages)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from laporan.models import (
    BerkasLaporan,
    DataDukung,
    DokumenTerbit,
    Laporan,
    LaporanUnit,
    RekomendasiEvaluasi,
    UndanganRapat,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [
        Laporan,
        DataDukung,
        BerkasLaporan,
        DokumenTerbit,
        UndanganRapat,
        RekomendasiEvaluasi,
        LaporanUnit,
    ],
)
def test_admin_pages(client, instansi, model):
    user = get_user_model().objects.create_superuser("root", "r@example.com", "x")
    client.force_login(user)
    awalan = f"admin:laporan_{model._meta.model_name}"
    assert client.get(reverse(f"{awalan}_changelist")).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        assert client.get(reverse(f"{awalan}_change", args=[obj.pk])).status_code == 200
