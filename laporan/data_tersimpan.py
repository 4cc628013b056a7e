"""The report data computed once per change, not once per view.

``data_laporan`` and ``data_laporan_tahun`` return what ``laporan.data``
computes, kept in the shared cache under the agency's data version
(``lakip.versi_data``: every committed write to the plan or the realisations
changes it, so a write is never followed by stale figures). A rendered page
fragment is kept the same way by ``lakip.halaman_tersimpan.html_tersimpan``.
"""

import hashlib
from pathlib import Path

from lakip.versi_data import DATA, tersimpan
from laporan import data as data_laporan_mod

# The data's shape changes with the code: a deployment never reads an older one.
_VERSI_KODE = hashlib.sha256(Path(data_laporan_mod.__file__).read_bytes()).hexdigest()[
    :12
]


def _ambil(kunci_dasar, instansi, hitung):
    return tersimpan(f"data:{_VERSI_KODE}:{kunci_dasar}", instansi.pk, hitung, DATA)


def data_laporan(instansi, tahun, triwulan):
    """``laporan.data.bangun_data_laporan``, computed once per data version."""
    return _ambil(
        f"{instansi.pk}:{tahun}:{triwulan}",
        instansi,
        lambda: data_laporan_mod.bangun_data_laporan(instansi, tahun, triwulan),
    )


def data_laporan_tahun(instansi, tahun, sampai_triwulan):
    """``laporan.data.bangun_data_laporan_tahun``, computed once per data
    version."""
    return _ambil(
        f"{instansi.pk}:{tahun}:1-{sampai_triwulan}",
        instansi,
        lambda: data_laporan_mod.bangun_data_laporan_tahun(
            instansi, tahun, sampai_triwulan
        ),
    )
