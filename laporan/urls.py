from django.urls import include, path

from laporan import views, views_pk
from laporan.lampiran import views as lampiran

app_name = "laporan"

urlpatterns = [
    # LAKIP triwulan (issue 4): choose, preview, edit, generate, download.
    path("lakip/", views.daftar, name="daftar"),
    path("lakip/<int:tahun>/<int:triwulan>/", views.lakip, name="lakip"),
    path(
        "lakip/<int:tahun>/<int:triwulan>/pratinjau/",
        views.pratinjau,
        name="lakip_pratinjau",
    ),
    path(
        "lakip/<int:tahun>/<int:triwulan>/teks/<str:grup>/",
        views.teks,
        name="lakip_teks",
    ),
    path(
        "lakip/<int:tahun>/<int:triwulan>/data-dukung/baru/",
        views.data_dukung,
        name="lakip_data_dukung_baru",
    ),
    path(
        "lakip/<int:tahun>/<int:triwulan>/data-dukung/<int:pk>/",
        views.data_dukung,
        name="lakip_data_dukung",
    ),
    path(
        "lakip/<int:tahun>/<int:triwulan>/data-dukung/<int:pk>/hapus/",
        views.hapus_data_dukung,
        name="lakip_data_dukung_hapus",
    ),
    path("lakip/<int:tahun>/<int:triwulan>/pdf/", views.buat_pdf, name="lakip_pdf"),
    path("lakip/<int:tahun>/<int:triwulan>/paket/", views.paket, name="lakip_paket"),
    path("berkas/<int:pk>/", views.berkas, name="berkas"),
    path("berkas/<int:pk>/status/", views.berkas_status, name="berkas_status"),
    path("berkas/<int:pk>/unduh/", views.berkas_unduh, name="berkas_unduh"),
    # Perjanjian Kinerja (issue 7).
    path("perjanjian-kinerja/<int:pk>/", views_pk.dokumen_pk, name="pk_dokumen"),
    path("perjanjian-kinerja/<int:pk>/pdf/", views_pk.pdf_pk, name="pk_pdf"),
    # Dashboard (issue 6).
    path("dasbor/", include("laporan.dasbor.urls")),
    # Attachments (issue 5): pernyataan telah dievaluasi, signing.
    path(
        "lampiran/<int:tahun>/<int:triwulan>/pernyataan/",
        lampiran.pernyataan,
        name="pernyataan",
    ),
    path(
        "lampiran/<int:tahun>/<int:triwulan>/pernyataan/<int:pegawai_id>/tandatangani/",
        lampiran.tandatangani,
        name="pernyataan_tandatangani",
    ),
    path("terbit/<str:kode>/unduh/", lampiran.unduh_terbit, name="terbit_unduh"),
]
