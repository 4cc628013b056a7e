from django.apps import AppConfig


class LakipConfig(AppConfig):
    name = "lakip"
    verbose_name = "Organisasi"

    def ready(self):
        from django.urls import register_converter

        from lakip.triwulan import KonverterTahun, KonverterTriwulan

        register_converter(KonverterTahun, "tahun")
        register_converter(KonverterTriwulan, "tw")

        # The roles a user object read are forgotten when its groups change.
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from lakip.peran import lupakan_peran

        m2m_changed.connect(
            lupakan_peran,
            sender=get_user_model().groups.through,
            dispatch_uid="lupakan-peran-pengguna",
        )

        # Cached figures are kept until this app's data changes
        # (lakip.versi_data).
        from lakip.versi_data import RENCANA, pasang_sinyal

        pasang_sinyal("lakip", RENCANA)
