from django.contrib import admin

from lakip.logo import FormInstansi
from lakip.models import Instansi, Notifikasi, Pegawai, UnitKerja


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    form = FormInstansi
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


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    """Notifications are written by the workflow (lakip.notifikasi): view only."""

    list_display = ["judul", "penerima", "dibuat_pada", "dibaca_pada"]
    list_filter = ["dibaca_pada"]
    search_fields = ["judul", "penerima__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
