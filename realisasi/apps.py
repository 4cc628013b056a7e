from django.apps import AppConfig


class RealisasiConfig(AppConfig):
    name = "realisasi"
    verbose_name = "Realisasi triwulan"

    def ready(self):
        # Registers the realisation importer with the SIPD import screens.
        from realisasi import impor_sipd  # noqa: F401

        # A plan edit may not change an approved quarter's figures.
        from realisasi.kunci import tolak_triwulan_disahkan
        from renstra import penjaga

        penjaga.daftarkan(tolak_triwulan_disahkan)
