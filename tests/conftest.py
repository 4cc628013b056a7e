"""Shared fixtures: the seed (LAKIP TW I 2024) is loaded once into the test
database; each test runs in a transaction that is rolled back."""

from pathlib import Path

import pytest
from django.core.management import call_command

from lakip.models import Instansi
from laporan.data import bangun_data_laporan

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed_2024.json"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("loaddata", str(SEED), verbosity=0)


@pytest.fixture
def instansi(db):
    return Instansi.objects.get(kode="disnakertrans-lutim")


@pytest.fixture
def data_tw1(instansi):
    return bangun_data_laporan(instansi, 2024, 1)
