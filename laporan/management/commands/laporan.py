"""``python manage.py laporan data --tahun 2024 --triwulan 1``: the computed
figures as JSON on stdout (see README, "Ekspor JSON").

``python manage.py laporan lakip --tahun 2024 --triwulan 1 --output FILE.pdf``
(``--format html``): the LAKIP triwulan document, rendered synchronously.

``python manage.py laporan <kind> --tahun 2024 --triwulan 1 --output FILE.pdf``:
one subcommand per document kind (group) of the registry ``laporan.dokumen``
(``undangan``, ``daftarhadir``, ``pernyataan``, ``evaluasi``, ``subkegiatan
--kode KODE``, ``rekomendasi``; ``--unit KODE`` for one unit's attendance list
or recommendations), written through the package builder.

``python manage.py laporan paket --tahun 2024 --triwulan 1 --output FILE.pdf
[--bagian lakip,evaluasi,pernyataan-2] [--pekerja N] [--tanpa-cache]``: the LAKIP
and its attachments bound into one PDF (``laporan.paket``); ``--daftar`` lists
the parts and their keys, ``--pangkas-cache`` prunes the part cache.

Apps above laporan add their own subcommands through ``laporan.perintah``
(e.g. ``laporan lke|pohon|iku`` of ``evaluasi``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lakip.models import Instansi
from laporan.data_tersimpan import data_laporan
from laporan.dokumen import grup_jenis, jenis_dokumen
from laporan.dokumen.kunci import LAKIP
from laporan.ekspor_json import teks_json
from laporan.paket import cache
from laporan.paket.bagian import (
    PilihanTidakValid,
    daftar_bagian,
    label_jenis,
    pilih,
    susun_konteks,
)
from laporan.paket.rakit import rakit_paket
from laporan.perintah import SUBPERINTAH


class _Contoh:
    """A stand-in agency for the default file names in ``--help``."""

    kode = "INSTANSI"


def _tujuan(output, bawaan):
    tujuan = Path(output or bawaan)
    if not tujuan.parent.is_dir():
        raise CommandError(f"Folder “{tujuan.parent}” tidak ada.")
    return tujuan


def _periode(sub, nama, bantuan):
    """A subcommand with the options every subcommand takes: the period and the
    agency."""
    parser = sub.add_parser(nama, help=bantuan)
    parser.add_argument("--tahun", type=int, required=True)
    parser.add_argument("--triwulan", type=int, required=True, choices=[1, 2, 3, 4])
    parser.add_argument("--instansi", default="", help="kode instansi")
    return parser


def pilih_instansi(kode):
    """The agency with ``kode``, or the only agency when ``kode`` is empty."""
    if kode:
        try:
            return Instansi.objects.get(kode=kode)
        except Instansi.DoesNotExist:
            raise CommandError(f"Instansi dengan kode “{kode}” tidak ada.") from None
    semua = list(Instansi.objects.all()[:2])
    if len(semua) != 1:
        raise CommandError(
            "Sebutkan --instansi KODE (ada "
            + ("lebih dari satu instansi" if semua else "belum ada instansi")
            + ")."
        )
    return semua[0]


class Command(BaseCommand):
    help = "Menghasilkan data laporan (JSON) atau dokumen LAKIP dari data tersimpan."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="jenis", required=True)
        _periode(sub, "data", "Angka-angka hasil perhitungan sebagai JSON")
        lakip = _periode(sub, "lakip", "Dokumen LAKIP triwulan (PDF atau HTML)")
        lakip.add_argument(
            "--output",
            default="",
            help="berkas keluaran (bawaan: LAKIP-TAHUN-TWn-INSTANSI.pdf/.html)",
        )
        lakip.add_argument("--format", choices=["pdf", "html"], default="pdf")
        paket = _periode(
            sub, "paket", "LAKIP dan seluruh lampirannya dalam satu PDF (paket)"
        )
        paket.add_argument(
            "--output",
            default="",
            help="berkas PDF (bawaan: PAKET-LAKIP-TAHUN-TWn-INSTANSI.pdf)",
        )
        paket.add_argument(
            "--bagian",
            default="",
            help="bagian yang dipilih, dipisah koma: jenis ("
            + ", ".join(grup_jenis())
            + ") atau kunci bagian (lihat --daftar); bawaan: semua",
        )
        paket.add_argument(
            "--pekerja",
            type=int,
            default=None,
            help="jumlah proses penata halaman (bawaan: jumlah inti CPU)",
        )
        paket.add_argument(
            "--tanpa-cache",
            action="store_true",
            help="tata ulang semua bagian; cache tidak dibaca dan tidak diisi",
        )
        paket.add_argument(
            "--daftar", action="store_true", help="hanya tampilkan daftar bagian"
        )
        paket.add_argument(
            "--pangkas-cache",
            action="store_true",
            help="hapus cache bagian yang tidak dipakai selama "
            "LAKIP_PAKET_CACHE_HARI hari, lalu selesai",
        )
        for grup, daftar in grup_jenis().items():
            if grup in ("lakip", "data", "paket"):
                continue
            jenis = daftar[0]
            bantuan = f"{label_jenis()[grup]} (PDF)"
            if jenis.tanggal:
                bantuan += f"; tanggal: {jenis.tanggal}"
            perintah = _periode(sub, grup, bantuan)
            for flag, kw in jenis.opsi_perintah:
                perintah.add_argument(flag, **kw)
            perintah.add_argument(
                "--output",
                default="",
                help="berkas PDF (bawaan: "
                + jenis.nama_berkas(_Contoh(), "TAHUN", "n").replace(
                    "contoh", "INSTANSI"
                )
                + ")",
            )

        for nama, sub_perintah in SUBPERINTAH.items():
            parser_tambahan = sub.add_parser(nama, help=sub_perintah.bantuan)
            parser_tambahan.add_argument("--instansi", default="", help="kode instansi")
            sub_perintah.tambah_argumen(parser_tambahan)

    def handle(self, *args, **options):
        instansi = pilih_instansi(options["instansi"])
        if options["jenis"] in SUBPERINTAH:
            return SUBPERINTAH[options["jenis"]].jalankan(self, instansi, options)
        if options["jenis"] == "lakip":
            return self.lakip(instansi, options)
        if options["jenis"] == "paket":
            return self.paket(instansi, options)
        if options["jenis"] in grup_jenis():
            return self.dokumen(instansi, options)
        data = data_laporan(instansi, options["tahun"], options["triwulan"])
        self.stdout.write(teks_json(data))

    def lakip(self, instansi, options):
        from laporan.lakip.dokumen import susun_dokumen
        from laporan.lakip.render import nama_berkas, render_html

        tahun, triwulan = options["tahun"], options["triwulan"]
        if options["format"] == "pdf":
            bawaan = jenis_dokumen(LAKIP).nama_berkas(instansi, tahun, triwulan)
            return self._tulis(instansi, options, [LAKIP], bawaan)
        dok = susun_dokumen(instansi, tahun, triwulan)
        bawaan = nama_berkas(dok).removesuffix(".pdf") + ".html"
        tujuan = _tujuan(options["output"], bawaan)
        tujuan.write_text(render_html(dok), encoding="utf-8")
        self.stdout.write(f"HTML ditulis ke {tujuan}")

    def dokumen(self, instansi, options):
        """A kind's documents (``laporan.dokumen``) through the package builder:
        signed documents as issued, the rest from the part cache or laid out
        now."""
        grup, tahun, triwulan = options["jenis"], options["tahun"], options["triwulan"]
        jenis = grup_jenis()[grup][0]
        if jenis.perintah is not None:
            pilihan, bawaan = jenis.perintah(instansi, tahun, triwulan, options)
        else:
            pilihan, bawaan = [grup], jenis.nama_berkas(instansi, tahun, triwulan)
        self._tulis(instansi, options, pilihan, bawaan)

    def _tulis(self, instansi, options, pilihan, bawaan):
        tujuan = _tujuan(options["output"], bawaan)
        try:
            hasil = rakit_paket(
                instansi, options["tahun"], options["triwulan"], pilihan=pilihan
            )
        except PilihanTidakValid as galat:
            raise CommandError(str(galat)) from None
        tujuan.write_bytes(hasil.isi)
        self.stdout.write(f"PDF {hasil.jumlah_halaman} halaman ditulis ke {tujuan}")

    def paket(self, instansi, options):
        if options["pangkas_cache"]:
            jumlah = cache.pangkas()
            self.stdout.write(
                f"{jumlah} bagian cache yang tidak dipakai {cache.batas_hari()} hari "
                "dihapus."
            )
            return
        pilihan = [b for b in options["bagian"].split(",") if b.strip()]
        tahun, triwulan = options["tahun"], options["triwulan"]
        if options["daftar"]:
            semua = daftar_bagian(susun_konteks(instansi, tahun, triwulan))
            try:
                dipilih = pilih(semua, pilihan)
            except PilihanTidakValid as galat:
                raise CommandError(str(galat)) from None
            for b in dipilih:
                kelompok = f"{b.kelompok} / " if b.kelompok else ""
                self.stdout.write(f"{b.kunci}\t{kelompok}{b.judul}")
            return
        if options["pekerja"] is not None and options["pekerja"] < 1:
            raise CommandError("--pekerja paling sedikit 1.")
        try:
            hasil = rakit_paket(
                instansi,
                tahun,
                triwulan,
                pilihan=pilihan,
                pekerja=options["pekerja"],
                pakai_cache=not options["tanpa_cache"],
                kelengkapan=True,
            )
        except PilihanTidakValid as galat:
            raise CommandError(str(galat)) from None
        tujuan = _tujuan(options["output"], hasil.nama_berkas)
        tujuan.write_bytes(hasil.isi)
        self.stdout.write(
            f"PDF {hasil.jumlah_halaman} halaman, {len(hasil.bagian)} bagian "
            f"({len(hasil.dirender)} ditata, {len(hasil.dari_cache)} dari cache, "
            f"{hasil.pekerja} pekerja, {hasil.detik:.1f} detik) ditulis ke {tujuan}"
        )
        if hasil.tidak_dilampirkan:
            self.stdout.write(
                f"{len(hasil.tidak_dilampirkan)} dokumen kosong tidak dilampirkan "
                "(lihat: laporan kelengkapan)."
            )
