"""Root URLs: the wiring of every app."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from lakip import views
from lakip.masuk import FormMasuk, FormMasukAdmin
from laporan.lampiran.views import verifikasi

admin.site.site_header = "LAKIP — Administrasi"
admin.site.site_title = "LAKIP"
admin.site.index_title = "Data organisasi, rencana, dan realisasi"
admin.site.login_form = FormMasukAdmin

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "masuk/",
        auth_views.LoginView.as_view(authentication_form=FormMasuk),
        name="masuk",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="keluar"),
    path("rencana/", include("renstra.urls")),
    path("realisasi/", include("realisasi.urls")),
    path("laporan/", include("laporan.urls")),
    path("evaluasi/", include("evaluasi.urls")),
    path("sehat/", views.sehat, name="sehat"),
    path("verifikasi/<str:kode>/", verifikasi, name="verifikasi"),
    path("", views.beranda, name="beranda"),
]
