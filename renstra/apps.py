from django.apps import AppConfig


class RenstraConfig(AppConfig):
    name = "renstra"
    verbose_name = "Rencana strategis dan anggaran"
