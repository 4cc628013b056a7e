from django.contrib import admin

from lakip.admin_lingkup import AdminHanyaLihat, AdminInstansi, TabularInstansi
from realisasi.models import (
    EntriTriwulan,
    JejakAudit,
    PeriodeEntri,
    PerkaraPerselisihan,
    RealisasiAnggaran,
    RealisasiBelanja,
    RealisasiIndikator,
    RiwayatStatus,
    SerikatPekerja,
)


class HanyaLihat(AdminHanyaLihat):
    """Realisations change only through the entry pages and imports
    (``realisasi.services``), which check locks and write the audit trail."""


@admin.register(RealisasiIndikator)
class RealisasiIndikatorAdmin(HanyaLihat):
    jalur_instansi = "@indikator"
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
class RealisasiAnggaranAdmin(HanyaLihat):
    jalur_instansi = "@sub_kegiatan"
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
class RealisasiBelanjaAdmin(HanyaLihat):
    jalur_instansi = "@rincian"
    list_display = ["rincian", "triwulan", "jumlah"]
    list_filter = ["triwulan"]
    raw_id_fields = ["rincian"]


class RiwayatInline(TabularInstansi):
    model = RiwayatStatus
    extra = 0
    can_delete = False
    readonly_fields = ["aksi", "dari", "ke", "catatan", "oleh", "pada"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(EntriTriwulan)
class EntriTriwulanAdmin(HanyaLihat):
    jalur_instansi = "@unit"
    list_display = ["unit", "tahun", "triwulan", "status", "diubah_oleh", "diubah_pada"]
    list_filter = ["tahun", "triwulan", "status", "unit"]
    readonly_fields = ["status", "versi", "diubah_oleh", "diubah_pada"]
    inlines = [RiwayatInline]


@admin.register(PeriodeEntri)
class PeriodeEntriAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = ["instansi", "tahun", "triwulan", "dibuka", "diubah_oleh"]
    list_filter = ["instansi", "tahun", "dibuka"]
    readonly_fields = ["diubah_oleh", "diubah_pada"]


@admin.register(RiwayatStatus)
class RiwayatStatusAdmin(HanyaLihat):
    jalur_instansi = "@entri"
    list_display = ["entri", "aksi", "dari", "ke", "oleh", "pada"]
    list_filter = ["aksi"]


@admin.register(JejakAudit)
class JejakAuditAdmin(HanyaLihat):
    jalur_instansi = ["@sub_kegiatan", "@indikator", "@rincian"]
    list_display = [
        "pada",
        "objek",
        "sub_kegiatan",
        "kolom",
        "nilai_lama",
        "nilai_baru",
        "oleh",
    ]
    list_filter = ["objek", "tahun", "triwulan", "sumber"]
    search_fields = ["sub_kegiatan__nama", "indikator__nama"]


@admin.register(PerkaraPerselisihan)
class PerkaraPerselisihanAdmin(HanyaLihat):
    """The register changes only through its screen
    (``realisasi.hubungan_industrial.simpan_perkara``)."""

    jalur_instansi = "instansi"
    list_display = [
        "tanggal_pencatatan",
        "pendaftar",
        "pihak_pengusaha",
        "jenis",
        "tahap",
        "status",
        "unit",
        "diubah_oleh",
        "diubah_pada",
    ]
    list_filter = ["jenis", "tahap", "status", "unit"]
    search_fields = ["pendaftar", "pihak_pekerja", "pihak_pengusaha", "permasalahan"]
    date_hierarchy = "tanggal_pencatatan"


@admin.register(SerikatPekerja)
class SerikatPekerjaAdmin(HanyaLihat):
    """Trade-union data changes only through its screen
    (``realisasi.hubungan_industrial.simpan_serikat``)."""

    jalur_instansi = "instansi"
    list_display = [
        "nama",
        "perusahaan",
        "jumlah_anggota",
        "tahun",
        "triwulan",
        "unit",
        "diubah_oleh",
        "diubah_pada",
    ]
    list_filter = ["tahun", "triwulan", "unit"]
    search_fields = ["nama", "perusahaan", "afiliasi"]
