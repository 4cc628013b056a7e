"""What a report adds to the data: its editable prose, its supporting data tables,
and the documents generated from it.

Numbers are never stored here: every figure of a document is computed by
``laporan.data.bangun_data_laporan``. A ``Laporan`` holds only what people write.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from lakip.models import Instansi
from renstra.models import Indikator, Sasaran

TRIWULAN_CHOICES = [(1, "I"), (2, "II"), (3, "III"), (4, "IV")]


def _pengguna(verbose_name):
    """Who did something (kept if the account is deleted: set to null)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class Laporan(models.Model):
    """The LAKIP of one agency, year and quarter: the text people write for it."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="laporan"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    tanggal = models.DateField(
        "tanggal penandatanganan",
        null=True,
        blank=True,
        help_text="Tanggal di atas tanda tangan Kepala Dinas.",
    )
    dibuat_oleh = _pengguna("dibuat oleh")
    dibuat_pada = models.DateTimeField("dibuat pada", null=True, blank=True)
    diubah_oleh = _pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "laporan (LAKIP triwulan)"
        verbose_name_plural = "laporan (LAKIP triwulan)"
        ordering = ["instansi", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "triwulan"], name="laporan_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4),
                name="laporan_triwulan_1_4",
            ),
        ]

    def __str__(self):
        romawi = dict(TRIWULAN_CHOICES)[self.triwulan]
        return f"LAKIP Triwulan {romawi} Tahun {self.tahun} — {self.instansi}"


class TeksLaporan(models.Model):
    """One prose section of a report.

    ``kode`` says what the section is about: empty for the document's own
    sections, the sasaran's code for the per-sasaran sections, the program,
    kegiatan or sub kegiatan code for a narrative.
    """

    class Bagian(models.TextChoices):
        KATA_PENGANTAR = "kata_pengantar", "Kata Pengantar"
        DATA_UMUM = "data_umum", "1.1 Data Umum Organisasi (dasar hukum)"
        STRUKTUR = "struktur", "1.2 Struktur Organisasi"
        PERAN = "peran", "1.3 Peran Organisasi (tugas dan fungsi)"
        ISU_STRATEGIS = "isu_strategis", "1.4 Isu Strategis"
        RENCANA_STRATEGIS = "rencana_strategis", "2.1 Rencana Strategis"
        VISI_MISI = "visi_misi", "2.2 Visi dan Misi (uraian)"
        SASARAN_STRATEGIS = "sasaran_strategis", "2.3 Sasaran Strategis (uraian)"
        PENETAPAN_KINERJA = "penetapan_kinerja", "2.4 Penetapan Kinerja"
        PENGUKURAN = "pengukuran", "3.1 Pengukuran dan analisis capaian (pengantar)"
        SASARAN_URAIAN = "sasaran_uraian", "Uraian sasaran"
        SASARAN_CAPAIAN = "sasaran_capaian", "Penjelasan capaian"
        SASARAN_TAHUN_LALU = "sasaran_tahun_lalu", "Perbandingan dengan tahun lalu"
        SASARAN_RENSTRA = "sasaran_renstra", "Perbandingan dengan target Renstra"
        SASARAN_PEMBANDING = (
            "sasaran_pembanding",
            "Perbandingan dengan capaian provinsi/nasional",
        )
        SASARAN_KEBERHASILAN = (
            "sasaran_keberhasilan",
            "Penyebab keberhasilan/peningkatan kinerja",
        )
        SASARAN_KEGAGALAN = (
            "sasaran_kegagalan",
            "Penyebab kegagalan/penurunan kinerja",
        )
        SASARAN_SOLUSI = "sasaran_solusi", "Strategi/alternatif solusi"
        SASARAN_EFISIENSI = "sasaran_efisiensi", "Analisis efisiensi (catatan)"
        SASARAN_KESIMPULAN = "sasaran_kesimpulan", "Kesimpulan IKU (BAB IV)"
        NARASI = "narasi", "Narasi program/kegiatan/sub kegiatan"
        PENUTUP = "penutup", "BAB IV Penutup (pembuka)"
        KENDALA = "kendala", "BAB IV Kendala dan hambatan"
        PENUTUP_AKHIR = "penutup_akhir", "BAB IV Penutup (kalimat akhir)"

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="teks")
    bagian = models.CharField("bagian", max_length=30, choices=Bagian.choices)
    kode = models.CharField("kode sasaran/program/kegiatan", max_length=40, blank=True)
    teks = models.TextField("teks", blank=True)
    diubah_oleh = _pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "teks laporan"
        verbose_name_plural = "teks laporan"
        ordering = ["laporan", "bagian", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "bagian", "kode"], name="teks_laporan_unik"
            )
        ]

    def __str__(self):
        return f"{self.get_bagian_display()} {self.kode}".strip()


class DataDukung(models.Model):
    """A supporting data table of a report, attached to a sasaran or an indicator.

    ``kolom`` is the list of column headers; ``baris`` a list of rows, each a list
    of cell texts as they are to be printed (the same length as ``kolom``).
    """

    laporan = models.ForeignKey(
        Laporan, on_delete=models.CASCADE, related_name="data_dukung"
    )
    sasaran = models.ForeignKey(
        Sasaran,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="data_dukung",
    )
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="data_dukung",
    )
    judul = models.CharField("judul", max_length=300)
    kolom = models.JSONField("kolom", default=list)
    baris = models.JSONField("baris", default=list)
    keterangan = models.CharField("keterangan/sumber", max_length=300, blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    diubah_oleh = _pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "data dukung"
        verbose_name_plural = "data dukung"
        ordering = ["laporan", "urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(sasaran__isnull=False, indikator__isnull=True)
                    | Q(sasaran__isnull=True, indikator__isnull=False)
                ),
                name="data_dukung_satu_pemilik",
            )
        ]

    def __str__(self):
        return self.judul


class BerkasLaporan(models.Model):
    """A document generated in the background, with its progress and result.

    ``jenis`` says which document: the LAKIP alone, or the package of the LAKIP
    with its attachments (``laporan.paket``), of which ``bagian`` lists the
    chosen parts' keys (empty: every part)."""

    class Jenis(models.TextChoices):
        LAKIP = "lakip", "LAKIP"
        PAKET = "paket", "Paket LAKIP dan lampiran"

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu giliran"
        PROSES = "proses", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    laporan = models.ForeignKey(
        Laporan, on_delete=models.CASCADE, related_name="berkas"
    )
    jenis = models.CharField(
        "jenis dokumen", max_length=10, choices=Jenis.choices, default=Jenis.LAKIP
    )
    bagian = models.JSONField(
        "bagian terpilih",
        default=list,
        blank=True,
        help_text="Kunci bagian paket yang dipilih; kosong berarti semua bagian.",
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.ANTRE
    )
    tahap = models.CharField("tahap", max_length=100, blank=True)
    persen = models.PositiveSmallIntegerField("kemajuan (%)", default=0)
    id_tugas = models.CharField("id tugas", max_length=64, blank=True)
    isi = models.BinaryField("isi berkas", null=True, blank=True, editable=False)
    nama_berkas = models.CharField("nama berkas", max_length=200, blank=True)
    ukuran = models.PositiveIntegerField("ukuran (bita)", default=0)
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman", default=0)
    pesan = models.TextField("pesan galat", blank=True)
    diminta_oleh = _pengguna("diminta oleh")
    diminta_pada = models.DateTimeField("diminta pada")
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)

    class Meta:
        verbose_name = "berkas laporan"
        verbose_name_plural = "berkas laporan"
        ordering = ["-diminta_pada", "-id"]

    def __str__(self):
        return (
            f"{self.get_jenis_display()}: {self.laporan} ({self.get_status_display()})"
        )

    @property
    def selesai(self):
        return self.status in (self.Status.SELESAI, self.Status.GAGAL)


class DokumenTerbit(models.Model):
    """A document marked as signed: who signed it is frozen as text, so a later
    change of the staff records does not change the signed page. ``kode`` is the
    verification code printed on it; ``sha256`` the hash of ``isi``, the PDF as
    issued."""

    class Jenis(models.TextChoices):
        PERNYATAAN = "pernyataan", "Pernyataan telah dievaluasi"

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="dokumen_terbit"
    )
    jenis = models.CharField("jenis dokumen", max_length=30, choices=Jenis.choices)
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    subjek = models.ForeignKey(
        "lakip.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pejabat yang dievaluasi",
    )
    subjek_nama = models.CharField("nama yang dievaluasi", max_length=200)
    subjek_jabatan = models.CharField("jabatan yang dievaluasi", max_length=200)
    subjek_nip = models.CharField("NIP yang dievaluasi", max_length=18, blank=True)
    penanda_nama = models.CharField("nama penanda tangan", max_length=200)
    penanda_jabatan = models.CharField("jabatan penanda tangan", max_length=200)
    penanda_pangkat = models.CharField("pangkat", max_length=60, blank=True)
    penanda_golongan = models.CharField("golongan", max_length=10, blank=True)
    penanda_nip = models.CharField("NIP penanda tangan", max_length=18, blank=True)
    kode = models.CharField("kode verifikasi", max_length=12, unique=True)
    sha256 = models.CharField("SHA-256 PDF", max_length=64)
    isi = models.BinaryField("PDF yang diterbitkan")
    ditandatangani_oleh = _pengguna("dicatat oleh")
    ditandatangani_pada = models.DateTimeField("ditandatangani pada")

    class Meta:
        verbose_name = "dokumen bertanda tangan"
        verbose_name_plural = "dokumen bertanda tangan"
        ordering = ["-ditandatangani_pada"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "jenis", "subjek", "tahun", "triwulan"],
                name="dokumenterbit_unik",
            ),
        ]

    def __str__(self):
        romawi = dict(TRIWULAN_CHOICES)[self.triwulan]
        return (
            f"{self.get_jenis_display()} {self.subjek_nama} — Triwulan {romawi} "
            f"Tahun {self.tahun}"
        )


class CacheBagianPdf(models.Model):
    """A part of a document package already laid out by WeasyPrint, kept so an
    unchanged part is not laid out again (``laporan.paket.cache``).

    ``kunci`` is the SHA-256 of everything the PDF depends on (the part's
    complete HTML, the WeasyPrint version and the shipped fonts): a part whose
    key is here prints exactly as ``isi``. Stored in the database so every app
    server and worker shares it; entries not used for a while are pruned."""

    kunci = models.CharField("kunci (SHA-256 masukan)", max_length=64, unique=True)
    isi = models.BinaryField("PDF bagian")
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman")
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    bagian = models.CharField(
        "bagian",
        max_length=100,
        blank=True,
        help_text="Kunci bagian paket saat dibuat (keterangan saja).",
    )
    dibuat = models.DateTimeField("dibuat")
    dipakai = models.DateTimeField("terakhir dipakai", db_index=True)

    class Meta:
        verbose_name = "cache bagian PDF"
        verbose_name_plural = "cache bagian PDF"
        ordering = ["-dipakai"]

    def __str__(self):
        return f"{self.bagian or self.kunci[:12]} ({self.jumlah_halaman} hlm)"
