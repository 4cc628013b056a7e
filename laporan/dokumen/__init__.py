"""The registry of document kinds: every document the app prints, declared once.

One module per kind (``lakip``, ``undangan``, ``daftarhadir``, ``pernyataan``,
``evaluasi``, ``laporan_unit``, ``subkegiatan``, ``rekomendasi``) declares a
``JenisDokumen`` (``laporan.dokumen.dasar``); ``muat_bawaan`` registers them in
package order when the app starts (``LaporanConfig.ready``). A kind of a higher
app registers itself from its own ``AppConfig.ready()`` with ``daftarkan``
(CONTRIBUTING.md).
The package (``laporan.paket``), the signing list and function
(``laporan.lampiran.terbit``), the PDF view (``laporan.dokumen.views``) and the
command read this registry; keys follow ``laporan.dokumen.kunci``.

A kind is of a quarter (``JenisDokumen.periode`` ``TRIWULAN`` of
``laporan.dokumen.kunci``, the default:
the package's parts, the quarter's signing list and command) or of a year
(``TAHUN``: e.g. evaluasi's LKE, Dokumen IKU; never a package part, served by
``laporan:dokumen_pdf_tahun`` and signed in the year's list). The listings
below give the quarter's kinds unless asked for another period (``None``: all).

This module imports nothing at load time but ``laporan.dokumen.kunci`` (which
imports nothing), so the modules the kinds are built from may import
``laporan.dokumen.kunci`` without a cycle.
"""

from laporan.dokumen.kunci import TRIWULAN

_TERDAFTAR = {}


def daftarkan(jenis):
    """Add the kind ``jenis`` (a ``JenisDokumen``) after those registered
    before; it is placed in the package after them. Registering the same code
    again replaces the kind in its place."""
    _TERDAFTAR[jenis.kode] = jenis
    return jenis


def hapus(kode):
    """Remove the kind ``kode`` (tests register toy kinds and remove them)."""
    _TERDAFTAR.pop(kode, None)


def semua_jenis(periode=TRIWULAN):
    """Every registered kind of ``periode`` (``None``: of any), in package
    order."""
    return [j for j in _TERDAFTAR.values() if periode in (None, j.periode)]


def jenis_dokumen(kode):
    """The kind ``kode``, or ``None``."""
    return _TERDAFTAR.get(kode)


def jenis_ttd(periode=TRIWULAN):
    """The codes of the kinds of ``periode`` that can be signed, in registry
    order."""
    return [j.kode for j in semua_jenis(periode) if j.dapat_ditandatangani]


def grup_jenis(periode=TRIWULAN):
    """``{grup: [kinds]}`` of ``periode``: the selection groups and command
    names."""
    hasil = {}
    for j in semua_jenis(periode):
        hasil.setdefault(j.nama_grup, []).append(j)
    return hasil


def muat_bawaan():
    """Register laporan's own kinds, in the package's order."""
    from laporan.dokumen import (
        daftarhadir,
        evaluasi,
        lakip,
        laporan_unit,
        pernyataan,
        perselisihan,
        program,
        rekomendasi,
        serikat,
        subkegiatan,
        undangan,
    )

    for jenis in (
        lakip.JENIS,
        undangan.JENIS,
        daftarhadir.JENIS,
        pernyataan.JENIS,
        evaluasi.JENIS_UNIT,
        evaluasi.JENIS_PEJABAT,
        laporan_unit.JENIS,
        subkegiatan.JENIS,
        rekomendasi.JENIS,
        # The Bidang HI's records, after the unit's other opening parts.
        serikat.JENIS,
        perselisihan.JENIS,
        # Reports on a whole kegiatan or program, last in their unit.
        program.JENIS_KEGIATAN,
        program.JENIS_PROGRAM,
    ):
        daftarkan(jenis)
