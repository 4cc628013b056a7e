"""What a report adds to the data: its editable prose, its supporting data tables,
and the documents generated from it.

Numbers are never stored here: every figure of a document is computed by
``laporan.data.bangun_data_laporan``. A ``Laporan`` holds only what people write.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from lakip.models import Instansi
from lakip.triwulan import TRIWULAN_CHOICES
from renstra.models import Indikator, Sasaran, SubKegiatan


def kolom_pengguna(verbose_name):
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
    dibuat_oleh = kolom_pengguna("dibuat oleh")
    dibuat_pada = models.DateTimeField("dibuat pada", null=True, blank=True)
    diubah_oleh = kolom_pengguna("diubah oleh")
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
    diubah_oleh = kolom_pengguna("diubah oleh")
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
    diubah_oleh = kolom_pengguna("diubah oleh")
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
    diminta_oleh = kolom_pengguna("diminta oleh")
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
    verification code printed on it; ``isi`` the PDF as issued (the authoritative
    form of the signed document) and ``sha256`` its hash. ``kunci`` names the
    document within its kind and quarter (``pernyataan-<pegawai>``,
    ``pejabat-<pegawai>``, ``unit-<unit>``, ``subkegiatan-<sub kegiatan>``,
    ``undangan``, ``rekomendasi-<unit>``). A yearly document (a kind with
    ``JenisDokumen.periode`` ``"tahun"``, e.g. the LKE) has ``triwulan``
    ``TAHUNAN`` (0): the unique constraint below holds for it as for a
    quarter's (a NULL quarter would let a document be signed twice)."""

    TAHUNAN = 0

    class Jenis(models.TextChoices):
        PERNYATAAN = "pernyataan", "Pernyataan telah dievaluasi"
        EVALUASI = "evaluasi", "Tabel evaluasi kinerja"
        SUB_KEGIATAN = "subkegiatan", "Laporan sub kegiatan triwulan"
        UNDANGAN = "undangan", "Undangan rapat evaluasi"
        REKOMENDASI = "rekomendasi", "Rekomendasi hasil evaluasi"

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="dokumen_terbit"
    )
    jenis = models.CharField("jenis dokumen", max_length=30)
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", choices=[(TAHUNAN, "Tahunan"), *TRIWULAN_CHOICES]
    )
    kunci = models.CharField("kunci dokumen", max_length=60)
    judul = models.CharField("judul dokumen", max_length=300)
    subjek = models.ForeignKey(
        "lakip.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pejabat yang dilaporkan",
    )
    subjek_nama = models.CharField("nama yang dilaporkan", max_length=200)
    subjek_jabatan = models.CharField("jabatan yang dilaporkan", max_length=200)
    subjek_nip = models.CharField("NIP yang dilaporkan", max_length=18, blank=True)
    penanda_nama = models.CharField("nama penanda tangan", max_length=200)
    penanda_jabatan = models.CharField("jabatan penanda tangan", max_length=200)
    penanda_pangkat = models.CharField("pangkat", max_length=60, blank=True)
    penanda_golongan = models.CharField("golongan", max_length=10, blank=True)
    penanda_nip = models.CharField("NIP penanda tangan", max_length=18, blank=True)
    # Signed by an acting official (Plh./Plt.) under a recorded delegation:
    # ``penanda_*`` stay the office holder named on the document, ``kuasa``
    # ("Plh."/"Plt.") and ``pelaksana_*`` the acting official who signed.
    kuasa = models.CharField("Plh./Plt.", max_length=4, blank=True)
    delegasi = models.ForeignKey(
        "lakip.Delegasi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen_terbit",
        verbose_name="delegasi yang dipakai",
    )
    pelaksana_nama = models.CharField(
        "nama pelaksana tugas", max_length=200, blank=True
    )
    pelaksana_jabatan = models.CharField(
        "jabatan pelaksana tugas", max_length=200, blank=True
    )
    pelaksana_pangkat = models.CharField("pangkat pelaksana", max_length=60, blank=True)
    pelaksana_golongan = models.CharField(
        "golongan pelaksana", max_length=10, blank=True
    )
    pelaksana_nip = models.CharField("NIP pelaksana tugas", max_length=18, blank=True)
    delegasi_nomor_sk = models.CharField(
        "nomor surat Plh./Plt.", max_length=100, blank=True
    )
    delegasi_tanggal_sk = models.DateField(
        "tanggal surat Plh./Plt.", null=True, blank=True
    )
    # Who pressed the button, as a staff record (frozen as text too).
    pencatat = models.ForeignKey(
        "lakip.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pegawai yang mencatat",
    )
    pencatat_nama = models.CharField("nama yang mencatat", max_length=200, blank=True)
    pencatat_nip = models.CharField("NIP yang mencatat", max_length=18, blank=True)
    kode = models.CharField("kode verifikasi", max_length=12, unique=True)
    sha256 = models.CharField("SHA-256 PDF", max_length=64)
    isi = models.BinaryField("PDF yang diterbitkan")
    ditandatangani_oleh = kolom_pengguna("dicatat oleh")
    ditandatangani_pada = models.DateTimeField("ditandatangani pada")
    # The date printed above the signature when it was signed (the kind's date
    # rule, ``JenisDokumen.tanggal``): a later change of the quarter's calendar
    # does not change the signed document. Empty for records signed before it
    # was kept.
    tanggal_dokumen = models.DateField("tanggal dokumen", null=True, blank=True)

    class Meta:
        verbose_name = "dokumen bertanda tangan"
        verbose_name_plural = "dokumen bertanda tangan"
        ordering = ["-ditandatangani_pada"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "jenis", "kunci", "tahun", "triwulan"],
                name="dokumenterbit_kunci_unik",
            ),
        ]

    def __str__(self):
        return f"{self.judul} — {self.periode}"

    @property
    def periode(self):
        """``Triwulan I Tahun 2024``, or ``Tahun 2024`` for a yearly document."""
        if self.triwulan == self.TAHUNAN:
            return f"Tahun {self.tahun}"
        return f"Triwulan {dict(TRIWULAN_CHOICES)[self.triwulan]} Tahun {self.tahun}"

    @property
    def dicatat_orang_lain(self):
        """True when the person who pressed the button is not the named signer
        (an acting official, or a record made before delegations existed)."""
        if not self.pencatat_nama:
            return False
        if self.pencatat_nip and self.penanda_nip:
            return self.pencatat_nip != self.penanda_nip
        return self.pencatat_nama != self.penanda_nama


class UraianSubKegiatan(models.Model):
    """The prose of a sub kegiatan's quarterly report (laporan sub kegiatan
    triwulan): written by the unit that carries it out, printed every quarter of
    the year. Figures are never stored here."""

    sub_kegiatan = models.OneToOneField(
        SubKegiatan,
        on_delete=models.CASCADE,
        related_name="uraian_laporan",
        verbose_name="sub kegiatan",
    )
    latar_belakang = models.TextField("latar belakang", blank=True)
    dasar_hukum = models.TextField(
        "dasar hukum", blank=True, help_text="Satu peraturan per baris."
    )
    tujuan = models.TextField("maksud dan tujuan", blank=True)
    ruang_lingkup = models.TextField("ruang lingkup", blank=True)
    metode = models.TextField(
        "metode pelaksanaan", blank=True, help_text="Cara dan pelaksana kegiatan."
    )
    lokasi = models.TextField(
        "lokasi pelaksanaan", blank=True, help_text="Satu lokasi per baris."
    )
    diubah_oleh = kolom_pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "uraian laporan sub kegiatan"
        verbose_name_plural = "uraian laporan sub kegiatan"

    def __str__(self):
        return f"Uraian {self.sub_kegiatan}"


class UraianProgram(models.Model):
    """The prose of the quarterly report on a whole program or kegiatan
    ("Laporan Program/Kegiatan" of a Bidang): written by the unit carrying it
    out, printed every quarter of the year around the figures the report
    computes. Exactly one of ``program`` and ``kegiatan`` is set; a program or
    kegiatan has a report once its prose is stored."""

    program = models.OneToOneField(
        "renstra.Program",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="uraian_laporan",
    )
    kegiatan = models.OneToOneField(
        "renstra.Kegiatan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="uraian_laporan",
    )
    latar_belakang = models.TextField("latar belakang", blank=True)
    ruang_lingkup = models.TextField("ruang lingkup", blank=True)
    tujuan = models.TextField("maksud dan tujuan", blank=True)
    sasaran = models.TextField("sasaran", blank=True)
    lokasi = models.TextField("lokasi kegiatan", blank=True)
    waktu = models.TextField("waktu pelaksanaan", blank=True)
    sumber_dana = models.TextField("sumber pendanaan", blank=True)
    kesimpulan = models.TextField("kesimpulan", blank=True)
    diubah_oleh = kolom_pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "uraian laporan program/kegiatan"
        verbose_name_plural = "uraian laporan program/kegiatan"
        constraints = [
            models.CheckConstraint(
                condition=(Q(program__isnull=False) & Q(kegiatan__isnull=True))
                | (Q(program__isnull=True) & Q(kegiatan__isnull=False)),
                name="uraian_program_satu_pemilik",
            ),
        ]

    def __str__(self):
        return f"Uraian {self.program or self.kegiatan}"


# -- Evaluation meeting (rapat evaluasi) ---------------------------------------
# Default texts of the invitation and the recommendations, as the seed words them.
# Placeholders (filled when printed): {tahun}, {triwulan} (I-IV), {instansi},
# {wilayah}, {bulan_triwulan} ("Januari - Maret"), {akhir_triwulan} ("31 Maret
# 2024"), {triwulan_berikut}; in the recommendations also {unit}.

UNDANGAN_PERIHAL = "Undangan Rapat Evaluasi Triwulan {triwulan}"
UNDANGAN_KEPADA = "Sekretaris\nKepala Bidang\nKasubag\nPejabat Fungsional"
UNDANGAN_DI = "Lingkup {instansi}"
UNDANGAN_PEMBUKA = (
    "Sehubungan dengan berakhirnya pelaksanaan Program/Kegiatan untuk Triwulan "
    "{triwulan} ({bulan_triwulan}) APBD/APBN TA. {tahun}, maka diharapkan kepada "
    "para pejabat Eselon III, IV dan Pejabat Fungsional untuk menghadiri rapat "
    "Intern Lingkup {instansi} {wilayah}, Pada Kegiatan Evaluasi Kinerja Perangkat "
    "Daerah TA. {tahun}, **sesuai jadwal terlampir.**\n\n"
    "Mengingat pentingnya rapat tersebut, maka kehadirannya sangat diharapkan, "
    "dengan membawa data-data:"
)
UNDANGAN_DATA_DIBAWA = (
    "Realisasi Anggaran sampai {akhir_triwulan}\nHasil laporan evaluasi"
)
UNDANGAN_PENUTUP = (
    "Demikian disampaikan untuk dilaksanakan dan atas kerjasamanya diucapkan "
    "terima kasih."
)
UNDANGAN_KEGIATAN = "Evaluasi Kinerja Perangkat Daerah"
REKOMENDASI_PEMBUKA = (
    "Berdasarkan Hasil Evaluasi Triwulan {triwulan} Tahun Anggaran {tahun}, {unit} "
    "dengan melihat hasil monitoring dan Evaluasi Triwulan {triwulan}, maka terdapat "
    "beberapa rekomendasi untuk ditindaklanjuti pada pelaksanaan kegiatan "
    "Triwulan {triwulan_berikut}, adapun rekomendasi tersebut adalah sebagai "
    "berikut :"
)
REKOMENDASI_PENUTUP = (
    "Demikian Rekomendasi ini dibuat sebagai bahan tindak lanjut dari hasil "
    "pelaksanaan evaluasi berjenjang di lingkup {unit} {instansi}."
)


class UndanganRapat(models.Model):
    """The Kepala Dinas's invitation to the quarter's evaluation meeting
    (rapat evaluasi berjenjang), prepared by Perencanaan, with its schedule
    (``jadwal``, one meeting per unit) as the letter's attachment."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="undangan_rapat"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    nomor = models.CharField(
        "nomor surat",
        max_length=100,
        blank=True,
        help_text="Mis. 300.2.12/793/Transnaker/2024; kosong = diisi tangan.",
    )
    tanggal = models.DateField("tanggal surat")
    lampiran = models.CharField(
        "lampiran", max_length=60, blank=True, default="1 (satu) lembar"
    )
    perihal = models.CharField("perihal", max_length=200, default=UNDANGAN_PERIHAL)
    kepada = models.TextField(
        "yang diundang (Yth.)",
        default=UNDANGAN_KEPADA,
        help_text="Satu penerima per baris; dicetak bernomor.",
    )
    di = models.CharField("di", max_length=200, default=UNDANGAN_DI)
    pembuka = models.TextField(
        "isi surat (sebelum daftar data)", default=UNDANGAN_PEMBUKA
    )
    data_dibawa = models.TextField(
        "data yang dibawa",
        blank=True,
        default=UNDANGAN_DATA_DIBAWA,
        help_text="Satu butir per baris; dicetak bernomor.",
    )
    penutup = models.TextField("penutup surat", default=UNDANGAN_PENUTUP)
    tempat = models.CharField(
        "tempat rapat", max_length=200, help_text="Tempat bawaan tiap jadwal."
    )
    kegiatan = models.CharField(
        "kegiatan (daftar hadir)", max_length=200, default=UNDANGAN_KEGIATAN
    )
    diubah_oleh = kolom_pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "undangan rapat evaluasi"
        verbose_name_plural = "undangan rapat evaluasi"
        ordering = ["instansi", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "triwulan"], name="undanganrapat_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4),
                name="undanganrapat_triwulan_1_4",
            ),
        ]

    def __str__(self):
        romawi = dict(TRIWULAN_CHOICES)[self.triwulan]
        return f"Undangan rapat evaluasi Triwulan {romawi} Tahun {self.tahun}"


class JadwalRapat(models.Model):
    """One unit's meeting slot in the invitation's schedule."""

    undangan = models.ForeignKey(
        UndanganRapat, on_delete=models.CASCADE, related_name="jadwal"
    )
    unit = models.ForeignKey(
        "lakip.UnitKerja",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="unit kerja",
    )
    tanggal = models.DateField("tanggal")
    jam_mulai = models.TimeField("jam mulai")
    jam_selesai = models.TimeField("jam selesai")
    tempat = models.CharField(
        "tempat", max_length=200, blank=True, help_text="Kosong = tempat undangan."
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "jadwal rapat"
        verbose_name_plural = "jadwal rapat"
        ordering = ["undangan", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["undangan", "unit"], name="jadwalrapat_unit_unik"
            ),
            models.CheckConstraint(
                condition=Q(jam_selesai__gt=models.F("jam_mulai")),
                name="jadwalrapat_jam_urut",
            ),
        ]

    def __str__(self):
        return f"{self.unit} {self.tanggal} {self.jam_mulai:%H.%M}"


class RekomendasiEvaluasi(models.Model):
    """A unit head's recommendations after the quarter's evaluation, one numbered
    block per subordinate official (``butir``); signed by the unit's head."""

    unit = models.ForeignKey(
        "lakip.UnitKerja",
        on_delete=models.CASCADE,
        related_name="rekomendasi_evaluasi",
        verbose_name="unit kerja",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    tanggal = models.DateField(
        "tanggal",
        null=True,
        blank=True,
        help_text="Kosong = hanya bulan dan tahun yang dicetak.",
    )
    pembuka = models.TextField("pembuka", default=REKOMENDASI_PEMBUKA)
    penutup = models.TextField("penutup", default=REKOMENDASI_PENUTUP)
    diubah_oleh = kolom_pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "rekomendasi hasil evaluasi"
        verbose_name_plural = "rekomendasi hasil evaluasi"
        ordering = ["unit", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "triwulan"], name="rekomendasi_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4),
                name="rekomendasi_triwulan_1_4",
            ),
        ]

    def __str__(self):
        romawi = dict(TRIWULAN_CHOICES)[self.triwulan]
        return f"Rekomendasi {self.unit} Triwulan {romawi} Tahun {self.tahun}"


class ButirRekomendasi(models.Model):
    """One recommendation (a., b., ...) to a subordinate official. Officials are
    numbered in the order of their first item."""

    rekomendasi = models.ForeignKey(
        RekomendasiEvaluasi, on_delete=models.CASCADE, related_name="butir"
    )
    pegawai = models.ForeignKey(
        "lakip.Pegawai",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="pejabat",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    teks = models.TextField("rekomendasi")

    class Meta:
        verbose_name = "butir rekomendasi"
        verbose_name_plural = "butir rekomendasi"
        ordering = ["rekomendasi", "urutan", "id"]

    def __str__(self):
        return f"{self.pegawai}: {self.teks[:60]}"


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


class KalenderTriwulan(models.Model):
    """The dates of one agency's quarter that its documents carry, entered by
    Perencanaan (``laporan.kalender.simpan_kalender``). An empty date takes its
    default (``laporan.kalender.susun_kalender``); the quarter's last day is not
    stored (``lakip.triwulan.akhir_triwulan``)."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, related_name="kalender_triwulan"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    tanggal_laporan = models.DateField(
        "tanggal laporan",
        null=True,
        blank=True,
        help_text="Tanggal laporan sub kegiatan triwulan.",
    )
    tanggal_rapat = models.DateField(
        "tanggal rapat evaluasi",
        null=True,
        blank=True,
        help_text="Kosong = hari pertama jadwal undangan rapat evaluasi.",
    )
    tanggal_terbit = models.DateField(
        "tanggal terbit",
        null=True,
        blank=True,
        help_text="Tanggal pernyataan, tabel evaluasi dan rekomendasi; "
        "kosong = hari terakhir rapat evaluasi.",
    )
    diubah_oleh = kolom_pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "kalender triwulan"
        verbose_name_plural = "kalender triwulan"
        ordering = ["instansi", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "triwulan"], name="kalendertriwulan_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4),
                name="kalendertriwulan_triwulan_1_4",
            ),
        ]

    def __str__(self):
        romawi = dict(TRIWULAN_CHOICES)[self.triwulan]
        return f"Kalender Triwulan {romawi} Tahun {self.tahun} — {self.instansi}"


class LaporanUnit(models.Model):
    """The prose a Sekretariat or Bidang writes for its own quarterly report
    (laporan kinerja triwulan unit): the chapters around the tables. The
    Perjanjian Kinerja and the realisation tables of the report are computed
    (``laporan.unit.susun``); no figure is stored here."""

    unit = models.ForeignKey(
        "lakip.UnitKerja",
        on_delete=models.CASCADE,
        related_name="laporan_unit",
        verbose_name="unit kerja",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=TRIWULAN_CHOICES)
    gambaran_umum = models.TextField("BAB I A. Gambaran umum", blank=True)
    kewenangan = models.TextField("BAB I B. Kewenangan", blank=True)
    tugas_fungsi = models.TextField("BAB I C. Tugas pokok dan fungsi", blank=True)
    dasar_kegiatan = models.TextField("BAB I D. Dasar kegiatan", blank=True)
    capaian_pengantar = models.TextField(
        "BAB III pengantar capaian kinerja", blank=True
    )
    capaian_analisis = models.TextField("BAB III analisis capaian kinerja", blank=True)
    anggaran_analisis = models.TextField(
        "BAB IV analisis realisasi anggaran", blank=True
    )
    penutup = models.TextField("BAB V Penutup", blank=True)
    diubah_oleh = kolom_pengguna("diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)

    class Meta:
        verbose_name = "laporan kinerja unit"
        verbose_name_plural = "laporan kinerja unit"
        ordering = ["unit", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "triwulan"], name="laporan_unit_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4),
                name="laporan_unit_triwulan_1_4",
            ),
        ]

    def __str__(self):
        romawi = dict(TRIWULAN_CHOICES)[self.triwulan]
        return f"Laporan Kinerja {self.unit} Triwulan {romawi} Tahun {self.tahun}"
