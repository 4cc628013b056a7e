"""Fixtures of the report pages' tests."""

import pytest

from lakip.services import PASSWORD_DEMO, buat_akun_demo


@pytest.fixture
def masuk(client, instansi):
    """``masuk(username)``: the test client signed in as that demo account."""
    buat_akun_demo(instansi)

    def sebagai(username):
        client.logout()
        assert client.login(username=username, password=PASSWORD_DEMO)
        return client

    return sebagai
