"""Reads of the evaluation, always for one agency."""

from django.shortcuts import get_object_or_404

from evaluasi import skor
from evaluasi.models import (
    BuktiKriteria,
    KomponenLke,
    PenilaianLke,
    RekomendasiLhe,
)


def tahun_lke():
    """The evaluation years that have an LKE structure, newest first."""
    return list(
        KomponenLke.objects.order_by("-tahun")
        .values_list("tahun", flat=True)
        .distinct()
    )


def penilaian(instansi, tahun):
    return PenilaianLke.objects.filter(instansi=instansi, tahun=tahun).first()


def hasil_lke(instansi, tahun):
    """The scores of the agency's LKE of ``tahun`` (empty answers when it has
    not started), or None when the year has no LKE structure."""
    if not KomponenLke.objects.filter(tahun=tahun).exists():
        return None
    return skor.hitung(penilaian(instansi, tahun), tahun)


def bukti_instansi(instansi, pk):
    """An evidence record of ``instansi`` (404 otherwise)."""
    return get_object_or_404(
        BuktiKriteria.objects.select_related("jawaban__penilaian", "jawaban__kriteria"),
        pk=pk,
        jawaban__penilaian__instansi=instansi,
    )


def rekomendasi_instansi(instansi, pk):
    return get_object_or_404(
        RekomendasiLhe.objects.select_related("penilaian"),
        pk=pk,
        penilaian__instansi=instansi,
    )


def rekomendasi_terbuka(instansi):
    """Recommendations of the agency not yet closed, oldest LKE first."""
    return list(
        RekomendasiLhe.objects.filter(penilaian__instansi=instansi, selesai=False)
        .select_related("penilaian")
        .order_by("penilaian__tahun", "urutan")
    )


def ringkasan_dasbor(instansi):
    """``{"hasil", "terbuka"}`` for the dashboard: the latest LKE that has
    answers and the open recommendations; None when there is neither."""
    terakhir = (
        PenilaianLke.objects.filter(instansi=instansi, jawaban__isnull=False)
        .order_by("-tahun")
        .first()
    )
    terbuka = rekomendasi_terbuka(instansi)
    if terakhir is None and not terbuka:
        return None
    return {
        "hasil": skor.hitung(terakhir) if terakhir else None,
        "terbuka": terbuka,
    }
