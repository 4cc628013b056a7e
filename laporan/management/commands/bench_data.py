"""``python manage.py bench_data --instansi N [--seed S]``: N synthetic agencies
(``bench-001`` ...) shaped like the seed, for benchmarks and load tests."""

from django.core.management.base import BaseCommand, CommandError

from laporan.sintetis import buat_instansi


class Command(BaseCommand):
    help = "Membuat N instansi sintetis (data uji beban), deterministik menurut seed."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        n = options["instansi"]
        if not 1 <= n <= 500:
            raise CommandError("--instansi harus antara 1 dan 500.")
        for nomor in range(1, n + 1):
            instansi = buat_instansi(nomor, options["seed"])
            self.stdout.write(f"{instansi.kode}: {instansi.nama}")
