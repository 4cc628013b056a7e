from django.urls import path

from realisasi import views, views_hi

app_name = "realisasi"

_UNIT = "entri/<int:unit_id>/<tahun:tahun>/<tw:triwulan>/"
_HI = "hubungan-industrial/<int:unit_id>/<tahun:tahun>/<tw:triwulan>/"

urlpatterns = [
    path("", views.pilih, name="entri"),
    path(_UNIT, views.entri_unit, name="unit"),
    path(f"{_UNIT}aksi/", views.entri_aksi, name="aksi"),
    path(f"{_UNIT}xlsx/", views.unduh_xlsx, name="unduh"),
    path(f"{_UNIT}unggah/", views.unggah_xlsx, name="unggah"),
    path("status/", views.status, name="status"),
    path("periode/", views.atur_periode, name="periode"),
    path("riwayat/<int:sub_kegiatan_id>/", views.riwayat, name="riwayat"),
    path(_HI, views_hi.daftar, name="hubungan_industrial"),
    path(f"{_HI}perkara/tambah/", views_hi.perkara, name="perkara_tambah"),
    path(f"{_HI}perkara/<int:pk>/", views_hi.perkara, name="perkara_ubah"),
    path(f"{_HI}serikat/tambah/", views_hi.serikat, name="serikat_tambah"),
    path(f"{_HI}serikat/<int:pk>/", views_hi.serikat, name="serikat_ubah"),
]
