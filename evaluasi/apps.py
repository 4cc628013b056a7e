from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = "Evaluasi SAKIP"

    def ready(self):
        from evaluasi import jenis_dokumen, sambungan

        jenis_dokumen.daftarkan_semua()
        sambungan.pasang()
