"""The role groups of the application and how a user's role is read."""

from django.db import models


class Peran(models.TextChoices):
    """Role groups. The value is the name of the Django auth group."""

    OPERATOR_UNIT = "Operator unit", "Operator unit"
    KEPALA_UNIT = "Kepala unit", "Kepala unit"
    PERENCANAAN = "Perencanaan", "Perencanaan (Kasubag Perencanaan)"
    PIMPINAN = "Pimpinan", "Pimpinan (Kepala Dinas)"
    PEMERIKSA = "Pemeriksa", "Pemeriksa (hanya baca)"
    # Manages the agency's logins: links them to staff records, names unit heads
    # and superiors, issues one-time password reset links (lakip.services).
    ADMIN_INSTANSI = "Admin instansi", "Admin instansi"


def peran_pengguna(user):
    """Return the set of ``Peran`` the user holds (empty for anonymous users)."""
    if not user.is_authenticated:
        return set()
    nama_grup = set(user.groups.values_list("name", flat=True))
    return {p for p in Peran if p.value in nama_grup}
