"""The dashboard's URLs, included under ``/laporan/dasbor/`` in the ``laporan``
namespace."""

from django.urls import path

from laporan.dasbor import views

urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("sasaran/<int:pk>/", views.sasaran, name="dasbor_sasaran"),
    path(
        "program/<int:pk>/",
        views.anggaran,
        {"tingkat": "program"},
        name="dasbor_program",
    ),
    path(
        "kegiatan/<int:pk>/",
        views.anggaran,
        {"tingkat": "kegiatan"},
        name="dasbor_kegiatan",
    ),
    path(
        "sub-kegiatan/<int:pk>/",
        views.anggaran,
        {"tingkat": "sub_kegiatan"},
        name="dasbor_sub_kegiatan",
    ),
    path("indikator/<int:pk>/", views.indikator, name="dasbor_indikator"),
]
