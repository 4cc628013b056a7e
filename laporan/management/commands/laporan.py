"""``python manage.py laporan data --tahun 2024 --triwulan 1``: the computed
figures as JSON on stdout (see README, "Ekspor JSON")."""

from django.core.management.base import BaseCommand, CommandError

from lakip.models import Instansi
from laporan.data import bangun_data_laporan
from laporan.ekspor_json import teks_json


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
    help = "Menghasilkan data laporan (JSON) dari data yang tersimpan."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="jenis", required=True)
        data = sub.add_parser("data", help="Angka-angka hasil perhitungan sebagai JSON")
        data.add_argument("--tahun", type=int, required=True)
        data.add_argument("--triwulan", type=int, required=True, choices=[1, 2, 3, 4])
        data.add_argument("--instansi", default="", help="kode instansi")

    def handle(self, *args, **options):
        instansi = pilih_instansi(options["instansi"])
        data = bangun_data_laporan(instansi, options["tahun"], options["triwulan"])
        self.stdout.write(teks_json(data))
