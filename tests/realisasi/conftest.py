import pytest
from django.contrib.auth import get_user_model

from lakip.models import UnitKerja
from lakip.services import buat_akun_demo
from realisasi.services import atur_periode_entri


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    return {u.username: u for u in get_user_model().objects.all()}


@pytest.fixture
def hi(instansi):
    return UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")


@pytest.fixture
def pk(instansi):
    return UnitKerja.objects.get(instansi=instansi, kode="bidang-pk")


@pytest.fixture
def tw1_dibuka(instansi, akun):
    return atur_periode_entri(akun["perencanaan"], instansi, 2024, 1, True)
