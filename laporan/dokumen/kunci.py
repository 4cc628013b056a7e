"""The one grammar of document keys and the codes of laporan's document kinds.

Every document has one key, built only by ``kunci``: ``<kode>-<subject pk>``,
or ``<kode>`` for a kind with one document per quarter. The same key names the
document in the signature record (``DokumenTerbit.jenis``/``kunci``), the
package, the part cache, the PDF URL and the command. This module imports
nothing, so the modules that assemble the documents' data can name their keys.
"""

# The periods of the kinds (``JenisDokumen.periode``): a quarter's documents,
# or one per year (recorded with ``DokumenTerbit.TAHUNAN`` as its quarter).
TRIWULAN = "triwulan"
TAHUN = "tahun"

LAKIP = "lakip"
UNDANGAN = "undangan"
DAFTAR_HADIR = "daftarhadir"
PERNYATAAN = "pernyataan"
EVALUASI_UNIT = "evaluasi-unit"
EVALUASI_PEJABAT = "evaluasi-pejabat"
SUB_KEGIATAN = "subkegiatan"
REKOMENDASI = "rekomendasi"
LAPORAN_UNIT = "laporan-unit"
SERIKAT_PEKERJA = "spsb"
PERSELISIHAN = "perselisihan"
LAPORAN_KEGIATAN = "laporan-kegiatan"
LAPORAN_PROGRAM = "laporan-program"


def kunci(kode, pk=None):
    """The key of the document of kind ``kode`` about the subject whose primary
    key is ``pk`` (``None``: the kind's only document of the quarter)."""
    return kode if pk is None else f"{kode}-{pk}"


def urai_kunci(teks):
    """``(kode, pk)`` of a key built by ``kunci``; ``(teks, None)`` for a key
    without a subject."""
    kode, _, ekor = teks.rpartition("-")
    if kode and ekor.isascii() and ekor.isdigit():
        return kode, int(ekor)
    return teks, None
