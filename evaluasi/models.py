"""Evaluasi SAKIP: the Lembar Kerja Evaluasi (LKE) of PermenPAN-RB 88/2021 as
data per evaluation year, an agency's self-assessment with its evidence, the
evaluator's review, and the recommendations (rekomendasi LHE) with their
follow-up per quarter.

The structure (komponen → sub komponen → kriteria, answer scales) is edited by
the system administrator in the admin; everything else is written only through
``evaluasi.services``."""

from django.db import models

from lakip.models import Instansi
from lakip.triwulan import TRIWULAN_CHOICES
from laporan.models import kolom_pengguna


class SkalaJawaban(models.Model):
    """An answer scale (``Y/T``, ``A-E``) and, through its options, the value of
    each answer."""

    kode = models.CharField("kode", max_length=20, unique=True)
    nama = models.CharField("nama", max_length=100)

    class Meta:
        verbose_name = "skala jawaban"
        verbose_name_plural = "skala jawaban"
        ordering = ["kode"]

    def __str__(self):
        return self.nama


class PilihanJawaban(models.Model):
    skala = models.ForeignKey(
        SkalaJawaban, on_delete=models.CASCADE, related_name="pilihan"
    )
    kode = models.CharField("jawaban", max_length=5)
    uraian = models.CharField("uraian", max_length=300, blank=True)
    nilai = models.DecimalField("nilai", max_digits=5, decimal_places=4)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "pilihan jawaban"
        verbose_name_plural = "pilihan jawaban"
        ordering = ["skala", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["skala", "kode"], name="pilihan_jawaban_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(nilai__gte=0) & models.Q(nilai__lte=1),
                name="pilihan_jawaban_nilai_0_1",
                violation_error_message="Nilai jawaban harus antara 0 dan 1.",
            ),
        ]

    def __str__(self):
        return self.kode


class KomponenLke(models.Model):
    tahun = models.PositiveSmallIntegerField("tahun evaluasi")
    kode = models.CharField("kode", max_length=10)
    nama = models.CharField("nama", max_length=200)
    bobot = models.DecimalField("bobot", max_digits=6, decimal_places=2)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "komponen LKE"
        verbose_name_plural = "komponen LKE"
        ordering = ["-tahun", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "kode"], name="komponen_lke_unik")
        ]

    def __str__(self):
        return f"{self.tahun} {self.kode}. {self.nama}"


class SubKomponenLke(models.Model):
    class Jenis(models.TextChoices):
        KEBERADAAN = "keberadaan", "Keberadaan"
        KUALITAS = "kualitas", "Kualitas"
        PEMANFAATAN = "pemanfaatan", "Pemanfaatan"

    komponen = models.ForeignKey(
        KomponenLke, on_delete=models.CASCADE, related_name="sub_komponen"
    )
    kode = models.CharField("kode", max_length=10)
    nama = models.CharField("nama", max_length=400)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    bobot = models.DecimalField("bobot", max_digits=6, decimal_places=2)
    skala = models.ForeignKey(SkalaJawaban, on_delete=models.PROTECT, related_name="+")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "sub komponen LKE"
        verbose_name_plural = "sub komponen LKE"
        ordering = ["komponen", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["komponen", "kode"], name="sub_komponen_lke_unik"
            )
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class KriteriaLke(models.Model):
    sub_komponen = models.ForeignKey(
        SubKomponenLke, on_delete=models.CASCADE, related_name="kriteria"
    )
    kode = models.CharField("kode", max_length=12)
    uraian = models.TextField("uraian")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "kriteria LKE"
        verbose_name_plural = "kriteria LKE"
        ordering = ["sub_komponen", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["sub_komponen", "kode"], name="kriteria_lke_unik"
            )
        ]

    def __str__(self):
        return f"{self.kode} {self.uraian}"


class PenilaianLke(models.Model):
    """One agency's LKE of one year: self-assessment, approval, review, final."""

    class Status(models.TextChoices):
        DRAF = "draf", "Draf (diisi Perencanaan)"
        DISETUJUI = "disetujui", "Disetujui Pimpinan"
        FINAL = "final", "Final (direviu Evaluator)"

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="penilaian_lke"
    )
    tahun = models.PositiveSmallIntegerField("tahun evaluasi")
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.DRAF
    )
    disetujui_oleh = kolom_pengguna("disetujui oleh")
    disetujui_pada = models.DateTimeField("disetujui pada", null=True, blank=True)
    difinalkan_oleh = kolom_pengguna("difinalkan oleh")
    difinalkan_pada = models.DateTimeField("difinalkan pada", null=True, blank=True)

    class Meta:
        verbose_name = "penilaian LKE"
        verbose_name_plural = "penilaian LKE"
        ordering = ["instansi", "-tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun"], name="penilaian_lke_unik"
            )
        ]

    def __str__(self):
        return f"LKE {self.tahun} {self.instansi}"


class JawabanKriteria(models.Model):
    """The agency's answer to one criterion and the evaluator's review of it.
    The evaluator's answer, when given, stands over the agency's."""

    penilaian = models.ForeignKey(
        PenilaianLke, on_delete=models.CASCADE, related_name="jawaban"
    )
    kriteria = models.ForeignKey(
        KriteriaLke, on_delete=models.PROTECT, related_name="jawaban"
    )
    jawaban = models.ForeignKey(
        PilihanJawaban,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    catatan = models.TextField("catatan", blank=True)
    diubah_oleh = kolom_pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)
    reviu_setuju = models.BooleanField("evaluator setuju", null=True, blank=True)
    jawaban_evaluator = models.ForeignKey(
        PilihanJawaban,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="jawaban evaluator",
    )
    catatan_evaluator = models.TextField("catatan evaluator", blank=True)
    direviu_oleh = kolom_pengguna("direviu oleh")
    direviu_pada = models.DateTimeField("direviu pada", null=True, blank=True)

    class Meta:
        verbose_name = "jawaban kriteria"
        verbose_name_plural = "jawaban kriteria"
        ordering = ["penilaian", "kriteria"]
        constraints = [
            models.UniqueConstraint(
                fields=["penilaian", "kriteria"], name="jawaban_kriteria_unik"
            )
        ]

    def __str__(self):
        return f"{self.penilaian}: {self.kriteria.kode}"

    @property
    def jawaban_berlaku(self):
        """The answer that counts: the evaluator's where set, else the agency's."""
        return self.jawaban_evaluator or self.jawaban


class BuktiKriteria(models.Model):
    """Evidence of an answer: an uploaded file (kept in the database) or a link
    to one of lakip's own pages or signed documents."""

    class Jenis(models.TextChoices):
        BERKAS = "berkas", "Berkas unggahan"
        TAUTAN = "tautan", "Dokumen/data aplikasi"

    jawaban = models.ForeignKey(
        JawabanKriteria, on_delete=models.CASCADE, related_name="bukti"
    )
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    judul = models.CharField("judul", max_length=300)
    tautan = models.CharField("tautan", max_length=300, blank=True)
    nama_berkas = models.CharField("nama berkas", max_length=200, blank=True)
    tipe_berkas = models.CharField("tipe berkas", max_length=100, blank=True)
    isi = models.BinaryField("isi berkas", null=True, blank=True)
    dibuat_oleh = kolom_pengguna("ditambahkan oleh")
    dibuat_pada = models.DateTimeField("ditambahkan pada", auto_now_add=True)

    class Meta:
        verbose_name = "bukti kriteria"
        verbose_name_plural = "bukti kriteria"
        ordering = ["jawaban", "pk"]

    def __str__(self):
        return self.judul


class RiwayatLke(models.Model):
    """Who did what to an LKE, when."""

    penilaian = models.ForeignKey(
        PenilaianLke, on_delete=models.CASCADE, related_name="riwayat"
    )
    aksi = models.CharField("aksi", max_length=40)
    uraian = models.TextField("uraian", blank=True)
    oleh = kolom_pengguna("oleh")
    pada = models.DateTimeField("pada", auto_now_add=True)

    class Meta:
        verbose_name = "riwayat LKE"
        verbose_name_plural = "riwayat LKE"
        ordering = ["penilaian", "pada", "pk"]

    def __str__(self):
        return f"{self.penilaian}: {self.aksi}"


class RekomendasiLhe(models.Model):
    """A recommendation of the evaluation report (LHE) on a final LKE."""

    penilaian = models.ForeignKey(
        PenilaianLke, on_delete=models.CASCADE, related_name="rekomendasi"
    )
    urutan = models.PositiveSmallIntegerField("nomor", default=0)
    teks = models.TextField("rekomendasi")
    selesai = models.BooleanField("selesai ditindaklanjuti", default=False)
    dibuat_oleh = kolom_pengguna("dicatat oleh")
    dibuat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    class Meta:
        verbose_name = "rekomendasi LHE"
        verbose_name_plural = "rekomendasi LHE"
        ordering = ["penilaian", "urutan", "pk"]

    def __str__(self):
        return self.teks


class TindakLanjut(models.Model):
    """The agency's follow-up of a recommendation in one quarter."""

    rekomendasi = models.ForeignKey(
        RekomendasiLhe, on_delete=models.CASCADE, related_name="tindak_lanjut"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    uraian = models.TextField("uraian tindak lanjut")
    selesai = models.BooleanField("tuntas", default=False)
    dibuat_oleh = kolom_pengguna("dicatat oleh")
    dibuat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    class Meta:
        verbose_name = "tindak lanjut"
        verbose_name_plural = "tindak lanjut"
        ordering = ["rekomendasi", "tahun", "triwulan", "pk"]

    def __str__(self):
        return f"{self.rekomendasi}: TW {self.triwulan} {self.tahun}"
