from django.urls import include, path

app_name = "laporan"

urlpatterns = [
    path("dasbor/", include("laporan.dasbor.urls")),
]
