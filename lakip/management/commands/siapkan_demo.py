"""``python manage.py siapkan_demo``: load the seed (if the database holds no
agency yet) and create one demo account per role, printing them."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from lakip.models import Instansi
from lakip.services import PASSWORD_DEMO, buat_akun_demo

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed_2024.json"


class Command(BaseCommand):
    help = "Memuat data contoh (LAKIP TW I 2024) dan membuat akun demo per peran."

    def handle(self, *args, **options):
        if not Instansi.objects.exists():
            call_command("loaddata", str(SEED), verbosity=0)
            self.stdout.write(f"Data contoh dimuat dari {SEED.name}.")
        instansi = Instansi.objects.order_by("pk").first()
        self.stdout.write(f"Akun demo untuk {instansi} (kata sandi: {PASSWORD_DEMO}):")
        for username, peran, pegawai in buat_akun_demo(instansi):
            nama = pegawai.nama_lengkap if pegawai else "-"
            self.stdout.write(f"  {username:<12} {peran.label:<36} {nama}")
