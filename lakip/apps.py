from django.apps import AppConfig


class LakipConfig(AppConfig):
    name = "lakip"
    verbose_name = "Organisasi"

    def ready(self):
        from django.urls import register_converter

        from lakip.triwulan import KonverterTahun, KonverterTriwulan

        register_converter(KonverterTahun, "tahun")
        register_converter(KonverterTriwulan, "tw")

        # Cached figures are kept until this app's data changes
        # (lakip.versi_data).
        from lakip.versi_data import pasang_sinyal

        pasang_sinyal("lakip")
