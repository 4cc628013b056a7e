"""The plan: Renstra period, visi/misi, tujuan → sasaran, program → kegiatan →
sub kegiatan, indicators with their targets, and the budget of each sub kegiatan.

Programs, kegiatan and sub kegiatan belong to one budget year (the structure of the
DPA); tujuan, sasaran and their IKU span the Renstra period with targets per year.
The plan knows nothing of realisations.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from lakip.models import Instansi, Pegawai, UnitKerja


def _angka(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=20, decimal_places=4, null=True, blank=True, **kwargs
    )


def _uang(verbose_name, **kwargs):
    return models.BigIntegerField(verbose_name, **kwargs)


class PeriodeRenstra(models.Model):
    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="periode_renstra"
    )
    nama = models.CharField("nama", max_length=200)
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    visi = models.TextField("visi", blank=True)

    class Meta:
        verbose_name = "periode Renstra"
        verbose_name_plural = "periode Renstra"
        ordering = ["instansi", "-tahun_awal"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun_awal"],
                name="periode_unik",
                violation_error_message=(
                    "Periode Renstra dengan tahun awal ini sudah ada."
                ),
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=models.F("tahun_awal")),
                name="periode_urut",
                violation_error_message=(
                    "Tahun akhir periode tidak boleh sebelum tahun awal."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.tahun_awal}-{self.tahun_akhir})"


class Misi(models.Model):
    periode = models.ForeignKey(
        PeriodeRenstra, on_delete=models.CASCADE, related_name="misi"
    )
    nomor = models.PositiveSmallIntegerField("nomor")
    teks = models.TextField("teks")

    class Meta:
        verbose_name = "misi"
        verbose_name_plural = "misi"
        ordering = ["periode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "nomor"],
                name="misi_unik",
                violation_error_message=(
                    "Nomor misi ini sudah ada pada periode tersebut."
                ),
            )
        ]

    def __str__(self):
        return f"Misi {self.nomor}: {self.teks}"


class Tujuan(models.Model):
    periode = models.ForeignKey(
        PeriodeRenstra, on_delete=models.CASCADE, related_name="tujuan"
    )
    misi = models.ForeignKey(
        Misi, on_delete=models.SET_NULL, null=True, blank=True, related_name="tujuan"
    )
    kode = models.CharField("kode", max_length=20)
    nama = models.TextField("nama")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["periode", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "kode"],
                name="tujuan_unik",
                violation_error_message=(
                    "Kode tujuan ini sudah ada pada periode tersebut."
                ),
            )
        ]

    def __str__(self):
        return self.nama


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.CharField("kode", max_length=20)
    nama = models.TextField("nama")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "sasaran strategis"
        verbose_name_plural = "sasaran strategis"
        ordering = ["tujuan__urutan", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["tujuan", "kode"],
                name="sasaran_unik",
                violation_error_message=(
                    "Kode sasaran ini sudah ada pada tujuan tersebut."
                ),
            )
        ]

    def __str__(self):
        return self.nama


class Program(models.Model):
    periode = models.ForeignKey(
        PeriodeRenstra, on_delete=models.CASCADE, related_name="program"
    )
    tahun = models.PositiveSmallIntegerField("tahun anggaran")
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama", max_length=300)
    sasaran = models.ForeignKey(
        Sasaran,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="program",
        verbose_name="sasaran strategis yang didukung",
    )
    sasaran_program = models.TextField("sasaran program", blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["periode", "tahun", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "tahun", "kode"],
                name="program_unik",
                violation_error_message=(
                    "Kode program ini sudah ada pada tahun tersebut."
                ),
            )
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class Kegiatan(models.Model):
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="kegiatan"
    )
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama", max_length=400)
    pptk = models.ForeignKey(
        Pegawai,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kegiatan_pptk",
        verbose_name="PPTK",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["program", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "kode"],
                name="kegiatan_unik",
                violation_error_message=(
                    "Kode kegiatan ini sudah ada pada program tersebut."
                ),
            )
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class SubKegiatan(models.Model):
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan"
    )
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama", max_length=400)
    unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        related_name="sub_kegiatan",
        verbose_name="unit penanggung jawab",
    )
    pptk = models.ForeignKey(
        Pegawai,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sub_kegiatan_pptk",
        verbose_name="PPTK",
    )
    pelaksana = models.ForeignKey(
        Pegawai,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sub_kegiatan_pelaksana",
        verbose_name="pelaksana teknis",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["kegiatan", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["kegiatan", "kode"],
                name="subkegiatan_unik",
                violation_error_message=(
                    "Kode sub kegiatan ini sudah ada pada kegiatan tersebut."
                ),
            )
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class Indikator(models.Model):
    """A performance indicator of a sasaran (IKU), program, kegiatan or sub kegiatan.

    Exactly the owner field that matches ``tingkat`` is set (a check constraint).
    """

    class Tingkat(models.TextChoices):
        SASARAN = "sasaran", "Sasaran (IKU)"
        PROGRAM = "program", "Program"
        KEGIATAN = "kegiatan", "Kegiatan"
        SUB_KEGIATAN = "sub_kegiatan", "Sub kegiatan"

    class Polaritas(models.TextChoices):
        NAIK = "naik", "Semakin tinggi semakin baik"
        TURUN = "turun", "Semakin rendah semakin baik"

    class Jenis(models.TextChoices):
        ALIR = "alir", "Alir (realisasi triwulan dijumlahkan)"
        STOK = "stok", "Stok (triwulan terakhir yang berlaku)"
        RASIO = "rasio", "Rasio (dihitung dari komponen)"

    tingkat = models.CharField("tingkat", max_length=20, choices=Tingkat.choices)
    sasaran = models.ForeignKey(
        Sasaran,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
    )
    program = models.ForeignKey(
        Program,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
    )
    kegiatan = models.ForeignKey(
        Kegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="sub kegiatan",
    )
    nama = models.CharField("nama indikator", max_length=400)
    satuan = models.CharField("satuan", max_length=50)
    definisi = models.TextField("definisi", blank=True)
    formula = models.TextField("formula", blank=True)
    label_pembilang = models.CharField("komponen pembilang", max_length=300, blank=True)
    label_penyebut = models.CharField("komponen penyebut", max_length=300, blank=True)
    pengali = models.DecimalField(
        "pengali", max_digits=10, decimal_places=2, default=100
    )
    polaritas = models.CharField(
        "polaritas",
        max_length=10,
        choices=Polaritas.choices,
        default=Polaritas.NAIK,
    )
    jenis = models.CharField(
        "cara menggabung triwulan",
        max_length=10,
        choices=Jenis.choices,
        default=Jenis.STOK,
    )
    pemilik = models.ForeignKey(
        Pegawai,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="pemilik (rencana aksi)",
    )
    target_renstra = _angka("target akhir Renstra")
    boleh_lebih_100_persen = models.BooleanField(
        "persentase boleh di luar 0-100", default=False
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["tingkat", "urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        tingkat="sasaran",
                        sasaran__isnull=False,
                        program__isnull=True,
                        kegiatan__isnull=True,
                        sub_kegiatan__isnull=True,
                    )
                    | Q(
                        tingkat="program",
                        sasaran__isnull=True,
                        program__isnull=False,
                        kegiatan__isnull=True,
                        sub_kegiatan__isnull=True,
                    )
                    | Q(
                        tingkat="kegiatan",
                        sasaran__isnull=True,
                        program__isnull=True,
                        kegiatan__isnull=False,
                        sub_kegiatan__isnull=True,
                    )
                    | Q(
                        tingkat="sub_kegiatan",
                        sasaran__isnull=True,
                        program__isnull=True,
                        kegiatan__isnull=True,
                        sub_kegiatan__isnull=False,
                    )
                ),
                name="indikator_satu_pemilik",
                violation_error_message=(
                    "Indikator harus dimiliki tepat satu sasaran, program, "
                    "kegiatan, atau sub kegiatan sesuai tingkatnya."
                ),
            ),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        if self.jenis == self.Jenis.RASIO and not (
            self.label_pembilang and self.label_penyebut
        ):
            raise ValidationError(
                "Indikator rasio wajib memiliki komponen pembilang dan penyebut."
            )

    @property
    def induk(self):
        """The sasaran, program, kegiatan or sub kegiatan the indicator measures."""
        return self.sasaran or self.program or self.kegiatan or self.sub_kegiatan


class TargetIndikator(models.Model):
    """The targets of an indicator for one year: the year's and each quarter's."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="target"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    target = _angka("target tahunan")
    target_tw1 = _angka("target TW I")
    target_tw2 = _angka("target TW II")
    target_tw3 = _angka("target TW III")
    target_tw4 = _angka("target TW IV")

    class Meta:
        verbose_name = "target indikator"
        verbose_name_plural = "target indikator"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun"],
                name="target_unik",
                violation_error_message="Target indikator untuk tahun ini sudah ada.",
            )
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun}"

    @property
    def per_triwulan(self):
        return {
            1: self.target_tw1,
            2: self.target_tw2,
            3: self.target_tw3,
            4: self.target_tw4,
        }


class AnggaranSubKegiatan(models.Model):
    """The budget of a sub kegiatan for its year, per DPA version.

    ``kas_tw*`` is the cash planned within each quarter (SIPD's months summed);
    the plan up to a quarter's end is the sum of the quarters so far.
    """

    class Versi(models.TextChoices):
        MURNI = "murni", "DPA murni"
        PERUBAHAN = "perubahan", "DPA perubahan"

    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, related_name="anggaran"
    )
    versi = models.CharField(
        "versi DPA", max_length=10, choices=Versi.choices, default=Versi.MURNI
    )
    tanggal = models.DateField("tanggal penetapan", null=True, blank=True)
    alasan = models.TextField("alasan perubahan", blank=True)
    pagu = _uang("pagu")
    kas_tw1 = _uang("anggaran kas TW I", default=0)
    kas_tw2 = _uang("anggaran kas TW II", default=0)
    kas_tw3 = _uang("anggaran kas TW III", default=0)
    kas_tw4 = _uang("anggaran kas TW IV", default=0)

    class Meta:
        verbose_name = "anggaran sub kegiatan"
        verbose_name_plural = "anggaran sub kegiatan"
        ordering = ["sub_kegiatan", "versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["sub_kegiatan", "versi"],
                name="anggaran_versi_unik",
                violation_error_message=(
                    "Anggaran versi ini sudah ada untuk sub kegiatan tersebut."
                ),
            ),
            models.CheckConstraint(
                condition=Q(pagu__gte=0)
                & Q(kas_tw1__gte=0)
                & Q(kas_tw2__gte=0)
                & Q(kas_tw3__gte=0)
                & Q(kas_tw4__gte=0),
                name="anggaran_tidak_negatif",
                violation_error_message="Pagu dan anggaran kas tidak boleh negatif.",
            ),
        ]

    def __str__(self):
        return f"{self.sub_kegiatan} ({self.get_versi_display()})"

    @property
    def kas_per_triwulan(self):
        return {1: self.kas_tw1, 2: self.kas_tw2, 3: self.kas_tw3, 4: self.kas_tw4}


class RincianBelanja(models.Model):
    """An expenditure line (kode rekening belanja) of a sub kegiatan's budget."""

    anggaran = models.ForeignKey(
        AnggaranSubKegiatan, on_delete=models.CASCADE, related_name="rincian"
    )
    kode_rekening = models.CharField("kode rekening", max_length=30, blank=True)
    uraian = models.CharField("uraian", max_length=300)
    pagu = _uang("pagu", null=True, blank=True)
    kas_tw1 = _uang("anggaran kas TW I", default=0)
    kas_tw2 = _uang("anggaran kas TW II", default=0)
    kas_tw3 = _uang("anggaran kas TW III", default=0)
    kas_tw4 = _uang("anggaran kas TW IV", default=0)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "rincian belanja"
        verbose_name_plural = "rincian belanja"
        ordering = ["anggaran", "urutan", "kode_rekening"]

    def __str__(self):
        return f"{self.kode_rekening} {self.uraian}"

    @property
    def kas_per_triwulan(self):
        return {1: self.kas_tw1, 2: self.kas_tw2, 3: self.kas_tw3, 4: self.kas_tw4}


def _pengguna(related_name="+", **kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        **kwargs,
    )


class PerjanjianKinerja(models.Model):
    """The yearly performance agreement of an official (pihak pertama) with the
    superior (pihak kedua).

    The agreed indicators are chosen from the plan; their targets and the budget
    of the programs, kegiatan or sub kegiatan they measure are read from the plan
    and the DPA in force, never retyped. A superior who is not a staff record of
    the agency (the Bupati for a Kepala Dinas) is given by name and position.
    """

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    pihak_pertama = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        related_name="perjanjian_kinerja",
        verbose_name="pihak pertama",
    )
    pihak_kedua = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="perjanjian_kinerja_atasan",
        verbose_name="pihak kedua",
        help_text="Kosongkan bila atasan bukan pegawai instansi (mis. Bupati).",
    )
    nama_pihak_kedua = models.CharField(
        "nama pihak kedua (bukan pegawai)", max_length=200, blank=True
    )
    jabatan_pihak_kedua = models.CharField(
        "jabatan pihak kedua (bukan pegawai)", max_length=200, blank=True
    )
    tanggal = models.DateField("tanggal penandatanganan")
    tempat = models.CharField("tempat penandatanganan", max_length=100, blank=True)
    indikator = models.ManyToManyField(
        Indikator,
        related_name="perjanjian_kinerja",
        verbose_name="indikator yang diperjanjikan",
    )
    dibuat_oleh = _pengguna()
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    diubah_oleh = _pengguna()
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["instansi", "-tahun", "pihak_pertama__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pihak_pertama", "tahun"],
                name="perjanjian_kinerja_unik",
                violation_error_message=(
                    "Perjanjian Kinerja pegawai ini untuk tahun tersebut sudah ada."
                ),
            )
        ]

    def __str__(self):
        return f"Perjanjian Kinerja {self.tahun} {self.pihak_pertama}"


class ImporSIPD(models.Model):
    """One uploaded SIPD Excel file: who uploaded it, what the preview found,
    and who applied it. The file is kept so that the applied data can be traced."""

    class Jenis(models.TextChoices):
        DPA = "dpa", "DPA (pagu dan rincian belanja)"
        KAS = "kas", "Anggaran kas"
        REALISASI = "realisasi", "Realisasi anggaran"

    class Status(models.TextChoices):
        PRATINJAU = "pratinjau", "Menunggu konfirmasi"
        DITOLAK = "ditolak", "Ditolak (ada baris yang salah)"
        DITERAPKAN = "diterapkan", "Diterapkan"
        DIBATALKAN = "dibatalkan", "Dibatalkan"

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="impor_sipd"
    )
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    tahun = models.PositiveSmallIntegerField("tahun anggaran")
    opsi = models.JSONField(
        "opsi",
        default=dict,
        blank=True,
        help_text="Versi DPA, tanggal, alasan, triwulan, unit sub kegiatan baru.",
    )
    nama_file = models.CharField("nama berkas", max_length=255)
    ukuran = models.PositiveIntegerField("ukuran (byte)")
    sidik = models.CharField("SHA-256", max_length=64)
    isi = models.BinaryField("isi berkas")
    baris = models.JSONField(
        "baris terbaca",
        null=True,
        blank=True,
        editable=False,
        help_text="Baris data berkas, dibaca sekali saat diunggah.",
    )
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.PRATINJAU
    )
    jumlah_baris = models.PositiveIntegerField("baris data", default=0)
    jumlah_baru = models.PositiveIntegerField("baru", default=0)
    jumlah_berubah = models.PositiveIntegerField("berubah", default=0)
    jumlah_tetap = models.PositiveIntegerField("tetap", default=0)
    jumlah_galat = models.PositiveIntegerField("baris salah", default=0)
    diunggah_oleh = _pengguna(verbose_name="diunggah oleh")
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now_add=True)
    diterapkan_oleh = _pengguna(verbose_name="diterapkan oleh")
    diterapkan_pada = models.DateTimeField("diterapkan pada", null=True, blank=True)

    class Meta:
        verbose_name = "impor SIPD"
        verbose_name_plural = "impor SIPD"
        ordering = ["instansi", "-diunggah_pada", "-pk"]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.tahun}: {self.nama_file}"


class SalinanRencana(models.Model):
    """A year's plan copied to the next year (rollover). The copy is a draft
    until Perencanaan sets it (``ditetapkan_pada``)."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="salinan_rencana"
    )
    tahun_asal = models.PositiveSmallIntegerField("tahun asal")
    tahun_tujuan = models.PositiveSmallIntegerField("tahun tujuan")
    jumlah_program = models.PositiveIntegerField("program", default=0)
    jumlah_kegiatan = models.PositiveIntegerField("kegiatan", default=0)
    jumlah_sub_kegiatan = models.PositiveIntegerField("sub kegiatan", default=0)
    jumlah_indikator = models.PositiveIntegerField("indikator", default=0)
    oleh = _pengguna(verbose_name="disalin oleh")
    pada = models.DateTimeField("disalin pada", auto_now_add=True)
    ditetapkan_oleh = _pengguna(verbose_name="ditetapkan oleh")
    ditetapkan_pada = models.DateTimeField("ditetapkan pada", null=True, blank=True)

    class Meta:
        verbose_name = "salinan rencana"
        verbose_name_plural = "salinan rencana"
        ordering = ["instansi", "-tahun_tujuan"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun_tujuan"],
                name="salinan_rencana_unik",
                violation_error_message=(
                    "Rencana tahun tujuan ini sudah pernah disalin."
                ),
            )
        ]

    def __str__(self):
        return f"Rencana {self.tahun_tujuan} (salinan {self.tahun_asal})"

    @property
    def draf(self):
        return self.ditetapkan_pada is None


class RiwayatRencana(models.Model):
    """One change to the plan: who, when, what, and the values before/after."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="riwayat_rencana"
    )
    aksi = models.CharField("aksi", max_length=30)
    objek = models.CharField("objek", max_length=300)
    rincian = models.JSONField("rincian", default=dict, blank=True)
    oleh = _pengguna(verbose_name="oleh")
    pada = models.DateTimeField("pada", auto_now_add=True)

    class Meta:
        verbose_name = "riwayat rencana"
        verbose_name_plural = "riwayat rencana"
        ordering = ["instansi", "-pada", "-pk"]

    def __str__(self):
        return f"{self.aksi}: {self.objek}"
