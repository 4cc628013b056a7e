from django.urls import include, path

from laporan import views, views_kalender, views_kelengkapan, views_pk
from laporan.dokumen import views as dokumen
from laporan.lampiran import views as lampiran
from laporan.lampiran import views_program as program
from laporan.lampiran import views_subkegiatan as subkegiatan
from laporan.lampiran import views_tahun as lampiran_tahun
from laporan.rapat import views as rapat
from laporan.unit import views as unit

app_name = "laporan"

urlpatterns = [
    # LAKIP triwulan (issue 4): choose, preview, edit, generate, download.
    path("lakip/", views.daftar, name="daftar"),
    path("lakip/<tahun:tahun>/<tw:triwulan>/", views.lakip, name="lakip"),
    path(
        "lakip/<tahun:tahun>/<tw:triwulan>/pratinjau/",
        views.pratinjau,
        name="lakip_pratinjau",
    ),
    path(
        "lakip/<tahun:tahun>/<tw:triwulan>/teks/<str:grup>/",
        views.teks,
        name="lakip_teks",
    ),
    path(
        "lakip/<tahun:tahun>/<tw:triwulan>/data-dukung/baru/",
        views.data_dukung,
        name="lakip_data_dukung_baru",
    ),
    path(
        "lakip/<tahun:tahun>/<tw:triwulan>/data-dukung/<int:pk>/",
        views.data_dukung,
        name="lakip_data_dukung",
    ),
    path(
        "lakip/<tahun:tahun>/<tw:triwulan>/data-dukung/<int:pk>/hapus/",
        views.hapus_data_dukung,
        name="lakip_data_dukung_hapus",
    ),
    path(
        "lakip/<tahun:tahun>/<tw:triwulan>/kalender/",
        views_kalender.kalender_triwulan,
        name="kalender",
    ),
    path("lakip/<tahun:tahun>/<tw:triwulan>/pdf/", views.buat_pdf, name="lakip_pdf"),
    path("lakip/<tahun:tahun>/<tw:triwulan>/paket/", views.paket, name="lakip_paket"),
    path(
        "<tahun:tahun>/<tw:triwulan>/kelengkapan/",
        views_kelengkapan.kelengkapan,
        name="kelengkapan",
    ),
    # Every document of a quarter as PDF, by its key (laporan.dokumen).
    path(
        "dokumen/<tahun:tahun>/<tw:triwulan>/<str:kunci>/pdf/",
        dokumen.pdf,
        name="dokumen_pdf",
    ),
    # Every yearly document (a kind of period "tahun", e.g. evaluasi's LKE).
    path(
        "dokumen/<tahun:tahun>/<str:kunci>/pdf/",
        dokumen.pdf_tahun,
        name="dokumen_pdf_tahun",
    ),
    path("berkas/<int:pk>/", views.berkas, name="berkas"),
    path("berkas/<int:pk>/status/", views.berkas_status, name="berkas_status"),
    path("berkas/<int:pk>/unduh/", views.berkas_unduh, name="berkas_unduh"),
    # Perjanjian Kinerja (issue 7).
    path("perjanjian-kinerja/<int:pk>/", views_pk.dokumen_pk, name="pk_dokumen"),
    path("perjanjian-kinerja/<int:pk>/pdf/", views_pk.pdf_pk, name="pk_pdf"),
    # Dashboard (issue 6).
    path("dasbor/", include("laporan.dasbor.urls")),
    # Attachments (issue 5): signing, sub kegiatan reports.
    path("lampiran/", lampiran.indeks, name="lampiran"),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/tanda-tangan/",
        lampiran.tanda_tangan,
        name="tanda_tangan",
    ),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/tanda-tangan/<str:jenis>/<str:kunci>/",
        lampiran.tandatangani,
        name="tandatangani",
    ),
    path(
        "lampiran/<tahun:tahun>/tanda-tangan/",
        lampiran_tahun.tanda_tangan,
        name="tanda_tangan_tahun",
    ),
    path(
        "lampiran/<tahun:tahun>/tanda-tangan/<str:jenis>/<str:kunci>/",
        lampiran_tahun.tandatangani,
        name="tandatangani_tahun",
    ),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/sub-kegiatan/",
        subkegiatan.daftar,
        name="subkegiatan_daftar",
    ),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/sub-kegiatan/<int:pk>/uraian/",
        subkegiatan.ubah_uraian,
        name="subkegiatan_uraian",
    ),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/program/",
        program.daftar,
        name="program_daftar",
    ),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/program/<str:tingkat>/<int:pk>/uraian/",
        program.ubah_uraian,
        name="program_uraian",
    ),
    path("terbit/<str:kode>/unduh/", lampiran.unduh_terbit, name="terbit_unduh"),
    # Evaluation meeting (issue 5): invitation, attendance lists, recommendations.
    path("lampiran/rapat/", rapat.terkini, name="rapat_terkini"),
    path("lampiran/<tahun:tahun>/<tw:triwulan>/rapat/", rapat.rapat, name="rapat"),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/undangan/",
        rapat.undangan,
        name="undangan",
    ),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/rekomendasi/<int:unit_id>/",
        rapat.rekomendasi,
        name="rekomendasi",
    ),
    # Unit reports (issue 14): the Sekretariat's and each Bidang's prose.
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/laporan-unit/",
        unit.daftar,
        name="laporan_unit_daftar",
    ),
    path(
        "lampiran/<tahun:tahun>/<tw:triwulan>/laporan-unit/<int:unit_id>/",
        unit.ubah,
        name="laporan_unit",
    ),
]
