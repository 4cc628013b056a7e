"""Fixtures of the report tests."""

import pytest


@pytest.fixture(autouse=True)
def sandi_cepat(settings):
    """Demo accounts hash six passwords; a fast hasher keeps setup under a second
    (password strength is not what these tests check)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
