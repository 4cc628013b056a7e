"""Root URLs: the wiring of every app."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from lakip import views
from lakip import views_akun as akun
from lakip.masuk import FormMasuk, FormMasukAdmin

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
    path("sandi/ganti/", akun.ganti_sandi, name="sandi_ganti"),
    path("sandi/ganti/selesai/", akun.ganti_sandi_selesai, name="sandi_ganti_selesai"),
    path("sandi/reset/", akun.reset_email, name="sandi_reset"),
    path("sandi/reset/terkirim/", akun.reset_terkirim, name="sandi_reset_terkirim"),
    path(
        "sandi/reset/<uidb64>/<token>/",
        akun.reset_konfirmasi,
        name="sandi_reset_konfirmasi",
    ),
    path("sandi/reset/selesai/", akun.reset_selesai, name="sandi_reset_selesai"),
    path("akun/", akun.daftar_akun, name="akun_instansi"),
    path("akun/<int:pk>/tautan-reset/", akun.tautan_reset, name="akun_tautan_reset"),
    path("rencana/", include("renstra.urls")),
    path("realisasi/", include("realisasi.urls")),
    path("laporan/", include("laporan.urls")),
    path("sehat/", views.sehat, name="sehat"),
    path("", include("laporan.urls_publik")),
    path("", views.beranda, name="beranda"),
]
