"""Demo accounts of the seed agency (``siapkan_demo``): kadis, perencanaan,
sekretaris (head of the Sekretariat), kabid.hi, operator.hi, pemeriksa."""

import pytest
from django.contrib.auth import get_user_model

from lakip.services import buat_akun_demo


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    return {u.username: u for u in get_user_model().objects.all()}
