"""The organisation: agency (Instansi), work units, staff and their roles."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

nip_validator = RegexValidator(
    r"^\d{18}$", "NIP harus terdiri atas 18 angka (tanpa spasi)."
)

PANGKAT = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}


class Instansi(models.Model):
    """A Perangkat Daerah. Every plan record belongs to one."""

    kode = models.SlugField("kode", max_length=40, unique=True)
    nama = models.CharField("nama", max_length=200)
    singkatan = models.CharField("singkatan", max_length=40, blank=True)
    pemda = models.CharField("pemerintah daerah", max_length=200)
    alamat = models.CharField("alamat", max_length=255, blank=True)
    kota = models.CharField("kota", max_length=100, blank=True)
    kode_pos = models.CharField("kode pos", max_length=10, blank=True)
    kop = models.TextField(
        "kop surat", blank=True, help_text="Satu baris kop surat per baris."
    )
    kode_urusan = models.CharField(
        "kode bidang urusan utama",
        max_length=10,
        blank=True,
        help_text="Pengganti X.XX pada kode Program Penunjang, mis. 2.07.",
    )
    # The agency's logo as stored bytes (PNG, bounded by lakip.logo), so every
    # app server and the PDF renderer read it from the database.
    logo = models.BinaryField("logo", blank=True, null=True, editable=False)
    logo_tipe = models.CharField("jenis berkas logo", max_length=40, blank=True)

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    @property
    def baris_kop(self):
        return [b.strip() for b in self.kop.splitlines() if b.strip()]

    @property
    def logo_data_url(self):
        """The logo as a ``data:`` URL (embedded in pages and PDFs); the neutral
        default when none was uploaded."""
        from lakip.logo import data_url_logo

        return data_url_logo(self)


class UnitKerja(models.Model):
    class Jenis(models.TextChoices):
        SEKRETARIAT = "sekretariat", "Sekretariat"
        SUBBAGIAN = "subbagian", "Subbagian"
        BIDANG = "bidang", "Bidang"
        UPT = "upt", "UPT"

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="unit_kerja"
    )
    kode = models.SlugField("kode", max_length=40)
    nama = models.CharField("nama", max_length=200)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    induk = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_unit",
        verbose_name="unit induk",
    )
    kepala = models.ForeignKey(
        "Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="kepala unit",
    )
    mengisi_iku = models.BooleanField(
        "mengisi realisasi IKU",
        default=False,
        help_text="Unit yang mengisi realisasi indikator sasaran (IKU) tiap triwulan.",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["instansi", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "kode"], name="unitkerja_kode_unik"
            )
        ]

    def __str__(self):
        return self.nama


class Pegawai(models.Model):
    """A civil servant, PPPK or other staff member of an agency."""

    class JenisJabatan(models.TextChoices):
        STRUKTURAL = "struktural", "Struktural"
        FUNGSIONAL = "fungsional", "Fungsional"
        PELAKSANA = "pelaksana", "Pelaksana"
        PPPK = "pppk", "PPPK"

    class Eselon(models.TextChoices):
        II_A = "II.a", "II.a"
        II_B = "II.b", "II.b"
        III_A = "III.a", "III.a"
        III_B = "III.b", "III.b"
        IV_A = "IV.a", "IV.a"
        IV_B = "IV.b", "IV.b"

    class Golongan(models.TextChoices):
        IV_E = "IV/e", "IV/e"
        IV_D = "IV/d", "IV/d"
        IV_C = "IV/c", "IV/c"
        IV_B = "IV/b", "IV/b"
        IV_A = "IV/a", "IV/a"
        III_D = "III/d", "III/d"
        III_C = "III/c", "III/c"
        III_B = "III/b", "III/b"
        III_A = "III/a", "III/a"
        II_D = "II/d", "II/d"
        II_C = "II/c", "II/c"
        II_B = "II/b", "II/b"
        II_A = "II/a", "II/a"
        I_D = "I/d", "I/d"
        I_C = "I/c", "I/c"
        I_B = "I/b", "I/b"
        I_A = "I/a", "I/a"

    class Pendidikan(models.TextChoices):
        S3 = "S3", "Strata Tiga (S3)"
        S2 = "S2", "Strata Dua (S2)"
        S1 = "S1", "Strata Satu (S1)"
        D4 = "D4", "Diploma IV (D4)"
        D3 = "D3", "Diploma III (D3)"
        SMA = "SMA", "SMA/STM"
        SMP = "SMP", "SMP"
        SD = "SD", "SD"

    class JenisKelamin(models.TextChoices):
        L = "L", "Laki-laki"
        P = "P", "Perempuan"

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="pegawai"
    )
    nama = models.CharField("nama", max_length=150)
    gelar_depan = models.CharField("gelar depan", max_length=40, blank=True)
    gelar_belakang = models.CharField("gelar belakang", max_length=60, blank=True)
    nip = models.CharField("NIP", max_length=18, blank=True, validators=[nip_validator])
    golongan = models.CharField(
        "golongan", max_length=6, choices=Golongan.choices, blank=True
    )
    jabatan = models.CharField("jabatan", max_length=200)
    jenis_jabatan = models.CharField(
        "jenis jabatan", max_length=20, choices=JenisJabatan.choices
    )
    eselon = models.CharField(
        "eselon", max_length=6, choices=Eselon.choices, blank=True
    )
    jabatan_fungsional = models.CharField(
        "jabatan fungsional", max_length=150, blank=True
    )
    pendidikan = models.CharField(
        "pendidikan", max_length=4, choices=Pendidikan.choices, blank=True
    )
    jenis_kelamin = models.CharField(
        "jenis kelamin", max_length=1, choices=JenisKelamin.choices, blank=True
    )
    unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pegawai",
        verbose_name="unit kerja",
    )
    atasan = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bawahan",
        verbose_name="atasan (evaluator)",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pegawai",
        verbose_name="akun login",
    )
    placeholder = models.BooleanField(
        "data pengisi",
        default=False,
        help_text="Pegawai yang tidak disebut namanya dalam dokumen sumber.",
    )
    dievaluasi_berjenjang = models.BooleanField(
        "mendapat pernyataan telah dievaluasi",
        default=True,
        help_text=(
            "Bila dicentang, pejabat yang memiliki indikator atau memimpin unit "
            "mendapat halaman Pernyataan Telah Dievaluasi dari atasannya setiap "
            "triwulan. Tabel evaluasinya tetap dicetak."
        ),
    )
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["instansi", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "nip"],
                condition=~models.Q(nip=""),
                name="pegawai_nip_unik",
            )
        ]

    def __str__(self):
        return self.nama_lengkap

    @property
    def nama_lengkap(self):
        nama = self.nama
        if self.gelar_depan:
            nama = f"{self.gelar_depan} {nama}"
        if self.gelar_belakang:
            nama = f"{nama}, {self.gelar_belakang}"
        return nama

    @property
    def pangkat(self):
        return PANGKAT.get(self.golongan, "")

    @property
    def nip_cetak(self):
        from lakip.format import format_nip

        return format_nip(self.nip)


class KeanggotaanInstansi(models.Model):
    """The one agency a login belongs to. Every page of the app reads this; a login
    without it sees no agency's data (including accounts without a staff record,
    such as an inspector's)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="keanggotaan",
        verbose_name="akun login",
    )
    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="anggota"
    )

    class Meta:
        verbose_name = "keanggotaan instansi"
        verbose_name_plural = "keanggotaan instansi"
        ordering = ["instansi", "user__username"]

    def __str__(self):
        return f"{self.user} · {self.instansi}"


class RiwayatOrganisasi(models.Model):
    """One privileged change to the organisation (a login linked to a staff
    record, a unit head or superior named, a reset link issued): who, when, what."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="riwayat_organisasi"
    )
    aksi = models.CharField("aksi", max_length=40)
    objek = models.CharField("objek", max_length=300)
    nilai_lama = models.CharField("nilai lama", max_length=300, blank=True)
    nilai_baru = models.CharField("nilai baru", max_length=300, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="oleh",
    )
    pada = models.DateTimeField("pada", auto_now_add=True)

    class Meta:
        verbose_name = "riwayat organisasi"
        verbose_name_plural = "riwayat organisasi"
        ordering = ["instansi", "-pada", "-pk"]

    def __str__(self):
        return f"{self.aksi}: {self.objek}"


class Notifikasi(models.Model):
    """A message to one user about something that happened (a workflow
    transition); read when ``dibaca_pada`` is set."""

    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifikasi",
        verbose_name="penerima",
    )
    judul = models.CharField("judul", max_length=200)
    pesan = models.TextField("pesan", blank=True)
    url = models.CharField("tautan", max_length=500, blank=True)
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    dibaca_pada = models.DateTimeField("dibaca pada", null=True, blank=True)

    class Meta:
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["penerima", "dibaca_pada"])]

    def __str__(self):
        return self.judul


class Delegasi(models.Model):
    """A recorded delegation of an office (Plh. or Plt.): during ``mulai`` to
    ``selesai`` the acting official (``pelaksana``) signs for the office holder
    (``pejabat``), under the decree ``nomor_sk`` of ``tanggal_sk``. Written only
    through ``lakip.delegasi.catat_delegasi``; never changed afterwards."""

    class Jenis(models.TextChoices):
        PLH = "plh", "Plh."
        PLT = "plt", "Plt."

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="delegasi"
    )
    pejabat = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        related_name="jabatan_diwakilkan",
        verbose_name="pejabat yang diwakili",
    )
    pelaksana = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        related_name="jabatan_diwakili",
        verbose_name="pelaksana (Plh./Plt.)",
    )
    jenis = models.CharField("jenis", max_length=3, choices=Jenis.choices)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    nomor_sk = models.CharField("nomor surat keputusan/perintah", max_length=100)
    tanggal_sk = models.DateField("tanggal surat")
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dicatat oleh",
    )
    dicatat_pada = models.DateTimeField("dicatat pada")

    class Meta:
        verbose_name = "pelaksana tugas (Plh./Plt.)"
        verbose_name_plural = "pelaksana tugas (Plh./Plt.)"
        ordering = ["instansi", "-mulai", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(selesai__gte=models.F("mulai")),
                name="delegasi_periode_urut",
            ),
            models.CheckConstraint(
                condition=~models.Q(pejabat=models.F("pelaksana")),
                name="delegasi_bukan_diri_sendiri",
            ),
        ]

    def __str__(self):
        return (
            f"{self.get_jenis_display()} {self.pejabat.jabatan}: "
            f"{self.pelaksana.nama_lengkap} ({self.mulai:%d-%m-%Y} s.d. "
            f"{self.selesai:%d-%m-%Y})"
        )
