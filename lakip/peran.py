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
    EVALUATOR = "Evaluator", "Evaluator (Inspektorat)"


_ATRIBUT = "_lakip_peran"


def peran_pengguna(user):
    """Return the set of ``Peran`` the user holds (empty for anonymous users)."""
    if not user.is_authenticated:
        return set()
    # Asked many times per request (menus, rights, tasks): read once per user
    # object; a change of the user's groups forgets it (``lupakan_peran``).
    ada = getattr(user, _ATRIBUT, None)
    if ada is None:
        nama_grup = set(user.groups.values_list("name", flat=True))
        ada = frozenset(p for p in Peran if p.value in nama_grup)
        setattr(user, _ATRIBUT, ada)
    return set(ada)


def lupakan_peran(sender, instance, action, reverse=False, **kwargs):
    """``m2m_changed`` of the users' groups: the user object forgets the roles
    it read (a group's member list changed: each member is reloaded anyway)."""
    if action.startswith("post_") and not reverse:
        instance.__dict__.pop(_ATRIBUT, None)
