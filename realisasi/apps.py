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
