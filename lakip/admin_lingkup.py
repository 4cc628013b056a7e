"""Agency scoping for every admin page (issue 12).

Every ``ModelAdmin`` and inline of the project derives from ``AdminInstansi``,
``TabularInstansi`` or ``StackedInstansi`` and names ``jalur_instansi``: the ORM
path(s) from its model to ``Instansi`` (``"@bidang"`` borrows the paths of the
model that foreign key ``bidang`` points to, prefixed). For everyone but the
system administrator (superuser):

- lists, change, delete and history pages read only the user's agency's rows
  (``get_queryset``; another agency's id is "not found");
- every foreign-key and many-to-many choice (selects, autocomplete, raw id) is the
  user's agency's rows only, so nothing can be attached across agencies;
- related list filters offer only values present in the scoped rows;
- a model with no path (or a user without an agency) is not shown at all.
"""

from django.contrib import admin
from django.contrib.admin.filters import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth import get_user_model
from django.db.models import Q

from lakip.akses import instansi_pengguna
from lakip.models import Instansi


def jalur_model(admin_site, model):
    """The ORM paths from ``model`` to ``Instansi`` (any one suffices), from the
    model's registered admin; ``[]`` when the model is not agency data."""
    if model is Instansi:
        return ["pk"]
    if model is get_user_model():
        return ["keanggotaan__instansi"]
    model_admin = admin_site._registry.get(model)
    jalur = getattr(model_admin, "jalur_instansi", None)
    if not jalur:
        return []
    hasil = []
    for j in [jalur] if isinstance(jalur, str) else jalur:
        if j.startswith("@"):
            bidang = model._meta.get_field(j[1:])
            hasil += [
                f"{bidang.name}__{lanjut}"
                for lanjut in jalur_model(admin_site, bidang.related_model)
            ]
        else:
            hasil.append(j)
    return hasil


def lingkup(admin_site, queryset, instansi):
    """``queryset`` narrowed to ``instansi``'s rows; empty without a path or an
    agency."""
    jalur = jalur_model(admin_site, queryset.model)
    if instansi is None or not jalur:
        return queryset.none()
    syarat = Q()
    for j in jalur:
        syarat |= Q(**{j: instansi.pk})
    return queryset.filter(syarat)


class LingkupInstansi:
    """The scoping behaviour shared by model admins and inlines."""

    jalur_instansi = None

    def _tanpa_batas(self, request):
        return request.user.is_superuser

    def _lingkup(self, request, queryset):
        if self._tanpa_batas(request):
            return queryset
        return lingkup(self.admin_site, queryset, instansi_pengguna(request.user))

    def _pilihan(self, db_field, request, kwargs):
        if self._tanpa_batas(request):
            return kwargs
        dasar = kwargs.get("queryset")
        if dasar is None:
            dasar = self.get_field_queryset(None, db_field, request)
        if dasar is None:
            dasar = db_field.remote_field.model._default_manager.all()
        return {**kwargs, "queryset": self._lingkup(request, dasar)}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = self._pilihan(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs = self._pilihan(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class AdminInstansi(LingkupInstansi, admin.ModelAdmin):
    """A ``ModelAdmin`` scoped to the user's agency (see the module docstring)."""

    def get_queryset(self, request):
        return self._lingkup(request, super().get_queryset(request))

    def has_module_permission(self, request):
        if not self._tanpa_batas(request) and (
            instansi_pengguna(request.user) is None
            or not jalur_model(self.admin_site, self.model)
        ):
            return False
        return super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request):
        return self.has_module_permission(request) and super().has_add_permission(
            request
        )

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_delete_permission(
            request, obj
        )

    def get_list_filter(self, request):
        daftar = super().get_list_filter(request)
        if self._tanpa_batas(request):
            return daftar
        hasil = []
        for saringan in daftar:
            if isinstance(saringan, str) and (
                get_fields_from_path(self.model, saringan)[-1].is_relation
            ):
                saringan = (saringan, RelatedOnlyFieldListFilter)
            hasil.append(saringan)
        return hasil


class AdminHanyaLihat(AdminInstansi):
    """A scoped admin that adds, changes and deletes nothing: records written only
    by services that check and record (audit trails, realisations)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TabularInstansi(LingkupInstansi, admin.TabularInline):
    """A tabular inline whose choices are scoped to the user's agency (its rows are
    those of the scoped parent)."""


class StackedInstansi(LingkupInstansi, admin.StackedInline):
    """A stacked inline whose choices are scoped to the user's agency."""
