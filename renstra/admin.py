from django import forms
from django.contrib import admin

from lakip.admin_lingkup import AdminInstansi, StackedInstansi, TabularInstansi
from renstra import penjaga
from renstra.models import (
    AnggaranSubKegiatan,
    ImporSIPD,
    Indikator,
    Kegiatan,
    Misi,
    PeriodeRenstra,
    PerjanjianKinerja,
    Program,
    RincianBelanja,
    RiwayatRencana,
    SalinanRencana,
    Sasaran,
    SubKegiatan,
    TargetIndikator,
    Tujuan,
)


class FormTerjaga(forms.ModelForm):
    """An admin form of the plan under the rule of the plan services: a save
    that would change the figures of an approved (Disahkan) quarter is refused
    with the reason (``renstra.penjaga``), until that quarter is unlocked."""

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        dampak = penjaga.dampak_simpan(self.instance, self.changed_data)
        alasan = penjaga.tolakan(dampak)
        if alasan:
            self.add_error(None, alasan)


class MisiInline(TabularInstansi):
    model = Misi
    extra = 0


class TujuanInline(TabularInstansi):
    model = Tujuan
    extra = 0
    fields = ["kode", "nama", "misi", "urutan"]


@admin.register(PeriodeRenstra)
class PeriodeRenstraAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = ["nama", "instansi", "tahun_awal", "tahun_akhir"]
    list_filter = ["instansi"]
    inlines = [MisiInline, TujuanInline]


class SasaranInline(TabularInstansi):
    model = Sasaran
    extra = 0


@admin.register(Tujuan)
class TujuanAdmin(AdminInstansi):
    jalur_instansi = "@periode"
    list_display = ["kode", "nama", "misi", "periode"]
    list_filter = ["periode"]
    search_fields = ["nama"]
    inlines = [SasaranInline]


class TargetInline(TabularInstansi):
    form = FormTerjaga
    model = TargetIndikator
    extra = 0


class IndikatorInline(StackedInstansi):
    form = FormTerjaga
    model = Indikator
    extra = 0
    fields = ["nama", "satuan", "polaritas", "jenis", "pemilik", "target_renstra"]
    autocomplete_fields = ["pemilik"]
    show_change_link = True


@admin.register(Sasaran)
class SasaranAdmin(AdminInstansi):
    jalur_instansi = "@tujuan"
    list_display = ["kode", "nama", "tujuan"]
    list_filter = ["tujuan__periode"]
    search_fields = ["nama"]
    inlines = [IndikatorInline]


@admin.register(Program)
class ProgramAdmin(AdminInstansi):
    form = FormTerjaga
    jalur_instansi = "@periode"
    list_display = ["kode", "nama", "tahun", "sasaran"]
    list_filter = ["tahun", "periode__instansi", "sasaran"]
    search_fields = ["kode", "nama"]
    inlines = [IndikatorInline]


@admin.register(Kegiatan)
class KegiatanAdmin(AdminInstansi):
    form = FormTerjaga
    jalur_instansi = "@program"
    list_display = ["kode", "nama", "program", "pptk"]
    list_filter = ["program__tahun", "program"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["pptk"]
    inlines = [IndikatorInline]


class AnggaranInline(TabularInstansi):
    form = FormTerjaga
    model = AnggaranSubKegiatan
    extra = 0
    show_change_link = True


@admin.register(SubKegiatan)
class SubKegiatanAdmin(AdminInstansi):
    form = FormTerjaga
    jalur_instansi = "@kegiatan"
    list_display = ["kode", "nama", "kegiatan", "unit", "pptk", "pelaksana"]
    list_filter = ["kegiatan__program__tahun", "unit", "kegiatan__program"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["pptk", "pelaksana"]
    inlines = [AnggaranInline, IndikatorInline]


@admin.register(Indikator)
class IndikatorAdmin(AdminInstansi):
    form = FormTerjaga
    jalur_instansi = ["@sasaran", "@program", "@kegiatan", "@sub_kegiatan"]
    list_display = ["nama", "tingkat", "satuan", "polaritas", "jenis", "pemilik"]
    list_filter = [
        "tingkat",
        "jenis",
        "polaritas",
        "sub_kegiatan__unit",
        "program__tahun",
    ]
    search_fields = ["nama"]
    autocomplete_fields = ["pemilik"]
    raw_id_fields = ["sasaran", "program", "kegiatan", "sub_kegiatan"]
    inlines = [TargetInline]


class RincianInline(TabularInstansi):
    form = FormTerjaga
    model = RincianBelanja
    extra = 0


@admin.register(AnggaranSubKegiatan)
class AnggaranSubKegiatanAdmin(AdminInstansi):
    form = FormTerjaga
    jalur_instansi = "@sub_kegiatan"
    list_display = ["sub_kegiatan", "versi", "pagu", "kas_tw1", "kas_tw2", "kas_tw3"]
    list_filter = ["versi", "sub_kegiatan__unit", "sub_kegiatan__kegiatan__program"]
    search_fields = ["sub_kegiatan__nama", "sub_kegiatan__kode"]
    inlines = [RincianInline]


@admin.register(Misi)
class MisiAdmin(AdminInstansi):
    jalur_instansi = "@periode"
    list_display = ["nomor", "teks", "periode"]
    list_filter = ["periode"]


@admin.register(TargetIndikator)
class TargetIndikatorAdmin(AdminInstansi):
    form = FormTerjaga
    jalur_instansi = "@indikator"
    list_display = [
        "indikator",
        "tahun",
        "target",
        "target_tw1",
        "target_tw2",
        "target_tw3",
        "target_tw4",
    ]
    list_filter = ["tahun", "indikator__tingkat"]
    search_fields = ["indikator__nama"]
    raw_id_fields = ["indikator"]


@admin.register(RincianBelanja)
class RincianBelanjaAdmin(AdminInstansi):
    form = FormTerjaga
    jalur_instansi = "@anggaran"
    list_display = ["kode_rekening", "uraian", "pagu", "kas_tw1", "anggaran"]
    list_filter = ["anggaran__sub_kegiatan__unit"]
    search_fields = ["kode_rekening", "uraian", "anggaran__sub_kegiatan__nama"]
    raw_id_fields = ["anggaran"]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = ["pihak_pertama", "tahun", "pihak_kedua", "tanggal"]
    list_filter = ["tahun", "instansi"]
    search_fields = ["pihak_pertama__nama", "pihak_pertama__nip"]
    autocomplete_fields = ["pihak_pertama", "pihak_kedua"]
    raw_id_fields = ["indikator"]


@admin.register(ImporSIPD)
class ImporSIPDAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = [
        "nama_file",
        "jenis",
        "tahun",
        "status",
        "jumlah_baru",
        "jumlah_berubah",
        "jumlah_tetap",
        "jumlah_galat",
        "diunggah_oleh",
        "diunggah_pada",
    ]
    list_filter = ["jenis", "status", "tahun", "instansi"]
    search_fields = ["nama_file", "sidik"]
    readonly_fields = ["diunggah_pada", "diterapkan_pada"]


@admin.register(SalinanRencana)
class SalinanRencanaAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = ["tahun_asal", "tahun_tujuan", "instansi", "oleh", "pada"]
    list_filter = ["instansi"]


@admin.register(RiwayatRencana)
class RiwayatRencanaAdmin(AdminInstansi):
    jalur_instansi = "instansi"
    list_display = ["pada", "aksi", "objek", "oleh", "instansi"]
    list_filter = ["aksi", "instansi"]
    search_fields = ["objek"]
