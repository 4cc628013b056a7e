"""Excel import speed: rows per second of ``realisasi.excel.impor_xlsx`` (read,
validate, save in one transaction) against openpyxl merely reading the same file.

    python bench/impor_excel.py [--cepat]   # uses the database of bench/skala.py

With fewer synthetic agencies in that database than sheets wanted, it adds them.

The sheets are the entry sheets of the synthetic agencies' units as downloaded
(``buat_xlsx``), imported back unchanged, quarter II."""

# isort: skip_file
import argparse
import io
import time

from skala import isi_sampai, operator, siapkan  # sets up Django

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from bench.lingkungan import tambah_opsi_cepat  # noqa: E402
from lakip.models import Instansi, UnitKerja  # noqa: E402
from realisasi.excel import BarisTidakValid, buat_xlsx, impor_xlsx  # noqa: E402
from realisasi.models import PeriodeEntri  # noqa: E402
from realisasi.selectors import lembar_entri  # noqa: E402

ULANG = 10


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tambah_opsi_cepat(parser)
    ulang = 2 if parser.parse_args().cepat else ULANG
    siapkan()
    if Instansi.objects.filter(kode__startswith="bench-").count() < ulang:
        isi_sampai(ulang)
    unit = list(
        UnitKerja.objects.filter(instansi__kode__startswith="bench-", kode="bidang-a")
        .select_related("instansi")
        .order_by("instansi__kode")[:ulang]
    )
    for u in unit:
        PeriodeEntri.objects.update_or_create(
            instansi=u.instansi, tahun=2024, triwulan=2, defaults={"dibuka": True}
        )
    berkas = [(u, buat_xlsx(lembar_entri(u, 2024, 2))) for u in unit]
    baris = sum(load_workbook(io.BytesIO(b))["Entri"].max_row for _, b in berkas)

    awal = time.perf_counter()
    for _, isi in berkas:
        wb = load_workbook(io.BytesIO(isi))
        for _ in wb["Entri"].iter_rows(values_only=True):
            pass
    baca = time.perf_counter() - awal

    awal = time.perf_counter()
    for u, isi in berkas:
        upload = SimpleUploadedFile("entri.xlsx", isi)
        try:
            impor_xlsx(operator(u), lembar_entri(u, 2024, 2), upload)
        except BarisTidakValid as exc:
            raise SystemExit(f"{u.instansi.kode}: {exc.baris}") from exc
    impor = time.perf_counter() - awal

    print(f"{len(berkas)} lembar, {baris} baris")
    print(f"openpyxl membaca : {baris / baca:8.0f} baris/detik")
    print(f"impor_xlsx       : {baris / impor:8.0f} baris/detik")
    print(f"rasio impor/baca : {impor / baca:8.2f}x lebih lambat")


if __name__ == "__main__":
    main()
