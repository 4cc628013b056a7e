from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied

from lakip import delegasi
from lakip.admin_lingkup import AdminHanyaLihat, AdminInstansi
from lakip.akses import instansi_pengguna
from lakip.forms import FormInstansi
from lakip.models import (
    Delegasi,
    Instansi,
    KeanggotaanInstansi,
    Notifikasi,
    Pegawai,
    RiwayatOrganisasi,
    UnitKerja,
)
from lakip.services import (
    BIDANG_ISTIMEWA,
    boleh_kelola_organisasi,
    periksa_jabatan,
    ubah_jabatan,
)


@admin.register(Instansi)
class InstansiAdmin(AdminInstansi):
    jalur_instansi = "pk"
    form = FormInstansi
    list_display = ["nama", "kode", "pemda", "kota", "kode_urusan"]
    search_fields = ["nama", "kode", "pemda"]

    # Agencies are created and removed by the system administrator only.
    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class FormJabatan(forms.ModelForm):
    """Checks the privileged fields (login, superior, unit head) present in the
    form with ``lakip.services.periksa_jabatan``."""

    def clean(self):
        data = super().clean()
        nilai = {b: data[b] for b in BIDANG_ISTIMEWA[self._meta.model] if b in data}
        objek = self.instance
        if data.get("instansi") is not None:
            objek.instansi = data["instansi"]
        if nilai and objek.instansi_id is not None:
            periksa_jabatan(objek, nilai)
        return data


class JabatanIstimewaAdmin(AdminInstansi):
    """Linking a login, naming a superior or a unit head: read-only unless the user
    is an Admin instansi of the record's agency or the system administrator; when
    changed, written through ``lakip.services.ubah_jabatan`` (checked, recorded)."""

    form = FormJabatan

    def _boleh(self, request, obj):
        instansi = obj.instansi if obj else instansi_pengguna(request.user)
        return boleh_kelola_organisasi(request.user, instansi)

    def get_readonly_fields(self, request, obj=None):
        tetap = list(super().get_readonly_fields(request, obj))
        if not self._boleh(request, obj):
            tetap += [b for b in BIDANG_ISTIMEWA[self.model] if b not in tetap]
        return tetap

    def _memegang_jabatan(self, obj):
        """True when deleting ``obj`` would undo a privileged link."""
        if isinstance(obj, Pegawai):
            return bool(
                obj.user_id
                or obj.bawahan.exists()
                or UnitKerja.objects.filter(kepala=obj).exists()
            )
        return bool(obj.kepala_id)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not self._boleh(request, obj):
            if self._memegang_jabatan(obj):
                return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        # The bulk delete would pass over the per-record check above.
        aksi = super().get_actions(request)
        if not self._boleh(request, None):
            aksi.pop("delete_selected", None)
        return aksi

    def save_model(self, request, obj, form, change):
        istimewa = [b for b in BIDANG_ISTIMEWA[self.model] if b in form.changed_data]
        baru = {b: getattr(obj, b) for b in istimewa}
        lama = type(obj).objects.get(pk=obj.pk) if change else None
        for b in istimewa:
            setattr(obj, b, getattr(lama, b) if lama else None)
        super().save_model(request, obj, form, change)
        if baru:
            ubah_jabatan(request.user, obj, **baru)


@admin.register(UnitKerja)
class UnitKerjaAdmin(JabatanIstimewaAdmin):
    jalur_instansi = "instansi"
    list_display = ["nama", "jenis", "induk", "kepala", "instansi"]
    list_filter = ["instansi", "jenis"]
    search_fields = ["nama", "kode"]
    autocomplete_fields = ["induk", "kepala"]


@admin.register(Pegawai)
class PegawaiAdmin(JabatanIstimewaAdmin):
    jalur_instansi = "instansi"
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
    # The login is a plain select of the agency's members (the user admin is the
    # system administrator's).
    autocomplete_fields = ["unit", "atasan"]

    @admin.display(description="NIP", ordering="nip")
    def nip_cetak(self, obj):
        return obj.nip_cetak

    @admin.display(description="nama", ordering="nama")
    def nama_lengkap(self, obj):
        return obj.nama_lengkap


@admin.register(KeanggotaanInstansi)
class KeanggotaanInstansiAdmin(AdminInstansi):
    """Which agency each login belongs to: set by the system administrator."""

    jalur_instansi = "instansi"
    list_display = ["user", "instansi"]
    list_filter = ["instansi"]
    search_fields = ["user__username", "user__first_name"]
    autocomplete_fields = ["user"]


@admin.register(RiwayatOrganisasi)
class RiwayatOrganisasiAdmin(AdminHanyaLihat):
    """The record of privileged changes: read only for everyone."""

    jalur_instansi = "instansi"
    list_display = ["pada", "aksi", "objek", "nilai_lama", "nilai_baru", "oleh"]
    list_filter = ["aksi", "instansi"]
    search_fields = ["objek"]


@admin.register(Notifikasi)
class NotifikasiAdmin(AdminHanyaLihat):
    """Notifications are written by the workflow (lakip.notifikasi): view only,
    the user's agency's recipients only."""

    jalur_instansi = "penerima__keanggotaan__instansi"
    list_display = ["judul", "penerima", "dibuat_pada", "dibaca_pada"]
    list_filter = ["dibaca_pada"]
    search_fields = ["judul", "penerima__username"]


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
class DelegasiAdmin(AdminInstansi):
    """Plh./Plt. records: added by a superuser, the agency's Pimpinan or its
    Admin instansi through ``lakip.delegasi.catat_delegasi``; never changed or
    deleted here."""

    jalur_instansi = "instansi"
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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Active staff only; the base class narrows them to the user's agency.
        if db_field.name in ("pejabat", "pelaksana"):
            kwargs["queryset"] = Pegawai.objects.filter(aktif=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.pengguna = request.user
        return form

    def _boleh_catat(self, request):
        return delegasi.boleh_mencatat_delegasi(request.user)

    def has_add_permission(self, request):
        return self._boleh_catat(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return self._boleh_catat(request) or super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return self._boleh_catat(request) or super().has_module_permission(request)

    def save_model(self, request, obj, form, change):
        baru = delegasi.catat_delegasi(
            request.user, **{f: form.cleaned_data[f] for f in DelegasiForm.Meta.fields}
        )
        obj.pk = baru.pk
        obj.instansi = baru.instansi
        obj.dicatat_pada = baru.dicatat_pada
