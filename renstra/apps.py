from django.apps import AppConfig


class RenstraConfig(AppConfig):
    name = "renstra"
    verbose_name = "Rencana strategis dan anggaran"

    def ready(self):
        # Registers the DPA and anggaran kas importers with the import screens.
        from renstra import impor_dpa, impor_kas  # noqa: F401
