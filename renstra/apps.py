from django.apps import AppConfig


class RenstraConfig(AppConfig):
    name = "renstra"
    verbose_name = "Rencana strategis dan anggaran"

    def ready(self):
        # Registers the DPA and anggaran kas importers with the import screens.
        # Cached figures are kept until this app's data changes
        # (lakip.versi_data).
        from lakip.versi_data import RENCANA, pasang_sinyal
        from renstra import impor_dpa, impor_kas  # noqa: F401

        pasang_sinyal("renstra", RENCANA)
