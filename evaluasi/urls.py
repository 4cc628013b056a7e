from django.urls import path

from evaluasi import views, views_dokumen

app_name = "evaluasi"

_LKE = "lke/<tahun:tahun>/"

urlpatterns = [
    path("", views.indeks, name="indeks"),
    path(_LKE, views.lke, name="lke"),
    path(f"{_LKE}kriteria/<int:kriteria_id>/jawab/", views.jawab, name="jawab"),
    path(f"{_LKE}kriteria/<int:kriteria_id>/bukti/", views.bukti, name="bukti"),
    path(f"{_LKE}kriteria/<int:kriteria_id>/reviu/", views.reviu, name="reviu"),
    path(f"{_LKE}aksi/", views.aksi, name="aksi"),
    path(f"{_LKE}rekomendasi/", views.rekomendasi, name="rekomendasi"),
    path(f"{_LKE}unduh.<str:format>", views_dokumen.unduh_lke, name="unduh"),
    path("bukti/<int:pk>/", views_dokumen.unduh_bukti, name="bukti_unduh"),
    path("bukti/<int:pk>/hapus/", views.hapus_bukti, name="bukti_hapus"),
    path(
        "rekomendasi/<int:pk>/tindak-lanjut/",
        views.tindak_lanjut,
        name="tindak_lanjut",
    ),
    path("pohon/<tahun:tahun>/", views_dokumen.pohon, name="pohon"),
    path("pohon/<tahun:tahun>/pdf/", views_dokumen.pohon_pdf, name="pohon_pdf"),
    path("manual-ik/<tahun:tahun>/", views_dokumen.manual_ik, name="manual_ik"),
    path(
        "manual-ik/<tahun:tahun>/pdf/",
        views_dokumen.manual_ik_pdf,
        name="manual_ik_pdf",
    ),
    path("iku/<tahun:tahun>/pdf/", views_dokumen.iku_pdf, name="iku_pdf"),
]
