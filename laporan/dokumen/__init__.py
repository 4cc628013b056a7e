"""The registry of document kinds: every document the app prints, declared once.

One module per kind (``lakip``, ``undangan``, ``daftarhadir``, ``pernyataan``,
``evaluasi``, ``subkegiatan``, ``rekomendasi``) declares a ``JenisDokumen``
(``laporan.dokumen.dasar``); ``muat_bawaan`` registers them in package order
when the app starts (``LaporanConfig.ready``). A kind of a higher app registers
itself from its own ``AppConfig.ready()`` with ``daftarkan`` (CONTRIBUTING.md).
The package (``laporan.paket``), the signing list and function
(``laporan.lampiran.terbit``), the PDF view (``laporan.dokumen.views``) and the
command read this registry; keys follow ``laporan.dokumen.kunci``.

This module imports nothing at load time, so the modules the kinds are built
from may import ``laporan.dokumen.kunci`` without a cycle.
"""

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


def semua_jenis():
    """Every registered kind, in package order."""
    return list(_TERDAFTAR.values())


def jenis_dokumen(kode):
    """The kind ``kode``, or ``None``."""
    return _TERDAFTAR.get(kode)


def jenis_ttd():
    """The codes of the kinds that can be signed, in registry order."""
    return [j.kode for j in _TERDAFTAR.values() if j.dapat_ditandatangani]


def grup_jenis():
    """``{grup: [kinds]}``: the selection groups and command names."""
    hasil = {}
    for j in _TERDAFTAR.values():
        hasil.setdefault(j.nama_grup, []).append(j)
    return hasil


def muat_bawaan():
    """Register laporan's own kinds, in the package's order."""
    from laporan.dokumen import (
        daftarhadir,
        evaluasi,
        lakip,
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
