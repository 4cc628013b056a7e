from django.contrib import admin

from lakip.admin_lingkup import AdminInstansi, StackedInstansi, TabularInstansi
from laporan.models import (
    BerkasLaporan,
    ButirRekomendasi,
    CacheBagianPdf,
    DataDukung,
    DokumenTerbit,
    JadwalRapat,
    Laporan,
    LaporanUnit,
    RekomendasiEvaluasi,
    TeksLaporan,
    UndanganRapat,
)


class TeksLaporanInline(StackedInstansi):
    model = TeksLaporan
    extra = 0
    fields = ["bagian", "kode", "teks", "diubah_oleh", "diubah_pada"]
    readonly_fields = ["diubah_oleh", "diubah_pada"]


@admin.register(Laporan)
class LaporanAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = ["__str__", "tahun", "triwulan", "tanggal", "diubah_pada"]
    list_filter = ["instansi", "tahun", "triwulan"]
    readonly_fields = ["dibuat_oleh", "dibuat_pada", "diubah_oleh", "diubah_pada"]
    inlines = [TeksLaporanInline]


@admin.register(DataDukung)
class DataDukungAdmin(AdminInstansi):
    jalur_instansi = "@laporan"
    list_display = ["judul", "laporan", "sasaran", "indikator", "urutan"]
    list_filter = ["laporan"]
    search_fields = ["judul"]
    raw_id_fields = ["sasaran", "indikator"]


@admin.register(BerkasLaporan)
class BerkasLaporanAdmin(AdminInstansi):
    jalur_instansi = "@laporan"
    list_display = [
        "laporan",
        "jenis",
        "status",
        "diminta_oleh",
        "diminta_pada",
        "selesai_pada",
    ]
    list_filter = ["jenis", "status"]
    exclude = ["isi"]
    readonly_fields = [
        "laporan",
        "jenis",
        "bagian",
        "status",
        "tahap",
        "persen",
        "id_tugas",
        "nama_berkas",
        "ukuran",
        "jumlah_halaman",
        "pesan",
        "diminta_oleh",
        "diminta_pada",
        "selesai_pada",
    ]


@admin.register(CacheBagianPdf)
class CacheBagianPdfAdmin(AdminInstansi):
    """Read-only view of the part cache; deleting entries is harmless (they are
    laid out again when next needed)."""

    list_display = ["bagian", "jumlah_halaman", "ukuran", "dibuat", "dipakai"]
    search_fields = ["bagian", "kunci"]
    exclude = ["isi"]
    readonly_fields = [
        "kunci",
        "bagian",
        "jumlah_halaman",
        "ukuran",
        "dibuat",
        "dipakai",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DokumenTerbit)
class DokumenTerbitAdmin(AdminInstansi):
    """Read-only: a signed document is changed by nobody (it is the record the
    public verification page answers from)."""

    jalur_instansi = "instansi"
    list_display = ["subjek_nama", "jenis", "tahun", "triwulan", "penanda_nama"]
    list_filter = ["jenis", "tahun", "triwulan"]
    search_fields = ["kode", "subjek_nama", "penanda_nama"]
    exclude = ["isi"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class JadwalRapatInline(TabularInstansi):
    model = JadwalRapat
    extra = 0


@admin.register(UndanganRapat)
class UndanganRapatAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = ["__str__", "instansi", "nomor", "tanggal", "diubah_pada"]
    list_filter = ["instansi", "tahun", "triwulan"]
    readonly_fields = ["diubah_oleh", "diubah_pada"]
    inlines = [JadwalRapatInline]


class ButirRekomendasiInline(TabularInstansi):
    model = ButirRekomendasi
    extra = 0
    raw_id_fields = ["pegawai"]


@admin.register(RekomendasiEvaluasi)
class RekomendasiEvaluasiAdmin(AdminInstansi):
    jalur_instansi = "@unit"
    list_display = ["__str__", "unit", "tahun", "triwulan", "diubah_pada"]
    list_filter = ["tahun", "triwulan", "unit"]
    readonly_fields = ["diubah_oleh", "diubah_pada"]
    inlines = [ButirRekomendasiInline]


@admin.register(LaporanUnit)
class LaporanUnitAdmin(AdminInstansi):
    jalur_instansi = "@unit"
    list_display = ["__str__", "unit", "tahun", "triwulan", "diubah_pada"]
    list_filter = ["tahun", "triwulan", "unit"]
    readonly_fields = ["diubah_oleh", "diubah_pada"]
