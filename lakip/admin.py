from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied

from lakip import delegasi
from lakip.akses import pegawai_pengguna
from lakip.models import Delegasi, Instansi, Pegawai, UnitKerja


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "pemda", "kota", "kode_urusan"]
    search_fields = ["nama", "kode", "pemda"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "induk", "kepala", "instansi"]
    list_filter = ["instansi", "jenis"]
    search_fields = ["nama", "kode"]
    autocomplete_fields = ["induk", "kepala"]


@admin.register(Pegawai)
class PegawaiAdmin(admin.ModelAdmin):
    list_display = [
        "nama_lengkap",
        "nip_cetak",
        "golongan",
        "jabatan",
        "jenis_jabatan",
        "unit",
        "atasan",
        "placeholder",
    ]
    list_filter = [
        "instansi",
        "unit",
        "jenis_jabatan",
        "golongan",
        "pendidikan",
        "placeholder",
        "aktif",
    ]
    search_fields = ["nama", "nip", "jabatan"]
    autocomplete_fields = ["unit", "atasan", "user"]

    @admin.display(description="NIP", ordering="nip")
    def nip_cetak(self, obj):
        return obj.nip_cetak

    @admin.display(description="nama", ordering="nama")
    def nama_lengkap(self, obj):
        return obj.nama_lengkap


class DelegasiForm(forms.ModelForm):
    """The admin's form for a new delegation; its checks are the service's."""

    class Meta:
        model = Delegasi
        fields = [
            "pejabat",
            "pelaksana",
            "jenis",
            "mulai",
            "selesai",
            "nomor_sk",
            "tanggal_sk",
        ]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            delegasi.periksa_delegasi(
                self.pengguna, **{f: data.get(f) for f in self.Meta.fields}
            )
        except PermissionDenied as galat:
            raise forms.ValidationError(str(galat)) from None
        return data


@admin.register(Delegasi)
class DelegasiAdmin(admin.ModelAdmin):
    """Plh./Plt. records: added by a superuser or the agency's Pimpinan through
    ``lakip.delegasi.catat_delegasi``; never changed or deleted here."""

    form = DelegasiForm
    list_display = [
        "jenis",
        "pejabat",
        "pelaksana",
        "mulai",
        "selesai",
        "nomor_sk",
        "tanggal_sk",
        "dicatat_oleh",
        "dicatat_pada",
    ]
    list_filter = ["jenis"]
    search_fields = ["pejabat__nama", "pelaksana__nama", "nomor_sk"]

    def _instansi(self, request):
        pegawai = pegawai_pengguna(request.user)
        return pegawai.instansi if pegawai else None

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("pejabat", "pelaksana")
        if request.user.is_superuser:
            return qs
        return qs.filter(instansi=self._instansi(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("pejabat", "pelaksana"):
            qs = Pegawai.objects.filter(aktif=True)
            if not request.user.is_superuser:
                qs = qs.filter(instansi=self._instansi(request))
            kwargs["queryset"] = qs
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.pengguna = request.user
        return form

    def has_add_permission(self, request):
        return delegasi.boleh_mencatat_delegasi(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return delegasi.boleh_mencatat_delegasi(
            request.user
        ) or super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def save_model(self, request, obj, form, change):
        baru = delegasi.catat_delegasi(
            request.user, **{f: form.cleaned_data[f] for f in DelegasiForm.Meta.fields}
        )
        obj.pk = baru.pk
        obj.instansi = baru.instansi
        obj.dicatat_pada = baru.dicatat_pada
