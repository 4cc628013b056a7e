"""Scaling benchmark: report-data build and entry page for N = 1, 10, 40 agencies.

    python bench/skala.py            # SQLite file /tmp/lakip_bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lakip_bench python bench/skala.py

Creates the synthetic agencies (bench_data) once, then prints, per N, the time and
query count *per agency*: flat means the work of one agency does not grow with the
number of agencies in the database. Ratios are N=10 and N=40 against N=1."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lakip.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/lakip_bench.sqlite3")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from lakip.models import Instansi, UnitKerja  # noqa: E402
from lakip.peran import Peran  # noqa: E402
from lakip.services import atur_izin_peran  # noqa: E402
from laporan.data import bangun_data_laporan  # noqa: E402
from laporan.sintetis import kode_instansi  # noqa: E402

MAKS = 40


def siapkan():
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    atur_izin_peran()
    if Instansi.objects.filter(kode=kode_instansi(MAKS)).exists():
        return
    call_command("bench_data", "--instansi", str(MAKS), stdout=open(os.devnull, "w"))


def operator(unit):
    """An Operator unit account for ``unit`` (its Pelaksana)."""
    User = get_user_model()
    pegawai = unit.pegawai.filter(jenis_jabatan="pelaksana").first()
    user, _ = User.objects.get_or_create(username=f"op.{unit.instansi.kode}")
    user.groups.set([Group.objects.get(name=Peran.OPERATOR_UNIT)])
    if pegawai.user_id != user.pk:
        pegawai.user = user
        pegawai.save(update_fields=["user"])
    return user


def ukur(fungsi, daftar):
    """(seconds, queries) per item of ``daftar``."""
    with CaptureQueriesContext(connection) as q:
        awal = time.perf_counter()
        for x in daftar:
            fungsi(x)
        detik = time.perf_counter() - awal
    return detik / len(daftar), len(q.captured_queries) / len(daftar)


def main():
    siapkan()
    semua = list(Instansi.objects.filter(kode__startswith="bench-").order_by("kode"))
    client = Client()
    unit = {
        i.pk: UnitKerja.objects.get(instansi=i, kode="bidang-a") for i in semua[:MAKS]
    }
    akun = {i.pk: operator(unit[i.pk]) for i in semua[:MAKS]}

    def data(instansi):
        bangun_data_laporan(instansi, 2024, 2)

    def entri(instansi):
        client.force_login(akun[instansi.pk])
        url = reverse("realisasi:unit", args=[unit[instansi.pk].pk, 2024, 2])
        assert client.get(url).status_code == 200

    print(f"basis data: {connection.vendor}; {len(semua)} instansi sintetis")
    hasil = {}
    for nama, fungsi in (("data laporan", data), ("halaman entri", entri)):
        fungsi(semua[0])  # warm-up
        for n in (1, 10, MAKS):
            hasil[nama, n] = ukur(fungsi, semua[:n])
        dasar = hasil[nama, 1]
        for n in (1, 10, MAKS):
            detik, kueri = hasil[nama, n]
            print(
                f"{nama:14s} N={n:3d}: {detik * 1000:8.1f} ms/instansi "
                f"{kueri:6.1f} kueri/instansi  rasio waktu {detik / dasar[0]:5.2f} "
                f"rasio kueri {kueri / dasar[1]:5.2f}"
            )


if __name__ == "__main__":
    main()
