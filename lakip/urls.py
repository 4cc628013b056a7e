"""Root URLs: the wiring of every app."""

from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "LAKIP — Administrasi"
admin.site.site_title = "LAKIP"
admin.site.index_title = "Data organisasi, rencana, dan realisasi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]
