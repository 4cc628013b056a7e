"""The LKE structure per evaluation year is edited here by the system
administrator; assessments are only viewed (they change through the screens)."""

from django.contrib import admin, messages

from evaluasi.models import (
    KomponenLke,
    KriteriaLke,
    PenilaianLke,
    PilihanJawaban,
    SkalaJawaban,
    SubKomponenLke,
)
from evaluasi.services import GagalLke, salin_struktur


class PilihanInline(admin.TabularInline):
    model = PilihanJawaban
    extra = 0


@admin.register(SkalaJawaban)
class SkalaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama"]
    inlines = [PilihanInline]


class SubKomponenInline(admin.TabularInline):
    model = SubKomponenLke
    extra = 0
    show_change_link = True


@admin.register(KomponenLke)
class KomponenAdmin(admin.ModelAdmin):
    list_display = ["tahun", "kode", "nama", "bobot"]
    list_filter = ["tahun"]
    inlines = [SubKomponenInline]
    actions = ["salin_ke_tahun_berikutnya"]

    @admin.action(description="Salin struktur LKE tahun itu ke tahun berikutnya")
    def salin_ke_tahun_berikutnya(self, request, queryset):
        for tahun in sorted(set(queryset.values_list("tahun", flat=True))):
            try:
                jumlah = salin_struktur(tahun, tahun + 1)
            except GagalLke as galat:
                self.message_user(request, str(galat), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"Struktur LKE {tahun} disalin ke {tahun + 1} ({jumlah} kriteria).",
                )


class KriteriaInline(admin.TabularInline):
    model = KriteriaLke
    extra = 0


@admin.register(SubKomponenLke)
class SubKomponenAdmin(admin.ModelAdmin):
    list_display = ["komponen", "kode", "nama", "jenis", "bobot", "skala"]
    list_filter = ["komponen__tahun", "jenis"]
    search_fields = ["nama", "kriteria__uraian"]
    inlines = [KriteriaInline]


@admin.register(PenilaianLke)
class PenilaianAdmin(admin.ModelAdmin):
    list_display = ["instansi", "tahun", "status"]
    list_filter = ["tahun", "status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
