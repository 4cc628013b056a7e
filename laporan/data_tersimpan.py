"""The report data computed once per change, not once per view.

``data_laporan`` and ``data_laporan_tahun`` return what ``laporan.data``
computes, kept in the shared cache under the agency's data version
(``lakip.versi_data``: every committed write to the plan or the realisations
changes it, so a write is never followed by stale figures). A rendered page
fragment is kept the same way by ``lakip.halaman_tersimpan.html_tersimpan``.
"""

from lakip.versi_data import DATA, RENCANA, tersimpan
from laporan import data as data_laporan_mod


def _ambil(kunci_dasar, instansi, tahun, hitung):
    """Stored with references to the plan it was built from (the plan objects
    it holds are not copied at every change: ``lakip.acuan``)."""
    return tersimpan(
        f"data:{kunci_dasar}",
        instansi.pk,
        hitung,
        DATA,
        acuan=lambda: rencana_laporan(instansi, tahun),
    )


def rencana_laporan(instansi, tahun):
    """``laporan.data.baca_rencana``, read once per version of the plan: a
    realisation saved does not make the report data read the plan again. Kept
    in the process too (the report data only reads it)."""
    return tersimpan(
        f"rencana:{instansi.pk}:{tahun}",
        instansi.pk,
        lambda: data_laporan_mod.baca_rencana(instansi, tahun),
        RENCANA,
        proses=True,
    )


def data_laporan(instansi, tahun, triwulan):
    """``laporan.data.bangun_data_laporan``, computed once per data version."""
    return _ambil(
        f"{instansi.pk}:{tahun}:{triwulan}",
        instansi,
        tahun,
        lambda: data_laporan_mod.bangun_data_laporan(
            instansi, tahun, triwulan, rencana_laporan(instansi, tahun)
        ),
    )


def data_laporan_tahun(instansi, tahun, sampai_triwulan):
    """``laporan.data.bangun_data_laporan_tahun``, computed once per data
    version."""
    return _ambil(
        f"{instansi.pk}:{tahun}:1-{sampai_triwulan}",
        instansi,
        tahun,
        lambda: data_laporan_mod.bangun_data_laporan_tahun(
            instansi, tahun, sampai_triwulan, rencana_laporan(instansi, tahun)
        ),
    )
