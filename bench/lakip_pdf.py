"""Benchmark of the LAKIP triwulan document on the seed data.

Usage (from the repository root)::

    python bench/lakip_pdf.py [--kali 5] [--tahun 2024] [--triwulan 1]

Builds a throw-away SQLite database with the seed (``fixtures/seed_2024.json``),
then renders the seed's LAKIP ``--kali`` times and prints the median seconds of
(a) building the report data (``bangun_data_laporan`` + the document's text),
(b) the HTML, (c) WeasyPrint layout and (d) PDF writing, with the page count, the
PDF size and the number of SQL queries of (a)+(b). Wall-clock and CPU seconds are
both printed: on a busy machine the CPU figure is the steadier one. The first run
(cold: imports, fonts) is reported apart and left out of the medians.

Then, in the same process, the app's overhead: the same HTML is saved to a file and
rendered by plain WeasyPrint (``HTML(filename=..., base_url=static/).write_pdf()``,
the fonts of the document's own ``@font-face`` rules); after one warm-up each, the
app path (``laporan.lakip.render.lakip_pdf``: data, HTML, PDF) and plain WeasyPrint
run ``--kali`` times, interleaved, and the medians, their ratio (the overhead) and
both page counts (which must be equal) are printed. Plain WeasyPrint is measured
twice: as called above (a new font configuration per call) and re-using one font
configuration like the app does.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent


def siapkan_django(folder):
    """Production settings on a throw-away SQLite database in ``folder`` with
    the seed loaded."""
    sys.path.insert(0, str(AKAR))
    from bench.lingkungan import atur_produksi

    atur_produksi(f"sqlite:///{folder}/bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("loaddata", str(AKAR / "fixtures" / "seed_2024.json"), verbosity=0)


def satu_kali(instansi, tahun, triwulan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from laporan import pdf
    from laporan.data import bangun_data_laporan
    from laporan.lakip.dokumen import susun_dokumen
    from laporan.lakip.render import render_html

    hasil = {}

    def ukur(kunci, fungsi):
        t, c = time.perf_counter(), time.process_time()
        nilai = fungsi()
        hasil[kunci] = time.perf_counter() - t
        hasil[f"{kunci}_cpu"] = time.process_time() - c
        return nilai

    with CaptureQueriesContext(connection) as kueri:
        dok = ukur(
            "data",
            lambda: susun_dokumen(
                instansi,
                tahun,
                triwulan,
                data=bangun_data_laporan(instansi, tahun, triwulan),
            ),
        )
        html = ukur("html", lambda: render_html(dok))
    dokumen = ukur("tata_letak", lambda: pdf.render_dokumen(html))
    isi = ukur("tulis_pdf", dokumen.write_pdf)
    hasil["halaman"] = len(dokumen.pages)
    hasil["kb"] = len(isi) / 1024
    hasil["kueri"] = len(kueri)
    return hasil


def ukur_waktu(fungsi):
    """``(value, wall seconds, CPU seconds)`` of one call of ``fungsi``."""
    t, c = time.perf_counter(), time.process_time()
    nilai = fungsi()
    return nilai, time.perf_counter() - t, time.process_time() - c


def overhead(instansi, tahun, triwulan, kali, folder):
    """Medians of the app path and plain WeasyPrint on the saved HTML, as
    ``{name: (wall s, CPU s, pages, PDF bytes)}``."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from laporan import pdf
    from laporan.lakip.dokumen import susun_dokumen
    from laporan.lakip.render import lakip_pdf, render_html

    berkas = Path(folder) / "lakip.html"
    berkas.write_text(render_html(susun_dokumen(instansi, tahun, triwulan)), "utf-8")
    statis = str(AKAR / "static")
    assert pdf.BASE_URL == Path(statis).as_uri() + "/"  # the same base for both
    fonta = FontConfiguration()

    def polos(font_config=None):
        dokumen = HTML(filename=str(berkas), base_url=statis).render(
            font_config=font_config
        )
        return len(dokumen.pages), dokumen.write_pdf()

    def aplikasi():
        hasil = lakip_pdf(instansi, tahun, triwulan)
        return hasil.jumlah_halaman, hasil.isi

    cara = {
        "aplikasi": aplikasi,
        "polos": polos,
        "polos_fonta": lambda: polos(fonta),
    }
    if kali > 0:
        for fungsi in cara.values():  # warm-up
            fungsi()
    ukuran = {nama: [] for nama in cara}
    for _ in range(max(kali, 1)):
        for nama, fungsi in cara.items():
            ukuran[nama].append(ukur_waktu(fungsi))
    hasil = {}
    for nama, daftar in ukuran.items():
        halaman, isi = daftar[0][0]
        hasil[nama] = (
            statistics.median(d[1] for d in daftar),
            statistics.median(d[2] for d in daftar),
            halaman,
            len(isi),
        )
    return berkas.stat().st_size, hasil


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kali", type=int, default=5, help="jumlah putaran (>= 2)")
    parser.add_argument("--tahun", type=int, default=2024)
    parser.add_argument("--triwulan", type=int, default=1)
    sys.path.insert(0, str(AKAR))
    from bench.lingkungan import tambah_opsi_cepat

    tambah_opsi_cepat(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        siapkan_django(folder)
        from lakip.models import Instansi

        instansi = Instansi.objects.get()
        putaran = [
            satu_kali(instansi, args.tahun, args.triwulan)
            for _ in range(1 if args.cepat else max(args.kali, 2))
        ]
        if args.cepat:  # one round, counted as both cold and warm
            putaran.append(putaran[0])
            args.kali = 0
        ukuran_html, banding = overhead(
            instansi, args.tahun, args.triwulan, args.kali, folder
        )
    from lakip.format import format_triwulan

    pertama, sisa = putaran[0], putaran[1:]

    def median(kunci):
        return statistics.median(p[kunci] for p in sisa)

    total = sum(median(k) for k in ("data", "html", "tata_letak", "tulis_pdf"))
    print(
        f"LAKIP Triwulan {format_triwulan(args.triwulan)} Tahun {args.tahun} "
        "(data contoh), "
        f"{len(sisa)} putaran hangat + 1 dingin"
    )
    print("                              median s   (CPU s)")
    for kunci, label in [
        ("data", "(a) data laporan         "),
        ("html", "(b) HTML                 "),
        ("tata_letak", "(c) WeasyPrint tata letak"),
        ("tulis_pdf", "    WeasyPrint tulis PDF "),
    ]:
        print(f"  {label}   {median(kunci):7.3f}   ({median(kunci + '_cpu'):7.3f})")
    print(f"      jumlah (a)+(b)+(c)      {total:7.3f}")
    print(
        f"  putaran pertama (dingin)    "
        f"{sum(pertama[k] for k in ('data', 'html', 'tata_letak', 'tulis_pdf')):7.3f} s"
    )
    print(f"  halaman                     {pertama['halaman']:7d}")
    cetak = median("tata_letak") + median("tulis_pdf")
    print(f"  halaman per detik (c)       {pertama['halaman'] / cetak:7.1f}")
    print(f"  ukuran PDF                  {pertama['kb']:7.0f} KB")
    print(f"  kueri SQL (a)+(b)           {pertama['kueri']:7d}")

    app, polos, polos_fonta = (banding[k] for k in ("aplikasi", "polos", "polos_fonta"))
    print()
    print(
        f"Overhead aplikasi vs WeasyPrint polos pada HTML yang sama "
        f"({ukuran_html / 1024:.0f} KB), {max(args.kali, 1)} putaran hangat"
    )
    print(f"  {'':42s} median s   (CPU s)  halaman     KB")
    for nilai, label in [
        (app, "aplikasi (data + HTML + PDF)"),
        (polos, "WeasyPrint polos dari berkas"),
        (polos_fonta, "  idem, FontConfiguration dipakai ulang"),
    ]:
        print(
            f"  {label:42s}  {nilai[0]:7.3f}   ({nilai[1]:7.3f})  {nilai[2]:7d}  "
            f"{nilai[3] / 1024:5.0f}"
        )
    for nilai, label in [
        (polos, "rasio aplikasi/polos (overhead)"),
        (polos_fonta, "rasio aplikasi/polos, fonta dipakai ulang"),
    ]:
        print(f"  {label:42s}  {app[0] / nilai[0]:7.2f}   ({app[1] / nilai[1]:7.2f})")
    sama = app[2] == polos[2] == polos_fonta[2]
    print(f"  {'jumlah halaman sama':42s}  {'ya' if sama else 'TIDAK':>7s}")
    if not sama:
        sys.exit(1)


if __name__ == "__main__":
    main()
