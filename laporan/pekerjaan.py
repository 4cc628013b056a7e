"""Doing a PDF job (run by ``laporan.tasks``): the requested document built by
the package builder, progress and result stored on its ``BerkasLaporan``."""

import time

from django.utils import timezone

from laporan.dokumen.kunci import LAKIP
from laporan.dokumen.lakip import JENIS as JENIS_LAKIP
from laporan.draf import nama_berkas as nama_draf
from laporan.models import BerkasLaporan
from laporan.paket.rakit import rakit_paket


def _kemajuan(berkas_id, tahap, persen, **lain):
    BerkasLaporan.objects.filter(pk=berkas_id).update(
        tahap=tahap[:100], persen=persen, **lain
    )


def _kerjakan(berkas_id, buat):
    """Run ``buat(berkas, kemajuan)`` for a requested ``BerkasLaporan``, which
    returns ``(PDF bytes, number of pages, file name)``; progress and the result
    are stored on the record. A failure is recorded on the record (status
    ``gagal``) and raised again for the queue."""
    berkas = BerkasLaporan.objects.select_related("laporan__instansi").get(pk=berkas_id)
    mulai = time.monotonic()

    def kemajuan(tahap, persen):
        _kemajuan(berkas_id, tahap, persen)

    try:
        _kemajuan(
            berkas_id, "Menghitung data laporan", 2, status=BerkasLaporan.Status.PROSES
        )
        isi, jumlah_halaman, nama = buat(berkas, kemajuan)
    except Exception as exc:
        _kemajuan(
            berkas_id,
            "Gagal",
            100,
            status=BerkasLaporan.Status.GAGAL,
            pesan=f"{type(exc).__name__}: {exc}",
            selesai_pada=timezone.now(),
        )
        raise
    _kemajuan(
        berkas_id,
        f"Selesai dalam {time.monotonic() - mulai:.0f} detik",
        100,
        status=BerkasLaporan.Status.SELESAI,
        isi=isi,
        ukuran=len(isi),
        jumlah_halaman=jumlah_halaman,
        nama_berkas=nama,
        selesai_pada=timezone.now(),
    )


def kerjakan_paket(berkas_id, pekerja=None):
    """The background job of a ``BerkasLaporan``: its chosen parts (the LAKIP
    job: the LAKIP part alone) laid out in parallel or taken from the cache, and
    joined; progress counts the parts."""

    def buat(berkas, kemajuan):
        laporan = berkas.laporan
        lakip = berkas.jenis == BerkasLaporan.Jenis.LAKIP
        hasil = rakit_paket(
            laporan.instansi,
            laporan.tahun,
            laporan.triwulan,
            pilihan=[LAKIP] if lakip else berkas.bagian,
            pekerja=pekerja,
            kemajuan=kemajuan,
            kelengkapan=not lakip,  # a package: final or DRAF with its list
        )
        nama = hasil.nama_berkas
        if lakip:  # the builder's DRAF prefix kept on the LAKIP's own name
            nama = nama_draf(
                JENIS_LAKIP.nama_berkas(
                    laporan.instansi, laporan.tahun, laporan.triwulan
                ),
                hasil.draf,
            )
        return hasil.isi, hasil.jumlah_halaman, nama

    _kerjakan(berkas_id, buat)
