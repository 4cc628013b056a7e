from django.urls import include, path

from laporan import views_pk

app_name = "laporan"

urlpatterns = [
    path("perjanjian-kinerja/<int:pk>/", views_pk.dokumen_pk, name="pk_dokumen"),
    path("perjanjian-kinerja/<int:pk>/pdf/", views_pk.pdf_pk, name="pk_pdf"),
    path("dasbor/", include("laporan.dasbor.urls")),
]
