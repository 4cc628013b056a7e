"""Public URLs of laporan (no login): the verification page of a signed
document. Included by the root URL conf by name, so ``lakip`` imports nothing
from ``laporan``."""

from django.urls import path

from laporan.lampiran.views import verifikasi

urlpatterns = [
    path("verifikasi/<str:kode>/", verifikasi, name="verifikasi"),
]
