#!/usr/bin/env python
"""Server time of the dashboard's landing page and of an entry page for the seed
on SQLite, in production settings over plain HTTP.

    python bench/dasbor.py [-n 50] [--gandakan 9] [--cepat]

Builds a fresh SQLite database in a temporary folder (migrations, the seed of
``fixtures/seed_2024.json``, the demo accounts), then requests, ``n`` times after
one warm-up request each: ``/laporan/dasbor/`` signed in as the Kepala Dinas, and
the entry page of Bidang Hubungan Industrial (TW I 2024) signed in as its Operator,
and the status page as Perencanaan; then ``n`` save POSTs of that entry form (one
value changed each time).
Prints the median and the 95th percentile of the response time and the number of
SQL queries per request. ``--gandakan K`` first copies every sub kegiatan K times
(the seed with 10x the sub kegiatan for K = 9) to show how time grows with data.
"""

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.lingkungan import atur_produksi, tambah_opsi_cepat  # noqa: E402


def persentil(nilai, p):
    """The ``p``-th percentile (inclusive method) of ``nilai``."""
    if len(nilai) == 1:
        return nilai[0]
    return statistics.quantiles(nilai, n=100, method="inclusive")[p - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="jumlah permintaan")
    parser.add_argument("--gandakan", type=int, default=0, metavar="K")
    tambah_opsi_cepat(parser)
    args = parser.parse_args()
    if args.cepat:
        args.n = 2

    folder = tempfile.mkdtemp(prefix="bench-dasbor-")
    atur_produksi(f"sqlite:///{folder}/bench.sqlite3")
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic
    try:
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection, reset_queries
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from lakip.models import Instansi
        from lakip.services import buat_akun_demo

        # No setup_test_environment(): its instrumented template rendering is
        # not what a server runs.
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("loaddata", str(AKAR / "fixtures" / "seed_2024.json"), verbosity=0)
        buat_akun_demo(Instansi.objects.get())
        if args.gandakan:
            from tests.bantuan import gandakan_sub_kegiatan

            gandakan_sub_kegiatan(args.gandakan)

        from lakip.models import UnitKerja

        data = f"seed x{args.gandakan + 1}" if args.gandakan else "seed"
        unit = UnitKerja.objects.get(kode="bidang-hi")
        halaman = [
            ("dasbor", "kadis", "/laporan/dasbor/"),
            ("entri", "operator.hi", f"/realisasi/entri/{unit.pk}/2024/1/"),
            ("status", "perencanaan", "/realisasi/status/?tahun=2024&triwulan=1"),
        ]
        for nama, username, url in halaman:
            klien = Client()
            klien.force_login(get_user_model().objects.get(username=username))
            reset_queries()
            with CaptureQueriesContext(connection) as kueri:
                respons = klien.get(url)
            assert respons.status_code == 200, (url, respons.status_code)
            jumlah_kueri = len(kueri)

            waktu = []
            for _ in range(args.n):
                mulai = time.perf_counter()
                respons = klien.get(url)
                waktu.append((time.perf_counter() - mulai) * 1000)
                assert respons.status_code == 200, (url, respons.status_code)
            print(
                f"{nama:6s} {url} ({data}, SQLite, {args.n} permintaan): "
                f"median {statistics.median(waktu):.1f} ms, "
                f"p95 {persentil(waktu, 95):.1f} ms, "
                f"{jumlah_kueri} kueri per permintaan"
            )
        _simpan(args, data, unit)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _simpan(args, data, unit):
    """The save POST of the entry form (one value changed each time), as the
    Operator: median, p95 and queries of the second save."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lakip.models import Instansi
    from realisasi.services import atur_periode_entri
    from tests.bantuan import isian_formulir

    pengguna = get_user_model().objects
    atur_periode_entri(
        pengguna.get(username="perencanaan"), Instansi.objects.get(), 2024, 1, True
    )
    klien = Client()
    klien.force_login(pengguna.get(username="operator.hi"))
    url = f"/realisasi/entri/{unit.pk}/2024/1/"
    waktu, jumlah_kueri = [], 0
    for i in range(args.n + 1):
        isian = isian_formulir(klien.get(url).content.decode(), "form-entri")
        nilai = sorted(k for k in isian if k.endswith("_nilai"))[0]
        isian[nilai] = str(i + 1)
        # a low capaian asks for a note: give one
        isian[nilai.replace("_nilai", "_ket")] = "Uji kinerja simpan"
        with CaptureQueriesContext(connection) as kueri:
            mulai = time.perf_counter()
            respons = klien.post(url, isian)
            detik = time.perf_counter() - mulai
        assert respons.status_code == 302, (
            url,
            respons.status_code,
            re.findall(r"alert-danger[^>]*>\s*([^<]+)", respons.content.decode()),
        )
        if i == 1:
            jumlah_kueri = len(kueri)
        if i:
            waktu.append(detik * 1000)
    print(
        f"simpan POST {url} ({data}, SQLite, {args.n} permintaan): "
        f"median {statistics.median(waktu):.1f} ms, "
        f"p95 {persentil(waktu, 95):.1f} ms, "
        f"{jumlah_kueri} kueri per permintaan"
    )


if __name__ == "__main__":
    main()
