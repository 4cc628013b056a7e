from django.contrib import admin

from realisasi.models import RealisasiAnggaran, RealisasiBelanja, RealisasiIndikator


@admin.register(RealisasiIndikator)
class RealisasiIndikatorAdmin(admin.ModelAdmin):
    list_display = [
        "indikator",
        "tahun",
        "triwulan",
        "nilai",
        "pembilang",
        "penyebut",
        "diperbarui_oleh",
        "diperbarui_pada",
    ]
    list_filter = [
        "tahun",
        "triwulan",
        "indikator__tingkat",
        "indikator__sub_kegiatan__unit",
    ]
    search_fields = ["indikator__nama"]
    raw_id_fields = ["indikator"]
    readonly_fields = ["diperbarui_oleh", "diperbarui_pada"]


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(admin.ModelAdmin):
    list_display = ["sub_kegiatan", "triwulan", "jumlah", "diperbarui_pada"]
    list_filter = [
        "triwulan",
        "sub_kegiatan__unit",
        "sub_kegiatan__kegiatan__program__tahun",
    ]
    search_fields = ["sub_kegiatan__nama", "sub_kegiatan__kode"]
    raw_id_fields = ["sub_kegiatan"]
    readonly_fields = ["diperbarui_oleh", "diperbarui_pada"]


@admin.register(RealisasiBelanja)
class RealisasiBelanjaAdmin(admin.ModelAdmin):
    list_display = ["rincian", "triwulan", "jumlah"]
    list_filter = ["triwulan"]
    raw_id_fields = ["rincian"]
