"""What was achieved: indicator and budget realisations per quarter."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from lakip.triwulan import TRIWULAN_CHOICES
from renstra.models import Indikator, RincianBelanja, SubKegiatan

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


class StatusEntri(models.TextChoices):
    DRAF = "draf", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    DISAHKAN = "disahkan", "Disahkan"


class DiubahOleh(models.Model):
    """Who changed a record last, and when."""

    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)

    class Meta:
        abstract = True


class PeriodeEntri(DiubahOleh):
    """Whether a quarter is open for entry in an agency (set by Perencanaan)."""

    instansi = models.ForeignKey(
        "lakip.Instansi", on_delete=models.CASCADE, related_name="periode_entri"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    dibuka = models.BooleanField("dibuka untuk entri", default=False)

    class Meta:
        verbose_name = "periode entri"
        verbose_name_plural = "periode entri"
        ordering = ["instansi", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "triwulan"], name="periode_entri_unik"
            ),
            models.CheckConstraint(
                condition=_TRIWULAN_VALID, name="periode_entri_triwulan"
            ),
        ]

    def __str__(self):
        keadaan = "dibuka" if self.dibuka else "ditutup"
        return f"{self.tahun} TW {self.get_triwulan_display()} ({keadaan})"


class EntriTriwulan(DiubahOleh):
    """The workflow of one unit's entries for one quarter.

    Draf → Diajukan → Diverifikasi → Disahkan; Dikembalikan sends it back to Draf
    with a note. A Disahkan quarter is locked until Perencanaan unlocks it.
    ``versi`` grows with every saved change (guards against lost updates).
    """

    unit = models.ForeignKey(
        "lakip.UnitKerja", on_delete=models.CASCADE, related_name="entri_triwulan"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    status = models.CharField(
        "status", max_length=20, choices=StatusEntri.choices, default=StatusEntri.DRAF
    )
    catatan = models.TextField("catatan terakhir", blank=True)
    versi = models.PositiveIntegerField("versi", default=0)

    class Meta:
        verbose_name = "entri triwulan unit"
        verbose_name_plural = "entri triwulan unit"
        ordering = ["unit", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "triwulan"], name="entri_triwulan_unik"
            ),
            models.CheckConstraint(
                condition=_TRIWULAN_VALID, name="entri_triwulan_triwulan"
            ),
        ]

    def __str__(self):
        return f"{self.unit} {self.tahun} TW {self.get_triwulan_display()}"

    @property
    def terkunci(self):
        return self.status == StatusEntri.DISAHKAN


class RiwayatStatus(models.Model):
    """One workflow transition: who did what, when, with which note."""

    class Aksi(models.TextChoices):
        AJUKAN = "ajukan", "Diajukan"
        KEMBALIKAN = "kembalikan", "Dikembalikan"
        VERIFIKASI = "verifikasi", "Diverifikasi"
        SAHKAN = "sahkan", "Disahkan"
        BUKA_KUNCI = "buka_kunci", "Kunci dibuka"

    entri = models.ForeignKey(
        EntriTriwulan, on_delete=models.CASCADE, related_name="riwayat"
    )
    aksi = models.CharField("aksi", max_length=20, choices=Aksi.choices)
    dari = models.CharField("dari", max_length=20, choices=StatusEntri.choices)
    ke = models.CharField("ke", max_length=20, choices=StatusEntri.choices)
    catatan = models.TextField("catatan", blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    pada = models.DateTimeField("pada", auto_now_add=True)

    class Meta:
        verbose_name = "riwayat status"
        verbose_name_plural = "riwayat status"
        ordering = ["entri", "pada", "pk"]

    def __str__(self):
        return f"{self.entri}: {self.get_aksi_display()}"


class JejakAudit(models.Model):
    """One changed field of a realisation: who, when, old and new value."""

    class Objek(models.TextChoices):
        INDIKATOR = "indikator", "Realisasi indikator"
        ANGGARAN = "anggaran", "Realisasi anggaran"
        BELANJA = "belanja", "Realisasi rincian belanja"

    objek = models.CharField("objek", max_length=20, choices=Objek.choices)
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jejak_audit",
    )
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jejak_audit",
    )
    rincian = models.ForeignKey(
        RincianBelanja,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jejak_audit",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    kolom = models.CharField("kolom", max_length=30)
    nilai_lama = models.TextField("nilai lama", blank=True)
    nilai_baru = models.TextField("nilai baru", blank=True)
    sumber = models.CharField("sumber", max_length=30, default="formulir")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    pada = models.DateTimeField("pada", auto_now_add=True)

    class Meta:
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        ordering = ["-pada", "-pk"]
        indexes = [models.Index(fields=["sub_kegiatan", "tahun", "triwulan"])]

    def __str__(self):
        perubahan = f"{self.nilai_lama} → {self.nilai_baru}"
        return f"{self.get_objek_display()} {self.kolom}: {perubahan}"


# -- Hubungan industrial: what the Bidang HI records in a quarter ---------------


class JenisPerselisihan(models.TextChoices):
    """The four kinds of UU 2/2004 on industrial dispute settlement."""

    HAK = "hak", "Hak"
    KEPENTINGAN = "kepentingan", "Kepentingan"
    PHK = "phk", "Pemutusan hubungan kerja (PHK)"
    ANTAR_SPSB = "antar_spsb", "Antar SP/SB dalam satu perusahaan"


class TahapPerselisihan(models.TextChoices):
    """How far the settlement has gone (the last stage reached)."""

    PENCATATAN = "pencatatan", "Pencatatan"
    KLARIFIKASI = "klarifikasi", "Klarifikasi"
    BIPARTIT = "bipartit", "Bipartit"
    MEDIASI = "mediasi", "Mediasi"
    PENGAWASAN = "pengawasan", "Pemeriksaan pengawas ketenagakerjaan"
    PENGADILAN = "pengadilan", "Pengadilan Hubungan Industrial"


class StatusPerselisihan(models.TextChoices):
    PROSES = "proses", "Dalam proses"
    SELESAI = "selesai", "Selesai"


class HasilPerselisihan(models.TextChoices):
    """What a settled (or mediated) case produced."""

    PERJANJIAN_BERSAMA = "pb", "Perjanjian Bersama (PB)"
    ANJURAN = "anjuran", "Anjuran mediator"
    NOTA_PENGAWAS = "nota", "Nota pengawas"
    PUTUSAN = "putusan", "Putusan PHI"
    DICABUT = "dicabut", "Dicabut"


class PerkaraPerselisihan(DiubahOleh):
    """One industrial dispute case registered with a unit (the register of the
    Bidang Hubungan Industrial, "Daftar Kasus Pencatatan Perselisihan HI").

    It records what happened: who registered the case, the parties, the claim,
    its kind, the stage reached and whether it is settled. A quarter's register
    is read by date (``realisasi.hubungan_industrial.perkara_triwulan``)."""

    instansi = models.ForeignKey(
        "lakip.Instansi", on_delete=models.CASCADE, related_name="perkara_hi"
    )
    unit = models.ForeignKey(
        "lakip.UnitKerja", on_delete=models.PROTECT, related_name="perkara_hi"
    )
    tanggal_pencatatan = models.DateField("tanggal pencatatan")
    pendaftar = models.CharField("nama/perusahaan yang mendaftarkan", max_length=300)
    pihak_pekerja = models.CharField("pihak SP/SB atau pekerja", max_length=300)
    pihak_pengusaha = models.CharField("pihak perusahaan atau SP/SB", max_length=300)
    permasalahan = models.TextField("permasalahan/tuntutan")
    jenis = models.CharField(
        "jenis perselisihan", max_length=20, choices=JenisPerselisihan.choices
    )
    tahap = models.CharField(
        "tahap penyelesaian", max_length=20, choices=TahapPerselisihan.choices
    )
    status = models.CharField(
        "status", max_length=20, choices=StatusPerselisihan.choices
    )
    hasil = models.CharField(
        "hasil", max_length=20, choices=HasilPerselisihan.choices, blank=True
    )
    tanggal_selesai = models.DateField("tanggal selesai", null=True, blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)

    class Meta:
        verbose_name = "perkara perselisihan hubungan industrial"
        verbose_name_plural = "perkara perselisihan hubungan industrial"
        ordering = ["tanggal_pencatatan", "pk"]
        indexes = [models.Index(fields=["unit", "tanggal_pencatatan"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_selesai__isnull=True)
                | Q(tanggal_selesai__gte=models.F("tanggal_pencatatan")),
                name="perkara_hi_selesai_setelah_dicatat",
            ),
        ]

    def __str__(self):
        return f"{self.tanggal_pencatatan:%d/%m/%Y} {self.pendaftar}"


class SerikatPekerja(DiubahOleh):
    """One trade union (SP/SB) as verified and counted by a unit in a quarter
    (the "Data Verifikasi dan Rekapitulasi Keanggotaan ... SP/SB")."""

    instansi = models.ForeignKey(
        "lakip.Instansi", on_delete=models.CASCADE, related_name="serikat_pekerja"
    )
    unit = models.ForeignKey(
        "lakip.UnitKerja", on_delete=models.PROTECT, related_name="serikat_pekerja"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    perusahaan = models.CharField("nama perusahaan", max_length=300)
    nama = models.CharField("nama SP/SB", max_length=300)
    afiliasi = models.CharField(
        "federasi/konfederasi",
        max_length=300,
        blank=True,
        help_text="Kosong untuk SP/SB non afiliasi.",
    )
    jumlah_anggota = models.PositiveIntegerField("jumlah anggota (orang)")
    nomor_pencatatan = models.CharField(
        "nomor bukti pencatatan", max_length=100, blank=True
    )
    tanggal_pencatatan = models.DateField("tanggal pencatatan", null=True, blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "data SP/SB"
        verbose_name_plural = "data SP/SB"
        ordering = ["unit", "-tahun", "-triwulan", "urutan", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_TRIWULAN_VALID, name="serikat_pekerja_triwulan"
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.perusahaan})"
