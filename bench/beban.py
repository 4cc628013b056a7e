"""Load test: gunicorn + PostgreSQL on 127.0.0.1, simulated users for a bounded time.

    python bench/beban.py [--durasi 120] [--pengguna 50] [--dasar 2] [--pekerja 5]
                          [--jeda 5] [--cepat]

Two runs against one server: first a baseline of ``--dasar`` users (the unloaded
time), then ``--pengguna`` users; each runs ``--durasi`` seconds and prints its
table, and the last line gives the loaded run's overall p95 over the baseline's
overall p50 (the goal: at most 4x for 50 users with 5 s think time).

Half of the users are writers: each is the Operator unit of its own synthetic agency
(the entry's stale-form guard refuses concurrent saves on the *same* unit, so every
writer has its own) and repeatedly opens its entry page for quarter II and saves a
new value (with a note) for one indicator. The other half are readers (Perencanaan of
the writers' agencies, a role that may read the dashboard) reading, while the writers
save, the dashboard of quarter II (``/laporan/dasbor/``) every other request and, in
turn, a dashboard detail page (a sasaran), the quarter status, the plan tree and the
home page.

Users think as people do, not in step: each starts at a random moment within
the first think time (a ramp-up), and each pause is drawn uniformly between half
and one and a half times ``--jeda`` (the mean is ``--jeda``), from a fixed seed.
Started all at the same instant with equal pauses, the users would send their
requests in waves of fifty that keep their step for the whole run, and the p95
would measure how long the server takes to drain a wave rather than the
latency of a user on a deadline day.

At the end: requests per second, p50/p95 latency per kind of request (entry GET, save
POST, dashboard GET, dashboard detail GET, other reads) and overall, errors (must be
0: a failed request, an unexpected status, or a save that did not redirect back to
the entry page), and a check that the last value each writer saved for each
indicator is the one in the database, checked right after each run (no lost update),
and the CPU seconds the app server, PostgreSQL and this load generator used (they
share the machine: what the generator uses, the server cannot). The save POST is
timed alone (its redirect is not followed).

Logins and a warm-up happen before the clock starts: all users at once open each
of their pages twice, uncounted, so that every gunicorn worker has compiled the
templates and read the agencies' plans, as the workers of a server that has been
up all morning have. Without it the first ten seconds of a freshly started
server (each of its five workers reading 25 agencies' plans for the first time)
had twice the p95 of the rest of the run, and measured the start-up, not a
deadline day.

Uses its own database ``bench_beban`` (``DATABASE_URL`` to change) and a free port
(``--port`` to choose).
"""

import argparse
import http.cookiejar
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_beban")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lakip.settings")
os.environ.setdefault("DJANGO_CACHE", "db")  # as in production: shared

import django  # noqa: E402

from bench.lingkungan import tambah_opsi_cepat  # noqa: E402

SANDI = "uji-beban-lakip-2024"
TW = "?tahun=2024&triwulan=2"
JENIS = {
    "entri": "entri GET",
    "simpan": "simpan POST",
    "dasbor": "dasbor GET",
    "rinci": "dasbor rinci GET",
    "lain": "baca lain GET",
}


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


class _TanpaAlih(urllib.request.HTTPRedirectHandler):
    """Do not follow redirects: a 302 is answered as an ``HTTPError``."""

    def redirect_request(self, *args, **kwargs):
        return None


class Klien:
    def __init__(self, dasar, catat):
        self.dasar, self.catat = dasar, catat
        self.jar = http.cookiejar.CookieJar()
        kue = urllib.request.HTTPCookieProcessor(self.jar)
        self.buka = urllib.request.build_opener(kue)
        self.buka_tanpa_alih = urllib.request.build_opener(kue, _TanpaAlih)

    def minta(self, path, data=None, harap=(200,), jenis="lain"):
        """GET (or POST ``data`` to) ``path``, following redirects; records the
        latency under ``jenis``. ``(body, final URL)``; ``(None, None)`` on failure."""
        if data is not None:
            data = urllib.parse.urlencode(data).encode()
        req = urllib.request.Request(self.dasar + path, data=data)
        req.add_header("Referer", self.dasar + path)
        awal = time.perf_counter()
        try:
            with self.buka.open(req, timeout=30) as r:
                isi, status, akhir = r.read().decode(), r.status, r.url
        except Exception as exc:  # noqa: BLE001 - every failure is an error here
            self.catat(jenis, time.perf_counter() - awal, False, f"{path}: {exc}")
            return None, None
        ok = status in harap
        pesan = "" if ok else f"{path}: {status}"
        self.catat(jenis, time.perf_counter() - awal, ok, pesan)
        return isi, akhir

    def kirim(self, path, data, jenis="simpan"):
        """POST ``data`` to ``path`` without following the redirect; records the
        latency under ``jenis``. True when answered by a redirect back to ``path``
        (the entry saved); anything else is recorded as an error."""
        req = urllib.request.Request(
            self.dasar + path, data=urllib.parse.urlencode(data).encode()
        )
        req.add_header("Referer", self.dasar + path)
        awal = time.perf_counter()
        lokasi, status = "", None
        try:
            with self.buka_tanpa_alih.open(req, timeout=30) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as exc:
            status, lokasi = exc.code, exc.headers.get("Location", "")
            exc.close()
        except Exception as exc:  # noqa: BLE001 - every failure is an error here
            self.catat(jenis, time.perf_counter() - awal, False, f"{path}: {exc}")
            return False
        ok = status == 302 and lokasi.split("?")[0].endswith(path)
        pesan = "" if ok else f"POST {path}: {status} (tidak tersimpan)"
        self.catat(jenis, time.perf_counter() - awal, ok, pesan)
        return ok

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
    ``(writers [(username, entry path)], readers [(username, dashboard detail
    path)])``; reader ``j`` reads agency ``1 + j % n`` (the writers' agencies)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.urls import reverse

    from lakip.models import Instansi, UnitKerja
    from lakip.peran import Peran
    from lakip.services import atur_izin_peran, jadikan_anggota
    from laporan.sintetis import kode_instansi
    from realisasi.models import PeriodeEntri
    from renstra.models import Sasaran

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
        jadikan_anggota(user, pegawai.instansi)

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
        sasaran = Sasaran.objects.filter(tujuan__periode__instansi=instansi).order_by(
            "pk"
        )[0]
        rinci = reverse("laporan:dasbor_sasaran", args=[sasaran.pk]) + TW
        nama = f"beban.baca{j % n}"
        if j < n:
            kadis = instansi.pegawai.get(atasan__isnull=True)
            akun(nama, Peran.PERENCANAAN, kadis)
        pembaca.append((nama, rinci))
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
    """The baseline run (``args.dasar`` users) then the loaded run
    (``args.pengguna`` users) against one gunicorn server; a ``_beban`` result
    for each."""
    buat_basis_data()
    django.setup()
    n = max(args.pengguna, args.dasar)
    penulis, pembaca = siapkan(n // 2, n - n // 2)
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
        hasil = []
        for jumlah in (args.dasar, args.pengguna):
            k = jumlah // 2
            latensi, galat, tersimpan, lama, cpu = _beban(
                args, dasar, penulis[:k], pembaca[: jumlah - k], server.pid
            )
            # Checked at once: the next run's writers save to the same
            # indicators.
            hasil.append((latensi, galat, tersimpan, periksa(tersimpan), lama, cpu))
        return hasil
    finally:
        server.terminate()
        server.wait(timeout=30)


def _cpu(pid_server):
    """CPU seconds used so far by the app server (gunicorn and its workers),
    by PostgreSQL (every ``postgres`` process) and by this load generator, so
    that a run can tell what the machine spent where. A process's own time and
    that of its ended children are both counted: a child that ends (a
    PostgreSQL backend whose connection closed, a gunicorn worker) moves its
    time into its parent's, so the sum never falls between two readings."""
    server = postgres = 0.0
    detik_per_tik = 1 / os.sysconf("SC_CLK_TCK")
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        nama, _, ekor = stat[stat.index("(") + 1 :].rpartition(")")
        kolom = ekor.split()
        # utime, stime, cutime, cstime (proc(5)).
        detik = sum(int(k) for k in kolom[11:15]) * detik_per_tik
        if int(d.name) == pid_server or int(kolom[1]) == pid_server:
            server += detik
        elif nama.startswith("postgres"):
            postgres += detik
    sendiri = os.times()
    return server, postgres, sendiri.user + sendiri.system


def halaman_pembaca(rinci):
    """``[(path, kind)]`` of what a reader reads: the dashboard (every other
    request), then in turn its dashboard detail page ``rinci`` and the
    others."""
    return [
        ("/laporan/dasbor/" + TW, "dasbor"),
        (rinci, "rinci"),
        ("/realisasi/status/", "lain"),
        ("/rencana/", "lain"),
        ("/", "lain"),
    ]


def _beban(args, dasar, penulis, pembaca, pid_server):
    kunci = threading.Lock()
    latensi, galat, tersimpan = {j: [] for j in JENIS}, [], {}

    def catat(jenis, detik, ok, pesan):
        with kunci:
            latensi[jenis].append(detik)
            if not ok:
                galat.append(pesan)

    batas = [0.0]
    acak = random.Random(2024)  # the same pauses in every run
    # Each run's notes are its own: a save that wrote what an earlier run
    # wrote would change nothing ("Tidak ada perubahan") and cost nothing.
    putaran_ini = time.time_ns()

    def berpikir():
        with kunci:
            detik = acak.uniform(0.5, 1.5) * args.jeda
        time.sleep(detik)

    def tiba():
        with kunci:
            detik = acak.uniform(0, args.jeda)
        time.sleep(detik)

    def tulis(k, username, path):
        tiba()
        putaran = 0
        while time.monotonic() < batas[0]:
            isi, _ = k.minta(path, jenis="entri")
            if isi is None:
                continue
            form = _Form()
            form.feed(isi)
            nilai = sorted(n for n in form.data if n.endswith("_nilai"))
            nama = nilai[putaran % len(nilai)]
            putaran += 1
            baru = str(putaran % 7 + 1)
            ket = f"uji beban {username} {putaran_ini} {putaran}"
            form.data[nama] = baru
            form.data[nama.replace("_nilai", "_ket")] = ket
            if k.kirim(path, form.data):
                with kunci:
                    tersimpan[int(nama[1:].split("_")[0])] = (baru, ket)
            berpikir()

    def baca(k, rinci):
        dasbor, *lain = halaman_pembaca(rinci)
        tiba()
        i = 0
        while time.monotonic() < batas[0]:
            # every other request: the dashboard
            path, jenis = dasbor if i % 2 == 0 else lain[i // 2 % len(lain)]
            k.minta(path, jenis=jenis)
            i += 1
            berpikir()

    def klien(username):
        """A signed-in client. Logins happen before the clock starts (password
        hashing is deliberately slow) and are not counted, nor is the
        warm-up."""
        k = Klien(dasar, lambda *a: None)
        k.masuk(username)
        return k

    def pemanasan(k, halaman):
        """Each of the user's pages twice, not counted."""
        for _ in range(2):
            for path in halaman:
                k.minta(path)

    klien_tulis = [(klien(u), u, p) for u, p in penulis]
    klien_baca = [(klien(u), r) for u, r in pembaca]
    panas = [
        threading.Thread(target=pemanasan, args=(k, [p])) for k, _, p in klien_tulis
    ]
    panas += [
        threading.Thread(target=pemanasan, args=(k, [p for p, _ in halaman_pembaca(r)]))
        for k, r in klien_baca
    ]
    for t in panas:
        t.start()
    for t in panas:
        t.join(timeout=300)
    for k, *_ in klien_tulis + klien_baca:
        k.catat = catat
    utas = [threading.Thread(target=tulis, args=a) for a in klien_tulis]
    utas += [threading.Thread(target=baca, args=a) for a in klien_baca]
    cpu_awal = _cpu(pid_server)  # the clocked run only (not logins, warm-up)
    mulai = time.monotonic()
    batas[0] = mulai + args.durasi
    for t in utas:
        t.start()
    for t in utas:
        t.join(timeout=args.durasi + 120)
    lama = time.monotonic() - mulai
    cpu = [b - a for a, b in zip(cpu_awal, _cpu(pid_server), strict=True)]
    return latensi, galat, tersimpan, lama, cpu


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


def persentil(urut, p):
    """The ``p``-th percentile (nearest rank below) of the sorted list ``urut``."""
    return urut[int(p / 100 * (len(urut) - 1))] if urut else 0.0


def port_bebas():
    """A TCP port free on 127.0.0.1 now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cetak(judul, args, jumlah, hasil):
    """Print one run's table; ``(p50, p95, errors, lost updates, saved)``."""
    latensi, galat, tersimpan, hilang, lama, cpu = hasil
    n_tulis = jumlah // 2
    print(
        f"{judul}: {jumlah} pengguna ({n_tulis} penulis, {jumlah - n_tulis} "
        f"pembaca), {lama:.0f} detik, gunicorn {args.pekerja} pekerja, "
        f"PostgreSQL 127.0.0.1, jeda berpikir {args.jeda:g} detik"
    )
    semua = sorted(d for daftar in latensi.values() for d in daftar)
    print(f"{'jenis':18s}  jumlah  per detik   p50 ms   p95 ms")
    baris = [(JENIS[j], sorted(latensi[j])) for j in JENIS]
    for label, urut in [*baris, ("semua", semua)]:
        print(
            f"{label:18s} {len(urut):7d} {len(urut) / lama:10.1f} "
            f"{persentil(urut, 50) * 1000:8.0f} {persentil(urut, 95) * 1000:8.0f}"
        )
    inti = os.cpu_count() or 1
    print(
        f"CPU (detik)       : server aplikasi {cpu[0]:.1f}, PostgreSQL {cpu[1]:.1f}, "
        f"generator beban {cpu[2]:.1f}; {sum(cpu) / (lama * inti):.0%} dari "
        f"{inti} inti × {lama:.0f} detik"
    )
    print(f"galat             : {len(galat)}")
    for g in galat[:10]:
        print("   ", g)
    print(
        f"indikator disimpan: {len(tersimpan)}; nilai terakhir tidak cocok di basis "
        f"data (update hilang): {len(hilang)}"
    )
    for pk, nilai, di_db in hilang[:10]:
        print(f"    indikator {pk}: disimpan {nilai}, di basis data {di_db}")
    print()
    return persentil(semua, 50), persentil(semua, 95), galat, hilang, tersimpan


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--durasi", type=float, default=120, help="detik tiap putaran")
    p.add_argument("--pengguna", type=int, default=50)
    p.add_argument(
        "--dasar", type=int, default=2, help="pengguna putaran acuan (tanpa beban)"
    )
    p.add_argument("--pekerja", type=int, default=5, help="proses gunicorn")
    p.add_argument("--port", type=int, default=0, help="0: port bebas mana saja")
    p.add_argument(
        "--jeda",
        type=float,
        default=0,
        help="rata-rata detik berpikir tiap pengguna setelah tiap langkah "
        "(0: tanpa jeda)",
    )
    tambah_opsi_cepat(p)
    args = p.parse_args()
    if not args.port:
        args.port = port_bebas()
    if args.cepat:
        args.durasi, args.pengguna, args.dasar = 3, 4, 2
        args.pekerja, args.jeda = 1, 0.2
    acuan, beban = jalankan(args)
    p50_acuan, _, galat_a, hilang_a, simpan_a = cetak("Acuan", args, args.dasar, acuan)
    _, p95_beban, galat_b, hilang_b, simpan_b = cetak(
        "Beban", args, args.pengguna, beban
    )
    rasio = p95_beban / p50_acuan if p50_acuan else float("inf")
    print(
        f"rasio p95 beban ({args.pengguna} pengguna) / p50 acuan ({args.dasar} "
        f"pengguna): {p95_beban * 1000:.0f} / {p50_acuan * 1000:.0f} ms = {rasio:.2f}x"
    )
    gagal = galat_a or galat_b or hilang_a or hilang_b or not (simpan_a and simpan_b)
    sys.exit(1 if gagal else 0)


if __name__ == "__main__":
    main()
