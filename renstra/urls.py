from django.urls import path

from renstra import views, views_impor

app_name = "renstra"

urlpatterns = [
    path("", views.pohon, name="pohon"),
    path("periode/tambah/", views.ubah_periode, name="periode_tambah"),
    path("periode/<int:pk>/ubah/", views.ubah_periode, name="periode_ubah"),
    path("tujuan/tambah/", views.ubah_tujuan, name="tujuan_tambah"),
    path("tujuan/<int:pk>/ubah/", views.ubah_tujuan, name="tujuan_ubah"),
    path("sasaran/tambah/", views.ubah_sasaran, name="sasaran_tambah"),
    path("sasaran/<int:pk>/ubah/", views.ubah_sasaran, name="sasaran_ubah"),
    path("program/tambah/", views.ubah_program, name="program_tambah"),
    path("program/<int:pk>/ubah/", views.ubah_program, name="program_ubah"),
    path("kegiatan/tambah/", views.ubah_kegiatan, name="kegiatan_tambah"),
    path("kegiatan/<int:pk>/ubah/", views.ubah_kegiatan, name="kegiatan_ubah"),
    path("sub-kegiatan/tambah/", views.ubah_sub_kegiatan, name="sub_kegiatan_tambah"),
    path("sub-kegiatan/<int:pk>/", views.sub_kegiatan, name="sub_kegiatan"),
    path(
        "sub-kegiatan/<int:pk>/ubah/",
        views.ubah_sub_kegiatan,
        name="sub_kegiatan_ubah",
    ),
    path(
        "sub-kegiatan/<int:pk>/perubahan-dpa/",
        views.perubahan_dpa,
        name="perubahan_dpa",
    ),
    path("indikator/tambah/", views.ubah_indikator, name="indikator_tambah"),
    path("indikator/<int:pk>/ubah/", views.ubah_indikator, name="indikator_ubah"),
    path("salin/", views.salin, name="salin"),
    path("salin/<int:pk>/tetapkan/", views.tetapkan_salinan, name="salinan_tetapkan"),
    path("perjanjian-kinerja/", views.daftar_pk, name="pk"),
    path("perjanjian-kinerja/tambah/", views.ubah_pk, name="pk_tambah"),
    path("perjanjian-kinerja/<int:pk>/ubah/", views.ubah_pk, name="pk_ubah"),
    path("riwayat/", views.riwayat, name="riwayat"),
    path("impor/", views_impor.impor, name="impor"),
    path("impor/<int:pk>/", views_impor.impor_detail, name="impor_detail"),
    path(
        "impor/<int:pk>/konfirmasi/",
        views_impor.impor_konfirmasi,
        name="impor_konfirmasi",
    ),
    path("impor/<int:pk>/batal/", views_impor.impor_batal, name="impor_batal"),
]
