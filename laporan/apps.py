from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan"

    def ready(self):
        from laporan import dokumen

        dokumen.muat_bawaan()
