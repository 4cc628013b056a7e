from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan"

    def ready(self):
        from laporan.data_tersimpan import pasang_sinyal

        pasang_sinyal()
