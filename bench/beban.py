"""Load test: gunicorn + PostgreSQL on 127.0.0.1, simulated users for a bounded time.

    python bench/beban.py [--durasi 120] [--pengguna 50] [--pekerja 5]

Half of the users are writers: each is the Operator unit of its own synthetic agency
(the entry's stale-form guard refuses concurrent saves on the *same* unit, so every
writer has its own) and repeatedly opens its entry page for quarter II and saves a
new value (with a note) for one indicator. The other half are readers (Perencanaan of
an agency) opening the quarter status, the plan tree and the home page. At the end:
requests per second, p95 latency, errors (must be 0), and a check that the last value
each writer saved for each indicator is the one in the database (no lost update).

Uses its own database ``lakip_beban8`` (``DATABASE_URL`` to change) and port 8765.
"""

import argparse
import http.cookiejar
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lakip_beban8")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lakip.settings")
os.environ.setdefault("DJANGO_CACHE", "db")  # as in production: shared

import django  # noqa: E402

SANDI = "uji-beban-lakip-2024"


class _Form(HTMLParser):
    """Inputs and textareas of the form posting to the page itself."""

    def __init__(self):
        super().__init__()
        self.data, self._ta = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "file"):
            self.data[a["name"]] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._ta = a["name"]
            self.data[self._ta] = ""

    def handle_data(self, data):
        if self._ta:
            self.data[self._ta] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._ta = None


class Klien:
    def __init__(self, dasar, catat):
        self.dasar, self.catat = dasar, catat
        self.jar = http.cookiejar.CookieJar()
        self.buka = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def minta(self, path, data=None, harap=(200,)):
        if data is not None:
            data = urllib.parse.urlencode(data).encode()
        req = urllib.request.Request(self.dasar + path, data=data)
        req.add_header("Referer", self.dasar + path)
        awal = time.perf_counter()
        try:
            with self.buka.open(req, timeout=30) as r:
                isi, status, akhir = r.read().decode(), r.status, r.url
        except Exception as exc:  # noqa: BLE001 - every failure is an error here
            self.catat(time.perf_counter() - awal, False, f"{path}: {exc}")
            return None, None
        ok = status in harap
        self.catat(time.perf_counter() - awal, ok, "" if ok else f"{path}: {status}")
        return isi, akhir

    def masuk(self, username):
        isi, _ = self.minta("/masuk/")
        token = _Form()
        token.feed(isi or "")
        isi, akhir = self.minta(
            "/masuk/",
            {**token.data, "username": username, "password": SANDI},
        )
        if akhir is None or akhir.endswith("/masuk/"):
            raise RuntimeError(f"{username} gagal masuk")


def siapkan(n_penulis, n_pembaca):
    """Database, synthetic agencies, accounts, quarter II open. Returns
    ``(writers [(username, entry path)], readers [username])``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from lakip.models import Instansi, UnitKerja
    from lakip.peran import Peran
    from lakip.services import atur_izin_peran
    from laporan.sintetis import kode_instansi
    from realisasi.models import PeriodeEntri

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    atur_izin_peran()
    n = max(n_penulis, 1)
    if not Instansi.objects.filter(kode=kode_instansi(n)).exists():
        call_command("bench_data", "--instansi", str(n), stdout=open(os.devnull, "w"))
    User = get_user_model()

    def akun(username, peran, pegawai):
        user, _ = User.objects.get_or_create(username=username)
        user.set_password(SANDI)
        user.save()
        user.groups.set([Group.objects.get(name=peran)])
        pegawai.user = user
        pegawai.save(update_fields=["user"])

    penulis, pembaca = [], []
    for i in range(1, n + 1):
        instansi = Instansi.objects.get(kode=kode_instansi(i))
        PeriodeEntri.objects.update_or_create(
            instansi=instansi, tahun=2024, triwulan=2, defaults={"dibuka": True}
        )
        unit = UnitKerja.objects.get(instansi=instansi, kode="bidang-a")
        if i <= n_penulis:
            nama = f"beban.op{i}"
            akun(nama, Peran.OPERATOR_UNIT, unit.pegawai.get(jenis_jabatan="pelaksana"))
            penulis.append((nama, f"/realisasi/entri/{unit.pk}/2024/2/"))
    for j in range(n_pembaca):
        instansi = Instansi.objects.get(kode=kode_instansi(1 + j % n))
        kadis = instansi.pegawai.get(atasan__isnull=True)
        nama = f"beban.baca{j}"
        if j < n:
            akun(nama, Peran.PERENCANAAN, kadis)
            pembaca.append(nama)
        else:
            pembaca.append(f"beban.baca{j % n}")
    return penulis, pembaca


def buat_basis_data():
    """Create the load test's own PostgreSQL database if it does not exist yet."""
    import dj_database_url

    db = dj_database_url.parse(os.environ["DATABASE_URL"])
    sambung = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
    sambung += ["-U", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    cek = subprocess.run(
        ["psql", *sambung, "-d", "postgres", "-tAc",
         f"SELECT 1 FROM pg_database WHERE datname = '{db['NAME']}'"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    if cek.stdout.strip() != "1":
        subprocess.run(["createdb", *sambung, db["NAME"]], env=env, check=True)


def jalankan(args):
    buat_basis_data()
    django.setup()
    penulis, pembaca = siapkan(args.pengguna // 2, args.pengguna - args.pengguna // 2)
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",  # plain HTTP on loopback only
        "DJANGO_SECRET_KEY": "beban-" + "x9Qa7" * 12,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    dasar = f"http://127.0.0.1:{args.port}"
    log = open("/tmp/lakip-beban-gunicorn.log", "w")  # JSON log lines of the app
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lakip.wsgi", "-b", f"127.0.0.1:{args.port}",
         "-w", str(args.pekerja), "--timeout", "60"],
        cwd=AKAR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(dasar + "/sehat/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        return _beban(args, dasar, penulis, pembaca)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _beban(args, dasar, penulis, pembaca):
    kunci = threading.Lock()
    latensi, galat, tersimpan = [], [], {}

    def catat(detik, ok, pesan):
        with kunci:
            latensi.append(detik)
            if not ok:
                galat.append(pesan)

    batas = [0.0]

    def tulis(k, username, path):
        putaran = 0
        while time.monotonic() < batas[0]:
            isi, _ = k.minta(path)
            if isi is None:
                continue
            form = _Form()
            form.feed(isi)
            nilai = sorted(n for n in form.data if n.endswith("_nilai"))
            nama = nilai[putaran % len(nilai)]
            putaran += 1
            baru = str(putaran % 7 + 1)
            ket = f"uji beban {username} {putaran}"
            form.data[nama] = baru
            form.data[nama.replace("_nilai", "_ket")] = ket
            _, akhir = k.minta(path, form.data)
            if akhir and akhir.endswith(path):  # redirected back: saved
                with kunci:
                    tersimpan[int(nama[1:].split("_")[0])] = (baru, ket)

    def baca(k, username):
        halaman = ["/realisasi/status/", "/rencana/", "/"]
        i = 0
        while time.monotonic() < batas[0]:
            k.minta(halaman[i % len(halaman)])
            i += 1

    def klien(username):
        """A signed-in client. Logins happen before the clock starts (password
        hashing is deliberately slow) and are not counted."""
        k = Klien(dasar, lambda *a: None)
        k.masuk(username)
        k.catat = catat
        return k

    utas = [threading.Thread(target=tulis, args=(klien(u), u, p)) for u, p in penulis]
    utas += [threading.Thread(target=baca, args=(klien(u), u)) for u in pembaca]
    mulai = time.monotonic()
    batas[0] = mulai + args.durasi
    for t in utas:
        t.start()
    for t in utas:
        t.join(timeout=args.durasi + 120)
    lama = time.monotonic() - mulai
    return latensi, galat, tersimpan, lama


def periksa(tersimpan):
    """Indicators whose database value differs from the last value saved."""
    from decimal import Decimal

    from realisasi.models import RealisasiIndikator

    hilang = []
    for pk, (nilai, ket) in tersimpan.items():
        r = RealisasiIndikator.objects.get(indikator_id=pk, tahun=2024, triwulan=2)
        if r.nilai != Decimal(nilai) or r.keterangan != ket:
            hilang.append((pk, nilai, r.nilai))
    return hilang


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--durasi", type=float, default=120, help="detik")
    p.add_argument("--pengguna", type=int, default=50)
    p.add_argument("--pekerja", type=int, default=5, help="proses gunicorn")
    p.add_argument("--port", type=int, default=8765)
    args = p.parse_args()
    latensi, galat, tersimpan, lama = jalankan(args)
    hilang = periksa(tersimpan)
    latensi.sort()
    p95 = latensi[int(0.95 * (len(latensi) - 1))] if latensi else 0
    print(
        f"{args.pengguna} pengguna, {lama:.0f} detik, gunicorn {args.pekerja} pekerja"
    )
    print(f"permintaan      : {len(latensi)} ({len(latensi) / lama:.1f} per detik)")
    p50 = latensi[len(latensi) // 2] if latensi else 0
    print(f"latensi p50/p95 : {p50 * 1000:.0f} / {p95 * 1000:.0f} ms")
    print(f"galat           : {len(galat)}")
    for g in galat[:10]:
        print("   ", g)
    print(f"indikator disimpan: {len(tersimpan)}; tidak cocok: {len(hilang)}")
    sys.exit(1 if galat or hilang else 0)


if __name__ == "__main__":
    main()
