from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan"

    def ready(self):
        from laporan import dokumen

        dokumen.muat_bawaan()

        # "Tugas saya": the documents waiting for a user's signature.
        from lakip.tugas import daftarkan
        from laporan.tugas import tugas_laporan

        daftarkan(tugas_laporan)

        # Pages listing documents are kept until a document record changes
        # (lakip.versi_data).
        from lakip.versi_data import DOKUMEN, pasang_sinyal

        pasang_sinyal("laporan", DOKUMEN)
