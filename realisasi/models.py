"""What was achieved: indicator and budget realisations per quarter."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from renstra.models import TRIWULAN_CHOICES, Indikator, RincianBelanja, SubKegiatan

_TRIWULAN_VALID = Q(triwulan__gte=1) & Q(triwulan__lte=4)


class RealisasiIndikator(models.Model):
    """An indicator's realisation in one quarter.

    A ratio indicator stores its components (``pembilang``, ``penyebut``) and its
    value is computed from them; other indicators store ``nilai``.
    """

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="realisasi"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    nilai = models.DecimalField(
        "realisasi", max_digits=20, decimal_places=4, null=True, blank=True
    )
    pembilang = models.DecimalField(
        "pembilang", max_digits=20, decimal_places=4, null=True, blank=True
    )
    penyebut = models.DecimalField(
        "penyebut", max_digits=20, decimal_places=4, null=True, blank=True
    )
    keterangan = models.TextField("keterangan", blank=True)
    diperbarui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diperbarui_pada = models.DateTimeField("diperbarui pada", auto_now=True)

    class Meta:
        verbose_name = "realisasi indikator"
        verbose_name_plural = "realisasi indikator"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"],
                name="realisasi_indikator_unik",
            ),
            models.CheckConstraint(
                condition=_TRIWULAN_VALID, name="realisasi_indikator_triwulan"
            ),
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun} TW {self.triwulan}"


class RealisasiAnggaran(models.Model):
    """Money spent by a sub kegiatan from 1 January up to the quarter's end."""

    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, related_name="realisasi_anggaran"
    )
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    jumlah = models.BigIntegerField("realisasi s.d. akhir triwulan")
    keterangan = models.TextField("keterangan", blank=True)
    diperbarui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diperbarui_pada = models.DateTimeField("diperbarui pada", auto_now=True)

    class Meta:
        verbose_name = "realisasi anggaran"
        verbose_name_plural = "realisasi anggaran"
        ordering = ["sub_kegiatan", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["sub_kegiatan", "triwulan"], name="realisasi_anggaran_unik"
            ),
            models.CheckConstraint(
                condition=_TRIWULAN_VALID, name="realisasi_anggaran_triwulan"
            ),
            models.CheckConstraint(
                condition=Q(jumlah__gte=0), name="realisasi_anggaran_tidak_negatif"
            ),
        ]

    def __str__(self):
        return f"{self.sub_kegiatan} TW {self.triwulan}"


class RealisasiBelanja(models.Model):
    """Money spent on one expenditure line up to the quarter's end."""

    rincian = models.ForeignKey(
        RincianBelanja, on_delete=models.CASCADE, related_name="realisasi"
    )
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    jumlah = models.BigIntegerField("realisasi s.d. akhir triwulan")

    class Meta:
        verbose_name = "realisasi rincian belanja"
        verbose_name_plural = "realisasi rincian belanja"
        ordering = ["rincian", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["rincian", "triwulan"], name="realisasi_belanja_unik"
            ),
            models.CheckConstraint(
                condition=_TRIWULAN_VALID, name="realisasi_belanja_triwulan"
            ),
            models.CheckConstraint(
                condition=Q(jumlah__gte=0), name="realisasi_belanja_tidak_negatif"
            ),
        ]

    def __str__(self):
        return f"{self.rincian} TW {self.triwulan}"
