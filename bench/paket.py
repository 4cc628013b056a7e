"""Benchmark of the package (the LAKIP and all its attachments in one PDF) on
the seed data.

Usage (from the repository root)::

    python bench/paket.py [--tahun 2024] [--triwulan 1] [--pekerja N]

Builds a throw-away SQLite database with the seed (``fixtures/seed_2024.json``),
then times the complete package:

- cold, parallel: empty part cache, ``--pekerja`` processes (CPU count by default);
- cold, serial: empty part cache, laid out in this process;
- warm: every part from the cache (only the joining is left);
- after one value changed (a sub kegiatan indicator's realisation): only the
  parts that print it are laid out again.

It prints wall-clock seconds (and the CPU seconds of the serial build, which
runs in this process: compared with its wall-clock it shows how much of the
machine other work took), the page and part counts and the ratios cold/warm
and serial/parallel. Machines here are shared and noisy: when other work holds
the cores, the parallel gain shrinks.
"""

import argparse
import logging
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))


def main():
    from bench.lakip_pdf import siapkan_django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tahun", type=int, default=2024)
    parser.add_argument("--triwulan", type=int, default=1)
    parser.add_argument("--pekerja", type=int, default=None)
    from bench.lingkungan import tambah_opsi_cepat

    tambah_opsi_cepat(parser)
    args = parser.parse_args()
    # The quick run (CI) binds two small kinds of part only.
    pilihan = ["undangan", "rekomendasi"] if args.cepat else None
    with tempfile.TemporaryDirectory() as folder:
        siapkan_django(folder)
        from lakip.format import format_triwulan
        from lakip.models import Instansi
        from laporan.models import CacheBagianPdf
        from laporan.paket.rakit import rakit_paket
        from realisasi.models import RealisasiIndikator

        for nama in ("weasyprint", "fontTools"):
            logging.getLogger(nama).setLevel(logging.ERROR)
        instansi = Instansi.objects.get()

        def bangun(pekerja, kosongkan=False):
            if kosongkan:
                CacheBagianPdf.objects.all().delete()
            awal = time.process_time()
            hasil = rakit_paket(
                instansi, args.tahun, args.triwulan, pilihan=pilihan, pekerja=pekerja
            )
            hasil.cpu = time.process_time() - awal
            return hasil

        paralel = bangun(args.pekerja, kosongkan=True)
        serial = bangun(1, kosongkan=True)
        hangat = bangun(args.pekerja)
        r = (
            RealisasiIndikator.objects.filter(
                tahun=args.tahun,
                triwulan=args.triwulan,
                indikator__sub_kegiatan__isnull=False,
            )
            .order_by("-indikator__sub_kegiatan__kode")
            .first()
        )
        r.nilai = (r.nilai or Decimal(0)) + 1
        r.save()
        ubah = bangun(args.pekerja)

    print(
        f"Paket LAKIP Triwulan {format_triwulan(args.triwulan)} Tahun {args.tahun} "
        f"dan lampiran (data contoh), {os.cpu_count()} inti CPU"
    )
    print(
        f"  bagian {len(paralel.bagian)}, halaman {paralel.jumlah_halaman}, "
        f"PDF {len(paralel.isi) / 1024:.0f} KB"
    )
    print(
        f"  dingin, paralel ({paralel.pekerja} pekerja)   {paralel.detik:7.1f} s   "
        f"({len(paralel.dirender)} bagian ditata)"
    )
    print(
        f"  dingin, serial (1 proses)      {serial.detik:7.1f} s  "
        f"(CPU {serial.cpu:5.1f} s)  "
        f"({len(serial.dirender)} bagian ditata)"
    )
    print(
        f"  hangat (semua dari cache)      {hangat.detik:7.1f} s  "
        f"({len(hangat.dirender)} bagian ditata)"
    )
    print(
        f"  setelah 1 nilai berubah        {ubah.detik:7.1f} s  "
        f"({len(ubah.dirender)} bagian ditata: {', '.join(ubah.dirender)})"
    )
    if args.cepat:
        print("  (--cepat: dua jenis bagian saja; waktu tidak bermakna)")
    print(f"  rasio dingin/hangat            {paralel.detik / hangat.detik:7.1f} x")
    print(f"  rasio serial/paralel           {serial.detik / paralel.detik:7.2f} x")


if __name__ == "__main__":
    main()
