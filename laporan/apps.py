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
        # (lakip.versi_data). A laid-out part stored in the PDF cache is no
        # record: it belongs to no agency, and storing one would renew every
        # agency's documents (dozens of times per package built).
        from lakip.versi_data import DOKUMEN, pasang_sinyal

        pasang_sinyal("laporan", DOKUMEN, kecuali=["CacheBagianPdf"])

        # ``manage.py laporan kelengkapan``: the quarter's readiness list.
        from laporan import perintah_kelengkapan as kelengkapan
        from laporan.perintah import daftarkan_subperintah

        daftarkan_subperintah(
            "kelengkapan",
            kelengkapan.BANTUAN,
            kelengkapan.tambah_argumen,
            kelengkapan.jalankan,
        )
