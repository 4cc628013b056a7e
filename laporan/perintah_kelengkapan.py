"""``python manage.py laporan kelengkapan --tahun 2024 --triwulan 1
[--instansi KODE] [--kurang]``: the readiness list of a quarter as text
(``laporan.kelengkapan``). Exits with status 1 while a final package cannot be
made, so a script can wait for it."""

from django.core.management.base import CommandError

from lakip.triwulan import TRIWULAN_CHOICES
from laporan.kelengkapan import susun_kelengkapan, teks_kelengkapan

BANTUAN = "Kelengkapan dokumen triwulan: yang kurang, siapa yang harus bertindak"


def tambah_argumen(parser):
    parser.add_argument("--tahun", type=int, required=True)
    parser.add_argument(
        "--triwulan", type=int, required=True, choices=[t for t, _ in TRIWULAN_CHOICES]
    )
    parser.add_argument(
        "--kurang", action="store_true", help="hanya dokumen yang belum siap"
    )


def jalankan(command, instansi, options):
    kel = susun_kelengkapan(instansi, options["tahun"], options["triwulan"])
    for baris in teks_kelengkapan(kel, hanya_kurang=options["kurang"]):
        command.stdout.write(baris)
    if not kel.final:
        raise CommandError(
            f"Paket final belum dapat dibuat: {len(kel.kurang)} dari "
            f"{len(kel.baris)} dokumen belum siap."
        )
