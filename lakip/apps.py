from django.apps import AppConfig


class LakipConfig(AppConfig):
    name = "lakip"
    verbose_name = "Organisasi"
