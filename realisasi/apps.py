from django.apps import AppConfig


class RealisasiConfig(AppConfig):
    name = "realisasi"
    verbose_name = "Realisasi triwulan"

    def ready(self):
        # Registers the realisation importer with the SIPD import screens.
        # "Tugas saya": the entries waiting for a user.
        from lakip.tugas import daftarkan
        from realisasi import impor_sipd  # noqa: F401
        from realisasi.tugas import tugas_realisasi

        daftarkan(tugas_realisasi)

        # A plan edit may not change an approved quarter's figures.
        from realisasi.kunci import tolak_triwulan_disahkan
        from renstra import penjaga

        penjaga.daftarkan(tolak_triwulan_disahkan)

        # Cached figures are kept until this app's data changes
        # (lakip.versi_data).
        from lakip.versi_data import DATA, pasang_sinyal

        pasang_sinyal("realisasi", DATA)
