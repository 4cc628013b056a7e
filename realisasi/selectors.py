"""Read access to realisations, keyed for lookup. One query per function."""

from collections import defaultdict

from lakip.perhitungan import RASIO, nilai_rasio
from realisasi.models import RealisasiAnggaran, RealisasiBelanja, RealisasiIndikator


def realisasi_indikator(indikator, tahun_tahun):
    """``{(indikator_id, tahun): {triwulan: RealisasiIndikator}}`` for the given
    indicators (objects or ids) and years."""
    hasil = defaultdict(dict)
    for r in RealisasiIndikator.objects.filter(
        indikator__in=indikator, tahun__in=tahun_tahun
    ):
        hasil[(r.indikator_id, r.tahun)][r.triwulan] = r
    return hasil


def nilai_realisasi(indikator, realisasi):
    """The realised value of one entry: for a ratio indicator computed from its
    components (unrounded), else the stored value; None if there is no entry."""
    if realisasi is None:
        return None
    if indikator.jenis == RASIO:
        return nilai_rasio(realisasi.pembilang, realisasi.penyebut, indikator.pengali)
    return realisasi.nilai


def realisasi_anggaran(sub_kegiatan):
    """``{sub_kegiatan_id: {triwulan: jumlah}}``: money spent up to each quarter's
    end, for the given sub kegiatan (objects or ids)."""
    hasil = defaultdict(dict)
    for r in RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub_kegiatan):
        hasil[r.sub_kegiatan_id][r.triwulan] = r.jumlah
    return hasil


def realisasi_belanja(rincian):
    """``{rincian_id: {triwulan: jumlah}}`` for the given expenditure lines."""
    hasil = defaultdict(dict)
    for r in RealisasiBelanja.objects.filter(rincian__in=rincian):
        hasil[r.rincian_id][r.triwulan] = r.jumlah
    return hasil


def entri_triwulan(instansi, tahun, triwulan):
    """``{unit_id: EntriTriwulan}`` of every unit of ``instansi`` that has a
    workflow record for the quarter; a unit without one is in Draf."""
    from realisasi.models import EntriTriwulan

    return {
        e.unit_id: e
        for e in EntriTriwulan.objects.filter(
            unit__instansi=instansi, tahun=tahun, triwulan=triwulan
        )
    }
