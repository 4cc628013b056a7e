from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = "Evaluasi SAKIP"

    def ready(self):
        from evaluasi import jenis_dokumen, sambungan
        from lakip.versi_data import DOKUMEN, pasang_sinyal

        # The evaluation is a document record: a change to it renews the cached
        # yearly documents' tasks (evaluasi.sambungan.dokumen_tahunan_belum).
        pasang_sinyal("evaluasi", DOKUMEN)
        jenis_dokumen.daftarkan_semua()
        sambungan.pasang()
