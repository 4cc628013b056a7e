import pytest


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    """Demo accounts are created in many tests here: hash their passwords fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
