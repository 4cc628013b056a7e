from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = "Evaluasi SAKIP"

    def ready(self):
        from evaluasi import sambungan

        sambungan.pasang()
