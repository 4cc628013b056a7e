"""Scaling benchmark: report-data build, entry page and dashboard for N = 1, 10, 40
agencies.

    python bench/skala.py            # SQLite file /tmp/lakip_bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_skala python bench/skala.py

The database grows: it first holds 1 synthetic agency (``laporan.sintetis``, as
``bench_data``), then 10, then 40 (agencies beyond the largest N are removed first).
At each size the same agency (``bench-001``; agencies differ in size, so comparing
averages over different agencies would measure them, not the database) is measured
after a warm-up, and the table gives, per measure and N, its time (median of
``--ulang`` rounds) and query count: flat means the work of one agency does not grow
with the number of agencies in the database. Ratios are N=10 and N=40 against N=1
(``--n 1 3 5`` for a quick run). The entry page is opened by the agency's Operator
unit (Bidang A), the dashboard (``/laporan/dasbor/``, quarter II 2024) by its
Perencanaan account; both signed in beforehand."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.lingkungan import atur_produksi, tambah_opsi_cepat  # noqa: E402

os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/lakip_bench.sqlite3")
atur_produksi()

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from lakip.models import Instansi, Pegawai, UnitKerja  # noqa: E402
from lakip.peran import Peran  # noqa: E402
from lakip.services import atur_izin_peran, jadikan_anggota  # noqa: E402
from laporan.data import bangun_data_laporan  # noqa: E402
from laporan.sintetis import buat_instansi, hapus_instansi, kode_instansi  # noqa: E402


def siapkan():
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    atur_izin_peran()


def isi_sampai(n):
    """Make the database hold exactly the synthetic agencies 1..``n``."""
    sintetis = Instansi.objects.filter(kode__startswith="bench-")
    for instansi in sintetis:
        if instansi.kode > kode_instansi(n):
            hapus_instansi(instansi.kode)
    for nomor in range(1, n + 1):
        if not sintetis.filter(kode=kode_instansi(nomor)).exists():
            buat_instansi(nomor)
    # Fresh planner statistics (PostgreSQL's autovacuum keeps them in production).
    with connection.cursor() as kursor:
        kursor.execute("ANALYZE")


def operator(unit):
    """An Operator unit account for ``unit`` (its Pelaksana)."""
    User = get_user_model()
    pegawai = unit.pegawai.filter(jenis_jabatan="pelaksana").first()
    user, _ = User.objects.get_or_create(username=f"op.{unit.instansi.kode}")
    user.groups.set([Group.objects.get(name=Peran.OPERATOR_UNIT)])
    if pegawai.user_id != user.pk:
        pegawai.user = user
        pegawai.save(update_fields=["user"])
    return jadikan_anggota(user, pegawai.instansi)


def perencanaan(instansi):
    """A Perencanaan account for ``instansi`` (the Pelaksana of its Subbagian
    Perencanaan): a role that may read the dashboard."""
    User = get_user_model()
    pegawai = Pegawai.objects.get(
        unit__instansi=instansi,
        unit__kode="subbag-perencanaan",
        jenis_jabatan="pelaksana",
    )
    user, _ = User.objects.get_or_create(username=f"ren.{instansi.kode}")
    user.groups.set([Group.objects.get(name=Peran.PERENCANAAN)])
    if pegawai.user_id != user.pk:
        pegawai.user = user
        pegawai.save(update_fields=["user"])
    return jadikan_anggota(user, pegawai.instansi)


def masuk(user):
    """A test client signed in as ``user``."""
    klien = Client()
    klien.force_login(user)
    return klien


def ukur(fungsi, daftar):
    """(seconds, queries) per item of ``daftar`` (queries counted item by item:
    Django keeps only the last 9000 in its log)."""
    detik = kueri = 0
    for x in daftar:
        reset_queries()
        with CaptureQueriesContext(connection) as q:
            awal = time.perf_counter()
            fungsi(x)
            detik += time.perf_counter() - awal
        kueri += len(q.captured_queries)
    return detik / len(daftar), kueri / len(daftar)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n",
        type=int,
        nargs="+",
        default=[1, 10, 40],
        help="jumlah instansi yang diukur; rasio terhadap yang pertama",
    )
    parser.add_argument(
        "--ulang", type=int, default=7, help="putaran; dilaporkan median waktunya"
    )
    tambah_opsi_cepat(parser)
    args = parser.parse_args()
    if args.cepat:
        args.n, args.ulang = [1, 2], 1
    jumlah = sorted(set(args.n))
    siapkan()
    url_dasbor = reverse("laporan:dasbor") + "?tahun=2024&triwulan=2"
    ukuran = ("data laporan", "halaman entri", "dasbor")
    hasil = {}
    for n in jumlah:
        isi_sampai(n)
        semua = list(
            Instansi.objects.filter(kode__startswith="bench-").order_by("kode")
        )
        assert len(semua) == n
        unit = {i.pk: UnitKerja.objects.get(instansi=i, kode="bidang-a") for i in semua}
        # Signed in beforehand: the session writes of a login are not measured.
        klien_entri = {i.pk: masuk(operator(unit[i.pk])) for i in semua}
        klien_dasbor = {i.pk: masuk(perencanaan(i)) for i in semua}

        def data(instansi):
            bangun_data_laporan(instansi, 2024, 2)

        def entri(instansi, klien_entri=klien_entri, unit=unit):
            url = reverse("realisasi:unit", args=[unit[instansi.pk].pk, 2024, 2])
            assert klien_entri[instansi.pk].get(url).status_code == 200

        def dasbor(instansi, klien_dasbor=klien_dasbor):
            respons = klien_dasbor[instansi.pk].get(url_dasbor)
            assert respons.status_code == 200, respons.status_code
            assert instansi.nama.encode() in respons.content  # the agency measured

        acuan = semua[:1]
        for nama, fungsi in zip(ukuran, (data, entri, dasbor), strict=True):
            ukur(fungsi, acuan)  # warm-up
            putaran = [ukur(fungsi, acuan) for _ in range(max(args.ulang, 1))]
            hasil[nama, n] = (
                statistics.median(detik for detik, _ in putaran),
                max(kueri for _, kueri in putaran),
            )

    print(
        f"basis data: {connection.vendor}; N = instansi di basis data; "
        "diukur: bench-001"
    )
    print(
        f"{'ukuran':14s} {'N':>5s} {'ms':>12s} {'kueri':>15s} "
        f"{'rasio waktu':>12s} {'rasio kueri':>12s}"
    )
    for nama in ukuran:
        dasar = hasil[nama, jumlah[0]]
        for n in jumlah:
            detik, kueri = hasil[nama, n]
            print(
                f"{nama:14s} N={n:3d} {detik * 1000:12.1f} {kueri:15.1f} "
                f"{detik / dasar[0]:12.2f} {kueri / dasar[1]:12.2f}"
            )


if __name__ == "__main__":
    main()
