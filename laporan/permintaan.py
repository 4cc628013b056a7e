"""Requesting a PDF job: the LAKIP alone or the package, generated in the
background (``laporan.tasks`` runs ``laporan.pekerjaan``). A request returns at
once with the ``BerkasLaporan`` whose progress page the user follows."""

import datetime

from django.utils import timezone

from laporan.models import BerkasLaporan
from laporan.paket.bagian import PilihanTidakValid, daftar_bagian, pilih, susun_konteks
from laporan.services import (
    LaporanTidakValid,
    pastikan_boleh,
    periksa_periode_laporan,
    siapkan_laporan,
)
from laporan.tasks import buat_paket, buat_pdf_lakip

BATAS_JOB_BERJALAN = datetime.timedelta(minutes=10)


def _minta_berkas(instansi, tahun, triwulan, oleh, jenis, bagian, tugas):
    """Record a request for a background document and queue ``tugas`` for it.

    Prepares the report if needed; the request returns at once. While a job of
    the same report, kind and selection is queued or running (requested less
    than ``BATAS_JOB_BERJALAN`` ago) that job is returned instead of a new one,
    so a second click follows the job already under way."""
    laporan, _ = siapkan_laporan(instansi, tahun, triwulan, oleh)
    berjalan = (
        BerkasLaporan.objects.filter(
            laporan=laporan,
            jenis=jenis,
            status__in=[BerkasLaporan.Status.ANTRE, BerkasLaporan.Status.PROSES],
            diminta_pada__gte=timezone.now() - BATAS_JOB_BERJALAN,
        )
        .defer("isi")
        .order_by("-diminta_pada")
    )
    for b in berjalan:
        if b.bagian == bagian:
            return b
    berkas = BerkasLaporan.objects.create(
        laporan=laporan,
        jenis=jenis,
        bagian=bagian,
        tahap="Menunggu giliran",
        diminta_oleh=oleh,
        diminta_pada=timezone.now(),
    )
    hasil = tugas.enqueue(berkas.pk)
    BerkasLaporan.objects.filter(pk=berkas.pk, id_tugas="").update(
        id_tugas=str(hasil.id)
    )
    berkas.refresh_from_db()
    return berkas


def minta_pdf(instansi, tahun, triwulan, oleh):
    """Start generating the quarter's LAKIP as PDF in the background; returns
    the ``BerkasLaporan`` whose status the progress page follows."""
    return _minta_berkas(
        instansi, tahun, triwulan, oleh, BerkasLaporan.Jenis.LAKIP, [], buat_pdf_lakip
    )


def minta_paket(instansi, tahun, triwulan, oleh, bagian=None):
    """Start binding the LAKIP and its attachments into one PDF in the
    background (``laporan.paket``).

    ``bagian`` lists the chosen parts' keys or kinds (empty or None: every
    part); an unknown name raises ``LaporanTidakValid`` and nothing is queued.
    Returns the ``BerkasLaporan`` whose status the progress page follows."""
    pastikan_boleh(oleh)
    periksa_periode_laporan(tahun, triwulan)
    bagian = sorted({b.strip() for b in (bagian or []) if b and b.strip()})
    if bagian:
        semua = daftar_bagian(susun_konteks(instansi, tahun, triwulan))
        try:
            if len(pilih(semua, bagian)) == len(semua):
                bagian = []  # everything chosen: the complete package
        except PilihanTidakValid as exc:
            raise LaporanTidakValid(str(exc)) from None
    return _minta_berkas(
        instansi, tahun, triwulan, oleh, BerkasLaporan.Jenis.PAKET, bagian, buat_paket
    )
