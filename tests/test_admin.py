"""Every model has a working admin: list, add and change pages."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from lakip.services import buat_akun_demo

APPS = {"lakip", "renstra", "realisasi"}
# Changed only through realisasi.services (locks, audit): view-only in the admin.
HANYA_LIHAT = {
    "realisasi.RealisasiIndikator",
    "realisasi.RealisasiAnggaran",
    "realisasi.RealisasiBelanja",
    "realisasi.EntriTriwulan",
    "realisasi.RiwayatStatus",
    "realisasi.JejakAudit",
    # written by realisasi.hubungan_industrial (rights, bounds, lock, who/when)
    "realisasi.PerkaraPerselisihan",
    "realisasi.SerikatPekerja",
    "lakip.RiwayatOrganisasi",
    "lakip.Notifikasi",  # written by the workflow (lakip.notifikasi)
}


@pytest.fixture
def admin_client_seed(client, instansi):
    user = get_user_model().objects.create_superuser("root", "r@example.com", "x")
    client.force_login(user)
    return client


def _model_kita():
    return [m for m in admin.site._registry if m._meta.app_label in APPS]


def test_every_model_is_registered():
    from django.apps import apps

    semua = {m for a in APPS for m in apps.get_app_config(a).get_models()}
    assert semua == set(_model_kita())


@pytest.mark.parametrize("model", _model_kita(), ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages(admin_client_seed, model):
    awalan = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    respons = admin_client_seed.get(reverse(f"{awalan}_changelist"))
    assert respons.status_code == 200
    hanya_lihat = model._meta.label in HANYA_LIHAT
    tambah = admin_client_seed.get(reverse(f"{awalan}_add")).status_code
    assert tambah == (403 if hanya_lihat else 200)
    obj = model.objects.first()
    if obj is not None:
        url = reverse(f"{awalan}_change", args=[obj.pk])
        halaman = admin_client_seed.get(url)
        assert halaman.status_code == 200
        assert ('name="_save"' in halaman.content.decode()) is not hanya_lihat


def test_search_and_filters(admin_client_seed):
    url = reverse("admin:renstra_subkegiatan_changelist")
    respons = admin_client_seed.get(url, {"q": "Surat Menyurat"})
    assert b"2.07.01.2.08.0001" in respons.content
    respons = admin_client_seed.get(
        reverse("admin:lakip_pegawai_changelist"), {"q": "198105111999121001"}
    )
    assert "19810511 199912 1 001" in respons.content.decode()


def test_perencanaan_uses_the_admin_operator_does_not(client, instansi):
    buat_akun_demo(instansi)
    User = get_user_model()
    client.force_login(User.objects.get(username="perencanaan"))
    url = reverse("admin:renstra_indikator_changelist")
    assert client.get(url).status_code == 200
    client.force_login(User.objects.get(username="operator.hi"))
    assert client.get(url).status_code == 302  # to the admin login
