"""``python manage.py laporan data --tahun 2024 --triwulan 1``: the computed
figures as JSON on stdout (see README, "Ekspor JSON").

``python manage.py laporan lakip --tahun 2024 --triwulan 1 --output FILE.pdf``
(``--format html``): the LAKIP triwulan document, rendered synchronously.

``python manage.py laporan evaluasi|pernyataan --tahun 2024 --triwulan 1
--output FILE.pdf``: the evaluation tables / the pernyataan telah dievaluasi
pages (attachments of the LAKIP).

``python manage.py laporan undangan|daftarhadir|rekomendasi --tahun 2024
--triwulan 1 --output FILE.pdf`` (``--unit KODE`` for one unit's attendance
list or recommendations): the documents of the evaluation meeting.

``python manage.py laporan paket --tahun 2024 --triwulan 1 --output FILE.pdf
[--bagian lakip,evaluasi,pernyataan-2] [--pekerja N] [--tanpa-cache]``: the LAKIP
and its attachments bound into one PDF (``laporan.paket``); ``--daftar`` lists
the parts and their keys, ``--pangkas-cache`` prunes the part cache."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lakip.models import Instansi
from laporan.data_tersimpan import data_laporan
from laporan.ekspor_json import teks_json

LAMPIRAN = {
    "evaluasi": "Tabel Evaluasi Kinerja per unit dan per pejabat (PDF)",
    "pernyataan": "Pernyataan telah dievaluasi, satu halaman per pejabat (PDF)",
}

RAPAT = {
    "undangan": "Undangan rapat evaluasi dan jadwalnya (PDF)",
    "daftarhadir": "Daftar hadir rapat evaluasi: umum dan per unit (PDF)",
    "rekomendasi": "Rekomendasi hasil evaluasi per unit (PDF)",
}


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
        sub_keg = _periode(
            sub, "subkegiatan", "Laporan triwulan satu sub kegiatan (PDF)"
        )
        sub_keg.add_argument("--kode", required=True, help="kode sub kegiatan")
        sub_keg.add_argument("--output", default="", help="berkas PDF")
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
            help="bagian yang dipilih, dipisah koma: jenis (lakip, pernyataan, "
            "evaluasi, subkegiatan) atau kunci bagian (lihat --daftar); "
            "bawaan: semua",
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
        for bagian, bantuan in LAMPIRAN.items():
            lamp = _periode(sub, bagian, bantuan)
            lamp.add_argument(
                "--output",
                default="",
                help=f"berkas PDF (bawaan: {bagian.upper()}-TAHUN-TWn-INSTANSI.pdf)",
            )

        for jenis, bantuan in RAPAT.items():
            rapat = _periode(sub, jenis, bantuan)
            if jenis != "undangan":
                rapat.add_argument(
                    "--unit", default="", help="kode unit kerja (bawaan: semua unit)"
                )
            rapat.add_argument(
                "--output",
                default="",
                help=f"berkas PDF (bawaan: {jenis.upper()}-TAHUN-TWn-INSTANSI.pdf)",
            )

    def handle(self, *args, **options):
        instansi = pilih_instansi(options["instansi"])
        if options["jenis"] == "lakip":
            return self.lakip(instansi, options)
        if options["jenis"] == "subkegiatan":
            return self.sub_kegiatan(instansi, options)
        if options["jenis"] in LAMPIRAN:
            return self.lampiran(instansi, options)
        if options["jenis"] in RAPAT:
            return self.rapat(instansi, options)
        if options["jenis"] == "paket":
            return self.paket(instansi, options)
        data = data_laporan(instansi, options["tahun"], options["triwulan"])
        self.stdout.write(teks_json(data))

    def lakip(self, instansi, options):
        from laporan.lakip.dokumen import susun_dokumen
        from laporan.lakip.render import nama_berkas, render_html, render_pdf

        dok = susun_dokumen(instansi, options["tahun"], options["triwulan"])
        bawaan = nama_berkas(dok)
        if options["format"] == "html":
            bawaan = bawaan.removesuffix(".pdf") + ".html"
        tujuan = _tujuan(options["output"], bawaan)
        if options["format"] == "html":
            tujuan.write_text(render_html(dok), encoding="utf-8")
            self.stdout.write(f"HTML ditulis ke {tujuan}")
        else:
            hasil = render_pdf(dok)
            tujuan.write_bytes(hasil.isi)
            self.stdout.write(f"PDF {hasil.jumlah_halaman} halaman ditulis ke {tujuan}")

    def lampiran(self, instansi, options):
        from laporan.lampiran.render import nama_berkas
        from laporan.lampiran.susun import Lampiran

        bagian = options["jenis"]
        periode = Lampiran(instansi, options["tahun"], options["triwulan"], None)
        self._satu_jenis(instansi, options, [bagian], nama_berkas(periode, bagian))

    def sub_kegiatan(self, instansi, options):
        from laporan.lampiran import subkegiatan

        try:
            lap = subkegiatan.susun_laporan_sub_kegiatan(
                instansi, options["tahun"], options["triwulan"], options["kode"]
            )
        except ValueError as galat:
            raise CommandError(str(galat)) from None
        pilihan = [f"subkegiatan-{lap.sub_kegiatan.kode}"]
        self._satu_jenis(instansi, options, pilihan, subkegiatan.nama_berkas(lap))

    def _satu_jenis(self, instansi, options, pilihan, bawaan):
        """Write the chosen parts through the package builder: signed documents
        as issued, the rest from the part cache or laid out now."""
        from laporan.paket.rakit import rakit_paket

        tujuan = _tujuan(options["output"], bawaan)
        hasil = rakit_paket(
            instansi, options["tahun"], options["triwulan"], pilihan=pilihan
        )
        tujuan.write_bytes(hasil.isi)
        self.stdout.write(f"PDF {hasil.jumlah_halaman} halaman ditulis ke {tujuan}")

    def rapat(self, instansi, options):
        from lakip.format import format_triwulan
        from lakip.models import UnitKerja
        from laporan.lampiran import rapat

        jenis, tahun, triwulan = options["jenis"], options["tahun"], options["triwulan"]
        periode = f"Triwulan {format_triwulan(triwulan)} Tahun {tahun}"
        unit = None
        if options.get("unit"):
            unit = UnitKerja.objects.filter(
                instansi=instansi, kode=options["unit"]
            ).first()
            if unit is None:
                raise CommandError(f"Unit kerja “{options['unit']}” tidak ada.")
        if jenis == "rekomendasi":
            dok = rapat.susun_rekomendasi(instansi, tahun, triwulan, unit=unit)
            if not dok:
                untuk = f" {unit.nama}" if unit else ""
                raise CommandError(f"Belum ada rekomendasi{untuk} {periode}.")
            pilihan = [d.kunci for d in dok]
            dok = dok[0]
        else:
            undangan = rapat.susun_undangan(instansi, tahun, triwulan)
            if undangan is None:
                raise CommandError(f"Undangan rapat evaluasi {periode} belum dibuat.")
            dok, pilihan = undangan, [undangan.kunci]
            if jenis == "daftarhadir":
                daftar = rapat.susun_daftar_hadir(
                    instansi, tahun, triwulan, undangan=undangan, unit=unit
                )
                if not daftar:
                    raise CommandError(f"{unit.nama} tidak ada dalam jadwal rapat.")
                pilihan = [d.kunci for d in daftar]
        bawaan = rapat.nama_berkas(jenis.upper(), dok, unit)
        self._satu_jenis(instansi, options, pilihan, bawaan)

    def paket(self, instansi, options):
        from laporan.paket import cache
        from laporan.paket.bagian import (
            PilihanTidakValid,
            daftar_bagian,
            pilih,
            susun_konteks,
        )
        from laporan.paket.rakit import rakit_paket

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
