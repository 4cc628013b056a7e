"""Shared fixtures: the seed (LAKIP TW I 2024) is loaded once into the test
database; each test runs in a transaction that is rolled back."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from lakip.models import Instansi, UnitKerja
from laporan.data import bangun_data_laporan
from renstra.models import PeriodeRenstra

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed_2024.json"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("loaddata", str(SEED), verbosity=0)


@pytest.fixture(autouse=True)
def _cache_kosong():
    """Every test starts with an empty cache: rows a rolled-back test wrote may
    come back with the same ids, so no cached figure may outlive its test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def instansi(db):
    return Instansi.objects.get(kode="disnakertrans-lutim")


@pytest.fixture
def data_tw1(instansi):
    return bangun_data_laporan(instansi, 2024, 1)


@pytest.fixture
def pengguna(db):
    return get_user_model().objects.create_user("uji.perencanaan")


@pytest.fixture
def instansi_kosong(db):
    """An agency with its organisation and Renstra period but no plan yet."""
    instansi = Instansi.objects.create(
        kode="dinas-uji", nama="Dinas Uji", pemda="Pemda Uji", kode_urusan="2.07"
    )
    UnitKerja.objects.create(
        instansi=instansi, kode="sekretariat", nama="Sekretariat", jenis="sekretariat"
    )
    PeriodeRenstra.objects.create(
        instansi=instansi, nama="Renstra 2021-2026", tahun_awal=2021, tahun_akhir=2026
    )
    return instansi


@pytest.fixture(autouse=True)
def sandi_cepat(settings):
    """Demo accounts hash passwords in many tests: a fast hasher keeps setup
    quick (password strength is not what these tests check)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
